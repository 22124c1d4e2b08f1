//! A page's content stream, written straight into bytes: text as `TJ` arrays of glyph
//! codes with the shaper's kerning, rules, boxes and images, each element's items as a
//! marked-content sequence with its own id and the page's furniture as an artifact.
//! Pages do not depend on one another, so they are written on every core.

use std::io::Write;

use super::fonts::Embedded;
use super::images::xobject_name;
use crate::document::{Document, Item, Page, TextRun};
use crate::units::{Pt, Rect, Rgb};

/// A page's content stream, and the element each of its marked-content ids belongs
/// to, in order (what the structure tree points at).
pub(super) fn page_content(page: &Page, doc: &Document, fonts: &[Option<Embedded>]) -> (Vec<u8>, Vec<usize>) {
    let mut out = Content { bytes: Vec::with_capacity(8 * 1024), height: doc.page_size.height, fonts };
    if !page.furniture.is_empty() {
        out.bytes.extend_from_slice(b"/Artifact BMC\n");
        for item in &page.furniture {
            out.draw(item);
        }
        out.bytes.extend_from_slice(b"EMC\n");
    }
    let mut ids: Vec<usize> = Vec::new();
    // The sequence open now: `Some(element)`, or `None` for an artifact.
    let mut open: Option<Option<usize>> = None;
    for item in &page.items {
        let element = match item {
            Item::Text(run) => run.element,
            Item::Image { element, .. } => *element,
            // A link is an annotation of the page: nothing is drawn for it.
            Item::Link { .. } => continue,
            _ => None,
        };
        if open != Some(element) {
            if open.is_some() {
                out.bytes.extend_from_slice(b"EMC\n");
            }
            match element {
                Some(e) => {
                    let tag = doc.structure[e].role.name();
                    let _ = writeln!(out.bytes, "/{tag} <</MCID {}>> BDC", ids.len());
                    ids.push(e);
                }
                None => out.bytes.extend_from_slice(b"/Artifact BMC\n"),
            }
            open = Some(element);
        }
        out.draw(item);
    }
    if open.is_some() {
        out.bytes.extend_from_slice(b"EMC\n");
    }
    (out.bytes, ids)
}

struct Content<'a> {
    bytes: Vec<u8>,
    height: Pt,
    fonts: &'a [Option<Embedded>],
}

impl Content<'_> {
    /// A number as PDF writes it: at most four decimals, no trailing zeros.
    fn number(&mut self, x: f32) {
        let rounded = (x * 10_000.0).round() / 10_000.0;
        let _ = write!(self.bytes, "{} ", if rounded == 0.0 { 0.0 } else { rounded });
    }

    fn colour(&mut self, c: Rgb, operator: &str) {
        for channel in [c.0, c.1, c.2] {
            self.number(f32::from(channel) / 255.0);
        }
        let _ = writeln!(self.bytes, "{operator}");
    }

    /// A rectangle's corners in PDF space (origin bottom left).
    fn rect(&mut self, r: &Rect) {
        for x in [r.x.0, (self.height - r.y - r.height).0, r.width.0, r.height.0] {
            self.number(x);
        }
        self.bytes.extend_from_slice(b"re\n");
    }

    fn draw(&mut self, item: &Item) {
        match item {
            Item::Text(run) => self.text(run),
            Item::Rect { rect, fill } => {
                self.colour(*fill, "rg");
                self.rect(rect);
                self.bytes.extend_from_slice(b"f\n");
            }
            Item::Line { from, to, width, color } => {
                self.colour(*color, "RG");
                self.number(width.0);
                self.bytes.extend_from_slice(b"w\n");
                for (p, operator) in [(from, "m\n"), (to, "l\nS\n")] {
                    self.number(p.x.0);
                    self.number((self.height - p.y).0);
                    self.bytes.extend_from_slice(operator.as_bytes());
                }
            }
            Item::Image { rect, asset, round, .. } => {
                self.bytes.extend_from_slice(b"q\n");
                if let Some(circle) = round {
                    self.circle_clip(circle);
                }
                let bottom = self.height - rect.y - rect.height;
                for x in [rect.width.0, 0.0, 0.0, rect.height.0, rect.x.0, bottom.0] {
                    self.number(x);
                }
                let _ = writeln!(self.bytes, "cm\n/{} Do\nQ", xobject_name(*asset));
            }
            Item::Link { .. } => {}
        }
    }

    /// A run of glyphs: one `TJ` of their codes in the embedded subset, with a kerning
    /// number wherever the shaper placed a glyph other than the font's own advance.
    fn text(&mut self, run: &TextRun) {
        let font = self.fonts[run.font as usize].as_ref().expect("every font a run uses is embedded");
        let size = run.size.0;
        self.bytes.extend_from_slice(b"BT\n/");
        self.bytes.extend_from_slice(font.resource.as_bytes());
        self.bytes.push(b' ');
        self.number(size);
        self.bytes.extend_from_slice(b"Tf\n");
        self.colour(run.color, "rg");
        self.bytes.extend_from_slice(b"1 0 0 1 ");
        self.number(run.origin.x.0);
        self.number((self.height - run.origin.y).0);
        self.bytes.extend_from_slice(b"Tm\n[<");
        for (i, g) in run.glyphs.iter().enumerate() {
            let (code, width) = font.code(g.id);
            hex(&mut self.bytes, code);
            // The viewer advances by the width the font's /W gives (thousandths of an
            // em); where the shaper's advance differs (kerning, a widened space), the
            // difference follows the glyph.
            let kern = f32::from(width) - g.advance.0 / size * 1000.0;
            if kern.abs() >= 0.01 && i + 1 < run.glyphs.len() {
                self.bytes.extend_from_slice(b"> ");
                self.number(kern);
                self.bytes.push(b'<');
            }
        }
        self.bytes.extend_from_slice(b">] TJ\nET\n");
    }

    /// A clipping path: the circle inscribed in `square` (four Bézier arcs).
    fn circle_clip(&mut self, square: &Rect) {
        let r = square.width.0 / 2.0;
        let (cx, cy) = (square.x.0 + r, (self.height - square.y).0 - r);
        let k = r * 0.552_284_8;
        self.number(cx + r);
        self.number(cy);
        self.bytes.extend_from_slice(b"m\n");
        let arcs = [
            [(cx + r, cy + k), (cx + k, cy + r), (cx, cy + r)],
            [(cx - k, cy + r), (cx - r, cy + k), (cx - r, cy)],
            [(cx - r, cy - k), (cx - k, cy - r), (cx, cy - r)],
            [(cx + k, cy - r), (cx + r, cy - k), (cx + r, cy)],
        ];
        for arc in arcs {
            for (x, y) in arc {
                self.number(x);
                self.number(y);
            }
            self.bytes.extend_from_slice(b"c\n");
        }
        self.bytes.extend_from_slice(b"h\nW\nn\n");
    }
}

/// A glyph code as four hex digits.
fn hex(out: &mut Vec<u8>, code: u16) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    for shift in [12, 8, 4, 0] {
        out.push(DIGITS[usize::from((code >> shift) & 0xf)]);
    }
}
