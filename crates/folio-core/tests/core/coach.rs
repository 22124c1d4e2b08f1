//! The coach: every check fires when its advice is not followed and stays silent when
//! it is, over a portfolio that follows all of it.

use folio_core::{coach, Advice, Check, CoachReport, Severity};
use folio_model::{
    CaseStudy, CaseStudyKind, Certification, Decision, Edition, ImageRef, Link, LinkKind, Metric, MetricCategory,
    Portfolio, Profile, ProfileLink, Recommendation, RecommendationTheme, Stored, Technology, TechnologyCategory,
    Writing,
};
use uuid::Uuid;

const DAY: i64 = 24 * 3600 * 1000;
const NOW: i64 = 1_795_000_000_000;

fn stored<T>(item: T) -> Stored<T> {
    Stored { id: Uuid::now_v7(), created_at: NOW, updated_at: NOW, item }
}

fn metric(label: &str, category: MetricCategory, baseline: f64, result: f64) -> Metric {
    Metric {
        label: label.into(),
        category,
        baseline: Some(baseline),
        result: Some(result),
        timeframe: "6 months".into(),
        ..Metric::default()
    }
}

fn technology(name: &str, category: TechnologyCategory) -> Technology {
    Technology { name: name.into(), category }
}

fn exemplary_case_study() -> CaseStudy {
    CaseStudy {
        title: "Payments re-platform".into(),
        organisation: "Acme Payments".into(),
        role: "Technical lead".into(),
        kinds: vec![CaseStudyKind::Architecture],
        summary: "Moved card payments from a nightly batch to an event-driven ledger.".into(),
        context: "Batch locks slowed authorisation.".into(),
        contribution: "I designed the ledger and paired with the team until they owned it.".into(),
        outcome: "Authorisation is seven times faster and month-end closes in hours.".into(),
        technologies: vec![
            technology("Rust", TechnologyCategory::Language),
            technology("Go", TechnologyCategory::Language),
            technology("AWS", TechnologyCategory::Cloud),
            technology("CI/CD", TechnologyCategory::Practice),
        ],
        links: vec![Link { label: "Talk".into(), url: "https://example.com/talk".into(), internal: false }],
        images: vec![ImageRef { asset: Uuid::now_v7(), caption: "The ledger".into(), alt: "Boxes and arrows".into() }],
        decisions: vec![Decision {
            title: "Outbox instead of dual writes".into(),
            options: vec!["Dual writes".into(), "Transactional outbox".into()],
            choice: "Transactional outbox".into(),
            rationale: "Atomicity comes from the database we already trust.".into(),
            ..Decision::default()
        }],
        metrics: vec![
            metric("p95 latency", MetricCategory::Performance, 840.0, 120.0),
            metric("Deploys a week", MetricCategory::Delivery, 1.0, 18.0),
            metric("Change failure rate", MetricCategory::Quality, 22.0, 6.0),
        ],
        ..CaseStudy::default()
    }
}

/// A portfolio that follows every piece of advice.
fn exemplary() -> Portfolio {
    Portfolio {
        profile: Profile {
            full_name: "Maya Okafor".into(),
            headline: "Staff engineer, payments".into(),
            email: "maya@example.com".into(),
            links: vec![
                ProfileLink {
                    label: "LinkedIn".into(),
                    url: "https://linkedin.com/in/maya".into(),
                    kind: LinkKind::Linkedin,
                },
                ProfileLink { label: "GitHub".into(), url: "https://github.com/maya".into(), kind: LinkKind::Github },
            ],
            ..Profile::default()
        },
        case_studies: vec![stored(exemplary_case_study())],
        recommendations: vec![stored(Recommendation {
            author_name: "Priya Raman".into(),
            text: "Maya grew three engineers into leads.".into(),
            themes: vec![RecommendationTheme::Mentorship],
            source_url: "https://linkedin.com/in/priya".into(),
            consent: true,
            ..Recommendation::default()
        })],
        ..Portfolio::default()
    }
}

fn report(p: &Portfolio) -> CoachReport {
    coach(p, Some(NOW - DAY), NOW, None)
}

fn cs(p: &mut Portfolio) -> &mut CaseStudy {
    &mut p.case_studies[0].item
}

#[test]
fn a_portfolio_that_follows_every_piece_of_advice_scores_100_with_nothing_to_say() {
    let r = report(&exemplary());
    assert_eq!(r.findings, [], "silent when the advice is followed");
    assert_eq!(r.score, 100);
    assert_eq!(r.advice.len(), Advice::ALL.len(), "every piece of advice is checked");
    assert!(r.advice.iter().all(|a| a.score == 100 && a.passed == a.checks));
}

