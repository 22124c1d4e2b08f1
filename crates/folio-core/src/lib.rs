//! Folio's application API: every use-case of the product, behind one type, [`Folio`].
//!
//! The desktop app and the `folio` CLI are two faces of this crate and call nothing
//! below it, so everything the app can do can be driven and tested headlessly. Each
//! use-case validates its input with the model, then runs as one store transaction:
//! bad input changes nothing.

mod coach;
mod database_file;
mod demo;
mod error;
mod export;
mod files;
mod formats;
mod found;
mod images;
mod import_file;
mod interchange;
mod letter;
mod linkedin;
mod merge;
mod paths;
mod portfolio;
mod redact;
mod tagged;
mod tailor;
mod words;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use folio_model::{Edition, Entity, EntityKind, Profile, Stored};
use folio_store::search::search;
use folio_store::tables::{profile, records};
use folio_store::{OpenOptions, Store};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

pub use coach::{coach, Advice, AdviceScore, Check, CoachReport, Finding, Severity, Target};
pub use error::{Error, ErrorInfo, Result};
pub use export::{themes, ExportReport, ExportRequest, Rendered, ThemeInfo};
pub use files::read_text_file;
pub use folio_ats::{Misread, Report as AtsReport};
pub use folio_interchange::Note;
pub use folio_model::markdown::Block as MarkdownBlock;
pub use folio_store::{SearchHit, TrashItem};
pub use formats::Written;
pub use images::ImageUse;
pub use interchange::{FileFormat, ImportMode, ImportReport};
pub use linkedin::{KitField, KitUnit, LinkedinKit};
pub use paths::{database_path_from_env, default_database_path, DB_ENV};
pub use tailor::{match_posting, MatchReport, Suggestion, Term, TermKind};

/// Markdown as the PDF reads it: paragraphs and list items of styled text.
pub fn markdown(text: &str) -> Vec<MarkdownBlock> {
    folio_model::markdown::parse(text)
}

/// Counts of live records per kind, and of the trash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub case_studies: u64,
    pub recommendations: u64,
    pub skills: u64,
    pub experience: u64,
    pub certifications: u64,
    pub education: u64,
    pub writing: u64,
    pub editions: u64,
    pub trash: u64,
}

impl Stats {
    /// Live records of every kind together (the Trash not counted).
    pub fn records(&self) -> u64 {
        self.case_studies
            + self.recommendations
            + self.skills
            + self.experience
            + self.certifications
            + self.education
            + self.writing
            + self.editions
    }
}

/// What the app needs to know when it starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    /// The database file, for the status line and the README's backup advice.
    pub database: String,
    /// Nothing typed yet and no choice made: offer the example portfolio.
    pub fresh: bool,
    /// This Folio's version (the workspace's, in `Cargo.toml`), for *About Folio*.
    pub version: String,
    /// The licence Folio is distributed under, as an SPDX expression.
    pub licence: String,
}

/// An open portfolio: the one handle both faces use. Cheap to share between threads.
#[derive(Debug)]
pub struct Folio {
    store: Mutex<Store>,
}

