//! Text out of a PDF the way applicant tracking systems take it: text items in the
//! order the content stream draws them, each with its position, size and weight, then
//! grouped into lines. Nothing is re-sorted by position: a reader that trusts drawing
//! order is exactly what Folio's PDFs must satisfy.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object};

use crate::Error;

/// One text-showing operation: what it says and where.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextItem {
    pub page: usize,
    pub x: f32,
    /// The baseline, from the page's bottom.
    pub y: f32,
    /// Where the text ends on the baseline.
    pub end: f32,
    pub size: f32,
    pub bold: bool,
    pub text: String,
}

/// Items on one baseline, in drawing order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub page: usize,
    pub x: f32,
    pub size: f32,
    pub items: Vec<TextItem>,
}

/// A gap between two items wider than this many ems splits a line into fields, as a
/// column gap or a tab would.
const FIELD_GAP: f32 = 1.5;
/// A gap wider than this many ems reads as a space between words.
const WORD_GAP: f32 = 0.15;

impl Line {
    /// The line's words as a reader joins them: a space where two items stand apart.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut previous: Option<&TextItem> = None;
        for item in &self.items {
            if let Some(p) = previous {
                let spaced = out.ends_with(char::is_whitespace) || item.text.starts_with(char::is_whitespace);
                if !spaced && item.x - p.end > WORD_GAP * item.size {
                    out.push(' ');
                }
            }
            out.push_str(&item.text);
            previous = Some(item);
        }
        collapse(&out)
    }

    /// Whether the line reads right to left: its first letter is Hebrew or Arabic.
    pub fn rtl(&self) -> bool {
        self.text().chars().find(|c| c.is_alphabetic()).is_some_and(|c| right_to_left(&c.to_string()))
    }

    /// Where the line ends on the right.
    pub fn right(&self) -> f32 {
        self.items.iter().map(|i| i.end.max(i.x)).fold(f32::NEG_INFINITY, f32::max)
    }

    /// Whether every item with letters or digits is bold.
    pub fn bold(&self) -> bool {
        let mut words = self.items.iter().filter(|i| i.text.chars().any(char::is_alphanumeric)).peekable();
        words.peek().is_some() && words.all(|i| i.bold)
    }

    /// Whether the line opens with a bold item.
    pub fn starts_bold(&self) -> bool {
        self.items.iter().find(|i| !i.text.trim().is_empty()).is_some_and(|i| i.bold && !is_marker(i.text.trim()))
    }

    /// The list marker the line opens with, if it is a bullet.
    pub fn marker(&self) -> Option<&str> {
        let first = self.items.first()?.text.trim_start();
        let marker = first.split_whitespace().next()?;
        is_marker(marker).then_some(marker)
    }

    /// The line's fields: its text split at separators (" · ", " | ", " • ") and at
    /// wide gaps.
    pub fn fields(&self) -> Vec<String> {
        let mut fields = vec![String::new()];
        let mut previous: Option<&TextItem> = None;
        for item in &self.items {
            if previous.is_some_and(|p| item.x - p.end > FIELD_GAP * item.size) {
                fields.push(String::new());
            }
            let current = fields.last_mut().expect("never empty");
            if previous.is_some_and(|p| item.x - p.end > WORD_GAP * item.size) {
                current.push(' ');
            }
            current.push_str(&item.text);
            previous = Some(item);
        }
        fields.iter().flat_map(|f| f.split(['·', '|', '•'])).map(collapse).filter(|f| !f.is_empty()).collect()
    }
}

/// Whether text holds right-to-left letters (Hebrew, Arabic) and no left-to-right ones.
pub(crate) fn right_to_left(text: &str) -> bool {
    let rtl = |c: char| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF);
    text.chars().any(rtl) && !text.chars().any(|c| c.is_alphabetic() && !rtl(c))
}

fn is_marker(text: &str) -> bool {
    matches!(text, "•" | "◦" | "▪" | "‣" | "–" | "-" | "*")
        || (text.ends_with('.') && text.len() > 1 && text[..text.len() - 1].bytes().all(|b| b.is_ascii_digit()))
}

