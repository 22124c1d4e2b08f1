use std::time::{Duration, Instant};

use folio_store::{tables::records, OpenOptions, Store};
use uuid::Uuid;

use crate::case_study;
use folio_model::ErrorCode;

#[test]
fn a_new_file_is_created_in_wal_mode_with_foreign_keys_on() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("folio.db"), &OpenOptions::default()).unwrap();
    let mode: String = store.read().pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    let fk: bool = store.read().pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert!(fk);
}

#[test]
fn a_path_whose_folder_does_not_exist_is_refused_and_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder");
    let err = Store::open(&missing.join("folio.db"), &OpenOptions::default()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::DirectoryMissing);
    assert!(err.to_string().contains("no-such-folder"), "{err}");
    assert!(!missing.exists());
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    let text = "These are my notes, not a database. ".repeat(200);
    std::fs::write(&path, &text).unwrap();
    let err = Store::open(&path, &OpenOptions::default()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotAFolioDatabase);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "the file must not be modified");
    assert!(!dir.path().join("notes.db-wal").exists());
}

#[test]
fn an_sqlite_database_of_another_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    rusqlite::Connection::open(&path).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
    let err = Store::open(&path, &OpenOptions::default()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotAFolioDatabase);
    assert!(err.to_string().contains("another program"), "{err}");
}

#[test]
fn a_database_from_a_newer_folio_is_refused_and_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("folio.db");
    drop(Store::open(&path, &OpenOptions::default()).unwrap());
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "user_version", 99).unwrap();

    let err = Store::open(&path, &OpenOptions::default()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::SchemaTooNew);
    assert!(err.to_string().contains("newer version of Folio"), "{err}");
    let version: u32 =
        rusqlite::Connection::open(&path).unwrap().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, 99);
}

#[test]
fn a_write_to_a_locked_database_waits_then_fails_clearly_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("folio.db");
    let timeout = Duration::from_millis(300);
    let mut store = Store::open(&path, &OpenOptions { busy_timeout: timeout }).unwrap();

    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();

    let started = Instant::now();
    let err = store.write(|tx| records::insert(tx, Uuid::now_v7(), &case_study("Blocked"))).unwrap_err();
    assert_eq!(err.code(), ErrorCode::DatabaseBusy);
    assert!(started.elapsed() >= timeout, "the write should wait for the other writer first");
    assert!(err.to_string().contains("try again"), "{err}");

    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(records::count(store.read(), folio_model::EntityKind::CaseStudy).unwrap(), 0);
}

#[test]
fn two_connections_share_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("folio.db");
    let mut app = Store::open(&path, &OpenOptions::default()).unwrap();
    let cli = Store::open(&path, &OpenOptions::default()).unwrap();
    app.write(|tx| records::insert(tx, Uuid::now_v7(), &case_study("Shared"))).unwrap();
    assert_eq!(records::count(cli.read(), folio_model::EntityKind::CaseStudy).unwrap(), 1);
}
