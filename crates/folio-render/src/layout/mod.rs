//! Layout, pure: a portfolio, a theme and a paper size in; a [`Document`] of pages of
//! positioned items out. No PDF here, no I/O, no clock: the same input gives the same
//! document.

mod flow;

use std::collections::BTreeSet;

use folio_model::{
    CaseStudy, Certification, Decision, Education, Experience, ImageRef, LinkKind, Metric, PartialDate, Portfolio,
    Recommendation, Section, Skill, SkillArea, Stored, Writing, WritingKind,
};

use crate::document::{Document, Item, LinkTarget, Metadata, OutlineEntry, Page, TextRun};
use crate::fonts::{Family, FontId};
use crate::images::Images;
use crate::markdown::{self, Inline};
use crate::text::{lay_out, measure, Line, Span, Style};
use crate::theme::{paper_size, Theme};
use crate::units::{Point, Pt, Rect, Rgb};
use flow::{paginate, Block, Frame, LineBox, Mark};

/// What to lay out and how.
#[derive(Debug, Clone)]
pub struct LayoutOptions<'a> {
    pub theme: &'a Theme,
    pub paper: folio_model::Paper,
    /// Overrides the theme's accent colour.
    pub accent: Option<Rgb>,
    /// The images the portfolio shows; one it names but that is missing is left out.
    pub images: &'a Images,
}

/// Lays out a whole portfolio.
pub fn layout(portfolio: &Portfolio, options: &LayoutOptions<'_>) -> Document {
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
        missing: BTreeSet::new(),
        anchors: 0,
    };
    b.header(portfolio);
    for section in &portfolio.sections {
        b.section(*section, portfolio);
    }

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
    let warnings = b
        .missing
        .iter()
        .map(|c| format!("no bundled font has the character '{c}' (U+{:04X}); it was left out of the PDF", *c as u32))
        .collect();
    Document { page_size, pages, outline, anchors: destinations, metadata: metadata(portfolio), warnings }
}

fn metadata(p: &Portfolio) -> Metadata {
    let name = p.profile.full_name.trim();
    let subject = match p.edition.as_ref().map(|e| &e.item) {
        Some(e) if !e.target_role.is_empty() && !e.target_company.is_empty() => {
            format!("Portfolio for the {} role at {}", e.target_role, e.target_company)
        }
        Some(e) if !e.target_role.is_empty() => format!("Portfolio for the {} role", e.target_role),
        _ => p.profile.headline.clone(),
    };
    Metadata {
        title: if name.is_empty() { "Portfolio".into() } else { format!("{name} — Portfolio") },
        author: name.to_string(),
        subject,
        keywords: p.skills.iter().map(|s| s.item.name.clone()).collect(),
        language: "en".into(),
    }
}

/// "Mar 2021 – present".
fn period(start: Option<PartialDate>, end: Option<PartialDate>) -> String {
    match (start, end) {
        (Some(s), Some(e)) if s == e => s.human(),
        (Some(s), Some(e)) => format!("{} – {}", s.human(), e.human()),
        (Some(s), None) => format!("{} – present", s.human()),
        (None, Some(e)) => e.human(),
        (None, None) => String::new(),
    }
}

/// Joins the non-empty parts with a middle dot.
fn dotted<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts.into_iter().map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("  ·  ")
}

/// A URL as people read it: no scheme, no trailing slash.
fn display_url(url: &str) -> &str {
    let url = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).unwrap_or(url);
    let url = url.strip_prefix("mailto:").unwrap_or(url);
    let url = url.strip_prefix("www.").unwrap_or(url);
    url.trim_end_matches('/')
}

