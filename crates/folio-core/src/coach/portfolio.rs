//! Checks across the whole portfolio: whether its case studies, taken together, feature
//! leadership, measure the kinds of impact a hiring manager looks for and show range,
//! and whether an edition is short enough to read in minutes.

use folio_model::{CaseStudy, CaseStudyKind, MetricCategory, Portfolio, Technology, TechnologyCategory};

use super::tally::{fail, Coach};
use super::wording::plural;
use super::Advice::{FeatureLeadership, KeepItClean, Quantify, ShowVersatility};
use super::Severity::{Error, Tip, Warning};
use super::{Check, Target};
use crate::words::contains_word;

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

/// The most case studies an edition should hold.
const EDITION_CASE_STUDIES: usize = 6;

/// The portfolio-wide checks; with no case study, only the one that asks for one.
pub(super) fn portfolio_checks(c: &mut Coach, p: &Portfolio, whole: &Target) {
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
    leadership_check(c, &studies, whole);
    impact_checks(c, &studies, whole);
    let technologies: Vec<&Technology> = studies.iter().flat_map(|s| &s.technologies).collect();
    language_check(c, &technologies, whole);
    platform_checks(c, &technologies, whole);
    // An edition is read in two minutes.
    if p.edition.is_some() {
        edition_length_check(c, studies.len(), whole);
    }
}

/// Feature the projects you led: at least one case study of a kind that shows it.
fn leadership_check(c: &mut Coach, studies: &[&CaseStudy], whole: &Target) {
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
}

/// Quantify: the kinds of impact a hiring manager looks for, each measured by a metric
/// with a result in some case study.
fn impact_checks(c: &mut Coach, studies: &[&CaseStudy], whole: &Target) {
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
}

/// Show versatility: at least two programming languages across every case study,
/// however each is capitalised or spaced.
fn language_check(c: &mut Coach, technologies: &[&Technology], whole: &Target) {
    let mut languages: Vec<String> = technologies
        .iter()
        .filter(|t| t.category == TechnologyCategory::Language)
        .map(|t| t.name.trim().to_lowercase())
        .collect();
    languages.sort_unstable();
    languages.dedup();
    let count = languages.len();
    c.check(fail(Check::FewLanguages, Warning, ShowVersatility, whole, ""), count >= 2, || {
        (
            format!("Your case studies name {count} programming language{}", plural(count)),
            "Mark the languages each project used (technology category: language); show at least two".into(),
        )
    });
}

/// Show versatility: a cloud platform and a modern practice among the technologies; a
/// practice counts whether it is marked as one or only named like one.
fn platform_checks(c: &mut Coach, technologies: &[&Technology], whole: &Target) {
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
}

/// Keep it clean: an edition of `count` case studies holds no more than a hiring manager
/// reads.
fn edition_length_check(c: &mut Coach, count: usize, whole: &Target) {
    c.check(fail(Check::EditionTooLong, Tip, KeepItClean, whole, "caseStudies"), count <= EDITION_CASE_STUDIES, || {
        (
            format!("This edition has {count} case studies"),
            format!(
                "Pick the {EDITION_CASE_STUDIES} that fit this role best; a hiring manager reads a portfolio in \
                     minutes"
            ),
        )
    });
}
