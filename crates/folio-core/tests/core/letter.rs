//! Cover letters: the draft Folio writes from an edition, and the coach's letter checks.

use std::path::Path;

use folio_core::{match_posting, Check, ExportRequest, Folio};
use folio_model::{DocumentFormat, Edition, FileType, Stored};

use crate::export::{outline, tool};
use crate::formats::{parts, read_docx};
use crate::open;
use crate::tailoring::confidential;

const NORTHWIND: &str = "Staff Engineer — Northwind";

fn demo() -> (Folio, tempfile::TempDir) {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    (folio, dir)
}

/// The posting's terms the edition covers.
fn covered(folio: &Folio, edition: &Stored<Edition>) -> Vec<String> {
    let report =
        match_posting(&edition.item.posting, &folio.portfolio(Some(edition.id)).unwrap(), &folio.everything().unwrap());
    report.terms.into_iter().filter(|t| t.covered).map(|t| t.name.to_lowercase()).collect()
}

#[test]
fn the_draft_for_each_demo_edition_names_the_company_the_role_two_covered_terms_and_a_metric() {
    let (folio, _dir) = demo();
    for edition in folio.list::<Edition>().unwrap() {
        let e = &edition.item;
        assert!(!e.posting.is_empty(), "{}: the demo edition answers a posting", e.name);
        let letter = folio.draft_letter(edition.id).unwrap().item.letter;
        let body = letter.body.to_lowercase();
        assert!(letter.body.contains(&e.target_company), "{}: {}", e.name, letter.body);
        assert!(letter.body.contains(&e.target_role), "{}: {}", e.name, letter.body);
        let terms = covered(&folio, &edition);
        let named: Vec<&String> = terms.iter().filter(|t| body.contains(t.as_str())).collect();
        assert!(named.len() >= 2, "{}: names {named:?} of {terms:?}", e.name);
        let statements: Vec<String> = folio
            .portfolio(Some(edition.id))
            .unwrap()
            .case_studies
            .iter()
            .flat_map(|c| c.item.metrics.iter().map(|m| m.statement()))
            .collect();
        assert!(statements.iter().any(|s| letter.body.contains(s)), "{}: no metric in {}", e.name, letter.body);
        assert_eq!(letter.subject, format!("Application for the {} role", e.target_role));
        assert_eq!((letter.salutation.as_str(), letter.closing.as_str()), ("Dear hiring team,", "Kind regards,"));
        assert_eq!(letter.drafted, letter.body, "the draft is remembered");

        let again = folio.draft_letter(edition.id).unwrap().item.letter;
        assert_eq!(again.body, letter.body, "the same edition gives the same draft");
        let saved = folio.get::<Edition>(edition.id).unwrap().item.letter;
        assert_eq!(saved, again, "the draft is saved in the edition");
    }
}

#[test]
fn a_draft_keeps_what_the_user_wrote_around_the_body() {
    let (folio, _dir) = demo();
    let mut edition = folio.edition_by_name(NORTHWIND).unwrap();
    edition.item.letter.recipient_name = "Dana Whitfield".into();
    edition.item.letter.closing = "Best wishes,".into();
    folio.update(edition.id, &edition.item).unwrap();
    let letter = folio.draft_letter(edition.id).unwrap().item.letter;
    assert_eq!(letter.salutation, "Dear Dana Whitfield,");
    assert_eq!(letter.closing, "Best wishes,", "a closing the user chose stays");
}

/// A letter that follows the advice: addressed, on the posting, measured, in plain verbs.
const GOOD: &str = "I am applying for the Staff Engineer role at Northwind. At my last company I led the \
    event-driven architecture of our payments ledger and ran the design reviews behind it; p95 latency \
    fell from 840 ms to 120 ms. I would like to bring the same reliability to Northwind's platform.";

