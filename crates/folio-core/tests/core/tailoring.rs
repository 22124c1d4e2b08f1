//! Tailoring an edition: redaction of confidential work, matching a job posting, and
//! snapshots of what was sent — checked on real PDFs with poppler and qpdf.

use folio_core::{ExportRequest, FileFormat, Folio};
use folio_model::{
    CaseStudy, Direction, Edition, ErrorCode, Experience, Link, Metric, MetricCategory, Profile, Recommendation,
    RecommendationTheme, Redaction, Stored,
};

use crate::export::tool;
use crate::open;

/// A portfolio about confidential work at Acme Payments, with an edition that hides it.
pub(crate) fn confidential(folio: &Folio) -> Stored<Edition> {
    folio
        .update_profile(&Profile {
            full_name: "Maya Okafor".into(),
            headline: "Staff engineer at Acme Payments".into(),
            email: "maya@example.com".into(),
            ..Profile::default()
        })
        .unwrap();
    let ledger = folio
        .create(&CaseStudy {
            title: "Event-driven ledger for Acme Payments".into(),
            organisation: "Acme Payments".into(),
            role: "Technical lead".into(),
            summary: "Replaced Acme's nightly batch ledger.".into(),
            context: "ACME's ledger ran as a nightly batch.".into(),
            contribution: "I led the design with the acme payments ledger team.".into(),
            outcome: "Authorisation became much faster.".into(),
            links: vec![
                Link {
                    label: "Acme engineering blog".into(),
                    url: "https://acme-payments.example.com/blog".into(),
                    internal: false,
                },
                Link { label: "Design doc".into(), url: "https://wiki.example.com/ledger".into(), internal: true },
                Link { label: "Talk".into(), url: "https://talks.example.com/ledger".into(), internal: false },
            ],
            metrics: vec![
                Metric {
                    label: "p95 latency".into(),
                    category: MetricCategory::Performance,
                    unit: "ms".into(),
                    baseline: Some(840.0),
                    result: Some(120.0),
                    direction: Direction::LowerIsBetter,
                    timeframe: "6 months".into(),
                    ..Metric::default()
                },
                Metric {
                    label: "Reconciliation breaks".into(),
                    category: MetricCategory::Quality,
                    unit: "/month".into(),
                    baseline: Some(37.0),
                    result: Some(3.0),
                    direction: Direction::LowerIsBetter,
                    ..Metric::default()
                },
                Metric { label: "Merchants on the ledger".into(), result: Some(4100.0), ..Metric::default() },
            ],
            ..CaseStudy::default()
        })
        .unwrap();
    let quote = folio
        .create(&Recommendation {
            author_name: "Priya Raman".into(),
            author_title: "VP Engineering".into(),
            organisation: "Acme Payments".into(),
            text: "Maya changed how Acme builds payments.".into(),
            themes: vec![RecommendationTheme::Mentorship],
            consent: true,
            ..Recommendation::default()
        })
        .unwrap();
    folio
        .create(&Experience {
            organisation: "Acme Payments".into(),
            title: "Staff Engineer".into(),
            highlights: vec!["Acme's first staff engineer.".into()],
            ..Experience::default()
        })
        .unwrap();
    folio
        .create(&Edition {
            name: "Staff Engineer — Northwind".into(),
            target_role: "Staff Engineer".into(),
            target_company: "Northwind".into(),
            case_studies: vec![ledger.id],
            recommendations: vec![quote.id],
            redactions: vec![Redaction {
                organisation: "Acme Payments".into(),
                replacement: "a top-10 European bank".into(),
            }],
            relative_metrics: true,
            ..Edition::default()
        })
        .unwrap()
}

/// Everything a PDF says: its text, its metadata, and its uncompressed objects.
fn all_of(pdf: &std::path::Path) -> (String, String, String) {
    let path = pdf.to_str().unwrap();
    let text = tool("pdftotext", &[path, "-"]);
    let info = tool("pdfinfo", &[path]);
    let raw = tool("qpdf", &["--qdf", "--object-streams=disable", path, "-"]);
    (text, info, raw)
}