type Breach = fn(&mut Portfolio, &mut i64);

/// For each check: a change that breaks its advice, and the field it must point at.
const BREACHES: &[(Check, &str, Breach)] = &[
    (Check::NoCaseStudies, "", |p, _| p.case_studies.clear()),
    (Check::NoLeadershipKind, "", |p, _| cs(p).kinds = vec![CaseStudyKind::Migration]),
    (Check::CaseStudyNoKind, "kinds", |p, _| cs(p).kinds.clear()),
    (Check::CaseStudyNoRole, "role", |p, _| cs(p).role.clear()),
    (Check::CaseStudyNoDecision, "decisions", |p, _| cs(p).decisions.clear()),
    (Check::DecisionNoRationale, "decisions[0].rationale", |p, _| cs(p).decisions[0].rationale.clear()),
    (Check::DecisionNoAlternatives, "decisions[0].options", |p, _| cs(p).decisions[0].options.truncate(1)),
    (Check::CaseStudyNoContribution, "contribution", |p, _| cs(p).contribution.clear()),
    (Check::ContributionWithoutI, "contribution", |p, _| {
        cs(p).contribution = "The team designed the ledger together.".into()
    }),
    (Check::ContributionNoTeam, "contribution", |p, _| cs(p).contribution = "I designed the ledger.".into()),
    (Check::CaseStudyNoOutcome, "outcome", |p, _| cs(p).outcome.clear()),
    (Check::VagueVerb, "summary", |p, _| cs(p).summary = "Helped with the move to an event-driven ledger.".into()),
    (Check::VagueVerb, "outcome", |p, _| cs(p).outcome = "I was involved in the launch.".into()),
    (Check::CaseStudyNoMetric, "metrics", |p, _| cs(p).metrics.clear()),
    (Check::CaseStudyNoBaseline, "metrics", |p, _| cs(p).metrics.iter_mut().for_each(|m| m.baseline = None)),
    (Check::MetricNoTimeframe, "metrics[1].timeframe", |p, _| cs(p).metrics[1].timeframe.clear()),
    (Check::NoPerformanceMetric, "", |p, _| cs(p).metrics.retain(|m| m.category != MetricCategory::Performance)),
    (Check::NoDeliveryMetric, "", |p, _| cs(p).metrics.retain(|m| m.category != MetricCategory::Delivery)),
    (Check::NoQualityMetric, "", |p, _| cs(p).metrics.retain(|m| m.category != MetricCategory::Quality)),
    (Check::FewLanguages, "", |p, _| cs(p).technologies.retain(|t| t.name != "Go")),
    (Check::NoCloud, "", |p, _| cs(p).technologies.retain(|t| t.category != TechnologyCategory::Cloud)),
    (Check::NoModernPractice, "", |p, _| cs(p).technologies.retain(|t| t.category != TechnologyCategory::Practice)),
    (Check::EditionTooLong, "caseStudies", |p, _| {
        p.edition = Some(stored(Edition { name: "Acme".into(), ..Edition::default() }));
        p.case_studies = (0..7).map(|_| stored(exemplary_case_study())).collect();
    }),
    (Check::CaseStudyNoSummary, "summary", |p, _| cs(p).summary.clear()),
    (Check::SummaryTooLong, "summary", |p, _| cs(p).summary = "We moved card payments to a new ledger. ".repeat(9)),
    (Check::ImageNoCaption, "images[0].caption", |p, _| cs(p).images[0].caption.clear()),
    (Check::ImageNoAlt, "images[0].alt", |p, _| cs(p).images[0].alt.clear()),
    (Check::LinkNotHttps, "links[0].url", |p, _| cs(p).links[0].url = "http://example.com/talk".into()),
    (Check::LinkNotHttps, "links[1].url", |p, _| p.profile.links[1].url = "http://github.com/maya".into()),
    (Check::LinkNotHttps, "sourceUrl", |p, _| p.recommendations[0].item.source_url = "http://example.com".into()),
    (Check::LinkNotHttps, "url", |p, _| {
        p.writing = vec![stored(Writing {
            title: "Idempotency".into(),
            url: "http://example.com".into(),
            ..Writing::default()
        })]
    }),
    (Check::LinkNotHttps, "url", |p, _| {
        p.certifications = vec![stored(Certification {
            name: "CKA".into(),
            url: "http://example.com".into(),
            ..Certification::default()
        })]
    }),
    (Check::ProfileNoName, "fullName", |p, _| p.profile.full_name.clear()),
    (Check::ProfileNoHeadline, "headline", |p, _| p.profile.headline.clear()),
    (Check::ProfileNoContact, "email", |p, _| {
        p.profile.email.clear();
        p.profile.links.clear();
    }),
    (Check::NoLinkedin, "links", |p, _| p.profile.links.retain(|l| l.kind != LinkKind::Linkedin)),
    (Check::NoBlogOrCode, "links", |p, _| p.profile.links.retain(|l| l.kind != LinkKind::Github)),
    (Check::ProfileStale, "", |_, updated| *updated = NOW - 200 * DAY),
    (Check::NoRecommendations, "", |p, _| p.recommendations.clear()),
    (Check::NoMentorshipOrCollaboration, "", |p, _| {
        p.recommendations[0].item.themes = vec![RecommendationTheme::Leadership]
    }),
    (Check::RecommendationNoConsent, "consent", |p, _| p.recommendations[0].item.consent = false),
    (Check::RecommendationNoAuthor, "authorName", |p, _| p.recommendations[0].item.author_name = " ".into()),
];

