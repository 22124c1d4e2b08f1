//! Editions: one tailored portfolio per application, and the log of what was exported.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::entity::join_text;
use crate::validate::{limits, Check};
use crate::{CoverLetter, Entity, EntityKind, Invalid, Portfolio, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// What an export is: a résumé of one or two pages, experience first; the full
/// portfolio — that résumé, then every case study in full; the edition's cover letter
/// on one page; or the application bundle — the letter, the résumé, then the case
/// studies, in one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentFormat {
    #[default]
    Portfolio,
    Resume,
    Letter,
    Bundle,
}

impl DocumentFormat {
    pub fn label(self) -> &'static str {
        match self {
            Self::Portfolio => "Portfolio",
            Self::Resume => "Résumé",
            Self::Letter => "Cover letter",
            Self::Bundle => "Application",
        }
    }
}

/// The type of file an export writes: the PDF the theme lays out, or the same
/// document as a Word file to edit, plain text to paste into a form's boxes, or
/// Markdown for version control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
pub enum FileType {
    #[default]
    #[serde(rename = "pdf")]
    Pdf,
    #[serde(rename = "docx")]
    Docx,
    #[serde(rename = "txt")]
    Text,
    #[serde(rename = "md")]
    Markdown,
}

impl FileType {
    pub const ALL: [FileType; 4] = [Self::Pdf, Self::Docx, Self::Text, Self::Markdown];

    /// The file name's extension, which is also how the CLI names the format.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::Text => "txt",
            Self::Markdown => "md",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Docx => "Word",
            Self::Text => "Plain text",
            Self::Markdown => "Markdown",
        }
    }

    /// The format a file name's extension names, in any case.
    pub fn from_extension(extension: &str) -> Option<FileType> {
        Self::ALL.into_iter().find(|f| f.extension().eq_ignore_ascii_case(extension))
    }
}

/// The sections of an exported portfolio, in their default order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    Summary,
    CaseStudies,
    Recommendations,
    Skills,
    Experience,
    Certifications,
    Education,
    Writing,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Self::Summary,
        Self::CaseStudies,
        Self::Recommendations,
        Self::Skills,
        Self::Experience,
        Self::Certifications,
        Self::Education,
        Self::Writing,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::Summary => "Summary",
            Self::CaseStudies => "Case studies",
            Self::Recommendations => "Recommendations",
            Self::Skills => "Skills",
            Self::Experience => "Experience",
            Self::Certifications => "Certifications",
            Self::Education => "Education",
            Self::Writing => "Writing & talks",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SectionToggle {
    pub section: Section,
    pub enabled: bool,
}

/// A portfolio tailored to one application: what to include, in what order, and how
/// it looks. An empty selection means "everything, in manual order".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Edition {
    pub name: String,
    pub target_role: String,
    pub target_company: String,
    pub posting_url: String,
    pub notes: String,
    /// A theme name known to the renderer ("modern", "classic", "compact").
    pub theme: String,
    pub paper: Paper,
    pub format: DocumentFormat,
    /// `#rrggbb`, or empty for the theme's own accent.
    pub accent: String,
    /// Sections in order, each on or off. Sections missing here follow, enabled.
    pub sections: Vec<SectionToggle>,
    pub case_studies: Vec<Uuid>,
    pub recommendations: Vec<Uuid>,
    pub skills: Vec<Uuid>,
    /// The job posting this edition answers, pasted as text: what tailoring matches.
    pub posting: String,
    /// Organisations this edition names only by a description.
    pub redactions: Vec<Redaction>,
    /// Metrics show their relative change only, never an absolute value.
    pub relative_metrics: bool,
    /// Links marked internal are exported too (by default they are left out).
    pub internal_links: bool,
    /// The cover letter sent with it (boxed: most of an edition's size, and seldom read).
    pub letter: Box<CoverLetter>,
}

/// An organisation that an edition never names: every mention reads as `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Redaction {
    /// The name to hide: "Acme Payments".
    pub organisation: String,
    /// What to say instead: "a top-10 European bank".
    pub replacement: String,
}

impl Redaction {
    /// Whether nothing is typed yet: such a row hides nothing.
    pub fn is_blank(&self) -> bool {
        self.organisation.trim().is_empty() && self.replacement.trim().is_empty()
    }
}

impl Default for Edition {
    fn default() -> Self {
        Self {
            name: String::new(),
            target_role: String::new(),
            target_company: String::new(),
            posting_url: String::new(),
            notes: String::new(),
            theme: "modern".into(),
            paper: Paper::default(),
            format: DocumentFormat::default(),
            accent: String::new(),
            sections: Vec::new(),
            case_studies: Vec::new(),
            recommendations: Vec::new(),
            skills: Vec::new(),
            posting: String::new(),
            redactions: Vec::new(),
            relative_metrics: false,
            internal_links: false,
            letter: Box::default(),
        }
    }
}

impl Edition {
    /// The sections to show, in order: the edition's toggles first, then any section
    /// the edition does not mention (new sections appear rather than vanish).
    pub fn enabled_sections(&self) -> Vec<Section> {
        let mut out: Vec<Section> = self.sections.iter().filter(|t| t.enabled).map(|t| t.section).collect();
        for s in Section::ALL {
            if !self.sections.iter().any(|t| t.section == s) {
                out.push(s);
            }
        }
        out
    }
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

impl Entity for Edition {
    const KIND: EntityKind = EntityKind::Edition;

    fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::default();
        c.required("name", &self.name, limits::SHORT_TEXT);
        c.text("targetRole", &self.target_role, limits::SHORT_TEXT);
        c.text("targetCompany", &self.target_company, limits::SHORT_TEXT);
        c.url("postingUrl", &self.posting_url);
        c.text("notes", &self.notes, limits::LONG_TEXT);
        c.required("theme", &self.theme, 40);
        if !self.accent.is_empty() && !is_hex_colour(&self.accent) {
            c.fail("accent", "must be a colour written as #rrggbb");
        }
        let mut seen = Vec::new();
        for (i, t) in self.sections.iter().enumerate() {
            if seen.contains(&t.section) {
                c.fail(&format!("sections[{i}]"), format!("repeats the section {:?}", t.section.title()));
            }
            seen.push(t.section);
        }
        c.count("caseStudies", self.case_studies.len(), 10_000);
        c.count("recommendations", self.recommendations.len(), 10_000);
        c.count("skills", self.skills.len(), 10_000);
        c.text("posting", &self.posting, limits::LONG_TEXT);
        c.each("redactions", &self.redactions, |c, r| {
            // A row left blank is no redaction: the app adds one before it is typed into.
            if r.is_blank() {
                return;
            }
            c.required("organisation", &r.organisation, limits::SHORT_TEXT);
            c.required("replacement", &r.replacement, limits::SHORT_TEXT);
            if r.organisation.trim().chars().filter(|ch| ch.is_alphanumeric()).count() < 2 {
                c.fail("organisation", "must name an organisation (two letters or more)");
            }
            let name = r.organisation.trim().to_lowercase();
            if !name.is_empty() && r.replacement.to_lowercase().contains(&name) {
                c.fail("replacement", "must not name the organisation it hides");
            }
        });
        self.letter.check(&mut c);
        c.finish()
    }

    fn title(&self) -> String {
        self.name.clone()
    }

    fn search_text(&self) -> String {
        join_text([self.name.as_str(), &self.target_role, &self.target_company, &self.notes])
    }
}

/// Exactly what one export contained, kept with its record so that a user can see
/// later what an application received: the portfolio as it was laid out (redactions
/// applied) and what the renderer was given besides it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportSnapshot {
    pub portfolio: Portfolio,
    pub theme: String,
    pub paper: Paper,
    /// Absent from snapshots taken before there was a choice: those were portfolios.
    #[serde(default)]
    pub format: DocumentFormat,
    /// Absent from snapshots taken before there was a choice: those were PDFs.
    #[serde(default)]
    pub file: FileType,
    /// The creation time written into the PDF, seconds since the Unix epoch.
    #[ts(type = "number")]
    pub created: i64,
}

impl ExportSnapshot {
    /// The portfolio checked as live data is, and a theme name of sane length (whether
    /// the theme exists is the renderer's to say).
    pub fn validate(&self) -> Result<(), Invalid> {
        let mut errors = self.portfolio.validate().err().map(|i| i.errors).unwrap_or_default();
        errors = errors.into_iter().map(|e| e.under("portfolio")).collect();
        let mut c = Check::default();
        c.required("theme", &self.theme, limits::SHORT_TEXT);
        errors.extend(c.finish().err().map(|i| i.errors).unwrap_or_default());
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Invalid { errors })
        }
    }
}

/// One export of one edition: what was written, where and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportRecord {
    pub id: Uuid,
    pub edition: Option<Uuid>,
    #[ts(type = "number")]
    pub exported_at: Timestamp,
    pub path: String,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// The PDF's pages; 0 for a file that has none of its own (Word, text, Markdown).
    pub pages: u32,
    #[ts(type = "number")]
    pub bytes: u64,
}

impl ExportRecord {
    /// What a record read from a file must be before it is kept: its path a file path
    /// on this machine (never a URL or a program to run — though even then Folio only
    /// ever opens the file this machine wrote), its hash a SHA-256.
    pub fn validate(&self) -> Result<(), Invalid> {
        let mut c = Check::default();
        let path = std::path::Path::new(&self.path);
        if self.path.chars().any(char::is_control) || self.path.len() > limits::PATH {
            c.fail("path", "is not a file path");
        } else if !path.is_absolute() || self.path.contains("://") {
            c.fail("path", format!("must be the absolute path of a file, not \"{}\"", self.path));
        }
        if self.sha256.len() != 64 || !self.sha256.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            c.fail("sha256", "must be 64 lower-case hex digits");
        }
        c.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_the_edition_omits_follow_its_own_order() {
        let edition = Edition {
            sections: vec![
                SectionToggle { section: Section::Skills, enabled: true },
                SectionToggle { section: Section::Summary, enabled: false },
            ],
            ..Edition::default()
        };
        let sections = edition.enabled_sections();
        assert_eq!(sections[0], Section::Skills);
        assert!(!sections.contains(&Section::Summary));
        assert_eq!(sections.len(), Section::ALL.len() - 1);
    }

    #[test]
    fn an_accent_that_is_not_a_hex_colour_is_refused() {
        let edition = Edition { name: "Acme".into(), accent: "blue".into(), ..Edition::default() };
        assert_eq!(edition.validate().unwrap_err().first_field(), Some("accent"));
    }
}
