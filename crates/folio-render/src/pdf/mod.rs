//! Serialisation: a laid-out [`Document`] to PDF bytes, through printpdf's `Op` API
//! into a lopdf document in memory; to that is added what printpdf does not write well
//! — a nested outline that lands on the heading, page labels, the document language, a
//! stable document id — and the empty PDF/X markers it always adds are dropped; then
//! its streams are compressed on every core and it is written once.
//!
//! Repeatable: resource names are derived from the fonts, time and id come from
//! [`PdfOptions`], so the same document and options give the same bytes.
//!
//! Here the pages are drawn (text, rules, images as marked content); [`images`] makes
//! the image objects; [`finish`] adds to printpdf's document.

mod finish;
mod images;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use rayon::prelude::*;

use printpdf::{
    Actions, BorderArray, Color, DictItem, LinePoint, LinkAnnotation, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Polygon, PolygonRing, TextItem, TextMatrix, WindingOrder, XObject,
    XObjectTransform,
};
use uuid::Uuid;

use crate::document::{Document, Item, LinkTarget, Page, TextRun};
use crate::fonts::{font, FontId};
use crate::images::Images;
use crate::units::{Mm, Pt, Rect, Rgb};
use finish::finish;
use images::{image_xobject, xobject_id};

/// What the PDF says about itself beyond the document's own content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfOptions {
    /// Creation time, seconds since the Unix epoch (UTC).
    pub created: i64,
    /// The document's permanent identifier: 16 bytes, e.g. derived from the edition.
    pub document_id: [u8; 16],
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the bundled font {0} could not be prepared for the PDF")]
    Font(&'static str),
    #[error("the PDF could not be finished: {0}")]
    Finish(String),
    #[error("an image could not be prepared for the PDF: {0}")]
    Image(String),
}

/// Fonts as printpdf needs them, parsed once per process.
fn parsed(id: FontId) -> Result<&'static ParsedFont, Error> {
    static PARSED: [OnceLock<Option<ParsedFont>>; FontId::ALL.len()] = [const { OnceLock::new() }; FontId::ALL.len()];
    PARSED[id as usize]
        .get_or_init(|| ParsedFont::from_bytes(id.bytes(), 0, &mut Vec::new()))
        .as_ref()
        .ok_or(Error::Font(id.name()))
}

/// The font's resource name, which printpdf also uses as the subset tag: six capital
/// letters derived from the glyphs used, so that different subsets get different tags
/// and the same subset always the same one.
fn resource(id: FontId, glyphs: &BTreeSet<u16>) -> printpdf::FontId {
    // FNV-1a over the font and its glyph ids.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.name().bytes().chain(glyphs.iter().flat_map(|g| g.to_be_bytes())) {
        hash = (hash ^ byte as u64).wrapping_mul(0x0100_0000_01b3);
    }
    let tag: String = (0..6).map(|i| (b'A' + ((hash >> (i * 5)) % 26) as u8) as char).collect();
    printpdf::FontId(tag)
}

fn colour(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb { r: c.0 as f32 / 255.0, g: c.1 as f32 / 255.0, b: c.2 as f32 / 255.0, icc_profile: None })
}

