//! Versioned, append-only schema migrations. A released migration is never edited:
//! changes go in a new file.

use rusqlite_migration::{Migrations, M};

const STEPS: &[M<'static>] = &[
    M::up(include_str!("../migrations/0001_initial.sql")),
    M::up(include_str!("../migrations/0002_assets.sql")),
    M::up(include_str!("../migrations/0003_export_snapshots.sql")),
    M::up(include_str!("../migrations/0004_linkedin_copies.sql")),
];
static MIGRATIONS: Migrations<'static> = Migrations::from_slice(STEPS);

/// The schema version this build writes (SQLite's `user_version`).
pub const SCHEMA_VERSION: u32 = 4;

/// Every migration, oldest first.
pub fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().expect("migrations must apply cleanly to an empty database");
    }

    #[test]
    fn schema_version_matches_the_number_of_migrations() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(version, SCHEMA_VERSION);
    }
}
