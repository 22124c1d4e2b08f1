//! Cover letters: the draft Folio writes from an edition, and the coach's letter checks.

use folio_core::{match_posting, Check, Folio};
use folio_model::{Edition, Stored};

use crate::open;

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
