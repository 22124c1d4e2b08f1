//! Field-level validation. A [`Check`] collects every problem of a record, each with the
//! path of its field (`decisions[1].title`), and finishes as one [`Invalid`] error.

use serde::Serialize;
use ts_rs::TS;

use crate::PartialDate;

/// The sane limits on what a user may type. Generous enough for a 10,000-word case
/// study, small enough that a pasted file cannot bloat the database or the PDF.
pub mod limits {
    /// A name, title or label.
    pub const SHORT_TEXT: usize = 200;
    /// A summary or one-line note.
    pub const MEDIUM_TEXT: usize = 2_000;
    /// A Markdown body such as a case study's context.
    pub const LONG_TEXT: usize = 100_000;
    /// A URL.
    pub const URL: usize = 2_048;
    /// A file path.
    pub const PATH: usize = 4_096;
    /// What a search looks for: a few words, never a pasted document.
    pub const SEARCH: usize = 200;
    /// Entries in one list (decisions, metrics, links, technologies…).
    pub const LIST: usize = 200;
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    /// Path of the field, e.g. `title` or `metrics[0].baseline`.
    pub field: String,
    /// What is wrong, phrased to follow the field name: "must not be empty".
    pub problem: String,
}

/// A record failed validation; it lists every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", describe(.errors))]
pub struct Invalid {
    pub errors: Vec<FieldError>,
}

impl Invalid {
    /// A single problem with a single field.
    pub fn field(field: impl Into<String>, problem: impl Into<String>) -> Self {
        Self { errors: vec![FieldError { field: field.into(), problem: problem.into() }] }
    }

    /// The first field at fault, for errors that point at one place.
    pub fn first_field(&self) -> Option<&str> {
        self.errors.first().map(|e| e.field.as_str())
    }
}

impl FieldError {
    /// The same problem, its field seen from a record that holds it under `prefix`.
    pub fn under(self, prefix: &str) -> Self {
        Self { field: format!("{prefix}.{}", self.field), ..self }
    }
}

fn describe(errors: &[FieldError]) -> String {
    errors.iter().map(|e| format!("{} {}", e.field, e.problem)).collect::<Vec<_>>().join("; ")
}

/// Collects the problems of one record.
#[derive(Debug, Default)]
pub(crate) struct Check {
    errors: Vec<FieldError>,
    prefix: String,
}

impl Check {
    fn path(&self, field: &str) -> String {
        if field.is_empty() {
            self.prefix.trim_end_matches('.').to_string()
        } else {
            format!("{}{}", self.prefix, field)
        }
    }

    pub fn fail(&mut self, field: &str, problem: impl Into<String>) {
        let field = self.path(field);
        self.errors.push(FieldError { field, problem: problem.into() });
    }

    /// Validates the items of a list under `field[i].`, using `each` for one item.
    pub fn each<T>(&mut self, field: &str, items: &[T], mut each: impl FnMut(&mut Check, &T)) {
        self.count(field, items.len(), limits::LIST);
        for (i, item) in items.iter().enumerate() {
            let nested = format!("{}{field}[{i}].", self.prefix);
            let saved = std::mem::replace(&mut self.prefix, nested);
            each(self, item);
            self.prefix = saved;
        }
    }

    /// Checks the fields of one nested value, named `field.` and theirs.
    pub fn nested(&mut self, field: &str, check: impl FnOnce(&mut Check)) {
        let nested = format!("{}{field}.", self.prefix);
        let saved = std::mem::replace(&mut self.prefix, nested);
        check(self);
        self.prefix = saved;
    }

    pub fn required(&mut self, field: &str, value: &str, max: usize) {
        if value.trim().is_empty() {
            self.fail(field, "must not be empty");
        } else {
            self.text(field, value, max);
        }
    }

    /// Text of at most `max` characters; any Markdown link in it must lead to a web
    /// page or an e-mail (see [`crate::markdown`]).
    pub fn text(&mut self, field: &str, value: &str, max: usize) {
        let len = value.chars().count();
        if len > max {
            self.fail(field, format!("is {len} characters long; the limit is {max}"));
            return;
        }
        if let Some(target) = crate::markdown::refused_links(value).first() {
            let shown: String = target.chars().take(40).collect();
            self.fail(
                field,
                format!("links to \"{shown}\"; a link in the text must start with https://, http:// or mailto:"),
            );
        }
    }

    pub fn count(&mut self, field: &str, len: usize, max: usize) {
        if len > max {
            self.fail(field, format!("has {len} entries; the limit is {max}"));
        }
    }

    /// An absolute web or mail address. Empty is allowed; use `required` first when not.
    pub fn url(&mut self, field: &str, value: &str) {
        if value.is_empty() {
            return;
        }
        if value.len() > limits::URL {
            self.fail(field, format!("is longer than {} characters", limits::URL));
            return;
        }
        match url::Url::parse(value) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {}
            Ok(u) if u.scheme() == "mailto" => {}
            Ok(u) => self.fail(field, format!("must be an http(s) or mailto address, not {}:", u.scheme())),
            Err(e) => self.fail(field, format!("is not a valid address ({e}); include https://")),
        }
    }

    pub fn email(&mut self, field: &str, value: &str) {
        if !value.is_empty() && !email_address::EmailAddress::is_valid(value) {
            self.fail(field, "is not a valid email address");
        }
    }

    pub fn finite(&mut self, field: &str, value: f64) {
        if !value.is_finite() {
            self.fail(field, "must be a finite number");
        }
    }

    pub fn range(&mut self, field: &str, value: u32, min: u32, max: u32) {
        if !(min..=max).contains(&value) {
            self.fail(field, format!("must be between {min} and {max}"));
        }
    }

    /// `end` (if any) must not come before `start` (if any).
    pub fn period(&mut self, start: Option<&PartialDate>, end: Option<&PartialDate>) {
        if let (Some(start), Some(end)) = (start, end) {
            if end.is_before(start) {
                self.fail("end", format!("({end}) is before the start ({start})"));
            }
        }
    }

    pub fn finish(self) -> Result<(), Invalid> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Invalid { errors: self.errors })
        }
    }
}
