//! Restoring a database copy trusts nothing the file claims: its schema must be the
//! one Folio's migrations make and its records must pass what an imported backup
//! passes — else nothing is replaced and no copy is kept aside.

use std::path::Path;

use folio_core::{FileFormat, Folio};
use folio_model::{CaseStudy, ErrorCode, Skill};

use crate::open;

fn everything(folio: &Folio) -> Vec<u8> {
    folio.export_bytes(FileFormat::Folio, None).unwrap()
}

/// Restores `copy` into a demo portfolio and checks it was refused as not a sound
/// Folio database, with nothing changed; returns the message.
fn refused(dir: &Path, folio: &Folio, copy: &Path) -> String {
    let before = everything(folio);
    let err = folio.restore_database(copy).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotAFolioDatabase, "{err}");
    assert_eq!(everything(folio), before, "a refused restore changed the portfolio");
    let kept: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("before-restore") || n.starts_with(".folio-restore"))
        .collect();
    assert!(kept.is_empty(), "a refused restore leaves nothing behind: {kept:?}");
    // Every command still works on the portfolio that stayed.
    assert!(folio.list::<CaseStudy>().unwrap().len() >= 6);
    err.to_string()
}

/// A backup copy of the demo, changed by `sql`.
fn tampered_copy(folio: &Folio, dir: &Path, sql: &str) -> std::path::PathBuf {
    let copy = dir.join("copy.db");
    folio.backup_database(&copy).unwrap();
    rusqlite::Connection::open(&copy).unwrap().execute_batch(sql).unwrap();
    copy
}

#[test]
fn a_file_that_only_claims_to_be_folio_is_refused() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let fake = dir.path().join("fake.db");
    rusqlite::Connection::open(&fake)
        .unwrap()
        .execute_batch("PRAGMA application_id = 1181707369; PRAGMA user_version = 3; CREATE TABLE t (x);")
        .unwrap();
    let err = refused(dir.path(), &folio, &fake);
    assert!(err.contains("which Folio never makes") || err.contains("lacks"), "{err}");

    let empty = dir.path().join("empty.db");
    rusqlite::Connection::open(&empty)
        .unwrap()
        .execute_batch("PRAGMA application_id = 1181707369; PRAGMA user_version = 3;")
        .unwrap();
    let err = refused(dir.path(), &folio, &empty);
    assert!(err.contains("lacks the table"), "{err}");
}

#[test]
fn a_copy_with_a_trigger_folio_never_makes_is_refused() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let copy = tampered_copy(
        &folio,
        dir.path(),
        "CREATE TRIGGER wipe AFTER INSERT ON skills BEGIN DELETE FROM case_studies; END;",
    );
    let err = refused(dir.path(), &folio, &copy);
    assert!(err.contains("the trigger \"wipe\", which Folio never makes"), "{err}");

    // Named like SQLite's own statistics (which SQLite itself refuses to create, so it
    // is written into the schema by hand), it is still compared.
    std::fs::remove_file(&copy).unwrap();
    let copy = tampered_copy(
        &folio,
        dir.path(),
        "PRAGMA writable_schema = ON;
         INSERT INTO sqlite_schema VALUES ('trigger', 'sqlite_stat9', 'skills', 0,
           'CREATE TRIGGER sqlite_stat9 AFTER INSERT ON skills BEGIN DELETE FROM case_studies; END');",
    );
    let err = refused(dir.path(), &folio, &copy);
    assert!(err.contains("the trigger \"sqlite_stat9\""), "{err}");

    std::fs::remove_file(&copy).unwrap();
    let copy = tampered_copy(&folio, dir.path(), "ALTER TABLE skills ADD COLUMN note TEXT;");
    let err = refused(dir.path(), &folio, &copy);
    assert!(err.contains("the table \"skills\" is not as Folio makes it"), "{err}");
}

#[test]
fn a_copy_with_a_record_folio_cannot_read_is_refused_naming_it() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let copy = tampered_copy(
        &folio,
        dir.path(),
        r#"UPDATE case_studies SET body = '{"title":5}' WHERE rowid = (SELECT min(rowid) FROM case_studies);"#,
    );
    let err = refused(dir.path(), &folio, &copy);
    assert!(err.contains("could not be read"), "{err}");

    std::fs::remove_file(&copy).unwrap();
    let copy = tampered_copy(
        &folio,
        dir.path(),
        r#"UPDATE case_studies SET body = json_set(body, '$.title', '') WHERE rowid = (SELECT min(rowid) FROM case_studies);"#,
    );
    let err = refused(dir.path(), &folio, &copy);
    assert!(err.contains("caseStudies[0].item.title: must not be empty"), "{err}");
}

#[test]
fn a_sound_copy_restores_and_the_file_it_came_from_is_not_written() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let copy = dir.path().join("copy.db");
    folio.backup_database(&copy).unwrap();
    let demo = everything(&folio);
    let bytes = std::fs::read(&copy).unwrap();
    folio.create(&Skill { name: "Zig".into(), ..Skill::default() }).unwrap();
    folio.restore_database(&copy).unwrap();
    assert_eq!(everything(&folio), demo);
    assert_eq!(std::fs::read(&copy).unwrap(), bytes, "the source is only read");
}
