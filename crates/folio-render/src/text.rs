//! Text: shaping with the real fonts (rustybuzz: kerning, ligatures), font fallback per
//! character, and line breaking by the Unicode rules (UAX #14). Words longer than the
//! measure — long URLs — are broken between characters so they still fit.

use std::collections::BTreeSet;

use unicode_linebreak::{linebreaks, BreakOpportunity};

use crate::document::{Glyph, LinkTarget};
use crate::fonts::{font, font_for, FontId};
use crate::units::{Pt, Rgb};

/// How a span of text looks.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// The font to use where it has the character.
    pub font: FontId,
    pub size: Pt,
    pub color: Rgb,
    pub link: Option<LinkTarget>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

impl Span {
    pub fn new(text: impl Into<String>, style: &Style) -> Span {
        Span { text: text.into(), style: style.clone() }
    }
}

/// A piece of a line in one font and style, at `x` from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    pub x: Pt,
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
}

struct ShapedGlyph {
    id: u16,
    advance: f32,
    /// Byte offset of the character cluster in the paragraph's text.
    cluster: usize,
    /// Index into the run styles.
    run: usize,
}

struct RunStyle {
    font: FontId,
    span: usize,
    /// Byte offset where the run's text ends in the paragraph's text.
    end: usize,
}

struct Shaped<'a> {
    text: String,
    glyphs: Vec<ShapedGlyph>,
    runs: Vec<RunStyle>,
    spans: &'a [Span],
}

fn shape<'a>(spans: &'a [Span], missing: &mut BTreeSet<char>) -> Shaped<'a> {
    let mut shaped = Shaped { text: String::new(), glyphs: Vec::new(), runs: Vec::new(), spans };
    for (index, span) in spans.iter().enumerate() {
        let base = shaped.text.len();
        shaped.text.push_str(&span.text);
        let mut segment: Option<(usize, FontId)> = None;
        for (offset, c) in span.text.char_indices() {
            let wanted = if c == '\n' { None } else { font_for(span.style.font, c) };
            if wanted.is_none() && c != '\n' {
                missing.insert(c);
            }
            if segment.map(|(_, f)| Some(f)) != Some(wanted) {
                if let Some((start, f)) = segment.take() {
                    shape_segment(&mut shaped, index, f, base + start, &span.text[start..offset]);
                }
                segment = wanted.map(|f| (offset, f));
            }
        }
        if let Some((start, f)) = segment {
            shape_segment(&mut shaped, index, f, base + start, &span.text[start..]);
        }
    }
    shaped
}

fn shape_segment(shaped: &mut Shaped<'_>, span: usize, font_id: FontId, base: usize, text: &str) {
    let f = font(font_id);
    let size = shaped.spans[span].style.size.0;
    let run = shaped.runs.len();
    shaped.runs.push(RunStyle { font: font_id, span, end: base + text.len() });
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(rustybuzz::Direction::LeftToRight);
    buffer.guess_segment_properties();
    let out = rustybuzz::shape(&f.face, &[], buffer);
    for (info, pos) in out.glyph_infos().iter().zip(out.glyph_positions()) {
        shaped.glyphs.push(ShapedGlyph {
            id: info.glyph_id as u16,
            advance: pos.x_advance as f32 / f.units_per_em * size,
            cluster: base + info.cluster as usize,
            run,
        });
    }
}

/// A stretch between two break opportunities: glyphs `start..end`.
struct Piece {
    start: usize,
    end: usize,
    width: f32,
    trailing_space: f32,
    mandatory: bool,
}

fn pieces(shaped: &Shaped<'_>) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut g = 0;
    // No break after a hyphen: text extractors (and so applicant tracking systems) join
    // a line ending in "-" with the next, turning "two-month" into "twomonth".
    let breaks = linebreaks(&shaped.text).filter(|(idx, opportunity)| {
        *opportunity == BreakOpportunity::Mandatory || !shaped.text[..*idx].ends_with(['-', '\u{2010}'])
    });
    for (idx, opportunity) in breaks {
        let start = g;
        let mut width = 0.0;
        let mut trailing_space = 0.0;
        while g < shaped.glyphs.len() && shaped.glyphs[g].cluster < idx {
            let glyph = &shaped.glyphs[g];
            width += glyph.advance;
            let is_space = shaped.text[glyph.cluster..].starts_with(char::is_whitespace);
            trailing_space = if is_space { trailing_space + glyph.advance } else { 0.0 };
            g += 1;
        }
        out.push(Piece {
            start,
            end: g,
            width,
            trailing_space,
            mandatory: opportunity == BreakOpportunity::Mandatory && idx < shaped.text.len(),
        });
    }
    out
}

/// Shapes `spans` and breaks them into lines no wider than `width`. Characters no
/// bundled font has are left out and added to `missing`.
pub fn lay_out(spans: &[Span], width: Pt, missing: &mut BTreeSet<char>) -> Vec<Line> {
    let shaped = shape(spans, missing);
    let mut ranges: Vec<(usize, usize, f32)> = Vec::new();
    let (mut line_start, mut line_end, mut line_width, mut visible) = (0, 0, 0.0f32, 0.0f32);
    let max = width.0 + 0.01;
    for piece in pieces(&shaped) {
        let trimmed = piece.width - piece.trailing_space;
        if line_end > line_start && line_width + trimmed > max {
            ranges.push((line_start, line_end, visible));
            (line_start, line_width) = (piece.start, 0.0);
        }
        if line_end == line_start && trimmed > max {
            // A word wider than the measure: break it between glyphs.
            let mut w = 0.0;
            let mut chunk_start = piece.start;
            for g in piece.start..piece.end {
                let advance = shaped.glyphs[g].advance;
                if w + advance > max && g > chunk_start {
                    ranges.push((chunk_start, g, w));
                    (chunk_start, w) = (g, 0.0);
                }
                w += advance;
            }
            line_start = chunk_start;
            line_width = w;
            visible = w - piece.trailing_space;
        } else {
            line_width += piece.width;
            visible = line_width - piece.trailing_space;
        }
        line_end = piece.end;
        if piece.mandatory {
            ranges.push((line_start, line_end, visible));
            (line_start, line_width, visible) = (piece.end, 0.0, 0.0);
        }
    }
    if line_end > line_start {
        ranges.push((line_start, line_end, visible));
    }
    ranges.into_iter().map(|(a, b, w)| build_line(&shaped, a, b, Pt(w))).collect()
}

