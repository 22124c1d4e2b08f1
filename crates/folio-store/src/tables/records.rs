//! The tables of list-kept records (`case_studies`, `recommendations`, `skills`,
//! `experience`, `certifications`, `education`, `writing`, `editions`). They share one
//! shape — see `migrations/0001_initial.sql` — so they share these verbs, typed by the
//! record's [`Entity`] kind.
//!
//! Soft deletion: `delete` stamps `deleted_at` and drops the record from the search
//! index; `restore` clears it and puts it back at its old position.

use folio_model::{Entity, EntityKind, Stored};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::table;
use crate::{now_millis, search, uuid_at, Error, Result};

fn decode(row: &Row<'_>) -> rusqlite::Result<(Uuid, i64, i64, String)> {
    Ok((uuid_at(row, 0)?, row.get(1)?, row.get(2)?, row.get(3)?))
}

fn stored<E: Entity>((id, created_at, updated_at, body): (Uuid, i64, i64, String)) -> Result<Stored<E>> {
    let item = serde_json::from_str(&body).map_err(|source| Error::Corrupt { kind: E::KIND.as_str(), source })?;
    Ok(Stored { id, created_at, updated_at, item })
}

fn not_found<E: Entity>(id: Uuid) -> Error {
    Error::NotFound { kind: E::KIND.as_str(), id: id.to_string() }
}

/// A live record by id.
pub fn get<E: Entity>(conn: &Connection, id: Uuid) -> Result<Stored<E>> {
    let sql =
        format!("SELECT id, created_at, updated_at, body FROM {} WHERE id = ?1 AND deleted_at IS NULL", table(E::KIND));
    let row = conn.prepare_cached(&sql)?.query_row([id.to_string()], decode).optional()?;
    stored(row.ok_or_else(|| not_found::<E>(id))?)
}

/// Every live record, in manual order.
pub fn list<E: Entity>(conn: &Connection) -> Result<Vec<Stored<E>>> {
    let sql = format!(
        "SELECT id, created_at, updated_at, body FROM {} WHERE deleted_at IS NULL ORDER BY position, id",
        table(E::KIND)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], decode)?;
    rows.map(|r| stored(r?)).collect()
}

/// Ids of every live record, in manual order.
pub fn list_ids(conn: &Connection, kind: EntityKind) -> Result<Vec<Uuid>> {
    let sql = format!("SELECT id FROM {} WHERE deleted_at IS NULL ORDER BY position, id", table(kind));
    let mut stmt = conn.prepare_cached(&sql)?;
    let ids = stmt.query_map([], |r| uuid_at(r, 0))?.collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Number of live records.
pub fn count(conn: &Connection, kind: EntityKind) -> Result<u64> {
    let sql = format!("SELECT count(*) FROM {} WHERE deleted_at IS NULL", table(kind));
    let n: i64 = conn.prepare_cached(&sql)?.query_row([], |r| r.get(0))?;
    Ok(n as u64)
}

/// Adds a record at the end of the list, with the given id (new records get a fresh
/// UUID v7 from the core; imports keep theirs).
pub fn insert<E: Entity>(conn: &Connection, id: Uuid, item: &E) -> Result<Stored<E>> {
    let now = now_millis();
    let body = serde_json::to_string(item).expect("a model type always serialises");
    let sql = format!(
        "INSERT INTO {t} (id, position, title, body, created_at, updated_at)
         VALUES (?1, (SELECT coalesce(max(position), -1) + 1 FROM {t}), ?2, ?3, ?4, ?4)",
        t = table(E::KIND)
    );
    conn.prepare_cached(&sql)?.execute(params![id.to_string(), item.title(), body, now])?;
    search::index(conn, E::KIND, id, &item.title(), &item.search_text())?;
    Ok(Stored { id, created_at: now, updated_at: now, item: item.clone() })
}

/// Every record, live and in the Trash, in manual order, each with when it was deleted:
/// what a backup holds.
pub fn dump<E: Entity>(conn: &Connection) -> Result<Vec<(Stored<E>, Option<i64>)>> {
    let sql =
        format!("SELECT id, created_at, updated_at, body, deleted_at FROM {} ORDER BY position, id", table(E::KIND));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| Ok((decode(r)?, r.get::<_, Option<i64>>(4)?)))?;
    rows.map(|r| {
        let (row, deleted_at) = r?;
        Ok((stored(row)?, deleted_at))
    })
    .collect()
}

