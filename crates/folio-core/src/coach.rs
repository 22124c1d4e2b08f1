//! The portfolio coach: the well-known advice for technical portfolios, applied as
//! checks over the model, continuously.
//!
//! Each check serves one piece of [`Advice`]. It passes or fails for a target (the
//! portfolio, a case study, one decision, one link…); a failure is a [`Finding`] with a
//! concrete next step and the field it concerns, so the app can show it beside that
//! field. Scores are not magic: an advice scores the share of its checks that pass,
//! where an error weighs 3, a warning 2 and a tip 1; the overall score is the mean of
//! the advice scores. Both round down: 100 means there is nothing to say.
//!
//! Everything here is a pure function of the portfolio and the time, fast enough to
//! run on every keystroke (a 1,000-case-study portfolio in a few milliseconds; see the
//! `coach` benchmark).

use folio_model::{
    CaseStudy, CaseStudyKind, EntityKind, LinkKind, MetricCategory, Portfolio, RecommendationTheme, Stored,
    TechnologyCategory, Timestamp,
};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use std::sync::LazyLock;

use crate::words::{contains_word, has_any_word, word_count, Phrases};
use crate::{Folio, Result};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The portfolio does not work without it.
    Error,
    /// A reviewer will notice.
    Warning,
    /// Worth doing when there is time.
    Tip,
}

impl Severity {
    fn weight(self) -> u32 {
        match self {
            Self::Error => 3,
            Self::Warning => 2,
            Self::Tip => 1,
        }
    }
}

/// The pieces of advice the coach applies, in the order it presents them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Advice {
    FeatureLeadership,
    TellTheStory,
    Quantify,
    ShowVersatility,
    KeepItClean,
    Recommendations,
    StayCurrent,
}

impl Advice {
    pub const ALL: [Advice; 7] = [
        Self::FeatureLeadership,
        Self::TellTheStory,
        Self::Quantify,
        Self::ShowVersatility,
        Self::KeepItClean,
        Self::Recommendations,
        Self::StayCurrent,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::FeatureLeadership => "Feature the projects you led",
            Self::TellTheStory => "Give your reasoning, your impact and your part in the team's success",
            Self::Quantify => "Quantify the impact",
            Self::ShowVersatility => "Show versatility",
            Self::KeepItClean => "Keep it clean and organised",
            Self::Recommendations => "Add recommendations that speak to mentorship and collaboration",
            Self::StayCurrent => "Keep your profile and public presence current",
        }
    }
}

/// Every check the coach runs, by its stable name ("case-study-no-metric" on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    AtsMisread,
    CaseStudyNoBaseline,
    CaseStudyNoContribution,
    CaseStudyNoDecision,
    CaseStudyNoKind,
    CaseStudyNoMetric,
    CaseStudyNoOutcome,
    CaseStudyNoRole,
    CaseStudyNoSummary,
    ContributionNoTeam,
    ContributionWithoutI,
    DecisionNoAlternatives,
    DecisionNoRationale,
    EditionTooLong,
    FewLanguages,
    ImageNoAlt,
    ImageNoCaption,
    LinkNotHttps,
    MetricNoTimeframe,
    NoBlogOrCode,
    NoCaseStudies,
    NoCloud,
    NoDeliveryMetric,
    NoLeadershipKind,
    NoLinkedin,
    NoMentorshipOrCollaboration,
    NoModernPractice,
    NoPerformanceMetric,
    NoQualityMetric,
    NoRecommendations,
    ProfileNoContact,
    ProfileNoHeadline,
    ProfileNoName,
    ProfileStale,
    RecommendationNoAuthor,
    RecommendationNoConsent,
    SummaryTooLong,
    VagueVerb,
}

