use folio_model::ErrorCode;

/// Why a file could not be read. Every variant names what is wrong and, where there is
/// one, the JSON path at fault (`work[3].startDate`).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the file is larger than {limit_mb} MB, the most Folio imports")]
    TooLarge { limit_mb: u64 },
    #[error("the file is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error("the file is not JSON: {0}")]
    NotJson(String),
    #[error("the JSON is nested deeper than {0} levels")]
    TooDeep(usize),
    #[error("the file is neither a Folio backup, a JSON Resume nor LinkedIn's data export (expected an object with \"format\": \"folio-backup\", one with sections such as \"basics\" and \"work\", or the ZIP LinkedIn sends)")]
    UnknownFormat,
    #[error("the file is not a ZIP archive that can be read: {0}")]
    NotZip(String),
    #[error("the archive has an entry named \"{0}\" that points outside it; Folio refuses such archives and read nothing from it")]
    UnsafeEntry(String),
    #[error("{name} holds {size_mb} MB, more than the {limit_mb} MB Folio reads from one file of an export; nothing was imported")]
    FileInArchiveTooLarge { name: String, size_mb: u64, limit_mb: u64 },
    #[error("the archive has none of the files of LinkedIn's data export (Profile.csv, Positions.csv, Skills.csv…)")]
    NotLinkedinExport,
    #[error("the backup was written by a newer Folio (format version {found}; this Folio reads up to {supported}); update Folio to import it")]
    NewerVersion { found: u64, supported: u64 },
    #[error("{path}: {problem}")]
    Malformed { path: String, problem: String },
}

impl Error {
    /// A stable code for the UI and scripts.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::TooLarge { .. } | Self::FileInArchiveTooLarge { .. } => ErrorCode::ImportTooLarge,
            Self::NewerVersion { .. } => ErrorCode::ImportTooNew,
            Self::UnknownFormat | Self::NotZip(_) | Self::NotLinkedinExport => ErrorCode::ImportUnknownFormat,
            _ => ErrorCode::ImportMalformed,
        }
    }

    /// The JSON path at fault, if the error is about one value.
    pub fn path(&self) -> Option<&str> {
        match self {
            Self::Malformed { path, .. } => Some(path),
            _ => None,
        }
    }

    pub(crate) fn at(path: impl Into<String>, problem: impl Into<String>) -> Self {
        Self::Malformed { path: path.into(), problem: problem.into() }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
