//! The Folio desktop app: a Tauri 2 window around `folio-core`.
//!
//! This crate only wires the web view to the core: it opens the database named by
//! `FOLIO_DB` (or the default one), registers the commands, and grants the window
//! exactly those. It holds no business logic, no SQL and no file I/O of its own.

#[macro_use]
mod command_list;
mod commands;
mod state;

use state::AppState;

/// The handlers of the commands given to it.
macro_rules! handlers {
    ($($name:ident),*) => {
        tauri::generate_handler![$(commands::$name),*]
    };
}

/// Every IPC command the window may call, by name.
pub const COMMANDS: &[&str] = with_commands!(names);

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
        .invoke_handler(with_commands!(handlers))
        .run(tauri::generate_context!());
    if let Err(e) = started {
        eprintln!("folio: the window could not be started: {e}");
        std::process::exit(1);
    }
}
