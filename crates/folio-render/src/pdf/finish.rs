//! What the document says of itself, added once its pages are in place: the structure
//! tree, the nested outline, page labels, the language, the document id and title.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use super::{Error, PdfOptions};
use crate::document::{Destination, Document, OutlineEntry};
use crate::units::Pt;

/// A PDF text string: UTF-16BE with a byte-order mark, so any script survives.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

pub(super) fn finish(
    pdf: &mut lopdf::Document,
    doc: &Document,
    options: &PdfOptions,
    marked: &[Vec<usize>],
) -> Result<(), Error> {
    let err = |e: lopdf::Error| Error::Finish(e.to_string());
    let pages: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    let height = doc.page_size.height;
    let structure = write_structure(pdf, doc, &pages, marked)?;

    let outlines_id = pdf.new_object_id();
    let (first, last, count) = write_outline(pdf, &doc.outline, outlines_id, &pages, height);
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
    // A tagged PDF: its structure, and the title shown in place of the file name.
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", true);
    catalog.set("MarkInfo", mark_info);
    catalog.set("StructTreeRoot", structure);
    let mut viewer = Dictionary::new();
    viewer.set("DisplayDocTitle", true);
    catalog.set("ViewerPreferences", viewer);

    // Titles in any script.
    if let Ok(info_id) = pdf.trailer.get(b"Info").and_then(Object::as_reference) {
        if let Ok(info) = pdf.get_object_mut(info_id).and_then(Object::as_dict_mut) {
            info.set("Title", text_string(&doc.metadata.title));
            info.set("Author", text_string(&doc.metadata.author));
            info.set("Subject", text_string(&doc.metadata.subject));
            info.set("Keywords", text_string(&doc.metadata.keywords.join(", ")));
        }
    }
    let id = Object::String(options.document_id.to_vec(), StringFormat::Hexadecimal);
    pdf.trailer.set("ID", vec![id.clone(), id]);
    Ok(())
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
