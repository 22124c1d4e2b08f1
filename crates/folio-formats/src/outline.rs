//! A portfolio as a document's outline: headings, paragraphs, list items, quotes and
//! figures in reading order, with no page in sight. The PDF lays out the same fields in
//! the same order (`folio-render`); Word, plain text and Markdown are written from this.
//!
//! A résumé here is the whole résumé: the PDF cuts one to fit two pages, but a Word
//! file is there to be edited and a text one to be pasted in parts, so nothing is left
//! out of them.

use folio_model::markdown::{self, Inline};
use folio_model::{
    display_url, period, CaseStudy, Certification, Decision, DocumentFormat, DocumentInfo, Education, Experience,
    Metric, Portfolio, Recommendation, Section, Skill, SkillArea, Stored, Writing,
};
use uuid::Uuid;

/// A document's content in reading order, and what its file says about itself.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outline {
    pub properties: DocumentInfo,
    pub blocks: Vec<Block>,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title: the person's name.
    Title(String),
    /// The line under the title: the headline.
    Subtitle(String),
    /// A section ("Experience"), level 1; an entry or a case study, level 2; a part of
    /// one ("Key decisions"), level 3.
    Heading {
        level: u8,
        text: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    /// Fields of one line — organisation, role, dates — each its own run, in order.
    Fields(Vec<Inline>),
    /// A list item; `number` is "3." in a numbered list, `None` for a bullet.
    Item {
        depth: usize,
        number: Option<String>,
        text: Vec<Inline>,
    },
    /// A recommendation: the words, then who said them.
    Quote {
        text: Vec<Inline>,
        by: Vec<Inline>,
    },
    Figure {
        asset: Uuid,
        alt: String,
        caption: String,
    },
    /// What follows starts a new page, where a file has pages: the parts of an
    /// application bundle.
    Break,
}

/// The words a [`Block`] holds, one string: what a reader takes in.
pub fn plain(text: &[Inline]) -> String {
    text.iter().map(|i| i.text.as_str()).collect()
}

/// A run of plain text.
pub fn run(text: impl Into<String>) -> Inline {
    Inline { text: text.into(), ..Inline::default() }
}

fn bold(text: impl Into<String>) -> Inline {
    Inline { text: text.into(), bold: true, ..Inline::default() }
}

fn link(text: impl Into<String>, url: &str) -> Inline {
    Inline { text: text.into(), link: Some(url.to_string()), ..Inline::default() }
}

/// What goes between the fields of one line.
pub const SEPARATOR: &str = " · ";

/// Fields of one line, the empty ones left out, with separators between.
fn fields(parts: impl IntoIterator<Item = Inline>) -> Vec<Inline> {
    let mut out = Vec::new();
    for part in parts.into_iter().filter(|p| !p.text.trim().is_empty()) {
        if !out.is_empty() {
            out.push(run(SEPARATOR));
        }
        out.push(Inline { text: part.text.trim().to_string(), ..part });
    }
    out
}

impl Outline {
    /// The blocks as lines of text, each written by `write`: a blank line between
    /// blocks, except between the items of one list, which stand on consecutive lines.
    /// How plain text and Markdown both lay an outline out.
    pub(crate) fn lines(&self, mut write: impl FnMut(&mut String, &Block)) -> String {
        let mut out = String::new();
        let mut previous: Option<&Block> = None;
        for block in &self.blocks {
            let list_goes_on = matches!((previous, block), (Some(Block::Item { .. }), Block::Item { .. }));
            if previous.is_some() && !list_goes_on {
                out.push('\n');
            }
            write(&mut out, block);
            out.push('\n');
            previous = Some(block);
        }
        out
    }
}

/// The outline of the document `format` asks for.
pub fn outline(p: &Portfolio, format: DocumentFormat) -> Outline {
    let mut o = Writer::default();
    o.header(p);
    match format {
        DocumentFormat::Portfolio => {
            for section in &p.sections {
                o.section(*section, p);
            }
        }
        DocumentFormat::Resume => o.resume(p),
        DocumentFormat::Letter => {
            o.letter(p);
        }
        // The letter, the whole résumé, then the case studies, each under the letterhead.
        DocumentFormat::Bundle => {
            if o.letter(p) {
                o.push(Block::Break);
                o.header(p);
            }
            o.resume(p);
            if p.sections.contains(&Section::CaseStudies) && !p.case_studies.is_empty() {
                o.push(Block::Break);
                o.case_studies(p);
            }
        }
    }
    Outline { properties: DocumentInfo::of(p, format), blocks: o.blocks }
}

