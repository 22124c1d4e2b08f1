//! The `export_records` table: an append-only log of exported PDFs.

use folio_model::ExportRecord;
use rusqlite::{params, Connection, Row};
use uuid::Uuid;

use crate::{parse_uuid, uuid_at, Result};

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

pub fn insert(conn: &Connection, record: &ExportRecord) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO export_records (id, edition_id, exported_at, path, sha256, pages, bytes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        record.id.to_string(),
        record.edition.map(|e| e.to_string()),
        record.exported_at,
        record.path,
        record.sha256,
        record.pages,
        record.bytes as i64
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

/// Forgets every export: where a replacing import starts from.
pub fn clear(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM export_records", [])?;
    Ok(())
}