/// The letter checks the coach makes of the Northwind edition with `body` as its letter.
fn letter_findings(folio: &Folio, body: &str, drafted: &str) -> Vec<Check> {
    let mut edition = folio.edition_by_name(NORTHWIND).unwrap();
    edition.item.letter.body = body.into();
    edition.item.letter.drafted = drafted.into();
    folio.update(edition.id, &edition.item).unwrap();
    let report = folio.coach(Some(edition.id)).unwrap();
    report.findings.into_iter().map(|f| f.check).filter(|c| c.name().starts_with("letter-")).collect()
}

#[test]
fn each_letter_check_fires_on_its_breach_and_is_silent_on_a_rewritten_letter() {
    let (folio, _dir) = demo();
    assert_eq!(letter_findings(&folio, "", ""), [], "no letter, nothing to say");
    assert_eq!(letter_findings(&folio, GOOD, "An older draft."), [], "a good letter passes every check");

    let long = format!("{GOOD} {}", "More about the ledger. ".repeat(100));
    let breaches = [
        (Check::LetterTooLong, long.clone(), "An older draft.".to_string()),
        (Check::LetterNotAddressed, GOOD.replace("Northwind", "your company"), String::new()),
        (
            Check::LetterFewTerms,
            "I am applying for the Staff Engineer role at Northwind. I cut p95 latency from 840 ms to 120 ms."
                .to_string(),
            String::new(),
        ),
        (Check::LetterNoMetric, GOOD.replace("; p95 latency fell from 840 ms to 120 ms", ""), String::new()),
        (Check::LetterVagueVerb, GOOD.replace("I led", "I worked on"), String::new()),
        (Check::LetterUnedited, GOOD.to_string(), GOOD.to_string()),
    ];
    for (check, body, drafted) in breaches {
        assert_eq!(letter_findings(&folio, &body, &drafted), [check], "{check} alone fires on: {body}");
    }
}

#[test]
fn the_draft_itself_passes_the_letter_checks_but_the_one_that_asks_for_a_rewrite() {
    let (folio, _dir) = demo();
    let edition = folio.edition_by_name(NORTHWIND).unwrap();
    let letter = folio.draft_letter(edition.id).unwrap().item.letter;
    assert_eq!(letter_findings(&folio, &letter.body, &letter.drafted), [Check::LetterUnedited]);
}

/// A letter in the Northwind edition, rewritten by hand, addressed to someone.
fn written_letter(folio: &Folio) -> Stored<Edition> {
    let mut edition = folio.edition_by_name(NORTHWIND).unwrap();
    let l = &mut edition.item.letter;
    l.recipient_name = "Dana Whitfield".into();
    l.recipient_title = "VP Engineering".into();
    l.recipient_address = "1 Harbour Street\nLeeds".into();
    l.subject = "Staff Engineer, Payments Platform".into();
    l.salutation = "Dear Dana,".into();
    l.body = GOOD.into();
    l.closing = "Kind regards,".into();
    folio.update(edition.id, &edition.item).unwrap()
}

fn export(folio: &Folio, edition: &Stored<Edition>, path: &Path, format: DocumentFormat, file: FileType) {
    let request =
        ExportRequest { edition: Some(edition.id), format: Some(format), file: Some(file), ..ExportRequest::default() };
    folio.export(path, &request).unwrap_or_else(|e| panic!("{format:?} as {file:?}: {e}"));
}

#[test]
fn the_letter_is_one_page_under_the_letterhead_in_the_order_a_letter_reads() {
    let (folio, dir) = demo();
    let edition = written_letter(&folio);
    let pdf = dir.path().join("letter.pdf");
    export(&folio, &edition, &pdf, DocumentFormat::Letter, FileType::Pdf);
    let file = pdf.to_str().unwrap();
    assert!(tool("qpdf", &["--check", file]).contains("No syntax or stream encoding errors"));
    let info = tool("pdfinfo", &[file]);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("Title:           Maya Okafor — Cover letter"), "{info}");
    let raw = tool("pdftotext", &["-raw", file, "-"]);
    let today = jiff::Zoned::now().date();
    let order = [
        "Maya Okafor",
        &format!(
            "{} {}",
            today.day(),
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
                [today.month() as usize - 1]
        ),
        "Dana Whitfield",
        "VP Engineering",
        "Northwind",
        "1 Harbour Street",
        "Leeds",
        "Staff Engineer, Payments Platform",
        "Dear Dana,",
        "I am applying for the Staff Engineer role at Northwind.",
        "Kind regards,",
    ];
    let mut at = 0;
    for line in order {
        let found = raw[at..].find(line).unwrap_or_else(|| panic!("{line:?} missing or out of order in:\n{raw}"));
        at += found + line.len();
    }
    assert!(raw[at..].contains("Maya Okafor"), "signed with the profile's name");
}

