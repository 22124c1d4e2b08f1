use folio_model::{ErrorCode, Invalid};
use serde::Serialize;
use ts_rs::TS;

/// Everything a use-case can fail with. [`Error::code`] is stable and crosses IPC;
/// the message is for people.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] folio_store::Error),
    #[error("{0}")]
    Invalid(#[from] Invalid),
    #[error("{0}")]
    NotEmpty(String),
    /// A file could not be read or written; `source` is the system's reason, when
    /// there was one (a missing home folder has none).
    #[error("{message}")]
    Io {
        message: String,
        #[source]
        source: Option<std::io::Error>,
    },
    /// A past export's file that Folio will not hand to the system's opener.
    #[error("{0}")]
    ExportUnavailable(String),
    #[error(transparent)]
    Render(#[from] folio_render::Error),
    /// A Word file could not be put together.
    #[error(transparent)]
    Docx(#[from] folio_formats::Error),
    /// Folio's own PDF could not be read back for the ATS check.
    #[error(transparent)]
    Ats(#[from] folio_ats::Error),
    #[error(transparent)]
    Import(#[from] folio_interchange::Error),
    #[error(transparent)]
    Image(#[from] folio_media::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Store(e) => e.code(),
            Self::Invalid(_) => ErrorCode::InvalidInput,
            Self::NotEmpty(_) => ErrorCode::NotEmpty,
            Self::Io { .. } => ErrorCode::Io,
            Self::ExportUnavailable(_) => ErrorCode::ExportUnavailable,
            Self::Render(_) | Self::Ats(_) | Self::Docx(_) => ErrorCode::RenderFailed,
            Self::Import(e) => e.code(),
            Self::Image(e) => match e {
                folio_media::Error::FileTooLarge | folio_media::Error::TooManyPixels { .. } => ErrorCode::ImageTooLarge,
                folio_media::Error::Unsupported(_) => ErrorCode::ImageUnsupported,
                folio_media::Error::Encode(_) => ErrorCode::ImageFailed,
                folio_media::Error::NotAnImage | folio_media::Error::Corrupt(_) | folio_media::Error::Read(_) => {
                    ErrorCode::ImageUnreadable
                }
            },
        }
    }

    /// The field at fault, for errors about one field.
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::Invalid(invalid) => invalid.first_field(),
            Self::Import(e) => e.path(),
            _ => None,
        }
    }

    pub(crate) fn invalid(field: &str, problem: impl Into<String>) -> Self {
        Self::Invalid(Invalid::field(field, problem))
    }

    /// A failed read or write of `path`, said the way a person needs to hear it: a
    /// full disk is named as such, with the place that could not be written.
    pub(crate) fn io(doing: &str, path: &std::path::Path, e: std::io::Error) -> Self {
        let message = if e.kind() == std::io::ErrorKind::StorageFull {
            format!("the disk is full: cannot {doing} {}", path.display())
        } else {
            format!("cannot {doing} {}: {e}", path.display())
        };
        Self::Io { message, source: Some(e) }
    }

    /// A problem with a path that no system call reported: a folder that is missing, a
    /// name that is a folder.
    pub(crate) fn path(message: impl Into<String>) -> Self {
        Self::Io { message: message.into(), source: None }
    }
}

/// An error as the UI receives it: it branches on `code` and shows `message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorInfo {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
    /// Every field problem, for forms that mark each field.
    pub fields: Vec<folio_model::FieldError>,
}

impl From<&Error> for ErrorInfo {
    fn from(e: &Error) -> Self {
        Self {
            code: e.code(),
            message: e.to_string(),
            field: e.field().map(Into::into),
            fields: match e {
                Error::Invalid(invalid) => invalid.errors.clone(),
                _ => Vec::new(),
            },
        }
    }
}

impl From<Error> for ErrorInfo {
    fn from(e: Error) -> Self {
        Self::from(&e)
    }
}

impl ErrorInfo {
    /// A failure of Folio itself rather than of what the user did.
    pub fn internal(message: impl Into<String>) -> Self {
        Self { code: ErrorCode::Internal, message: message.into(), field: None, fields: Vec::new() }
    }
}