impl Check {
    /// The name on the wire and in the CLI.
    pub fn name(self) -> &'static str {
        match self {
            Self::AtsMisread => "ats-misread",
            Self::CaseStudyNoBaseline => "case-study-no-baseline",
            Self::CaseStudyNoContribution => "case-study-no-contribution",
            Self::CaseStudyNoDecision => "case-study-no-decision",
            Self::CaseStudyNoKind => "case-study-no-kind",
            Self::CaseStudyNoMetric => "case-study-no-metric",
            Self::CaseStudyNoOutcome => "case-study-no-outcome",
            Self::CaseStudyNoRole => "case-study-no-role",
            Self::CaseStudyNoSummary => "case-study-no-summary",
            Self::ContributionNoTeam => "contribution-no-team",
            Self::ContributionWithoutI => "contribution-without-i",
            Self::DecisionNoAlternatives => "decision-no-alternatives",
            Self::DecisionNoRationale => "decision-no-rationale",
            Self::EditionTooLong => "edition-too-long",
            Self::FewLanguages => "few-languages",
            Self::ImageNoAlt => "image-no-alt",
            Self::ImageNoCaption => "image-no-caption",
            Self::LinkNotHttps => "link-not-https",
            Self::MetricNoTimeframe => "metric-no-timeframe",
            Self::NoBlogOrCode => "no-blog-or-code",
            Self::NoCaseStudies => "no-case-studies",
            Self::NoCloud => "no-cloud",
            Self::NoDeliveryMetric => "no-delivery-metric",
            Self::NoLeadershipKind => "no-leadership-kind",
            Self::NoLinkedin => "no-linkedin",
            Self::NoMentorshipOrCollaboration => "no-mentorship-or-collaboration",
            Self::NoModernPractice => "no-modern-practice",
            Self::NoPerformanceMetric => "no-performance-metric",
            Self::NoQualityMetric => "no-quality-metric",
            Self::NoRecommendations => "no-recommendations",
            Self::ProfileNoContact => "profile-no-contact",
            Self::ProfileNoHeadline => "profile-no-headline",
            Self::ProfileNoName => "profile-no-name",
            Self::ProfileStale => "profile-stale",
            Self::RecommendationNoAuthor => "recommendation-no-author",
            Self::RecommendationNoConsent => "recommendation-no-consent",
            Self::SummaryTooLong => "summary-too-long",
            Self::VagueVerb => "vague-verb",
        }
    }
}

impl std::fmt::Display for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What a finding points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    /// `None` for the profile and for the portfolio as a whole.
    pub kind: Option<EntityKind>,
    pub id: Option<Uuid>,
    /// The record's title, for people: "Payments re-platform".
    pub title: String,
}

/// One piece of advice not yet followed, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Which check it is: "case-study-no-metric".
    pub check: Check,
    pub severity: Severity,
    pub advice: Advice,
    pub target: Target,
    /// The field concerned, as validation names it ("metrics[0].timeframe"); empty
    /// when the finding is about the record as a whole.
    pub field: String,
    /// What is missing: "Case study 'Payments re-platform' has no metric with a baseline".
    pub message: String,
    /// What to do next: "add one, e.g. deployment frequency before and after".
    pub next_step: String,
}

/// How well one piece of advice is followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AdviceScore {
    pub advice: Advice,
    pub title: String,
    /// 0–100: the weighted share of this advice's checks that pass.
    pub score: u32,
    pub passed: u32,
    pub checks: u32,
    /// "9 of 11 checks pass (weighted 17 of 20)".
    pub explanation: String,
}

/// The coach's view of a portfolio or an edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoachReport {
    /// 0–100: the mean of the advice scores.
    pub score: u32,
    pub explanation: String,
    pub advice: Vec<AdviceScore>,
    /// Errors first, then warnings, then tips; within each, in portfolio order.
    pub findings: Vec<Finding>,
}

/// Verbs that hide what the author did.
const VAGUE: [&str; 9] = [
    "helped with",
    "helped to",
    "was involved in",
    "were involved in",
    "worked on",
    "assisted with",
    "participated in",
    "was responsible for",
    "was part of",
];

