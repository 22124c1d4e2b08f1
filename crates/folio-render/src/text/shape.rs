//! Shaping: spans to positioned glyphs. The bidirectional algorithm gives each
//! character its level, font fallback picks a font per character, rustybuzz shapes
//! each run of one font and one level, and each glyph keeps the characters it stands
//! for so that the PDF maps it back to text.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use compact_str::CompactString;

use unicode_bidi::{bidi_class, BidiClass, BidiInfo, Level};

use super::{font_has, is_ignorable, printable, Missing, Span, RUN_GAP};
use crate::fonts::{font, font_for, FontId};

pub(super) struct ShapedGlyph {
    pub(super) id: u16,
    pub(super) advance: f32,
    /// How far right of the pen it is drawn (a mark over its letter).
    pub(super) offset: f32,
    /// Its bidirectional embedding level: odd is right to left.
    pub(super) level: Level,
    /// Byte offset of the character cluster in the paragraph's text.
    pub(super) cluster: usize,
    /// The characters it stands for, for the PDF to map it back to text.
    pub(super) text: CompactString,
    /// Index into the run styles.
    pub(super) run: usize,
}

pub(super) struct RunStyle {
    pub(super) font: FontId,
    pub(super) span: usize,
}

pub(super) struct Shaped<'a> {
    pub(super) text: String,
    pub(super) glyphs: Vec<ShapedGlyph>,
    pub(super) runs: Vec<RunStyle>,
    pub(super) spans: &'a [Span],
    /// Where each span's text starts and ends in `text`.
    pub(super) starts: Vec<usize>,
    pub(super) ends: Vec<usize>,
    /// Each paragraph's end in `text`, and whether it reads right to left.
    pub(super) paragraphs: Vec<(usize, bool)>,
}

impl Shaped<'_> {
    pub(super) fn is_space(&self, glyph: usize) -> bool {
        self.text[self.glyphs[glyph].cluster..].starts_with(char::is_whitespace)
    }

    pub(super) fn span_of(&self, glyph: usize) -> &Span {
        &self.spans[self.runs[self.glyphs[glyph].run].span]
    }

    /// Whether a line may break at byte `idx`: not inside a whole span.
    pub(super) fn may_break_at(&self, idx: usize) -> bool {
        !self
            .starts
            .iter()
            .zip(self.spans)
            .zip(&self.ends)
            .any(|((&start, span), &end)| span.whole && start < idx && idx < end)
    }
}

