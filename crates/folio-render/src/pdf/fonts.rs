//! The fonts a document uses, embedded as subsets: each font's glyphs cut out of the
//! bundled file with printpdf's subsetter (on every core, one font per task), as a
//! `Type0` font with Identity-H codes, its widths, and a `ToUnicode` map so that every
//! glyph reads back as the characters it stands for (a ligature as all its letters).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use lopdf::{dictionary, Dictionary, Object, Stream};
use printpdf::ParsedFont;
use rayon::prelude::*;

use super::Error;
use crate::document::{Document, Item};
use crate::fonts::{font, FontId};

/// A font embedded in the PDF: its resource name and, for each glyph of the bundled
/// font, its code in the subset and its width in thousandths of an em.
#[derive(Debug)]
pub(super) struct Embedded {
    pub(super) resource: String,
    codes: Vec<(u16, u16)>,
}

impl Embedded {
    /// A glyph's code in the subset and its width (what a viewer advances by).
    pub(super) fn code(&self, glyph: u16) -> (u16, u16) {
        self.codes.get(usize::from(glyph)).copied().unwrap_or_default()
    }
}

/// Fonts as printpdf's subsetter needs them, parsed once per process.
fn parsed(id: FontId) -> Result<&'static ParsedFont, Error> {
    static PARSED: [OnceLock<Option<ParsedFont>>; FontId::ALL.len()] = [const { OnceLock::new() }; FontId::ALL.len()];
    PARSED[id as usize]
        .get_or_init(|| ParsedFont::from_bytes(id.bytes(), 0, &mut Vec::new()))
        .as_ref()
        .ok_or(Error::Font(id.name()))
}

/// The font's resource name, which is also its subset tag: six capital letters
/// derived from the glyphs used, so that different subsets get different tags and the
/// same subset always the same one.
fn tag(id: FontId, glyphs: &BTreeMap<u16, String>) -> String {
    // FNV-1a over the font and its glyph ids.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in id.name().bytes().chain(glyphs.keys().flat_map(|g| g.to_be_bytes())) {
        hash = (hash ^ byte as u64).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6).map(|i| (b'A' + ((hash >> (i * 5)) % 26) as u8) as char).collect()
}

/// The glyphs each font draws in `doc`, each with the text it first stands for.
fn used(doc: &Document) -> BTreeMap<FontId, BTreeMap<u16, String>> {
    // A flag per glyph first: a document has millions of glyphs and a few hundred kinds.
    let mut seen: Vec<Vec<bool>> = FontId::ALL.iter().map(|_| Vec::new()).collect();
    let mut used: BTreeMap<FontId, BTreeMap<u16, String>> = BTreeMap::new();
    for item in doc.pages.iter().flat_map(|p| p.drawn()) {
        let Item::Text(run) = item else { continue };
        let flags = &mut seen[run.font as usize];
        if flags.is_empty() {
            flags.resize(usize::from(font(run.font).face.number_of_glyphs()), false);
        }
        for g in &run.glyphs {
            if let Some(flag) = flags.get_mut(usize::from(g.id)).filter(|f| !**f) {
                *flag = true;
                used.entry(run.font).or_default().insert(g.id, g.text.to_string());
            }
        }
    }
    used
}

/// A font cut down to its glyphs, ready to be written.
struct Subset {
    id: FontId,
    tag: String,
    program: Vec<u8>,
    /// Original glyph → (code in the subset, width in thousandths of an em).
    codes: Vec<(u16, u16)>,
    to_unicode: String,
    widths: Vec<Object>,
}

