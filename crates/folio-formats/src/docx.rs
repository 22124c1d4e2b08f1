//! Word (.docx), for a recruiter who wants to edit: the outline written with Word's own
//! styles — Title, Subtitle, Heading 1 to 3, List Bullet and List Number, Quote,
//! Caption, Hyperlink — so that a new heading looks like the others and a table of
//! contents finds them; links as links, images inline with their alternative text;
//! the theme's fonts named, with a font every Word has to fall back on.
//!
//! Written with docx-rs. What docx-rs 0.4 cannot say is added to its parts afterwards
//! in [`package`]: the document's properties, the figures' alternative text and the
//! fonts' fallbacks.

use std::collections::HashMap;
use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, Docx, Hyperlink, HyperlinkType, IndentLevel, Level, LevelJc, LevelOverride, LevelText,
    LineSpacing, LineSpacingType, NumberFormat, Numbering, NumberingId, PageMargin, Paragraph, Pic, Run, RunFonts,
    SpecialIndentType, Start, Style, StyleType,
};
use folio_model::markdown::Inline;
use uuid::Uuid;

use crate::outline::{Block, Outline};
use crate::package;

/// How a document looks, from its theme: fonts, sizes in points, colours as
/// `rrggbb`, the paper and its margins in millimetres.
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    pub body_font: Font,
    pub heading_font: Font,
    pub body_size: f32,
    pub small_size: f32,
    pub name_size: f32,
    pub section_size: f32,
    pub title_size: f32,
    pub text: String,
    pub muted: String,
    pub accent: String,
    pub paper_mm: (f32, f32),
    pub margin_x_mm: f32,
    pub margin_top_mm: f32,
    pub margin_bottom_mm: f32,
}

/// A font the PDF embeds, and the one every Word has that stands in for it where it
/// is not installed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    Sans,
    Serif,
}

impl Font {
    pub fn name(self) -> &'static str {
        match self {
            Font::Sans => "Noto Sans",
            Font::Serif => "Noto Serif",
        }
    }

    pub fn fallback(self) -> &'static str {
        match self {
            Font::Sans => "Arial",
            Font::Serif => "Times New Roman",
        }
    }

    /// Word's font family class, which it also falls back on.
    pub(crate) fn family(self) -> &'static str {
        match self {
            Font::Sans => "swiss",
            Font::Serif => "roman",
        }
    }
}

/// An image as Word takes it: JPEG or PNG bytes, and their size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The pictures a document shows, by asset; a figure whose picture is missing is
/// left out, as in the PDF.
pub type Pictures = HashMap<Uuid, Picture>;

/// Why a Word file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the Word file could not be packed: {0}")]
    Pack(String),
    #[error("the Word file's XML could not be written: {0}")]
    Xml(String),
}

/// Numbering ids: docx-rs defines 1 itself; bullets are 2, and each numbered list is
/// an instance of the numbered definition (3), numbered from 1 again.
const BULLETS: usize = 2;
const NUMBERS: usize = 3;
/// Points to Word's half-points (font sizes).
fn half_points(pt: f32) -> usize {
    (pt * 2.0).round() as usize
}
/// Points to Word's twentieths of a point (spacing).
fn twips(pt: f32) -> u32 {
    (pt * 20.0).round() as u32
}
fn mm_twips(mm: f32) -> i32 {
    (mm / 25.4 * 1440.0).round() as i32
}

/// The outline as a Word file.
pub fn docx(outline: &Outline, look: &Look, pictures: &Pictures) -> Result<Vec<u8>, Error> {
    let mut doc = styled(Docx::new(), look);
    let text_width_px = {
        let width_mm = look.paper_mm.0 - 2.0 * look.margin_x_mm;
        (width_mm / 25.4 * 96.0) as u32
    };
    let mut pass = Pass {
        pictures,
        text_width_px,
        figures: Vec::new(),
        numbered_lists: Vec::new(),
        numbering: false,
        broken: false,
    };
    for block in &outline.blocks {
        for paragraph in pass.paragraphs(block) {
            doc = doc.add_paragraph(paragraph);
        }
    }
    for &list in &pass.numbered_lists {
        doc = doc.add_numbering(Numbering::new(list, NUMBERS).add_override(LevelOverride::new(0).start(1)));
    }
    let mut xml = doc.build();
    let jpegs = package::finish(&mut xml, &outline.properties, look, &pass.figures)?;
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| Error::Pack(e.to_string()))?;
    jpegs.rename(out.into_inner())
}

