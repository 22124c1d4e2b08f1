//! The portfolio coach: the well-known advice for technical portfolios, applied as
//! checks over the model, continuously.
//!
//! Each check serves one piece of [`Advice`]. It passes or fails for a target (the
//! portfolio, a case study, one decision, one link…); a failure is a [`Finding`] with a
//! concrete next step and the field it concerns, so the app can show it beside that
//! field. Scores are not magic: an advice scores the share of its checks that pass,
//! where an error weighs 3, a warning 2 and a tip 1; the overall score is the mean of
//! the advice scores. Both round down: 100 means there is nothing to say.
//!
//! Everything here is a pure function of the portfolio and the time, fast enough to
//! run on every keystroke (a 1,000-case-study portfolio in a few milliseconds; see the
//! `coach` benchmark).
//!
//! The checks are grouped by what they read, one module each: [`portfolio`] (across
//! every case study), [`profile`], [`case_study`] (one case study's own fields),
//! [`evidence`] (its decisions and metrics), [`recommendations`], [`links`] (every
//! address a reader may open), [`letter`] (an edition's cover letter) and [`ats`] (how
//! an applicant tracking system reads the PDF). Each check records its outcome the same way, through [`tally`], which keeps
//! the findings and counts the checks for the scores. [`coach()`] runs the groups in a
//! fixed order, and the findings keep that order within each severity.

use folio_model::{EntityKind, Portfolio, Timestamp};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::{Folio, Result};

mod ats;
mod case_study;
mod evidence;
mod letter;
mod links;
mod portfolio;
mod profile;
mod recommendations;
mod tally;
mod wording;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The portfolio does not work without it.
    Error,
    /// A reviewer will notice.
    Warning,
    /// Worth doing when there is time.
    Tip,
}

impl Severity {
    /// What a check of this severity counts for in its advice's score.
    fn weight(self) -> u32 {
        match self {
            Self::Error => 3,
            Self::Warning => 2,
            Self::Tip => 1,
        }
    }
}

/// The pieces of advice the coach applies, in the order it presents them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Advice {
    FeatureLeadership,
    TellTheStory,
    Quantify,
    ShowVersatility,
    KeepItClean,
    Recommendations,
    StayCurrent,
}

impl Advice {
    pub const ALL: [Advice; 7] = [
        Self::FeatureLeadership,
        Self::TellTheStory,
        Self::Quantify,
        Self::ShowVersatility,
        Self::KeepItClean,
        Self::Recommendations,
        Self::StayCurrent,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::FeatureLeadership => "Feature the projects you led",
            Self::TellTheStory => "Give your reasoning, your impact and your part in the team's success",
            Self::Quantify => "Quantify the impact",
            Self::ShowVersatility => "Show versatility",
            Self::KeepItClean => "Keep it clean and organised",
            Self::Recommendations => "Add recommendations that speak to mentorship and collaboration",
            Self::StayCurrent => "Keep your profile and public presence current",
        }
    }
}

/// Every check the coach runs, by its stable name ("case-study-no-metric" on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    AtsMisread,
    CaseStudyNoBaseline,
    CaseStudyNoContribution,
    CaseStudyNoDecision,
    CaseStudyNoKind,
    CaseStudyNoMetric,
    CaseStudyNoOutcome,
    CaseStudyNoRole,
    CaseStudyNoSummary,
    ContributionNoTeam,
    ContributionWithoutI,
    DecisionNoAlternatives,
    DecisionNoRationale,
    EditionTooLong,
    FewLanguages,
    ImageNoAlt,
    ImageNoCaption,
    LetterFewTerms,
    LetterNoMetric,
    LetterNotAddressed,
    LetterTooLong,
    LetterUnedited,
    LetterVagueVerb,
    LinkNotHttps,
    MetricNoTimeframe,
    NoBlogOrCode,
    NoCaseStudies,
    NoCloud,
    NoDeliveryMetric,
    NoLeadershipKind,
    NoLinkedin,
    /// Not a check of the portfolio: a field copied into LinkedIn that no longer reads
    /// as the portfolio would write it (see `linkedin.rs`).
    LinkedinOutOfDate,
    NoMentorshipOrCollaboration,
    NoModernPractice,
    NoPerformanceMetric,
    NoQualityMetric,
    NoRecommendations,
    ProfileNoContact,
    ProfileNoHeadline,
    ProfileNoName,
    ProfileStale,
    RecommendationNoAuthor,
    RecommendationNoConsent,
    SummaryTooLong,
    VagueVerb,
}