pub(super) fn shape<'a>(spans: &'a [Span], missing: &mut Missing) -> Shaped<'a> {
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
            // (Where the segment is in the span's own font, the fallbacks give it the
            // character anyway when it has it: no need to ask what kind it is.)
            let neutral = |c| matches!(bidi_class(c), BidiClass::WS | BidiClass::CS | BidiClass::ON);
            let font = match segment {
                _ if c == '\n' => None,
                Some((_, f, level))
                    if f != span.style.font && level == levels[base + offset] && font_has(f, c) && neutral(c) =>
                {
                    Some(f)
                }
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
    // No character below Hebrew's block is written right to left.
    if !text.chars().any(|c| c >= '\u{0590}' && matches!(bidi_class(c), BidiClass::R | BidiClass::AL)) {
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

/// Shapes one segment and adds its glyphs in reading order, word by word: each word
/// (with the spaces after it) is shaped once per font and direction and then taken from
/// [`WORDS`]. Nothing a shaper does reaches across a space in the bundled fonts — no
/// ligature, no joining — so the words give the glyphs the whole segment would.
fn shape_segment(shaped: &mut Shaped<'_>, span: usize, font_id: FontId, level: Level, base: usize, text: &str) {
    let f = font(font_id);
    let size = shaped.spans[span].style.size.0;
    let scale = size / f.units_per_em;
    let run = shaped.runs.len();
    shaped.runs.push(RunStyle { font: font_id, span });
    let rtl = level.is_rtl();
    let mut at = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        WORDS.with_borrow_mut(|words| {
            let glyphs = words.get(font_id, rtl, word);
            shaped.glyphs.extend(glyphs.iter().map(|g| ShapedGlyph {
                id: g.id,
                advance: g.advance as f32 * scale,
                offset: g.offset as f32 * scale,
                level,
                cluster: base + at + g.cluster as usize,
                text: g.text.clone(),
                run,
            }));
        });
        at += word.len();
    }
}

/// A word's glyphs, shared by every place it is laid out.
type ShapedWord = Rc<[WordGlyph]>;

/// A glyph of a shaped word, in font units, in reading order.
struct WordGlyph {
    id: u16,
    advance: i32,
    offset: i32,
    /// Byte offset of its cluster in the word.
    cluster: u32,
    text: CompactString,
}

/// Words already shaped, per font and direction, and the shaping plans made so far: a
/// plan is slow to make and serves every word of its font, direction and script.
#[derive(Default)]
struct Words {
    /// Per font and direction (right to left or not), each word's glyphs.
    shaped: HashMap<(FontId, bool), HashMap<String, ShapedWord>>,
    plans: Vec<((FontId, bool, rustybuzz::Script), Rc<rustybuzz::ShapePlan>)>,
}

/// Enough for a long portfolio's vocabulary; past it the cache starts again, so that a
/// long session of the app does not grow without end.
const MOST_WORDS: usize = 50_000;

thread_local! {
    static WORDS: RefCell<Words> = RefCell::new(Words::default());
}

impl Words {
    fn get(&mut self, font_id: FontId, rtl: bool, word: &str) -> ShapedWord {
        if let Some(glyphs) = self.shaped.get(&(font_id, rtl)).and_then(|words| words.get(word)) {
            return glyphs.clone();
        }
        if self.shaped.values().map(HashMap::len).sum::<usize>() >= MOST_WORDS {
            self.shaped.clear();
        }
        let glyphs = self.shape(font_id, rtl, word);
        self.shaped.entry((font_id, rtl)).or_default().insert(word.to_string(), glyphs.clone());
        glyphs
    }

    /// Shapes `word` with rustybuzz: a right-to-left word comes out of the shaper in
    /// visual order, and is turned round. What only steered the shaping is not kept,
    /// nor drawn (the shaper gives a joiner the space glyph, which must go on meaning a
    /// space).
    fn shape(&mut self, font_id: FontId, rtl: bool, word: &str) -> ShapedWord {
        let f = font(font_id);
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(word);
        buffer.set_direction(if rtl { rustybuzz::Direction::RightToLeft } else { rustybuzz::Direction::LeftToRight });
        buffer.guess_segment_properties();
        let script = buffer.script();
        let key = (font_id, rtl, script);
        let plan = match self.plans.iter().find(|(k, _)| *k == key) {
            Some((_, plan)) => plan.clone(),
            None => {
                let plan = Rc::new(rustybuzz::ShapePlan::new(&f.face, buffer.direction(), Some(script), None, &[]));
                self.plans.push((key, plan.clone()));
                plan
            }
        };
        let out = rustybuzz::shape_with_plan(&f.face, &plan, buffer);
        let infos = out.glyph_infos();
        let texts = glyph_texts(f, infos, word, rtl);
        let mut glyphs: Vec<WordGlyph> = infos
            .iter()
            .zip(out.glyph_positions())
            .zip(texts)
            .filter_map(|((info, pos), mut text)| {
                text.retain(|c| !is_ignorable(c));
                (!text.is_empty() || pos.x_advance != 0).then_some(WordGlyph {
                    id: info.glyph_id as u16,
                    advance: pos.x_advance,
                    offset: pos.x_offset,
                    cluster: info.cluster,
                    text: text.into(),
                })
            })
            .collect();
        if rtl {
            glyphs.reverse();
        }
        glyphs.into()
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
