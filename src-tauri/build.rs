//! The config lives at the repository root (`../tauri.conf.json`), next to the
//! workspace; plain cargo builds the app, no Tauri CLI needed. Every command (named once,
//! in `src/command_list.rs`) gets a permission, so that it needs an explicit grant in
//! `capabilities/`.

include!("src/command_list.rs");

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(with_commands!(names));
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json").app_manifest(manifest))
        .expect("failed to prepare the Tauri app (is ui/dist built?)");
}
