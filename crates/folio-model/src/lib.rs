//! Folio's vocabulary: the domain types of a portfolio, their validation, and the
//! values derived from them (a metric's change, a skill's evidence).
//!
//! This crate does no I/O and knows nothing of SQLite, PDFs or Tauri: every other
//! crate speaks in these types, and the TypeScript types of the UI are generated from
//! them. Validation reports *every* problem of a record at once, each naming its field,
//! so that an editor can show the message next to the field that caused it.

mod asset;
mod case_study;
mod date;
mod edition;
mod entity;
mod error_code;
pub mod fields;
mod letter;
pub mod markdown;
mod metric;
mod printed;
mod profile;
mod record;
mod records;
pub mod resume;
mod validate;

pub use asset::{Asset, MediaType};
pub use case_study::{
    known_technologies, CaseStudy, CaseStudyKind, Decision, ImageRef, Link, Technology, TechnologyCategory,
};
pub use date::{period, PartialDate};
pub use edition::{
    DocumentFormat, Edition, ExportRecord, ExportSnapshot, FileType, Paper, Redaction, Section, SectionToggle,
};
pub use entity::{Entity, EntityKind, Portfolio, Stored, Timestamp};
pub use error_code::ErrorCode;
pub use letter::CoverLetter;
pub use metric::{
    format_factor, format_number, format_quantity, metric_presets, Direction, Metric, MetricCategory, MetricPreset,
    MetricSummary,
};
pub use printed::DocumentInfo;
pub use profile::{display_url, LinkKind, Profile, ProfileLink};
pub use record::{AsRecord, Record};
pub use records::{
    Certification, Education, Experience, Recommendation, RecommendationTheme, Relationship, Skill, SkillArea, Writing,
    WritingKind,
};
pub use validate::{limits, FieldError, Invalid};