/// Words that say the author did something themselves.
const FIRST_PERSON: [&str; 8] = ["i", "i'm", "i've", "i'd", "my", "me", "myself", "i’ve"];

/// Words that say how the team fared.
const TEAM: [&str; 16] = [
    "team",
    "teams",
    "we",
    "our",
    "us",
    "engineers",
    "colleagues",
    "mentored",
    "mentoring",
    "coached",
    "coaching",
    "paired",
    "pairing",
    "onboarded",
    "together",
    "squad",
];

/// Practices that show a modern way of working, when no technology is marked as one.
const PRACTICES: [&str; 12] = [
    "devops",
    "agile",
    "scrum",
    "kanban",
    "ci/cd",
    "continuous delivery",
    "continuous integration",
    "sre",
    "tdd",
    "trunk-based development",
    "infrastructure as code",
    "observability",
];

/// The vague verbs, all found in one pass over a text.
static VAGUE_PHRASES: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(&VAGUE));

const SUMMARY_WORDS: usize = 60;
const EDITION_CASE_STUDIES: usize = 6;
const SIX_MONTHS_MS: i64 = 183 * 24 * 3600 * 1000;

/// Collects the checks' outcomes.
struct Coach {
    findings: Vec<Finding>,
    /// Weighted (passed, total) and counted (passed, total) per advice.
    tallies: [(u32, u32, u32, u32); 7],
}

/// A failing check, before it is recorded.
struct Fail<'a> {
    check: Check,
    severity: Severity,
    advice: Advice,
    target: &'a Target,
    field: String,
}

impl Coach {
    /// Records one check; `finding` is asked for only when it fails.
    fn check(&mut self, fail: Fail<'_>, passed: bool, finding: impl FnOnce() -> (String, String)) {
        // `Advice` is declared in the order of `Advice::ALL`.
        let slot = &mut self.tallies[fail.advice as usize];
        let weight = fail.severity.weight();
        slot.1 += weight;
        slot.3 += 1;
        if passed {
            slot.0 += weight;
            slot.2 += 1;
            return;
        }
        let (message, next_step) = finding();
        self.findings.push(Finding {
            check: fail.check,
            severity: fail.severity,
            advice: fail.advice,
            target: fail.target.clone(),
            field: fail.field,
            message,
            next_step,
        });
    }

    fn report(mut self) -> CoachReport {
        self.findings.sort_by_key(|f| f.severity);
        let advice: Vec<AdviceScore> = Advice::ALL
            .iter()
            .zip(self.tallies)
            .filter(|(_, t)| t.3 > 0)
            .map(|(advice, (weighted, weight, passed, checks))| AdviceScore {
                advice: *advice,
                title: advice.title().into(),
                // Rounded down, so that 100 means there is nothing at all to say.
                score: weighted * 100 / weight,
                passed,
                checks,
                explanation: format!("{passed} of {checks} checks pass (weighted {weighted} of {weight})"),
            })
            .collect();
        let score = match advice.len() as u32 {
            0 => 100,
            n => advice.iter().map(|a| a.score).sum::<u32>() / n,
        };
        let explanation = format!(
            "The mean of {} advice scores; each is the share of its checks that pass, an error weighing 3, a \
             warning 2 and a tip 1.",
            advice.len()
        );
        CoachReport { score, explanation, advice, findings: self.findings }
    }
}

fn named(title: &str) -> String {
    match title.trim() {
        "" => "(untitled)".into(),
        t => t.into(),
    }
}

fn fail<'a>(check: Check, severity: Severity, advice: Advice, target: &'a Target, field: &str) -> Fail<'a> {
    Fail { check, severity, advice, target, field: field.into() }
}

/// Whether a URL is one a reader can open safely: https, or a mail address.
fn is_secure(url: &str) -> bool {
    let url = url.trim().to_ascii_lowercase();
    url.is_empty() || url.starts_with("https://") || url.starts_with("mailto:")
}