#[test]
fn the_bundle_is_the_letter_then_the_resume_then_the_case_studies_under_one_outline() {
    let (folio, dir) = demo();
    let edition = written_letter(&folio);
    let pdf = dir.path().join("bundle.pdf");
    export(&folio, &edition, &pdf, DocumentFormat::Bundle, FileType::Pdf);
    let doc = lopdf::Document::load(&pdf).unwrap();
    let top: Vec<String> = outline(&doc).into_iter().filter(|(depth, _)| *depth == 0).map(|(_, t)| t).collect();
    assert_eq!(top.first().map(String::as_str), Some("Cover letter"), "{top:?}");
    let (experience, studies) =
        (top.iter().position(|t| t == "Experience"), top.iter().position(|t| t == "Case studies"));
    assert!(experience.is_some() && experience < studies, "the résumé, then the case studies: {top:?}");
    let first = tool("pdftotext", &["-f", "1", "-l", "1", pdf.to_str().unwrap(), "-"]);
    assert!(first.contains("Dear Dana,") && !first.contains("EXPERIENCE"), "the letter has its page");
    let second = tool("pdftotext", &["-f", "2", "-l", "2", pdf.to_str().unwrap(), "-"]);
    assert!(second.starts_with("Maya Okafor") && second.contains("EXPERIENCE"), "the résumé under the letterhead");

    // The same bundle as Word: each part from a new page, under its title.
    let docx = dir.path().join("bundle.docx");
    export(&folio, &edition, &docx, DocumentFormat::Bundle, FileType::Docx);
    let read = read_docx(&docx);
    assert_eq!(read.styled("Title").len(), 2, "the letterhead heads the letter and the résumé");
    let document = String::from_utf8_lossy(&parts(&docx)["word/document.xml"]).into_owned();
    assert_eq!(document.matches("<w:pageBreakBefore").count(), 2, "the résumé and the case studies start pages");
    assert!(read.text().contains(GOOD));
}

#[test]
fn a_redacted_letter_and_bundle_leave_no_trace_in_any_format() {
    let (folio, dir) = open();
    let mut edition = confidential(&folio);
    edition.item.letter.body = "At Acme Payments I led the ledger; ACME's batch is gone.".into();
    edition.item.letter.recipient_company = "Northwind".into();
    folio.update(edition.id, &edition.item).unwrap();
    for format in [DocumentFormat::Letter, DocumentFormat::Bundle] {
        for file in FileType::ALL {
            let path = dir.path().join(format!("{format:?}.{}", file.extension()));
            export(&folio, &edition, &path, format, file);
            let all = match file {
                FileType::Pdf => {
                    let p = path.to_str().unwrap();
                    [
                        tool("pdftotext", &[p, "-"]),
                        tool("pdfinfo", &[p]),
                        tool("qpdf", &["--qdf", "--object-streams=disable", p, "-"]),
                    ]
                    .concat()
                }
                FileType::Docx => {
                    parts(&path).into_values().map(|b| String::from_utf8_lossy(&b).into_owned()).collect()
                }
                _ => std::fs::read_to_string(&path).unwrap(),
            };
            assert!(!all.to_lowercase().contains("acme"), "{format:?} as {file:?} mentions Acme");
            if file != FileType::Pdf {
                assert!(all.contains("a top-10 European bank"), "{format:?} as {file:?}");
            }
        }
    }
}
