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

use unicode_bidi::{bidi_class, BidiClass, BidiInfo, Level};
use unicode_linebreak::{linebreaks, BreakOpportunity};

use crate::document::{Glyph, LinkTarget};
use crate::fonts::{font, font_for, FontId};

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

struct ShapedGlyph {
    id: u16,
    advance: f32,
    /// How far right of the pen it is drawn (a mark over its letter).
    offset: f32,
    /// Its bidirectional embedding level: odd is right to left.
    level: Level,
    /// Byte offset of the character cluster in the paragraph's text.
    cluster: usize,
    /// The characters it stands for, for the PDF to map it back to text.
    text: String,
    /// Index into the run styles.
    run: usize,
}

struct RunStyle {
    font: FontId,
    span: usize,
}

struct Shaped<'a> {
    text: String,
    glyphs: Vec<ShapedGlyph>,
    runs: Vec<RunStyle>,
    spans: &'a [Span],
    /// Where each span's text starts and ends in `text`.
    starts: Vec<usize>,
    ends: Vec<usize>,
    /// Each paragraph's end in `text`, and whether it reads right to left.
    paragraphs: Vec<(usize, bool)>,
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
            .zip(&self.ends)
            .any(|((&start, span), &end)| span.whole && start < idx && idx < end)
    }
}

fn shape<'a>(spans: &'a [Span], missing: &mut Missing) -> Shaped<'a> {
    let mut shaped = Shaped {
        text: String::new(),
        glyphs: Vec::new(),
        runs: Vec::new(),
        spans,
        starts: Vec::new(),
        ends: Vec::new(),
        paragraphs: Vec::new(),
    };
    // What no font can print is left out first, so that nothing after depends on it.
    let texts: Vec<String> = spans.iter().map(|span| printable(&span.text, span.style.font, missing)).collect();
    for text in &texts {
        shaped.starts.push(shaped.text.len());
        shaped.text.push_str(text);
    }
    shaped.ends = texts.iter().zip(&shaped.starts).map(|(t, start)| start + t.len()).collect();
    let (levels, paragraphs) = levels(&shaped.text);
    shaped.paragraphs = paragraphs;
    for (index, span) in spans.iter().enumerate() {
        let base = shaped.starts[index];
        // A segment is shaped at once: one font, one direction.
        let mut segment: Option<(usize, FontId, Level)> = None;
        let text = &texts[index];
        for (offset, c) in text.char_indices() {
            // A space or a punctuation mark belongs to the text around it when that
            // text's font has it: between Arabic words it is the Arabic font's, and no
            // run ends there.
            let neutral = matches!(bidi_class(c), BidiClass::WS | BidiClass::CS | BidiClass::ON);
            let font = match segment {
                _ if c == '\n' => None,
                Some((_, f, level)) if neutral && level == levels[base + offset] && font_has(f, c) => Some(f),
                _ => font_for(span.style.font, c),
            };
            let wanted = font.map(|f| (f, levels[base + offset]));
            if segment.map(|(_, f, l)| (f, l)) != wanted {
                if let Some((start, f, level)) = segment.take() {
                    shape_segment(&mut shaped, index, f, level, base + start, &text[start..offset]);
                }
                segment = wanted.map(|(f, l)| (offset, f, l));
            }
        }
        if let Some((start, f, level)) = segment {
            shape_segment(&mut shaped, index, f, level, base + start, &text[start..]);
        }
    }
    widen_run_gaps(&mut shaped);
    shaped
}

/// The embedding level of each byte of `text`, and where each paragraph ends and
/// whether it reads right to left: all left to right unless the text holds a
/// right-to-left letter, when the bidirectional algorithm decides, paragraph by
/// paragraph, from the first strong letter.
fn levels(text: &str) -> (Vec<Level>, Vec<(usize, bool)>) {
    if !text.chars().any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL)) {
        return (vec![Level::ltr(); text.len()], vec![(text.len(), false)]);
    }
    let info = BidiInfo::new(text, None);
    let paragraphs = info.paragraphs.iter().map(|p| (p.range.end, p.level.is_rtl())).collect();
    (info.levels, paragraphs)
}

