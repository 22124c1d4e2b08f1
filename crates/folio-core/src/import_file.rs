//! An import read from disk: a JSON file (a backup or a JSON Resume), LinkedIn's ZIP, or
//! the folder that ZIP unpacks to. Each is read within its limit, whatever the file
//! claims: `/dev/zero` is refused after 32 MB, a ZIP is read entry by entry from the
//! file rather than whole into memory.

use std::io::Read;
use std::path::Path;

use folio_interchange::{linkedin, Document};

use crate::{Error, Folio, ImportMode, ImportReport, Result};

impl Folio {
    /// Imports the file or folder at `path` (see [`Folio::import_bytes`]).
    pub fn import_file(&self, path: &Path, mode: Option<ImportMode>, dry_run: bool) -> Result<ImportReport> {
        let document = if path.is_dir() { linkedin_folder(path)? } else { read_file(path)? };
        self.import_document(document, mode, dry_run)
    }
}

fn read_file(path: &Path) -> Result<Document> {
    let unreadable = |e: std::io::Error| Error::io("read", path, e);
    let mut file = std::fs::File::open(path).map_err(unreadable)?;
    // The first bytes say what the file is: a ZIP, or a backup (which carries images and
    // so may be larger than anything else), before the rest is read.
    let mut bytes = Vec::with_capacity(256);
    (&mut file).take(256).read_to_end(&mut bytes).map_err(unreadable)?;
    if linkedin::looks_like_zip(&bytes) {
        let file = std::fs::File::open(path).map_err(unreadable)?;
        return Ok(Document::Linkedin(Box::new(linkedin::read_archive(std::io::BufReader::new(file))?)));
    }
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip")) {
        return Err(folio_interchange::Error::NotZip("it does not begin as a ZIP archive does".into()).into());
    }
    let limit = if folio_interchange::opens_as_backup(&bytes) {
        folio_interchange::MAX_BACKUP_BYTES
    } else {
        folio_interchange::MAX_BYTES
    };
    let too_large = || Error::from(folio_interchange::Error::TooLarge { limit_mb: (limit / 1024 / 1024) as u64 });
    if file.metadata().map_err(unreadable)?.len() > limit as u64 {
        return Err(too_large());
    }
    file.take((limit + 1 - bytes.len()) as u64).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() > limit {
        return Err(too_large());
    }
    Ok(folio_interchange::read(&bytes)?)
}

/// LinkedIn's export unpacked: the files Folio reads from the folder itself (not its
/// subfolders), each within the limit an entry of the ZIP has.
fn linkedin_folder(dir: &Path) -> Result<Document> {
    let unreadable = |path: &Path, e: std::io::Error| Error::io("read", path, e);
    let mut files = linkedin::Files::default();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| unreadable(dir, e))?
        .collect::<std::io::Result<_>>()
        .map_err(|e| unreadable(dir, e))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if !path.is_file() || linkedin::known(&name).is_none() {
            files.others.push(name);
            continue;
        }
        let size = entry.metadata().map_err(|e| unreadable(&path, e))?.len();
        if size > linkedin::MAX_FILE_BYTES {
            return Err(linkedin::too_large(&name, size).into());
        }
        let mut bytes = Vec::new();
        let file = std::fs::File::open(&path).map_err(|e| unreadable(&path, e))?;
        file.take(linkedin::MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| unreadable(&path, e))?;
        files.add(&name, bytes)?;
    }
    Ok(Document::Linkedin(Box::new(linkedin::import(&files)?)))
}