/// Content laid out into one cell of a grid.
type Cell<'c, 'a> = Box<dyn Fn(&mut Builder<'a>) + 'c>;

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
    missing: BTreeSet<char>,
    anchors: usize,
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

    /// Lines of text as line boxes at `x`, one per line.
    fn text_boxes(&mut self, spans: &[Span], x: Pt, width: Pt) -> Vec<LineBox> {
        let leading = self.theme.leading;
        lay_out(spans, width, &mut self.missing).into_iter().map(|line| line_box(line, x, leading)).collect()
    }

    /// A paragraph in the current column.
    fn paragraph(&mut self, spans: Vec<Span>, space_before: Pt) -> &mut Block {
        let boxes = self.text_boxes(&spans, self.x, self.width);
        self.push(Block { boxes, space_before, ..Block::default() })
    }

    fn push(&mut self, block: Block) -> &mut Block {
        self.blocks.push(block);
        self.blocks.last_mut().expect("just pushed")
    }

    /// Markdown text in the current column, in `look`.
    fn markdown(&mut self, text: &str, look: Look, space_before: Pt) {
        let gap = self.theme.gap;
        for (i, block) in markdown::parse(text).into_iter().enumerate() {
            let before = if i == 0 { space_before } else { gap };
            match block {
                markdown::Block::Paragraph { text: inlines } => {
                    let spans = self.inlines(&inlines, look);
                    self.paragraph(spans, before);
                }
                markdown::Block::Item { marker, depth, text } => {
                    let indent = look.size * (1.4 * (depth as f32 + 1.0));
                    let spans = self.inlines(&text, look);
                    let mut boxes = self.text_boxes(&spans, self.x + indent, self.width - indent);
                    if let (Some(first), false) = (boxes.first_mut(), marker.is_empty()) {
                        let marker_width = measure(&marker, &look.style(None));
                        let mut m = self.text_boxes(
                            &[look.span(marker)],
                            self.x + indent - marker_width - look.size * 0.5,
                            indent,
                        );
                        if let Some(mbox) = m.pop() {
                            first.items.extend(mbox.items);
                        }
                    }
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

    // --- header and sections ----------------------------------------------------------

    fn header(&mut self, p: &Portfolio) {
        let t = self.theme;
        let profile = &p.profile;
        // The photo sits at the right of the header; the text keeps clear of it.
        let photo = profile.photo.filter(|id| self.images.get(id).is_some());
        let diameter = Pt(68.0);
        let (full_width, first_block) = (self.width, self.blocks.len());
        if photo.is_some() {
            self.width = full_width - diameter - Pt(18.0);
        }
        let name = if profile.full_name.trim().is_empty() { "Portfolio" } else { profile.full_name.trim() };
        let name_look = self.heading(t.name_size);
        self.paragraph(vec![name_look.span(name)], Pt(0.0));
        if !profile.headline.trim().is_empty() {
            let look = self.body().size(t.body_size * 1.25).color(self.accent);
            self.paragraph(vec![look.span(profile.headline.trim())], Pt(2.0));
        }
        let small = self.small();
        let mut contact: Vec<Span> = Vec::new();
        let add = |contact: &mut Vec<Span>, span: Span| {
            if !contact.is_empty() {
                contact.push(small.span("  ·  "));
            }
            contact.push(span);
        };
        if !profile.location.trim().is_empty() {
            add(&mut contact, small.span(profile.location.trim()));
        }
        if !profile.email.trim().is_empty() {
            let mail = LinkTarget::Uri(format!("mailto:{}", profile.email.trim()));
            add(&mut contact, small.color(t.text).link(profile.email.trim(), mail));
        }
        if !profile.phone.trim().is_empty() {
            add(&mut contact, small.span(profile.phone.trim()));
        }
        for link in &profile.links {
            let shown = match link.kind {
                LinkKind::Other | LinkKind::Website | LinkKind::Blog => display_url(&link.url).to_string(),
                LinkKind::Linkedin | LinkKind::Github => display_url(&link.url).to_string(),
            };
            add(&mut contact, small.color(t.text).link(shown, LinkTarget::Uri(link.url.clone())));
        }
        if !contact.is_empty() {
            self.paragraph(contact, Pt(6.0));
        }
        self.width = full_width;
        let mut rule_space = Pt(0.0);
        if let Some(asset) = photo {
            let header = &self.blocks[first_block..];
            let height: Pt =
                header.iter().enumerate().map(|(i, b)| b.height() + if i > 0 { b.space_before } else { Pt(0.0) }).sum();
            rule_space = (diameter - height + Pt(2.0)).max(Pt(0.0));
            let image = self.images.get(&asset).expect("checked above");
            let circle = Rect { x: self.x + full_width - diameter, y: Pt(0.0), width: diameter, height: diameter };
            // Fill the circle, cropping the longer side around its middle.
            let aspect = image.width as f32 / image.height as f32;
            let (w, h) = if aspect >= 1.0 { (diameter * aspect, diameter) } else { (diameter, diameter / aspect) };
            let rect =
                Rect { x: circle.x - (w - diameter) / 2.0, y: circle.y - (h - diameter) / 2.0, width: w, height: h };
            if let Some(first) = self.blocks[first_block].boxes.first_mut() {
                first.items.push(Item::Image { rect, asset, round: Some(circle) });
            }
        }
        let rule = self.rule_box(self.accent, Pt(1.2), Pt(7.0));
        self.push(Block { boxes: vec![rule], space_before: rule_space, ..Block::default() });
    }

    fn section_title(&mut self, section: Section, title: &str, page_break: bool) {
        let t = self.theme;
        let text = if t.caps_sections { title.to_uppercase() } else { title.to_string() };
        let look = self.heading(t.section_size).color(self.accent);
        let mut boxes = self.text_boxes(&[look.span(text)], self.x, self.width);
        if let Some(first) = boxes.first_mut() {
            first.marks.push(Mark::Outline { level: 1, title: title.to_string() });
        }
        boxes.push(self.rule_box(t.rule, Pt(0.6), Pt(3.0)));
        let _ = section;
        self.push(Block {
            boxes,
            space_before: t.section_gap,
            keep_together: true,
            keep_with_next: true,
            page_break_before: page_break,
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
        self.section_title(Section::Summary, "Summary", false);
        let look = self.body().size(self.theme.body_size * 1.05);
        self.markdown(summary, look, Pt(2.0));
    }

    // --- case studies -------------------------------------------------------------------

    fn case_studies(&mut self, list: &[Stored<CaseStudy>], p: &Portfolio) {
        if list.is_empty() {
            return;
        }
        let anchors: Vec<usize> = list.iter().map(|_| self.new_anchor()).collect();
        let per_page = self.theme.case_study_per_page;
        if list.len() >= 3 {
            self.contents(list, &anchors);
        }
        self.section_title(Section::CaseStudies, "Case studies", per_page && list.len() >= 3);
        for (i, (cs, anchor)) in list.iter().zip(&anchors).enumerate() {
            self.case_study(&cs.item, *anchor, per_page && i > 0, p);
        }
    }

    fn contents(&mut self, list: &[Stored<CaseStudy>], anchors: &[usize]) {
        let t = self.theme;
        let look = self.heading(t.body_size).color(t.muted);
        let title = self.text_boxes(&[look.span("Case studies in this portfolio")], self.x, self.width);
        self.push(Block { boxes: title, space_before: t.section_gap, keep_with_next: true, ..Block::default() });
        for (i, (cs, anchor)) in list.iter().zip(anchors).enumerate() {
            let body = self.body();
            let spans = vec![
                body.color(t.muted).span(format!("{}.  ", i + 1)),
                body.color(self.accent).link(cs.item.title.trim(), LinkTarget::Anchor(*anchor)),
                self.small().span(if cs.item.organisation.is_empty() {
                    String::new()
                } else {
                    format!("  —  {}", cs.item.organisation.trim())
                }),
            ];
            self.paragraph(spans, Pt(2.0));
        }
    }

    fn case_study(&mut self, cs: &CaseStudy, anchor: usize, page_break: bool, p: &Portfolio) {
        let t = self.theme;
        let title_look = self.heading(t.title_size);
        let mut boxes = self.text_boxes(&[title_look.span(cs.title.trim())], self.x, self.width);
        if let Some(first) = boxes.first_mut() {
            first.marks.push(Mark::Anchor(anchor));
            first.marks.push(Mark::Outline { level: 2, title: cs.title.trim().to_string() });
        }
        let team = cs.team_size.map(|n| format!("team of {n}")).unwrap_or_default();
        let meta = dotted([cs.organisation.as_str(), &cs.role, &period(cs.start, cs.end), &team]);
        if !meta.is_empty() {
            boxes.extend(self.text_boxes(&[self.small().span(meta)], self.x, self.width));
        }
        if !cs.kinds.is_empty() {
            let tags = cs.kinds.iter().map(|k| k.label().to_uppercase()).collect::<Vec<_>>().join("   ");
            let look = self.small().bold().color(self.accent);
            let mut tag_boxes = self.text_boxes(&[look.span(tags)], self.x, self.width);
            if let Some(first) = tag_boxes.first_mut() {
                first.height += Pt(2.0);
            }
            boxes.extend(tag_boxes);
        }
        self.push(Block {
            boxes,
            space_before: t.section_gap,
            keep_together: true,
            keep_with_next: true,
            page_break_before: page_break,
        });
        if !cs.summary.trim().is_empty() {
            let look = self.body().size(t.body_size * 1.08);
            self.markdown(cs.summary.trim(), look, t.gap);
        }
        // What it was built with, one line under the summary: up here it is never left
        // alone at the top of a page, where a block of its own would read as a section.
        if !cs.technologies.is_empty() {
            let names = cs.technologies.iter().map(|t| t.name.trim()).collect::<Vec<_>>().join("  ·  ");
            let spans = vec![self.small().bold().span("Technologies  "), self.small().span(names)];
            self.paragraph(spans, t.gap * 0.6);
        }
        // An edition that hides absolute values shows each metric as its change only,
        // and no chart (bar lengths would give the ratio of the values away, not more).
        let relative = p.edition.as_ref().is_some_and(|e| e.item.relative_metrics);
        self.metric_callouts(&cs.metrics, relative);
        self.subsection_markdown("Context", &cs.context);
        self.subsection_markdown("My contribution", &cs.contribution);
        if !cs.decisions.is_empty() {
            self.subheading("Key decisions");
            for (i, d) in cs.decisions.iter().enumerate() {
                self.decision(i, d);
            }
        }
        self.subsection_markdown("Outcome", &cs.outcome);
        if !relative {
            self.chart(&cs.metrics);
        }
        self.figures(&cs.images);
        if !cs.links.is_empty() {
            self.subheading("Links");
            for link in &cs.links {
                let target = LinkTarget::Uri(link.url.clone());
                let mut spans = Vec::new();
                if !link.label.trim().is_empty() {
                    spans.push(self.body().color(self.accent).link(format!("{}  ", link.label.trim()), target.clone()));
                }
                spans.push(self.small().link(display_url(&link.url), target));
                self.paragraph(spans, Pt(2.0));
            }
        }
        let _ = p;
    }

    /// Each image with its caption, kept together on one page: as wide as the column
    /// allows, no taller than about half a page, and never printed below 150 DPI (a
    /// small image stays small rather than blurred).
    fn figures(&mut self, images: &[ImageRef]) {
        let t = self.theme;
        for figure in images {
            let Some(image) = self.images.get(&figure.asset) else { continue };
            let aspect = image.height as f32 / image.width as f32;
            let native = Pt(image.width as f32 * 72.0 / 150.0);
            let mut width = self.width.min(native);
            if width * aspect > self.room * 0.45 {
                width = self.room * 0.45 / aspect;
            }
            let height = width * aspect;
            let rect = Rect { x: self.x, y: Pt(0.0), width, height };
            let mut boxed = LineBox {
                height,
                items: vec![Item::Image { rect, asset: figure.asset, round: None }],
                marks: Vec::new(),
            };
            // A hairline frame, so that a white diagram does not bleed into the page.
            let (left, right, top, bottom) = (self.x, self.x + width, Pt(0.0), height);
            for (from, to) in [
                ((left, top), (right, top)),
                ((right, top), (right, bottom)),
                ((right, bottom), (left, bottom)),
                ((left, bottom), (left, top)),
            ] {
                boxed.items.push(Item::Line {
                    from: Point { x: from.0, y: from.1 },
                    to: Point { x: to.0, y: to.1 },
                    width: Pt(0.5),
                    color: t.rule,
                });
            }
            let caption = figure.caption.trim();
            if !caption.is_empty() {
                boxed.height += Pt(3.0);
                let look = self.small().italic();
                for line in self.text_boxes(&[look.span(caption)], self.x, width.max(self.width * 0.5)) {
                    boxed.stack(line);
                }
            }
            self.push(Block { boxes: vec![boxed], space_before: t.gap * 2.0, keep_together: true, ..Block::default() });
        }
    }

    fn subheading(&mut self, title: &str) {
        let t = self.theme;
        let look = self.heading(t.body_size).color(self.accent);
        let boxes = self.text_boxes(&[look.span(title)], self.x, self.width);
        self.push(Block { boxes, space_before: t.gap * 2.0, keep_with_next: true, ..Block::default() });
    }

    fn subsection_markdown(&mut self, title: &str, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.subheading(title);
        let look = self.body();
        self.markdown(text.trim(), look, Pt(2.0));
    }

    fn decision(&mut self, index: usize, d: &Decision) {
        let t = self.theme;
        let look = self.body().bold();
        let boxes = self.text_boxes(&[look.span(format!("{}. {}", index + 1, d.title.trim()))], self.x, self.width);
        self.push(Block { boxes, space_before: t.gap, keep_with_next: true, ..Block::default() });
        let indent = t.body_size * 1.4;
        let (x, width) = (self.x, self.width);
        self.x = x + indent;
        self.width = width - indent;
        let label = self.body().color(t.muted);
        let mut fields: Vec<(&str, String)> = Vec::new();
        if !d.context.trim().is_empty() {
            fields.push(("Context: ", d.context.trim().to_string()));
        }
        let options: Vec<_> = d.options.iter().map(|o| o.trim()).filter(|o| !o.is_empty()).collect();
        if !options.is_empty() {
            fields.push(("Options considered: ", options.join("; ")));
        }
        if !d.choice.trim().is_empty() {
            fields.push(("Chose: ", d.choice.trim().to_string()));
        }
        if !d.rationale.trim().is_empty() {
            fields.push(("Why: ", d.rationale.trim().to_string()));
        }
        if !d.consequences.trim().is_empty() {
            fields.push(("Consequences: ", d.consequences.trim().to_string()));
        }
        for (name, value) in fields {
            let body = self.body();
            for (i, block) in markdown::parse(&value).into_iter().enumerate() {
                let inlines = match block {
                    markdown::Block::Paragraph { text } | markdown::Block::Item { text, .. } => text,
                };
                let mut spans = if i == 0 { vec![label.span(name)] } else { Vec::new() };
                spans.extend(self.inlines(&inlines, body));
                self.paragraph(spans, Pt(2.0));
            }
        }
        self.x = x;
        self.width = width;
    }

    /// Big numbers: up to three metrics side by side, each in a tinted box. With
    /// `relative`, only metrics with a change show, as that change and nothing else.
    fn metric_callouts(&mut self, metrics: &[Metric], relative: bool) {
        let shown: Vec<&Metric> =
            metrics.iter().filter(|m| if relative { m.change_label().is_some() } else { m.result.is_some() }).collect();
        if shown.is_empty() {
            return;
        }
        let t = self.theme;
        let columns = 3usize;
        let gutter = Pt(8.0);
        let cell_width = (self.width - gutter * (columns as f32 - 1.0)) / columns as f32;
        let pad = Pt(8.0);
        for row in shown.chunks(columns) {
            let mut cells: Vec<LineBox> = Vec::new();
            for (i, m) in row.iter().enumerate() {
                let x = self.x + (cell_width + gutter) * i as f32 + pad;
                let inner = cell_width - pad * 2.0;
                // The headline figure, saying which way is better ("7.0× faster", not
                // "7.0×" beside "p95 latency"), as the editor shows it.
                let big = if relative { m.change_label() } else { m.headline() }.unwrap_or_default();
                let mut cell = LineBox { height: pad, ..LineBox::default() };
                let big_look = self.heading(t.metric_size).color(self.accent);
                for b in self.text_boxes(&[big_look.span(big)], x, inner) {
                    cell.stack(b);
                }
                let label_look = self.body().bold().size(t.small_size);
                for b in self.text_boxes(&[label_look.span(m.label.trim())], x, inner) {
                    cell.stack(b);
                }
                let detail = match (m.baseline, m.result) {
                    (Some(b), Some(r)) if !relative => format!(
                        "{} → {}",
                        folio_model::format_quantity(b, &m.unit),
                        folio_model::format_quantity(r, &m.unit)
                    ),
                    _ => String::new(),
                };
                let detail = dotted([detail.as_str(), m.timeframe.as_str()]);
                if !detail.is_empty() {
                    for b in self.text_boxes(&[self.small().span(detail)], x, inner) {
                        cell.stack(b);
                    }
                }
                cell.height += pad;
                cells.push(cell);
            }
            let height = cells.iter().map(|c| c.height).fold(Pt(0.0), Pt::max);
            let mut row_box = LineBox { height, ..LineBox::default() };
            for (i, cell) in cells.into_iter().enumerate() {
                let rect = Rect { x: self.x + (cell_width + gutter) * i as f32, y: Pt(0.0), width: cell_width, height };
                row_box.items.push(Item::Rect { rect, fill: self.accent.tint(0.9) });
                row_box.items.extend(cell.items);
            }
            self.push(Block {
                boxes: vec![row_box],
                space_before: t.gap * 1.5,
                keep_together: true,
                ..Block::default()
            });
        }
    }

    /// A before/after bar chart of the metrics that have both values, drawn as vectors.
    fn chart(&mut self, metrics: &[Metric]) {
        let pairs: Vec<&Metric> = metrics.iter().filter(|m| m.baseline.is_some() && m.result.is_some()).collect();
        if pairs.is_empty() {
            return;
        }
        let t = self.theme;
        let look = self.heading(t.body_size).color(self.accent);
        let mut chart = LineBox::default();
        for b in self.text_boxes(&[look.span("Before and after")], self.x, self.width) {
            chart.stack(b);
        }
        let label_width = self.width * 0.32;
        let bars_x = self.x + label_width + Pt(8.0);
        let value_room = Pt(64.0);
        let bars_width = self.width - label_width - Pt(8.0) - value_room;
        let bar = t.small_size * 1.1;
        let small = self.small();
        for m in pairs {
            let (b, r) = (m.baseline.unwrap_or_default(), m.result.unwrap_or_default());
            let scale = b.abs().max(r.abs());
            let mut row = LineBox { height: Pt(4.0), ..LineBox::default() };
            let label_boxes =
                self.text_boxes(&[self.body().size(t.small_size).bold().span(m.label.trim())], self.x, label_width);
            let mut label = LineBox::default();
            for lb in label_boxes {
                label.stack(lb);
            }
            let mut bars = LineBox::default();
            for (value, fill, name) in [(b, t.rule, "before"), (r, self.accent, "after")] {
                let length = if scale > 0.0 { bars_width * (value.abs() / scale) as f32 } else { Pt(0.0) };
                let y = bars.height + Pt(1.0);
                bars.items
                    .push(Item::Rect { rect: Rect { x: bars_x, y, width: length.max(Pt(1.0)), height: bar }, fill });
                let text = format!("{} {}", folio_model::format_quantity(value, &m.unit), name);
                let mut value_boxes =
                    self.text_boxes(&[small.span(text)], bars_x + length + Pt(4.0), value_room + bars_width);
                if let Some(vb) = value_boxes.first_mut() {
                    for item in &mut vb.items {
                        flow::shift(item, y + (bar - vb.height) / 2.0);
                    }
                    bars.items.append(&mut vb.items);
                }
                bars.height += bar + Pt(3.0);
            }
            let height = label.height.max(bars.height);
            for mut item in label.items.into_iter().chain(bars.items) {
                flow::shift(&mut item, row.height);
                row.items.push(item);
            }
            row.height += height;
            chart.stack(row);
        }
        self.push(Block { boxes: vec![chart], space_before: t.gap * 2.0, keep_together: true, ..Block::default() });
    }

    // --- recommendations ------------------------------------------------------------------

    fn recommendations(&mut self, list: &[Stored<Recommendation>], p: &Portfolio) {
        if list.is_empty() {
            return;
        }
        self.section_title(Section::Recommendations, "Recommendations", false);
        for r in list {
            self.quote(&r.item, p);
        }
    }

    fn quote(&mut self, r: &Recommendation, p: &Portfolio) {
        let t = self.theme;
        let indent = Pt(14.0);
        let x = self.x + indent;
        let width = self.width - indent;
        let mut quote = LineBox::default();
        let look = self.body().italic().size(t.body_size * 1.05);
        let text = markdown::plain_text(r.text.trim());
        for b in self.text_boxes(&[look.span(format!("“{text}”"))], x, width) {
            quote.stack(b);
        }
        let about = r
            .case_study
            .and_then(|id| p.case_studies.iter().find(|c| c.id == id))
            .map(|c| format!("on {}", c.item.title.trim()))
            .unwrap_or_default();
        let who = dotted([r.author_title.as_str(), r.organisation.as_str(), r.relationship.label(), &about]);
        let mut attribution = vec![self.body().bold().size(t.small_size).span(format!("— {}", r.author_name.trim()))];
        if !who.is_empty() {
            attribution.push(self.small().span(format!(", {who}")));
        }
        quote.height += Pt(3.0);
        for b in self.text_boxes(&attribution, x, width) {
            quote.stack(b);
        }
        let bar = Item::Rect {
            rect: Rect { x: self.x, y: Pt(2.0), width: Pt(2.5), height: quote.height - Pt(4.0) },
            fill: self.accent,
        };
        quote.items.insert(0, bar);
        self.push(Block { boxes: vec![quote], space_before: t.gap * 2.0, keep_together: true, ..Block::default() });
    }

    // --- skills, experience, credentials, writing ---------------------------------------

    /// Lays `cells` out in two columns when the theme asks for it, else one under another.
    fn grid(&mut self, cells: Vec<Cell<'_, 'a>>) {
        let t = self.theme;
        if !t.two_columns {
            for cell in cells {
                cell(self);
            }
            return;
        }
        let gutter = Pt(14.0);
        let (x, width) = (self.x, self.width);
        let column = (width - gutter) / 2.0;
        for pair in cells.chunks(2) {
            let mut row = LineBox::default();
            let mut height = Pt(0.0);
            for (i, cell) in pair.iter().enumerate() {
                self.x = x + (column + gutter) * i as f32;
                self.width = column;
                let captured = self.capture(cell.as_ref());
                height = height.max(captured.height);
                row.items.extend(captured.items);
                row.marks.extend(captured.marks);
            }
            row.height = height;
            self.x = x;
            self.width = width;
            self.push(Block { boxes: vec![row], space_before: t.gap * 1.5, keep_together: true, ..Block::default() });
        }
    }

    /// Runs `f` and returns what it laid out as one stacked box.
    fn capture(&mut self, f: &dyn Fn(&mut Self)) -> LineBox {
        let saved = std::mem::take(&mut self.blocks);
        f(self);
        let blocks = std::mem::replace(&mut self.blocks, saved);
        let mut out = LineBox::default();
        for (i, block) in blocks.into_iter().enumerate() {
            if i > 0 {
                out.height += block.space_before;
            }
            for b in block.boxes {
                out.stack(b);
            }
        }
        out
    }

    fn skills(&mut self, list: &[Stored<Skill>]) {
        if list.is_empty() {
            return;
        }
        self.section_title(Section::Skills, "Skills", false);
        let mut cells: Vec<Cell<'_, 'a>> = Vec::new();
        for area in SkillArea::ALL {
            let skills: Vec<&Skill> = list.iter().map(|s| &s.item).filter(|s| s.area == area).collect();
            if skills.is_empty() {
                continue;
            }
            cells.push(Box::new(move |b: &mut Self| {
                let look = b.body().bold();
                let title = b.text_boxes(&[look.span(area.label())], b.x, b.width);
                b.push(Block { boxes: title, space_before: b.theme.gap, keep_with_next: true, ..Block::default() });
                let names = skills
                    .iter()
                    .map(|s| match s.years {
                        Some(y) if y > 0 => format!("{} ({y} yrs)", s.name.trim()),
                        _ => s.name.trim().to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join("  ·  ");
                let look = b.body();
                b.paragraph(vec![look.span(names)], Pt(1.0));
            }));
        }
        self.grid(cells);
    }

    fn experience(&mut self, list: &[Stored<Experience>]) {
        if list.is_empty() {
            return;
        }
        self.section_title(Section::Experience, "Experience", false);
        let cells: Vec<Cell<'_, 'a>> = list
            .iter()
            .map(|e| {
                let e = &e.item;
                Box::new(move |b: &mut Self| {
                    let t = b.theme;
                    let head = vec![
                        b.body().bold().span(e.title.trim()),
                        b.body().span(format!("  —  {}", e.organisation.trim())),
                    ];
                    let mut boxes = b.text_boxes(&head, b.x, b.width);
                    let meta = dotted([period(e.start, e.end).as_str(), e.location.as_str()]);
                    if !meta.is_empty() {
                        boxes.extend(b.text_boxes(&[b.small().span(meta)], b.x, b.width));
                    }
                    b.push(Block {
                        boxes,
                        space_before: t.gap * 1.5,
                        keep_with_next: true,
                        keep_together: true,
                        ..Block::default()
                    });
                    if !e.summary.trim().is_empty() {
                        let look = b.body();
                        b.markdown(e.summary.trim(), look, Pt(2.0));
                    }
                    let bullets = e.highlights.iter().map(|h| format!("- {}", h.trim())).collect::<Vec<_>>().join("\n");
                    if !bullets.is_empty() {
                        let look = b.body();
                        b.markdown(&bullets, look, Pt(2.0));
                    }
                }) as Cell<'_, 'a>
            })
            .collect();
        self.grid(cells);
    }

    /// A one-line entry: a bold name (linked when it has a URL) and muted details.
    fn entry(&mut self, name: &str, url: &str, details: &str) {
        let mut spans = vec![match url.trim() {
            "" => self.body().bold().span(name.trim()),
            url => self.body().bold().color(self.accent).link(name.trim(), LinkTarget::Uri(url.to_string())),
        }];
        if !details.is_empty() {
            spans.push(self.small().span(format!("  —  {details}")));
        }
        let gap = self.theme.gap;
        self.paragraph(spans, gap);
    }

    fn certifications(&mut self, list: &[Stored<Certification>]) {
        if list.is_empty() {
            return;
        }
        self.section_title(Section::Certifications, "Certifications", false);
        for c in list {
            let c = &c.item;
            let expiry = c.expiry.map(|e| format!("valid until {}", e.human())).unwrap_or_default();
            let id = if c.credential_id.trim().is_empty() {
                String::new()
            } else {
                format!("ID {}", c.credential_id.trim())
            };
            let date = c.date.map(|d| d.human()).unwrap_or_default();
            let details = dotted([c.issuer.as_str(), &date, &expiry, &id]);
            self.entry(&c.name, &c.url, &details);
        }
    }

    fn education(&mut self, list: &[Stored<Education>]) {
        if list.is_empty() {
            return;
        }
        self.section_title(Section::Education, "Education", false);
        for e in list {
            let e = &e.item;
            let degree = dotted([e.degree.as_str(), e.field.as_str()]).replace("  ·  ", ", ");
            let details = dotted([e.institution.as_str(), &period(e.start, e.end)]);
            let name = if degree.is_empty() { e.institution.clone() } else { degree };
            self.entry(&name, "", &details);
        }
    }

    fn writing(&mut self, list: &[Stored<Writing>]) {
        if list.is_empty() {
            return;
        }
        self.section_title(Section::Writing, "Writing & talks", false);
        for w in list {
            let w = &w.item;
            let kind = match w.kind {
                WritingKind::Post => "Post",
                WritingKind::Talk => "Talk",
                WritingKind::Paper => "Paper",
                WritingKind::OpenSource => "Open source",
            };
            let date = w.date.map(|d| d.human()).unwrap_or_default();
            self.entry(&w.title, &w.url, &dotted([kind, w.venue.as_str(), &date]));
        }
    }

    /// "Name" on the left and "n / N" on the right of every page's foot.
    fn footers(&mut self, pages: &mut [Page], name: &str, baseline: Pt) {
        let total = pages.len();
        let small = self.small();
        for (i, page) in pages.iter_mut().enumerate() {
            let number = format!("{} / {total}", i + 1);
            let width = measure(&number, &small.style(None));
            for line in lay_out(&[small.span(&number)], Pt(200.0), &mut self.missing) {
                page.items.extend(runs(line, self.x + self.width - width, baseline));
            }
            if !name.trim().is_empty() {
                for line in lay_out(&[small.span(name.trim())], self.width / 2.0, &mut self.missing).into_iter().take(1)
                {
                    page.items.extend(runs(line, self.x, baseline));
                }
            }
        }
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
        items.push(Item::Text(TextRun {
            origin: Point { x: x + f.x, y: baseline },
            font: f.font,
            size: f.size,
            color: f.color,
            glyphs: f.glyphs,
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