/// The page, the defaults and every style the document uses.
fn styled(doc: Docx, look: &Look) -> Docx {
    let fonts = |f: Font| RunFonts::new().ascii(f.name()).hi_ansi(f.name()).cs(f.name()).east_asia(f.name());
    let heading = |id: &str, name: &str, size: f32, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .fonts(fonts(look.heading_font))
            .size(half_points(size))
            .bold()
            .color(&look.accent)
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(twips(size * 0.9)).after(twips(size * 0.3)))
    };
    // The list's numbering is set on each item, with its level.
    let list = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .line_spacing(LineSpacing::new().after(twips(2.0)))
    };
    let (page_w, page_h) = (mm_twips(look.paper_mm.0) as u32, mm_twips(look.paper_mm.1) as u32);
    let margin_x = mm_twips(look.margin_x_mm);
    doc.page_size(page_w, page_h)
        .page_margin(
            PageMargin::new()
                .top(mm_twips(look.margin_top_mm))
                .bottom(mm_twips(look.margin_bottom_mm))
                .left(margin_x)
                .right(margin_x),
        )
        .default_fonts(fonts(look.body_font))
        .default_size(half_points(look.body_size))
        .default_line_spacing(
            LineSpacing::new().after(twips(look.body_size * 0.5)).line(264).line_rule(LineSpacingType::Auto),
        )
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .fonts(fonts(look.heading_font))
                .size(half_points(look.name_size))
                .bold()
                .color(&look.text),
        )
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .based_on("Normal")
                .next("Normal")
                .size(half_points(look.body_size * 1.25))
                .color(&look.accent),
        )
        .add_style(heading("Heading1", "heading 1", look.section_size, 0))
        .add_style(heading("Heading2", "heading 2", look.title_size, 1).color(&look.text))
        .add_style(heading("Heading3", "heading 3", look.body_size, 2))
        .add_style(
            Style::new("Details", StyleType::Paragraph)
                .name("Details")
                .based_on("Normal")
                .size(half_points(look.small_size))
                .color(&look.muted),
        )
        .add_style(list("ListBullet", "List Bullet"))
        .add_style(list("ListNumber", "List Number"))
        .add_style(Style::new("Quote", StyleType::Paragraph).name("Quote").based_on("Normal").italic().indent(
            Some(mm_twips(6.0)),
            None,
            None,
            None,
        ))
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("Caption")
                .based_on("Normal")
                .size(half_points(look.small_size))
                .color(&look.muted),
        )
        .add_style(
            Style::new("Hyperlink", StyleType::Character).name("Hyperlink").color(&look.accent).underline("single"),
        )
        .add_abstract_numbering(list_levels(BULLETS, "bullet", |_| "•".into()))
        .add_abstract_numbering(list_levels(NUMBERS, "decimal", |level| format!("%{}.", level + 1)))
        .add_numbering(Numbering::new(BULLETS, BULLETS))
}

/// A list's levels, each indented a step further.
fn list_levels(id: usize, format: &str, text: impl Fn(usize) -> String) -> AbstractNumbering {
    (0..3).fold(AbstractNumbering::new(id), |numbering, level| {
        let indent = 360 * (level as i32 + 1);
        numbering.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text(level)),
                LevelJc::new("left"),
            )
            .indent(Some(indent), Some(SpecialIndentType::Hanging(360)), None, None),
        )
    })
}

