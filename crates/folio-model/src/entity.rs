//! What every stored record has in common, and the portfolio as a whole.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::{
    CaseStudy, Certification, Edition, Education, Experience, FieldError, Invalid, Profile, Recommendation, Section,
    Skill, Writing,
};

/// Milliseconds since the Unix epoch, UTC.
pub type Timestamp = i64;

/// The kinds of record a user keeps in lists: ordered, searchable, soft-deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    CaseStudy,
    Recommendation,
    Skill,
    Experience,
    Certification,
    Education,
    Writing,
    Edition,
}

impl EntityKind {
    pub const ALL: [EntityKind; 8] = [
        Self::CaseStudy,
        Self::Recommendation,
        Self::Skill,
        Self::Experience,
        Self::Certification,
        Self::Education,
        Self::Writing,
        Self::Edition,
    ];

    /// The stable name used in JSON, the CLI and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CaseStudy => "case-study",
            Self::Recommendation => "recommendation",
            Self::Skill => "skill",
            Self::Experience => "experience",
            Self::Certification => "certification",
            Self::Education => "education",
            Self::Writing => "writing",
            Self::Edition => "edition",
        }
    }

    /// The kind named by [`EntityKind::as_str`]'s text.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// A plural noun for people: "case studies".
    pub fn plural(self) -> &'static str {
        match self {
            Self::CaseStudy => "case studies",
            Self::Recommendation => "recommendations",
            Self::Skill => "skills",
            Self::Experience => "experience",
            Self::Certification => "certifications",
            Self::Education => "education",
            Self::Writing => "writing & talks",
            Self::Edition => "editions",
        }
    }
}

/// A record kind that Folio keeps in an ordered, searchable list with a trash.
pub trait Entity: Serialize + DeserializeOwned + Clone + Send + Sync + 'static {
    const KIND: EntityKind;

    /// Every problem with the record, each naming its field.
    fn validate(&self) -> Result<(), Invalid>;

    /// The line that names the record in lists, the trash and search results.
    fn title(&self) -> String;

    /// All the text a user might search for, joined by newlines.
    fn search_text(&self) -> String;

    /// The images the record shows, each with the field that names it.
    fn assets(&self) -> Vec<(String, Uuid)> {
        Vec::new()
    }

    /// The record as it is kept: rows a user added and has not filled in yet (an empty
    /// link) are left out. Adding a row is never an error; validation skips such rows
    /// too, keeping the indexes of the others.
    fn drop_blank_rows(&mut self) {}
}

/// A record as stored: its identity and lifecycle around what the user typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Stored<T> {
    /// UUID v7: time-ordered, so ids sort by creation.
    pub id: Uuid,
    #[ts(type = "number")]
    pub created_at: Timestamp,
    #[ts(type = "number")]
    pub updated_at: Timestamp,
    pub item: T,
}

/// Everything that goes into an exported portfolio, already filtered and ordered by an
/// edition (or, without one, everything in its manual order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Portfolio {
    pub profile: Profile,
    /// The sections to show, in order.
    pub sections: Vec<Section>,
    pub case_studies: Vec<Stored<CaseStudy>>,
    pub recommendations: Vec<Stored<Recommendation>>,
    pub skills: Vec<Stored<Skill>>,
    pub experience: Vec<Stored<Experience>>,
    pub certifications: Vec<Stored<Certification>>,
    pub education: Vec<Stored<Education>>,
    pub writing: Vec<Stored<Writing>>,
    /// The edition that shaped this portfolio, if any.
    pub edition: Option<Stored<Edition>>,
}

impl Default for Portfolio {
    /// Nothing yet, every section shown.
    fn default() -> Self {
        Self {
            profile: Profile::default(),
            sections: Section::ALL.to_vec(),
            case_studies: Vec::new(),
            recommendations: Vec::new(),
            skills: Vec::new(),
            experience: Vec::new(),
            certifications: Vec::new(),
            education: Vec::new(),
            writing: Vec::new(),
            edition: None,
        }
    }
}

impl Portfolio {
    /// Checks every part exactly as it is checked when typed, with each field's path
    /// from the portfolio down (`caseStudies[2].item.title`): a portfolio read from a
    /// file (a snapshot in a backup) is trusted no more than live data.
    pub fn validate(&self) -> Result<(), Invalid> {
        let mut errors = Vec::new();
        let mut add = |prefix: String, result: Result<(), Invalid>| {
            if let Err(invalid) = result {
                errors.extend(invalid.errors.into_iter().map(|e| e.under(&prefix)));
            }
        };
        add("profile".into(), self.profile.validate());
        fn each<E: Entity>(key: &str, list: &[Stored<E>], add: &mut impl FnMut(String, Result<(), Invalid>)) {
            for (i, stored) in list.iter().enumerate() {
                add(format!("{key}[{i}].item"), stored.item.validate());
            }
        }
        each("caseStudies", &self.case_studies, &mut add);
        each("recommendations", &self.recommendations, &mut add);
        each("skills", &self.skills, &mut add);
        each("experience", &self.experience, &mut add);
        each("certifications", &self.certifications, &mut add);
        each("education", &self.education, &mut add);
        each("writing", &self.writing, &mut add);
        if let Some(edition) = &self.edition {
            add("edition.item".into(), edition.item.validate());
        }
        // Each section once: a list repeating them would repeat the whole document.
        for (i, section) in self.sections.iter().enumerate() {
            if self.sections[..i].contains(section) {
                errors.push(FieldError { field: format!("sections[{i}]"), problem: "repeats a section".into() });
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Invalid { errors })
        }
    }
}

/// Joins the non-empty parts of a record's text for the search index.
pub(crate) fn join_text<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect::<Vec<_>>().join("\n")
}
