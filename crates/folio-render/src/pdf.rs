//! Serialisation: a laid-out [`Document`] to PDF bytes, through printpdf's `Op` API,
//! then a short pass with lopdf for what printpdf does not write well — a nested
//! outline that lands on the heading, page labels, the document language, a stable
//! document id — and to drop the empty PDF/X markers it always adds.
//!
//! Repeatable: resource names are derived from the fonts, time and id come from
//! [`PdfOptions`], so the same document and options give the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, Color, DictItem, ExternalStream, ExternalXObject, LinePoint, LinkAnnotation, Op, PaintMode,
    ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Polygon, PolygonRing, TextItem, TextMatrix,
    WindingOrder, XObject, XObjectId, XObjectTransform,
};
use uuid::Uuid;

use crate::document::{Destination, Document, Item, LinkTarget, OutlineEntry, Page, TextRun};
use crate::fonts::{font, FontId};
use crate::images::{Image, ImageFormat, Images};
use crate::units::{Mm, Pt, Rect, Rgb};

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
    info.identifier = hex(&options.document_id);

    let save = PdfSaveOptions { optimize: true, subset_fonts: true, secure: true, image_optimization: None };
    let bytes = out.save(&save, &mut Vec::new());
    finish(&bytes, doc, options, &marked)
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
            printpdf::Codepoint { gid: g.id, offset, cid: Some(g.text.clone()) }
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

/// The resource name of an image: derived from its asset, so output is repeatable.
fn xobject_id(asset: Uuid) -> XObjectId {
    XObjectId(format!("Im{}", asset.simple()))
}

/// The resolution print needs.
const PRINT_PPI: f32 = 300.0;

/// An image XObject: a JPEG's bytes as they are (DCTDecode), anything else as pixels
/// (Flate-compressed) with a soft mask when it has transparency. An image printed at
/// less than half the size its pixels allow (a profile photo) is first brought down to
/// [`PRINT_PPI`], so the PDF does not carry four times what the page can show; one
/// printed nearer its size goes in untouched, never decoded and re-encoded.
fn image_xobject(image: &Image, printed: (f32, f32)) -> Result<ExternalXObject, Error> {
    let needed = ((printed.0 / 72.0 * PRINT_PPI).ceil() as u32, (printed.1 / 72.0 * PRINT_PPI).ceil() as u32);
    if u64::from(image.width) > u64::from(needed.0) * 2 {
        let shrunk = folio_media::shrink(&image.bytes, needed.0, needed.1).map_err(|e| Error::Image(e.to_string()))?;
        return Ok(match shrunk {
            folio_media::Shrunk::Jpeg { width, height, bytes } => {
                image_xobject(&Image { width, height, format: ImageFormat::Jpeg, bytes }, printed)?
            }
            folio_media::Shrunk::Pixels(pixels) => pixel_xobject(pixels),
        });
    }
    let jpeg_colour = match (image.format, folio_media::jpeg_components(&image.bytes)) {
        (ImageFormat::Jpeg, Some(1)) => Some("DeviceGray"),
        (ImageFormat::Jpeg, Some(3)) => Some("DeviceRGB"),
        _ => None,
    };
    if let Some(stream) = png_as_is(image) {
        return Ok(ExternalXObject { stream, width: None, height: None, dpi: None });
    }
    let stream = if let Some(colour) = jpeg_colour {
        let mut dict = image_dict(image.width, image.height, colour);
        dict.insert("Filter".into(), DictItem::Name(b"DCTDecode".to_vec()));
        ExternalStream { dict, content: image.bytes.clone(), compress: false }
    } else {
        let pixels = folio_media::pixels(&image.bytes).map_err(|e| Error::Image(e.to_string()))?;
        return Ok(pixel_xobject(pixels));
    };
    Ok(ExternalXObject { stream, width: None, height: None, dpi: None })
}

/// An opaque 8-bit RGB PNG without interlacing — what import keeps a diagram as —
/// goes in as its own compressed data: PDF's Flate filter with the PNG predictors
/// reads it as it is, so nothing is decoded or compressed again.
fn png_as_is(image: &Image) -> Option<ExternalStream> {
    let bytes = &image.bytes;
    if image.format != ImageFormat::Png || !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return None;
    }
    let mut at = 8;
    let mut data = Vec::new();
    while at + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[at..at + 4].try_into().ok()?) as usize;
        let kind = &bytes[at + 4..at + 8];
        let body = bytes.get(at + 8..at + 8 + len)?;
        match kind {
            // Width, height, then bit depth 8, colour type 2 (RGB), interlace 0.
            b"IHDR" if body.len() != 13 || (body[8], body[9], body[12]) != (8, 2, 0) => return None,
            // Transparency by key colour: the PDF needs a mask, so decode.
            b"tRNS" => return None,
            b"IDAT" => data.extend_from_slice(body),
            b"IEND" => break,
            _ => {}
        }
        at += 12 + len;
    }
    if data.is_empty() {
        return None;
    }
    let mut dict = image_dict(image.width, image.height, "DeviceRGB");
    dict.insert("Filter".into(), DictItem::Name(b"FlateDecode".to_vec()));
    let parms = BTreeMap::from([
        ("Predictor".to_string(), DictItem::Int(15)),
        ("Colors".to_string(), DictItem::Int(3)),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
        ("Columns".to_string(), DictItem::Int(i64::from(image.width))),
    ]);
    dict.insert("DecodeParms".into(), DictItem::Dict { map: parms });
    Some(ExternalStream { dict, content: data, compress: false })
}

