//! Folio's file formats: JSON Resume in and out, the lossless Folio backup, and
//! LinkedIn's data export in.
//!
//! Pure functions from bytes to records and back: no database, no files. Untrusted
//! input is refused early with an error naming the JSON path and the problem; the core
//! applies what was read in one transaction, so a refused file changes nothing.

pub mod backup;
mod error;
pub mod json_resume;
pub mod linkedin;
mod read;

use folio_model::{CaseStudy, Certification, Education, Experience, Profile, Recommendation, Skill, Writing};
use serde::Serialize;
use ts_rs::TS;

pub use backup::Backup;
pub use error::{Error, Result};
pub use read::{opens_as_backup, MAX_BACKUP_BYTES, MAX_BYTES, MAX_DEPTH};

/// Something an import could not carry over, and where it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Note {
    pub path: String,
    pub message: String,
}

impl Note {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: path.into(), message: message.into() }
    }
}

/// Records read from a JSON Resume or LinkedIn's export, with what could not be mapped.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub format: &'static str,
    pub profile: Option<Profile>,
    pub case_studies: Vec<CaseStudy>,
    /// The id each case study had in the Folio that exported it (from `x-folio`), so
    /// that recommendations and skills pointing at it can be pointed at its new id.
    pub case_study_ids: Vec<Option<uuid::Uuid>>,
    pub recommendations: Vec<Recommendation>,
    pub skills: Vec<Skill>,
    pub experience: Vec<Experience>,
    pub certifications: Vec<Certification>,
    pub education: Vec<Education>,
    pub writing: Vec<Writing>,
    pub notes: Vec<Note>,
}

/// A file read for import: which format it was, and its content.
#[derive(Debug, Clone)]
pub enum Document {
    /// A backup, and the links it held that Folio no longer takes (left out).
    Backup(Box<Backup>, Vec<Note>),
    JsonResume(Box<Imported>),
    /// LinkedIn's data export, from its ZIP or the folder it unpacks to.
    Linkedin(Box<Imported>),
}

/// Reads an import file, detecting its format from its content.
pub fn read(bytes: &[u8]) -> Result<Document> {
    if linkedin::looks_like_zip(bytes) {
        return Ok(Document::Linkedin(Box::new(linkedin::read_archive(std::io::Cursor::new(bytes))?)));
    }
    let doc = read::json(bytes)?;
    if !doc.is_object() {
        return Err(Error::UnknownFormat);
    }
    if backup::looks_like(&doc) {
        // Text from a Folio that took any link keeps its words; the links are noted.
        let (mut doc, mut notes) = (doc, Vec::new());
        read::drop_refused_links(&mut doc, String::new(), &mut notes);
        Ok(Document::Backup(Box::new(backup::read(&doc)?), notes))
    } else if json_resume::looks_like(&doc) {
        Ok(Document::JsonResume(Box::new(json_resume::import(&doc)?)))
    } else {
        Err(Error::UnknownFormat)
    }
}