#[derive(Default)]
struct Writer {
    blocks: Vec<Block>,
}

impl Writer {
    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    fn heading(&mut self, level: u8, text: Vec<Inline>) {
        self.push(Block::Heading { level, text });
    }

    fn section_title(&mut self, title: &str) {
        self.heading(1, vec![run(title)]);
    }

    fn line(&mut self, parts: impl IntoIterator<Item = Inline>) {
        let text = fields(parts);
        if !text.is_empty() {
            self.push(Block::Fields(text));
        }
    }

    /// Markdown a user typed, as paragraphs and list items.
    fn markdown(&mut self, text: &str) {
        for block in markdown::parse(text.trim()) {
            match block {
                markdown::Block::Paragraph { text } => self.push(Block::Paragraph(text)),
                markdown::Block::Item { marker, depth, text } => {
                    let number = (marker != "•" && !marker.is_empty()).then_some(marker);
                    self.push(Block::Item { depth, number, text });
                }
            }
        }
    }

    fn header(&mut self, p: &Portfolio) {
        let profile = &p.profile;
        let name = profile.full_name.trim();
        self.push(Block::Title(if name.is_empty() { "Portfolio".into() } else { name.into() }));
        if !profile.headline.trim().is_empty() {
            self.push(Block::Subtitle(profile.headline.trim().into()));
        }
        let email = profile.email.trim();
        let mut contact = vec![run(profile.location.as_str()), link(email, &format!("mailto:{email}"))];
        contact.push(run(profile.phone.as_str()));
        contact.extend(profile.links.iter().map(|l| link(display_url(&l.url), &l.url)));
        self.line(contact);
    }

    fn section(&mut self, section: Section, p: &Portfolio) {
        match section {
            Section::Summary => self.summary(p),
            Section::CaseStudies => self.case_studies(p),
            Section::Recommendations => self.recommendations(p),
            Section::Skills => self.skills(&p.skills),
            Section::Experience => {
                if !p.experience.is_empty() {
                    self.section_title("Experience");
                }
                for job in &p.experience {
                    self.job(&job.item, job.item.highlights.iter().map(|h| h.trim().to_string()).collect());
                }
            }
            Section::Certifications => self.certifications(&p.certifications),
            Section::Education => self.education(&p.education),
            Section::Writing => self.writing(&p.writing),
        }
    }

    fn resume(&mut self, p: &Portfolio) {
        let shows = |s: Section| p.sections.contains(&s);
        if shows(Section::Summary) {
            self.summary(p);
        }
        if shows(Section::Experience) && !p.experience.is_empty() {
            self.section_title("Experience");
            for job in &p.experience {
                self.job(&job.item, folio_model::resume::job_bullets(&job.item, p));
            }
        }
        if shows(Section::Skills) {
            self.skills(&p.skills);
        }
        if shows(Section::Education) {
            self.education(&p.education);
        }
        if shows(Section::Certifications) {
            self.certifications(&p.certifications);
        }
    }

    /// The edition's cover letter, when it has a body; whether it had one.
    fn letter(&mut self, p: &Portfolio) -> bool {
        let Some(e) = p.edition.as_ref().map(|e| &e.item) else { return false };
        let l = &e.letter;
        if !l.is_written() {
            return false;
        }
        let company = if l.recipient_company.trim().is_empty() { &e.target_company } else { &l.recipient_company };
        let date = l.date.map(|d| d.human()).unwrap_or_default();
        let head = [date.as_str(), &l.recipient_name, &l.recipient_title, company]
            .into_iter()
            .chain(l.recipient_address.lines());
        for line in head.map(str::trim).filter(|line| !line.is_empty()) {
            self.push(Block::Paragraph(vec![run(line)]));
        }
        if !l.subject.trim().is_empty() {
            self.push(Block::Paragraph(vec![bold(l.subject.trim())]));
        }
        if !l.salutation.trim().is_empty() {
            self.push(Block::Paragraph(vec![run(l.salutation.trim())]));
        }
        self.markdown(&l.body);
        let signature = if l.signature.trim().is_empty() { p.profile.full_name.trim() } else { l.signature.trim() };
        for line in [l.closing.trim(), signature].into_iter().filter(|line| !line.is_empty()) {
            self.push(Block::Paragraph(vec![run(line)]));
        }
        true
    }

