//! Folio's PDF renderer, in two separate steps:
//!
//! 1. [`layout`] — pure: a [`Portfolio`](folio_model::Portfolio), a [`Theme`] and a paper
//!    size become a [`Document`]: pages of positioned, shaped text runs, rectangles,
//!    lines and link areas, plus an outline and metadata. Tests of layout assert on this.
//! 2. [`pdf`] — serialisation: a `Document` and [`PdfOptions`] become PDF bytes, with
//!    fonts embedded and subset, text mapped back to Unicode, links, bookmarks and
//!    metadata. Time and ids come in through the options, so output is repeatable.
//!
//! This is the only crate that touches printpdf, and only in the `pdf` module.

mod document;
mod fonts;
mod images;
mod layout;
mod pdf;
mod text;
mod theme;
mod units;

pub use document::{
    Destination, Document, Element, Glyph, Item, LinkTarget, Metadata, OutlineEntry, Page, Role, TextRun,
};
pub use fonts::{Family, FontId};
pub use images::{Image, ImageFormat, Images};
pub use layout::{layout, LayoutOptions};
pub use pdf::{pdf, Error, PdfOptions};
pub use theme::{paper_size, theme, themes, Theme};
pub use units::{Mm, Point, Pt, Rect, Rgb, Size};
