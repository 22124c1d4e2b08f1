//! Text: shaping with the real fonts (rustybuzz: kerning, ligatures), font fallback per
//! character, and line breaking by the Unicode rules (UAX #14). Words longer than the
//! measure — long URLs — are broken where a URL may break (before `. - _ ? &`, after
//! `/`), and between characters only where they have no such place.
//!
//! Every span becomes runs of its own, so that a date, a company or a location is one
//! text item to a machine reading the PDF; and a space where one run meets the next is
//! at least [`RUN_GAP`] wide, because readers that take text item by item (applicant
//! tracking systems among them) drop the space glyph there and decide from the gap
//! alone whether two items are one word.

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

/// A piece of a line in one font and style, at `x` from the line's start: one text item
/// in the PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    /// The span it comes from.
    pub span: usize,
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
    /// Where each span's text starts in `text`.
    starts: Vec<usize>,
}

impl Shaped<'_> {
    fn is_space(&self, glyph: usize) -> bool {
        self.text[self.glyphs[glyph].cluster..].starts_with(char::is_whitespace)
    }

    fn span_of(&self, glyph: usize) -> &Span {
        &self.spans[self.runs[self.glyphs[glyph].run].span]
    }

    /// Whether a line may break at byte `idx`: not inside a whole span.
    fn may_break_at(&self, idx: usize) -> bool {
        !self
            .starts
            .iter()
            .zip(self.spans)
            .any(|(&start, span)| span.whole && start < idx && idx < start + span.text.len())
    }
}

fn shape<'a>(spans: &'a [Span], missing: &mut BTreeSet<char>) -> Shaped<'a> {
    let mut shaped = Shaped { text: String::new(), glyphs: Vec::new(), runs: Vec::new(), spans, starts: Vec::new() };
    for (index, span) in spans.iter().enumerate() {
        let base = shaped.text.len();
        shaped.starts.push(base);
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
    widen_run_gaps(&mut shaped);
    shaped
}

