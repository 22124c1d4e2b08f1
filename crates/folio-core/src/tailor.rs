//! Tailoring an edition to a job posting: the posting's salient terms (technologies,
//! practices, responsibilities), which of them the edition covers, and the case
//! studies and recommendations that would cover the rest.
//!
//! Terms come from a built-in vocabulary of the field, with the spellings postings use
//! ("k8s", "Postgres", "CI/CD pipelines"), plus every technology and skill the user's
//! own portfolio names — so a posting asking for something the user has done is always
//! recognised. A term is covered when any of its spellings appears, as a whole word,
//! in what the edition exports.

use std::collections::HashSet;

use folio_model::{CaseStudy, Edition, Entity, EntityKind, Portfolio, Recommendation, Section, Stored};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::words::Phrases;
use crate::{Error, Folio, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TermKind {
    Technology,
    Practice,
    Responsibility,
}

/// One thing the posting asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Term {
    pub name: String,
    pub kind: TermKind,
    /// How often the posting mentions it.
    pub mentions: u32,
    /// Whether the edition says it anywhere.
    pub covered: bool,
    /// The titles of the edition's records that say it.
    pub evidence: Vec<String>,
}

/// A record that would cover terms the edition misses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    pub kind: EntityKind,
    pub id: Uuid,
    pub title: String,
    /// The missing terms it covers, in the posting's order of importance.
    pub covers: Vec<String>,
}

/// How well an edition answers a posting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MatchReport {
    /// Most mentioned first.
    pub terms: Vec<Term>,
    pub covered: u32,
    pub total: u32,
    /// 0–100: the share of terms covered, each weighted by its mentions.
    pub score: u32,
    /// At most five, each covering the most of what is still missing.
    pub suggestions: Vec<Suggestion>,
}

