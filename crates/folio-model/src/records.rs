//! The rest of a career record: recommendations, skills, experience, credentials and
//! writing.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::entity::join_text;
use crate::validate::{limits, Check};
use crate::{Entity, EntityKind, Invalid, PartialDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Relationship {
    Manager,
    #[default]
    Peer,
    DirectReport,
    Mentee,
    Stakeholder,
    Client,
}

impl Relationship {
    pub fn label(self) -> &'static str {
        match self {
            Self::Manager => "Manager",
            Self::Peer => "Peer",
            Self::DirectReport => "Direct report",
            Self::Mentee => "Mentee",
            Self::Stakeholder => "Stakeholder",
            Self::Client => "Client",
        }
    }
}

/// What a recommendation speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RecommendationTheme {
    Mentorship,
    Collaboration,
    Leadership,
    TechnicalExcellence,
    Delivery,
}

impl RecommendationTheme {
    pub fn label(self) -> &'static str {
        match self {
            Self::Mentorship => "Mentorship",
            Self::Collaboration => "Collaboration",
            Self::Leadership => "Leadership",
            Self::TechnicalExcellence => "Technical excellence",
            Self::Delivery => "Delivery",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Recommendation {
    pub author_name: String,
    pub author_title: String,
    pub organisation: String,
    pub relationship: Relationship,
    pub date: Option<PartialDate>,
    pub text: String,
    pub themes: Vec<RecommendationTheme>,
    /// The case study it speaks to, if any.
    pub case_study: Option<Uuid>,
    pub source_url: String,
    /// Only recommendations the author agreed to share are exported by default.
    pub consent: bool,
}

impl Entity for Recommendation {
    const KIND: EntityKind = EntityKind::Recommendation;

    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::default();
        // Who said it may be filled in last: a recommendation without an author is a
        // draft, which the coach points out and no export prints.
        c.text("authorName", &self.author_name, limits::SHORT_TEXT);
        c.text("authorTitle", &self.author_title, limits::SHORT_TEXT);
        c.text("organisation", &self.organisation, limits::SHORT_TEXT);
        c.text("text", &self.text, limits::LONG_TEXT);
        c.count("themes", self.themes.len(), limits::LIST);
        c.url("sourceUrl", &self.source_url);
        c.finish()
    }

    fn title(&self) -> String {
        match self.author_title.trim() {
            "" => self.author_name.clone(),
            t => format!("{} — {t}", self.author_name),
        }
    }

    fn search_text(&self) -> String {
        join_text([self.author_name.as_str(), &self.author_title, &self.organisation, &self.text])
    }
}

/// The four areas of the skill map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SkillArea {
    Foundational,
    #[default]
    AdvancedTechnical,
    LeadershipCommunication,
    ToolsWorkflow,
}

impl SkillArea {
    pub const ALL: [SkillArea; 4] =
        [Self::Foundational, Self::AdvancedTechnical, Self::LeadershipCommunication, Self::ToolsWorkflow];