/// Runs every check over `portfolio` (a whole portfolio, or what an edition selects) at
/// time `now`. `profile_updated_at` is when the profile last changed, if ever; `ats` is
/// how an applicant tracking system reads its PDF, when that was checked.
pub fn coach(
    portfolio: &Portfolio,
    profile_updated_at: Option<Timestamp>,
    now: Timestamp,
    ats: Option<&folio_ats::Report>,
) -> CoachReport {
    let mut c = Coach { findings: Vec::new(), tallies: [(0, 0, 0, 0); 7] };
    let whole = Target { kind: None, id: None, title: "Portfolio".into() };
    let profile_target = Target { kind: None, id: None, title: "Profile".into() };
    portfolio_checks(&mut c, portfolio, &whole);
    profile_checks(&mut c, portfolio, &profile_target, profile_updated_at, now);
    for cs in &portfolio.case_studies {
        case_study_checks(&mut c, cs);
    }
    recommendation_checks(&mut c, portfolio, &whole);
    address_checks(&mut c, portfolio);
    if let Some(ats) = ats {
        ats_checks(&mut c, ats, &whole);
    }
    c.report()
}

/// What an applicant tracking system reads in the PDF: every field as printed.
fn ats_checks(c: &mut Coach, ats: &folio_ats::Report, whole: &Target) {
    let check = fail(Check::AtsMisread, Severity::Warning, Advice::KeepItClean, whole, "");
    c.check(check, ats.misreads.is_empty(), || {
        let shown: Vec<String> = ats
            .misreads
            .iter()
            .take(3)
            .map(|m| match m.read.as_str() {
                "" => format!("{} ('{}' is not found)", m.field, m.printed),
                read => format!("{} ('{}' reads as '{read}')", m.field, m.printed),
            })
            .collect();
        let more = ats.misreads.len().saturating_sub(shown.len());
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        (
            format!(
                "An applicant tracking system would misread {} of the PDF's {} fields: {}{more}",
                ats.misreads.len(),
                ats.checked,
                shown.join("; ")
            ),
            "Open the ATS check beside the edition's preview, and keep each of those fields plain: a title, a \
             company and dates each on their own, no separators inside them"
                .into(),
        )
    });
}