    fn summary(&mut self, p: &Portfolio) {
        if p.profile.summary.trim().is_empty() {
            return;
        }
        self.section_title("Summary");
        self.markdown(&p.profile.summary);
    }

    fn case_studies(&mut self, p: &Portfolio) {
        if p.case_studies.is_empty() {
            return;
        }
        self.section_title("Case studies");
        let relative = p.edition.as_ref().is_some_and(|e| e.item.relative_metrics);
        for cs in &p.case_studies {
            self.case_study(&cs.item, relative);
        }
    }

    fn case_study(&mut self, cs: &CaseStudy, relative: bool) {
        self.heading(2, vec![run(cs.title.trim())]);
        let team = cs.team_size.map(|n| format!("team of {n}")).unwrap_or_default();
        self.line([run(cs.organisation.as_str()), run(cs.role.as_str()), run(period(cs.start, cs.end)), run(team)]);
        self.line(cs.kinds.iter().map(|k| run(k.label())));
        self.markdown(&cs.summary);
        if !cs.technologies.is_empty() {
            let mut text = vec![bold("Technologies: ")];
            text.extend(fields(cs.technologies.iter().map(|t| run(t.name.as_str()))));
            self.push(Block::Paragraph(text));
        }
        for m in &cs.metrics {
            if let Some(text) = metric(m, relative) {
                self.push(Block::Item { depth: 0, number: None, text });
            }
        }
        self.part("Context", &cs.context);
        self.part("My contribution", &cs.contribution);
        if !cs.decisions.is_empty() {
            self.heading(3, vec![run("Key decisions")]);
            for (i, d) in cs.decisions.iter().enumerate() {
                self.decision(i, d);
            }
        }
        self.part("Outcome", &cs.outcome);
        for image in &cs.images {
            self.push(Block::Figure {
                asset: image.asset,
                alt: image.alt.trim().into(),
                caption: image.caption.trim().into(),
            });
        }
        let links: Vec<_> = cs.links.iter().filter(|l| !l.url.trim().is_empty()).collect();
        if !links.is_empty() {
            self.heading(3, vec![run("Links")]);
            for l in links {
                let text = fields([link(l.label.as_str(), &l.url), link(display_url(&l.url), &l.url)]);
                self.push(Block::Item { depth: 0, number: None, text });
            }
        }
    }

    /// A part of a case study under its own heading, when it has words.
    fn part(&mut self, title: &str, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.heading(3, vec![run(title)]);
        self.markdown(text);
    }

    fn decision(&mut self, index: usize, d: &Decision) {
        self.push(Block::Paragraph(vec![bold(format!("{}. {}", index + 1, d.title.trim()))]));
        let options: Vec<_> = d.options.iter().map(|o| o.trim()).filter(|o| !o.is_empty()).collect();
        let parts = [
            ("Context:", d.context.trim().to_string()),
            ("Options considered:", options.join("; ")),
            ("Chose:", d.choice.trim().to_string()),
            ("Why:", d.rationale.trim().to_string()),
            ("Consequences:", d.consequences.trim().to_string()),
        ];
        for (name, value) in parts.into_iter().filter(|(_, value)| !value.is_empty()) {
            for (i, block) in markdown::parse(&value).into_iter().enumerate() {
                let (markdown::Block::Paragraph { text } | markdown::Block::Item { text, .. }) = block;
                let mut line = if i == 0 { vec![bold(format!("{name} "))] } else { Vec::new() };
                line.extend(text);
                self.push(Block::Paragraph(line));
            }
        }
    }

    fn recommendations(&mut self, p: &Portfolio) {
        if p.recommendations.is_empty() {
            return;
        }
        self.section_title("Recommendations");
        for r in &p.recommendations {
            self.quote(&r.item, p);
        }
    }

