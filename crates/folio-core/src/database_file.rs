//! Copies of the database file itself: a consistent backup while the app runs, and a
//! restore that checks the file it is given as closely as an imported backup before
//! anything is replaced.

use std::path::{Path, PathBuf};

use folio_interchange::backup;

use crate::interchange::{check_images, Snapshots};
use crate::{Error, Folio, Result};

impl Folio {
    /// Writes a consistent copy of the database file to `dest` (SQLite's online
    /// backup: the app may keep running).
    pub fn backup_database(&self, dest: &Path) -> Result<()> {
        if self.database_path().is_some_and(|db| same_file(&db, dest)) {
            return Err(Error::invalid("path", "the backup cannot overwrite the database itself"));
        }
        Ok(self.store().backup_to(dest)?)
    }

    /// Replaces the portfolio with the Folio database at `source`, once it is checked
    /// to be one this Folio can read — its schema exactly what Folio's migrations make,
    /// every record, snapshot and image as sound as an imported backup's must be. The
    /// check runs on a private copy, so nothing is replaced unless all of it passes,
    /// and `source` is never written. The current content is kept beside the database
    /// first; its path is returned.
    pub fn restore_database(&self, source: &Path) -> Result<PathBuf> {
        let db = self
            .database_path()
            .ok_or_else(|| Error::invalid("path", "an in-memory portfolio has no file to restore"))?;
        if same_file(&db, source) {
            return Err(Error::invalid("path", "that is the database itself"));
        }
        folio_store::Store::inspect(source)?;
        let folder = db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let staging = tempfile::Builder::new()
            .prefix(".folio-restore-")
            .tempdir_in(folder)
            .map_err(|e| Error::io("write in", folder, e))?;
        let copy = staging.path().join("folio.db");
        folio_store::Store::copy_file(source, &copy)?;
        Folio::open(&copy)?
            .check_sound()
            .map_err(|why| Error::Store(folio_store::Error::NotAFolioDatabase { path: source.to_path_buf(), why }))?;
        // Seconds since the epoch name the kept copy uniquely.
        let stamp = folio_store::now_millis() / 1000;
        let keep = db.with_file_name(format!(
            "{}.before-restore-{stamp}",
            db.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "folio.db".into())
        ));
        self.store().restore_from(&copy, &keep)?;
        Ok(keep)
    }

    /// Whether every record of this portfolio reads, and passes what an imported backup
    /// must pass; else what is wrong, for a restore to refuse the file.
    fn check_sound(&self) -> std::result::Result<(), String> {
        let unreadable = |e: Error| format!("its content cannot be read ({e})");
        let document = self.backup_document_with(Snapshots::AllOrFail).map_err(unreadable)?;
        folio_interchange::read(&backup::write(&document))
            .map_err(Error::from)
            .and_then(|_| check_images(&document))
            .map_err(|e| format!("it fails the checks an imported backup must pass ({e})"))
    }
}

/// Whether two paths name one file (a path that does not exist names none).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
