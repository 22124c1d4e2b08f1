//! The files Folio reads out of the export's ZIP, and nothing else: every entry name is
//! checked before anything is inflated (no entry may point outside the archive), each
//! file's declared size is checked against the limit before inflating it, and inflating
//! stops at the limit whatever the header claimed.

use std::io::{Read, Seek};

use super::{known, too_large, Files, MAX_FILE_BYTES};
use crate::{Error, Result};

/// The most entries an export may have: LinkedIn's complete archive has about a hundred.
pub const MAX_ENTRIES: usize = 10_000;

/// Whether `bytes` open as a ZIP archive does (a local file header, or the end record of
/// an empty archive).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Whether an entry's name reaches outside the archive when unpacked: an absolute path,
/// a drive, or a `..` anywhere. (Folio unpacks nothing, but an archive that tries this
/// is not an export LinkedIn made.)
fn escapes(name: &str) -> bool {
    name.starts_with(['/', '\\'])
        || name.as_bytes().get(1) == Some(&b':')
        || name.split(['/', '\\']).any(|part| part == "..")
}

fn damaged(e: zip::result::ZipError) -> Error {
    Error::NotZip(e.to_string())
}

/// Reads the files of the export Folio takes; lists the rest by name.
pub(super) fn files<R: Read + Seek>(reader: R) -> Result<Files> {
    let mut zip = zip::ZipArchive::new(reader).map_err(damaged)?;
    if zip.len() > MAX_ENTRIES {
        return Err(Error::NotZip(format!("it holds {} entries, more than an export has", zip.len())));
    }
    // Every name first: an archive with one entry aimed outside itself is refused whole.
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(damaged)?;
        let name = entry.name().to_string();
        if entry.enclosed_name().is_none() || escapes(&name) {
            return Err(Error::UnsafeEntry(name.chars().take(120).collect()));
        }
    }
    let mut files = Files::default();
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(damaged)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().to_string();
        let Some(wanted) = known(&name) else {
            files.others.push(name);
            continue;
        };
        if entry.size() > MAX_FILE_BYTES {
            return Err(too_large(wanted, entry.size()));
        }
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        // A header that understates the size is caught here, one byte past the limit.
        entry
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::at(wanted, format!("could not be inflated: {e}")))?;
        files.add(wanted, bytes)?;
    }
    Ok(files)
}
