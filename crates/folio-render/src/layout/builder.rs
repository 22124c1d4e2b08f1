//! The builder every element writes through: the looks of text, paragraphs and
//! Markdown laid out to the column, section headings, the structure tree a screen
//! reader follows, the fields an ATS check reads back, and the warnings about
//! characters no bundled font has.

use folio_model::fields::Fields;

use super::flow::{Block, LineBox, Mark};
use crate::document::{Element, Item, LinkTarget, Role};
use crate::fonts::{Family, FontId};
use crate::images::Images;
use crate::text::{lay_out, right_to_left, Line, Missing, Span, Style};
use crate::theme::Theme;
use crate::units::{Point, Pt, Rect, Rgb};
use folio_model::markdown::{self, Inline};

/// Lays out the blocks of a portfolio, element by element; see the module's doc.
pub(super) struct Builder<'a> {
    pub(super) theme: &'a Theme,
    pub(super) images: &'a Images,
    /// The height of a page's content area.
    pub(super) room: Pt,
    pub(super) accent: Rgb,
    /// Left edge and width of the column being filled.
    pub(super) x: Pt,
    pub(super) width: Pt,
    pub(super) blocks: Vec<Block>,
    pub(super) missing: Missing,
    /// The field being laid out, as a warning names it: "case study 'X', context".
    pub(super) field: String,
    /// The record being laid out ("case study 'X'"), which names its fields.
    pub(super) within: String,
    /// Each field with characters no bundled font has, and those characters.
    pub(super) unprintable: Vec<(String, Vec<String>)>,
    pub(super) anchors: usize,
    /// The structure tree so far: see [`Builder::tag`].
    pub(super) structure: Vec<Element>,
    /// The fields printed so far, for the ATS check to read back.
    pub(super) fields: Fields,
}

/// The look of one kind of text.
#[derive(Clone, Copy)]
pub(super) struct Look {
    pub(super) family: Family,
    pub(super) bold: bool,
    pub(super) italic: bool,
    pub(super) size: Pt,
    pub(super) color: Rgb,
}

impl Look {
    pub(super) fn bold(self) -> Look {
        Look { bold: true, ..self }
    }

    pub(super) fn italic(self) -> Look {
        Look { italic: true, ..self }
    }

    pub(super) fn color(self, color: Rgb) -> Look {
        Look { color, ..self }
    }

    pub(super) fn size(self, size: Pt) -> Look {
        Look { size, ..self }
    }

    pub(super) fn style(self, link: Option<LinkTarget>) -> Style {
        Style { font: FontId::of(self.family, self.bold, self.italic), size: self.size, color: self.color, link }
    }

    pub(super) fn span(self, text: impl Into<String>) -> Span {
        Span::new(text, &self.style(None))
    }

    pub(super) fn link(self, text: impl Into<String>, target: LinkTarget) -> Span {
        Span::new(text, &self.style(Some(target)))
    }
}

impl<'a> Builder<'a> {
    pub(super) fn body(&self) -> Look {
        let t = self.theme;
        Look { family: t.body, bold: false, italic: false, size: t.body_size, color: t.text }
    }

    pub(super) fn small(&self) -> Look {
        self.body().size(self.theme.small_size).color(self.theme.muted)
    }

    pub(super) fn heading(&self, size: Pt) -> Look {
        Look { family: self.theme.headings, bold: true, italic: false, size, color: self.theme.text }
    }

