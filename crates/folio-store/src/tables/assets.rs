//! The `assets` table: imported images, their thumbnails, and what is known of them.

use std::collections::HashSet;

use folio_model::{Asset, MediaType};
use rusqlite::{params, Connection, OptionalExtension, Row};
use uuid::Uuid;

use crate::{now_millis, uuid_at, Result};

const COLUMNS: &str = "id, sha256, media_type, width, height, length(bytes), original_name";

fn decode(row: &Row<'_>) -> rusqlite::Result<Asset> {
    Ok(Asset {
        id: uuid_at(row, 0)?,
        sha256: row.get(1)?,
        media_type: media_type_at(row, 2)?,
        width: row.get(3)?,
        height: row.get(4)?,
        byte_len: row.get::<_, i64>(5)?.max(0) as u64,
        original_name: row.get(6)?,
    })
}

/// The schema lets only JPEG and PNG in; anything else is a damaged file.
fn media_type_at(row: &Row<'_>, index: usize) -> rusqlite::Result<MediaType> {
    let mime: String = row.get(index)?;
    MediaType::from_mime(&mime).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("{mime} is not an image type Folio keeps").into(),
        )
    })
}

/// An asset with its bytes, as it goes into the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAsset<'a> {
    pub id: Uuid,
    pub sha256: &'a str,
    pub media_type: MediaType,
    pub width: u32,
    pub height: u32,
    pub original_name: &'a str,
    pub bytes: &'a [u8],
    pub thumbnail: &'a [u8],
}

/// Stores `asset` unless the same image (by SHA-256) is stored already; either way
/// returns the stored one.
pub fn insert_or_existing(conn: &Connection, asset: &NewAsset<'_>) -> Result<Asset> {
    if let Some(existing) = by_sha256(conn, asset.sha256)? {
        return Ok(existing);
    }
    put(conn, asset)?;
    Ok(get(conn, asset.id)?.expect("the asset was just stored"))
}

/// Stores `asset` as it is, id included (a restored backup).
pub fn put(conn: &Connection, asset: &NewAsset<'_>) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO assets (id, sha256, media_type, width, height, original_name, bytes, thumbnail, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        asset.id.to_string(),
        asset.sha256,
        asset.media_type.mime(),
        asset.width,
        asset.height,
        asset.original_name,
        asset.bytes,
        asset.thumbnail,
        now_millis()
    ])?;
    Ok(())
}

pub fn get(conn: &Connection, id: Uuid) -> Result<Option<Asset>> {
    let sql = format!("SELECT {COLUMNS} FROM assets WHERE id = ?1");
    Ok(conn.prepare_cached(&sql)?.query_row([id.to_string()], decode).optional()?)
}

fn by_sha256(conn: &Connection, sha256: &str) -> Result<Option<Asset>> {
    let sql = format!("SELECT {COLUMNS} FROM assets WHERE sha256 = ?1");
    Ok(conn.prepare_cached(&sql)?.query_row([sha256], decode).optional()?)
}

/// Every asset, oldest first.
pub fn list(conn: &Connection) -> Result<Vec<Asset>> {
    let sql = format!("SELECT {COLUMNS} FROM assets ORDER BY created_at, id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], decode)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The image's bytes.
pub fn bytes(conn: &Connection, id: Uuid) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .prepare_cached("SELECT bytes FROM assets WHERE id = ?1")?
        .query_row([id.to_string()], |r| r.get(0))
        .optional()?)
}

/// The thumbnail's bytes.
pub fn thumbnail(conn: &Connection, id: Uuid) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .prepare_cached("SELECT thumbnail FROM assets WHERE id = ?1")?
        .query_row([id.to_string()], |r| r.get(0))
        .optional()?)
}

/// Which of `ids` are stored.
pub fn existing(conn: &Connection, ids: impl IntoIterator<Item = Uuid>) -> Result<HashSet<Uuid>> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM assets WHERE id = ?1")?;
    let mut found = HashSet::new();
    for id in ids {
        if stmt.exists([id.to_string()])? {
            found.insert(id);
        }
    }
    Ok(found)
}

/// Deletes every asset not in `used`; returns how many went.
pub fn delete_unused(conn: &Connection, used: &HashSet<Uuid>) -> Result<u64> {
    let mut gone = 0;
    for asset in list(conn)? {
        if !used.contains(&asset.id) {
            gone += conn.execute("DELETE FROM assets WHERE id = ?1", [asset.id.to_string()])? as u64;
        }
    }
    Ok(gone)
}

/// Forgets every asset: where a replacing import starts from.
pub fn clear(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM assets", [])?;
    Ok(())
}

/// An asset with its bytes and thumbnail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Whole {
    pub asset: Asset,
    pub bytes: Vec<u8>,
    pub thumbnail: Vec<u8>,
}

/// Every asset with its bytes and thumbnail, oldest first: what a backup holds.
pub fn dump(conn: &Connection) -> Result<Vec<Whole>> {
    let sql = format!("SELECT {COLUMNS}, bytes, thumbnail FROM assets ORDER BY created_at, id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| Ok(Whole { asset: decode(r)?, bytes: r.get(7)?, thumbnail: r.get(8)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The stored asset showing the same picture, if any.
pub fn find_sha256(conn: &Connection, sha256: &str) -> Result<Option<Asset>> {
    by_sha256(conn, sha256)
}
