//! The config lives at the repository root (`../tauri.conf.json`), next to the
//! workspace; plain cargo builds the app, no Tauri CLI needed. Every command is listed
//! here so that it needs an explicit grant in `capabilities/`.

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(&[
        "status",
        "start_empty",
        "load_demo",
        "get_profile",
        "update_profile",
        "list_records",
        "create_record",
        "create_blank",
        "update_record",
        "delete_record",
        "restore_record",
        "reorder_records",
        "trash",
        "empty_trash",
        "search",
        "known_technologies",
        "metric_presets",
        "describe_metric",
        "themes",
        "markdown",
        "preview_pdf",
        "export_pdf",
        "exports",
        "snapshot_pdf",
        "coach",
        "match_posting",
        "suggested_export_path",
        "open_export",
        "import_file",
        "import_image",
        "import_image_bytes",
        "thumbnail",
        "export_file",
        "backup_database",
        "restore_database",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json").app_manifest(manifest))
        .expect("failed to prepare the Tauri app (is ui/dist built?)");
}