/// Whether text made of `spans` reads right to left: its first letter with a
/// direction is Arabic or Hebrew (UAX #9, rules P2 and P3).
pub fn right_to_left(spans: &[Span]) -> bool {
    spans.iter().flat_map(|s| s.text.chars()).find_map(|c| match bidi_class(c) {
        BidiClass::L => Some(false),
        BidiClass::R | BidiClass::AL => Some(true),
        _ => None,
    }) == Some(true)
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

/// Shapes one segment and adds its glyphs in reading order: a right-to-left segment
/// comes out of the shaper in visual order, and is turned round.
fn shape_segment(shaped: &mut Shaped<'_>, span: usize, font_id: FontId, level: Level, base: usize, text: &str) {
    let f = font(font_id);
    let size = shaped.spans[span].style.size.0;
    let run = shaped.runs.len();
    shaped.runs.push(RunStyle { font: font_id, span });
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(if level.is_rtl() {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    buffer.guess_segment_properties();
    let out = rustybuzz::shape(&f.face, &[], buffer);
    let infos = out.glyph_infos();
    let texts = glyph_texts(f, infos, text, level.is_rtl());
    let glyphs = infos.iter().zip(out.glyph_positions()).zip(texts).map(|((info, pos), text)| ShapedGlyph {
        id: info.glyph_id as u16,
        advance: pos.x_advance as f32 / f.units_per_em * size,
        offset: pos.x_offset as f32 / f.units_per_em * size,
        level,
        cluster: base + info.cluster as usize,
        text,
        run,
    });
    let first = shaped.glyphs.len();
    // What only steered the shaping is not drawn, nor kept in the PDF's text (the
    // shaper gives a joiner the space glyph, which must go on meaning a space).
    shaped.glyphs.extend(glyphs.filter_map(|mut g| {
        g.text.retain(|c| !is_ignorable(c));
        (!g.text.is_empty() || g.advance != 0.0).then_some(g)
    }));
    if level.is_rtl() {
        shaped.glyphs[first..].reverse();
    }
}

/// The characters each shaped glyph stands for. A PDF maps a glyph to the same text
/// wherever it is drawn, so a cluster's characters are shared out among its glyphs: a
/// glyph that is a character's own (a mark, a letter in its plain form) takes that
/// character, the others the rest in order — the last of them whatever is left, so
/// that a ligature stands for all its letters.
fn glyph_texts(f: &crate::fonts::Font, infos: &[rustybuzz::GlyphInfo], text: &str, rtl: bool) -> Vec<String> {
    let mut out = vec![String::new(); infos.len()];
    // The shaper keeps clusters in order (rising, or falling right to left): a cluster
    // is a run of glyphs with the same value, its text up to the next value.
    let mut first = 0;
    while first < infos.len() {
        let start = infos[first].cluster as usize;
        let last = infos[first..].iter().position(|g| g.cluster as usize != start).map_or(infos.len(), |n| first + n);
        let end = match rtl {
            false => infos.get(last).map_or(text.len(), |g| g.cluster as usize),
            true if first > 0 => infos[first - 1].cluster as usize,
            true => text.len(),
        };
        let mut chars: Vec<char> = text.get(start..end).unwrap_or_default().chars().collect();
        // In reading order: the shaper gives right-to-left glyphs as they are seen.
        let mut members: Vec<usize> = (first..last).collect();
        if rtl {
            members.reverse();
        }
        let mut rest = Vec::new();
        for &i in &members {
            let own =
                chars.iter().position(|c| f.face.glyph_index(*c).is_some_and(|g| u32::from(g.0) == infos[i].glyph_id));
            match own {
                Some(at) if members.len() > 1 => out[i] = chars.remove(at).to_string(),
                _ => rest.push(i),
            }
        }
        for (n, &i) in rest.iter().enumerate() {
            out[i] = if n + 1 == rest.len() {
                chars.drain(..).collect()
            } else {
                chars.drain(..1.min(chars.len())).collect()
            };
        }
        if let (false, Some(&last)) = (chars.is_empty(), members.last()) {
            out[last].extend(chars.drain(..));
        }
        first = last;
    }
    out
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
/// bundled font has are left out and noted in `missing`.
pub fn lay_out(spans: &[Span], width: Pt, missing: &mut Missing) -> Vec<Line> {
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
    let glyphs = &shaped.glyphs[start..end];
    let width = glyphs.iter().map(|g| g.advance).sum();
    let at = glyphs.first().map_or(0, |g| g.cluster);
    let rtl = shaped.paragraphs.iter().find(|(end, _)| at < *end).is_some_and(|(_, rtl)| *rtl);
    let mut line = Line { width: Pt(width), rtl, ..Line::default() };
    // Where each glyph stands on the line: in reading order, unless some text runs
    // right to left, when the line is reordered by the bidirectional algorithm.
    let mut left = vec![0.0f32; glyphs.len()];
    let mut x = 0.0;
    if glyphs.iter().all(|g| g.level == Level::ltr()) {
        for (i, g) in glyphs.iter().enumerate() {
            left[i] = x;
            x += g.advance;
        }
    } else {
        let levels: Vec<Level> = glyphs.iter().map(|g| g.level).collect();
        for i in BidiInfo::reorder_visual(&levels) {
            left[i] = x;
            x += glyphs[i].advance;
        }
    }
    // Each fragment's glyph offsets, in the order of its glyphs.
    let mut offsets: Vec<Vec<f32>> = Vec::new();
    for (i, glyph) in glyphs.iter().enumerate() {
        let run = &shaped.runs[glyph.run];
        let text = glyph.text.clone();
        let style = &shaped.spans[run.span].style;
        let same = i > 0
            && line.fragments.last().is_some_and(|f: &Fragment| f.span == run.span && f.font == run.font)
            && glyphs[i - 1].level == glyph.level;
        if !same {
            line.fragments.push(Fragment {
                span: run.span,
                x: Pt(left[i]),
                rtl: glyph.level.is_rtl(),
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
        if !same {
            offsets.push(Vec::new());
        }
        let fragment = line.fragments.last_mut().expect("pushed above");
        // Right to left, each glyph stands left of the one before.
        fragment.x = fragment.x.min(Pt(left[i]));
        fragment.glyphs.push(Glyph { id: glyph.id, advance: Pt(glyph.advance), text });
        offsets.last_mut().expect("pushed with its fragment").push(glyph.offset);
    }
    // Right to left, the glyphs are drawn as they are seen, and each one's text is
    // written that way too (a ligature's letters turned round), so that a reader who
    // turns the item round reads every letter in order.
    let mut offsets = offsets.into_iter();
    for fragment in line.fragments.iter_mut() {
        let mut offsets = offsets.next().unwrap_or_default();
        if fragment.rtl {
            fragment.glyphs.reverse();
            offsets.reverse();
            for g in &mut fragment.glyphs {
                g.text = g.text.chars().rev().collect();
            }
        }
        // A glyph drawn off its pen position (a mark over a letter) moves the pen
        // there and back.
        for (k, offset) in offsets.into_iter().enumerate().filter(|(_, o)| *o != 0.0) {
            match k {
                0 => fragment.x += Pt(offset),
                _ => fragment.glyphs[k - 1].advance += Pt(offset),
            }
            fragment.glyphs[k].advance -= Pt(offset);
        }
    }
    line
}

/// The width of `text` in one style, on one line.
pub fn measure(text: &str, style: &Style) -> Pt {
    lay_out(&[Span::new(text, style)], Pt(f32::MAX / 4.0), &mut Missing::default()).iter().map(|l| l.width).sum()
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
        let lines = lay_out(&[Span::new(text, &style())], Pt(120.0), &mut Missing::default());
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.width.0 <= 120.01));
        assert_eq!(line_texts(&lines).join(" "), text, "no word is lost or split");
    }

    #[test]
    fn a_word_longer_than_the_measure_is_broken_to_fit() {
        let url = format!("https://example.com/{}", "a".repeat(300));
        let lines = lay_out(&[Span::new(url.clone(), &style())], Pt(150.0), &mut Missing::default());
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
        let mut missing = Missing::default();
        let text = "Ship it 🚀 now 👍🏽 ✅🚀, said 👩🏽‍💻 the team 🎉.";
        let lines = lay_out(&[Span::new(text, &style())], Pt(400.0), &mut missing);
        assert_eq!(
            missing.take(),
            ["🚀", "👍🏽", "✅", "👩🏽‍💻", "🎉"],
            "one emoji is one character, however many code points"
        );
        assert_eq!(line_texts(&lines), ["Ship it now, said the team."], "no double space or space before a stop left");
    }

    #[test]
    fn chinese_falls_back_to_the_cjk_font() {
        let lines = lay_out(&[Span::new("Wang 王小明", &style())], Pt(300.0), &mut Missing::default());
        let fonts: Vec<_> = lines[0].fragments.iter().map(|f| f.font).collect();
        assert_eq!(fonts, [FontId::SansRegular, FontId::Cjk]);
    }

    #[test]
    fn lines_never_end_in_a_hyphen_that_text_extraction_would_join() {
        let text = "we gave client teams a two-month deprecation window and a well-known linter";
        for width in (60..300).step_by(7) {
            let lines = lay_out(&[Span::new(text, &style())], Pt(width as f32), &mut Missing::default());
            let texts = line_texts(&lines);
            assert!(texts.iter().all(|t| !t.ends_with('-')), "{width}: {texts:?}");
        }
    }

    #[test]
    fn a_newline_forces_a_break() {
        let lines = lay_out(&[Span::new("one\ntwo", &style())], Pt(300.0), &mut Missing::default());
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
            let lines = lay_out(&fields(&texts), Pt(width as f32), &mut Missing::default());
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
        let lines = lay_out(&spans, Pt(400.0), &mut Missing::default());
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
        let lines = lay_out(&[Span::new(url.clone(), &style())], Pt(140.0), &mut Missing::default());
        let texts = line_texts(&lines);
        assert!(texts.len() > 3);
        assert_eq!(texts.concat(), url);
        for (line, next) in texts.iter().zip(&texts[1..]) {
            let at_boundary = line.ends_with(['/', '?']) || next.starts_with(['.', '-', '_', '?', '&']);
            assert!(at_boundary, "broken inside a word: {line:?} | {next:?}");
        }
    }

    #[test]
    fn arabic_is_shaped_joined_and_set_right_to_left_with_its_numbers_left_to_right() {
        // "Latency fell from 840 to 120": Arabic words round two numbers.
        let text = "انخفض الزمن من 840 إلى 120";
        let lines = lay_out(&[Span::new(text, &style())], Pt(400.0), &mut Missing::default());
        let [line] = &lines[..] else { panic!("one line: {lines:?}") };
        assert!(line.rtl, "an Arabic paragraph reads right to left");
        let fonts: Vec<FontId> = line.fragments.iter().map(|f| f.font).collect();
        assert!(fonts.contains(&FontId::ArabicRegular) && fonts.contains(&FontId::SansRegular), "{fonts:?}");
        // Fragments in reading order: the first words stand rightmost.
        let xs: Vec<f32> = line.fragments.iter().map(|f| f.x.0).collect();
        assert!(xs.windows(2).all(|w| w[0] > w[1]), "{xs:?}");
        // Each Arabic fragment is drawn as seen, its glyphs' text turned round; a reader
        // who turns it back reads the words.
        let read: String = line
            .fragments
            .iter()
            .map(|f| {
                let seen: String = f.glyphs.iter().map(|g| g.text.as_str()).collect();
                if f.rtl {
                    seen.chars().rev().collect()
                } else {
                    seen
                }
            })
            .collect();
        assert_eq!(read, text);
        let numbers: Vec<String> = line
            .fragments
            .iter()
            .filter(|f| !f.rtl)
            .map(|f| f.glyphs.iter().map(|g| g.text.as_str()).collect())
            .collect();
        assert_eq!(numbers, ["840", "120"], "numbers read left to right");
    }

    #[test]
    fn joined_letters_take_their_contextual_forms() {
        let style = style();
        let apart = lay_out(&[Span::new("ل ي ل ى", &style)], Pt(400.0), &mut Missing::default());
        let joined = lay_out(&[Span::new("ليلى", &style)], Pt(400.0), &mut Missing::default());
        let ids = |l: &[Line]| l[0].fragments.iter().flat_map(|f| f.glyphs.iter().map(|g| g.id)).collect::<Vec<_>>();
        let (apart, joined) = (ids(&apart), ids(&joined));
        assert!(joined.iter().any(|g| !apart.contains(g)), "initial, medial and final forms: {joined:?} vs {apart:?}");
    }

    #[test]
    fn hebrew_falls_back_to_its_font_and_a_latin_paragraph_stays_left_to_right() {
        let lines = lay_out(&[Span::new("Led the team at תשלומים בע״מ", &style())], Pt(400.0), &mut Missing::default());
        assert!(!lines[0].rtl);
        assert!(lines[0].fragments.iter().any(|f| f.font == FontId::HebrewRegular && f.rtl));
    }
}