/// Makes every space between two runs, and the spaces around a separator, at least
/// [`RUN_GAP`] wide.
fn widen_run_gaps(shaped: &mut Shaped<'_>) {
    for g in 0..shaped.glyphs.len() {
        if !shaped.is_space(g) {
            continue;
        }
        let run = |g: usize| shaped.glyphs[g].run;
        let between_runs = g > 0 && g + 1 < shaped.glyphs.len() && run(g - 1) != run(g + 1);
        if between_runs || shaped.span_of(g).separator {
            let size = shaped.span_of(g).style.size.0;
            let glyph = &mut shaped.glyphs[g];
            glyph.advance = glyph.advance.max(RUN_GAP * size);
        }
    }
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
        *opportunity == BreakOpportunity::Mandatory
            || (!shaped.text[..*idx].ends_with(['-', '\u{2010}']) && shaped.may_break_at(*idx))
    });
    for (idx, opportunity) in breaks {
        let start = g;
        let mut width = 0.0;
        let mut trailing_space = 0.0;
        while g < shaped.glyphs.len() && shaped.glyphs[g].cluster < idx {
            let advance = shaped.glyphs[g].advance;
            width += advance;
            trailing_space = if shaped.is_space(g) { trailing_space + advance } else { 0.0 };
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
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let (mut line_start, mut line_end, mut line_width) = (0, 0, 0.0f32);
    let max = width.0 + 0.01;
    for piece in pieces(&shaped) {
        let trimmed = piece.width - piece.trailing_space;
        if line_end > line_start && line_width + trimmed > max {
            ranges.push((line_start, line_end));
            (line_start, line_width) = (piece.start, 0.0);
        }
        if line_end == line_start && trimmed > max {
            // A word wider than the measure: break it where a URL may break, else
            // between glyphs.
            let mut w = 0.0;
            let mut chunk_start = piece.start;
            // The last place in this chunk a URL may break, and the width before it.
            let mut soft: Option<(usize, f32)> = None;
            for g in piece.start..piece.end {
                let advance = shaped.glyphs[g].advance;
                if w + advance > max && g > chunk_start {
                    let (at, before) = soft.filter(|(at, _)| *at > chunk_start).unwrap_or((g, w));
                    ranges.push((chunk_start, at));
                    (chunk_start, w, soft) = (at, w - before, None);
                }
                if g > chunk_start && url_break_before(&shaped, g) {
                    soft = Some((g, w));
                }
                w += advance;
            }
            line_start = chunk_start;
            line_width = w;
        } else {
            line_width += piece.width;
        }
        line_end = piece.end;
        if piece.mandatory {
            ranges.push((line_start, line_end));
            (line_start, line_width) = (piece.end, 0.0);
        }
    }
    if line_end > line_start {
        ranges.push((line_start, line_end));
    }
    ranges.into_iter().map(|(a, b)| build_line(&shaped, a, b)).filter(|l| !l.fragments.is_empty()).collect()
}

/// Whether a URL may break before glyph `g`: before `. - _ ? & #` and after `/`
/// (never inside `//`).
fn url_break_before(shaped: &Shaped<'_>, g: usize) -> bool {
    let text = |g: usize| &shaped.text[shaped.glyphs[g].cluster..];
    let (before, here) = (text(g - 1), text(g));
    here.starts_with(['.', '-', '_', '?', '&', '#']) || (before.starts_with('/') && !here.starts_with('/'))
}

fn build_line(shaped: &Shaped<'_>, start: usize, end: usize) -> Line {
    // Spaces take no room at either end of a line, and a separator is not left
    // hanging there.
    let (mut start, mut end) = (start, end);
    let idle = |g: usize| shaped.is_space(g) || shaped.span_of(g).separator;
    while end > start && idle(end - 1) {
        end -= 1;
    }
    while start < end && idle(start) {
        start += 1;
    }
    let width = shaped.glyphs[start..end].iter().map(|g| g.advance).sum();
    let mut line = Line { width: Pt(width), ..Line::default() };
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
        let same = line.fragments.last().is_some_and(|f: &Fragment| f.span == run.span && f.font == run.font);
        if !same {
            line.fragments.push(Fragment {
                span: run.span,
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

    fn fields(texts: &[&str]) -> Vec<Span> {
        let mut spans = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            if i > 0 {
                spans.push(Span::separator(&style()));
            }
            spans.push(Span::new(*text, &style()).whole());
        }
        spans
    }

    #[test]
    fn fields_break_only_between_them_and_no_line_starts_or_ends_with_a_separator() {
        let texts =
            ["London, UK", "maya.okafor@example.com", "+44 20 7946 0321", "linkedin.com/in/maya-okafor-example"];
        // From the width of the longest field up.
        for width in (190..400).step_by(9) {
            let lines = lay_out(&fields(&texts), Pt(width as f32), &mut BTreeSet::new());
            let mut read: Vec<String> = Vec::new();
            for line in &lines {
                let text: String = line.fragments.iter().flat_map(|f| &f.glyphs).map(|g| g.text.as_str()).collect();
                assert!(!text.starts_with(['·', ' ']) && !text.ends_with(['·', ' ']), "{width}: {text:?}");
                read.extend(text.split(" · ").map(str::to_string));
            }
            assert_eq!(read, texts, "{width}: every field whole, in order");
        }
    }

    #[test]
    fn each_span_is_its_own_fragment_and_the_space_between_two_is_wide_enough_to_read_as_one() {
        let bold = Style { font: FontId::SansBold, ..style() };
        let spans = [Span::new("ten years building ", &style()), Span::new("payment platforms", &bold)];
        let lines = lay_out(&spans, Pt(400.0), &mut BTreeSet::new());
        let [regular, strong] = &lines[0].fragments[..] else { panic!("two fragments: {:?}", lines[0].fragments) };
        let space = regular.glyphs.last().unwrap();
        assert_eq!(space.text, " ", "the space is a real character");
        assert!(space.advance.0 >= RUN_GAP * 10.0, "{:?}", space.advance);
        assert!(strong.x.0 >= regular.x.0 + regular.width().0 - 0.01);
    }

    #[test]
    fn a_long_url_breaks_where_a_url_may_break_before_it_breaks_inside_a_word() {
        let url = format!(
            "https://mayaokafor.example.com/blog/{}/keeps-going-for-ever?ref=portfolio&utm_source=folio",
            "a-very-long-path-segment".repeat(3)
        );
        let lines = lay_out(&[Span::new(url.clone(), &style())], Pt(140.0), &mut BTreeSet::new());
        let texts = line_texts(&lines);
        assert!(texts.len() > 3);
        assert_eq!(texts.concat(), url);
        for (line, next) in texts.iter().zip(&texts[1..]) {
            let at_boundary = line.ends_with(['/', '?']) || next.starts_with(['.', '-', '_', '?', '&']);
            assert!(at_boundary, "broken inside a word: {line:?} | {next:?}");
        }
    }
}