fn portfolio_checks(c: &mut Coach, p: &Portfolio, whole: &Target) {
    use Advice::*;
    use Severity::*;
    let studies: Vec<&CaseStudy> = p.case_studies.iter().map(|s| &s.item).collect();
    c.check(fail(Check::NoCaseStudies, Error, FeatureLeadership, whole, ""), !studies.is_empty(), || {
        (
            "The portfolio has no case study".into(),
            "Add one for a project where you led the architecture, solved a hard problem or improved how a \
             team works"
                .into(),
        )
    });
    if studies.is_empty() {
        return;
    }
    let led = |k: &CaseStudyKind| {
        matches!(k, CaseStudyKind::Architecture | CaseStudyKind::TechnicalChallenge | CaseStudyKind::ProcessImprovement)
    };
    c.check(
        fail(Check::NoLeadershipKind, Warning, FeatureLeadership, whole, ""),
        studies.iter().any(|s| s.kinds.iter().any(led)),
        || {
            (
                "No case study is marked as architecture, a technical challenge or a process improvement".into(),
                "Feature a project where you led one of these, and mark its kind".into(),
            )
        },
    );
    // Quantify: the kinds of impact a hiring manager looks for.
    let has = |categories: &[MetricCategory]| {
        studies.iter().flat_map(|s| &s.metrics).any(|m| categories.contains(&m.category) && m.result.is_some())
    };
    c.check(fail(Check::NoPerformanceMetric, Tip, Quantify, whole, ""), has(&[MetricCategory::Performance]), || {
        (
            "No case study measures a performance improvement".into(),
            "Add one, e.g. p95 latency or throughput before and after".into(),
        )
    });
    c.check(fail(Check::NoDeliveryMetric, Tip, Quantify, whole, ""), has(&[MetricCategory::Delivery]), || {
        (
            "No case study measures delivery".into(),
            "Add one of the DORA metrics, e.g. deployment frequency before and after".into(),
        )
    });
    c.check(
        fail(Check::NoQualityMetric, Tip, Quantify, whole, ""),
        has(&[MetricCategory::Quality, MetricCategory::Reliability]),
        || {
            (
                "No case study measures quality or reliability".into(),
                "Add one, e.g. change failure rate, escaped defects or incidents a month".into(),
            )
        },
    );

    // Versatility, across every case study's technologies.
    let technologies: Vec<_> = studies.iter().flat_map(|s| &s.technologies).collect();
    let mut languages: Vec<String> = technologies
        .iter()
        .filter(|t| t.category == TechnologyCategory::Language)
        .map(|t| t.name.trim().to_lowercase())
        .collect();
    languages.sort_unstable();
    languages.dedup();
    c.check(fail(Check::FewLanguages, Warning, ShowVersatility, whole, ""), languages.len() >= 2, || {
        (
            format!(
                "Your case studies name {} programming language{}",
                languages.len(),
                if languages.len() == 1 { "" } else { "s" }
            ),
            "Mark the languages each project used (technology category: language); show at least two".into(),
        )
    });
    c.check(
        fail(Check::NoCloud, Tip, ShowVersatility, whole, ""),
        technologies.iter().any(|t| t.category == TechnologyCategory::Cloud),
        || {
            (
                "No case study names a cloud platform".into(),
                "Add the platforms you ran on (AWS, GCP, Azure, Kubernetes) as technologies of category cloud".into(),
            )
        },
    );
    let practice = technologies.iter().any(|t| {
        t.category == TechnologyCategory::Practice || PRACTICES.iter().any(|p| contains_word(&t.name.to_lowercase(), p))
    });
    c.check(fail(Check::NoModernPractice, Tip, ShowVersatility, whole, ""), practice, || {
        (
            "No case study names a modern practice".into(),
            "Add the practices you used (DevOps, CI/CD, agile, SRE) as technologies of category practice".into(),
        )
    });

    // An edition is read in two minutes.
    if p.edition.is_some() {
        c.check(
            fail(Check::EditionTooLong, Tip, KeepItClean, whole, "caseStudies"),
            studies.len() <= EDITION_CASE_STUDIES,
            || {
                (
                    format!("This edition has {} case studies", studies.len()),
                    format!(
                        "Pick the {EDITION_CASE_STUDIES} that fit this role best; a hiring manager reads a portfolio \
                         in minutes"
                    ),
                )
            },
        );
    }
}

fn profile_checks(c: &mut Coach, p: &Portfolio, target: &Target, updated_at: Option<Timestamp>, now: Timestamp) {
    use Advice::*;
    use Severity::*;
    let profile = &p.profile;
    c.check(
        fail(Check::ProfileNoName, Error, KeepItClean, target, "fullName"),
        !profile.full_name.trim().is_empty(),
        || ("The profile has no name".into(), "Add your name: it heads every page of the PDF".into()),
    );
    c.check(
        fail(Check::ProfileNoHeadline, Warning, KeepItClean, target, "headline"),
        !profile.headline.trim().is_empty(),
        || {
            (
                "The profile has no headline".into(),
                "Add one line that says who you are, e.g. \"Staff engineer, payments infrastructure\"".into(),
            )
        },
    );
    c.check(
        fail(Check::ProfileNoContact, Warning, KeepItClean, target, "email"),
        !profile.email.trim().is_empty() || !profile.links.is_empty(),
        || ("The profile gives no way to reach you".into(), "Add an e-mail address or a link".into()),
    );
    for (i, link) in profile.links.iter().enumerate() {
        c.check(
            fail(Check::LinkNotHttps, Warning, KeepItClean, target, &format!("links[{i}].url")),
            is_secure(&link.url),
            || {
                (
                    format!("The profile link {} is not https", link.url.trim()),
                    "Use the https:// address; readers and their browsers distrust plain http".into(),
                )
            },
        );
    }
    c.check(
        fail(Check::NoLinkedin, Tip, StayCurrent, target, "links"),
        profile.links.iter().any(|l| l.kind == LinkKind::Linkedin),
        || ("The profile has no LinkedIn link".into(), "Add your LinkedIn profile and keep it in step".into()),
    );
    c.check(
        fail(Check::NoBlogOrCode, Tip, StayCurrent, target, "links"),
        profile.links.iter().any(|l| matches!(l.kind, LinkKind::Github | LinkKind::Blog)) || !p.writing.is_empty(),
        || {
            (
                "Nothing shows your public technical work".into(),
                "Link your GitHub or technical blog, or list a post or talk under Writing & talks".into(),
            )
        },
    );
    if let Some(updated) = updated_at {
        let months = (now - updated) / (30 * 24 * 3600 * 1000);
        c.check(fail(Check::ProfileStale, Warning, StayCurrent, target, ""), now - updated < SIX_MONTHS_MS, || {
            (
                format!("The profile was last updated {months} months ago"),
                "Read it again: headline, summary and links should say where you are now".into(),
            )
        });
    }
}

