use folio_model::{EntityKind, ErrorCode};
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

/// The databases Folio wrote at each earlier schema: `tests/fixtures/schema-N.db`, each
/// made by `folio demo` (and, from schema 2, `folio image add`) of the commit where
/// schema N was the newest, and never regenerated.
fn released_database(version: u32) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema-{version}.db"))
}

/// What a database holds, read with plain SQL so that any schema can be read: its
/// version and the title of every live record of every kind, in order.
fn contents(path: &std::path::Path) -> (u32, Vec<(String, String)>) {
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let version = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    let mut titles = Vec::new();
    let tables = [
        "case_studies",
        "recommendations",
        "skills",
        "experience",
        "certifications",
        "education",
        "writing",
        "editions",
    ];
    for table in tables {
        let mut stmt =
            conn.prepare(&format!("SELECT title FROM {table} WHERE deleted_at IS NULL ORDER BY position")).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        titles.extend(rows.map(|t| (table.to_string(), t.unwrap())));
    }
    (version, titles)
}

#[test]
fn a_database_made_by_every_earlier_schema_is_copied_aside_then_upgraded_with_every_record() {
    for version in 1..SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("folio.db");
        std::fs::copy(released_database(version), &path).unwrap();
        let (was, before) = contents(&path);
        assert_eq!(was, version);
        assert!(before.len() > 10, "the schema {version} fixture holds a portfolio: {before:?}");

        let store = Store::open(&path, &OpenOptions::default()).unwrap();
        let copy = folio_store::upgrade_copy_path(&path);
        assert_eq!(copy, dir.path().join(format!("folio.db.before-v{SCHEMA_VERSION}")));
        assert_eq!(
            contents(&copy),
            (version, before.clone()),
            "the copy is the database as it was, at schema {version}"
        );
        assert_eq!(contents(&path), (SCHEMA_VERSION, before.clone()), "every record is kept by the upgrade");
        let case_studies = records::list::<folio_model::CaseStudy>(store.read()).unwrap();
        let titles: Vec<_> = before.iter().filter(|(t, _)| t == "case_studies").map(|(_, title)| title).collect();
        assert_eq!(case_studies.iter().map(|c| &c.item.title).collect::<Vec<_>>(), titles, "schema {version}");
        assert!(case_studies.iter().any(|c| !c.item.decisions.is_empty()), "what the records say is read");
    }
}

#[test]
fn opening_a_current_or_new_database_keeps_no_upgrade_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("folio.db");
    drop(Store::open(&path, &OpenOptions::default()).unwrap());
    drop(Store::open(&path, &OpenOptions::default()).unwrap());
    assert!(!folio_store::upgrade_copy_path(&path).exists());
}

#[test]
fn an_upgrade_whose_copy_cannot_be_written_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("folio.db");
    std::fs::copy(released_database(1), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    // A folder where the copy would go: the copy cannot be written, whoever runs this.
    std::fs::create_dir(folio_store::upgrade_copy_path(&path)).unwrap();

    let err = Store::open(&path, &OpenOptions::default()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::UpgradeCopyFailed);
    let message = err.to_string();
    assert!(message.contains("folio.db.before-v") && message.contains("nothing was changed"), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the database is left as it was");
}
