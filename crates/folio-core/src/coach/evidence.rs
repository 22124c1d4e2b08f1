//! Checks on the evidence a case study gives: the decisions it records (each with its
//! rationale and the alternatives it beat) and the metrics it measures (one with a
//! baseline, each over a timeframe).

use folio_model::{CaseStudy, Decision, Metric};

use super::tally::{fail, Coach};
use super::wording::{named, plural};
use super::Advice::{Quantify, TellTheStory};
use super::Severity::{Tip, Warning};
use super::{Check, Target};

/// Tell the story: at least one decision, then each decision in order.
pub(super) fn decision_checks(c: &mut Coach, cs: &CaseStudy, t: &Target) {
    c.check(fail(Check::CaseStudyNoDecision, Warning, TellTheStory, t, "decisions"), !cs.decisions.is_empty(), || {
        (
            format!("Case study '{}' records no decision", t.title),
            "Add the key decision you made, with the options you weighed and why you chose".into(),
        )
    });
    for (i, d) in cs.decisions.iter().enumerate() {
        one_decision_checks(c, i, d, t);
    }
}

/// The decision at index `i`: why it was taken, and what else was weighed.
fn one_decision_checks(c: &mut Coach, i: usize, d: &Decision, t: &Target) {
    let title = &t.title;
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
                format!("Decision '{name}' in '{title}' lists {options} option{}", plural(options)),
                "List the alternatives you considered; a choice means more beside what it beat".into(),
            )
        },
    );
}

/// Quantify: at least one metric, one of them with a baseline and a result, and each
/// over a stated timeframe.
pub(super) fn metric_checks(c: &mut Coach, cs: &CaseStudy, t: &Target) {
    let title = &t.title;
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
        timeframe_check(c, i, m, t);
    }
}

/// The metric at index `i` says over what period it changed.
fn timeframe_check(c: &mut Coach, i: usize, m: &Metric, t: &Target) {
    c.check(
        fail(Check::MetricNoTimeframe, Tip, Quantify, t, &format!("metrics[{i}].timeframe")),
        !m.timeframe.trim().is_empty(),
        || {
            (
                format!("The metric '{}' in '{}' has no timeframe", m.label.trim(), t.title),
                "Say over what period it changed, e.g. \"within 6 months\"".into(),
            )
        },
    );
}
