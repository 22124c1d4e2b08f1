//! What layout produces: pages of positioned items, an outline and metadata. Nothing
//! here knows PDF; the writer in `pdf` turns it into bytes.

use uuid::Uuid;

use crate::fonts::FontId;
use crate::units::{Point, Pt, Rect, Rgb, Size};

/// A laid-out portfolio.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub page_size: Size,
    pub pages: Vec<Page>,
    /// Bookmarks: one per section, case studies nested under theirs.
    pub outline: Vec<OutlineEntry>,
    /// Where internal links land, indexed by [`LinkTarget::Anchor`].
    pub anchors: Vec<Destination>,
    pub metadata: Metadata,
    /// Things the reader should know, e.g. characters no bundled font has.
    pub warnings: Vec<String>,
    /// The structure tree of a tagged PDF: what each text run and image is part of
    /// (a heading, a paragraph, a list item, a figure), in reading order.
    pub structure: Vec<Element>,
    /// What it says, field by field — name, contact, each job and school, skills,
    /// case studies — as printed: what an ATS should read back out of the PDF.
    pub fields: folio_model::fields::Fields,
}

/// What a part of the document is, as a tagged PDF names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Headings: the name, then sections, case studies, their parts.
    H1,
    H2,
    H3,
    H4,
    P,
    /// A list and its items.
    L,
    LI,
    /// Words that lead somewhere, inside a paragraph or an item.
    Link,
    /// A quotation: a recommendation.
    BlockQuote,
    /// An image or a chart, with its alternative text.
    Figure,
}

impl Role {
    /// The standard structure type.
    pub fn name(self) -> &'static str {
        match self {
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::H4 => "H4",
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Link => "Link",
            Role::BlockQuote => "BlockQuote",
            Role::Figure => "Figure",
        }
    }
}

/// One node of the structure tree; its content is every item that names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub role: Role,
    /// An index into [`Document::structure`]; `None` at the top.
    pub parent: Option<usize>,
    /// What a figure shows, for readers who cannot see it.
    pub alt: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// Running footer and page number: drawn before the content, so that a reader
    /// taking text in drawing order meets them apart from it, and marked in the PDF as
    /// artifacts, not part of the document's text.
    pub furniture: Vec<Item>,
    pub items: Vec<Item>,
}

impl Page {
    /// Everything on the page, in drawing order: furniture, then content.
    pub fn drawn(&self) -> impl Iterator<Item = &Item> {
        self.furniture.iter().chain(&self.items)
    }

    /// A fingerprint of what the page shows — every glyph, rule, box, image and link
    /// where it stands — so that a page drawn before need not be drawn again when its
    /// fingerprint is the same (the live preview redraws only pages that changed).
    /// Only for comparing within one process: the hash may change between versions.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::Hasher;
        let mut h = std::hash::DefaultHasher::new();
        let pt =
            |h: &mut std::hash::DefaultHasher, values: &[Pt]| values.iter().for_each(|v| h.write_u32(v.0.to_bits()));
        for item in self.drawn() {
            match item {
                Item::Text(run) => {
                    h.write_u8(0);
                    pt(&mut h, &[run.origin.x, run.origin.y, run.size]);
                    h.write(&[run.font as u8, run.color.0, run.color.1, run.color.2]);
                    for g in &run.glyphs {
                        h.write_u16(g.id);
                        pt(&mut h, &[g.advance]);
                    }
                }
                Item::Rect { rect, fill } => {
                    h.write_u8(1);
                    pt(&mut h, &[rect.x, rect.y, rect.width, rect.height]);
                    h.write(&[fill.0, fill.1, fill.2]);
                }
                Item::Line { from, to, width, color } => {
                    h.write_u8(2);
                    pt(&mut h, &[from.x, from.y, to.x, to.y, *width]);
                    h.write(&[color.0, color.1, color.2]);
                }
                Item::Image { rect, asset, round, .. } => {
                    h.write_u8(3);
                    h.write(asset.as_bytes());
                    pt(&mut h, &[rect.x, rect.y, rect.width, rect.height]);
                    if let Some(r) = round {
                        pt(&mut h, &[r.x, r.y, r.width, r.height]);
                    }
                }
                Item::Link { rect, target } => {
                    h.write_u8(4);
                    pt(&mut h, &[rect.x, rect.y, rect.width, rect.height]);
                    std::hash::Hash::hash(target, &mut h);
                }
            }
        }
        h.finish()
    }
}

/// Something drawn on a page, in page coordinates (top-left origin).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    Rect {
        rect: Rect,
        fill: Rgb,
    },
    Line {
        from: Point,
        to: Point,
        width: Pt,
        color: Rgb,
    },
    Link {
        rect: Rect,
        target: LinkTarget,
    },
    /// An image drawn into `rect`; when `round` is set, only the circle inscribed in
    /// that square shows (a profile photo).
    Image {
        rect: Rect,
        asset: Uuid,
        round: Option<Rect>,
        /// The element it belongs to, an index into [`Document::structure`].
        element: Option<usize>,
    },
}

/// Shaped text in one font, size and colour, starting at `origin` on its baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub origin: Point,
    pub font: FontId,
    pub size: Pt,
    pub color: Rgb,
    pub glyphs: Vec<Glyph>,
    /// The element it belongs to, an index into [`Document::structure`]; page
    /// furniture belongs to none.
    pub element: Option<usize>,
}

/// One glyph with its advance (kerning applied) and the text it stands for, so that
/// the PDF maps it back to Unicode.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub id: u16,
    pub advance: Pt,
    /// The characters it stands for (several for a ligature), held inline.
    pub text: compact_str::CompactString,
}

impl TextRun {
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    pub fn width(&self) -> Pt {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LinkTarget {
    Uri(String),
    /// An index into [`Document::anchors`].
    Anchor(usize),
}

/// A place in the document: a page (0-based) and a height on it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Destination {
    pub page: usize,
    pub y: Pt,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    pub at: Destination,
    pub children: Vec<OutlineEntry>,
}

/// What the PDF says about itself: its title, author, subject, keywords and language.
pub type Metadata = folio_model::DocumentInfo;

impl Document {
    /// Every text run of a page's content (not its furniture), in drawing order.
    pub fn texts(&self, page: usize) -> impl Iterator<Item = &TextRun> {
        self.pages[page].items.iter().filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
    }
}
