//! The `linkedin_copies` table: the text of each LinkedIn kit field when it was last
//! copied, to tell later whether LinkedIn still reads as the portfolio would.

use rusqlite::{params, Connection};

use crate::{now_millis, Result};

/// A field's text as it was copied, and when (milliseconds since the epoch).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    pub key: String,
    pub text: String,
    pub copied_at: i64,
}

/// Every field copied so far.
pub fn all(conn: &Connection) -> Result<Vec<Copy>> {
    let mut stmt = conn.prepare_cached("SELECT key, text, copied_at FROM linkedin_copies ORDER BY key")?;
    let rows = stmt.query_map([], |r| Ok(Copy { key: r.get(0)?, text: r.get(1)?, copied_at: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records that the field `key` was copied with `text`, now.
pub fn put(conn: &Connection, key: &str, text: &str) -> Result<Copy> {
    let copied_at = now_millis();
    conn.prepare_cached(
        "INSERT INTO linkedin_copies (key, text, copied_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET text = excluded.text, copied_at = excluded.copied_at",
    )?
    .execute(params![key, text, copied_at])?;
    Ok(Copy { key: key.into(), text: text.into(), copied_at })
}
