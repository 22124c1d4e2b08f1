//! What docx-rs 0.4 cannot say, written into the parts it built before they are
//! packed: the document's properties (it writes "unknown" as the author), each
//! figure's alternative text (it names every picture "Figure", id 1), Normal as the
//! default paragraph style (which readers fall back on for a paragraph with none), the fonts'
//! fallbacks (its font table lists Times New Roman, Symbol and Arial only), and
//! relationship ids numbered from 1 in each file and listed in order (it counts
//! pictures and links across the process and lists links in hash order), so that the
//! same snapshot gives the same bytes; and JPEG pictures named `.jpeg` (it names every
//! picture `.png`), so that a photo goes in as it is kept, never re-encoded.
//!
//! Each part is written or rewritten with quick-xml's writer, which escapes what it
//! is given, so that nothing typed can break the XML.

use std::collections::{HashMap, HashSet};
use std::io::Cursor;

use docx_rs::XMLDocx;
use folio_model::DocumentInfo;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

use crate::docx::{Error, Font, Look};

const WORD_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELATIONSHIPS_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Writes what docx-rs left out into `xml`'s parts. `figures` holds each picture's
/// alternative text, in the order the pictures come in the document.
pub(crate) fn finish(
    xml: &mut XMLDocx,
    properties: &DocumentInfo,
    look: &Look,
    figures: &[String],
) -> Result<Jpegs, Error> {
    xml.doc_props.core = core(properties)?;
    let mut ids = Ids::default();
    xml.document = rewrite_document(&xml.document, figures, &mut ids)?;
    for (id, _) in &mut xml.media {
        if let Some(new) = ids.0.get(id.as_str()) {
            id.clone_from(new);
        }
    }
    let jpegs = Jpegs(
        xml.media
            .iter()
            .filter(|(_, bytes)| bytes.starts_with(&[0xFF, 0xD8, 0xFF]))
            .map(|(id, _)| id.clone())
            .collect(),
    );
    xml.document_rels = rewrite_relationships(&xml.document_rels, &ids, &jpegs)?;
    xml.styles = normal_by_default(&xml.styles)?;
    xml.font_table = font_table(&[look.body_font, look.heading_font])?;
    Ok(jpegs)
}

/// The pictures that are JPEGs, by their media id.
pub(crate) struct Jpegs(HashSet<String>);

impl Jpegs {
    /// The packed file with each JPEG's `word/media/ID.png` renamed `ID.jpeg`: every
    /// entry copied as it is compressed, none inflated again.
    pub(crate) fn rename(&self, packed: Vec<u8>) -> Result<Vec<u8>, Error> {
        if self.0.is_empty() {
            return Ok(packed);
        }
        let pack_error = |e: zip::result::ZipError| Error::Pack(e.to_string());
        let mut archive = zip::ZipArchive::new(Cursor::new(packed)).map_err(pack_error)?;
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..archive.len() {
            let entry = archive.by_index_raw(i).map_err(pack_error)?;
            let jpeg = entry
                .name()
                .strip_prefix("word/media/")
                .and_then(|n| n.strip_suffix(".png"))
                .filter(|id| self.0.contains(*id))
                .map(|id| format!("word/media/{id}.jpeg"));
            match jpeg {
                Some(name) => out.raw_copy_file_rename(entry, name),
                None => out.raw_copy_file(entry),
            }
            .map_err(pack_error)?;
        }
        Ok(out.finish().map_err(pack_error)?.into_inner())
    }
}

/// The process-wide ids docx-rs gave pictures and links, each mapped to one numbered
/// in the order the document first uses it.
#[derive(Default)]
struct Ids(HashMap<String, String>);