    /// A builder for a part laid out on its own — on another thread, say — in this
    /// one's column and look, to be [`join`](Builder::join)ed back in order.
    pub(super) fn fork(&self) -> Builder<'a> {
        Builder {
            blocks: Vec::new(),
            missing: Missing::default(),
            field: self.field.clone(),
            within: self.within.clone(),
            unprintable: Vec::new(),
            structure: Vec::new(),
            fields: Fields::default(),
            ..*self
        }
    }

    /// Appends what a [`fork`](Builder::fork) laid out, as if this builder had: its
    /// blocks after these, its elements after these (renumbered), its fields and
    /// warnings after these.
    pub(super) fn join(&mut self, mut part: Builder<'a>) {
        self.note_missing();
        part.note_missing();
        let offset = self.structure.len();
        let renumber = |item: &mut Item| match item {
            Item::Text(run) => run.element = run.element.map(|e| e + offset),
            Item::Image { element, .. } => *element = element.map(|e| e + offset),
            _ => {}
        };
        for block in &mut part.blocks {
            block.boxes.iter_mut().chain(&mut block.continued).flat_map(|b| &mut b.items).for_each(renumber);
        }
        self.blocks.append(&mut part.blocks);
        self.structure
            .extend(part.structure.into_iter().map(|e| Element { parent: e.parent.map(|p| p + offset), ..e }));
        for (field, chars) in part.unprintable {
            self.file_unprintable(field, chars);
        }
        let fields = part.fields;
        self.fields.sections.extend(fields.sections);
        self.fields.jobs.extend(fields.jobs);
        self.fields.education.extend(fields.education);
        self.fields.skills.extend(fields.skills);
        self.fields.projects.extend(fields.projects);
        self.field = part.field;
        self.within = part.within;
    }

    pub(super) fn new_anchor(&mut self) -> usize {
        self.anchors += 1;
        self.anchors - 1
    }

    /// Fields on a line with a middle dot between each two: each field a run of its
    /// own that no line break splits; empty fields left out.
    pub(super) fn fields(&self, fields: impl IntoIterator<Item = Span>, separator: Look) -> Vec<Span> {
        let mut spans = Vec::new();
        for field in fields.into_iter().filter(|f| !f.text.trim().is_empty()) {
            if !spans.is_empty() {
                spans.push(Span::separator(&separator.style(None)));
            }
            spans.push(Span { text: field.text.trim().to_string(), ..field }.whole());
        }
        spans
    }

    /// Lines of text as line boxes at `x`, one per line.
    /// Lines of text as line boxes in a column at `x`, `width` wide: flush left, or
    /// flush right where the paragraph reads right to left.
    pub(super) fn text_boxes(&mut self, spans: &[Span], x: Pt, width: Pt) -> Vec<LineBox> {
        let leading = self.theme.leading;
        lay_out(spans, width, &mut self.missing)
            .into_iter()
            .map(|line| {
                let x = if line.rtl { x + width - line.width } else { x };
                line_box(line, x, leading)
            })
            .collect()
    }

    /// Text stacked into one box: for cells, quotes and captions that move as a whole.
    pub(super) fn stacked(&mut self, into: &mut LineBox, spans: &[Span], x: Pt, width: Pt) {
        for b in self.text_boxes(spans, x, width) {
            into.stack(b);
        }
    }

    /// A paragraph in the current column.
    pub(super) fn paragraph(&mut self, spans: Vec<Span>, space_before: Pt) -> &mut Block {
        let boxes = self.text_boxes(&spans, self.x, self.width);
        self.push(Block { boxes, space_before, ..Block::default() })
    }

    /// Adds a block to the flow; what in it is not yet part of an element becomes a
    /// paragraph.
    pub(super) fn push(&mut self, mut block: Block) -> &mut Block {
        self.note_missing();
        self.tag(&mut block.boxes, Role::P, None);
        self.blocks.push(block);
        self.blocks.last_mut().expect("just pushed")
    }

    /// From here on, text is laid out for `field` (of the record `within`, if set).
    pub(super) fn about(&mut self, field: impl Into<String>) {
        self.note_missing();
        self.field = match (self.within.as_str(), field.into()) {
            ("", field) => field,
            (within, field) => format!("{within}, {field}"),
        };
    }

    /// From here on, text is laid out for `record` as a whole.
    pub(super) fn within(&mut self, record: impl Into<String>) {
        self.note_missing();
        self.within = record.into();
        self.field = self.within.clone();
    }

    /// Files what no font could print under the field it was met in.
    pub(super) fn note_missing(&mut self) {
        if self.missing.is_empty() {
            return;
        }
        let chars = self.missing.take();
        self.file_unprintable(self.field.clone(), chars);
    }

    /// Adds `chars` to what no font could print in `field`, each character once.
    fn file_unprintable(&mut self, field: String, chars: Vec<String>) {
        match self.unprintable.iter_mut().find(|(f, _)| *f == field) {
            Some((_, seen)) => seen.extend(chars.into_iter().filter(|c| !seen.contains(c)).collect::<Vec<_>>()),
            None => self.unprintable.push((field, chars)),
        }
    }

    /// A new element of the structure tree.
    pub(super) fn element(&mut self, role: Role, parent: Option<usize>, alt: Option<String>) -> usize {
        self.structure.push(Element { role, parent, alt });
        self.structure.len() - 1
    }

    /// Makes the text runs and images in `boxes` that belong to no element yet the
    /// content of a new one in `role`, the words of a link a `Link` inside it. Returns
    /// the element, or `None` when there was nothing to give it.
    pub(super) fn tag(&mut self, boxes: &mut [LineBox], role: Role, parent: Option<usize>) -> Option<usize> {
        let untagged = |item: &Item| {
            matches!(item, Item::Text(run) if run.element.is_none())
                || matches!(item, Item::Image { element: None, .. })
        };
        if !boxes.iter().flat_map(|b| &b.items).any(untagged) {
            return None;
        }
        let id = self.element(role, parent, None);
        for line in boxes.iter_mut() {
            let mut link = false;
            for item in &mut line.items {
                match item {
                    Item::Link { .. } => link = true,
                    Item::Text(run) if run.element.is_none() => {
                        let element = if link { self.element(Role::Link, Some(id), None) } else { id };
                        run.element = Some(element);
                        link = false;
                    }
                    Item::Image { element: element @ None, .. } => *element = Some(id),
                    _ => {}
                }
            }
        }
        Some(id)
    }

    /// Text in `role` as line boxes: a heading, say.
    pub(super) fn tagged_boxes(&mut self, spans: &[Span], role: Role) -> Vec<LineBox> {
        let mut boxes = self.text_boxes(spans, self.x, self.width);
        self.tag(&mut boxes, role, None);
        boxes
    }

    /// Markdown text in the current column, in `look`. A list item's marker is drawn
    /// before its text, so that it is read first.
    pub(super) fn markdown(&mut self, text: &str, look: Look, space_before: Pt) {
        let gap = self.theme.gap;
        // The list the items being read belong to.
        let mut list: Option<usize> = None;
        for (i, block) in markdown::parse(text).into_iter().enumerate() {
            let before = if i == 0 { space_before } else { gap };
            match block {
                markdown::Block::Paragraph { text: inlines } => {
                    list = None;
                    let spans = self.inlines(&inlines, look);
                    self.paragraph(spans, before);
                }
                markdown::Block::Item { marker, depth, text } => {
                    let indent = look.size * (1.4 * (depth as f32 + 1.0));
                    let spans = self.inlines(&text, look);
                    // Right to left, the item is indented from the right and its
                    // marker stands at its right.
                    let rtl = right_to_left(&spans);
                    let text_x = if rtl { self.x } else { self.x + indent };
                    let mut boxes = self.text_boxes(&spans, text_x, self.width - indent);
                    if let (Some(first), false) = (boxes.first_mut(), marker.is_empty()) {
                        let lines = lay_out(&[look.span(marker)], indent, &mut self.missing);
                        if let Some(line) = lines.into_iter().next() {
                            let x = if rtl {
                                self.x + self.width - indent + look.size * 0.5
                            } else {
                                self.x + indent - line.width - look.size * 0.5
                            };
                            let baseline = first.items.iter().find_map(|item| match item {
                                Item::Text(run) => Some(run.origin.y),
                                _ => None,
                            });
                            let marker_items = runs(line, x, baseline.unwrap_or(first.height * 0.75));
                            first.items.splice(0..0, marker_items);
                        }
                    }
                    let parent = *list.get_or_insert_with(|| self.element(Role::L, None, None));
                    self.tag(&mut boxes, Role::LI, Some(parent));
                    let space = if i == 0 { space_before } else { gap * 0.4 };
                    self.push(Block { boxes, space_before: space, ..Block::default() });
                }
            }
        }
    }

    pub(super) fn inlines(&self, inlines: &[Inline], look: Look) -> Vec<Span> {
        inlines
            .iter()
            .map(|i| {
                let mut l = look;
                l.bold |= i.bold;
                l.italic |= i.italic;
                match &i.link {
                    Some(url) => l.color(self.accent).link(&i.text, LinkTarget::Uri(url.clone())),
                    None => l.span(&i.text),
                }
            })
            .collect()
    }

    /// A thin horizontal rule across the column, as its own line box.
    pub(super) fn rule_box(&self, color: Rgb, width: Pt, space: Pt) -> LineBox {
        let y = space;
        LineBox {
            height: space * 2.0,
            items: vec![Item::Line {
                from: Point { x: self.x, y },
                to: Point { x: self.x + self.width, y },
                width,
                color,
            }],
            marks: Vec::new(),
        }
    }

    /// A section's heading: capitals in the text, in every theme, under the name an
    /// applicant tracking system looks for; the outline keeps the title as written.
    pub(super) fn section_title(&mut self, title: &str) {
        self.within(title.to_lowercase());
        let t = self.theme;
        let look = self.heading(t.section_size).color(self.accent);
        self.fields.sections.push(title.to_string());
        let mut boxes = self.tagged_boxes(&[look.span(title.to_uppercase())], Role::H2);
        if let Some(first) = boxes.first_mut() {
            first.marks.push(Mark::Outline { level: 1, title: title.to_string() });
        }
        boxes.push(self.rule_box(t.rule, Pt(0.6), Pt(3.0)));
        self.push_heading(boxes, t.section_gap);
    }

    /// A block that heads what follows (a section's title, a study's head, an entry's
    /// title lines): never split, and never left at the foot of a page without it.
    pub(super) fn push_heading(&mut self, boxes: Vec<LineBox>, space_before: Pt) {
        self.push(Block { boxes, space_before, keep_together: true, keep_with_next: true, ..Block::default() });
    }
}

/// The text runs (and link areas) of a line whose baseline is at `baseline`.
pub(super) fn runs(line: Line, x: Pt, baseline: Pt) -> Vec<Item> {
    let mut items = Vec::new();
    for f in line.fragments {
        let width = f.width();
        if let Some(target) = f.link.clone() {
            let rect = Rect { x: x + f.x, y: baseline - f.size * 0.95, width, height: f.size * 1.25 };
            items.push(Item::Link { rect, target });
        }
        items.push(Item::Text(crate::document::TextRun {
            origin: Point { x: x + f.x, y: baseline },
            font: f.font,
            size: f.size,
            color: f.color,
            glyphs: f.glyphs,
            element: None,
        }));
    }
    items
}

/// A line of text as a line box: its height is the line's size times the leading, the
/// text centred in it.
pub(super) fn line_box(line: Line, x: Pt, leading: f32) -> LineBox {
    let height = line.size * leading;
    let baseline = (height + line.ascent - line.descent) / 2.0;
    LineBox { height, items: runs(line, x, baseline), marks: Vec::new() }
}
