//! Measured impact: a baseline, a result, and what the change between them means.
//!
//! Derived values — the change in percent, the improvement factor, the one-line
//! statement — are computed here and never stored, so they cannot drift from the
//! numbers the user typed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::{limits, Check};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum MetricCategory {
    #[default]
    Performance,
    Delivery,
    Quality,
    Reliability,
    Cost,
    Team,
    Business,
}

/// Which way is better. Decides whether a change counts as an improvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Metric {
    /// What was measured: "p95 latency".
    pub label: String,
    pub category: MetricCategory,
    /// "ms", "%", "/week", "$"…; see [`format_quantity`] for how it is placed.
    pub unit: String,
    pub baseline: Option<f64>,
    pub result: Option<f64>,
    pub direction: Direction,
    /// Over what period the result was reached: "6 months".
    pub timeframe: String,
    pub note: String,
}

impl Metric {
    pub(crate) fn check(&self, c: &mut Check) {
        c.required("label", &self.label, limits::SHORT_TEXT);
        c.text("unit", &self.unit, 40);
        if let Some(b) = self.baseline {
            c.finite("baseline", b);
        }
        if let Some(r) = self.result {
            c.finite("result", r);
        }
        c.text("timeframe", &self.timeframe, limits::SHORT_TEXT);
        c.text("note", &self.note, limits::MEDIUM_TEXT);
    }

    fn pair(&self) -> Option<(f64, f64)> {
        self.baseline.zip(self.result).filter(|(b, r)| b.is_finite() && r.is_finite())
    }

    /// Whether the unit is itself a percentage, so that changes are in points.
    fn is_percentage(&self) -> bool {
        self.unit.trim() == "%"
    }

    /// Relative change from baseline to result, in percent of the baseline's magnitude.
    /// `None` without both values or with a zero baseline (no finite ratio exists).
    pub fn change_percent(&self) -> Option<f64> {
        let (b, r) = self.pair()?;
        (b != 0.0).then(|| (r - b) / b.abs() * 100.0)
    }

    /// Whether the result is better than the baseline, given the direction.
    pub fn improved(&self) -> Option<bool> {
        let (b, r) = self.pair()?;
        Some(match self.direction {
            Direction::HigherIsBetter => r > b,
            Direction::LowerIsBetter => r < b,
        })
    }

    /// How many times better the result is, when both values are positive and the
    /// change is an improvement: 840 ms → 120 ms is a factor of 7.
    pub fn factor(&self) -> Option<f64> {
        let (b, r) = self.pair()?;
        if b <= 0.0 || r <= 0.0 || !self.improved()? {
            return None;
        }
        Some(match self.direction {
            Direction::HigherIsBetter => r / b,
            Direction::LowerIsBetter => b / r,
        })
    }

    /// "7.0× faster", "3.0× more often", for factors worth a headline (≥ 1.5).
    pub fn factor_label(&self) -> Option<String> {
        let f = self.factor().filter(|f| *f >= 1.5)?;
        let word = match (self.category, self.direction) {
            (MetricCategory::Performance, Direction::LowerIsBetter) => "faster",
            (MetricCategory::Delivery, Direction::HigherIsBetter) => "more often",
            (_, Direction::LowerIsBetter) => "lower",
            (_, Direction::HigherIsBetter) => "higher",
        };
        Some(format!("{} {word}", format_factor(f)))
    }

    /// The figure a callout leads with, saying which way is better: "7.0× faster" when
    /// the factor is striking (2× or more), else the change ("−86%"), else the result.
    /// The app and the PDF show the same.
    pub fn headline(&self) -> Option<String> {
        self.factor()
            .filter(|f| *f >= 2.0)
            .and_then(|_| self.factor_label())
            .or_else(|| self.change_label())
            .or_else(|| self.result.map(|r| format_quantity(r, &self.unit)))
    }

