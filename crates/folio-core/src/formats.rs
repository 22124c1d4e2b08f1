//! An export snapshot as a Word file, plain text or Markdown: the outline of what the
//! PDF prints (folio-formats), with the theme's look and the images as kept, checked
//! for redacted names before a byte is handed back.

use folio_formats::{Block, Font, Look, Outline, Picture, Pictures};
use folio_model::markdown::Inline;
use folio_model::{Edition, ExportSnapshot, FileType, Paper, Redaction};
use folio_render::{paper_size, Family, Rgb, Theme};

use crate::{redact, Folio, Result};

/// A file in memory, before it is written anywhere.
#[derive(Debug, Clone)]
pub struct Written {
    pub bytes: Vec<u8>,
    /// A PDF's pages; 0 for the other types, which have none of their own.
    pub pages: u32,
    pub theme: &'static str,
    pub paper: Paper,
    pub warnings: Vec<String>,
}

impl Folio {
    /// A snapshot written as its file type says, in memory: the same snapshot gives
    /// the same PDF, text or Markdown, so a past export can be written again.
    pub fn write_snapshot(&self, snapshot: &ExportSnapshot) -> Result<Written> {
        if snapshot.file == FileType::Pdf {
            let r = self.render_snapshot(snapshot)?;
            return Ok(Written {
                bytes: r.bytes,
                pages: r.pages,
                theme: r.theme,
                paper: r.paper,
                warnings: r.warnings,
            });
        }
        let theme = crate::export::theme_named(&snapshot.theme)?;
        let bytes = self.write_document(snapshot, theme)?;
        Ok(Written { bytes, pages: 0, theme: theme.name, paper: snapshot.paper, warnings: Vec::new() })
    }

    /// A snapshot written as Word, plain text or Markdown.
    fn write_document(&self, snapshot: &ExportSnapshot, theme: &Theme) -> Result<Vec<u8>> {
        let portfolio = &snapshot.portfolio;
        let outline = folio_formats::outline(portfolio, snapshot.format);
        let edition: Option<&Edition> = portfolio.edition.as_ref().map(|e| &e.item);
        if let Some(e) = edition {
            check_no_trace(&outline, &e.redactions)?;
        }
        Ok(match snapshot.file {
            FileType::Docx => {
                let accent = edition.and_then(|e| Rgb::parse_hex(&e.accent));
                let mut pictures = Pictures::new();
                for (id, image) in self.images_of(portfolio)?.iter() {
                    // As kept: a JPEG or a PNG, normalised on import.
                    let picture = Picture { bytes: image.bytes.clone(), width: image.width, height: image.height };
                    pictures.insert(*id, picture);
                }
                folio_formats::docx(&outline, &look(theme, snapshot.paper, accent), &pictures)?
            }
            FileType::Text => folio_formats::text(&outline).into_bytes(),
            FileType::Markdown => folio_formats::markdown(&outline).into_bytes(),
            FileType::Pdf => self.render_snapshot(snapshot)?.bytes,
        })
    }
}

/// Refuses an outline in which a redacted name can still be read: in its words, the
/// addresses of its links, the pictures' descriptions or the file's properties.
fn check_no_trace(outline: &Outline, redactions: &[Redaction]) -> Result<()> {
    fn inlines<'a>(text: &'a [Inline], words: &mut Vec<&'a str>) {
        for inline in text {
            words.push(&inline.text);
            words.extend(inline.link.as_deref());
        }
    }
    let mut words: Vec<&str> = Vec::new();
    for block in &outline.blocks {
        match block {
            Block::Title(text) | Block::Subtitle(text) => words.push(text),
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Fields(text) | Block::Item { text, .. } => {
                inlines(text, &mut words)
            }
            Block::Quote { text, by } => {
                inlines(text, &mut words);
                inlines(by, &mut words);
            }
            Block::Figure { alt, caption, .. } => words.extend([alt.as_str(), caption.as_str()]),
            Block::Break => {}
        }
    }
    redact::check_text(&words.join(" \n "), redactions, "the document")?;
    let p = &outline.properties;
    let properties = [p.title.as_str(), &p.author, &p.subject, &p.keywords.join(" \n ")].join(" \n ");
    redact::check_text(&properties, redactions, "the file's properties")
}

/// A theme's look, in the terms a Word file takes.
fn look(theme: &Theme, paper: Paper, accent: Option<Rgb>) -> Look {
    let font = |family: Family| match family {
        Family::Sans => Font::Sans,
        Family::Serif => Font::Serif,
    };
    let hex = |Rgb(r, g, b): Rgb| format!("{r:02x}{g:02x}{b:02x}");
    let size = paper_size(paper);
    let mm = |pt: f32| pt * 25.4 / 72.0;
    Look {
        body_font: font(theme.body),
        heading_font: font(theme.headings),
        body_size: theme.body_size.0,
        small_size: theme.small_size.0,
        name_size: theme.name_size.0,
        section_size: theme.section_size.0,
        title_size: theme.title_size.0,
        text: hex(theme.text),
        muted: hex(theme.muted),
        accent: hex(accent.unwrap_or(theme.accent)),
        paper_mm: (mm(size.width.0), mm(size.height.0)),
        margin_x_mm: theme.margin_x.0,
        margin_top_mm: theme.margin_top.0,
        margin_bottom_mm: theme.margin_bottom.0,
    }
}