fn case_study_checks(c: &mut Coach, stored: &Stored<CaseStudy>) {
    use Advice::*;
    use Severity::*;
    let cs = &stored.item;
    let title = named(&cs.title);
    let t = Target { kind: Some(EntityKind::CaseStudy), id: Some(stored.id), title: title.clone() };
    let t = &t;

    // Feature the projects you led.
    c.check(fail(Check::CaseStudyNoKind, Tip, FeatureLeadership, t, "kinds"), !cs.kinds.is_empty(), || {
        (
            format!("Case study '{title}' has no kind"),
            "Mark what it shows: architecture, a technical challenge, a process improvement…".into(),
        )
    });
    c.check(fail(Check::CaseStudyNoRole, Tip, FeatureLeadership, t, "role"), !cs.role.trim().is_empty(), || {
        (format!("Case study '{title}' does not give your role"), "Add it, e.g. \"Technical lead\"".into())
    });

    // Tell the story: decisions, contribution, outcome.
    c.check(fail(Check::CaseStudyNoDecision, Warning, TellTheStory, t, "decisions"), !cs.decisions.is_empty(), || {
        (
            format!("Case study '{title}' records no decision"),
            "Add the key decision you made, with the options you weighed and why you chose".into(),
        )
    });
    for (i, d) in cs.decisions.iter().enumerate() {
        let name = named(&d.title);
        c.check(
            fail(Check::DecisionNoRationale, Warning, TellTheStory, t, &format!("decisions[{i}].rationale")),
            !d.rationale.trim().is_empty(),
            || {
                (
                    format!("Decision '{name}' in '{title}' gives no rationale"),
                    "Say why this option won: the forces and the trade-off you accepted".into(),
                )
            },
        );
        let options = d.options.iter().filter(|o| !o.trim().is_empty()).count();
        c.check(
            fail(Check::DecisionNoAlternatives, Tip, TellTheStory, t, &format!("decisions[{i}].options")),
            options >= 2,
            || {
                (
                    format!(
                        "Decision '{name}' in '{title}' lists {options} option{}",
                        if options == 1 { "" } else { "s" }
                    ),
                    "List the alternatives you considered; a choice means more beside what it beat".into(),
                )
            },
        );
    }
    let has_contribution = !cs.contribution.trim().is_empty();
    c.check(fail(Check::CaseStudyNoContribution, Warning, TellTheStory, t, "contribution"), has_contribution, || {
        (
            format!("Case study '{title}' does not say what you contributed"),
            "Write what you did yourself and how it helped the team succeed".into(),
        )
    });
    if has_contribution {
        c.check(
            fail(Check::ContributionWithoutI, Warning, TellTheStory, t, "contribution"),
            has_any_word(&cs.contribution, &FIRST_PERSON),
            || {
                (
                    format!("The contribution in '{title}' never says what you did"),
                    "Write it in the first person: \"I designed…\", \"I led…\"".into(),
                )
            },
        );
        c.check(
            fail(Check::ContributionNoTeam, Tip, TellTheStory, t, "contribution"),
            has_any_word(&cs.contribution, &TEAM),
            || {
                (
                    format!("The contribution in '{title}' does not mention the team"),
                    "Say how your work helped the team succeed: who you mentored, unblocked or paired with".into(),
                )
            },
        );
    }
    c.check(
        fail(Check::CaseStudyNoOutcome, Warning, TellTheStory, t, "outcome"),
        !cs.outcome.trim().is_empty(),
        || (format!("Case study '{title}' has no outcome"), "Say what changed because of the work".into()),
    );
    for (field, text) in [("summary", &cs.summary), ("contribution", &cs.contribution), ("outcome", &cs.outcome)] {
        let vague = VAGUE_PHRASES.found_in(text);
        c.check(fail(Check::VagueVerb, Tip, TellTheStory, t, field), vague == 0, || {
            (
                format!("The {field} of '{title}' says \"{}\"", VAGUE[vague.trailing_zeros() as usize]),
                "Name what you did instead: designed, led, built, migrated, cut, mentored".into(),
            )
        });
    }

    // Quantify.
    c.check(fail(Check::CaseStudyNoMetric, Warning, Quantify, t, "metrics"), !cs.metrics.is_empty(), || {
        (
            format!("Case study '{title}' has no metric"),
            "Add one, e.g. p95 latency, deployment frequency or incidents a month, before and after".into(),
        )
    });
    if !cs.metrics.is_empty() {
        c.check(
            fail(Check::CaseStudyNoBaseline, Warning, Quantify, t, "metrics"),
            cs.metrics.iter().any(|m| m.baseline.is_some() && m.result.is_some()),
            || {
                (
                    format!("Case study '{title}' has no metric with a baseline"),
                    "Add one, e.g. deployment frequency before and after".into(),
                )
            },
        );
    }
    for (i, m) in cs.metrics.iter().enumerate() {
        c.check(
            fail(Check::MetricNoTimeframe, Tip, Quantify, t, &format!("metrics[{i}].timeframe")),
            !m.timeframe.trim().is_empty(),
            || {
                (
                    format!("The metric '{}' in '{title}' has no timeframe", m.label.trim()),
                    "Say over what period it changed, e.g. \"within 6 months\"".into(),
                )
            },
        );
    }

    // Keep it clean.
    c.check(fail(Check::CaseStudyNoSummary, Warning, KeepItClean, t, "summary"), !cs.summary.trim().is_empty(), || {
        (format!("Case study '{title}' has no summary"), "Sum it up in one or two sentences".into())
    });
    let words = word_count(&cs.summary);
    c.check(fail(Check::SummaryTooLong, Tip, KeepItClean, t, "summary"), words <= SUMMARY_WORDS, || {
        (
            format!("The summary of '{title}' has {words} words"),
            format!("Keep it under {SUMMARY_WORDS} words so it can be scanned; move detail into the context"),
        )
    });
    for (i, image) in cs.images.iter().enumerate() {
        c.check(
            fail(Check::ImageNoCaption, Tip, KeepItClean, t, &format!("images[{i}].caption")),
            !image.caption.trim().is_empty(),
            || (format!("Image {} in '{title}' has no caption", i + 1), "Say what it shows and why it matters".into()),
        );
        c.check(
            fail(Check::ImageNoAlt, Tip, KeepItClean, t, &format!("images[{i}].alt")),
            !image.alt.trim().is_empty(),
            || {
                (
                    format!("Image {} in '{title}' has no alternative text", i + 1),
                    "Describe it for readers who cannot see it".into(),
                )
            },
        );
    }
    // Internal links are never exported, whatever their address.
    for (i, link) in cs.links.iter().enumerate().filter(|(_, l)| !l.internal) {
        c.check(
            fail(Check::LinkNotHttps, Warning, KeepItClean, t, &format!("links[{i}].url")),
            is_secure(&link.url),
            || {
                (
                    format!("The link {} in '{title}' is not https", link.url.trim()),
                    "Use the https:// address; readers and their browsers distrust plain http".into(),
                )
            },
        );
    }
}

