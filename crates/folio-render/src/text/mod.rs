//! Text: shaping with the real fonts (rustybuzz: kerning, ligatures, Arabic joining),
//! font fallback per character, the Unicode bidirectional algorithm (UAX #9: Arabic
//! and Hebrew run right to left, numbers and Latin words inside them left to right),
//! and line breaking by the Unicode rules (UAX #14). Words longer than the
//! measure — long URLs — are broken where a URL may break (before `. - _ ? &`, after
//! `/`), and between characters only where they have no such place.
//!
//! Every span becomes runs of its own, so that a date, a company or a location is one
//! text item to a machine reading the PDF; and a space where one run meets the next is
//! at least [`RUN_GAP`] wide, because readers that take text item by item (applicant
//! tracking systems among them) drop the space glyph there and decide from the gap
//! alone whether two items are one word.

mod breaking;
mod shape;
#[cfg(test)]
mod tests;

use crate::document::{Glyph, LinkTarget};
use crate::fonts::{font, font_for, FontId};
use crate::units::{Pt, Rgb};
use breaking::{build_line, line_ranges};
pub use shape::right_to_left;
use shape::shape;

/// `text` without the characters no font in `primary`'s fallbacks has, each noted in
/// `missing`; where one was, the space before it goes too when a space or a closing
/// mark follows ("ships daily 🎉." reads "ships daily.").
pub(crate) fn printable(text: &str, primary: FontId, missing: &mut Missing) -> String {
    let mut out = String::with_capacity(text.len());
    // Whether the character before was left out.
    let mut dropped = false;
    for c in text.chars() {
        if is_ignorable(c) && (dropped || font_for(primary, c).is_none()) {
            // A joiner or a variation selector: part of the character left out before
            // it ("👩🏽‍💻" is one), else only a hint no font needs.
            if dropped {
                missing.note(c);
            }
            continue;
        }
        if !(c.is_whitespace() || font_for(primary, c).is_some()) {
            missing.note(c);
            dropped = true;
            continue;
        }
        if dropped && matches!(c, ' ' | '.' | ',' | ';' | ':' | '!' | '?' | ')') && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
        missing.open = false;
        dropped = false;
    }
    if dropped && out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Characters that only steer shaping (joiners, variation selectors, direction marks)
/// and are never drawn.
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{00ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{fe00}'..='\u{fe0f}' | '\u{e0020}'..='\u{e007f}')
}

fn font_has(id: FontId, c: char) -> bool {
    c == ' ' || font(id).has(c)
}

/// How a span of text looks.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// The font to use where it has the character.
    pub font: FontId,
    pub size: Pt,
    pub color: Rgb,
    pub link: Option<LinkTarget>,
}

/// Characters no bundled font has, as a reader sees them ("👍🏽" is one, a hand and its
/// skin tone), once each, in the order met.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Missing {
    seen: Vec<String>,
    /// Whether the character just met was missing, so that a modifier joins it.
    open: bool,
}

impl Missing {
    /// Notes `c` (no font has it); it continues the last one when it only modifies it.
    fn note(&mut self, c: char) {
        let joins = matches!(c, '\u{200d}' | '\u{fe0f}' | '\u{1f3fb}'..='\u{1f3ff}' | '\u{e0020}'..='\u{e007f}')
            || self.seen.last().is_some_and(|last| last.ends_with('\u{200d}'));
        match self.seen.last_mut() {
            Some(last) if self.open && joins => last.push(c),
            _ => self.seen.push(c.to_string()),
        }
        self.open = true;
    }

    /// Takes what was noted, each character once.
    pub fn take(&mut self) -> Vec<String> {
        self.open = false;
        let mut out: Vec<String> = Vec::new();
        for c in self.seen.drain(..) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}

/// The narrowest a space between two runs may be, in ems: wider than the gap text
/// extraction still reads as one word (pdf.js joins items closer than 0.6 em).
pub const RUN_GAP: f32 = 0.65;

#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
    /// Kept on one line: it breaks only where it alone is wider than the line.
    pub whole: bool,
    /// Stands between two fields (" · "): never starts or ends a line.
    pub separator: bool,
}

impl Span {
    pub fn new(text: impl Into<String>, style: &Style) -> Span {
        Span { text: text.into(), style: style.clone(), whole: false, separator: false }
    }

    /// A field that a line break must not split: a date range, an e-mail address.
    pub fn whole(self) -> Span {
        Span { whole: true, ..self }
    }

    /// A middle dot between two fields, with room around it for a reader to tell them
    /// apart.
    pub fn separator(style: &Style) -> Span {
        Span { text: " · ".into(), style: style.clone(), whole: false, separator: true }
    }
}

/// A piece of a line in one font, style and direction, at `x` from the line's start:
/// one text item in the PDF. Its glyphs are in the order they are seen, left to right —
/// as PDF readers expect, who turn right-to-left items round themselves — and the
/// fragments of a line in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    /// The span it comes from.
    pub span: usize,
    pub x: Pt,
    pub rtl: bool,
    pub font: FontId,
    pub size: Pt,
    pub color: Rgb,
    pub link: Option<LinkTarget>,
    pub glyphs: Vec<Glyph>,
}

impl Fragment {
    pub fn width(&self) -> Pt {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}

/// One line of a paragraph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    /// Without trailing spaces.
    pub width: Pt,
    pub fragments: Vec<Fragment>,
    /// Largest font size on the line.
    pub size: Pt,
    /// Largest ascent above the baseline.
    pub ascent: Pt,
    /// Largest descent below the baseline.
    pub descent: Pt,
    /// Its paragraph reads right to left: the line is set flush right.
    pub rtl: bool,
}

/// Shapes `spans` and breaks them into lines no wider than `width`. Characters no
/// bundled font has are left out and noted in `missing`.
pub fn lay_out(spans: &[Span], width: Pt, missing: &mut Missing) -> Vec<Line> {
    let shaped = shape(spans, missing);
    line_ranges(&shaped, width.0 + 0.01)
        .into_iter()
        .map(|(a, b)| build_line(&shaped, a, b))
        .filter(|l| !l.fragments.is_empty())
        .collect()
}

/// The width of `text` in one style, on one line.
pub fn measure(text: &str, style: &Style) -> Pt {
    lay_out(&[Span::new(text, style)], Pt(f32::MAX / 4.0), &mut Missing::default()).iter().map(|l| l.width).sum()
}