fn build_line(shaped: &Shaped<'_>, start: usize, end: usize, width: Pt) -> Line {
    // Trailing spaces take no room at the end of a line.
    let mut end = end;
    while end > start && shaped.text[shaped.glyphs[end - 1].cluster..].starts_with(char::is_whitespace) {
        end -= 1;
    }
    let mut line = Line { width, ..Line::default() };
    let mut x = 0.0;
    for g in start..end {
        let glyph = &shaped.glyphs[g];
        let run = &shaped.runs[glyph.run];
        // The characters this glyph stands for: up to the next cluster, within its run
        // (characters left out for want of a font belong to no glyph).
        let next_cluster = shaped.glyphs.get(g + 1).map_or(run.end, |n| n.cluster).min(run.end);
        let text = if next_cluster > glyph.cluster {
            shaped.text[glyph.cluster..next_cluster].to_string()
        } else {
            String::new()
        };
        let style = &shaped.spans[run.span].style;
        let same = line.fragments.last().is_some_and(|f: &Fragment| {
            f.font == run.font && f.size == style.size && f.color == style.color && f.link == style.link
        });
        if !same {
            line.fragments.push(Fragment {
                x: Pt(x),
                font: run.font,
                size: style.size,
                color: style.color,
                link: style.link.clone(),
                glyphs: Vec::new(),
            });
            line.size = line.size.max(style.size);
            line.ascent = line.ascent.max(style.size * font(run.font).ascender);
            line.descent = line.descent.max(style.size * font(run.font).descender);
        }
        let fragment = line.fragments.last_mut().expect("pushed above");
        fragment.glyphs.push(Glyph { id: glyph.id, advance: Pt(glyph.advance), text });
        x += glyph.advance;
    }
    line
}

/// The width of `text` in one style, on one line.
pub fn measure(text: &str, style: &Style) -> Pt {
    let mut missing = BTreeSet::new();
    lay_out(&[Span::new(text, style)], Pt(f32::MAX / 4.0), &mut missing).iter().map(|l| l.width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style() -> Style {
        Style { font: FontId::SansRegular, size: Pt(10.0), color: Rgb::default(), link: None }
    }

    fn line_texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.fragments.iter().flat_map(|f| &f.glyphs).map(|g| g.text.as_str()).collect()).collect()
    }

    #[test]
    fn words_wrap_at_spaces_and_every_line_fits() {
        let text = "The ledger moved from nightly batches to events so balances are always correct";
        let lines = lay_out(&[Span::new(text, &style())], Pt(120.0), &mut BTreeSet::new());
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.width.0 <= 120.01));
        assert_eq!(line_texts(&lines).join(" "), text, "no word is lost or split");
    }

    #[test]
    fn a_word_longer_than_the_measure_is_broken_to_fit() {
        let url = format!("https://example.com/{}", "a".repeat(300));
        let lines = lay_out(&[Span::new(url.clone(), &style())], Pt(150.0), &mut BTreeSet::new());
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| l.width.0 <= 150.01));
        assert_eq!(line_texts(&lines).concat(), url);
    }

    #[test]
    fn kerning_is_applied() {
        let kerned = measure("AV", &style());
        let apart = measure("A", &style()) + measure("V", &style());
        assert!(kerned < apart, "AV should be kerned: {kerned:?} vs {apart:?}");
    }

    #[test]
    fn characters_without_a_font_are_reported_and_left_out() {
        let mut missing = BTreeSet::new();
        let lines = lay_out(&[Span::new("Ship it 🚀 now", &style())], Pt(300.0), &mut missing);
        assert_eq!(missing.into_iter().collect::<Vec<_>>(), ['🚀']);
        assert_eq!(line_texts(&lines), ["Ship it  now"]);
    }

    #[test]
    fn chinese_falls_back_to_the_cjk_font() {
        let lines = lay_out(&[Span::new("Wang 王小明", &style())], Pt(300.0), &mut BTreeSet::new());
        let fonts: Vec<_> = lines[0].fragments.iter().map(|f| f.font).collect();
        assert_eq!(fonts, [FontId::SansRegular, FontId::Cjk]);
    }

    #[test]
    fn lines_never_end_in_a_hyphen_that_text_extraction_would_join() {
        let text = "we gave client teams a two-month deprecation window and a well-known linter";
        for width in (60..300).step_by(7) {
            let lines = lay_out(&[Span::new(text, &style())], Pt(width as f32), &mut BTreeSet::new());
            let texts = line_texts(&lines);
            assert!(texts.iter().all(|t| !t.ends_with('-')), "{width}: {texts:?}");
        }
    }

    #[test]
    fn a_newline_forces_a_break() {
        let lines = lay_out(&[Span::new("one\ntwo", &style())], Pt(300.0), &mut BTreeSet::new());
        assert_eq!(line_texts(&lines), ["one", "two"]);
    }
}
