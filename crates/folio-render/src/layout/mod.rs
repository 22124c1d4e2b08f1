//! Layout, pure: a portfolio, a theme and a paper size in; a [`Document`] of pages of
//! positioned items out. No PDF here, no I/O, no clock: the same input gives the same
//! document.
//!
//! One module per element of the page — [`header`] (name, headline, contact line and
//! the running footer), [`case_study`], [`metrics`] (callouts and the before/after
//! chart), [`quote`] (recommendations) and [`entries`] (experience, education, skills,
//! certifications, writing) — each adding blocks to the [`Builder`]; [`flow`] pours the
//! blocks into pages.
//!
//! Every element writes for two readers: a person, who sees the page, and a machine —
//! an applicant tracking system — that takes the text runs in drawing order. So a
//! page's furniture is drawn first, each field (a title, a company, a date range, a
//! location) is a run of its own that no line break splits, separators are runs of
//! their own, section headings are capitals in every theme, and entries stand in one
//! column.

mod case_study;
mod entries;
mod flow;
mod header;
mod metrics;
mod quote;
mod resume;

use folio_model::fields::Fields;
use folio_model::{DocumentFormat, Portfolio, Section};

use crate::document::{Document, Element, Item, LinkTarget, Metadata, OutlineEntry, Role};
use crate::fonts::{Family, FontId};
use crate::images::Images;
use crate::markdown::{self, Inline};
use crate::text::{lay_out, right_to_left, Line, Missing, Span, Style};
use crate::theme::{paper_size, Theme};
use crate::units::{Point, Pt, Rect, Rgb};
use flow::{paginate, Block, Frame, LineBox, Mark};

/// What to lay out and how.
#[derive(Debug, Clone)]
pub struct LayoutOptions<'a> {
    pub theme: &'a Theme,
    pub paper: folio_model::Paper,
    /// A résumé, or the whole portfolio.
    pub format: DocumentFormat,
    /// Overrides the theme's accent colour.
    pub accent: Option<Rgb>,
    /// The images the portfolio shows; one it names but that is missing is left out.
    pub images: &'a Images,
}

/// Lays out a portfolio as the document `options.format` asks for: every section the
/// edition shows, in its order; or a résumé of at most two pages, cut step by step
/// until it fits (see [`resume`]).
pub fn layout(portfolio: &Portfolio, options: &LayoutOptions<'_>) -> Document {
    match options.format {
        DocumentFormat::Portfolio => compose(portfolio, options, |b| {
            for section in &portfolio.sections {
                b.section(*section, portfolio);
            }
        }),
        DocumentFormat::Resume => {
            let mut cuts = resume::Cut::ALL.into_iter().peekable();
            loop {
                let cut = cuts.next().expect("at least one cut");
                let mut doc = compose(portfolio, options, |b| b.resume(portfolio, cut));
                if doc.pages.len() <= resume::PAGES || cuts.peek().is_none() {
                    doc.warnings.extend(cut.warning(doc.pages.len()));
                    return doc;
                }
            }
        }
    }
}