/// What writing the paragraphs keeps track of.
struct Pass<'a> {
    pictures: &'a Pictures,
    text_width_px: u32,
    /// Each picture's alternative text, in the order the pictures come.
    figures: Vec<String>,
    /// The numbering instance of each numbered list, in order.
    numbered_lists: Vec<usize>,
    /// Whether the last block was an item of a numbered list.
    numbering: bool,
    /// Whether the last block was a break: the next paragraph starts a page.
    broken: bool,
}

impl Pass<'_> {
    /// The paragraphs of one block.
    fn paragraphs(&mut self, block: &Block) -> Vec<Paragraph> {
        let styled = |style: &str, text: &[Inline]| runs(Paragraph::new().style(style), text);
        let numbering = std::mem::replace(&mut self.numbering, matches!(block, Block::Item { number: Some(_), .. }));
        let broken = std::mem::replace(&mut self.broken, matches!(block, Block::Break));
        let mut out = match block {
            Block::Title(text) => vec![Paragraph::new().style("Title").add_run(Run::new().add_text(text))],
            Block::Break => Vec::new(),
            Block::Subtitle(text) => vec![Paragraph::new().style("Subtitle").add_run(Run::new().add_text(text))],
            Block::Heading { level: 1, text } => {
                // In capitals, as on the page: how parsers know a section heading.
                let upper: Vec<Inline> =
                    text.iter().map(|i| Inline { text: i.text.to_uppercase(), ..i.clone() }).collect();
                vec![styled("Heading1", &upper).keep_next(true)]
            }
            Block::Heading { level, text } => vec![styled(&format!("Heading{}", level.min(&3)), text).keep_next(true)],
            Block::Paragraph(text) => vec![runs(Paragraph::new(), text)],
            Block::Fields(text) => vec![styled("Details", text)],
            Block::Item { depth, number, text } => {
                let (style, id) = match number {
                    None => ("ListBullet", BULLETS),
                    Some(_) => {
                        if !numbering {
                            self.numbered_lists.push(NUMBERS + self.numbered_lists.len());
                        }
                        ("ListNumber", *self.numbered_lists.last().unwrap_or(&NUMBERS))
                    }
                };
                let level = (*depth).min(2);
                vec![styled(style, text).numbering(NumberingId::new(id), IndentLevel::new(level))]
            }
            Block::Quote { text, by } => vec![styled("Quote", text).keep_next(true), styled("Quote", by)],
            Block::Figure { asset, alt, caption } => {
                let Some(picture) = self.pictures.get(asset) else { return Vec::new() };
                // As wide as the text at most, at 96 pixels to the inch.
                let scale = (self.text_width_px as f32 / picture.width as f32).min(1.0);
                let (w, h) = ((picture.width as f32 * scale) as u32, (picture.height as f32 * scale) as u32);
                let pic = Pic::new_with_dimensions(picture.bytes.clone(), w.max(1), h.max(1));
                self.figures.push(if alt.is_empty() { caption.clone() } else { alt.clone() });
                let mut out = vec![Paragraph::new().keep_next(!caption.is_empty()).add_run(Run::new().add_image(pic))];
                if !caption.is_empty() {
                    out.push(Paragraph::new().style("Caption").add_run(Run::new().add_text(caption)));
                }
                out
            }
        };
        // The paragraph after a break starts a new part of a bundle on a new page.
        if broken && !out.is_empty() {
            let first = out.remove(0).page_break_before(true);
            out.insert(0, first);
        }
        out
    }
}

/// Runs into a paragraph: bold and italic as they are, links as Word's hyperlinks.
fn runs(mut paragraph: Paragraph, text: &[Inline]) -> Paragraph {
    for inline in text {
        let mut run = Run::new().add_text(&inline.text);
        if inline.bold {
            run = run.bold();
        }
        if inline.italic {
            run = run.italic();
        }
        paragraph = match &inline.link {
            Some(url) => {
                paragraph.add_hyperlink(Hyperlink::new(url, HyperlinkType::External).add_run(run.style("Hyperlink")))
            }
            None => paragraph.add_run(run),
        };
    }
    paragraph
}