/// The vocabulary: a name, its kind, and the lowercase spellings that mean it. A
/// spelling in capitals is matched exactly ("Go" the language, not "go" the verb).
const VOCABULARY: &[(&str, TermKind, &[&str])] = {
    use TermKind::*;
    &[
        // Languages
        ("Rust", Technology, &["rust"]),
        ("Go", Technology, &["Go", "golang"]),
        ("Java", Technology, &["java"]),
        ("Kotlin", Technology, &["kotlin"]),
        ("Scala", Technology, &["scala"]),
        ("Python", Technology, &["python"]),
        ("TypeScript", Technology, &["typescript"]),
        ("JavaScript", Technology, &["javascript", "node.js", "nodejs"]),
        ("C++", Technology, &["c++"]),
        ("C#", Technology, &["c#", ".net"]),
        ("Ruby", Technology, &["ruby", "rails"]),
        ("Elixir", Technology, &["elixir"]),
        ("Swift", Technology, &["swift"]),
        ("SQL", Technology, &["sql"]),
        // Cloud and platforms
        ("AWS", Technology, &["aws", "amazon web services"]),
        ("GCP", Technology, &["gcp", "google cloud"]),
        ("Azure", Technology, &["azure"]),
        ("Kubernetes", Technology, &["kubernetes", "k8s", "eks", "gke", "aks"]),
        ("Docker", Technology, &["docker", "containers", "containerised", "containerized"]),
        ("Terraform", Technology, &["terraform"]),
        ("Serverless", Technology, &["serverless", "lambda"]),
        // Data
        ("PostgreSQL", Technology, &["postgresql", "postgres"]),
        ("MySQL", Technology, &["mysql"]),
        ("Redis", Technology, &["redis"]),
        ("Kafka", Technology, &["kafka"]),
        ("Elasticsearch", Technology, &["elasticsearch", "opensearch"]),
        ("DynamoDB", Technology, &["dynamodb"]),
        ("Cassandra", Technology, &["cassandra"]),
        ("Spark", Technology, &["spark"]),
        ("gRPC", Technology, &["grpc"]),
        ("GraphQL", Technology, &["graphql"]),
        ("React", Technology, &["react"]),
        // Practices
        ("CI/CD", Practice, &["ci/cd", "continuous delivery", "continuous deployment", "continuous integration"]),
        ("DevOps", Practice, &["devops"]),
        ("Agile", Practice, &["agile", "scrum", "kanban"]),
        ("SRE", Practice, &["sre", "site reliability"]),
        ("Observability", Practice, &["observability", "opentelemetry", "tracing", "monitoring"]),
        ("Infrastructure as code", Practice, &["infrastructure as code", "iac"]),
        ("Test automation", Practice, &["test automation", "automated testing", "tdd", "test-driven"]),
        ("Microservices", Practice, &["microservices", "microservice", "service-oriented"]),
        ("Event-driven architecture", Practice, &["event-driven", "event sourcing", "event streaming"]),
        ("Distributed systems", Practice, &["distributed systems", "distributed system"]),
        ("DORA metrics", Practice, &["dora", "deployment frequency", "lead time for changes", "change failure rate"]),
        ("Security", Practice, &["security", "secure by design", "threat modelling", "threat modeling"]),
        ("Compliance", Practice, &["compliance", "pci", "pci-dss", "sox", "gdpr", "audit"]),
        ("Performance", Practice, &["performance", "latency", "scalability", "scalable"]),
        ("Reliability", Practice, &["reliability", "availability", "resilience", "slo", "slos"]),
        (
            "Incident response",
            Practice,
            &["incident response", "incident management", "on-call", "postmortems", "postmortem"],
        ),
        ("Migration", Practice, &["migration", "migrations", "re-platform", "modernisation", "modernization"]),
        ("Payments", Practice, &["payments", "payment"]),
        // Responsibilities
        ("Architecture", Responsibility, &["architecture", "architectural", "system design", "technical design"]),
        (
            "Technical leadership",
            Responsibility,
            &["technical leadership", "tech lead", "technical lead", "lead engineers", "lead a team", "lead teams"],
        ),
        ("Mentoring", Responsibility, &["mentor", "mentoring", "mentorship", "coach", "coaching", "grow engineers"]),
        (
            "Cross-team collaboration",
            Responsibility,
            &["cross-team", "cross-functional", "collaborate", "collaboration", "partner with"],
        ),
        ("Stakeholder management", Responsibility, &["stakeholders", "stakeholder", "product managers", "executives"]),
        (
            "Design reviews",
            Responsibility,
            &["design reviews", "design review", "rfc", "rfcs", "adr", "adrs", "decision records"],
        ),
        ("Hiring", Responsibility, &["hiring", "interviewing", "recruiting"]),
        ("Roadmap", Responsibility, &["roadmap", "technical strategy", "technical vision"]),
        ("Code review", Responsibility, &["code review", "code reviews"]),
        ("Delivery", Responsibility, &["delivery", "ship", "shipping", "deliver"]),
    ]
};

/// A term to look for, with its spellings.
struct Lexeme {
    name: String,
    kind: TermKind,
    /// (spelling, exact case)
    spellings: Vec<(String, bool)>,
}

/// Finds every term of a lexicon in a text, in one pass over it.
struct Spotter {
    phrases: Phrases,
    /// For each spelling: its term, and the spelling itself when its case must match.
    spellings: Vec<(usize, Option<String>)>,
    terms: usize,
}

impl Spotter {
    fn new(lexicon: &[Lexeme]) -> Self {
        let spellings: Vec<(usize, &String, bool)> = lexicon
            .iter()
            .enumerate()
            .flat_map(|(term, l)| l.spellings.iter().map(move |(s, exact)| (term, s, *exact)))
            .collect();
        let phrases = Phrases::new(&spellings.iter().map(|(_, s, _)| s.as_str()).collect::<Vec<_>>());
        let spellings = spellings.into_iter().map(|(term, s, exact)| (term, exact.then(|| s.clone()))).collect();
        Self { phrases, spellings, terms: lexicon.len() }
    }

    /// For each term, how often `text` says it, and the offset of its first mention.
    fn count(&self, text: &str) -> Vec<(u32, usize)> {
        let mut counts = vec![(0, usize::MAX); self.terms];
        for (spelling, at) in self.phrases.matches(text) {
            let (term, exact) = &self.spellings[spelling];
            if exact.as_ref().is_none_or(|s| text[at.clone()] == *s) {
                let (n, first) = &mut counts[*term];
                *n += 1;
                *first = (*first).min(at.start);
            }
        }
        counts
    }

