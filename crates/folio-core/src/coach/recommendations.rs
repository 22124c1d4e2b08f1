//! Checks on recommendations: that there are some, that one speaks to mentorship or
//! collaboration, and that each names its author, has their consent and links its
//! source safely.

use folio_model::{EntityKind, Portfolio, Recommendation, RecommendationTheme, Stored};

use super::links::is_secure;
use super::tally::{fail, Coach};
use super::wording::named;
use super::Advice::{KeepItClean, Recommendations};
use super::Severity::{Tip, Warning};
use super::{Check, Target};

/// The recommendation checks: the list as a whole, then each recommendation in order.
pub(super) fn recommendation_checks(c: &mut Coach, p: &Portfolio, whole: &Target) {
    let list = &p.recommendations;
    c.check(fail(Check::NoRecommendations, Warning, Recommendations, whole, ""), !list.is_empty(), || {
        (
            "The portfolio has no recommendation".into(),
            "Ask a manager or a colleague you mentored for a few sentences about working with you".into(),
        )
    });
    if list.is_empty() {
        return;
    }
    theme_check(c, list, whole);
    for r in list {
        one_recommendation_checks(c, r);
    }
}

/// Some recommendation is tagged with mentorship or collaboration.
fn theme_check(c: &mut Coach, list: &[Stored<Recommendation>], whole: &Target) {
    let speaks = |r: &Stored<Recommendation>| {
        r.item.themes.iter().any(|t| matches!(t, RecommendationTheme::Mentorship | RecommendationTheme::Collaboration))
    };
    c.check(
        fail(Check::NoMentorshipOrCollaboration, Warning, Recommendations, whole, ""),
        list.iter().any(speaks),
        || {
            (
                "No recommendation speaks to mentorship or collaboration".into(),
                "Ask someone you mentored or worked closely with, and tag the recommendation's themes".into(),
            )
        },
    );
}

/// One recommendation: its author, their consent, and the address of its source.
fn one_recommendation_checks(c: &mut Coach, r: &Stored<Recommendation>) {
    let author = named(&r.item.author_name);
    let t = Target { kind: Some(EntityKind::Recommendation), id: Some(r.id), title: author.clone() };
    c.check(
        fail(Check::RecommendationNoAuthor, Warning, Recommendations, &t, "authorName"),
        !r.item.author_name.trim().is_empty(),
        || {
            (
                "A recommendation does not say who gave it".into(),
                "Add their name; until then it is left out of exports".into(),
            )
        },
    );
    c.check(fail(Check::RecommendationNoConsent, Tip, Recommendations, &t, "consent"), r.item.consent, || {
        (
            format!("{author} has not agreed to share the recommendation"),
            "Ask them; until then it is left out of exports".into(),
        )
    });
    c.check(fail(Check::LinkNotHttps, Warning, KeepItClean, &t, "sourceUrl"), is_secure(&r.item.source_url), || {
        (format!("The source link of {author}'s recommendation is not https"), "Use the https:// address".into())
    });
}
