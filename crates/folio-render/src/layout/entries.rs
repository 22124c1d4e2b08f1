//! The résumé's entries: experience, education, certifications, writing and skills.
//! Each field of an entry — title, organisation, dates, location — is a run of its own
//! with a separator between, and entries stand in one column in every theme; only the
//! short items of skills may sit in two. Every date reads to the month at most, so that
//! a list of them reads alike.

use folio_model::fields::{Job, Period, School};
use folio_model::{Certification, Education, Experience, Skill, SkillArea, Stored, Writing};

use super::flow::{Block, LineBox};
use super::Builder;
use crate::document::LinkTarget;
use crate::text::Span;
use crate::units::Pt;

/// Content laid out into one cell of a grid.
type Cell<'c, 'a> = Box<dyn Fn(&mut Builder<'a>) + 'c>;

impl<'a> Builder<'a> {
    pub(super) fn experience(&mut self, list: &[Stored<Experience>]) {
        if list.is_empty() {
            return;
        }
        self.section_title("Experience");
        for e in list {
            let highlights = e.item.highlights.iter().map(|h| h.trim().to_string()).collect();
            self.job(&e.item, highlights, true);
        }
    }

    /// One job: title and company, dates and location, its summary when `summary`
    /// is set, then its bullets.
    pub(super) fn job(&mut self, e: &Experience, bullets: Vec<String>, summary: bool) {
        let t = self.theme;
        self.within(format!("experience '{}, {}'", e.title.trim(), e.organisation.trim()));
        self.fields.jobs.push(Job {
            title: e.title.trim().to_string(),
            company: e.organisation.trim().to_string(),
            period: Period::new(e.start, e.end),
            bullets: bullets.iter().map(|b| folio_model::markdown::plain_text(b)).collect(),
        });
        let (body, small) = (self.body(), self.small());
        let head = self.fields([body.bold().span(e.title.as_str()), body.span(e.organisation.as_str())], small);
        let mut boxes = self.text_boxes(&head, self.x, self.width);
        let meta =
            self.fields([small.span(folio_model::period(e.start, e.end)), small.span(e.location.as_str())], small);
        boxes.extend(self.text_boxes(&meta, self.x, self.width));
        self.push_heading(boxes, t.gap * 1.5);
        if summary && !e.summary.trim().is_empty() {
            self.markdown(e.summary.trim(), body, Pt(2.0));
        }
        if !bullets.is_empty() {
            let list = bullets.iter().map(|b| format!("- {b}")).collect::<Vec<_>>().join("\n");
            self.markdown(&list, body, Pt(2.0));
        }
    }

    /// A one-line entry: a bold name (linked when it has a URL), then its details.
    fn entry(&mut self, name: &str, url: &str, details: impl IntoIterator<Item = String>) {
        let name = match url.trim() {
            "" => self.body().bold().span(name),
            url => self.body().bold().color(self.accent).link(name, LinkTarget::Uri(url.to_string())),
        };
        let small = self.small();
        let fields = std::iter::once(name).chain(details.into_iter().map(|d| small.span(d)));
        let spans = self.fields(fields, small);
        let gap = self.theme.gap;
        self.paragraph(spans, gap);
    }

    pub(super) fn certifications(&mut self, list: &[Stored<Certification>]) {
        if list.is_empty() {
            return;
        }
        self.section_title("Certifications");
        for c in list {
            self.entry(&c.item.name, &c.item.url, c.item.details());
        }
    }

    pub(super) fn education(&mut self, list: &[Stored<Education>]) {
        if list.is_empty() {
            return;
        }
        self.section_title("Education");
        for e in list {
            let e = &e.item;
            let degree = e.degree_line();
            let when = folio_model::period(e.start, e.end);
            let school = e.institution.trim().to_string();
            self.fields.education.push(School { degree: degree.clone(), school, period: Period::new(e.start, e.end) });
            if degree.is_empty() {
                self.entry(&e.institution, "", [when]);
            } else {
                self.entry(&degree, "", [e.institution.clone(), when]);
            }
        }
    }

    pub(super) fn writing(&mut self, list: &[Stored<Writing>]) {
        if list.is_empty() {
            return;
        }
        self.section_title("Publications and talks");
        for w in list {
            self.entry(&w.item.title, &w.item.url, w.item.details());
        }
    }

    pub(super) fn skills(&mut self, list: &[Stored<Skill>]) {
        if list.is_empty() {
            return;
        }
        self.section_title("Skills");
        self.fields.skills.extend(list.iter().map(|s| s.item.name.trim().to_string()).filter(|n| !n.is_empty()));
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
                // Each skill whole, so that "Rust (7 yrs)" never breaks inside and no
                // line starts with a separator.
                let names = skills.iter().map(|s| match s.years {
                    Some(y) if y > 0 => format!("{} ({y} yrs)", s.name.trim()),
                    _ => s.name.trim().to_string(),
                });
                let (body, small) = (b.body(), b.small());
                let spans: Vec<Span> = b.fields(names.map(|n| body.span(n)), small);
                b.paragraph(spans, Pt(1.0));
            }));
        }
        self.grid(cells);
    }

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
}
