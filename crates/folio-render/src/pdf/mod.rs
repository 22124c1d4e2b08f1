//! Serialisation: a laid-out [`Document`] to PDF bytes, built as a lopdf document in
//! memory and written once. [`content`] writes each page's content stream (text, rules,
//! images, as marked content); [`fonts`] embeds the fonts as subsets (cut by printpdf's
//! subsetter); [`images`] makes the image objects; [`finish`] adds the structure tree,
//! the nested outline, page labels, language, title and document id.
//!
//! Both cores share the work — pages written and compressed, fonts cut, streams
//! compressed — each task alone, joined in order: the bytes do not depend on how many
//! threads there are.
//!
//! Repeatable: resource names are derived from the fonts, time and id come from
//! [`PdfOptions`], so the same document and options give the same bytes.

mod content;
mod finish;
mod fonts;
mod images;

use std::collections::BTreeMap;
use std::io::Write;

use lopdf::{dictionary, Dictionary, Object, ObjectId, Stream};
use rayon::prelude::*;
use uuid::Uuid;

use crate::document::{Document, Item, LinkTarget, Page};
use crate::images::Images;
use crate::units::{Pt, Rect};
use content::page_content;
use finish::finish;
use images::{image_xobject, xobject_name};

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

/// Turns a document into PDF bytes, embedding the `images` it shows.
pub fn pdf(doc: &Document, options: &PdfOptions, images: &Images) -> Result<Vec<u8>, Error> {
    let mut pdf = lopdf::Document::with_version("1.7");
    let pages_id = pdf.new_object_id();
    let page_ids: Vec<ObjectId> = doc.pages.iter().map(|_| pdf.new_object_id()).collect();

    // Each image once, with the largest size it is printed at.
    let mut shown: BTreeMap<Uuid, (f32, f32)> = BTreeMap::new();
    for item in doc.pages.iter().flat_map(Page::drawn) {
        if let Item::Image { asset, rect, .. } = item {
            let size = shown.entry(*asset).or_default();
            *size = (size.0.max(rect.width.0), size.1.max(rect.height.0));
        }
    }
    let mut xobjects = Dictionary::new();
    for (asset, printed) in shown {
        let image = images.get(&asset).ok_or_else(|| Error::Image(format!("the image {asset} is missing")))?;
        let stream = image_xobject(image, printed, &mut pdf)?;
        xobjects.set(xobject_name(asset), pdf.add_object(stream));
    }
    let (fonts, font_resources) = fonts::embed(doc, &mut pdf)?;
    let resources = pdf.add_object(dictionary! { "Font" => font_resources, "XObject" => xobjects });

    // Every page's content, written and compressed on every core.
    let contents: Vec<(Stream, Vec<usize>)> = doc
        .pages
        .par_iter()
        .map(|page| {
            let (content, marked) = page_content(page, doc, &fonts);
            let stream = match deflate(&content) {
                Some(compressed) => Stream::new(dictionary! { "Filter" => "FlateDecode" }, compressed),
                None => Stream::new(Dictionary::new(), content),
            };
            (stream.with_compression(false), marked)
        })
        .collect();
    let (width, height) = (doc.page_size.width.0, doc.page_size.height.0);
    // For each page, the element each marked-content id on it belongs to.
    let mut marked: Vec<Vec<usize>> = Vec::with_capacity(doc.pages.len());
    for ((page, id), (content, elements)) in doc.pages.iter().zip(&page_ids).zip(contents) {
        let contents = pdf.add_object(content);
        let mut dict = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), width.into(), height.into()],
            "Resources" => resources,
            "Contents" => contents,
        };
        let annotations: Vec<Object> = page.drawn().filter_map(|item| link(item, doc, &page_ids)).collect();
        if !annotations.is_empty() {
            dict.set("Annots", annotations);
        }
        pdf.objects.insert(*id, Object::Dictionary(dict));
        marked.push(elements);
    }
    let kids: Vec<Object> = page_ids.iter().map(|id| Object::Reference(*id)).collect();
    let count = kids.len() as i64;
    pdf.objects
        .insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }));
    let catalog = pdf.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id, "PageLayout" => "OneColumn" });
    let info = pdf.add_object(dictionary! {
        "Creator" => Object::string_literal("Folio"),
        "Producer" => Object::string_literal("Folio"),
        "CreationDate" => date(options.created),
        "ModDate" => date(options.created),
    });
    pdf.trailer.set("Root", catalog);
    pdf.trailer.set("Info", info);
    finish(&mut pdf, doc, options, &marked)?;
    compress(&mut pdf);
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).map_err(|e| Error::Finish(e.to_string()))?;
    Ok(bytes)
}

/// A PDF date: `D:YYYYMMDDHHmmSS+00'00'`, in UTC (the epoch for a time out of range).
fn date(seconds: i64) -> Object {
    let at = jiff::Timestamp::from_second(seconds).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    Object::string_literal(at.strftime("D:%Y%m%d%H%M%S+00'00'").to_string())
}

/// A link on the page as an annotation: to an address, or to a place in the document.
fn link(item: &Item, doc: &Document, pages: &[ObjectId]) -> Option<Object> {
    let Item::Link { rect, target } = item else { return None };
    let height = doc.page_size.height;
    let action = match target {
        LinkTarget::Uri(uri) => dictionary! { "S" => "URI", "URI" => Object::string_literal(uri.as_str()) },
        LinkTarget::Anchor(i) => {
            let at = doc.anchors.get(*i).copied().unwrap_or_default();
            let page = pages.get(at.page).copied().map_or(Object::Null, Object::Reference);
            let top = (height - at.y).0 + 4.0;
            dictionary! { "S" => "GoTo", "D" => vec![page, "XYZ".into(), Object::Null, top.into(), Object::Null] }
        }
    };
    let Rect { x, y, width, height: h } = *rect;
    let bottom = height - y - h;
    let corners = [x, bottom, x + width, bottom + h].map(|v: Pt| Object::Real(v.0));
    // An explicit zero-width border: without it viewers draw a box around the words.
    Some(Object::Dictionary(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Link",
        "Rect" => corners.to_vec(),
        "Border" => vec![0.into(), 0.into(), 0.into()],
        "A" => action,
    }))
}

/// `bytes` compressed with Flate at the default level; `None` when that would not make
/// them smaller.
fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok().filter(|c| c.len() < bytes.len())
}

/// Compresses every stream that may be and is not yet (fonts, their maps, pixels; a
/// JPEG stays as it is) with Flate, in parallel. Each stream is compressed alone, so
/// the bytes do not depend on how many threads share the work.
fn compress(pdf: &mut lopdf::Document) {
    pdf.objects.par_iter_mut().for_each(|(_, object)| {
        let Object::Stream(stream) = object else { return };
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            return;
        }
        if let Some(compressed) = deflate(&stream.content) {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    });
}