    pub fn label(self) -> &'static str {
        match self {
            Self::Foundational => "Foundational",
            Self::AdvancedTechnical => "Advanced technical",
            Self::LeadershipCommunication => "Leadership & communication",
            Self::ToolsWorkflow => "Tools & workflow",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Skill {
    pub name: String,
    pub area: SkillArea,
    /// 1 (aware) to 5 (expert).
    pub level: u32,
    pub years: Option<u32>,
    /// Case studies picked as evidence, beyond those whose technologies name the skill.
    pub evidence: Vec<Uuid>,
}

impl Default for Skill {
    fn default() -> Self {
        Self { name: String::new(), area: SkillArea::default(), level: 3, years: None, evidence: Vec::new() }
    }
}

impl Entity for Skill {
    const KIND: EntityKind = EntityKind::Skill;

    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::default();
        c.required("name", &self.name, limits::SHORT_TEXT);
        c.range("level", self.level, 1, 5);
        if let Some(years) = self.years {
            c.range("years", years, 0, 70);
        }
        c.count("evidence", self.evidence.len(), limits::LIST);
        c.finish()
    }

    fn title(&self) -> String {
        self.name.clone()
    }

    fn search_text(&self) -> String {
        self.name.clone()
    }
}

impl Skill {
    /// Whether the case study is evidence of this skill: picked as such, or naming the
    /// skill among its technologies.
    pub fn is_evidenced_by(&self, id: Uuid, case_study: &crate::CaseStudy) -> bool {
        let name = self.name.trim();
        self.evidence.contains(&id) || case_study.technologies.iter().any(|t| t.name.trim().eq_ignore_ascii_case(name))
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Experience {
    pub organisation: String,
    pub title: String,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub location: String,
    /// Markdown.
    pub summary: String,
    pub highlights: Vec<String>,
}

impl Entity for Experience {
    const KIND: EntityKind = EntityKind::Experience;

    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::default();
        c.required("organisation", &self.organisation, limits::SHORT_TEXT);
        c.required("title", &self.title, limits::SHORT_TEXT);
        c.period(self.start.as_ref(), self.end.as_ref());
        c.text("location", &self.location, limits::SHORT_TEXT);
        c.text("summary", &self.summary, limits::LONG_TEXT);
        c.each("highlights", &self.highlights, |c, h| c.text("", h, limits::MEDIUM_TEXT));
        c.finish()
    }

    fn title(&self) -> String {
        format!("{} — {}", self.title, self.organisation)
    }

    fn search_text(&self) -> String {
        let mut parts = vec![self.organisation.as_str(), &self.title, &self.location, &self.summary];
        parts.extend(self.highlights.iter().map(String::as_str));
        join_text(parts)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Certification {
    pub name: String,
    pub issuer: String,
    pub date: Option<PartialDate>,
    pub expiry: Option<PartialDate>,
    pub credential_id: String,
    pub url: String,
}

impl Entity for Certification {
    const KIND: EntityKind = EntityKind::Certification;

    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::default();
        c.required("name", &self.name, limits::SHORT_TEXT);
        c.text("issuer", &self.issuer, limits::SHORT_TEXT);
        if let (Some(date), Some(expiry)) = (&self.date, &self.expiry) {
            if expiry.is_before(date) {
                c.fail("expiry", format!("({expiry}) is before the date issued ({date})"));
            }
        }
        c.text("credentialId", &self.credential_id, limits::SHORT_TEXT);
        c.url("url", &self.url);
        c.finish()
    }

    fn title(&self) -> String {
        self.name.clone()
    }

    fn search_text(&self) -> String {
        join_text([self.name.as_str(), &self.issuer])
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Education {
    pub institution: String,
    pub degree: String,
    pub field: String,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
}

impl Entity for Education {
    const KIND: EntityKind = EntityKind::Education;

    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::default();
        c.required("institution", &self.institution, limits::SHORT_TEXT);
        c.text("degree", &self.degree, limits::SHORT_TEXT);
        c.text("field", &self.field, limits::SHORT_TEXT);
        c.period(self.start.as_ref(), self.end.as_ref());
        c.finish()
    }

    fn title(&self) -> String {
        self.institution.clone()
    }

    fn search_text(&self) -> String {
        join_text([self.institution.as_str(), &self.degree, &self.field])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum WritingKind {
    #[default]
    Post,
    Talk,
    Paper,
    OpenSource,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Writing {
    pub title: String,
    pub venue: String,
    pub date: Option<PartialDate>,
    pub url: String,
    pub kind: WritingKind,
}

impl Entity for Writing {
    const KIND: EntityKind = EntityKind::Writing;

    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::default();
        c.required("title", &self.title, limits::SHORT_TEXT);
        c.text("venue", &self.venue, limits::SHORT_TEXT);
        c.url("url", &self.url);
        c.finish()
    }

    fn title(&self) -> String {
        self.title.clone()
    }

    fn search_text(&self) -> String {
        join_text([self.title.as_str(), &self.venue])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_skill_level_outside_one_to_five_is_refused() {
        let skill = Skill { name: "Rust".into(), level: 6, ..Skill::default() };
        assert_eq!(skill.validate().unwrap_err().first_field(), Some("level"));
    }

    #[test]
    fn a_recommendation_may_wait_for_its_author_but_not_take_a_long_one() {
        assert!(Recommendation { text: "Great".into(), ..Recommendation::default() }.validate().is_ok());
        let long = Recommendation { author_name: "x".repeat(201), ..Recommendation::default() };
        assert_eq!(long.validate().unwrap_err().first_field(), Some("authorName"));
    }

    #[test]
    fn a_certification_cannot_expire_before_it_was_issued() {
        let cert = Certification {
            name: "CKA".into(),
            date: Some("2023-05".parse().unwrap()),
            expiry: Some("2022-05".parse().unwrap()),
            ..Certification::default()
        };
        assert_eq!(cert.validate().unwrap_err().first_field(), Some("expiry"));
    }

    #[test]
    fn a_skill_is_evidenced_by_case_studies_that_name_it_or_were_picked() {
        let picked = Uuid::now_v7();
        let skill = Skill { name: "Kubernetes".into(), evidence: vec![picked], ..Skill::default() };
        let cs = crate::CaseStudy {
            technologies: vec![crate::Technology { name: "kubernetes".into(), ..Default::default() }],
            ..Default::default()
        };
        assert!(skill.is_evidenced_by(Uuid::now_v7(), &cs));
        assert!(skill.is_evidenced_by(picked, &crate::CaseStudy::default()));
        assert!(!skill.is_evidenced_by(Uuid::now_v7(), &crate::CaseStudy::default()));
    }

    #[test]
    fn a_skill_stored_before_evidence_existed_still_loads() {
        let skill: Skill = serde_json::from_str(r#"{"name":"Go","area":"foundational","level":4,"years":6}"#).unwrap();
        assert!(skill.evidence.is_empty());
    }
}
