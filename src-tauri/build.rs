//! The config lives at the repository root (`../tauri.conf.json`), next to the
//! workspace; plain cargo builds the app, no Tauri CLI needed. Every command is listed
//! here so that it needs an explicit grant in `capabilities/`.

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(&[
        "status",
        "start_empty",
        "load_demo",
        "get_profile",
        "list_case_studies",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json").app_manifest(manifest))
        .expect("failed to prepare the Tauri app (is ui/dist built?)");
}
