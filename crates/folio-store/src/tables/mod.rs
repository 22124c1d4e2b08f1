//! One module per table. Functions take a connection (or a transaction, which derefs to
//! one) so the core composes them into a single transaction per user action.

pub mod assets;
pub mod export_records;
pub mod linkedin;
pub mod profile;
pub mod records;

use folio_model::EntityKind;

/// The table that holds records of `kind`.
pub(crate) fn table(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::CaseStudy => "case_studies",
        EntityKind::Recommendation => "recommendations",
        EntityKind::Skill => "skills",
        EntityKind::Experience => "experience",
        EntityKind::Certification => "certifications",
        EntityKind::Education => "education",
        EntityKind::Writing => "writing",
        EntityKind::Edition => "editions",
    }
}