fn recommendation_checks(c: &mut Coach, p: &Portfolio, whole: &Target) {
    use Advice::*;
    use Severity::*;
    let list = &p.recommendations;
    c.check(fail(Check::NoRecommendations, Warning, Recommendations, whole, ""), !list.is_empty(), || {
        (
            "The portfolio has no recommendation".into(),
            "Ask a manager or a colleague you mentored for a few sentences about working with you".into(),
        )
    });
    if list.is_empty() {
        return;
    }
    c.check(
        fail(Check::NoMentorshipOrCollaboration, Warning, Recommendations, whole, ""),
        list.iter().any(|r| {
            r.item
                .themes
                .iter()
                .any(|t| matches!(t, RecommendationTheme::Mentorship | RecommendationTheme::Collaboration))
        }),
        || {
            (
                "No recommendation speaks to mentorship or collaboration".into(),
                "Ask someone you mentored or worked closely with, and tag the recommendation's themes".into(),
            )
        },
    );
    for r in list {
        let t = Target { kind: Some(EntityKind::Recommendation), id: Some(r.id), title: named(&r.item.author_name) };
        c.check(
            fail(Check::RecommendationNoAuthor, Warning, Recommendations, &t, "authorName"),
            !r.item.author_name.trim().is_empty(),
            || {
                (
                    "A recommendation does not say who gave it".into(),
                    "Add their name; until then it is left out of exports".into(),
                )
            },
        );
        c.check(fail(Check::RecommendationNoConsent, Tip, Recommendations, &t, "consent"), r.item.consent, || {
            (
                format!("{} has not agreed to share the recommendation", named(&r.item.author_name)),
                "Ask them; until then it is left out of exports".into(),
            )
        });
        c.check(
            fail(Check::LinkNotHttps, Warning, KeepItClean, &t, "sourceUrl"),
            is_secure(&r.item.source_url),
            || {
                (
                    format!("The source link of {}'s recommendation is not https", named(&r.item.author_name)),
                    "Use the https:// address".into(),
                )
            },
        );
    }
}