fn image_dict(width: u32, height: u32, colour: &str) -> BTreeMap<String, DictItem> {
    let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
    BTreeMap::from([
        ("Type".to_string(), name("XObject")),
        ("Subtype".to_string(), name("Image")),
        ("Width".to_string(), DictItem::Int(i64::from(width))),
        ("Height".to_string(), DictItem::Int(i64::from(height))),
        ("ColorSpace".to_string(), name(colour)),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
    ])
}

fn pixel_xobject(folio_media::Pixels { width, height, rgb, alpha }: folio_media::Pixels) -> ExternalXObject {
    let mut dict = image_dict(width, height, "DeviceRGB");
    if let Some(alpha) = alpha {
        let mask = ExternalStream { dict: image_dict(width, height, "DeviceGray"), content: alpha, compress: true };
        dict.insert("SMask".into(), DictItem::Stream { stream: mask });
    }
    ExternalXObject {
        stream: ExternalStream { dict, content: rgb, compress: true },
        width: None,
        height: None,
        dpi: None,
    }
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

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A PDF text string: UTF-16BE with a byte-order mark, so any script survives.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn finish(bytes: &[u8], doc: &Document, options: &PdfOptions, marked: &[Vec<usize>]) -> Result<Vec<u8>, Error> {
    let err = |e: lopdf::Error| Error::Finish(e.to_string());
    let mut pdf = lopdf::Document::load_mem(bytes).map_err(err)?;
    let pages: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    let height = doc.page_size.height;
    let structure = write_structure(&mut pdf, doc, &pages, marked)?;

    let outlines_id = pdf.new_object_id();
    let (first, last, count) = write_outline(&mut pdf, &doc.outline, outlines_id, &pages, height);
    let mut outlines = Dictionary::new();
    outlines.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(first), Some(last)) = (first, last) {
        outlines.set("First", first);
        outlines.set("Last", last);
        outlines.set("Count", count as i64);
    }
    pdf.objects.insert(outlines_id, Object::Dictionary(outlines));

    let catalog = pdf.catalog_mut().map_err(err)?;
    catalog.set("Outlines", outlines_id);
    catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    catalog.set("Lang", Object::string_literal(doc.metadata.language.clone()));
    let mut labels = Dictionary::new();
    let mut decimal = Dictionary::new();
    decimal.set("S", Object::Name(b"D".to_vec()));
    labels.set("Nums", vec![Object::Integer(0), Object::Dictionary(decimal)]);
    catalog.set("PageLabels", labels);
    catalog.remove(b"OutputIntents");
    // A tagged PDF: its structure, and the title shown in place of the file name.
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", true);
    catalog.set("MarkInfo", mark_info);
    catalog.set("StructTreeRoot", structure);
    let mut viewer = Dictionary::new();
    viewer.set("DisplayDocTitle", true);
    catalog.set("ViewerPreferences", viewer);

    // Titles in any script, and no empty PDF/X claim.
    if let Ok(info_id) = pdf.trailer.get(b"Info").and_then(Object::as_reference) {
        if let Ok(info) = pdf.get_object_mut(info_id).and_then(Object::as_dict_mut) {
            info.set("Title", text_string(&doc.metadata.title));
            info.set("Author", text_string(&doc.metadata.author));
            info.set("Subject", text_string(&doc.metadata.subject));
            info.set("Keywords", text_string(&doc.metadata.keywords.join(", ")));
            info.remove(b"GTS_PDFXVersion");
            info.remove(b"Trapped");
        }
    }
    let id = Object::String(options.document_id.to_vec(), StringFormat::Hexadecimal);
    pdf.trailer.set("ID", vec![id.clone(), id]);
    pdf.prune_objects();

    let mut out = Vec::with_capacity(bytes.len());
    pdf.save_to(&mut out).map_err(|e| Error::Finish(e.to_string()))?;
    Ok(out)
}

