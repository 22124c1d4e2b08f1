//! The codes of every error that crosses into the UI or a script (`{ code, message,
//! field }` over IPC, `folio … --json`): one enum, so that the UI and the tests match
//! them by type and a new one is a change the compiler sees everywhere.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of error it was; stable, `snake_case` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A field the user typed is not valid; `field` names it.
    InvalidInput,
    /// The portfolio holds records and the operation needs an empty one.
    NotEmpty,
    /// A file could not be read or written.
    Io,
    /// A past export's file is gone or changed, so Folio will not open it.
    ExportUnavailable,
    /// The PDF could not be made (or read back).
    RenderFailed,
    ImportTooLarge,
    ImportTooNew,
    ImportUnknownFormat,
    ImportMalformed,
    ImageTooLarge,
    ImageUnsupported,
    ImageFailed,
    ImageUnreadable,
    DirectoryMissing,
    NotAFolioDatabase,
    SchemaTooNew,
    DatabaseBusy,
    NotFound,
    CorruptRecord,
    MigrationFailed,
    UpgradeCopyFailed,
    DiskFull,
    /// SQLite failed in a way none of the above names.
    Database,
    /// A failure of Folio itself rather than of what the user did.
    Internal,
}

impl ErrorCode {
    /// The code as it is written on the wire: `invalid_input`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidInput => "invalid_input",
            Self::NotEmpty => "not_empty",
            Self::Io => "io",
            Self::ExportUnavailable => "export_unavailable",
            Self::RenderFailed => "render_failed",
            Self::ImportTooLarge => "import_too_large",
            Self::ImportTooNew => "import_too_new",
            Self::ImportUnknownFormat => "import_unknown_format",
            Self::ImportMalformed => "import_malformed",
            Self::ImageTooLarge => "image_too_large",
            Self::ImageUnsupported => "image_unsupported",
            Self::ImageFailed => "image_failed",
            Self::ImageUnreadable => "image_unreadable",
            Self::DirectoryMissing => "directory_missing",
            Self::NotAFolioDatabase => "not_a_folio_database",
            Self::SchemaTooNew => "schema_too_new",
            Self::DatabaseBusy => "database_busy",
            Self::NotFound => "not_found",
            Self::CorruptRecord => "corrupt_record",
            Self::MigrationFailed => "migration_failed",
            Self::UpgradeCopyFailed => "upgrade_copy_failed",
            Self::DiskFull => "disk_full",
            Self::Database => "database",
            Self::Internal => "internal",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_written_on_the_wire_as_its_name() {
        for code in [ErrorCode::InvalidInput, ErrorCode::NotAFolioDatabase, ErrorCode::Database] {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }
}
