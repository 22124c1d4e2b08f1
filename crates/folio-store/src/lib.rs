//! Folio's SQLite store: the only crate that writes SQL.
//!
//! One file holds a whole portfolio. It is opened in WAL mode with foreign keys on and
//! a busy timeout, so the desktop app and the CLI can share it; the schema is versioned
//! in SQLite's `user_version` and migrated forward on open. Writes happen inside
//! [`Store::write`], one transaction per user action, so a failed action changes
//! nothing. The store never validates what a user typed — that is the model's job,
//! done by the core before anything reaches here.

mod error;
mod migrations;
pub mod search;
pub mod tables;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

/// A write transaction, handed to the table functions by [`Store::write`].
pub use rusqlite::Transaction;

pub use error::{Error, Result};
pub use migrations::{migrations, SCHEMA_VERSION};
pub use search::SearchHit;
pub use tables::records::TrashItem;

/// `PRAGMA application_id` of a Folio database: "Foli" in ASCII.
pub const APPLICATION_ID: i32 = 0x466f_6c69;

/// How to open a store.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// How long a write waits for another process (the app, the CLI) to finish its own.
    pub busy_timeout: Duration,
}

impl Default for OpenOptions {
    fn default() -> Self {
        Self { busy_timeout: Duration::from_secs(5) }
    }
}