/// Whitespace runs as single spaces, trimmed.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A font as far as reading needs it: how its codes become text, how wide each is,
/// and whether it is bold.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Two bytes per code (a CID font), or one.
    wide: bool,
    widths: BTreeMap<u32, f32>,
    default_width: f32,
    bold: bool,
}

impl<'a> Font<'a> {
    fn new(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let name = |d: &Dictionary| {
            d.get(b"BaseFont").and_then(Object::as_name).map(|n| String::from_utf8_lossy(n).into_owned())
        };
        let wide = dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|s| s == b"Type0");
        let mut widths = BTreeMap::new();
        let mut default_width = if wide { 1000.0 } else { 500.0 };
        if wide {
            let descendant = dict
                .get(b"DescendantFonts")
                .and_then(|o| doc.dereference(o))
                .and_then(|(_, o)| o.as_array())
                .ok()
                .and_then(|a| a.first())
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok());
            if let Some(d) = descendant {
                default_width = d.get(b"DW").and_then(Object::as_float).unwrap_or(default_width);
                if let Ok((_, Object::Array(w))) = d.get(b"W").and_then(|o| doc.dereference(o)) {
                    cid_widths(doc, w, &mut widths);
                }
            }
        } else if let (Ok(first), Ok((_, Object::Array(w)))) =
            (dict.get(b"FirstChar").and_then(Object::as_i64), dict.get(b"Widths").and_then(|o| doc.dereference(o)))
        {
            for (i, width) in w.iter().enumerate() {
                if let Ok(width) = width.as_float() {
                    widths.insert(first as u32 + i as u32, width);
                }
            }
        }
        Font {
            encoding: dict.get_font_encoding(doc).ok(),
            wide,
            widths,
            default_width,
            bold: name(dict).is_ok_and(|n| n.contains("Bold")),
        }
    }

    /// The width of a string's codes, in thousandths of an em.
    fn width(&self, bytes: &[u8]) -> f32 {
        let width = |code: u32| self.widths.get(&code).copied().unwrap_or(self.default_width);
        if self.wide {
            bytes.chunks(2).map(|c| width(u32::from(c[0]) << 8 | u32::from(*c.get(1).unwrap_or(&0)))).sum()
        } else {
            bytes.iter().map(|b| width(u32::from(*b))).sum()
        }
    }

    fn text(&self, bytes: &[u8]) -> String {
        match &self.encoding {
            Some(encoding) => Document::decode_text(encoding, bytes).unwrap_or_default(),
            None => String::new(),
        }
    }
}

/// A CID font's `/W` array: `c [w1 w2 …]` and `first last w` entries.
fn cid_widths(doc: &Document, array: &[Object], out: &mut BTreeMap<u32, f32>) {
    let number = |o: &Object| doc.dereference(o).ok().and_then(|(_, o)| o.as_float().ok());
    let mut i = 0;
    while i + 1 < array.len() {
        let Some(first) = number(&array[i]) else { return };
        match doc.dereference(&array[i + 1]).map(|(_, o)| o) {
            Ok(Object::Array(list)) => {
                for (k, w) in list.iter().enumerate() {
                    if let Some(w) = number(w) {
                        out.insert(first as u32 + k as u32, w);
                    }
                }
                i += 2;
            }
            _ => {
                let (Some(last), Some(w)) = (number(&array[i + 1]), array.get(i + 2).and_then(number)) else { return };
                for code in first as u32..=last as u32 {
                    out.insert(code, w);
                }
                i += 3;
            }
        }
    }
}

/// Every text item of every page, in drawing order.
pub(crate) fn items(pdf: &[u8]) -> Result<Vec<TextItem>, Error> {
    let doc = Document::load_mem(pdf).map_err(|e| Error::Unreadable(e.to_string()))?;
    let mut out = Vec::new();
    for (page, (_, id)) in doc.get_pages().into_iter().enumerate() {
        let dicts = doc.get_page_fonts(id).map_err(|e| Error::Unreadable(e.to_string()))?;
        let fonts: BTreeMap<Vec<u8>, Font> = dicts.into_iter().map(|(name, d)| (name, Font::new(&doc, d))).collect();
        let content = Content::decode(&doc.get_page_content(id)).map_err(|e| Error::Unreadable(e.to_string()))?;
        page_items(page, &content, &fonts, &mut out);
    }
    Ok(out)
}

