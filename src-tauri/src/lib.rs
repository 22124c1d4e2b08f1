//! The Folio desktop app: a Tauri 2 window around `folio-core`.
//!
//! This crate only wires the web view to the core: it opens the database named by
//! `FOLIO_DB` (or the default one), registers the commands, and grants the window
//! exactly those. It holds no business logic, no SQL and no file I/O of its own.

mod commands;
mod state;

use state::AppState;

/// Starts the app and blocks until its last window closes.
pub fn run() {
    tauri::Builder::default()
        .manage(AppState::open())
        .invoke_handler(tauri::generate_handler![
            commands::status,
            commands::start_empty,
            commands::load_demo,
            commands::get_profile,
            commands::list_case_studies,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("the Folio window could not be started");
}