/// An open Folio database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (or creates) the database at `path` and migrates it to the current schema.
    ///
    /// # Errors
    /// [`Error::DirectoryMissing`] when the folder does not exist (it is not created),
    /// [`Error::NotAFolioDatabase`] when the file is not SQLite or belongs to another
    /// program (the file is not written to), [`Error::SchemaTooNew`] when a newer Folio
    /// wrote it, [`Error::Busy`] when another process holds it past the timeout.
    pub fn open(path: &Path, options: &OpenOptions) -> Result<Self> {
        match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => {
                return Err(Error::DirectoryMissing(dir.to_path_buf()));
            }
            _ => {}
        }
        if path.is_dir() {
            return Err(Error::NotAFolioDatabase { path: path.to_path_buf(), why: "it is a folder".into() });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        Self::prepare(conn, Some(path.to_path_buf()), options)
    }

    /// A private database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?, None, &OpenOptions::default())
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>, options: &OpenOptions) -> Result<Self> {
        let shown = || path.clone().unwrap_or_else(|| PathBuf::from(":memory:"));
        conn.busy_timeout(options.busy_timeout)?;
        // Read the header before anything writes: a file that is not SQLite fails here
        // and is left exactly as it was.
        let (application_id, user_version, tables) = match read_identity(&conn) {
            Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::NotADatabase => {
                return Err(Error::NotAFolioDatabase { path: shown(), why: "it is not an SQLite database".into() });
            }
            other => other?,
        };
        if application_id != APPLICATION_ID && (application_id != 0 || tables > 0) {
            return Err(Error::NotAFolioDatabase {
                path: shown(),
                why: "it is an SQLite database of another program".into(),
            });
        }
        if user_version > SCHEMA_VERSION {
            return Err(Error::SchemaTooNew { path: shown(), found: user_version, known: SCHEMA_VERSION });
        }
        if let Some(path) = path.as_deref().filter(|_| (1..SCHEMA_VERSION).contains(&user_version)) {
            keep_before_upgrade(&conn, path)?;
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        migrations().to_latest(&mut conn).map_err(Error::from_migration)?;
        Ok(Self { conn, path })
    }

    /// The file this store lives in, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` in one immediate transaction: all of it is committed, or none of it.
    /// `f` may fail with any error a store error converts into, so callers can refuse
    /// an action part-way with their own error and still have it rolled back.
    pub fn write<T, E: From<Error>>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T, E>) -> Result<T, E> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(Error::from)?;
        let value = f(&tx)?;
        tx.commit().map_err(Error::from)?;
        Ok(value)
    }

    /// Read access: each statement sees a consistent snapshot.
    pub fn read(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` over one consistent snapshot, for reads that span several statements.
    pub fn snapshot<T, E: From<Error>>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T, E>) -> Result<T, E> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Deferred).map_err(Error::from)?;
        let value = f(&tx)?;
        tx.finish().map_err(Error::from)?;
        Ok(value)
    }
}

impl Store {
    /// Writes a consistent copy of the database to `dest` with SQLite's online backup
    /// API: other connections (the app, the CLI) may go on writing meanwhile. The copy
    /// is made in a temporary file beside `dest` and renamed into place, so an earlier
    /// backup of that name is never left half-overwritten.
    ///
    /// # Errors
    /// [`Error::DirectoryMissing`], and [`Error::DiskFull`] naming `dest` when the disk
    /// cannot hold the copy.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let dir = match dest.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            return Err(Error::DirectoryMissing(dir.to_path_buf()));
        }
        let temp =
            tempfile::Builder::new().prefix(".folio-backup-").tempfile_in(dir).map_err(|e| Error::io(dest, e))?;
        copy_pages(&self.conn, temp.path()).map_err(|e| Error::writing(dest, e))?;
        temp.persist(dest).map_err(|e| Error::io(dest, e.error))?;
        #[cfg(unix)]
        std::fs::File::open(dir).and_then(|d| d.sync_all()).map_err(|e| Error::io(dest, e))?;
        Ok(())
    }

    /// Checks, without writing to it, that `path` is a sound Folio database this
    /// version can open; returns its schema version.
    pub fn inspect(path: &Path) -> Result<u32> {
        let not_folio = |why: &str| Error::NotAFolioDatabase { path: path.to_path_buf(), why: why.into() };
        if !path.is_file() {
            return Err(not_folio("there is no such file"));
        }
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        let (application_id, user_version, _) = match read_identity(&conn) {
            Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::NotADatabase => {
                return Err(not_folio("it is not an SQLite database"));
            }
            other => other?,
        };
        if application_id != APPLICATION_ID {
            return Err(not_folio("it is not a Folio database"));
        }
        if user_version > SCHEMA_VERSION {
            return Err(Error::SchemaTooNew { path: path.to_path_buf(), found: user_version, known: SCHEMA_VERSION });
        }
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if check != "ok" {
            return Err(not_folio(&format!("it is damaged ({check})")));
        }
        if let Some(why) = schema_difference(&conn, user_version)? {
            return Err(not_folio(&why));
        }
        Ok(user_version)
    }

    /// Copies the database at `source` (a Folio database checked by [`Store::inspect`])
    /// to `dest` page by page, without writing to `source`.
    pub fn copy_file(source: &Path, dest: &Path) -> Result<()> {
        let from =
            Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        copy_pages(&from, dest).map_err(|e| Error::writing(dest, e))
    }

    /// Replaces this database's content with that of the Folio database at `source`,
    /// after checking it, and after writing the current content to `keep`. Other
    /// connections see the restored content from their next statement.
    pub fn restore_from(&mut self, source: &Path, keep: &Path) -> Result<()> {
        Store::inspect(source)?;
        self.backup_to(keep)?;
        self.conn.restore(rusqlite::MAIN_DB, source, None::<fn(rusqlite::backup::Progress)>)?;
        migrations().to_latest(&mut self.conn).map_err(Error::from_migration)?;
        Ok(())
    }
}

/// Where the copy of the database at `path` is kept before it is upgraded to this
/// build's schema: `folio.db.before-v3` beside `folio.db` for an upgrade to schema 3.
pub fn upgrade_copy_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".before-v{SCHEMA_VERSION}"));
    path.with_file_name(name)
}

/// Copies the database at `path`, still at its older schema, to
/// [`upgrade_copy_path`] before a migration touches it, so that an upgrade that goes
/// wrong can be undone by putting the copy back. A copy left by an earlier attempt is
/// replaced: the database was not changed since, as a failed migration rolls back.
fn keep_before_upgrade(conn: &Connection, path: &Path) -> Result<()> {
    let copy = upgrade_copy_path(path);
    copy_pages(conn, &copy).map_err(|e| Error::UpgradeCopy {
        path: path.to_path_buf(),
        copy: copy.clone(),
        why: match e {
            Error::Sqlite(e) => e.to_string(),
            other => other.to_string(),
        },
    })
}

/// Copies every page of `from` into a database file at `dest`, in one step: a step per
/// few pages (rusqlite's default) starts over whenever another process writes, which
/// under steady writes took seconds.
fn copy_pages(from: &Connection, dest: &Path) -> Result<()> {
    let mut to = Connection::open(dest)?;
    rusqlite::backup::Backup::new(from, &mut to)?.run_to_completion(i32::MAX, Duration::from_millis(10), None)?;
    to.close().map_err(|(_, e)| e)?;
    Ok(())
}

/// One object of a schema: its type, name, table and SQL (`sqlite_schema`'s row).
type SchemaObject = (String, String, String, Option<String>);

fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    // SQLite's own statistics tables (ANALYZE) are not part of what Folio made; any
    // other object, whatever its name, is compared.
    let mut stmt = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema
         WHERE NOT (type = 'table' AND name IN ('sqlite_stat1', 'sqlite_stat4')) ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}

/// How the schema of `conn` differs from the one Folio's migrations make at `version`
/// — a table missing, a column changed, a trigger or view no Folio creates — or `None`.
/// Restoring trusts nothing a file claims: a trigger slipped into a copy would run on
/// the next import.
fn schema_difference(conn: &Connection, version: u32) -> Result<Option<String>> {
    if version == 0 {
        return Ok(Some("it has no Folio tables".into()));
    }
    let mut reference = Connection::open_in_memory()?;
    migrations().to_version(&mut reference, version as usize).map_err(Error::from_migration)?;
    let (expected, actual) = (schema_of(&reference)?, schema_of(conn)?);
    let describe = |o: &SchemaObject| format!("the {} \"{}\"", o.0, o.1);
    if let Some(extra) = actual.iter().find(|o| !expected.iter().any(|e| e.0 == o.0 && e.1 == o.1)) {
        return Ok(Some(format!("it has {}, which Folio never makes", describe(extra))));
    }
    // Tables first: a missing table says more than the indexes missing with it.
    let tables_first = expected.iter().filter(|e| e.0 == "table").chain(expected.iter().filter(|e| e.0 != "table"));
    if let Some(missing) = tables_first.into_iter().find(|e| !actual.iter().any(|o| o.0 == e.0 && o.1 == e.1)) {
        return Ok(Some(format!("it lacks {} of a Folio database (schema {version})", describe(missing))));
    }
    if let Some(changed) = actual.iter().find(|o| !expected.contains(o)) {
        return Ok(Some(format!("{} is not as Folio makes it", describe(changed))));
    }
    Ok(None)
}

fn read_identity(conn: &Connection) -> rusqlite::Result<(i32, u32, i64)> {
    let application_id = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let user_version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok((application_id, user_version, tables))
}

/// Milliseconds since the Unix epoch: the one clock of every timestamp Folio stores.
pub fn now_millis() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or_default()
}

/// Reads a UUID stored as text.
pub(crate) fn uuid_at(row: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<uuid::Uuid> {
    parse_uuid(idx, &row.get::<_, String>(idx)?)
}

pub(crate) fn parse_uuid(idx: usize, text: &str) -> rusqlite::Result<uuid::Uuid> {
    uuid::Uuid::parse_str(text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e)))
}
