//! Themes: one layout engine, different type, colour and spacing. A theme never changes
//! the words: section headings are capitals in every theme, because that is how a
//! machine reading the PDF finds them.

use folio_model::Paper;

use crate::fonts::Family;
use crate::units::{Mm, Pt, Rgb, Size};

/// How a portfolio looks. Every theme is laid out by the same engine.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// The name editions and the CLI use: "modern".
    pub name: &'static str,
    pub description: &'static str,
    pub body: Family,
    pub headings: Family,
    pub body_size: Pt,
    pub small_size: Pt,
    /// Line height as a multiple of the font size.
    pub leading: f32,
    pub name_size: Pt,
    pub section_size: Pt,
    pub title_size: Pt,
    pub metric_size: Pt,
    pub text: Rgb,
    pub muted: Rgb,
    pub accent: Rgb,
    pub rule: Rgb,
    pub margin_x: Mm,
    pub margin_top: Mm,
    pub margin_bottom: Mm,
    /// Space between paragraphs.
    pub gap: Pt,
    /// Space before a section.
    pub section_gap: Pt,
    /// Skills in two columns. Entries a machine reads one by one — jobs, schooling,
    /// case studies — are always in one.
    pub two_columns: bool,
}

const INK: Rgb = Rgb(0x1c, 0x20, 0x24);
const GREY: Rgb = Rgb(0x5d, 0x66, 0x70);

static THEMES: [Theme; 3] = [
    Theme {
        name: "modern",
        description: "Sans-serif, airy, with an accent colour",
        body: Family::Sans,
        headings: Family::Sans,
        body_size: Pt(9.8),
        small_size: Pt(8.2),
        leading: 1.45,
        name_size: Pt(26.0),
        section_size: Pt(10.5),
        title_size: Pt(15.0),
        metric_size: Pt(19.0),
        text: INK,
        muted: GREY,
        accent: Rgb(0x12, 0x5c, 0x60),
        rule: Rgb(0xdc, 0xd9, 0xd2),
        margin_x: Mm(20.0),
        margin_top: Mm(18.0),
        margin_bottom: Mm(18.0),
        gap: Pt(6.0),
        section_gap: Pt(20.0),
        two_columns: false,
    },
    Theme {
        name: "classic",
        description: "Serif, restrained, black and one quiet colour",
        body: Family::Serif,
        headings: Family::Serif,
        body_size: Pt(10.2),
        small_size: Pt(8.6),
        leading: 1.42,
        name_size: Pt(24.0),
        section_size: Pt(11.5),
        title_size: Pt(14.5),
        metric_size: Pt(17.0),
        text: Rgb(0x17, 0x17, 0x17),
        muted: Rgb(0x55, 0x55, 0x55),
        accent: Rgb(0x1f, 0x3a, 0x5f),
        rule: Rgb(0xcc, 0xcc, 0xcc),
        margin_x: Mm(24.0),
        margin_top: Mm(22.0),
        margin_bottom: Mm(20.0),
        gap: Pt(6.5),
        section_gap: Pt(22.0),
        two_columns: false,
    },
    Theme {
        name: "compact",
        description: "Dense sans-serif, skills in two columns",
        body: Family::Sans,
        headings: Family::Sans,
        body_size: Pt(8.8),
        small_size: Pt(7.6),
        leading: 1.35,
        name_size: Pt(21.0),
        section_size: Pt(9.5),
        title_size: Pt(12.5),
        metric_size: Pt(15.0),
        text: INK,
        muted: GREY,
        accent: Rgb(0x8a, 0x3b, 0x12),
        rule: Rgb(0xdd, 0xdd, 0xdd),
        margin_x: Mm(15.0),
        margin_top: Mm(14.0),
        margin_bottom: Mm(14.0),
        gap: Pt(4.0),
        section_gap: Pt(13.0),
        two_columns: true,
    },
];

/// Every theme, the default first.
pub fn themes() -> &'static [Theme] {
    &THEMES
}

/// The theme called `name`, ignoring case.
pub fn theme(name: &str) -> Option<&'static Theme> {
    THEMES.iter().find(|t| t.name.eq_ignore_ascii_case(name.trim()))
}

/// The size of a sheet of `paper`.
pub fn paper_size(paper: Paper) -> Size {
    match paper {
        Paper::A4 => Size { width: Mm(210.0).into(), height: Mm(297.0).into() },
        Paper::Letter => Size { width: Pt(612.0), height: Pt(792.0) },
    }
}
