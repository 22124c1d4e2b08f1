//! Checks on the profile: that it says who you are and how to reach you, and that your
//! public presence is linked and current.

use folio_model::{LinkKind, Portfolio, Timestamp};

use super::links::link_checks;
use super::tally::{fail, Coach};
use super::Advice::{KeepItClean, StayCurrent};
use super::Severity::{Error, Tip, Warning};
use super::{Check, Target};

/// How long a profile stays current without being touched, in milliseconds.
const SIX_MONTHS_MS: i64 = 183 * 24 * 3600 * 1000;

/// The profile checks: who you are, its links, your public presence and its age.
pub(super) fn profile_checks(
    c: &mut Coach,
    p: &Portfolio,
    target: &Target,
    updated_at: Option<Timestamp>,
    now: Timestamp,
) {
    identity_checks(c, p, target);
    let links = p.profile.links.iter().map(|l| l.url.as_str()).enumerate();
    link_checks(c, target, links, |url| format!("The profile link {url} is not https"));
    presence_checks(c, p, target);
    if let Some(updated) = updated_at {
        age_check(c, target, updated, now);
    }
}

/// Keep it clean: a name, a headline and a way to reach you.
fn identity_checks(c: &mut Coach, p: &Portfolio, target: &Target) {
    let profile = &p.profile;
    c.check(
        fail(Check::ProfileNoName, Error, KeepItClean, target, "fullName"),
        !profile.full_name.trim().is_empty(),
        || ("The profile has no name".into(), "Add your name: it heads every page of the PDF".into()),
    );
    c.check(
        fail(Check::ProfileNoHeadline, Warning, KeepItClean, target, "headline"),
        !profile.headline.trim().is_empty(),
        || {
            (
                "The profile has no headline".into(),
                "Add one line that says who you are, e.g. \"Staff engineer, payments infrastructure\"".into(),
            )
        },
    );
    c.check(
        fail(Check::ProfileNoContact, Warning, KeepItClean, target, "email"),
        !profile.email.trim().is_empty() || !profile.links.is_empty(),
        || ("The profile gives no way to reach you".into(), "Add an e-mail address or a link".into()),
    );
}

/// Stay current: a LinkedIn profile, and some public technical work — a GitHub or blog
/// link, or a piece of writing.
fn presence_checks(c: &mut Coach, p: &Portfolio, target: &Target) {
    let links = &p.profile.links;
    c.check(
        fail(Check::NoLinkedin, Tip, StayCurrent, target, "links"),
        links.iter().any(|l| l.kind == LinkKind::Linkedin),
        || ("The profile has no LinkedIn link".into(), "Add your LinkedIn profile and keep it in step".into()),
    );
    c.check(
        fail(Check::NoBlogOrCode, Tip, StayCurrent, target, "links"),
        links.iter().any(|l| matches!(l.kind, LinkKind::Github | LinkKind::Blog)) || !p.writing.is_empty(),
        || {
            (
                "Nothing shows your public technical work".into(),
                "Link your GitHub or technical blog, or list a post or talk under Writing & talks".into(),
            )
        },
    );
}

/// Stay current: the profile changed within six months of `now`.
fn age_check(c: &mut Coach, target: &Target, updated: Timestamp, now: Timestamp) {
    let months = (now - updated) / (30 * 24 * 3600 * 1000);
    c.check(fail(Check::ProfileStale, Warning, StayCurrent, target, ""), now - updated < SIX_MONTHS_MS, || {
        (
            format!("The profile was last updated {months} months ago"),
            "Read it again: headline, summary and links should say where you are now".into(),
        )
    });
}