/// The header, then what `body` lays out, poured into pages with their footers.
fn compose(portfolio: &Portfolio, options: &LayoutOptions<'_>, body: impl FnOnce(&mut Builder<'_>)) -> Document {
    let page_size = paper_size(options.paper);
    let theme = options.theme;
    let margin_x: Pt = theme.margin_x.into();
    let frame = Frame { top: theme.margin_top.into(), bottom: page_size.height - Pt::from(theme.margin_bottom) };
    let mut b = Builder {
        theme,
        images: options.images,
        room: frame.bottom - frame.top,
        accent: options.accent.unwrap_or(theme.accent),
        x: margin_x,
        width: page_size.width - margin_x * 2.0,
        blocks: Vec::new(),
        missing: Missing::default(),
        field: "the profile".into(),
        within: String::new(),
        unprintable: Vec::new(),
        anchors: 0,
        structure: Vec::new(),
        fields: Fields::default(),
    };
    b.header(portfolio);
    let header = b.blocks.len();
    body(&mut b);
    let empty = b.blocks.len() == header;

    let anchors = b.anchors;
    let blocks = std::mem::take(&mut b.blocks);
    let (mut pages, marks) = paginate(blocks, frame);
    b.footers(&mut pages, &portfolio.profile.full_name, page_size.height - Pt::from(theme.margin_bottom) * 0.5);

    let mut outline: Vec<OutlineEntry> = Vec::new();
    let mut destinations = vec![Default::default(); anchors];
    for (mark, at) in marks {
        match mark {
            Mark::Anchor(i) => destinations[i] = at,
            Mark::Outline { level: 1, title } => outline.push(OutlineEntry { title, at, children: Vec::new() }),
            Mark::Outline { title, .. } => match outline.last_mut() {
                Some(parent) => parent.children.push(OutlineEntry { title, at, children: Vec::new() }),
                None => outline.push(OutlineEntry { title, at, children: Vec::new() }),
            },
        }
    }
    b.note_missing();
    let mut warnings: Vec<String> = b
        .unprintable
        .iter()
        .map(|(field, chars)| {
            let count =
                if chars.len() == 1 { "1 character".to_string() } else { format!("{} characters", chars.len()) };
            format!("{field}: {count} no bundled font has, left out of the PDF: {}", chars.join(" "))
        })
        .collect();
    if empty {
        let what = if portfolio.profile.full_name.trim().is_empty() { "nothing" } else { "only a name" };
        warnings.push(format!(
            "the PDF shows {what}: add a summary, a case study or your experience (or turn their sections on) first"
        ));
    }
    Document {
        page_size,
        pages,
        outline,
        anchors: destinations,
        metadata: metadata(portfolio, options.format),
        warnings,
        structure: b.structure,
        fields: as_printed(b.fields),
    }
}

/// The fields as the page shows them: without the characters no bundled font has.
fn as_printed(mut f: Fields) -> Fields {
    let shown = |text: &mut String| {
        let kept = crate::text::printable(text, FontId::SansRegular, &mut Missing::default());
        *text = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    };
    for text in [&mut f.name, &mut f.email, &mut f.phone].into_iter().chain(&mut f.links).chain(&mut f.sections) {
        shown(text);
    }
    for job in &mut f.jobs {
        shown(&mut job.title);
        shown(&mut job.company);
        job.bullets.iter_mut().for_each(shown);
    }
    for school in &mut f.education {
        shown(&mut school.degree);
        shown(&mut school.school);
    }
    f.skills.iter_mut().chain(&mut f.projects).for_each(shown);
    f.skills.retain(|s| !s.is_empty());
    f
}

fn metadata(p: &Portfolio, format: DocumentFormat) -> Metadata {
    let name = p.profile.full_name.trim();
    let kind = format.label();
    let subject = match p.edition.as_ref().map(|e| &e.item) {
        Some(e) if !e.target_role.is_empty() && !e.target_company.is_empty() => {
            format!("{kind} for the {} role at {}", e.target_role, e.target_company)
        }
        Some(e) if !e.target_role.is_empty() => format!("{kind} for the {} role", e.target_role),
        _ => p.profile.headline.clone(),
    };
    Metadata {
        title: if name.is_empty() { kind.into() } else { format!("{name} — {kind}") },
        author: name.to_string(),
        subject,
        keywords: p.skills.iter().map(|s| s.item.name.clone()).collect(),
        language: p.profile.language_tag().into(),
    }
}

/// A URL as people read it: no scheme, no trailing slash.
fn display_url(url: &str) -> &str {
    let url = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).unwrap_or(url);
    let url = url.strip_prefix("mailto:").unwrap_or(url);
    let url = url.strip_prefix("www.").unwrap_or(url);
    url.trim_end_matches('/')
}

