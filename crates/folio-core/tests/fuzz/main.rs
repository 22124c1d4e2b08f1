//! Fuzzing on stable Rust: everything Folio reads from outside — JSON Resume and
//! backup files, images, Markdown, and text that goes through layout — is fed with
//! generated and mutated input. Whatever comes in, Folio never panics, every refusal is
//! a clear error with a code, and a refused import changes nothing.
//!
//! Two kinds of test: properties (proptest, a fixed number of cases, run by `make
//! test`), and a time-bounded mutation loop over seed files (`mutation_loop`, 10 s in
//! `make test`, as long as `FOLIO_FUZZ_SECONDS` says in `make fuzz`). Inputs that once
//! broke Folio are kept in `tests/fixtures/regressions/` and replayed by `regressions`.

mod inputs;
mod mutation_loop;
mod properties;
mod regressions;

use std::panic::{catch_unwind, AssertUnwindSafe};

use folio_core::{ExportRequest, FileFormat, Folio, ImportMode};
use folio_model::ErrorCode;

/// What became of one input.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Imported,
    Refused(String),
}

/// Codes a refused file may carry: each names what is wrong with the file.
const REFUSALS: &[ErrorCode] = &[
    ErrorCode::ImportMalformed,
    ErrorCode::ImportTooLarge,
    ErrorCode::ImportTooNew,
    ErrorCode::ImportUnknownFormat,
    ErrorCode::InvalidInput,
    ErrorCode::ImageUnreadable,
    ErrorCode::ImageUnsupported,
    ErrorCode::ImageTooLarge,
];

/// A demo portfolio in memory, and its backup bytes to compare with after each input.
#[derive(Debug)]
pub struct Subject {
    pub folio: Folio,
    pub before: Vec<u8>,
}

impl Subject {
    /// The demo without its pictures (the image pipeline is fuzzed on its own): fast
    /// to put back after each input that imports.
    pub fn demo() -> Self {
        let folio = Folio::in_memory().unwrap();
        let mut demo: serde_json::Value = serde_json::from_slice(&demo_backup()).unwrap();
        demo["assets"] = serde_json::json!([]);
        demo["profile"]["photo"] = serde_json::Value::Null;
        for study in demo["caseStudies"].as_array_mut().unwrap() {
            study["item"]["images"] = serde_json::json!([]);
        }
        folio.import_bytes(demo.to_string().as_bytes(), None, false).unwrap();
        let before = folio.export_bytes(FileFormat::Folio, None).unwrap();
        Self { folio, before }
    }

    /// Imports `bytes` in place of the portfolio. A refusal must carry a known code
    /// and change nothing; an import must then lay out, print and export without a
    /// panic. The portfolio is put back afterwards. `Err` says what went wrong.
    pub fn import(&self, bytes: &[u8]) -> Result<Outcome, String> {
        let folio = &self.folio;
        let result = catch_unwind(AssertUnwindSafe(|| folio.import_bytes(bytes, Some(ImportMode::Replace), false)))
            .map_err(|panic| format!("import panicked: {}", message(&panic)))?;
        match result {
            Err(e) => {
                if !REFUSALS.contains(&e.code()) || e.to_string().trim().is_empty() {
                    return Err(format!("refused with an unclear error: {} {e}", e.code()));
                }
                if folio.export_bytes(FileFormat::Folio, None).map_err(|e| e.to_string())? != self.before {
                    return Err(format!("a refused import ({e}) changed the portfolio"));
                }
                Ok(Outcome::Refused(e.code().to_string()))
            }
            Ok(_) => {
                catch_unwind(AssertUnwindSafe(|| use_everything(folio)))
                    .map_err(|panic| format!("using the imported portfolio panicked: {}", message(&panic)))??;
                folio.import_bytes(&self.before, Some(ImportMode::Replace), false).map_err(|e| e.to_string())?;
                Ok(Outcome::Imported)
            }
        }
    }
}

/// Everything a user does with a portfolio after an import: preview and export each
/// edition, and export a JSON Resume and a backup. Only a panic or an internal error
/// is wrong.
fn use_everything(folio: &Folio) -> Result<(), String> {
    let mut editions: Vec<Option<uuid::Uuid>> = vec![None];
    editions.extend(folio.list::<folio_model::Edition>().map_err(|e| e.to_string())?.into_iter().map(|e| Some(e.id)));
    // Folio's own failures: a store that cannot read what it just took in, a renderer
    // that cannot print it. A refusal (a redaction that cannot hide a name) is fine.
    let internal = |e: folio_core::Error| match e.code() {
        ErrorCode::Database | ErrorCode::CorruptRecord | ErrorCode::RenderFailed | ErrorCode::Io => {
            Err(format!("{}: {e}", e.code()))
        }
        _ => Ok(()),
    };
    for edition in editions {
        folio.render_pdf(&ExportRequest { edition, ..ExportRequest::default() }).map(|_| ()).or_else(internal)?;
        folio.export_bytes(FileFormat::JsonResume, edition).map(|_| ()).or_else(internal)?;
        folio.coach(edition).map(|_| ()).or_else(internal)?;
    }
    folio.export_bytes(FileFormat::Folio, None).map(|_| ()).map_err(|e| format!("the backup failed: {e}"))
}

/// The demo portfolio as a backup, made once for every test of this binary.
pub fn demo_backup() -> Vec<u8> {
    static DEMO: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    DEMO.get_or_init(|| {
        let folio = Folio::in_memory().unwrap();
        folio.load_demo(false).unwrap();
        folio.export_bytes(FileFormat::Folio, None).unwrap()
    })
    .clone()
}

pub fn message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(no message)".into())
}