/// Writes the structure tree — a `Document` element holding every element the pages
/// mark, in reading order — and the parent tree that leads from each marked-content id
/// back to its element; gives every page its `StructParents`. Returns the root.
fn write_structure(
    pdf: &mut lopdf::Document,
    doc: &Document,
    pages: &[ObjectId],
    marked: &[Vec<usize>],
) -> Result<ObjectId, Error> {
    let root = pdf.new_object_id();
    let top = pdf.new_object_id();
    let ids: Vec<ObjectId> = doc.structure.iter().map(|_| pdf.new_object_id()).collect();
    // Each element's kids in the order the pages reach them: marked content and
    // elements within it. An element no page reaches is left out.
    let mut kids: Vec<Vec<Object>> = vec![Vec::new(); ids.len()];
    let mut placed = vec![false; ids.len()];
    let mut top_kids: Vec<Object> = Vec::new();
    let mut nums: Vec<Object> = Vec::new();
    for (index, (page, elements)) in pages.iter().zip(marked).enumerate() {
        for (mcid, &element) in elements.iter().enumerate() {
            // Place the element and those it sits in, outermost first.
            let mut chain = vec![element];
            while let Some(parent) = doc.structure[*chain.last().expect("not empty")].parent {
                chain.push(parent);
            }
            for &e in chain.iter().rev() {
                if !placed[e] {
                    placed[e] = true;
                    match doc.structure[e].parent {
                        Some(parent) => kids[parent].push(Object::Reference(ids[e])),
                        None => top_kids.push(Object::Reference(ids[e])),
                    }
                }
            }
            let mut content = Dictionary::new();
            content.set("Type", Object::Name(b"MCR".to_vec()));
            content.set("Pg", *page);
            content.set("MCID", mcid as i64);
            kids[element].push(Object::Dictionary(content));
        }
        nums.push(Object::Integer(index as i64));
        nums.push(Object::Array(elements.iter().map(|&e| Object::Reference(ids[e])).collect()));
        let page = pdf.get_object_mut(*page).and_then(Object::as_dict_mut).map_err(|e| Error::Finish(e.to_string()))?;
        page.set("StructParents", index as i64);
        page.set("Tabs", Object::Name(b"S".to_vec()));
    }
    for (e, element) in doc.structure.iter().enumerate().filter(|(e, _)| placed[*e]) {
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"StructElem".to_vec()));
        dict.set("S", Object::Name(element.role.name().as_bytes().to_vec()));
        dict.set("P", element.parent.map_or(top, |p| ids[p]));
        dict.set("K", std::mem::take(&mut kids[e]));
        if let Some(alt) = &element.alt {
            dict.set("Alt", text_string(alt));
        }
        pdf.objects.insert(ids[e], Object::Dictionary(dict));
    }
    let mut document = Dictionary::new();
    document.set("Type", Object::Name(b"StructElem".to_vec()));
    document.set("S", Object::Name(b"Document".to_vec()));
    document.set("P", root);
    document.set("K", top_kids);
    pdf.objects.insert(top, Object::Dictionary(document));
    let mut parent_tree = Dictionary::new();
    parent_tree.set("Nums", nums);
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    tree.set("K", top);
    tree.set("ParentTree", parent_tree);
    tree.set("ParentTreeNextKey", pages.len() as i64);
    pdf.objects.insert(root, Object::Dictionary(tree));
    Ok(root)
}

/// Writes `entries` as outline items under `parent`; returns the first and last item
/// and how many items are visible.
fn write_outline(
    pdf: &mut lopdf::Document,
    entries: &[OutlineEntry],
    parent: ObjectId,
    pages: &[ObjectId],
    height: Pt,
) -> (Option<ObjectId>, Option<ObjectId>, usize) {
    let ids: Vec<ObjectId> = entries.iter().map(|_| pdf.new_object_id()).collect();
    let mut count = entries.len();
    for (i, entry) in entries.iter().enumerate() {
        let (first, last, children) = write_outline(pdf, &entry.children, ids[i], pages, height);
        count += children;
        let mut item = Dictionary::new();
        item.set("Title", text_string(&entry.title));
        item.set("Parent", parent);
        item.set("Dest", destination(entry.at, pages, height));
        if i > 0 {
            item.set("Prev", ids[i - 1]);
        }
        if i + 1 < ids.len() {
            item.set("Next", ids[i + 1]);
        }
        if let (Some(first), Some(last)) = (first, last) {
            item.set("First", first);
            item.set("Last", last);
            item.set("Count", children as i64);
        }
        pdf.objects.insert(ids[i], Object::Dictionary(item));
    }
    (ids.first().copied(), ids.last().copied(), count)
}

fn destination(at: Destination, pages: &[ObjectId], height: Pt) -> Object {
    let page = pages.get(at.page).copied().map_or(Object::Null, Object::Reference);
    let top = (height - at.y).0 + 4.0;
    Object::Array(vec![page, Object::Name(b"XYZ".to_vec()), Object::Null, Object::Real(top), Object::Null])
}