/// Writes a record exactly as a backup kept it — id, timestamps, Trash state. A record
/// with the same id is replaced where it stands in the order; a new one goes last.
pub fn put<E: Entity>(conn: &Connection, record: &Stored<E>, deleted_at: Option<i64>) -> Result<()> {
    let body = serde_json::to_string(&record.item).expect("a model type always serialises");
    let title = record.item.title();
    let sql = format!(
        "INSERT INTO {t} (id, position, title, body, created_at, updated_at, deleted_at)
         VALUES (?1, (SELECT coalesce(max(position), -1) + 1 FROM {t}), ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body,
             created_at = excluded.created_at, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at",
        t = table(E::KIND)
    );
    let id = record.id;
    conn.prepare_cached(&sql)?.execute(params![
        id.to_string(),
        title,
        body,
        record.created_at,
        record.updated_at,
        deleted_at
    ])?;
    match deleted_at {
        None => search::index(conn, E::KIND, id, &title, &record.item.search_text()),
        Some(_) => search::unindex(conn, id),
    }
}

/// Deletes every record of every kind for good, live or in the Trash: where a
/// replacing import starts from.
pub fn clear(conn: &Connection) -> Result<()> {
    for kind in EntityKind::ALL {
        conn.execute(&format!("DELETE FROM {}", table(kind)), [])?;
    }
    search::clear(conn)
}

/// Replaces a live record's content.
pub fn update<E: Entity>(conn: &Connection, id: Uuid, item: &E) -> Result<Stored<E>> {
    let now = now_millis();
    let body = serde_json::to_string(item).expect("a model type always serialises");
    let sql = format!(
        "UPDATE {} SET title = ?2, body = ?3, updated_at = ?4 WHERE id = ?1 AND deleted_at IS NULL
         RETURNING created_at",
        table(E::KIND)
    );
    let created_at: Option<i64> = conn
        .prepare_cached(&sql)?
        .query_row(params![id.to_string(), item.title(), body, now], |r| r.get(0))
        .optional()?;
    let created_at = created_at.ok_or_else(|| not_found::<E>(id))?;
    search::index(conn, E::KIND, id, &item.title(), &item.search_text())?;
    Ok(Stored { id, created_at, updated_at: now, item: item.clone() })
}

/// Moves a live record to the trash.
pub fn delete(conn: &Connection, kind: EntityKind, id: Uuid) -> Result<()> {
    let sql = format!("UPDATE {} SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL", table(kind));
    if conn.prepare_cached(&sql)?.execute(params![id.to_string(), now_millis()])? == 0 {
        return Err(Error::NotFound { kind: kind.as_str(), id: id.to_string() });
    }
    search::unindex(conn, id)
}

/// Brings a record back from the trash, at its old place in the order.
pub fn restore<E: Entity>(conn: &Connection, id: Uuid) -> Result<Stored<E>> {
    let sql = format!(
        "UPDATE {} SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL
         RETURNING id, created_at, updated_at, body",
        table(E::KIND)
    );
    let row = conn.prepare_cached(&sql)?.query_row([id.to_string()], decode).optional()?;
    let record: Stored<E> = stored(row.ok_or_else(|| not_found::<E>(id))?)?;
    search::index(conn, E::KIND, id, &record.item.title(), &record.item.search_text())?;
    Ok(record)
}

/// Gives the listed records positions 0, 1, 2… in the order given.
pub fn reorder(conn: &Connection, kind: EntityKind, ids: &[Uuid]) -> Result<()> {
    let sql = format!("UPDATE {} SET position = ?2 WHERE id = ?1 AND deleted_at IS NULL", table(kind));
    let mut stmt = conn.prepare_cached(&sql)?;
    for (position, id) in ids.iter().enumerate() {
        if stmt.execute(params![id.to_string(), position as i64])? == 0 {
            return Err(Error::NotFound { kind: kind.as_str(), id: id.to_string() });
        }
    }
    Ok(())
}

/// A record in the trash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrashItem {
    pub kind: EntityKind,
    pub id: Uuid,
    pub title: String,
    #[ts(type = "number")]
    pub deleted_at: i64,
}

/// Everything in the trash, most recently deleted first.
pub fn list_trash(conn: &Connection) -> Result<Vec<TrashItem>> {
    let mut items = Vec::new();
    for kind in EntityKind::ALL {
        let sql = format!("SELECT id, title, deleted_at FROM {} WHERE deleted_at IS NOT NULL", table(kind));
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map([], |r| Ok(TrashItem { kind, id: uuid_at(r, 0)?, title: r.get(1)?, deleted_at: r.get(2)? }))?;
        for row in rows {
            items.push(row?);
        }
    }
    items.sort_by(|a, b| b.deleted_at.cmp(&a.deleted_at).then(a.id.cmp(&b.id)));
    Ok(items)
}

/// Deletes every trashed record for good.
pub fn empty_trash(conn: &Connection) -> Result<u64> {
    let mut removed = 0;
    for kind in EntityKind::ALL {
        let sql = format!("DELETE FROM {} WHERE deleted_at IS NOT NULL", table(kind));
        removed += conn.prepare_cached(&sql)?.execute([])? as u64;
    }
    Ok(removed)
}

/// Deletes the given records of any kind for good, wherever they are.
pub fn purge(conn: &Connection, ids: &[Uuid]) -> Result<()> {
    for id in ids {
        search::unindex(conn, *id)?;
    }
    for kind in EntityKind::ALL {
        let sql = format!("DELETE FROM {} WHERE id = ?1", table(kind));
        let mut stmt = conn.prepare_cached(&sql)?;
        for id in ids {
            stmt.execute([id.to_string()])?;
        }
    }
    Ok(())
}
