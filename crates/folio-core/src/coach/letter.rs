//! Checks of an edition's cover letter, once it has a body: short enough to read in a
//! minute, addressed to this company and this role, answering the posting with the
//! terms the edition covers and a measured result, in verbs that say what was done —
//! and rewritten from Folio's draft before it is sent.

use folio_model::markdown::plain_text;
use folio_model::{format_quantity, EntityKind, Metric, Portfolio};

use super::case_study::{VAGUE, VAGUE_PHRASES};
use super::tally::{fail, Coach};
use super::Advice::{KeepItClean, Quantify, TellTheStory};
use super::Severity::{Tip, Warning};
use super::{Check, Target};
use crate::tailor::{match_posting, terms_in};
use crate::words::{contains_word, word_count};

/// The most words a cover letter should have.
pub(crate) const LETTER_WORDS: usize = 400;
/// How many of the posting's covered terms a letter should name.
const TERMS: usize = 2;

/// The checks of the edition's letter; none while it has no body.
pub(super) fn letter_checks(c: &mut Coach, p: &Portfolio) {
    let Some(edition) = &p.edition else { return };
    let (e, letter) = (&edition.item, &edition.item.letter);
    if !letter.is_written() {
        return;
    }
    let t = Target { kind: Some(EntityKind::Edition), id: Some(edition.id), title: e.name.clone() };
    let body = plain_text(&letter.body);
    let lower = body.to_lowercase();

    let words = word_count(&body);
    c.check(fail(Check::LetterTooLong, Warning, KeepItClean, &t, "letter.body"), words <= LETTER_WORDS, || {
        (
            format!("The cover letter has {words} words"),
            format!(
                "Cut it to {LETTER_WORDS} words or fewer: it is read in a minute, and the case studies say the rest"
            ),
        )
    });

    let (company, role) = (e.target_company.trim(), e.target_role.trim());
    let missing: Vec<&str> =
        [company, role].into_iter().filter(|n| !n.is_empty() && !contains_word(&lower, &n.to_lowercase())).collect();
    c.check(fail(Check::LetterNotAddressed, Warning, TellTheStory, &t, "letter.body"), missing.is_empty(), || {
        (
            format!("The cover letter does not name {}", missing.join(" or ")),
            "Say which role at which company you are applying for, in the first paragraph".into(),
        )
    });

    if !e.posting.trim().is_empty() {
        let covered: Vec<String> =
            match_posting(&e.posting, p, p).terms.into_iter().filter(|t| t.covered).map(|t| t.name).collect();
        let said = terms_in(&body, p);
        let named: Vec<&String> = covered.iter().filter(|n| said.contains(n)).collect();
        // A posting the edition covers in fewer terms can only be answered with those.
        let wanted = TERMS.min(covered.len());
        c.check(fail(Check::LetterFewTerms, Warning, TellTheStory, &t, "letter.body"), named.len() >= wanted, || {
            let unsaid: Vec<&str> = covered.iter().filter(|n| !said.contains(n)).take(3).map(String::as_str).collect();
            (
                format!("The cover letter names {} of the posting's terms your edition covers", named.len()),
                format!("Answer the posting: say where you did {}", unsaid.join(", ")),
            )
        });
    }

    let metrics: Vec<&Metric> = p.case_studies.iter().flat_map(|c| &c.item.metrics).collect();
    c.check(fail(Check::LetterNoMetric, Warning, Quantify, &t, "letter.body"), cites_a_result(&body, &metrics), || {
        (
            "The cover letter cites no measured result".into(),
            "Name your strongest metric, e.g. \"p95 latency 840 ms → 120 ms\"".into(),
        )
    });

    let vague = VAGUE_PHRASES.found_in(&body);
    c.check(fail(Check::LetterVagueVerb, Tip, TellTheStory, &t, "letter.body"), vague == 0, || {
        (
            format!("The cover letter says \"{}\"", VAGUE[vague.trailing_zeros() as usize]),
            "Name what you did instead: designed, led, built, migrated, cut, mentored".into(),
        )
    });

    c.check(fail(Check::LetterUnedited, Warning, TellTheStory, &t, "letter.body"), !letter.is_unedited_draft(), || {
        (
            "The cover letter is still Folio's draft, word for word".into(),
            "Rewrite it in your own voice: why this company, why now, what you would do first".into(),
        )
    });
}

/// Whether `text` states a result: one of the portfolio's metric figures ("120 ms",
/// "−86%", "7.0×"), or any percentage or factor.
fn cites_a_result(text: &str, metrics: &[&Metric]) -> bool {
    let figures = metrics.iter().flat_map(|m| {
        let values = [m.baseline, m.result].into_iter().flatten().map(|v| format_quantity(v, &m.unit));
        values.chain(m.change_label()).chain(m.factor_label())
    });
    let mut figures = figures.filter(|f| f.chars().any(|c| c.is_ascii_digit()));
    if figures.any(|f| text.contains(&f)) {
        return true;
    }
    // "40%", "3×", "3x faster": a digit right before a sign of proportion.
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).any(|w| w[0].is_ascii_digit() && matches!(w[1], '%' | '×'))
        || chars.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == 'x' && !w[2].is_alphanumeric())
}
