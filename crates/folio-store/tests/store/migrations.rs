use folio_model::EntityKind;
use folio_store::{migrations, tables::records, OpenOptions, Store, SCHEMA_VERSION};
use uuid::Uuid;

use crate::case_study;

/// A database left at every earlier schema version opens, migrates to the current one
/// and keeps what it held.
#[test]
fn a_database_at_every_earlier_version_migrates_to_the_current_one() {
    for version in 0..SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("folio.db");
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, version as usize).unwrap();
        drop(conn);

        let mut store = Store::open(&path, &OpenOptions::default()).unwrap();
        let current: u32 = store.read().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(current, SCHEMA_VERSION, "from version {version}");
        store.write(|tx| records::insert(tx, Uuid::now_v7(), &case_study("After migration"))).unwrap();
        assert_eq!(records::count(store.read(), EntityKind::CaseStudy).unwrap(), 1);
    }
}

#[test]
fn reopening_a_current_database_keeps_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("folio.db");
    let mut store = Store::open(&path, &OpenOptions::default()).unwrap();
    store.write(|tx| records::insert(tx, Uuid::now_v7(), &case_study("Kept"))).unwrap();
    drop(store);
    let store = Store::open(&path, &OpenOptions::default()).unwrap();
    let list = records::list::<folio_model::CaseStudy>(store.read()).unwrap();
    assert_eq!(list[0].item.title, "Kept");
}

#[test]
fn an_export_logged_before_schema_3_keeps_its_record_and_has_no_snapshot() {
    use folio_store::tables::export_records;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("folio.db");
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    migrations().to_version(&mut conn, 2).unwrap();
    let id = Uuid::now_v7();
    conn.execute(
        "INSERT INTO export_records (id, edition_id, exported_at, path, sha256, pages, bytes)
         VALUES (?1, NULL, 1700000000000, '/tmp/old.pdf', 'abc', 3, 1234)",
        [id.to_string()],
    )
    .unwrap();
    drop(conn);

    let store = Store::open(&path, &OpenOptions::default()).unwrap();
    let records = export_records::list(store.read(), None).unwrap();
    assert_eq!((records[0].id, records[0].pages, records[0].bytes), (id, 3, 1234));
    assert_eq!(export_records::snapshot(store.read(), id).unwrap(), None);
    assert!(export_records::snapshot(store.read(), Uuid::now_v7()).is_err(), "an unknown export is not found");
}
