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

mod builder;
mod case_study;
mod entries;
mod flow;
mod header;
mod letter;
mod metrics;
mod quote;
mod resume;

use folio_model::fields::Fields;
use folio_model::{display_url, DocumentFormat, Portfolio, Section};

use crate::document::{Document, Metadata, OutlineEntry};
use crate::fonts::FontId;
use crate::images::Images;
use crate::text::Missing;
use crate::theme::{paper_size, Theme};
use crate::units::{Pt, Rgb};
use builder::{runs, Builder};
use flow::{paginate, Frame, Mark};

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
        DocumentFormat::Letter => compose(portfolio, options, |b| b.letter(portfolio)),
        // The letter, the whole résumé and the case studies, each from a new page under
        // the letterhead; the résumé is not cut: an application bundle is read whole.
        DocumentFormat::Bundle => compose(portfolio, options, |b| {
            let before = b.blocks.len();
            b.letter(portfolio);
            if b.blocks.len() > before {
                b.page_break();
                b.header(portfolio);
            }
            b.resume(portfolio, resume::Cut::Nothing);
            if portfolio.sections.contains(&Section::CaseStudies) && !portfolio.case_studies.is_empty() {
                b.page_break();
                b.section(Section::CaseStudies, portfolio);
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
        metadata: Metadata::of(portfolio, options.format),
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

impl Builder<'_> {
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