#[test]
fn a_redacted_edition_exports_no_trace_of_the_organisation_and_only_relative_metrics() {
    let (folio, dir) = open();
    let edition = confidential(&folio);
    let path = dir.path().join("northwind.pdf");
    folio.export(&path, &ExportRequest { edition: Some(edition.id), ..ExportRequest::default() }).unwrap();

    let (text, info, raw) = all_of(&path);
    for (what, content) in [("text", &text), ("metadata", &info), ("PDF objects", &raw)] {
        assert!(!content.to_lowercase().contains("acme"), "the {what} mentions Acme");
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Event-driven ledger for a top-10 European bank"), "{text}");
    assert!(text.contains("Replaced a top-10 European bank's nightly batch ledger"), "{text}");
    assert!(
        text.contains("A top-10 European bank's ledger ran as a nightly batch"),
        "a sentence starts with a capital"
    );
    assert!(text.contains("Talk"), "links that do not name it stay");
    assert!(!text.contains("Design doc"), "internal links are left out");
    // Metrics: the changes, never the values.
    assert!(text.contains("−86%") && text.contains("−92%"), "{text}");
    for absolute in ["840", "120 ms", "37", "4,100", "4100", "→"] {
        assert!(!text.contains(absolute), "the absolute value {absolute:?} is shown");
    }
    assert!(!text.contains("Before and after"), "no chart of absolute values");
}

#[test]
fn without_redaction_the_same_edition_names_everything() {
    let (folio, dir) = open();
    let mut edition = confidential(&folio);
    edition.item.redactions.clear();
    edition.item.relative_metrics = false;
    edition.item.internal_links = true;
    folio.update(edition.id, &edition.item).unwrap();
    let path = dir.path().join("plain.pdf");
    folio.export(&path, &ExportRequest { edition: Some(edition.id), ..ExportRequest::default() }).unwrap();
    let text = tool("pdftotext", &[path.to_str().unwrap(), "-"]);
    for shown in ["Acme Payments", "840 ms", "Design doc", "Acme engineering blog"] {
        assert!(text.contains(shown), "{shown} is missing");
    }
}

#[test]
fn text_folio_cannot_rewrite_refuses_the_export_and_leaves_the_earlier_pdf() {
    let (folio, dir) = open();
    let edition = confidential(&folio);
    let path = dir.path().join("northwind.pdf");
    std::fs::write(&path, b"the earlier PDF").unwrap();
    let mut profile = folio.profile().unwrap();
    profile.email = "maya@acme-payments.com".into();
    folio.update_profile(&profile).unwrap();

    let err =
        folio.export(&path, &ExportRequest { edition: Some(edition.id), ..ExportRequest::default() }).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(err.field(), Some("redactions"));
    assert!(err.to_string().contains("“acme payments” would still appear in page 1"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"the earlier PDF");
    assert!(folio.exports(Some(edition.id)).unwrap().is_empty(), "nothing is logged");
}

#[test]
fn a_no_break_space_before_the_organisation_is_redacted_without_a_crash() {
    let (folio, dir) = open();
    let edition = confidential(&folio);
    let ledger = folio.list::<CaseStudy>().unwrap().remove(0);
    let mut item = ledger.item.clone();
    item.context = "We rebuilt the ledger of\u{a0}Acme Payments. Then\u{2003}Acme grew.".into();
    folio.update(ledger.id, &item).unwrap();

    let path = dir.path().join("northwind.pdf");
    folio.export(&path, &ExportRequest { edition: Some(edition.id), ..ExportRequest::default() }).unwrap();
    let (text, _, _) = all_of(&path);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("the ledger of a top-10 European bank"), "{text}");
    assert!(!text.to_lowercase().contains("acme"), "{text}");

    let json = String::from_utf8(folio.export_bytes(FileFormat::JsonResume, Some(edition.id)).unwrap()).unwrap();
    assert!(json.contains("ledger of\u{a0}a top-10 European bank"), "the JSON Resume is redacted too");
}

#[test]
fn a_redaction_needs_a_name_and_a_description() {
    let (folio, _dir) = open();
    let edition = confidential(&folio);
    let mut item = edition.item.clone();
    item.redactions.push(Redaction { organisation: "Globex".into(), replacement: " ".into() });
    item.redactions.push(Redaction { organisation: "A".into(), replacement: "a startup".into() });
    let err = folio.update(edition.id, &item).unwrap_err();
    assert_eq!(err.field(), Some("redactions[1].replacement"));
    assert!(err.to_string().contains("redactions[2].organisation must name an organisation"), "{err}");
    assert_eq!(folio.get::<Edition>(edition.id).unwrap().item, edition.item, "nothing changed");
}

#[test]
fn a_json_resume_of_a_redacted_edition_is_redacted_too() {
    let (folio, _dir) = open();
    let edition = confidential(&folio);
    let bytes = folio.export_bytes(FileFormat::JsonResume, Some(edition.id)).unwrap();
    let json = String::from_utf8(bytes).unwrap();
    assert!(!json.to_lowercase().contains("acme"));
    assert!(json.contains("p95 latency −86%"), "metrics as relative statements");
    assert!(!json.contains("840"), "no absolute value, not even under x-folio");
}

#[test]
fn a_json_resume_that_would_still_name_the_organisation_is_refused() {
    let (folio, dir) = open();
    let edition = confidential(&folio);
    let mut profile = folio.profile().unwrap();
    profile.email = "maya@acme-payments.com".into();
    folio.update_profile(&profile).unwrap();
    let path = dir.path().join("resume.json");
    let err = folio.export_file(&path, FileFormat::JsonResume, Some(edition.id)).unwrap_err();
    assert_eq!(err.field(), Some("redactions"));
    assert!(err.to_string().contains("would still appear in the JSON Resume"), "{err}");
    assert!(!path.exists(), "nothing was written");
}

#[test]
fn a_description_that_names_the_organisation_is_refused() {
    let (folio, _dir) = open();
    let edition = confidential(&folio);
    let mut item = edition.item.clone();
    item.redactions[0].replacement = "Acme Payments, a bank".into();
    let err = folio.update(edition.id, &item).unwrap_err();
    assert_eq!(err.field(), Some("redactions[0].replacement"));
    assert!(err.to_string().contains("must not name the organisation it hides"), "{err}");
}

#[test]
fn a_name_that_starts_with_a_common_word_hides_only_as_a_whole() {
    let (folio, dir) = open();
    let edition = confidential(&folio);
    let mut item = edition.item.clone();
    item.redactions = vec![Redaction { organisation: "The Payments Company".into(), replacement: "a fintech".into() }];
    folio.update(edition.id, &item).unwrap();
    let ledger = folio.list::<CaseStudy>().unwrap().remove(0);
    let mut cs = ledger.item.clone();
    cs.summary = "The ledger of The Payments Company.".into();
    folio.update(ledger.id, &cs).unwrap();
    let path = dir.path().join("x.pdf");
    folio.export(&path, &ExportRequest { edition: Some(edition.id), ..ExportRequest::default() }).unwrap();
    let text = tool("pdftotext", &[path.to_str().unwrap(), "-"]).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("The ledger of a fintech."), "{text}");
}