    /// For each term, whether `text` says it.
    fn said(&self, text: &str) -> Vec<bool> {
        self.count(text).into_iter().map(|(n, _)| n > 0).collect()
    }
}

/// The vocabulary, extended with the technologies and skills the portfolio names.
fn lexicon(portfolio: &Portfolio) -> Vec<Lexeme> {
    let mut lexicon: Vec<Lexeme> = VOCABULARY
        .iter()
        .map(|(name, kind, spellings)| Lexeme {
            name: (*name).into(),
            kind: *kind,
            spellings: spellings.iter().map(|s| (s.to_string(), s.chars().any(char::is_uppercase))).collect(),
        })
        .collect();
    let known = |lexicon: &[Lexeme], name: &str| {
        let lower = name.to_lowercase();
        lexicon
            .iter()
            .any(|l| l.name.to_lowercase() == lower || l.spellings.iter().any(|(s, _)| s.to_lowercase() == lower))
    };
    let own = portfolio
        .case_studies
        .iter()
        .flat_map(|cs| cs.item.technologies.iter().map(|t| t.name.trim().to_string()))
        .chain(portfolio.skills.iter().map(|s| s.item.name.trim().to_string()));
    for name in own {
        // One- and two-letter names ("C", "R") would match initials everywhere.
        if name.chars().count() >= 3 && !known(&lexicon, &name) {
            lexicon.push(Lexeme {
                name: name.clone(),
                kind: TermKind::Technology,
                spellings: vec![(name.to_lowercase(), false)],
            });
        }
    }
    lexicon
}

/// The names of the terms of `portfolio`'s lexicon that `text` says, in lexicon order.
pub(crate) fn terms_in(text: &str, portfolio: &Portfolio) -> Vec<String> {
    let lexicon = lexicon(portfolio);
    let said = Spotter::new(&lexicon).said(text);
    lexicon.into_iter().zip(said).filter(|(_, said)| *said).map(|(l, _)| l.name).collect()
}

/// A record's exported text.
struct Said {
    kind: EntityKind,
    id: Uuid,
    title: String,
    text: String,
}

impl Said {
    fn new(kind: EntityKind, id: Uuid, title: String, text: String) -> Self {
        Self { kind, id, title, text }
    }

    fn case_study(cs: &Stored<CaseStudy>) -> Self {
        Self::new(EntityKind::CaseStudy, cs.id, cs.item.title.clone(), cs.item.search_text())
    }

    fn recommendation(r: &Stored<Recommendation>) -> Self {
        let themes = r.item.themes.iter().map(|t| t.label()).collect::<Vec<_>>().join("\n");
        Self::new(EntityKind::Recommendation, r.id, r.item.title(), format!("{}\n{themes}", r.item.search_text()))
    }

    /// Everything else the edition prints: profile, skills, experience, credentials,
    /// writing.
    fn the_rest(p: &Portfolio) -> Self {
        let mut text = vec![p.profile.headline.clone(), p.profile.summary.clone()];
        text.extend(p.skills.iter().map(|s| s.item.search_text()));
        text.extend(p.experience.iter().map(|x| x.item.search_text()));
        text.extend(p.certifications.iter().map(|c| c.item.search_text()));
        text.extend(p.education.iter().map(|e| e.item.search_text()));
        text.extend(p.writing.iter().map(|w| w.item.search_text()));
        Self::new(EntityKind::Skill, Uuid::nil(), "Profile, skills and experience".into(), text.join("\n"))
    }
}

