//! A case study: one project the user led, told with its decisions and measured impact.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::entity::join_text;
use crate::validate::{limits, Check};
use crate::{Entity, EntityKind, Invalid, Metric, PartialDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum CaseStudyKind {
    Architecture,
    TechnicalChallenge,
    ProcessImprovement,
    Mentorship,
    Migration,
    IncidentResponse,
    Other,
}

impl CaseStudyKind {
    /// The tag printed on the case study.
    pub fn label(self) -> &'static str {
        match self {
            Self::Architecture => "Architecture",
            Self::TechnicalChallenge => "Technical challenge",
            Self::ProcessImprovement => "Process improvement",
            Self::Mentorship => "Mentorship",
            Self::Migration => "Migration",
            Self::IncidentResponse => "Incident response",
            Self::Other => "Other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TechnologyCategory {
    Language,
    Cloud,
    Framework,
    Database,
    Practice,
    #[default]
    Tool,
}

/// Technologies most portfolios name, each with the category a reader expects, so that
/// a tag gets the right one as it is added (and the coach's advice on languages, cloud
/// and practices can be followed). Matched without regard to case.
const KNOWN_TECHNOLOGIES: &[(&str, TechnologyCategory)] = {
    use TechnologyCategory::*;
    &[
        ("Rust", Language),
        ("Go", Language),
        ("Java", Language),
        ("Kotlin", Language),
        ("Scala", Language),
        ("Python", Language),
        ("TypeScript", Language),
        ("JavaScript", Language),
        ("C", Language),
        ("C++", Language),
        ("C#", Language),
        ("Ruby", Language),
        ("Elixir", Language),
        ("Swift", Language),
        ("PHP", Language),
        ("SQL", Language),
        ("AWS", Cloud),
        ("GCP", Cloud),
        ("Azure", Cloud),
        ("Kubernetes", Cloud),
        ("Docker", Cloud),
        ("Serverless", Cloud),
        ("Cloudflare", Cloud),
        ("PostgreSQL", Database),
        ("MySQL", Database),
        ("SQLite", Database),
        ("Redis", Database),
        ("MongoDB", Database),
        ("DynamoDB", Database),
        ("Cassandra", Database),
        ("Elasticsearch", Database),
        ("Snowflake", Database),
        ("React", Framework),
        ("Svelte", Framework),
        ("Vue", Framework),
        ("Angular", Framework),
        ("Django", Framework),
        ("Rails", Framework),
        ("Spring", Framework),
        ("Node.js", Framework),
        (".NET", Framework),
        ("gRPC", Framework),
        ("GraphQL", Framework),
        ("Kafka", Tool),
        ("Terraform", Tool),
        ("GitHub Actions", Tool),
        ("Argo CD", Tool),
        ("Datadog", Tool),
        ("Prometheus", Tool),
        ("Grafana", Tool),
        ("OpenTelemetry", Tool),
        ("CI/CD", Practice),
        ("DevOps", Practice),
        ("SRE", Practice),
        ("Agile", Practice),
        ("TDD", Practice),
        ("Code review", Practice),
        ("Observability", Practice),
        ("Infrastructure as code", Practice),
        ("Microservices", Practice),
        ("Event-driven architecture", Practice),
        ("Domain-driven design", Practice),
        ("Trunk-based development", Practice),
        ("Incident command", Practice),
        ("Mentoring", Practice),
    ]
};

impl TechnologyCategory {
    /// The category a reader expects for the technology `name`, if Folio knows it.
    pub fn suggested_for(name: &str) -> Option<Self> {
        let name = name.trim();
        KNOWN_TECHNOLOGIES.iter().find(|(known, _)| known.eq_ignore_ascii_case(name)).map(|(_, category)| *category)
    }
}

/// The technologies Folio knows, with their categories: the tag input suggests them.
pub fn known_technologies() -> Vec<Technology> {
    KNOWN_TECHNOLOGIES.iter().map(|(name, category)| Technology { name: (*name).into(), category: *category }).collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Technology {
    pub name: String,
    pub category: TechnologyCategory,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Link {
    pub label: String,
    pub url: String,
    /// Points inside an employer (a wiki page, a dashboard): left out of exports unless
    /// an edition asks for internal links.
    pub internal: bool,
}

/// An image shown in a case study; the bytes live in an [`crate::Asset`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ImageRef {
    pub asset: Uuid,
    pub caption: String,
    /// Alternative text for readers who cannot see the image.
    pub alt: String,
}

/// A key decision, in the spirit of an architecture decision record.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Decision {
    pub title: String,
    /// The forces at play (Markdown).
    pub context: String,
    /// The alternatives weighed, one per entry.
    pub options: Vec<String>,
    pub choice: String,
    pub rationale: String,
    pub consequences: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CaseStudy {
    pub title: String,
    pub organisation: String,
    pub role: String,
    /// Month precision in practice; `None` while unknown.
    pub start: Option<PartialDate>,
    /// `None` means ongoing.
    pub end: Option<PartialDate>,
    pub kinds: Vec<CaseStudyKind>,
    /// One or two sentences.
    pub summary: String,
    /// Markdown: the situation before.
    pub context: String,
    /// Markdown: my role and how I helped the team succeed.
    pub contribution: String,
    /// Markdown: the impact.
    pub outcome: String,
    pub team_size: Option<u32>,
    pub technologies: Vec<Technology>,
    pub links: Vec<Link>,
    pub images: Vec<ImageRef>,
    pub decisions: Vec<Decision>,
    pub metrics: Vec<Metric>,
    pub featured: bool,
}

impl Link {
    /// Neither a label nor an address: a row added and not filled in yet.
    pub fn is_blank(&self) -> bool {
        self.label.trim().is_empty() && self.url.trim().is_empty()
    }
}

impl Entity for CaseStudy {
    const KIND: EntityKind = EntityKind::CaseStudy;

    fn drop_blank_rows(&mut self) {
        self.links.retain(|l| !l.is_blank());
    }

    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::default();
        c.required("title", &self.title, limits::SHORT_TEXT);
        c.text("organisation", &self.organisation, limits::SHORT_TEXT);
        c.text("role", &self.role, limits::SHORT_TEXT);
        c.period(self.start.as_ref(), self.end.as_ref());
        c.text("summary", &self.summary, limits::MEDIUM_TEXT);
        c.text("context", &self.context, limits::LONG_TEXT);
        c.text("contribution", &self.contribution, limits::LONG_TEXT);
        c.text("outcome", &self.outcome, limits::LONG_TEXT);
        if let Some(size) = self.team_size {
            c.range("teamSize", size, 1, 100_000);
        }
        c.count("kinds", self.kinds.len(), limits::LIST);
        c.each("technologies", &self.technologies, |c, t| c.required("name", &t.name, limits::SHORT_TEXT));
        c.each("links", &self.links, |c, l| {
            // A row just added and not yet filled is no link and no error (see
            // `drop_blank_rows`); its index stays, so later rows' errors mark them.
            if l.is_blank() {
                return;
            }
            c.text("label", &l.label, limits::SHORT_TEXT);
            c.required("url", &l.url, limits::URL);
            c.url("url", &l.url);
        });
        c.each("images", &self.images, |c, i| {
            c.text("caption", &i.caption, limits::MEDIUM_TEXT);
            c.text("alt", &i.alt, limits::MEDIUM_TEXT);
        });
        c.each("decisions", &self.decisions, |c, d| {
            c.required("title", &d.title, limits::SHORT_TEXT);
            c.text("context", &d.context, limits::LONG_TEXT);
            c.each("options", &d.options, |c, o| c.text("", o, limits::MEDIUM_TEXT));
            c.text("choice", &d.choice, limits::MEDIUM_TEXT);
            c.text("rationale", &d.rationale, limits::LONG_TEXT);
            c.text("consequences", &d.consequences, limits::LONG_TEXT);
        });
        c.each("metrics", &self.metrics, |c, m| m.check(c));
        c.finish()
    }

    fn title(&self) -> String {
        self.title.clone()
    }

    fn assets(&self) -> Vec<(String, Uuid)> {
        self.images.iter().enumerate().map(|(i, image)| (format!("images[{i}].asset"), image.asset)).collect()
    }

    fn search_text(&self) -> String {
        let mut parts = vec![
            self.title.as_str(),
            self.organisation.as_str(),
            self.role.as_str(),
            self.summary.as_str(),
            self.context.as_str(),
            self.contribution.as_str(),
            self.outcome.as_str(),
        ];
        parts.extend(self.technologies.iter().map(|t| t.name.as_str()));
        parts.extend(self.images.iter().map(|i| i.caption.as_str()));
        for d in &self.decisions {
            parts.extend([d.title.as_str(), &d.context, &d.choice, &d.rationale, &d.consequences]);
            parts.extend(d.options.iter().map(String::as_str));
        }
        for m in &self.metrics {
            parts.extend([m.label.as_str(), &m.note]);
        }
        join_text(parts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_untitled_case_study_with_end_before_start_reports_both() {
        let cs = CaseStudy {
            start: Some("2022-05".parse().unwrap()),
            end: Some("2021-01".parse().unwrap()),
            ..CaseStudy::default()
        };
        let err = cs.validate().unwrap_err();
        let fields: Vec<_> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "end"]);
        assert!(err.to_string().contains("title must not be empty"), "{err}");
    }

    #[test]
    fn nested_problems_name_their_path() {
        let cs = CaseStudy {
            title: "Payments re-platform".into(),
            decisions: vec![Decision::default()],
            links: vec![Link { label: "Docs".into(), url: "ftp://example.com".into(), internal: false }],
            ..CaseStudy::default()
        };
        let err = cs.validate().unwrap_err();
        let fields: Vec<_> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["links[0].url", "decisions[0].title"]);
    }

    #[test]
    fn text_beyond_the_limit_is_refused() {
        let cs = CaseStudy { title: "x".repeat(limits::SHORT_TEXT + 1), ..CaseStudy::default() };
        let err = cs.validate().unwrap_err();
        assert_eq!(err.first_field(), Some("title"));
        assert!(err.to_string().contains("the limit is 200"), "{err}");
    }

    #[test]
    fn a_known_technology_gets_the_category_a_reader_expects_whatever_its_case() {
        assert_eq!(TechnologyCategory::suggested_for("go"), Some(TechnologyCategory::Language));
        assert_eq!(TechnologyCategory::suggested_for(" AWS "), Some(TechnologyCategory::Cloud));
        assert_eq!(TechnologyCategory::suggested_for("ci/cd"), Some(TechnologyCategory::Practice));
        assert_eq!(TechnologyCategory::suggested_for("PostgreSQL"), Some(TechnologyCategory::Database));
        assert_eq!(TechnologyCategory::suggested_for("Ourmonorepo"), None);
        let known = known_technologies();
        let mut names: Vec<String> = known.iter().map(|t| t.name.to_lowercase()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), known.len(), "each technology once");
    }

    #[test]
    fn search_text_includes_decision_rationale_and_technologies() {
        let cs = CaseStudy {
            title: "Search".into(),
            technologies: vec![Technology { name: "Kafka".into(), category: TechnologyCategory::Tool }],
            decisions: vec![Decision {
                title: "Queue".into(),
                rationale: "idempotency matters".into(),
                ..Decision::default()
            }],
            ..CaseStudy::default()
        };
        let text = cs.search_text();
        assert!(text.contains("Kafka") && text.contains("idempotency"));
    }
}