#[test]
fn internal_links_stay_out_of_an_export_of_the_whole_portfolio() {
    let (folio, _dir) = open();
    confidential(&folio);
    let links: Vec<_> =
        folio.portfolio(None).unwrap().case_studies[0].item.links.iter().map(|l| l.label.clone()).collect();
    assert_eq!(links, ["Acme engineering blog", "Talk"]);
}

// --- snapshots of what was sent ---------------------------------------------------------

#[test]
fn an_export_keeps_what_was_sent_even_after_the_case_study_changes() {
    let (folio, dir) = open();
    let edition = confidential(&folio);
    let sent = dir.path().join("sent.pdf");
    let report = folio.export(&sent, &ExportRequest { edition: Some(edition.id), ..ExportRequest::default() }).unwrap();

    let ledger = folio.list::<CaseStudy>().unwrap().remove(0);
    let mut edited = ledger.item.clone();
    edited.title = "Ledger, rewritten since".into();
    folio.update(ledger.id, &edited).unwrap();

    let snapshot = folio.export_snapshot(report.record.id).unwrap();
    assert_eq!(snapshot.portfolio.case_studies[0].item.title, "Event-driven ledger for a top-10 European bank");
    assert_eq!(snapshot.portfolio.edition.as_ref().map(|e| e.id), Some(edition.id));

    let again = dir.path().join("again.pdf");
    assert!(folio.reprint_export(report.record.id, &again).unwrap(), "the same bytes as were sent");
    assert_eq!(std::fs::read(&again).unwrap(), std::fs::read(&sent).unwrap());
    let text = tool("pdftotext", &[again.to_str().unwrap(), "-"]);
    assert!(text.contains("Event-driven ledger") && !text.contains("rewritten since"));
}

