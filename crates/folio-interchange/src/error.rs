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
    #[error("the file is neither a Folio backup nor a JSON Resume (expected an object with \"format\": \"folio-backup\", or with sections such as \"basics\" and \"work\")")]
    UnknownFormat,
    #[error("the backup was written by a newer Folio (format version {found}; this Folio reads up to {supported}); update Folio to import it")]
    NewerVersion { found: u64, supported: u64 },
    #[error("{path}: {problem}")]
    Malformed { path: String, problem: String },
}

impl Error {
    /// A stable code for the UI and scripts.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::TooLarge { .. } => ErrorCode::ImportTooLarge,
            Self::NewerVersion { .. } => ErrorCode::ImportTooNew,
            Self::UnknownFormat => ErrorCode::ImportUnknownFormat,
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
