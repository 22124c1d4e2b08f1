use std::path::PathBuf;

use folio_model::ErrorCode;

/// What can go wrong in the store. Each variant has a stable [`Error::code`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the folder {} does not exist", .0.display())]
    DirectoryMissing(PathBuf),
    #[error("{} is not a Folio database: {why}; it was left untouched", .path.display())]
    NotAFolioDatabase { path: PathBuf, why: String },
    #[error(
        "{} was written by a newer version of Folio (schema {found}; this one knows up to {known}); update Folio to open it",
        .path.display()
    )]
    SchemaTooNew { path: PathBuf, found: u32, known: u32 },
    #[error("the database is busy: another Folio window or command is writing to it; try again in a moment")]
    Busy,
    #[error("there is no {kind} with id {id}")]
    NotFound { kind: &'static str, id: String },
    #[error("a stored {kind} could not be read ({source}); the database may have been edited by hand")]
    Corrupt { kind: &'static str, source: serde_json::Error },
    #[error("the database schema could not be brought up to date: {0}")]
    Migration(String),
    #[error(
        "{} needs upgrading, but the copy kept before an upgrade could not be written to {} ({why}); nothing was changed",
        .path.display(), .copy.display()
    )]
    UpgradeCopy { path: PathBuf, copy: PathBuf, why: String },
    #[error("the disk is full: cannot write {}", .0.display())]
    DiskFull(PathBuf),
    #[error("cannot write {}: {source}", .path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A stable, machine-readable name for the kind of error.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::DirectoryMissing(_) => ErrorCode::DirectoryMissing,
            Self::NotAFolioDatabase { .. } => ErrorCode::NotAFolioDatabase,
            Self::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            Self::Busy => ErrorCode::DatabaseBusy,
            Self::NotFound { .. } => ErrorCode::NotFound,
            Self::Corrupt { .. } => ErrorCode::CorruptRecord,
            Self::Migration(_) => ErrorCode::MigrationFailed,
            Self::UpgradeCopy { .. } => ErrorCode::UpgradeCopyFailed,
            Self::DiskFull(_) => ErrorCode::DiskFull,
            Self::Io { .. } => ErrorCode::Io,
            Self::Sqlite(_) => ErrorCode::Database,
        }
    }

    pub(crate) fn from_migration(e: rusqlite_migration::Error) -> Self {
        match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => err.into(),
            other => Self::Migration(other.to_string()),
        }
    }
}

impl Error {
    /// A failed write of `path`, naming a full disk as such.
    pub(crate) fn writing(path: &std::path::Path, e: Error) -> Self {
        match e {
            Self::Sqlite(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) => {
                Self::DiskFull(path.to_path_buf())
            }
            other => other,
        }
    }

    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::StorageFull {
            Self::DiskFull(path.to_path_buf())
        } else {
            Self::Io { path: path.to_path_buf(), source }
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => Self::Busy,
            _ => Self::Sqlite(e),
        }
    }
}