    fn quote(&mut self, r: &Recommendation, p: &Portfolio) {
        let about = r
            .case_study
            .and_then(|id| p.case_studies.iter().find(|c| c.id == id))
            .map(|c| format!("on {}", c.item.title.trim()))
            .unwrap_or_default();
        let mut by = vec![run("— ")];
        by.extend(fields([
            bold(r.author_name.as_str()),
            run(r.author_title.as_str()),
            run(r.organisation.as_str()),
            run(r.relationship.label()),
            run(about),
        ]));
        let text = vec![run(format!("“{}”", markdown::plain_text(r.text.trim())))];
        self.push(Block::Quote { text, by });
    }

    /// One job: title and company, dates and location, its summary, then its bullets
    /// (Markdown: a case study's title is bold in them).
    fn job(&mut self, e: &Experience, bullets: Vec<String>) {
        self.heading(2, fields([run(e.title.as_str()), run(e.organisation.as_str())]));
        self.line([run(period(e.start, e.end)), run(e.location.as_str())]);
        self.markdown(&e.summary);
        for bullet in bullets.iter().filter(|b| !b.trim().is_empty()) {
            let text = markdown::parse(bullet)
                .into_iter()
                .flat_map(|(markdown::Block::Paragraph { text } | markdown::Block::Item { text, .. })| text)
                .collect();
            self.push(Block::Item { depth: 0, number: None, text });
        }
    }

    fn skills(&mut self, list: &[Stored<Skill>]) {
        if list.is_empty() {
            return;
        }
        self.section_title("Skills");
        for area in SkillArea::ALL {
            let names: Vec<Inline> = list
                .iter()
                .map(|s| &s.item)
                .filter(|s| s.area == area)
                .map(|s| match s.years {
                    Some(y) if y > 0 => run(format!("{} ({y} yrs)", s.name.trim())),
                    _ => run(s.name.trim()),
                })
                .collect();
            if names.is_empty() {
                continue;
            }
            let mut text = vec![bold(format!("{}: ", area.label()))];
            text.extend(fields(names));
            self.push(Block::Paragraph(text));
        }
    }

    /// A one-line entry: its name (a link when it has an address), then its details.
    fn entry(&mut self, name: &str, url: &str, details: impl IntoIterator<Item = String>) {
        let name = match url.trim() {
            "" => bold(name),
            url => Inline { link: Some(url.to_string()), ..bold(name) },
        };
        let text = fields(std::iter::once(name).chain(details.into_iter().map(run)));
        self.push(Block::Paragraph(text));
    }

    fn certifications(&mut self, list: &[Stored<Certification>]) {
        if list.is_empty() {
            return;
        }
        self.section_title("Certifications");
        for c in list {
            self.entry(&c.item.name, &c.item.url, c.item.details());
        }
    }

    fn education(&mut self, list: &[Stored<Education>]) {
        if list.is_empty() {
            return;
        }
        self.section_title("Education");
        for e in list {
            let e = &e.item;
            let degree = e.degree_line();
            let when = period(e.start, e.end);
            if degree.is_empty() {
                self.entry(&e.institution, "", [when]);
            } else {
                self.entry(&degree, "", [e.institution.clone(), when]);
            }
        }
    }

    fn writing(&mut self, list: &[Stored<Writing>]) {
        if list.is_empty() {
            return;
        }
        self.section_title("Publications and talks");
        for w in list {
            self.entry(&w.item.title, &w.item.url, w.item.details());
        }
    }
}

/// A metric as one line: its label, its headline figure, before → after, when.
fn metric(m: &Metric, relative: bool) -> Option<Vec<Inline>> {
    let figure = if relative { m.change_label() } else { m.headline() }?;
    let change = match (m.baseline, m.result) {
        (Some(b), Some(r)) if !relative => {
            format!("{} → {}", folio_model::format_quantity(b, &m.unit), folio_model::format_quantity(r, &m.unit))
        }
        _ => String::new(),
    };
    let note = if relative { "" } else { m.note.trim() };
    let mut text = vec![bold(format!("{}: ", m.label.trim())), run(figure)];
    let details = fields([run(change), run(m.timeframe.as_str()), run(note)]);
    if !details.is_empty() {
        text.push(run(SEPARATOR));
        text.extend(details);
    }
    Some(text)
}
