//! Loading a whole portfolio — everything, or what one edition selects — for export.

use folio_model::{Edition, Entity, EntityKind, Portfolio, Recommendation, Section, Stored};
use folio_store::tables::{profile, records};
use folio_store::Transaction;
use uuid::Uuid;

use crate::{redact, Error, Folio, Result};

/// `all` in the order of `selection`, or all of it when nothing is selected. Selected
/// ids that no longer exist (trashed since) are skipped.
fn select<E: Entity>(all: Vec<Stored<E>>, selection: &[Uuid]) -> Vec<Stored<E>> {
    if selection.is_empty() {
        return all;
    }
    let mut all: Vec<Option<Stored<E>>> = all.into_iter().map(Some).collect();
    selection.iter().filter_map(|id| all.iter_mut().find(|r| r.as_ref().is_some_and(|r| r.id == *id))?.take()).collect()
}

/// The records of a section in the edition's order; none when the section is off.
fn load<E: Entity>(tx: &Transaction<'_>, shown: bool, selection: &[Uuid]) -> Result<Vec<Stored<E>>> {
    Ok(if shown { select(records::list(tx)?, selection) } else { Vec::new() })
}

impl Folio {
    /// The live edition called `name` (names are matched ignoring case).
    pub fn edition_by_name(&self, name: &str) -> Result<Stored<Edition>> {
        let editions = self.list::<Edition>()?;
        let wanted = name.trim();
        editions.iter().find(|e| e.item.name.eq_ignore_ascii_case(wanted)).cloned().ok_or_else(|| {
            let known: Vec<_> = editions.iter().map(|e| format!("\"{}\"", e.item.name)).collect();
            Error::invalid(
                "edition",
                format!(
                    "\"{wanted}\" does not name an edition (there {})",
                    match known.len() {
                        0 => "are none yet".to_string(),
                        _ => format!("are {}", known.join(", ")),
                    }
                ),
            )
        })
    }

    /// Everything that goes into an export, read in one consistent snapshot: the
    /// edition's selection and order when `edition` is given, else everything in manual
    /// order. Recommendations without consent are left out unless the edition picks
    /// them by hand, and those without an author always; disabled sections come back empty; the edition's redaction is
    /// applied and internal links are left out (unless the edition keeps them).
    pub fn portfolio(&self, edition: Option<Uuid>) -> Result<Portfolio> {
        let mut portfolio = self.selection(edition)?;
        redact::apply(&mut portfolio);
        Ok(portfolio)
    }

    /// What an edition selects (everything without one), as the user wrote it: before
    /// redaction, so that what the coach says points at the fields as they are.
    pub(crate) fn selection(&self, edition: Option<Uuid>) -> Result<Portfolio> {
        self.store().snapshot(|tx| -> Result<Portfolio> {
            let edition = edition.map(|id| records::get::<Edition>(tx, id)).transpose()?;
            let e = edition.as_ref().map(|e| &e.item);
            let sections = e.map_or_else(|| Section::ALL.to_vec(), Edition::enabled_sections);
            // A disabled section exports nothing, so its records are not loaded at all.
            let on = |section| sections.contains(&section);
            let pick = |f: fn(&Edition) -> &Vec<Uuid>| e.map(f).map_or(&[][..], Vec::as_slice);
            let mut recommendations = load(tx, on(Section::Recommendations), pick(|e| &e.recommendations))?;
            if pick(|e| &e.recommendations).is_empty() {
                recommendations.retain(|r: &Stored<Recommendation>| r.item.consent);
            }
            // A quote no one is named for is a draft: never printed, even when picked.
            recommendations.retain(|r| !r.item.author_name.trim().is_empty());
            Ok(Portfolio {
                profile: profile::get(tx)?,
                case_studies: load(tx, on(Section::CaseStudies), pick(|e| &e.case_studies))?,
                recommendations,
                skills: load(tx, on(Section::Skills), pick(|e| &e.skills))?,
                experience: load(tx, on(Section::Experience), &[])?,
                certifications: load(tx, on(Section::Certifications), &[])?,
                education: load(tx, on(Section::Education), &[])?,
                writing: load(tx, on(Section::Writing), &[])?,
                sections,
                edition,
            })
        })
    }

    /// Every live record, in manual order, nothing filtered: what the coach reads.
    pub fn everything(&self) -> Result<Portfolio> {
        self.store().snapshot(|tx| {
            Ok(Portfolio {
                profile: profile::get(tx)?,
                sections: Section::ALL.to_vec(),
                case_studies: records::list(tx)?,
                recommendations: records::list(tx)?,
                skills: records::list(tx)?,
                experience: records::list(tx)?,
                certifications: records::list(tx)?,
                education: records::list(tx)?,
                writing: records::list(tx)?,
                edition: None,
            })
        })
    }

    /// When the profile last changed; `None` if it never has.
    pub fn profile_updated_at(&self) -> Result<Option<folio_model::Timestamp>> {
        Ok(profile::updated_at(self.store().read())?)
    }

    /// How many live records of `kind` there are.
    pub fn count(&self, kind: EntityKind) -> Result<u64> {
        Ok(records::count(self.store().read(), kind)?)
    }
}