/// Matches a posting against what an edition exports (`edition`) and what the whole
/// portfolio holds (`everything`, for suggestions).
pub fn match_posting(posting: &str, edition: &Portfolio, everything: &Portfolio) -> MatchReport {
    let lexicon = lexicon(everything);
    let spotter = Spotter::new(&lexicon);
    // (term, mentions, first mention), most mentioned first, then in the posting's order.
    let mut wanted: Vec<(usize, u32, usize)> = spotter
        .count(posting)
        .into_iter()
        .enumerate()
        .filter(|(_, (n, _))| *n > 0)
        .map(|(term, (n, first))| (term, n, first))
        .collect();
    wanted.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));

    let mut shown: Vec<Said> = edition.case_studies.iter().map(Said::case_study).collect();
    shown.extend(edition.recommendations.iter().map(Said::recommendation));
    shown.push(Said::the_rest(edition));

    let shown_says: Vec<Vec<bool>> = shown.iter().map(|s| spotter.said(&s.text)).collect();
    let terms: Vec<Term> = wanted
        .iter()
        .map(|&(term, mentions, _)| {
            let evidence: Vec<String> =
                shown.iter().zip(&shown_says).filter(|(_, says)| says[term]).map(|(s, _)| s.title.clone()).collect();
            let l = &lexicon[term];
            Term { name: l.name.clone(), kind: l.kind, mentions, covered: !evidence.is_empty(), evidence }
        })
        .collect();

    let in_edition: HashSet<Uuid> = shown.iter().map(|s| s.id).collect();
    let suggestions = suggest(&spotter, &wanted, &terms, &in_edition, edition, everything);

    let weight: u32 = terms.iter().map(|t| t.mentions).sum();
    let covered_weight: u32 = terms.iter().filter(|t| t.covered).map(|t| t.mentions).sum();
    MatchReport {
        covered: terms.iter().filter(|t| t.covered).count() as u32,
        total: terms.len() as u32,
        score: (covered_weight * 100 + weight / 2).checked_div(weight).unwrap_or(0),
        terms,
        suggestions,
    }
}

/// Up to five records outside the edition to add, chosen greedily: each time the one
/// covering the most of what is still missing (weighted by mentions) — from sections
/// the edition shows, and only recommendations their authors agreed to share.
fn suggest(
    spotter: &Spotter,
    wanted: &[(usize, u32, usize)],
    terms: &[Term],
    in_edition: &HashSet<Uuid>,
    edition: &Portfolio,
    everything: &Portfolio,
) -> Vec<Suggestion> {
    let shows = |section| edition.sections.contains(&section);
    let case_studies = everything.case_studies.iter().filter(|_| shows(Section::CaseStudies));
    let recommendations =
        everything.recommendations.iter().filter(|r| shows(Section::Recommendations) && r.item.consent);
    let candidates: Vec<Said> = case_studies
        .filter(|c| !in_edition.contains(&c.id))
        .map(Said::case_study)
        .chain(recommendations.filter(|r| !in_edition.contains(&r.id)).map(Said::recommendation))
        .collect();
    let mut missing: Vec<usize> = (0..terms.len()).filter(|i| !terms[*i].covered).collect();
    let covers: Vec<Vec<usize>> = candidates
        .iter()
        .map(|c| {
            let says = spotter.said(&c.text);
            missing.iter().copied().filter(|i| says[wanted[*i].0]).collect()
        })
        .collect();
    let mut suggestions = Vec::new();
    let mut used = vec![false; candidates.len()];
    while suggestions.len() < 5 && !missing.is_empty() {
        let gain = |k: usize| covers[k].iter().filter(|i| missing.contains(i)).map(|i| wanted[*i].1).sum::<u32>();
        let Some(best) = (0..candidates.len()).filter(|k| !used[*k]).max_by_key(|k| (gain(*k), std::cmp::Reverse(*k)))
        else {
            break;
        };
        if gain(best) == 0 {
            break;
        }
        used[best] = true;
        let c = &candidates[best];
        let newly: Vec<usize> = covers[best].iter().copied().filter(|i| missing.contains(i)).collect();
        missing.retain(|i| !newly.contains(i));
        suggestions.push(Suggestion {
            kind: c.kind,
            id: c.id,
            title: c.title.clone(),
            covers: newly.iter().map(|i| terms[*i].name.clone()).collect(),
        });
    }
    suggestions
}

impl Folio {
    /// How well an edition answers a job posting: `posting`, or the one pasted into
    /// the edition.
    pub fn match_posting(&self, edition: Uuid, posting: Option<&str>) -> Result<MatchReport> {
        let stored: Stored<Edition> = self.get(edition)?;
        let posting = posting.unwrap_or(&stored.item.posting);
        if posting.trim().is_empty() {
            return Err(Error::invalid("posting", "is empty: paste the job posting into the edition first"));
        }
        let exported = self.portfolio(Some(edition))?;
        let everything = self.everything()?;
        Ok(match_posting(posting, &exported, &everything))
    }
}
