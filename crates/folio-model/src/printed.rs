//! What every document prints the same way, whatever its file — PDF, Word, text or
//! Markdown: its properties, and the one-line details of a certification, a school and
//! a piece of writing.

use crate::{Certification, DocumentFormat, Education, Portfolio, Writing, WritingKind};

/// A document's properties: the title, author and subject a file manager, a PDF viewer
/// and Word show of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocumentInfo {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// A BCP 47 tag ("en-GB").
    pub language: String,
}

impl DocumentInfo {
    /// "Maya Okafor — Résumé", for the Staff Engineer role at Northwind, keyed by the
    /// skills.
    pub fn of(p: &Portfolio, format: DocumentFormat) -> Self {
        let name = p.profile.full_name.trim();
        let kind = format.label();
        let subject = match p.edition.as_ref().map(|e| &e.item) {
            Some(e) if !e.target_role.is_empty() && !e.target_company.is_empty() => {
                format!("{kind} for the {} role at {}", e.target_role, e.target_company)
            }
            Some(e) if !e.target_role.is_empty() => format!("{kind} for the {} role", e.target_role),
            _ => p.profile.headline.clone(),
        };
        DocumentInfo {
            title: if name.is_empty() { kind.into() } else { format!("{name} — {kind}") },
            author: name.to_string(),
            subject,
            keywords: p.skills.iter().map(|s| s.item.name.clone()).collect(),
            language: p.profile.language_tag().into(),
        }
    }
}

impl Certification {
    /// What follows its name: issuer, date, "valid until …", "ID …"; empty when unknown.
    pub fn details(&self) -> [String; 4] {
        let expiry = self.expiry.map(|e| format!("valid until {}", e.without_day().human())).unwrap_or_default();
        let id = match self.credential_id.trim() {
            "" => String::new(),
            id => format!("ID {id}"),
        };
        let date = self.date.map(|d| d.without_day().human()).unwrap_or_default();
        [self.issuer.clone(), date, expiry, id]
    }
}

impl Education {
    /// The degree and its field as printed: "BSc, Computer Science"; empty when neither.
    pub fn degree_line(&self) -> String {
        [self.degree.trim(), self.field.trim()].into_iter().filter(|d| !d.is_empty()).collect::<Vec<_>>().join(", ")
    }
}

impl WritingKind {
    pub fn label(self) -> &'static str {
        match self {
            WritingKind::Post => "Post",
            WritingKind::Talk => "Talk",
            WritingKind::Paper => "Paper",
            WritingKind::OpenSource => "Open source",
        }
    }
}

impl Writing {
    /// What follows its title: its kind, where, and when.
    pub fn details(&self) -> [String; 3] {
        let date = self.date.map(|d| d.without_day().human()).unwrap_or_default();
        [self.kind.label().to_string(), self.venue.clone(), date]
    }
}