/// Turns a document into PDF bytes, embedding the `images` it shows.
pub fn pdf(doc: &Document, options: &PdfOptions, images: &Images) -> Result<Vec<u8>, Error> {
    let mut out = PdfDocument::new(&doc.metadata.title);
    // Each image once, with the largest size it is printed at.
    let mut shown: BTreeMap<Uuid, (f32, f32)> = BTreeMap::new();
    for item in doc.pages.iter().flat_map(Page::drawn) {
        if let Item::Image { asset, rect, .. } = item {
            let size = shown.entry(*asset).or_default();
            *size = (size.0.max(rect.width.0), size.1.max(rect.height.0));
        }
    }
    for (asset, printed) in shown {
        let image = images.get(&asset).ok_or_else(|| Error::Image(format!("the image {asset} is missing")))?;
        out.resources.xobjects.map.insert(xobject_id(asset), XObject::External(image_xobject(image, printed)?));
    }
    let mut used: BTreeMap<FontId, BTreeSet<u16>> = BTreeMap::new();
    for item in doc.pages.iter().flat_map(Page::drawn) {
        if let Item::Text(t) = item {
            used.entry(t.font).or_default().extend(t.glyphs.iter().map(|g| g.id));
        }
    }
    let resources: BTreeMap<FontId, printpdf::FontId> =
        used.iter().map(|(id, glyphs)| (*id, resource(*id, glyphs))).collect();
    for (id, name) in &resources {
        out.resources.fonts.map.insert(name.clone(), printpdf::PdfFont::new(parsed(*id)?.clone()));
    }

    let height = doc.page_size.height;
    let to_mm = |p: Pt| Mm::from(p).0;
    // For each page, the element each marked-content id on it belongs to.
    let mut marked: Vec<Vec<usize>> = Vec::with_capacity(doc.pages.len());
    let pages = doc
        .pages
        .iter()
        .map(|page| {
            let mut ops = Vec::new();
            if !page.furniture.is_empty() {
                ops.push(Op::BeginMarkedContent { tag: "Artifact".into() });
                for item in &page.furniture {
                    draw(item, height, doc, &resources, &mut ops);
                }
                ops.push(Op::EndMarkedContent);
            }
            marked.push(draw_marked(&page.items, height, doc, &resources, &mut ops));
            PdfPage::new(printpdf::Mm(to_mm(doc.page_size.width)), printpdf::Mm(to_mm(height)), ops)
        })
        .collect();
    out.with_pages(pages);

    let info = &mut out.metadata.info;
    info.author = doc.metadata.author.clone();
    info.subject = doc.metadata.subject.clone();
    info.keywords = doc.metadata.keywords.clone();
    info.creator = "Folio".into();
    info.producer = "Folio".into();
    let created = printpdf::OffsetDateTime::from_unix_timestamp(options.created)
        .or_else(|_| printpdf::OffsetDateTime::from_unix_timestamp(0))
        .map_err(|e| Error::Finish(e.to_string()))?;
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;
    info.identifier = hex::encode(options.document_id);

    // Compression is left to `compress`, on both cores.
    let save = PdfSaveOptions { optimize: false, subset_fonts: true, secure: true, image_optimization: None };
    let mut pdf = out.to_lopdf_document(&save, &mut Vec::new());
    // printpdf's pages are written into `pdf` now: their memory goes back before more is taken.
    drop(out);
    finish(&mut pdf, doc, options, &marked)?;
    compress(&mut pdf);
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).map_err(|e| Error::Finish(e.to_string()))?;
    Ok(bytes)
}

