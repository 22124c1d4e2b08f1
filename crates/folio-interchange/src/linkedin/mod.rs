//! LinkedIn's data export ("Get a copy of your data"): the ZIP of CSV files a member
//! downloads, or the folder it unpacks to.
//!
//! `archive` takes the files Folio reads out of the ZIP, refusing anything that is not
//! plainly an archive of small text files; `table` reads one CSV with the quirks
//! LinkedIn's have (a byte-order mark, a "Notes:" preamble before the header, quoted
//! multi-line fields); `dates` reads its three ways of writing a date; `sections` maps
//! each file onto Folio's records, one function per file. What has no place in Folio —
//! a file, a column, a hidden recommendation — is noted in the report, never fatal.

mod archive;
mod dates;
mod sections;
mod table;

use std::collections::BTreeMap;
use std::io::{Read, Seek};

pub use archive::{looks_like_zip, MAX_ENTRIES};

use crate::{Error, Imported, Note, Result};

/// The largest CSV file Folio reads from an export. A member's positions, skills and
/// recommendations are kilobytes; anything larger is not what it says it is.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The files of the export Folio reads, in the order the report lists them.
pub const FILES: [&str; 12] = [
    "Profile.csv",
    "Email Addresses.csv",
    "PhoneNumbers.csv",
    "Positions.csv",
    "Education.csv",
    "Skills.csv",
    "Languages.csv",
    "Certifications.csv",
    "Honors.csv",
    "Recommendations_Received.csv",
    "Projects.csv",
    "Publications.csv",
];

/// The export's files Folio reads, by name, as text; and the names of the others.
#[derive(Debug, Default)]
pub struct Files {
    texts: BTreeMap<&'static str, String>,
    /// Files of the export that Folio does not read (connections, messages…).
    pub others: Vec<String>,
}

impl Files {
    /// Takes `bytes` as the file `name` if it is one Folio reads (else lists it among the
    /// others): it must be UTF-8, and at most [`MAX_FILE_BYTES`].
    pub fn add(&mut self, name: &str, bytes: Vec<u8>) -> Result<()> {
        let Some(known) = known(name) else {
            self.others.push(name.to_string());
            return Ok(());
        };
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(too_large(known, bytes.len() as u64));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            Error::at(known, format!("is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
        })?;
        self.texts.insert(known, text);
        Ok(())
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.texts.get(name).map(String::as_str)
    }

    fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

/// The file of the export that `name` is, if Folio reads it: by its last path component,
/// whatever its case (exports nest some files in folders, and have changed case before).
pub fn known(name: &str) -> Option<&'static str> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    FILES.into_iter().find(|f| f.eq_ignore_ascii_case(base))
}

/// The refusal of a file larger than Folio reads, in whole megabytes (never shown as
/// the limit itself: a file one byte over 16 MB "holds 17 MB").
pub fn too_large(name: &str, bytes: u64) -> Error {
    const MB: u64 = 1024 * 1024;
    let limit_mb = MAX_FILE_BYTES / MB;
    Error::FileInArchiveTooLarge {
        name: name.to_string(),
        size_mb: ((bytes + MB / 2) / MB).max(limit_mb + 1),
        limit_mb,
    }
}

/// Reads LinkedIn's export from its ZIP.
pub fn read_archive<R: Read + Seek>(reader: R) -> Result<Imported> {
    import(&archive::files(reader)?)
}

/// Maps the export's files onto Folio's records, noting what has no place.
pub fn import(files: &Files) -> Result<Imported> {
    if files.is_empty() {
        return Err(Error::NotLinkedinExport);
    }
    let mut notes = Vec::new();
    let mut imported = Imported { format: "linkedin", ..Imported::default() };
    sections::read_all(files, &mut imported, &mut notes)?;
    for name in FILES {
        if files.get(name).is_none() {
            notes.push(Note::new(name, "not in the export; nothing read from it"));
        }
    }
    if !files.others.is_empty() {
        let mut others = files.others.clone();
        others.sort();
        notes.push(Note::new(
            others.join(", "),
            "not imported: Folio has no place for connections, messages, activity and the like",
        ));
    }
    imported.notes = notes;
    Ok(imported)
}