impl Folio {
    /// The coach's report on the whole portfolio (every record, recommendations not yet
    /// consented to included), or on what one edition exports.
    pub fn coach(&self, edition: Option<Uuid>) -> Result<CoachReport> {
        let portfolio = match edition {
            Some(id) => self.selection(Some(id))?,
            None => self.everything()?,
        };
        let updated = self.profile_updated_at()?;
        // A PDF that cannot be made says so in the preview and on export; the coach
        // then leaves the ATS out rather than failing.
        let ats = self.ats_check(&crate::ExportRequest { edition, ..Default::default() }).ok();
        Ok(coach(&portfolio, updated, folio_store::now_millis(), ats.as_ref()))
    }
}

/// The addresses of writing and credentials, which the PDF prints as links.
fn address_checks(c: &mut Coach, p: &Portfolio) {
    let writing = p.writing.iter().map(|w| (EntityKind::Writing, w.id, w.item.title.as_str(), w.item.url.as_str()));
    let credentials =
        p.certifications.iter().map(|x| (EntityKind::Certification, x.id, x.item.name.as_str(), x.item.url.as_str()));
    for (kind, id, title, url) in writing.chain(credentials) {
        let t = Target { kind: Some(kind), id: Some(id), title: named(title) };
        c.check(fail(Check::LinkNotHttps, Severity::Warning, Advice::KeepItClean, &t, "url"), is_secure(url), || {
            (format!("The link of '{}' is not https", t.title), "Use the https:// address".into())
        });
    }
}