/// Compresses every stream that may be (page contents, fonts, pixels; a JPEG stays as
/// it is) with Flate, in parallel. Each stream is compressed alone, so the bytes do not
/// depend on how many threads share the work.
fn compress(pdf: &mut lopdf::Document) {
    use std::io::Write;
    pdf.objects.par_iter_mut().for_each(|(_, object)| {
        let lopdf::Object::Stream(stream) = object else { return };
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            return;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let compressed = encoder.write_all(&stream.content).and_then(|()| encoder.finish());
        // Kept plain where Flate would not make it smaller.
        if let Some(compressed) = compressed.ok().filter(|c| c.len() < stream.content.len()) {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    });
}

/// Draws a page's content, each run of items that belong to one element as a
/// marked-content sequence with its own id (what the structure tree points at), and
/// what belongs to none — rules, boxes, a repeated heading — as an artifact. Returns
/// the element of each id, in order.
fn draw_marked(
    items: &[Item],
    page_height: Pt,
    doc: &Document,
    fonts: &BTreeMap<FontId, printpdf::FontId>,
    ops: &mut Vec<Op>,
) -> Vec<usize> {
    let mut ids: Vec<usize> = Vec::new();
    // The sequence open now: `Some(element)`, or `None` for an artifact.
    let mut open: Option<Option<usize>> = None;
    for item in items {
        let element = match item {
            Item::Text(run) => run.element,
            Item::Image { element, .. } => *element,
            // An annotation draws nothing: it stays in whatever sequence is open.
            Item::Link { .. } if open.is_some() => {
                draw(item, page_height, doc, fonts, ops);
                continue;
            }
            _ => None,
        };
        if open != Some(element) {
            if open.is_some() {
                ops.push(Op::EndMarkedContent);
            }
            match element {
                Some(e) => {
                    let properties = BTreeMap::from([("MCID".to_string(), DictItem::Int(ids.len() as i64))]);
                    let tag = doc.structure[e].role.name().to_string();
                    ops.push(Op::BeginMarkedContentWithProperties {
                        tag,
                        properties: DictItem::Dict { map: properties },
                    });
                    ids.push(e);
                }
                None => ops.push(Op::BeginMarkedContent { tag: "Artifact".into() }),
            }
            open = Some(element);
        }
        draw(item, page_height, doc, fonts, ops);
    }
    if open.is_some() {
        ops.push(Op::EndMarkedContent);
    }
    ids
}

fn draw(item: &Item, page_height: Pt, doc: &Document, fonts: &BTreeMap<FontId, printpdf::FontId>, ops: &mut Vec<Op>) {
    let flip = |r: &Rect| printpdf::Rect {
        x: printpdf::Pt(r.x.0),
        y: printpdf::Pt((page_height - r.y - r.height).0),
        width: printpdf::Pt(r.width.0),
        height: printpdf::Pt(r.height.0),
        mode: Some(PaintMode::Fill),
        winding_order: Some(WindingOrder::NonZero),
    };
    match item {
        Item::Text(run) => text(run, &fonts[&run.font], page_height, ops),
        Item::Rect { rect, fill } => {
            ops.push(Op::SetFillColor { col: colour(*fill) });
            ops.push(Op::DrawRectangle { rectangle: flip(rect) });
        }
        Item::Line { from, to, width, color } => {
            let point = |p: &crate::units::Point| printpdf::LinePoint {
                p: printpdf::Point { x: printpdf::Pt(p.x.0), y: printpdf::Pt((page_height - p.y).0) },
                bezier: false,
            };
            ops.push(Op::SetOutlineColor { col: colour(*color) });
            ops.push(Op::SetOutlineThickness { pt: printpdf::Pt(width.0) });
            ops.push(Op::DrawLine { line: printpdf::Line { points: vec![point(from), point(to)], is_closed: false } });
        }
        Item::Image { rect, asset, round, .. } => {
            ops.push(Op::SaveGraphicsState);
            if let Some(circle) = round {
                ops.push(Op::DrawPolygon { polygon: circle_clip(circle, page_height) });
            }
            ops.push(Op::UseXobject {
                id: xobject_id(*asset),
                transform: XObjectTransform {
                    translate_x: Some(printpdf::Pt(rect.x.0)),
                    translate_y: Some(printpdf::Pt((page_height - rect.y - rect.height).0)),
                    scale_x: Some(rect.width.0),
                    scale_y: Some(rect.height.0),
                    no_auto_scale: true,
                    ..XObjectTransform::default()
                },
            });
            ops.push(Op::RestoreGraphicsState);
        }
        Item::Link { rect, target } => {
            let action = match target {
                LinkTarget::Uri(uri) => Actions::Uri(uri.clone()),
                LinkTarget::Anchor(i) => {
                    let at = doc.anchors.get(*i).copied().unwrap_or_default();
                    Actions::Goto(printpdf::Destination::Xyz {
                        page: at.page + 1,
                        left: None,
                        top: Some((page_height - at.y).0 + 4.0),
                        zoom: None,
                    })
                }
            };
            let mut area = flip(rect);
            area.mode = None;
            area.winding_order = None;
            // An explicit zero-width border: without it viewers draw a cyan box.
            let link = LinkAnnotation::new(area, action, Some(BorderArray::Solid([0.0, 0.0, 0.0])), None, None);
            ops.push(Op::LinkAnnotation { link });
        }
    }
}

fn text(run: &TextRun, resource: &printpdf::FontId, page_height: Pt, ops: &mut Vec<Op>) {
    let f = font(run.font);
    let size = run.size.0;
    // TJ positions each glyph by the font's own advance; the shaper's (kerned) advance
    // differs by `offset`, in thousandths of an em.
    let glyphs = run
        .glyphs
        .iter()
        .map(|g| {
            let natural = f.face.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g.id)).unwrap_or(0) as f32;
            let shaped = g.advance.0 / size * f.units_per_em;
            let offset = (natural - shaped) / f.units_per_em * 1000.0;
            let offset = if offset.abs() < 0.01 { 0.0 } else { offset };
            printpdf::Codepoint { gid: g.id, offset, cid: Some(g.text.to_string()) }
        })
        .collect();
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFont { font: PdfFontHandle::External(resource.clone()), size: printpdf::Pt(size) });
    ops.push(Op::SetFillColor { col: colour(run.color) });
    ops.push(Op::SetTextMatrix {
        matrix: TextMatrix::Translate(printpdf::Pt(run.origin.x.0), printpdf::Pt((page_height - run.origin.y).0)),
    });
    ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(glyphs)] });
    ops.push(Op::EndTextSection);
}

/// A clipping path: the circle inscribed in `square` (four Bézier arcs).
fn circle_clip(square: &Rect, page_height: Pt) -> Polygon {
    let r = square.width.0 / 2.0;
    let (cx, cy) = (square.x.0 + r, (page_height - square.y).0 - r);
    let k = r * 0.552_284_8;
    let point = |x: f32, y: f32, bezier: bool| LinePoint {
        p: printpdf::Point { x: printpdf::Pt(x), y: printpdf::Pt(y) },
        bezier,
    };
    let points = vec![
        point(cx + r, cy, false),
        point(cx + r, cy + k, true),
        point(cx + k, cy + r, true),
        point(cx, cy + r, false),
        point(cx - k, cy + r, true),
        point(cx - r, cy + k, true),
        point(cx - r, cy, false),
        point(cx - r, cy - k, true),
        point(cx - k, cy - r, true),
        point(cx, cy - r, false),
        point(cx + k, cy - r, true),
        point(cx + r, cy - k, true),
        point(cx + r, cy, false),
    ];
    Polygon { rings: vec![PolygonRing { points }], mode: PaintMode::Clip, winding_order: WindingOrder::NonZero }
}