#[test]
fn every_check_fires_when_its_advice_is_not_followed_and_points_at_the_field() {
    for (check, field, breach) in BREACHES {
        let mut p = exemplary();
        let mut updated = NOW - DAY;
        breach(&mut p, &mut updated);
        let r = coach(&p, Some(updated), NOW, None);
        let finding = r.findings.iter().find(|f| f.check == *check && f.field == *field).unwrap_or_else(|| {
            panic!(
                "{check} did not fire on {field:?}; found {:?}",
                r.findings.iter().map(|f| &f.check).collect::<Vec<_>>()
            )
        });
        assert!(!finding.message.is_empty() && !finding.next_step.is_empty(), "{check} says what to do");
        assert!(r.score < 100, "{check} costs points");
    }
}

#[test]
fn a_finding_names_the_record_and_gives_a_concrete_next_step() {
    let mut p = exemplary();
    cs(&mut p).metrics.iter_mut().for_each(|m| m.baseline = None);
    let r = report(&p);
    let f = r.findings.iter().find(|f| f.check == Check::CaseStudyNoBaseline).unwrap();
    assert_eq!(f.message, "Case study 'Payments re-platform' has no metric with a baseline");
    assert_eq!(f.next_step, "Add one, e.g. deployment frequency before and after");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.advice, Advice::Quantify);
    assert_eq!(f.target.id, Some(p.case_studies[0].id));
}

#[test]
fn vague_verbs_and_the_first_person_are_read_as_whole_words() {
    let mut p = exemplary();
    // "Mitigated" holds "i" and "Helpful" starts like "helped": neither counts.
    cs(&mut p).contribution = "Mitigated outages; helpful runbooks for the team.".into();
    let checks: Vec<_> = report(&p).findings.into_iter().map(|f| f.check).collect();
    assert!(checks.contains(&Check::ContributionWithoutI), "{checks:?}");
    assert!(!checks.contains(&Check::VagueVerb), "{checks:?}");
}

#[test]
fn scores_are_the_weighted_share_of_checks_that_pass() {
    let mut p = exemplary();
    cs(&mut p).outcome.clear(); // one warning (weight 2) in "tell the story"
    let r = report(&p);
    let story = r.advice.iter().find(|a| a.advice == Advice::TellTheStory).unwrap();
    assert_eq!(story.checks - story.passed, 1);
    // The weights of the story checks here: 2 (a decision) + 2 + 1 (its rationale and
    // options) + 2 + 2 + 1 (contribution) + 2 (outcome) + 3 × 1 (vague verbs) = 15; one
    // warning fails, so 13 of 15.
    assert_eq!(story.explanation, "9 of 10 checks pass (weighted 13 of 15)");
    assert_eq!(story.score, 86, "rounded down");
    let mean = r.advice.iter().map(|a| a.score).sum::<u32>() / r.advice.len() as u32;
    assert_eq!(r.score, mean);
}

#[test]
fn internal_links_are_never_exported_so_their_address_does_not_matter() {
    let mut p = exemplary();
    cs(&mut p).links.push(Link { label: "Wiki".into(), url: "http://wiki.internal/ledger".into(), internal: true });
    assert_eq!(report(&p).findings, []);
}

