//! Case studies: a contents list when there are several, then each study in turn —
//! title, what it was, summary, technologies, metric callouts, the story, decisions,
//! outcome, chart, figures and links. Studies follow one another; one starts a new
//! page only when less than a quarter of a page is left.

use folio_model::{CaseStudy, Decision, ImageRef, Link, Portfolio, Stored};
use rayon::prelude::*;

use super::flow::{Block, LineBox, Mark, Shrink};
use super::{display_url, Builder};
use crate::document::{Item, LinkTarget, Role};
use crate::units::{Point, Pt, Rect};
use folio_model::markdown;

impl Builder<'_> {
    pub(super) fn case_studies(&mut self, list: &[Stored<CaseStudy>], p: &Portfolio) {
        if list.is_empty() {
            return;
        }
        let anchors: Vec<usize> = list.iter().map(|_| self.new_anchor()).collect();
        self.section_title("Case studies");
        if list.len() >= 3 {
            self.contents(list, &anchors);
        }
        // Each study is laid out on its own, on every core, and joined in order: the
        // same blocks, and so the same bytes, whatever the number of threads.
        self.note_missing();
        let studies: Vec<Builder<'_>> = list
            .par_iter()
            .zip(&anchors)
            .map(|(cs, anchor)| {
                let mut part = self.fork();
                part.case_study(&cs.item, *anchor, p);
                part
            })
            .collect();
        for part in studies {
            self.join(part);
        }
    }

    fn contents(&mut self, list: &[Stored<CaseStudy>], anchors: &[usize]) {
        let t = self.theme;
        for (i, (cs, anchor)) in list.iter().zip(anchors).enumerate() {
            let body = self.body();
            let mut spans = vec![body.color(t.muted).span(format!("{}. ", i + 1))];
            let entry = [
                body.color(self.accent).link(cs.item.title.trim(), LinkTarget::Anchor(*anchor)),
                self.small().span(cs.item.organisation.trim()),
            ];
            spans.extend(self.fields(entry, self.small()));
            self.paragraph(spans, Pt(2.0));
        }
    }

    fn case_study(&mut self, cs: &CaseStudy, anchor: usize, p: &Portfolio) {
        self.within(format!("case study '{}'", cs.title.trim()));
        let t = self.theme;
        self.fields.projects.push(cs.title.trim().to_string());
        let boxes = self.case_study_head(cs, anchor);
        let first_block = self.blocks.len();
        self.push_heading(boxes, t.section_gap);
        self.about("summary");
        if !cs.summary.trim().is_empty() {
            let look = self.body().size(t.body_size * 1.08);
            self.markdown(cs.summary.trim(), look, t.gap);
        }
        // What it was built with, one line under the summary: up here it is never left
        // alone at the top of a page, where a block of its own would read as a section.
        if !cs.technologies.is_empty() {
            let small = self.small();
            let mut spans = vec![small.bold().span("Technologies ")];
            spans.extend(self.fields(cs.technologies.iter().map(|t| small.span(t.name.as_str())), small));
            self.paragraph(spans, t.gap * 0.6);
        }
        // An edition that hides absolute values shows each metric as its change only,
        // and no chart (bar lengths would give the ratio of the values away, not more).
        let relative = p.edition.as_ref().is_some_and(|e| e.item.relative_metrics);
        self.about("metrics");
        self.metric_callouts(&cs.metrics, relative);
        self.subsection_markdown("Context", &cs.context);
        self.subsection_markdown("My contribution", &cs.contribution);
        if !cs.decisions.is_empty() {
            self.about("key decisions");
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
        self.case_study_links(&cs.links);
        self.open_page_unless_room(first_block);
    }

    /// The study's title (an outline entry and the target of its link from the
    /// contents), then organisation, role, period and team as fields of one line, then
    /// the kinds of work.
    fn case_study_head(&mut self, cs: &CaseStudy, anchor: usize) -> Vec<LineBox> {
        let t = self.theme;
        let title_look = self.heading(t.title_size);
        let mut boxes = self.tagged_boxes(&[title_look.span(cs.title.trim())], Role::H3);
        if let Some(first) = boxes.first_mut() {
            first.marks.push(Mark::Anchor(anchor));
            first.marks.push(Mark::Outline { level: 2, title: cs.title.trim().to_string() });
        }
        let small = self.small();
        let team = cs.team_size.map(|n| format!("team of {n}")).unwrap_or_default();
        let meta = self.fields(
            [
                small.color(t.text).span(cs.organisation.as_str()),
                small.span(cs.role.as_str()),
                small.span(folio_model::period(cs.start, cs.end)),
                small.span(team),
            ],
            small,
        );
        boxes.extend(self.text_boxes(&meta, self.x, self.width));
        // What kind of work it was, as words in the accent colour: not capitals and not
        // bold, so that no reader takes it for a heading.
        let kinds = self.fields(cs.kinds.iter().map(|k| small.color(self.accent).span(k.label())), small);
        let mut kind_boxes = self.text_boxes(&kinds, self.x, self.width);
        if let Some(first) = kind_boxes.first_mut() {
            first.height += Pt(2.0);
        }
        boxes.extend(kind_boxes);
        boxes
    }

    /// The study's links, each its label and its address.
    fn case_study_links(&mut self, links: &[Link]) {
        if links.is_empty() {
            return;
        }
        self.subheading("Links");
        for link in links {
            let target = LinkTarget::Uri(link.url.clone());
            let label = self.body().color(self.accent).link(link.label.trim(), target.clone());
            let url = self.small().link(display_url(&link.url), target);
            let spans = self.fields([label, url], self.small());
            self.paragraph(spans, Pt(2.0));
        }
    }

    /// A study opens a new page when less than a quarter of one is left, unless the
    /// whole study (its blocks from `first_block` on) fits in what is left.
    fn open_page_unless_room(&mut self, first_block: usize) {
        let blocks = &self.blocks[first_block..];
        let height: Pt = blocks.iter().map(|b| b.space_before + b.height()).sum::<Pt>() - blocks[0].space_before;
        self.blocks[first_block].needs_room = height.min(self.room * 0.25);
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
            let alt = [figure.alt.trim(), figure.caption.trim()].into_iter().find(|t| !t.is_empty());
            let element = self.element(Role::Figure, None, alt.map(str::to_string));
            let mut boxed = LineBox {
                height,
                items: vec![Item::Image { rect, asset: figure.asset, round: None, element: Some(element) }],
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
                let x = self.x;
                self.stacked(&mut boxed, &[look.span(caption)], x, width.max(self.width * 0.5));
            }
            // Down to two thirds of its size rather than leave a gap at a page's foot.
            let shrink = Some(Shrink { left: self.x, height, least: 0.66 });
            self.push(Block {
                boxes: vec![boxed],
                space_before: t.gap * 2.0,
                keep_together: true,
                shrink,
                ..Block::default()
            });
        }
    }

    pub(super) fn subheading(&mut self, title: &str) {
        let t = self.theme;
        let look = self.heading(t.body_size).color(self.accent);
        let boxes = self.tagged_boxes(&[look.span(title)], Role::H4);
        self.push(Block { boxes, space_before: t.gap * 2.0, keep_with_next: true, ..Block::default() });
    }

    fn subsection_markdown(&mut self, title: &str, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.about(title.to_lowercase());
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
        let options: Vec<_> = d.options.iter().map(|o| o.trim()).filter(|o| !o.is_empty()).collect();
        let fields = [
            ("Context:", d.context.trim().to_string()),
            ("Options considered:", options.join("; ")),
            ("Chose:", d.choice.trim().to_string()),
            ("Why:", d.rationale.trim().to_string()),
            ("Consequences:", d.consequences.trim().to_string()),
        ];
        for (name, value) in fields.into_iter().filter(|(_, value)| !value.is_empty()) {
            let body = self.body();
            for (i, block) in markdown::parse(&value).into_iter().enumerate() {
                let inlines = match block {
                    markdown::Block::Paragraph { text } | markdown::Block::Item { text, .. } => text,
                };
                let mut spans = if i == 0 { vec![label.span(format!("{name} "))] } else { Vec::new() };
                spans.extend(self.inlines(&inlines, body));
                self.paragraph(spans, Pt(2.0));
            }
        }
        self.x = x;
        self.width = width;
    }
}
