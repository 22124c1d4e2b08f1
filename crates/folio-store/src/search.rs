//! Full-text search over every live record (FTS5), kept in step by the table modules.

use folio_model::EntityKind;
use rusqlite::{params, Connection};
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
}

pub(crate) fn index(conn: &Connection, kind: EntityKind, id: Uuid, title: &str, body: &str) -> Result<()> {
    unindex(conn, id)?;
    conn.prepare_cached("INSERT INTO search (kind, id, title, body) VALUES (?1, ?2, ?3, ?4)")?.execute(params![
        kind.as_str(),
        id.to_string(),
        title,
        body
    ])?;
    Ok(())
}

pub(crate) fn unindex(conn: &Connection, id: Uuid) -> Result<()> {
    conn.prepare_cached("DELETE FROM search WHERE id = ?1")?.execute([id.to_string()])?;
    Ok(())
}

/// Turns what a person typed into an FTS5 query that cannot be a syntax error: every
/// word is quoted, and the last one matches as a prefix so results follow the typing.
fn to_fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text.split_whitespace().map(|w| format!("\"{}\"", w.replace('"', "\"\""))).collect();
    let last = words.len().checked_sub(1)?;
    Some(
        words
            .iter()
            .enumerate()
            .map(|(i, w)| if i == last { format!("{w}*") } else { w.clone() })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn kind_from_str(s: &str) -> EntityKind {
    EntityKind::ALL.into_iter().find(|k| k.as_str() == s).unwrap_or(EntityKind::CaseStudy)
}

/// The best `limit` matches for `text`, best first. Empty text finds nothing.
pub fn search(conn: &Connection, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let Some(query) = to_fts_query(text) else { return Ok(Vec::new()) };
    let mut stmt = conn.prepare_cached(
        "SELECT kind, id, title, snippet(search, 3, '[', ']', '…', 12) FROM search
         WHERE search MATCH ?1 ORDER BY rank LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![query, limit as i64], |r| {
        Ok(SearchHit {
            kind: kind_from_str(&r.get::<_, String>(0)?),
            id: uuid_at(r, 1)?,
            title: r.get(2)?,
            snippet: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_a_safe_prefix_query() {
        assert_eq!(to_fts_query("kafka idem").as_deref(), Some("\"kafka\" \"idem\"*"));
        assert_eq!(to_fts_query("say \"hi\" OR").as_deref(), Some("\"say\" \"\"\"hi\"\"\" \"OR\"*"));
        assert_eq!(to_fts_query("   "), None);
    }
}