/// The text state that positions items: the line start and the current point.
#[derive(Default)]
struct State<'f, 'a> {
    font: Option<&'f Font<'a>>,
    size: f32,
    leading: f32,
    line: (f32, f32),
    at: (f32, f32),
}

fn page_items(page: usize, content: &Content, fonts: &BTreeMap<Vec<u8>, Font>, out: &mut Vec<TextItem>) {
    let mut s = State::default();
    let number = |o: Option<&Object>| o.and_then(|o| o.as_float().ok()).unwrap_or(0.0);
    for op in &content.operations {
        let args = &op.operands;
        match op.operator.as_str() {
            "BT" => {
                s.line = (0.0, 0.0);
                s.at = s.line;
            }
            "Tf" => {
                s.font = args.first().and_then(|n| n.as_name().ok()).and_then(|n| fonts.get(n));
                s.size = number(args.get(1));
            }
            "TL" => s.leading = number(args.first()),
            "Tm" => {
                s.line = (number(args.get(4)), number(args.get(5)));
                s.at = s.line;
            }
            "Td" | "TD" => {
                if op.operator == "TD" {
                    s.leading = -number(args.get(1));
                }
                s.line = (s.line.0 + number(args.first()), s.line.1 + number(args.get(1)));
                s.at = s.line;
            }
            "T*" => {
                s.line.1 -= s.leading;
                s.at = s.line;
            }
            "Tj" | "TJ" | "'" | "\"" => {
                if op.operator != "Tj" && op.operator != "TJ" {
                    s.line.1 -= s.leading;
                    s.at = s.line;
                }
                let shown = args.last().map(std::slice::from_ref).unwrap_or_default();
                show(page, &mut s, shown, out);
            }
            _ => {}
        }
    }
}

/// One text-showing operation as one item.
fn show(page: usize, s: &mut State, operands: &[Object], out: &mut Vec<TextItem>) {
    let Some(font) = s.font else { return };
    let start = s.at.0;
    let mut text = String::new();
    let mut advance = 0.0;
    let mut parts = |o: &Object| match o {
        Object::String(bytes, _) => {
            text.push_str(&font.text(bytes));
            advance += font.width(bytes) / 1000.0 * s.size;
        }
        Object::Integer(_) | Object::Real(_) => advance -= o.as_float().unwrap_or(0.0) / 1000.0 * s.size,
        _ => {}
    };
    for operand in operands {
        match operand {
            Object::Array(list) => list.iter().for_each(&mut parts),
            other => parts(other),
        }
    }
    s.at.0 += advance;
    if text.is_empty() {
        return;
    }
    out.push(TextItem { page, x: start, y: s.at.1, end: start + advance, size: s.size, bold: font.bold, text });
}

/// Items grouped into lines: a new line wherever the baseline moves (or the page
/// changes), in drawing order.
pub(crate) fn lines(items: Vec<TextItem>) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some(line)
                if line.page == item.page
                    && line.items.last().is_some_and(|l| (l.y - item.y).abs() < 0.3 * l.size.max(item.size)) =>
            {
                line.size = line.size.max(item.size);
                line.items.push(item);
            }
            _ => lines.push(Line { page: item.page, x: item.x, size: item.size, items: vec![item] }),
        }
    }
    for line in &mut lines {
        read_right_to_left(line);
    }
    lines.retain(|l| !l.text().is_empty());
    lines
}

/// Right-to-left text is drawn as it is seen, and read the other way round: an item
/// of Hebrew or Arabic letters, and in a line that reads right to left an item of
/// punctuation alone (a comma between two Arabic words is drawn after its space).
fn read_right_to_left(line: &mut Line) {
    for item in &mut line.items {
        if right_to_left(&item.text) {
            item.text = item.text.chars().rev().collect();
        }
    }
    if line.rtl() {
        for item in line.items.iter_mut().filter(|i| !i.text.chars().any(char::is_alphanumeric)) {
            item.text = item.text.chars().rev().collect();
        }
    }
}