#[test]
fn an_edition_is_coached_on_its_fields_as_written_not_as_redacted() {
    let (folio, _dir) = crate::open();
    folio.load_demo(false).unwrap();
    let northwind = folio.edition_by_name("Staff Engineer — Northwind").unwrap();
    let mut edition = northwind.item.clone();
    edition.redactions = vec![folio_model::Redaction {
        organisation: "Acme Payments".into(),
        replacement: "a top-10 European bank".into(),
    }];
    folio.update(northwind.id, &edition).unwrap();
    let ledger = folio.list::<CaseStudy>().unwrap().remove(0);
    let mut item = ledger.item.clone();
    item.metrics[0].timeframe.clear();
    folio.update(ledger.id, &item).unwrap();
    let f = folio
        .coach(Some(northwind.id))
        .unwrap()
        .findings
        .into_iter()
        .find(|f| f.check == Check::MetricNoTimeframe)
        .unwrap();
    assert_eq!(f.target.title, "Event-driven payment ledger for Acme Payments", "the title as the user wrote it");
}

#[test]
fn errors_come_first() {
    let mut p = exemplary();
    p.profile.full_name.clear();
    cs(&mut p).metrics[0].timeframe.clear();
    p.recommendations.clear();
    let severities: Vec<_> = report(&p).findings.iter().map(|f| f.severity).collect();
    assert_eq!(severities, [Severity::Error, Severity::Warning, Severity::Tip]);
}

#[test]
fn the_demo_portfolio_scores_well_but_leaves_the_coach_something_to_say() {
    let (folio, _dir) = crate::open();
    folio.load_demo(false).unwrap();
    let r = folio.coach(None).unwrap();
    assert!((90..100).contains(&r.score), "the demo scores {}", r.score);
    assert!(!r.findings.is_empty());
    assert!(r.findings.iter().all(|f| f.severity != Severity::Error), "{:?}", r.findings);
}

#[test]
fn an_edition_is_coached_on_what_it_exports() {
    let (folio, _dir) = crate::open();
    folio.load_demo(false).unwrap();
    let northwind = folio.edition_by_name("Staff Engineer — Northwind").unwrap();
    let whole = folio.coach(None).unwrap();
    let edition = folio.coach(Some(northwind.id)).unwrap();
    // The guild case study (with the undocumented alternatives) is not in this edition.
    assert!(whole.findings.iter().any(|f| f.check == Check::DecisionNoAlternatives));
    assert!(!edition.findings.iter().any(|f| f.check == Check::DecisionNoAlternatives));
    let case_studies: std::collections::HashSet<_> = edition.findings.iter().filter_map(|f| f.target.id).collect();
    assert!(case_studies
        .iter()
        .all(|id| northwind.item.case_studies.contains(id) || northwind.item.recommendations.contains(id)));
}

#[test]
fn each_field_an_ats_would_misread_is_reported_and_a_clean_read_passes() {
    let p = exemplary();
    let clean = folio_core::AtsReport { right: 40, checked: 40, score: 100, misreads: vec![] };
    let misread = folio_core::Misread {
        field: "Experience: Staff Engineer | Payments, Acme — title".into(),
        printed: "Staff Engineer | Payments".into(),
        read: "Staff Engineer".into(),
    };
    let poor = folio_core::AtsReport { right: 39, checked: 40, score: 97, misreads: vec![misread] };
    let keep_it_clean = |r: &CoachReport| r.advice.iter().find(|a| a.advice == Advice::KeepItClean).unwrap().checks;

    let without = report(&p);
    let passed = coach(&p, Some(NOW - DAY), NOW, Some(&clean));
    assert_eq!(passed.findings, without.findings);
    assert_eq!(keep_it_clean(&passed), keep_it_clean(&without) + 1, "a clean read counts as a check passed");

    let failed = coach(&p, Some(NOW - DAY), NOW, Some(&poor));
    let f = failed.findings.iter().find(|f| f.check == Check::AtsMisread).expect("the misread is reported");
    assert_eq!(
        f.message,
        "An applicant tracking system would misread 1 of the PDF's 40 fields: Experience: Staff Engineer | \
         Payments, Acme — title ('Staff Engineer | Payments' reads as 'Staff Engineer')"
    );
    assert!(failed.score < passed.score);
}

#[test]
fn the_coach_reads_the_pdf_as_an_ats_and_names_a_title_it_would_split() {
    let (folio, _dir) = crate::open();
    folio.load_demo(false).unwrap();
    assert!(folio.coach(None).unwrap().findings.iter().all(|f| f.check != Check::AtsMisread), "the demo reads right");
    let mut job = folio.list::<folio_model::Experience>().unwrap().remove(0);
    job.item.title = "Staff Engineer | Payments".into();
    folio.update(job.id, &job.item).unwrap();
    let r = folio.coach(None).unwrap();
    let f = r.findings.iter().find(|f| f.check == Check::AtsMisread).expect("the split title is reported");
    assert!(f.message.contains("'Staff Engineer | Payments' reads as 'Staff Engineer'"), "{}", f.message);
}
