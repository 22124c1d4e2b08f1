//! Integration tests of the application API, on real SQLite files.

mod ats;
mod ats_check;
mod bindings;
mod coach;
mod demo;
mod export;
mod files;
mod formats;
mod images;
mod interchange;
mod letter;
mod linkedin;
mod linkedin_kit;
mod portfolio;
mod records;
mod restore;
mod tailoring;

use folio_core::Folio;

/// A portfolio in a fresh file that lives as long as the returned guard.
pub fn open() -> (Folio, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let folio = Folio::open(&dir.path().join("folio.db")).unwrap();
    (folio, dir)
}