impl Ids {
    const COUNTED: [&'static str; 2] = ["rIdImage", "rIdHyperlink"];

    fn renumber(&mut self, id: &str) -> Option<String> {
        let prefix = Self::COUNTED.into_iter().find(|p| id.strip_prefix(p).is_some_and(|n| !n.is_empty()))?;
        if let Some(new) = self.0.get(id) {
            return Some(new.clone());
        }
        let n = self.0.keys().filter(|k| k.starts_with(prefix)).count() + 1;
        let new = format!("{prefix}{n}");
        self.0.insert(id.to_string(), new.clone());
        Some(new)
    }
}

/// An element with each attribute `change` gives a new value for replaced.
fn with_attributes_changed(
    e: &BytesStart,
    mut change: impl FnMut(&[u8], &str) -> Option<String>,
) -> Result<Option<BytesStart<'static>>, Error> {
    let mut changed = false;
    let mut attributes: Vec<(Vec<u8>, String)> = Vec::new();
    for attribute in e.attributes() {
        let Attribute { key, value } = attribute.map_err(xml_error)?;
        let value = std::str::from_utf8(&value).map_err(xml_error)?.to_string();
        let value = match change(key.as_ref(), &value) {
            Some(new) => {
                changed = true;
                new
            }
            None => value,
        };
        attributes.push((key.as_ref().to_vec(), value));
    }
    if !changed {
        return Ok(None);
    }
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let mut out = BytesStart::new(name);
    for (key, value) in &attributes {
        out.push_attribute((key.as_slice(), value.as_bytes()));
    }
    Ok(Some(out))
}

fn xml_error(e: impl std::fmt::Display) -> Error {
    Error::Xml(e.to_string())
}

fn declaration(w: &mut Writer<Vec<u8>>) -> Result<(), Error> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), Some("yes")))).map_err(xml_error)
}

/// `docProps/core.xml`: title, subject, author, keywords and language, as a file
/// manager and Word's File › Info show them. No dates: a file's own times say when.
fn core(p: &DocumentInfo) -> Result<Vec<u8>, Error> {
    let mut w = Writer::new(Vec::new());
    declaration(&mut w)?;
    let root = BytesStart::new("cp:coreProperties").with_attributes([
        ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ("xmlns:dcterms", "http://purl.org/dc/terms/"),
        ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ]);
    let keywords = p.keywords.join(", ");
    let fields = [
        ("dc:title", p.title.as_str()),
        ("dc:subject", p.subject.as_str()),
        ("dc:creator", p.author.as_str()),
        ("cp:lastModifiedBy", p.author.as_str()),
        ("cp:keywords", keywords.as_str()),
        ("dc:language", p.language.as_str()),
    ];
    w.write_event(Event::Start(root.borrow())).map_err(xml_error)?;
    for (name, value) in fields.into_iter().filter(|(_, value)| !value.is_empty()) {
        w.create_element(name).write_text_content(BytesText::new(value)).map_err(xml_error)?;
    }
    w.write_event(Event::End(root.to_end())).map_err(xml_error)?;
    Ok(w.into_inner())
}

/// `word/document.xml` with each picture given its own id, a name and its
/// alternative text (`descr`), which screen readers and Word's Alt Text pane read;
/// and the ids of pictures and links renumbered (see [`Ids`]).
fn rewrite_document(document: &[u8], figures: &[String], ids: &mut Ids) -> Result<Vec<u8>, Error> {
    let mut reader = Reader::from_reader(document);
    let mut w = Writer::new(Vec::with_capacity(document.len() + figures.iter().map(String::len).sum::<usize>() * 2));
    // Each picture has a drawing's properties (wp:docPr), then the picture's own
    // (pic:cNvPr); both get the figure's number and words.
    let mut drawing = 0;
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match event {
            Event::Eof => break,
            Event::Empty(e) if matches!(e.name().as_ref(), b"wp:docPr" | b"pic:cNvPr") => {
                if e.name().as_ref() == b"wp:docPr" {
                    drawing += 1;
                }
                let alt = figures.get(drawing.max(1) - 1).map(String::as_str).unwrap_or_default();
                let (id, name) = (drawing.to_string(), format!("Figure {drawing}"));
                let tag = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let described = BytesStart::new(tag).with_attributes([
                    ("id", id.as_str()),
                    ("name", name.as_str()),
                    ("descr", alt),
                ]);
                w.write_event(Event::Empty(described)).map_err(xml_error)?;
            }
            Event::Start(ref e) | Event::Empty(ref e) => {
                let renamed = with_attributes_changed(e, |key, value| match key {
                    b"r:embed" | b"r:id" => ids.renumber(value),
                    _ => None,
                })?;
                match (renamed, &event) {
                    (Some(r), Event::Start(_)) => w.write_event(Event::Start(r)),
                    (Some(r), _) => w.write_event(Event::Empty(r)),
                    (None, _) => w.write_event(event.borrow()),
                }
                .map_err(xml_error)?;
            }
            other => w.write_event(other).map_err(xml_error)?,
        }
    }
    Ok(w.into_inner())
}