fn subset(id: FontId, glyphs: &BTreeMap<u16, String>) -> Result<Subset, Error> {
    let parsed = parsed(id)?;
    let cut = printpdf::subset_font(parsed, glyphs).map_err(|_| Error::Font(id.name()))?;
    let face = &font(id).face;
    let per_mille = 1000.0 / face.units_per_em() as f32;
    let mut codes = vec![(0u16, 0u16); usize::from(face.number_of_glyphs())];
    let mut coded: Vec<(u16, u16, String)> = cut
        .glyph_mapping
        .iter()
        .map(|(&original, (code, text))| {
            let advance = face.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(original)).unwrap_or(0);
            let width = (f32::from(advance) * per_mille).round() as u16;
            codes[usize::from(original)] = (*code, width);
            (*code, width, text.clone())
        })
        .collect();
    coded.sort_by_key(|(code, ..)| *code);
    let tag = tag(id, glyphs);
    let mappings: Vec<(u16, String)> = coded.iter().map(|(code, _, text)| (*code, text.clone())).collect();
    let to_unicode = printpdf::generate_cmap_string(parsed, &printpdf::FontId(tag.clone()), &mappings);
    // Widths as runs of consecutive codes: `[first [w w w] first [w w] …]`.
    let mut widths: Vec<Object> = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut next = None;
    for (code, width, _) in &coded {
        if next != Some(*code) {
            if !run.is_empty() {
                widths.push(Object::Array(std::mem::take(&mut run)));
            }
            widths.push(Object::Integer(i64::from(*code)));
        }
        run.push(Object::Integer(i64::from(*width)));
        next = Some(code + 1);
    }
    if !run.is_empty() {
        widths.push(Object::Array(run));
    }
    Ok(Subset { id, tag, program: cut.bytes, codes, to_unicode, widths })
}

/// Embeds the fonts `doc` uses into `pdf`; returns them, indexed by [`FontId`], and the
/// resource dictionary that names them.
pub(super) fn embed(doc: &Document, pdf: &mut lopdf::Document) -> Result<(Vec<Option<Embedded>>, Dictionary), Error> {
    let used = used(doc);
    let subsets: Vec<Subset> = used.par_iter().map(|(id, glyphs)| subset(*id, glyphs)).collect::<Result<_, _>>()?;
    let mut embedded: Vec<Option<Embedded>> = FontId::ALL.iter().map(|_| None).collect();
    let mut resources = Dictionary::new();
    for s in subsets {
        let face = &font(s.id).face;
        let per_mille = 1000.0 / face.units_per_em() as f32;
        let scaled = |v: i16| (f32::from(v) * per_mille).round() as i64;
        let name = format!("{}+{}", s.tag, s.id.name());
        let length = s.program.len() as i64;
        let program = pdf.add_object(Stream::new(dictionary! { "Length1" => length }, s.program));
        let bbox = face.global_bounding_box();
        // Non-symbolic (the standard Latin set), italic and serif as the face is.
        let flags = 32 | if face.is_italic() { 64 } else { 0 } | if s.id.name().contains("Serif") { 2 } else { 0 };
        let descriptor = pdf.add_object(dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => Object::Name(name.clone().into_bytes()),
            "Flags" => flags,
            "FontBBox" => vec![scaled(bbox.x_min).into(), scaled(bbox.y_min).into(), scaled(bbox.x_max).into(), scaled(bbox.y_max).into()],
            "ItalicAngle" => face.italic_angle(),
            "Ascent" => scaled(face.ascender()),
            "Descent" => scaled(face.descender()),
            "CapHeight" => scaled(face.capital_height().unwrap_or(face.ascender())),
            "StemV" => if face.is_bold() { 140 } else { 80 },
            "FontFile2" => program,
        });
        let to_unicode = pdf.add_object(Stream::new(Dictionary::new(), s.to_unicode.into_bytes()));
        let descendant = dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "BaseFont" => Object::Name(name.clone().into_bytes()),
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "FontDescriptor" => descriptor,
            "DW" => 1000,
            "W" => s.widths,
            "CIDToGIDMap" => "Identity",
        };
        let type0 = pdf.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => Object::Name(name.into_bytes()),
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![Object::Dictionary(descendant)],
            "ToUnicode" => to_unicode,
        });
        resources.set(s.tag.clone(), type0);
        embedded[s.id as usize] = Some(Embedded { resource: s.tag, codes: s.codes });
    }
    Ok((embedded, resources))
}