/// Lays out the blocks of a portfolio, element by element; see the module's doc.
struct Builder<'a> {
    theme: &'a Theme,
    images: &'a Images,
    /// The height of a page's content area.
    room: Pt,
    accent: Rgb,
    /// Left edge and width of the column being filled.
    x: Pt,
    width: Pt,
    blocks: Vec<Block>,
    missing: Missing,
    /// The field being laid out, as a warning names it: "case study 'X', context".
    field: String,
    /// The record being laid out ("case study 'X'"), which names its fields.
    within: String,
    /// Each field with characters no bundled font has, and those characters.
    unprintable: Vec<(String, Vec<String>)>,
    anchors: usize,
    /// The structure tree so far: see [`Builder::tag`].
    structure: Vec<Element>,
    /// The fields printed so far, for the ATS check to read back.
    fields: Fields,
}

/// The look of one kind of text.
#[derive(Clone, Copy)]
struct Look {
    family: Family,
    bold: bool,
    italic: bool,
    size: Pt,
    color: Rgb,
}

impl Look {
    fn bold(self) -> Look {
        Look { bold: true, ..self }
    }

    fn italic(self) -> Look {
        Look { italic: true, ..self }
    }

    fn color(self, color: Rgb) -> Look {
        Look { color, ..self }
    }

    fn size(self, size: Pt) -> Look {
        Look { size, ..self }
    }

    fn style(self, link: Option<LinkTarget>) -> Style {
        Style { font: FontId::of(self.family, self.bold, self.italic), size: self.size, color: self.color, link }
    }

    fn span(self, text: impl Into<String>) -> Span {
        Span::new(text, &self.style(None))
    }

    fn link(self, text: impl Into<String>, target: LinkTarget) -> Span {
        Span::new(text, &self.style(Some(target)))
    }
}

impl<'a> Builder<'a> {
    fn body(&self) -> Look {
        let t = self.theme;
        Look { family: t.body, bold: false, italic: false, size: t.body_size, color: t.text }
    }

    fn small(&self) -> Look {
        self.body().size(self.theme.small_size).color(self.theme.muted)
    }

    fn heading(&self, size: Pt) -> Look {
        Look { family: self.theme.headings, bold: true, italic: false, size, color: self.theme.text }
    }

    fn new_anchor(&mut self) -> usize {
        self.anchors += 1;
        self.anchors - 1
    }