    /// The change as a short signed figure: "−86%", "+4.5%", or "−10 pp" for metrics
    /// that are themselves percentages.
    pub fn change_label(&self) -> Option<String> {
        let (b, r) = self.pair()?;
        if self.is_percentage() {
            return Some(format!("{} pp", signed(r - b, 1)));
        }
        let pct = self.change_percent()?;
        let places = if pct.abs() >= 10.0 { 0 } else { 1 };
        Some(format!("{}%", signed(pct, places)))
    }

    /// The metric as its change alone, for editions that hide absolute values:
    /// "p95 latency −86%". `None` when there is no change to state.
    pub fn relative_statement(&self) -> Option<String> {
        Some(format!("{} {}", self.label.trim(), self.change_label()?))
    }

    /// One line that states the metric: "p95 latency 840 ms → 120 ms (−86%)".
    pub fn statement(&self) -> String {
        let label = self.label.trim();
        let quantity = |v| format_quantity(v, &self.unit);
        match (self.baseline, self.result) {
            (Some(b), Some(r)) => match self.change_label() {
                Some(change) => format!("{label} {} → {} ({change})", quantity(b), quantity(r)),
                None => format!("{label} {} → {}", quantity(b), quantity(r)),
            },
            (None, Some(r)) => format!("{label} {}", quantity(r)),
            (Some(b), None) => format!("{label} from {}", quantity(b)),
            (None, None) => label.to_string(),
        }
    }
}

/// "7.5×", or "60×" once the decimal no longer matters.
pub fn format_factor(factor: f64) -> String {
    if factor >= 10.0 {
        format!("{}×", format_decimal(factor, 0))
    } else {
        format!("{}×", format_decimal(factor, 1))
    }
}

/// What a metric says, derived for display next to the editor.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MetricSummary {
    pub statement: String,
    pub change: Option<String>,
    pub factor: Option<String>,
    pub improved: Option<bool>,
    /// What the PDF's callout leads with (see [`Metric::headline`]).
    pub headline: Option<String>,
}

impl Metric {
    pub fn summary(&self) -> MetricSummary {
        MetricSummary {
            statement: self.statement(),
            change: self.change_label(),
            factor: self.factor_label(),
            improved: self.improved(),
            headline: self.headline(),
        }
    }
}

/// A number with its unit, placed as people write it: "840 ms", "12%", "4/week",
/// "$1,200", "3 deploys/day".
pub fn format_quantity(value: f64, unit: &str) -> String {
    let unit = unit.trim();
    let number = format_number(value);
    match unit.chars().next() {
        None => number,
        Some('%' | '/' | '×') => format!("{number}{unit}"),
        Some('$' | '€' | '£' | '¥') if unit.chars().count() == 1 => match number.strip_prefix('−') {
            Some(magnitude) => format!("−{unit}{magnitude}"),
            None => format!("{unit}{number}"),
        },
        Some(_) => format!("{number} {unit}"),
    }
}

/// Up to two decimals, trailing zeros trimmed, thousands grouped, a true minus sign.
pub fn format_number(value: f64) -> String {
    format_decimal_trimmed(value, 2)
}

