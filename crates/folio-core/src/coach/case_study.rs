//! Checks on one case study's own fields: its kind and your role, how it tells the
//! story (your contribution, the team, the outcome, in plain verbs), its summary, its
//! images and its links. Its decisions and metrics are checked in [`super::evidence`].

use std::sync::LazyLock;

use folio_model::{CaseStudy, EntityKind, Stored};

use super::evidence::{decision_checks, metric_checks};
use super::links::link_checks;
use super::tally::{fail, Coach};
use super::wording::named;
use super::Advice::{FeatureLeadership, KeepItClean, TellTheStory};
use super::Severity::{Tip, Warning};
use super::{Check, Target};
use crate::words::{has_any_word, word_count, Phrases};

/// Verbs that hide what the author did.
pub(super) const VAGUE: [&str; 9] = [
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

/// The vague verbs, all found in one pass over a text.
pub(super) static VAGUE_PHRASES: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(&VAGUE));

/// The longest summary that can still be scanned, in words.
const SUMMARY_WORDS: usize = 60;

/// Every check on one case study, in the order its findings are listed.
pub(super) fn case_study_checks(c: &mut Coach, stored: &Stored<CaseStudy>) {
    let cs = &stored.item;
    let t = Target { kind: Some(EntityKind::CaseStudy), id: Some(stored.id), title: named(&cs.title) };
    leadership_checks(c, cs, &t);
    decision_checks(c, cs, &t);
    contribution_checks(c, cs, &t);
    outcome_checks(c, cs, &t);
    metric_checks(c, cs, &t);
    summary_checks(c, cs, &t);
    image_checks(c, cs, &t);
    // Internal links are never exported, whatever their address.
    let links = cs.links.iter().enumerate().filter(|(_, l)| !l.internal).map(|(i, l)| (i, l.url.as_str()));
    link_checks(c, &t, links, |url| format!("The link {url} in '{}' is not https", t.title));
}

/// Feature the projects you led: what kind of project it was, and your role in it.
fn leadership_checks(c: &mut Coach, cs: &CaseStudy, t: &Target) {
    let title = &t.title;
    c.check(fail(Check::CaseStudyNoKind, Tip, FeatureLeadership, t, "kinds"), !cs.kinds.is_empty(), || {
        (
            format!("Case study '{title}' has no kind"),
            "Mark what it shows: architecture, a technical challenge, a process improvement…".into(),
        )
    });
    c.check(fail(Check::CaseStudyNoRole, Tip, FeatureLeadership, t, "role"), !cs.role.trim().is_empty(), || {
        (format!("Case study '{title}' does not give your role"), "Add it, e.g. \"Technical lead\"".into())
    });
}

/// Tell the story: what you contributed, and, once that is written, that it says what
/// you did yourself and how the team fared.
fn contribution_checks(c: &mut Coach, cs: &CaseStudy, t: &Target) {
    let title = &t.title;
    let has_contribution = !cs.contribution.trim().is_empty();
    c.check(fail(Check::CaseStudyNoContribution, Warning, TellTheStory, t, "contribution"), has_contribution, || {
        (
            format!("Case study '{title}' does not say what you contributed"),
            "Write what you did yourself and how it helped the team succeed".into(),
        )
    });
    if !has_contribution {
        return;
    }
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

/// Tell the story: what changed because of the work, and no vague verb in the summary,
/// the contribution or the outcome.
fn outcome_checks(c: &mut Coach, cs: &CaseStudy, t: &Target) {
    let title = &t.title;
    c.check(
        fail(Check::CaseStudyNoOutcome, Warning, TellTheStory, t, "outcome"),
        !cs.outcome.trim().is_empty(),
        || (format!("Case study '{title}' has no outcome"), "Say what changed because of the work".into()),
    );
    for (field, text) in [("summary", &cs.summary), ("contribution", &cs.contribution), ("outcome", &cs.outcome)] {
        // One bit per phrase of `VAGUE` found; the message quotes the first in that list.
        let vague = VAGUE_PHRASES.found_in(text);
        c.check(fail(Check::VagueVerb, Tip, TellTheStory, t, field), vague == 0, || {
            (
                format!("The {field} of '{title}' says \"{}\"", VAGUE[vague.trailing_zeros() as usize]),
                "Name what you did instead: designed, led, built, migrated, cut, mentored".into(),
            )
        });
    }
}

/// Keep it clean: a summary, short enough to scan.
fn summary_checks(c: &mut Coach, cs: &CaseStudy, t: &Target) {
    let title = &t.title;
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
}

/// Keep it clean: every image has a caption and alternative text.
fn image_checks(c: &mut Coach, cs: &CaseStudy, t: &Target) {
    let title = &t.title;
    for (i, image) in cs.images.iter().enumerate() {
        let n = i + 1;
        c.check(
            fail(Check::ImageNoCaption, Tip, KeepItClean, t, &format!("images[{i}].caption")),
            !image.caption.trim().is_empty(),
            || (format!("Image {n} in '{title}' has no caption"), "Say what it shows and why it matters".into()),
        );
        c.check(
            fail(Check::ImageNoAlt, Tip, KeepItClean, t, &format!("images[{i}].alt")),
            !image.alt.trim().is_empty(),
            || {
                (
                    format!("Image {n} in '{title}' has no alternative text"),
                    "Describe it for readers who cannot see it".into(),
                )
            },
        );
    }
}