    /// Fields on a line with a middle dot between each two: each field a run of its
    /// own that no line break splits; empty fields left out.
    fn fields(&self, fields: impl IntoIterator<Item = Span>, separator: Look) -> Vec<Span> {
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
    fn text_boxes(&mut self, spans: &[Span], x: Pt, width: Pt) -> Vec<LineBox> {
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
    fn stacked(&mut self, into: &mut LineBox, spans: &[Span], x: Pt, width: Pt) {
        for b in self.text_boxes(spans, x, width) {
            into.stack(b);
        }
    }

    /// A paragraph in the current column.
    fn paragraph(&mut self, spans: Vec<Span>, space_before: Pt) -> &mut Block {
        let boxes = self.text_boxes(&spans, self.x, self.width);
        self.push(Block { boxes, space_before, ..Block::default() })
    }

    /// Adds a block to the flow; what in it is not yet part of an element becomes a
    /// paragraph.
    fn push(&mut self, mut block: Block) -> &mut Block {
        self.note_missing();
        self.tag(&mut block.boxes, Role::P, None);
        self.blocks.push(block);
        self.blocks.last_mut().expect("just pushed")
    }

    /// From here on, text is laid out for `field` (of the record `within`, if set).
    fn about(&mut self, field: impl Into<String>) {
        self.note_missing();
        self.field = match (self.within.as_str(), field.into()) {
            ("", field) => field,
            (within, field) => format!("{within}, {field}"),
        };
    }

    /// From here on, text is laid out for `record` as a whole.
    fn within(&mut self, record: impl Into<String>) {
        self.note_missing();
        self.within = record.into();
        self.field = self.within.clone();
    }

    /// Files what no font could print under the field it was met in.
    fn note_missing(&mut self) {
        if self.missing.is_empty() {
            return;
        }
        let chars = self.missing.take();
        match self.unprintable.iter_mut().find(|(field, _)| *field == self.field) {
            Some((_, seen)) => seen.extend(chars.into_iter().filter(|c| !seen.contains(c)).collect::<Vec<_>>()),
            None => self.unprintable.push((self.field.clone(), chars)),
        }
    }

    /// A new element of the structure tree.
    fn element(&mut self, role: Role, parent: Option<usize>, alt: Option<String>) -> usize {
        self.structure.push(Element { role, parent, alt });
        self.structure.len() - 1
    }

    /// Makes the text runs and images in `boxes` that belong to no element yet the
    /// content of a new one in `role`, the words of a link a `Link` inside it. Returns
    /// the element, or `None` when there was nothing to give it.
    fn tag(&mut self, boxes: &mut [LineBox], role: Role, parent: Option<usize>) -> Option<usize> {
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
    fn tagged_boxes(&mut self, spans: &[Span], role: Role) -> Vec<LineBox> {
        let mut boxes = self.text_boxes(spans, self.x, self.width);
        self.tag(&mut boxes, role, None);
        boxes
    }

    /// Markdown text in the current column, in `look`. A list item's marker is drawn
    /// before its text, so that it is read first.
    fn markdown(&mut self, text: &str, look: Look, space_before: Pt) {
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

    fn inlines(&self, inlines: &[Inline], look: Look) -> Vec<Span> {
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
    fn rule_box(&self, color: Rgb, width: Pt, space: Pt) -> LineBox {
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
    fn section_title(&mut self, title: &str) {
        self.within(title.to_lowercase());
        let t = self.theme;
        let look = self.heading(t.section_size).color(self.accent);
        self.fields.sections.push(title.to_string());
        let mut boxes = self.tagged_boxes(&[look.span(title.to_uppercase())], Role::H2);
        if let Some(first) = boxes.first_mut() {
            first.marks.push(Mark::Outline { level: 1, title: title.to_string() });
        }
        boxes.push(self.rule_box(t.rule, Pt(0.6), Pt(3.0)));
        self.push(Block {
            boxes,
            space_before: t.section_gap,
            keep_together: true,
            keep_with_next: true,
            ..Block::default()
        });
    }

    fn section(&mut self, section: Section, p: &Portfolio) {
        match section {
            Section::Summary => self.summary(p),
            Section::CaseStudies => self.case_studies(&p.case_studies, p),
            Section::Recommendations => self.recommendations(&p.recommendations, p),
            Section::Skills => self.skills(&p.skills),
            Section::Experience => self.experience(&p.experience),
            Section::Certifications => self.certifications(&p.certifications),
            Section::Education => self.education(&p.education),
            Section::Writing => self.writing(&p.writing),
        }
    }

    fn summary(&mut self, p: &Portfolio) {
        let summary = p.profile.summary.trim();
        if summary.is_empty() {
            return;
        }
        self.section_title("Summary");
        self.within("the summary");
        let look = self.body().size(self.theme.body_size * 1.05);
        self.markdown(summary, look, Pt(2.0));
    }
}

/// The text runs (and link areas) of a line whose baseline is at `baseline`.
fn runs(line: Line, x: Pt, baseline: Pt) -> Vec<Item> {
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
fn line_box(line: Line, x: Pt, leading: f32) -> LineBox {
    let height = line.size * leading;
    let baseline = (height + line.ascent - line.descent) / 2.0;
    LineBox { height, items: runs(line, x, baseline), marks: Vec::new() }
}