impl Check {
    /// The name on the wire and in the CLI.
    pub fn name(self) -> &'static str {
        match self {
            Self::AtsMisread => "ats-misread",
            Self::CaseStudyNoBaseline => "case-study-no-baseline",
            Self::CaseStudyNoContribution => "case-study-no-contribution",
            Self::CaseStudyNoDecision => "case-study-no-decision",
            Self::CaseStudyNoKind => "case-study-no-kind",
            Self::CaseStudyNoMetric => "case-study-no-metric",
            Self::CaseStudyNoOutcome => "case-study-no-outcome",
            Self::CaseStudyNoRole => "case-study-no-role",
            Self::CaseStudyNoSummary => "case-study-no-summary",
            Self::ContributionNoTeam => "contribution-no-team",
            Self::ContributionWithoutI => "contribution-without-i",
            Self::DecisionNoAlternatives => "decision-no-alternatives",
            Self::DecisionNoRationale => "decision-no-rationale",
            Self::EditionTooLong => "edition-too-long",
            Self::FewLanguages => "few-languages",
            Self::ImageNoAlt => "image-no-alt",
            Self::ImageNoCaption => "image-no-caption",
            Self::LetterFewTerms => "letter-few-terms",
            Self::LetterNoMetric => "letter-no-metric",
            Self::LetterNotAddressed => "letter-not-addressed",
            Self::LetterTooLong => "letter-too-long",
            Self::LetterUnedited => "letter-unedited",
            Self::LetterVagueVerb => "letter-vague-verb",
            Self::LinkNotHttps => "link-not-https",
            Self::MetricNoTimeframe => "metric-no-timeframe",
            Self::NoBlogOrCode => "no-blog-or-code",
            Self::NoCaseStudies => "no-case-studies",
            Self::NoCloud => "no-cloud",
            Self::NoDeliveryMetric => "no-delivery-metric",
            Self::NoLeadershipKind => "no-leadership-kind",
            Self::NoLinkedin => "no-linkedin",
            Self::LinkedinOutOfDate => "linkedin-out-of-date",
            Self::NoMentorshipOrCollaboration => "no-mentorship-or-collaboration",
            Self::NoModernPractice => "no-modern-practice",
            Self::NoPerformanceMetric => "no-performance-metric",
            Self::NoQualityMetric => "no-quality-metric",
            Self::NoRecommendations => "no-recommendations",
            Self::ProfileNoContact => "profile-no-contact",
            Self::ProfileNoHeadline => "profile-no-headline",
            Self::ProfileNoName => "profile-no-name",
            Self::ProfileStale => "profile-stale",
            Self::RecommendationNoAuthor => "recommendation-no-author",
            Self::RecommendationNoConsent => "recommendation-no-consent",
            Self::SummaryTooLong => "summary-too-long",
            Self::VagueVerb => "vague-verb",
        }
    }
}

impl std::fmt::Display for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What a finding points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    /// `None` for the profile and for the portfolio as a whole.
    pub kind: Option<EntityKind>,
    pub id: Option<Uuid>,
    /// The record's title, for people: "Payments re-platform".
    pub title: String,
}

/// One piece of advice not yet followed, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Which check it is: "case-study-no-metric".
    pub check: Check,
    pub severity: Severity,
    pub advice: Advice,
    pub target: Target,
    /// The field concerned, as validation names it ("metrics[0].timeframe"); empty
    /// when the finding is about the record as a whole.
    pub field: String,
    /// What is missing: "Case study 'Payments re-platform' has no metric with a baseline".
    pub message: String,
    /// What to do next: "add one, e.g. deployment frequency before and after".
    pub next_step: String,
}

/// How well one piece of advice is followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AdviceScore {
    pub advice: Advice,
    pub title: String,
    /// 0–100: the weighted share of this advice's checks that pass.
    pub score: u32,
    pub passed: u32,
    pub checks: u32,
    /// "9 of 11 checks pass (weighted 17 of 20)".
    pub explanation: String,
}

/// The coach's view of a portfolio or an edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CoachReport {
    /// 0–100: the mean of the advice scores.
    pub score: u32,
    pub explanation: String,
    pub advice: Vec<AdviceScore>,
    /// Errors first, then warnings, then tips; within each, in portfolio order.
    pub findings: Vec<Finding>,
}

/// Runs every check over `portfolio` (a whole portfolio, or what an edition selects) at
/// time `now`. `profile_updated_at` is when the profile last changed, if ever; `ats` is
/// how an applicant tracking system reads its PDF, when that was checked.
pub fn coach(
    portfolio: &Portfolio,
    profile_updated_at: Option<Timestamp>,
    now: Timestamp,
    ats: Option<&folio_ats::Report>,
) -> CoachReport {
    let mut c = tally::Coach::default();
    let whole = Target { kind: None, id: None, title: "Portfolio".into() };
    let profile_target = Target { kind: None, id: None, title: "Profile".into() };
    portfolio::portfolio_checks(&mut c, portfolio, &whole);
    profile::profile_checks(&mut c, portfolio, &profile_target, profile_updated_at, now);
    for cs in &portfolio.case_studies {
        case_study::case_study_checks(&mut c, cs);
    }
    recommendations::recommendation_checks(&mut c, portfolio, &whole);
    links::address_checks(&mut c, portfolio);
    letter::letter_checks(&mut c, portfolio);
    if let Some(ats) = ats {
        ats::ats_checks(&mut c, ats, &whole);
    }
    c.report()
}

/// A LinkedIn field copied and since outgrown, as a tip: it says what LinkedIn shows
/// that the portfolio no longer would (it counts in no score: LinkedIn is not the
/// portfolio).
fn out_of_date(field: crate::KitField) -> Finding {
    Finding {
        check: Check::LinkedinOutOfDate,
        severity: Severity::Tip,
        advice: Advice::StayCurrent,
        target: Target { kind: None, id: None, title: "LinkedIn".into() },
        field: field.key,
        message: field.stale.unwrap_or_default(),
        next_step: format!("Open the LinkedIn kit and copy your {} again", field.label),
    }
}

impl Folio {
    /// The coach's report on the whole portfolio (every record, recommendations not yet
    /// consented to included), or on what one edition exports.
    pub fn coach(&self, edition: Option<Uuid>) -> Result<CoachReport> {
        let portfolio = match edition {
            Some(id) => self.selection(Some(id))?,
            None => self.everything()?,
        };
        let updated = self.profile_updated_at()?;
        // A PDF that cannot be made says so in the preview and on export; the coach
        // then leaves the ATS out rather than failing.
        let ats = self.ats_check(&crate::ExportRequest { edition, ..Default::default() }).ok();
        let mut report = coach(&portfolio, updated, folio_store::now_millis(), ats.as_ref());
        report.findings.extend(self.linkedin_out_of_date()?.into_iter().map(out_of_date));
        Ok(report)
    }
}
