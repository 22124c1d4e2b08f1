//! Line breaking: where a line may end (UAX #14, never inside a whole span, never
//! after a hyphen), where a word too long for the measure is cut, and how the glyphs
//! of one line become fragments placed as they are seen.

use unicode_bidi::{BidiInfo, Level};
use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::shape::{Shaped, ShapedGlyph};
use super::{Fragment, Line};
use crate::document::Glyph;
use crate::fonts::font;
use crate::units::Pt;

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

/// The glyph ranges of the lines `shaped` breaks into at most `max` wide: at the
/// last break opportunity that fits, at every mandatory break, and inside a word
/// only when the word alone is wider than a line.
pub(super) fn line_ranges(shaped: &Shaped<'_>, max: f32) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let (mut line_start, mut line_end, mut line_width) = (0, 0, 0.0f32);
    for piece in pieces(shaped) {
        let trimmed = piece.width - piece.trailing_space;
        if line_end > line_start && line_width + trimmed > max {
            ranges.push((line_start, line_end));
            (line_start, line_width) = (piece.start, 0.0);
        }
        if line_end == line_start && trimmed > max {
            (line_start, line_width) = cut_long_word(shaped, &piece, max, &mut ranges);
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
    ranges
}

/// Cuts a word wider than the measure into lines, where a URL may break, else between
/// glyphs; returns where its last, unfinished line starts and how wide it is so far.
fn cut_long_word(shaped: &Shaped<'_>, piece: &Piece, max: f32, ranges: &mut Vec<(usize, usize)>) -> (usize, f32) {
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
        if g > chunk_start && url_break_before(shaped, g) {
            soft = Some((g, w));
        }
        w += advance;
    }
    (chunk_start, w)
}

/// Whether a URL may break before glyph `g`: before `. - _ ? & #` and after `/`
/// (never inside `//`).
fn url_break_before(shaped: &Shaped<'_>, g: usize) -> bool {
    let text = |g: usize| &shaped.text[shaped.glyphs[g].cluster..];
    let (before, here) = (text(g - 1), text(g));
    here.starts_with(['.', '-', '_', '?', '&', '#']) || (before.starts_with('/') && !here.starts_with('/'))
}

/// The line of glyphs `start..end`: spaces and separators at either end dropped, the
/// glyphs placed as they are seen, and grouped into fragments of one span, one font
/// and one direction.
pub(super) fn build_line(shaped: &Shaped<'_>, start: usize, end: usize) -> Line {
    let (start, end) = trim_idle(shaped, start, end);
    let glyphs = &shaped.glyphs[start..end];
    let width = glyphs.iter().map(|g| g.advance).sum();
    let at = glyphs.first().map_or(0, |g| g.cluster);
    let rtl = shaped.paragraphs.iter().find(|(end, _)| at < *end).is_some_and(|(_, rtl)| *rtl);
    let mut line = Line { width: Pt(width), rtl, ..Line::default() };
    let offsets = fill_fragments(shaped, glyphs, &mut line);
    draw_as_seen(&mut line, offsets);
    line
}

/// Spaces take no room at either end of a line, and a separator is not left hanging
/// there.
fn trim_idle(shaped: &Shaped<'_>, mut start: usize, mut end: usize) -> (usize, usize) {
    let idle = |g: usize| shaped.is_space(g) || shaped.span_of(g).separator;
    while end > start && idle(end - 1) {
        end -= 1;
    }
    while start < end && idle(start) {
        start += 1;
    }
    (start, end)
}

/// Where each glyph stands on the line: in reading order, unless some text runs right
/// to left, when the line is reordered by the bidirectional algorithm.
fn visual_lefts(glyphs: &[ShapedGlyph]) -> Vec<f32> {
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
    left
}

/// Groups the line's glyphs into fragments (a new one where the span, the font or the
/// direction changes) and sizes the line by their fonts; returns each fragment's glyph
/// offsets, in the order of its glyphs.
fn fill_fragments(shaped: &Shaped<'_>, glyphs: &[ShapedGlyph], line: &mut Line) -> Vec<Vec<f32>> {
    let left = visual_lefts(glyphs);
    let mut offsets: Vec<Vec<f32>> = Vec::new();
    for (i, glyph) in glyphs.iter().enumerate() {
        let run = &shaped.runs[glyph.run];
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
            offsets.push(Vec::new());
        }
        let fragment = line.fragments.last_mut().expect("pushed above");
        // Right to left, each glyph stands left of the one before.
        fragment.x = fragment.x.min(Pt(left[i]));
        fragment.glyphs.push(Glyph { id: glyph.id, advance: Pt(glyph.advance), text: glyph.text.clone() });
        offsets.last_mut().expect("pushed with its fragment").push(glyph.offset);
    }
    offsets
}

/// Right to left, the glyphs are drawn as they are seen, and each one's text is
/// written that way too (a ligature's letters turned round), so that a reader who
/// turns the item round reads every letter in order. A glyph drawn off its pen
/// position (a mark over a letter) moves the pen there and back.
fn draw_as_seen(line: &mut Line, offsets: Vec<Vec<f32>>) {
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
        for (k, offset) in offsets.into_iter().enumerate().filter(|(_, o)| *o != 0.0) {
            match k {
                0 => fragment.x += Pt(offset),
                _ => fragment.glyphs[k - 1].advance += Pt(offset),
            }
            fragment.glyphs[k].advance -= Pt(offset);
        }
    }
}
