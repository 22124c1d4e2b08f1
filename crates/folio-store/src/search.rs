//! Full-text search over every live record (FTS5), kept in step by the table modules.

use folio_model::EntityKind;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::{uuid_at, Result};

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: EntityKind,
    pub id: Uuid,
    pub title: String,
    /// A few words around the match, with the matched words between `[` and `]`.
    pub snippet: String,
    /// The field that matched, as validation names it (`decisions[1].rationale`), when
    /// it is known: the app opens the record there.
    pub field: Option<String>,
}

pub(crate) fn index(conn: &Connection, kind: EntityKind, id: Uuid, title: &str, body: &str) -> Result<()> {
    let rowid: i64 = conn
        .prepare_cached(
            "INSERT INTO search_docs (id, kind) VALUES (?1, ?2)
             ON CONFLICT (id) DO UPDATE SET kind = excluded.kind RETURNING rowid",
        )?
        .query_row(params![id.to_string(), kind.as_str()], |r| r.get(0))?;
    conn.prepare_cached("DELETE FROM search WHERE rowid = ?1")?.execute([rowid])?;
    conn.prepare_cached("INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![rowid, title, body])?;
    Ok(())
}

/// Empties the index.
pub(crate) fn clear(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search", [])?;
    conn.execute("DELETE FROM search_docs", [])?;
    Ok(())
}

pub(crate) fn unindex(conn: &Connection, id: Uuid) -> Result<()> {
    let rowid: Option<i64> = conn
        .prepare_cached("DELETE FROM search_docs WHERE id = ?1 RETURNING rowid")?
        .query_row([id.to_string()], |r| r.get(0))
        .optional()?;
    if let Some(rowid) = rowid {
        conn.prepare_cached("DELETE FROM search WHERE rowid = ?1")?.execute([rowid])?;
    }
    Ok(())
}

/// The shortest last word that matches as a prefix: one or two letters would match
/// nearly everything and say nothing.
const MIN_PREFIX: usize = 3;

/// Turns what a person typed into an FTS5 query that cannot be a syntax error: every
/// word is quoted, and the last one matches as a prefix so results follow the typing.
fn to_fts_query(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let last = words.len().checked_sub(1)?;
    let quoted = words.iter().enumerate().map(|(i, w)| {
        let q = format!("\"{}\"", w.replace('"', "\"\""));
        if i == last && w.chars().count() >= MIN_PREFIX {
            format!("{q}*")
        } else {
            q
        }
    });
    Some(quoted.collect::<Vec<_>>().join(" "))
}

/// The best `limit` matches for `text`, best first. Empty text finds nothing.
///
/// Ranking and snippets are two steps: SQLite computes every result column before it
/// sorts, so asking for snippets in the ranking query would build one per match.
pub fn search(conn: &Connection, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let Some(query) = to_fts_query(text) else { return Ok(Vec::new()) };
    let mut top =
        conn.prepare_cached("SELECT rowid, title FROM search WHERE search MATCH ?1 ORDER BY rank LIMIT ?2")?;
    let ranked = top
        .query_map(params![query, limit as i64], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut doc = conn.prepare_cached(
        "SELECT d.kind, d.id, snippet(search, 1, '[', ']', '…', 12)
         FROM search JOIN search_docs d ON d.rowid = search.rowid
         WHERE search MATCH ?1 AND search.rowid = ?2",
    )?;
    ranked
        .into_iter()
        .map(|(rowid, title)| {
            let hit = doc.query_row(params![query, rowid], |r| {
                let kind: String = r.get(0)?;
                let kind = EntityKind::parse(&kind).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, kind.into())
                })?;
                Ok(SearchHit { kind, id: uuid_at(r, 1)?, title, snippet: r.get(2)?, field: None })
            })?;
            Ok(hit)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_a_safe_prefix_query() {
        assert_eq!(to_fts_query("kafka idem").as_deref(), Some("\"kafka\" \"idem\"*"));
        assert_eq!(to_fts_query("say \"hi\" OR").as_deref(), Some("\"say\" \"\"\"hi\"\"\" \"OR\""));
        assert_eq!(to_fts_query("   "), None);
        assert_eq!(to_fts_query("go").as_deref(), Some("\"go\""), "too short to be a useful prefix");
    }
}
