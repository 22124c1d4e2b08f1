//! Every command (named once, in `src/command_list.rs`) gets a permission, so that it
//! needs an explicit grant in `capabilities/`. The config is `tauri.conf.json` beside
//! this file; plain cargo builds the app, the Tauri CLI is only needed to package it.

include!("src/command_list.rs");

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(with_commands!(names));
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("failed to prepare the Tauri app (is ui/dist built?)");
}