fn format_decimal(value: f64, places: usize) -> String {
    let text = format!("{:.*}", places, value.abs());
    let (int, frac) = text.split_once('.').map_or((text.as_str(), ""), |(i, f)| (i, f));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') { "−" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

fn format_decimal_trimmed(value: f64, places: usize) -> String {
    let text = format_decimal(value, places);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

fn signed(value: f64, places: usize) -> String {
    let magnitude = format_decimal_trimmed(value.abs(), places);
    if magnitude == "0" {
        "±0".into()
    } else if value < 0.0 {
        format!("−{magnitude}")
    } else {
        format!("+{magnitude}")
    }
}

/// A ready-made metric definition offered when adding a metric.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MetricPreset {
    pub key: &'static str,
    pub label: &'static str,
    pub category: MetricCategory,
    pub unit: &'static str,
    pub direction: Direction,
    /// Why it matters, shown as a hint.
    pub hint: &'static str,
}

impl MetricPreset {
    /// A new metric of this kind with no values yet.
    pub fn to_metric(&self) -> Metric {
        Metric {
            label: self.label.into(),
            category: self.category,
            unit: self.unit.into(),
            direction: self.direction,
            ..Metric::default()
        }
    }
}

/// The presets offered in the editor: the four DORA delivery metrics first, then
/// common engineering measures.
pub fn metric_presets() -> Vec<MetricPreset> {
    use Direction::*;
    use MetricCategory::*;
    let p = |key, label, category, unit, direction, hint| MetricPreset { key, label, category, unit, direction, hint };
    vec![
        p(
            "dora-deployment-frequency",
            "Deployment frequency",
            Delivery,
            "/week",
            HigherIsBetter,
            "DORA: how often the team deploys to production.",
        ),
        p(
            "dora-lead-time",
            "Lead time for changes",
            Delivery,
            "h",
            LowerIsBetter,
            "DORA: time from commit to running in production.",
        ),
        p(
            "dora-change-failure-rate",
            "Change failure rate",
            Quality,
            "%",
            LowerIsBetter,
            "DORA: share of deployments that cause a failure in production.",
        ),
        p(
            "dora-time-to-restore",
            "Time to restore service",
            Reliability,
            "min",
            LowerIsBetter,
            "DORA: how long it takes to recover from a failure in production.",
        ),
        p("p95-latency", "p95 latency", Performance, "ms", LowerIsBetter, "Response time that 95% of requests beat."),
        p("error-rate", "Error rate", Reliability, "%", LowerIsBetter, "Share of requests that fail."),
        p("availability", "Availability", Reliability, "%", HigherIsBetter, "Share of time the service was up."),
        p("build-time", "CI build time", Delivery, "min", LowerIsBetter, "Time from push to a green build."),
        p("escaped-defects", "Escaped defects", Quality, "/month", LowerIsBetter, "Bugs found in production."),
        p("cloud-cost", "Cloud cost", Cost, "$", LowerIsBetter, "Monthly infrastructure spend."),
        p(
            "onboarding-time",
            "Time to first merged change",
            Team,
            "days",
            LowerIsBetter,
            "How fast a new engineer ships.",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric(label: &str, unit: &str, baseline: f64, result: f64, direction: Direction) -> Metric {
        Metric {
            label: label.into(),
            unit: unit.into(),
            baseline: Some(baseline),
            result: Some(result),
            direction,
            ..Metric::default()
        }
    }

    #[test]
    fn lower_is_better_latency_reads_as_an_improvement() {
        let m = metric("p95 latency", "ms", 840.0, 120.0, Direction::LowerIsBetter);
        assert_eq!(m.statement(), "p95 latency 840 ms → 120 ms (−86%)");
        assert_eq!(m.improved(), Some(true));
        assert_eq!(m.factor_label().as_deref(), Some("7.0× faster"));
    }

    #[test]
    fn the_headline_says_which_way_is_better() {
        let latency = metric("p95 latency", "ms", 840.0, 120.0, Direction::LowerIsBetter);
        assert_eq!(latency.headline().as_deref(), Some("7.0× faster"), "never a bare 7.0× that reads as more latency");
        let errors =
            Metric { category: MetricCategory::Quality, ..metric("Errors", "", 100.0, 70.0, Direction::LowerIsBetter) };
        assert_eq!(errors.headline().as_deref(), Some("−30%"), "under 2×, the change");
        let worse = metric("p95 latency", "ms", 120.0, 840.0, Direction::LowerIsBetter);
        assert_eq!(worse.headline().as_deref(), Some("+600%"), "a change the wrong way is its signed change");
        assert_eq!(latency.summary().headline, latency.headline(), "the app shows what the PDF shows");
    }

    #[test]
    fn higher_is_better_frequency_reads_as_an_improvement() {
        let m = Metric {
            category: MetricCategory::Delivery,
            ..metric("Deployment frequency", "/week", 2.0, 15.0, Direction::HigherIsBetter)
        };
        assert_eq!(m.statement(), "Deployment frequency 2/week → 15/week (+650%)");
        assert_eq!(m.improved(), Some(true));
        assert_eq!(m.factor_label().as_deref(), Some("7.5× more often"));
    }

    #[test]
    fn a_change_the_wrong_way_is_not_an_improvement_and_has_no_factor() {
        let m = metric("Build time", "min", 10.0, 12.0, Direction::LowerIsBetter);
        assert_eq!(m.improved(), Some(false));
        assert_eq!(m.factor(), None);
        assert_eq!(m.change_label().as_deref(), Some("+20%"));
    }

    #[test]
    fn a_zero_baseline_has_no_percentage_but_still_states_the_change() {
        let m = metric("Canary releases", "/month", 0.0, 8.0, Direction::HigherIsBetter);
        assert_eq!(m.change_percent(), None);
        assert_eq!(m.factor(), None);
        assert_eq!(m.statement(), "Canary releases 0/month → 8/month");
    }

    #[test]
    fn a_negative_baseline_measures_change_against_its_magnitude() {
        let m = metric("Operating margin", "$", -2000.0, 1000.0, Direction::HigherIsBetter);
        assert_eq!(m.change_percent(), Some(150.0));
        assert_eq!(m.improved(), Some(true));
        assert_eq!(m.factor(), None, "a ratio across zero means nothing");
        assert_eq!(m.statement(), "Operating margin −$2,000 → $1,000 (+150%)");
    }

    #[test]
    fn percentage_metrics_change_in_points() {
        let m = metric("Change failure rate", "%", 15.0, 4.5, Direction::LowerIsBetter);
        assert_eq!(m.statement(), "Change failure rate 15% → 4.5% (−10.5 pp)");
    }

    #[test]
    fn small_changes_keep_one_decimal_and_no_change_is_plus_minus_zero() {
        assert_eq!(
            metric("Uptime", "%", 99.5, 99.95, Direction::HigherIsBetter).change_label().as_deref(),
            Some("+0.5 pp")
        );
        assert_eq!(
            metric("Latency", "ms", 200.0, 191.0, Direction::LowerIsBetter).change_label().as_deref(),
            Some("−4.5%")
        );
        assert_eq!(
            metric("Latency", "ms", 200.0, 200.0, Direction::LowerIsBetter).change_label().as_deref(),
            Some("±0%")
        );
    }

    #[test]
    fn units_are_placed_as_people_write_them() {
        assert_eq!(format_quantity(1200.0, "ms"), "1,200 ms");
        assert_eq!(format_quantity(12.0, "%"), "12%");
        assert_eq!(format_quantity(3.0, "deploys/day"), "3 deploys/day");
        assert_eq!(format_quantity(48000.0, "€"), "€48,000");
        assert_eq!(format_quantity(0.25, ""), "0.25");
        assert_eq!(format_quantity(1_234_567.891, "req/s"), "1,234,567.89 req/s");
    }

    #[test]
    fn a_metric_with_only_a_result_states_it() {
        let m = Metric { label: "Availability".into(), unit: "%".into(), result: Some(99.99), ..Metric::default() };
        assert_eq!(m.statement(), "Availability 99.99%");
    }

    #[test]
    fn non_finite_numbers_are_refused() {
        let cs = crate::CaseStudy {
            title: "t".into(),
            metrics: vec![metric("x", "", f64::NAN, f64::INFINITY, Direction::HigherIsBetter)],
            ..Default::default()
        };
        let err = crate::Entity::validate(&cs).unwrap_err();
        let fields: Vec<_> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["metrics[0].baseline", "metrics[0].result"]);
    }

    #[test]
    fn presets_start_with_the_four_dora_metrics() {
        let keys: Vec<_> = metric_presets().iter().take(4).map(|p| p.key).collect();
        assert_eq!(
            keys,
            ["dora-deployment-frequency", "dora-lead-time", "dora-change-failure-rate", "dora-time-to-restore"]
        );
    }
}
