//! The person the portfolio is about.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::validate::{limits, Check};
use crate::Invalid;

/// Where a profile link points; decides its icon and label in the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    Linkedin,
    Github,
    Blog,
    #[default]
    Website,
    Other,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ProfileLink {
    pub label: String,
    pub url: String,
    pub kind: LinkKind,
}

impl ProfileLink {
    /// Neither a label nor an address: a row added and not filled in yet.
    pub fn is_blank(&self) -> bool {
        self.label.trim().is_empty() && self.url.trim().is_empty()
    }
}

/// The one profile of a portfolio. Every field may be empty while drafting; only
/// well-formedness is checked.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Profile {
    pub full_name: String,
    pub headline: String,
    /// Markdown.
    pub summary: String,
    pub email: String,
    pub phone: String,
    pub location: String,
    pub links: Vec<ProfileLink>,
    /// The asset of the profile photo.
    pub photo: Option<Uuid>,
    /// The language the portfolio is written in, as a BCP 47 tag ("en", "en-GB",
    /// "ar"): what a PDF says of itself, for screen readers and hyphenation. Empty:
    /// English.
    pub language: String,
}

/// Whether `tag` is empty or has the shape of a BCP 47 language tag: a language of two
/// or three letters, then subtags of letters and digits ("en", "en-GB", "zh-Hant-TW").
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    tag.is_empty()
        || ((2..=3).contains(&language.len())
            && language.bytes().all(|b| b.is_ascii_alphabetic())
            && tag.len() <= 35
            && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric())))
}

impl Profile {
    /// The language tag a document says it is in: the profile's, else English.
    pub fn language_tag(&self) -> &str {
        match self.language.trim() {
            "" => "en",
            tag => tag,
        }
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::default();
        c.text("fullName", &self.full_name, limits::SHORT_TEXT);
        c.text("headline", &self.headline, limits::SHORT_TEXT);
        c.text("summary", &self.summary, limits::LONG_TEXT);
        c.email("email", &self.email);
        c.text("phone", &self.phone, limits::SHORT_TEXT);
        c.text("location", &self.location, limits::SHORT_TEXT);
        if !is_language_tag(&self.language) {
            let shown: String = self.language.chars().take(40).collect();
            c.fail("language", format!("\"{shown}\" is not a language tag; write e.g. en, en-GB, de or ar"));
        }
        c.each("links", &self.links, |c, link| {
            // A row just added and not yet filled is no link and no error.
            if link.is_blank() {
                return;
            }
            c.text("label", &link.label, limits::SHORT_TEXT);
            c.required("url", &link.url, limits::URL);
            c.url("url", &link.url);
        });
        c.finish()
    }

    /// The profile as it is kept: link rows added but never filled are left out.
    pub fn drop_blank_rows(&mut self) {
        self.links.retain(|l| !l.is_blank());
    }

    /// Whether the user has typed anything at all.
    pub fn is_empty(&self) -> bool {
        self == &Profile::default()
    }
}

/// A web address as people read it: no scheme, no `www.`, no trailing slash — what
/// every document prints for a link ("github.com/ada", "ada@example.com").
pub fn display_url(url: &str) -> &str {
    let url = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).unwrap_or(url);
    let url = url.strip_prefix("mailto:").unwrap_or(url);
    let url = url.strip_prefix("www.").unwrap_or(url);
    url.trim_end_matches('/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_malformed_email_and_link_are_reported_with_their_fields() {
        let profile = Profile {
            email: "jane.example.com".into(),
            links: vec![ProfileLink { label: "Blog".into(), url: "blog.example.com".into(), kind: LinkKind::Blog }],
            ..Profile::default()
        };
        let err = profile.validate().unwrap_err();
        let fields: Vec<_> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "links[0].url"]);
    }

    #[test]
    fn the_language_is_a_tag_or_empty_for_english() {
        for tag in ["", "en", "en-GB", "ar", "zh-Hant-TW", "de-CH-1996"] {
            let profile = Profile { language: tag.into(), ..Profile::default() };
            assert!(profile.validate().is_ok(), "{tag}");
        }
        for tag in ["English", "e", "en GB", "en_GB", "ar-", "123"] {
            let err = Profile { language: tag.into(), ..Profile::default() }.validate().unwrap_err();
            assert_eq!(err.errors[0].field, "language");
            assert!(err.errors[0].problem.contains("is not a language tag"), "{tag}: {}", err.errors[0].problem);
        }
        assert_eq!(Profile::default().language_tag(), "en");
        assert_eq!(Profile { language: " ar ".into(), ..Profile::default() }.language_tag(), "ar");
    }

    #[test]
    fn an_empty_profile_is_a_valid_draft() {
        assert!(Profile::default().validate().is_ok());
    }
}
