//! The `export_records` table: an append-only log of exported PDFs.

use folio_model::ExportRecord;
use rusqlite::{params, Connection, OptionalExtension, Row};
use uuid::Uuid;

use crate::{parse_uuid, uuid_at, Error, Result};

fn decode(row: &Row<'_>) -> rusqlite::Result<ExportRecord> {
    Ok(ExportRecord {
        id: uuid_at(row, 0)?,
        edition: row.get::<_, Option<String>>(1)?.map(|s| parse_uuid(1, &s)).transpose()?,
        exported_at: row.get(2)?,
        path: row.get(3)?,
        sha256: row.get(4)?,
        pages: row.get(5)?,
        bytes: row.get::<_, i64>(6)?.max(0) as u64,
    })
}

/// Logs an export, with the JSON snapshot of what it contained when there is one.
pub fn insert(conn: &Connection, record: &ExportRecord, snapshot: Option<&str>) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO export_records (id, edition_id, exported_at, path, sha256, pages, bytes, snapshot)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        record.id.to_string(),
        record.edition.map(|e| e.to_string()),
        record.exported_at,
        record.path,
        record.sha256,
        record.pages,
        record.bytes as i64,
        snapshot
    ])?;
    Ok(())
}

/// Exports, newest first; only those of one edition when given.
pub fn list(conn: &Connection, edition: Option<Uuid>) -> Result<Vec<ExportRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, edition_id, exported_at, path, sha256, pages, bytes FROM export_records
         WHERE ?1 IS NULL OR edition_id = ?1 ORDER BY exported_at DESC, id DESC",
    )?;
    let rows = stmt.query_map([edition.map(|e| e.to_string())], decode)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The JSON snapshot kept with an export; `None` for exports logged without one.
pub fn snapshot(conn: &Connection, id: Uuid) -> Result<Option<String>> {
    conn.prepare_cached("SELECT snapshot FROM export_records WHERE id = ?1")?
        .query_row([id.to_string()], |row| row.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound { kind: "export", id: id.to_string() })
}

/// Every snapshot kept, by export id, oldest first: what a backup carries.
pub fn snapshots(conn: &Connection) -> Result<Vec<(Uuid, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, snapshot FROM export_records WHERE snapshot IS NOT NULL ORDER BY exported_at, id",
    )?;
    let rows = stmt.query_map([], |row| Ok((uuid_at(row, 0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Forgets every export: where a replacing import starts from.
pub fn clear(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM export_records", [])?;
    Ok(())
}