impl Folio {
    /// Opens the database at `path`, creating it if the folder exists.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with(path, Duration::from_secs(5))
    }

    /// Like [`Folio::open`], waiting at most `busy_timeout` for other writers.
    pub fn open_with(path: &Path, busy_timeout: Duration) -> Result<Self> {
        let store = Store::open(path, &OpenOptions { busy_timeout })?;
        Ok(Self { store: Mutex::new(store) })
    }

    /// A private portfolio in memory, for tests and benchmarks.
    pub fn in_memory() -> Result<Self> {
        Ok(Self { store: Mutex::new(Store::open_in_memory()?) })
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave a transaction half-done (SQLite
        // rolls it back), so the store behind a poisoned lock is still sound.
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn status(&self) -> Result<Status> {
        let store = self.store();
        let database = store.path().map_or_else(|| ":memory:".into(), |p| p.display().to_string());
        let fresh = profile::updated_at(store.read())?.is_none()
            && EntityKind::ALL.into_iter().all(|k| records::count(store.read(), k).is_ok_and(|n| n == 0))
            && records::list_trash(store.read())?.is_empty();
        Ok(Status {
            database,
            fresh,
            version: env!("CARGO_PKG_VERSION").into(),
            licence: env!("CARGO_PKG_LICENSE").into(),
        })
    }

    /// The database file, if any.
    pub fn database_path(&self) -> Option<PathBuf> {
        self.store().path().map(Path::to_path_buf)
    }

    // --- profile ---------------------------------------------------------------------

    pub fn profile(&self) -> Result<Profile> {
        Ok(profile::get(self.store().read())?)
    }

    pub fn update_profile(&self, new: &Profile) -> Result<Profile> {
        new.validate()?;
        let mut kept = new.clone();
        kept.drop_blank_rows();
        self.store().write(|tx| {
            images::check_assets(tx, kept.photo.map(|id| ("photo".to_string(), id)).into_iter().collect())?;
            Ok::<_, Error>(profile::upsert(tx, &kept)?)
        })?;
        Ok(kept)
    }

    /// Marks a fresh database as deliberately empty, so the app stops offering the
    /// example portfolio.
    pub fn start_empty(&self) -> Result<()> {
        self.store().write(|tx| {
            let current = profile::get(tx)?;
            profile::upsert(tx, &current)
        })?;
        Ok(())
    }

    // --- records of every kind ---------------------------------------------------------

    pub fn list<E: Entity>(&self) -> Result<Vec<Stored<E>>> {
        Ok(records::list(self.store().read())?)
    }

    pub fn get<E: Entity>(&self, id: Uuid) -> Result<Stored<E>> {
        Ok(records::get(self.store().read(), id)?)
    }

    /// Adds a record at the end of its list.
    pub fn create<E: Entity>(&self, item: &E) -> Result<Stored<E>> {
        item.validate()?;
        let mut kept = item.clone();
        kept.drop_blank_rows();
        self.store().write(|tx| {
            images::check_assets(tx, kept.assets())?;
            Ok(records::insert(tx, Uuid::now_v7(), &kept)?)
        })
    }

    /// Adds many records in one transaction: all of them, or none if any is invalid.
    pub fn create_many<E: Entity>(&self, items: &[E]) -> Result<Vec<Stored<E>>> {
        for item in items {
            item.validate()?;
        }
        self.store().write(|tx| {
            items
                .iter()
                .map(|item| {
                    images::check_assets(tx, item.assets())?;
                    Ok(records::insert(tx, Uuid::now_v7(), item)?)
                })
                .collect()
        })
    }

    pub fn update<E: Entity>(&self, id: Uuid, item: &E) -> Result<Stored<E>> {
        item.validate()?;
        let mut kept = item.clone();
        kept.drop_blank_rows();
        self.store().write(|tx| {
            images::check_assets(tx, kept.assets())?;
            Ok(records::update(tx, id, &kept)?)
        })
    }

    /// Moves a record to the trash.
    pub fn delete(&self, kind: EntityKind, id: Uuid) -> Result<()> {
        Ok(self.store().write(|tx| records::delete(tx, kind, id))?)
    }

    pub fn restore<E: Entity>(&self, id: Uuid) -> Result<Stored<E>> {
        Ok(self.store().write(|tx| records::restore(tx, id))?)
    }

    /// Restores a trashed record of any kind.
    pub fn restore_any(&self, kind: EntityKind, id: Uuid) -> Result<()> {
        match kind {
            EntityKind::CaseStudy => self.restore::<folio_model::CaseStudy>(id).map(drop),
            EntityKind::Recommendation => self.restore::<folio_model::Recommendation>(id).map(drop),
            EntityKind::Skill => self.restore::<folio_model::Skill>(id).map(drop),
            EntityKind::Experience => self.restore::<folio_model::Experience>(id).map(drop),
            EntityKind::Certification => self.restore::<folio_model::Certification>(id).map(drop),
            EntityKind::Education => self.restore::<folio_model::Education>(id).map(drop),
            EntityKind::Writing => self.restore::<folio_model::Writing>(id).map(drop),
            EntityKind::Edition => self.restore::<folio_model::Edition>(id).map(drop),
        }
    }

    /// Puts the records of `kind` in the order given, which must name every live
    /// record of that kind exactly once.
    pub fn reorder(&self, kind: EntityKind, ids: &[Uuid]) -> Result<()> {
        self.store().write(|tx| {
            let mut current = records::list_ids(tx, kind)?;
            let mut wanted = ids.to_vec();
            current.sort_unstable();
            wanted.sort_unstable();
            if current != wanted {
                return Err(Error::invalid(
                    "order",
                    format!("must list every one of the {} {} exactly once", current.len(), kind.plural()),
                ));
            }
            Ok(records::reorder(tx, kind, ids)?)
        })
    }

    pub fn trash(&self) -> Result<Vec<TrashItem>> {
        Ok(records::list_trash(self.store().read())?)
    }

    /// Deletes everything in the trash for good, and the images only it showed;
    /// returns how many records went.
    pub fn empty_trash(&self) -> Result<u64> {
        self.store().write(|tx| {
            let removed = records::empty_trash(tx)?;
            images::collect_unused(tx)?;
            Ok(removed)
        })
    }

    // --- search and overview -----------------------------------------------------------

    /// The best matches for what the user typed, across every kind of record, best
    /// first. A search is a few words: a longer text
    /// (a pasted document) is refused rather than turned into a query of thousands of
    /// terms.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let max = folio_model::limits::SEARCH;
        if text.chars().count() > max {
            return Err(Error::invalid("search", format!("is longer than {max} characters; search for a few words")));
        }
        let hits = search(self.store().read(), text, limit)?;
        let terms = found::Terms::new(text);
        hits.into_iter()
            .map(|mut hit| {
                // The field that matched, and a snippet of it alone, for the jump there.
                if let Some((field, snippet)) = found::locate(&self.get_record(hit.kind, hit.id)?.item, &terms) {
                    hit.field = Some(field);
                    hit.snippet = snippet;
                }
                Ok(hit)
            })
            .collect()
    }

    pub fn stats(&self) -> Result<Stats> {
        let store = self.store();
        let conn = store.read();
        let n = |kind| records::count(conn, kind);
        Ok(Stats {
            case_studies: n(EntityKind::CaseStudy)?,
            recommendations: n(EntityKind::Recommendation)?,
            skills: n(EntityKind::Skill)?,
            experience: n(EntityKind::Experience)?,
            certifications: n(EntityKind::Certification)?,
            education: n(EntityKind::Education)?,
            writing: n(EntityKind::Writing)?,
            editions: n(EntityKind::Edition)?,
            trash: records::list_trash(conn)?.len() as u64,
        })
    }
}
