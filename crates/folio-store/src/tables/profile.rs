//! The `profile` table: a single row holding the one profile.

use folio_model::Profile;
use rusqlite::{params, Connection, OptionalExtension};

use crate::{now_millis, Error, Result};

/// The profile; an empty one until the user types something.
pub fn get(conn: &Connection) -> Result<Profile> {
    let body: Option<String> =
        conn.prepare_cached("SELECT body FROM profile WHERE id = 1")?.query_row([], |r| r.get(0)).optional()?;
    match body {
        Some(body) => serde_json::from_str(&body).map_err(|source| Error::Corrupt { kind: "profile", source }),
        None => Ok(Profile::default()),
    }
}

pub fn upsert(conn: &Connection, profile: &Profile) -> Result<()> {
    let body = serde_json::to_string(profile).expect("a model type always serialises");
    conn.prepare_cached(
        "INSERT INTO profile (id, body, updated_at) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
    )?
    .execute(params![body, now_millis()])?;
    Ok(())
}

/// When the profile was last changed, if ever.
pub fn updated_at(conn: &Connection) -> Result<Option<i64>> {
    Ok(conn.prepare_cached("SELECT updated_at FROM profile WHERE id = 1")?.query_row([], |r| r.get(0)).optional()?)
}

/// Writes the profile with the time it was last changed, as a backup kept it; `None`
/// removes the row (a profile never typed).
pub fn put(conn: &Connection, profile: &Profile, updated_at: Option<i64>) -> Result<()> {
    match updated_at {
        Some(at) => {
            let body = serde_json::to_string(profile).expect("a model type always serialises");
            conn.prepare_cached(
                "INSERT INTO profile (id, body, updated_at) VALUES (1, ?1, ?2)
                 ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            )?
            .execute(params![body, at])?;
        }
        None => {
            conn.execute("DELETE FROM profile", [])?;
        }
    }
    Ok(())
}
