//! Collects the checks' outcomes: the findings of those that fail, and per advice the
//! checks that pass, counted and weighted by severity, from which the report's scores
//! come.

use super::{Advice, AdviceScore, Check, CoachReport, Finding, Severity, Target};

/// The outcomes so far, as the checks run.
#[derive(Default)]
pub(super) struct Coach {
    findings: Vec<Finding>,
    /// Weighted (passed, total) and counted (passed, total) per advice.
    tallies: [(u32, u32, u32, u32); 7],
}

/// A failing check, before it is recorded.
pub(super) struct Fail<'a> {
    check: Check,
    severity: Severity,
    advice: Advice,
    target: &'a Target,
    field: String,
}

/// What `check` records if it fails: `field` as validation names it, `""` for the
/// record or the portfolio as a whole.
pub(super) fn fail<'a>(check: Check, severity: Severity, advice: Advice, target: &'a Target, field: &str) -> Fail<'a> {
    Fail { check, severity, advice, target, field: field.into() }
}

impl Coach {
    /// Records one check; `finding` is asked for only when it fails, and gives the
    /// message (what is missing) and the next step (what to do about it).
    pub(super) fn check(&mut self, fail: Fail<'_>, passed: bool, finding: impl FnOnce() -> (String, String)) {
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

    /// The report: a score for each advice that had a check, their mean, and the
    /// findings by severity, each severity in the order the checks ran.
    pub(super) fn report(mut self) -> CoachReport {
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
