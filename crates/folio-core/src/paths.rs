//! Where the database lives when nobody says otherwise.

use std::path::PathBuf;

use crate::{Error, Result};

/// The environment variable that names a database file for the app and the CLI.
pub const DB_ENV: &str = "FOLIO_DB";

/// The database the desktop app uses by default: `folio.db` in the platform's data
/// folder (`~/.local/share/folio` on Linux, `~/Library/Application Support/folio` on
/// macOS, `%APPDATA%\folio\data` on Windows). The folder is created when missing.
pub fn default_database_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "folio")
        .ok_or_else(|| Error::path("cannot find your home folder to keep Folio's data in"))?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    Ok(dir.join("folio.db"))
}

/// `FOLIO_DB` when set, else [`default_database_path`].
pub fn database_path_from_env() -> Result<PathBuf> {
    match std::env::var_os(DB_ENV) {
        Some(path) if !path.is_empty() => Ok(PathBuf::from(path)),
        _ => default_database_path(),
    }
}
