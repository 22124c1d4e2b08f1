//! The smallest Tauri 2 app: one window showing one static page, no commands.

fn main() {
    tauri::Builder::default().run(tauri::generate_context!()).expect("the bare window could not be started");
}
