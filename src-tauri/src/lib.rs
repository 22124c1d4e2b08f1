//! The Folio desktop app: a Tauri 2 window around `folio-core`.
//!
//! This crate only wires the web view to the core: it opens the database named by
//! `FOLIO_DB` (or the default one), registers the commands, and grants the window
//! exactly those. It holds no business logic, no SQL and no file I/O of its own.

mod commands;
mod state;

use state::AppState;

/// Starts the app and blocks until its last window closes. Call it first thing in
/// `main`, before any other thread exists.
pub fn run() {
    // A page of forms and lists needs no GPU compositing. Drawing without it, WebKit's
    // web process holds about 100 MB less (a GL context and layer textures), and the
    // blank-window bugs some GPU drivers have with WebKitGTK cannot happen. It has to be
    // decided before WebKit starts (switching a web view later makes it reload its
    // page), hence the environment; someone who set the variable keeps their choice.
    // `g_setenv` is sound here: no other thread exists yet to read the environment.
    #[cfg(target_os = "linux")]
    if let Err(e) = webkit2gtk::glib::setenv("WEBKIT_DISABLE_COMPOSITING_MODE", "1", false) {
        eprintln!("folio: could not turn GPU compositing off ({e}); continuing with it");
    }
    // Without a display there is no window to open: say so in one sentence, not with
    // the panic (and backtrace) the window toolkit would give.
    #[cfg(target_os = "linux")]
    if let Err(e) = gtk::init() {
        eprintln!(
            "folio: cannot open a window ({e}); start Folio in a desktop session (DISPLAY or WAYLAND_DISPLAY), \
             or use the `folio` command"
        );
        std::process::exit(1);
    }
    let started = tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState::open())
        .setup(|app| {
            // Folio shows only its own bundled page: WebKit's web caches would hold
            // memory for nothing.
            #[cfg(target_os = "linux")]
            if let Some(window) = tauri::Manager::get_webview_window(app, "main") {
                window.with_webview(|webview| {
                    use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
                    if let Some(context) = webview.inner().context() {
                        context.set_cache_model(CacheModel::DocumentViewer);
                    }
                })?;
            }
            #[cfg(not(target_os = "linux"))]
            let _ = app;
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::status,
            commands::start_empty,
            commands::load_demo,
            commands::get_profile,
            commands::update_profile,
            commands::list_records,
            commands::create_record,
            commands::create_blank,
            commands::update_record,
            commands::delete_record,
            commands::restore_record,
            commands::reorder_records,
            commands::trash,
            commands::empty_trash,
            commands::search,
            commands::known_technologies,
            commands::metric_presets,
            commands::describe_metric,
            commands::themes,
            commands::markdown,
            commands::preview_pdf,
            commands::export_pdf,
            commands::exports,
            commands::snapshot_pdf,
            commands::coach,
            commands::match_posting,
            commands::suggested_export_path,
            commands::open_export,
            commands::import_file,
            commands::import_image,
            commands::import_image_bytes,
            commands::thumbnail,
            commands::export_file,
            commands::backup_database,
            commands::restore_database,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(e) = started {
        eprintln!("folio: the window could not be started: {e}");
        std::process::exit(1);
    }
}