#[test]
fn snapshots_survive_a_backup_and_restore() {
    let (folio, dir) = open();
    let edition = confidential(&folio);
    let report = folio
        .export(&dir.path().join("sent.pdf"), &ExportRequest { edition: Some(edition.id), ..ExportRequest::default() })
        .unwrap();
    let backup = folio.export_bytes(FileFormat::Folio, None).unwrap();

    let (fresh, _dir2) = open();
    fresh.import_bytes(&backup, None, false).unwrap();
    let snapshot = fresh.export_snapshot(report.record.id).unwrap();
    assert_eq!(snapshot, folio.export_snapshot(report.record.id).unwrap());
    assert_eq!(fresh.export_bytes(FileFormat::Folio, None).unwrap(), backup, "the round trip is exact");
}

#[test]
fn an_unknown_export_is_reported() {
    let (folio, _dir) = open();
    let err = folio.export_snapshot(uuid::Uuid::now_v7()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

// --- matching a job posting -----------------------------------------------------------

const POSTING: &str = include_str!("../fixtures/posting-staff-platform-engineer.txt");

#[test]
fn a_posting_is_matched_against_what_the_edition_exports() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let northwind = folio.edition_by_name("Staff Engineer — Northwind").unwrap();
    let report = folio.match_posting(northwind.id, Some(POSTING)).unwrap();
    let term = |name: &str| report.terms.iter().find(|t| t.name == name).unwrap_or_else(|| panic!("{name} not found"));

    // What the posting asks for, found under the spellings it uses.
    for covered in
        ["Kafka", "PostgreSQL", "Kubernetes", "Terraform", "DORA metrics", "CI/CD", "Incident response", "Go"]
    {
        assert!(term(covered).covered, "{covered} is covered by the edition");
    }
    assert!(term("Payments").mentions >= 3);
    assert!(term("Event-driven architecture").evidence.iter().any(|e| e.starts_with("Event-driven payment ledger")));
    // What the edition misses, and what would cover it.
    for missing in ["Java", "GraphQL", "GCP"] {
        assert!(!term(missing).covered, "{missing} is not in the edition");
    }
    let dispatch = report.suggestions.iter().find(|s| s.title.starts_with("Dispatch platform")).unwrap();
    assert!(dispatch.covers.contains(&"Java".to_string()), "{dispatch:?}");
    assert!(!northwind.item.case_studies.contains(&dispatch.id));
    // Terms the portfolio never mentions are not invented.
    assert!(report.terms.iter().all(|t| t.name != "Swift" && t.name != "Hiring"));
    assert_eq!(report.total as usize, report.terms.len());
    assert!((70..100).contains(&report.score), "score {}", report.score);
}

#[test]
fn suggestions_cover_what_is_missing_and_adding_one_raises_the_score() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let northwind = folio.edition_by_name("Staff Engineer — Northwind").unwrap();
    let before = folio.match_posting(northwind.id, Some(POSTING)).unwrap();
    let first = &before.suggestions[0];
    let mut edition = northwind.item.clone();
    edition.case_studies.push(first.id);
    edition.posting = POSTING.into();
    folio.update(northwind.id, &edition).unwrap();
    let after = folio.match_posting(northwind.id, None).unwrap();
    assert!(after.covered > before.covered && after.score > before.score);
    assert!(after.suggestions.iter().all(|s| s.id != first.id));
}

#[test]
fn the_language_go_is_told_apart_from_the_verb() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let northwind = folio.edition_by_name("Staff Engineer — Northwind").unwrap();
    let verbs = folio.match_posting(northwind.id, Some("You will go far and go deep on payments.")).unwrap();
    assert!(verbs.terms.iter().all(|t| t.name != "Go"));
    let language = folio.match_posting(northwind.id, Some("Services in Go or Golang.")).unwrap();
    assert_eq!(language.terms.iter().find(|t| t.name == "Go").map(|t| t.mentions), Some(2));
}

#[test]
fn matching_without_a_posting_says_what_to_do() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let mut northwind = folio.edition_by_name("Staff Engineer — Northwind").unwrap();
    northwind.item.posting.clear();
    folio.update(northwind.id, &northwind.item).unwrap();
    let err = folio.match_posting(northwind.id, None).unwrap_err();
    assert_eq!((err.code(), err.field()), (ErrorCode::InvalidInput, Some("posting")));
    assert!(err.to_string().contains("paste the job posting"), "{err}");
}