/// `word/_rels/document.xml.rels` with the renumbered ids in order, and pictures'
/// files named by them (`.jpeg` for a JPEG).
fn rewrite_relationships(rels: &[u8], ids: &Ids, jpegs: &Jpegs) -> Result<Vec<u8>, Error> {
    let mut reader = Reader::from_reader(rels);
    let mut w = Writer::new(Vec::with_capacity(rels.len()));
    let mut relationships: Vec<((String, u64), BytesStart)> = Vec::new();
    loop {
        let event = reader.read_event().map_err(xml_error)?;
        match event {
            Event::Eof => break,
            Event::Empty(ref e) if e.name().as_ref() == b"Relationship" => {
                let renamed = with_attributes_changed(e, |key, value| match key {
                    b"Id" => ids.0.get(value).cloned(),
                    b"Target" => {
                        let id = value.strip_prefix("media/")?.strip_suffix(".png")?;
                        let new = ids.0.get(id).map_or(id, String::as_str);
                        let extension = if jpegs.0.contains(new) { "jpeg" } else { "png" };
                        Some(format!("media/{new}.{extension}"))
                    }
                    _ => None,
                })?
                .unwrap_or_else(|| e.to_owned());
                let id = renamed.try_get_attribute("Id").map_err(xml_error)?.map(|a| a.value.into_owned());
                relationships.push((natural(&String::from_utf8_lossy(&id.unwrap_or_default())), renamed));
            }
            Event::End(ref e) if e.name().as_ref() == b"Relationships" => {
                relationships.sort_by(|a, b| a.0.cmp(&b.0));
                for (_, relationship) in relationships.drain(..) {
                    w.write_event(Event::Empty(relationship)).map_err(xml_error)?;
                }
                w.write_event(event.borrow()).map_err(xml_error)?;
            }
            other => w.write_event(other).map_err(xml_error)?,
        }
    }
    Ok(w.into_inner())
}

/// An id as its letters and its number, so that rId2 comes before rId10.
fn natural(id: &str) -> (String, u64) {
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (letters, number) = id.split_at(id.len() - digits);
    (letters.to_string(), number.parse().unwrap_or(0))
}

/// `word/styles.xml` with the Normal paragraph style marked as the default.
fn normal_by_default(styles: &[u8]) -> Result<Vec<u8>, Error> {
    let mut reader = Reader::from_reader(styles);
    let mut w = Writer::new(Vec::with_capacity(styles.len() + 16));
    loop {
        match reader.read_event().map_err(xml_error)? {
            Event::Eof => break,
            Event::Start(e)
                if e.name().as_ref() == b"w:style"
                    && e.try_get_attribute("w:styleId").map_err(xml_error)?.is_some_and(|a| &*a.value == b"Normal") =>
            {
                let mut normal = e.to_owned();
                normal.push_attribute(("w:default", "1"));
                w.write_event(Event::Start(normal)).map_err(xml_error)?;
            }
            other => w.write_event(other).map_err(xml_error)?,
        }
    }
    Ok(w.into_inner())
}

/// `word/fontTable.xml`: the theme's fonts, each naming the font every Word has that
/// stands in for it, and its family, which Word also falls back on.
fn font_table(fonts: &[Font]) -> Result<Vec<u8>, Error> {
    let mut w = Writer::new(Vec::new());
    declaration(&mut w)?;
    let root = BytesStart::new("w:fonts").with_attributes([("xmlns:w", WORD_NS), ("xmlns:r", RELATIONSHIPS_NS)]);
    w.write_event(Event::Start(root.borrow())).map_err(xml_error)?;
    let mut named: Vec<(&str, Option<&str>, &str)> = Vec::new();
    for font in fonts {
        for entry in [(font.name(), Some(font.fallback()), font.family()), (font.fallback(), None, font.family())] {
            if !named.iter().any(|(name, ..)| *name == entry.0) {
                named.push(entry);
            }
        }
    }
    for (name, fallback, family) in named {
        w.create_element("w:font")
            .with_attribute(("w:name", name))
            .write_inner_content(|w| {
                if let Some(fallback) = fallback {
                    w.create_element("w:altName").with_attribute(("w:val", fallback)).write_empty()?;
                }
                w.create_element("w:family").with_attribute(("w:val", family)).write_empty()?;
                w.create_element("w:pitch").with_attribute(("w:val", "variable")).write_empty()?;
                Ok(())
            })
            .map_err(xml_error)?;
    }
    w.write_event(Event::End(root.to_end())).map_err(xml_error)?;
    Ok(w.into_inner())
}
