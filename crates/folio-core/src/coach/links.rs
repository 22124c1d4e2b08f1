//! Checks on the addresses a reader may open — the profile's and a case study's links,
//! and the pages of writing and credentials, which the PDF prints as links — that each
//! is https or a mail address. A recommendation's source is checked with the
//! recommendation.

use folio_model::{EntityKind, Portfolio};

use super::tally::{fail, Coach};
use super::wording::named;
use super::Advice::KeepItClean;
use super::Severity::Warning;
use super::{Check, Target};

/// Whether a URL is one a reader can open safely: https, or a mail address. An empty
/// one is never printed, so it passes.
pub(super) fn is_secure(url: &str) -> bool {
    let url = url.trim().to_ascii_lowercase();
    url.is_empty() || url.starts_with("https://") || url.starts_with("mailto:")
}

/// One check per link of a record's `links` list, given as (index in the list, URL);
/// `message` says which link fails, given its trimmed URL.
pub(super) fn link_checks<'a>(
    c: &mut Coach,
    target: &Target,
    links: impl IntoIterator<Item = (usize, &'a str)>,
    message: impl Fn(&str) -> String,
) {
    for (i, url) in links {
        c.check(
            fail(Check::LinkNotHttps, Warning, KeepItClean, target, &format!("links[{i}].url")),
            is_secure(url),
            || (message(url.trim()), "Use the https:// address; readers and their browsers distrust plain http".into()),
        );
    }
}

/// The addresses of writing and credentials, which the PDF prints as links.
pub(super) fn address_checks(c: &mut Coach, p: &Portfolio) {
    let writing = p.writing.iter().map(|w| (EntityKind::Writing, w.id, w.item.title.as_str(), w.item.url.as_str()));
    let credentials =
        p.certifications.iter().map(|x| (EntityKind::Certification, x.id, x.item.name.as_str(), x.item.url.as_str()));
    for (kind, id, title, url) in writing.chain(credentials) {
        let t = Target { kind: Some(kind), id: Some(id), title: named(title) };
        c.check(fail(Check::LinkNotHttps, Warning, KeepItClean, &t, "url"), is_secure(url), || {
            (format!("The link of '{}' is not https", t.title), "Use the https:// address".into())
        });
    }
}
