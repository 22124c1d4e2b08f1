//! Cover letters: a first draft written from what an edition already knows — the role
//! and company, the posting's terms the edition covers and the case studies that show
//! them, the strongest metrics, a consented recommendation — with no AI service and
//! the same words every time. It is a draft for the user to rewrite, and the coach says
//! so while it is sent unedited.

use folio_model::markdown::plain_text;
use folio_model::resume::first_sentence;
use folio_model::{CaseStudy, CoverLetter, Edition, Metric, Portfolio, Stored};
use uuid::Uuid;

use crate::tailor::{match_posting, Term, TermKind};
use crate::{Folio, Result};

/// How many covered posting terms, metrics and case studies a draft names at most.
const TERMS: usize = 4;
const METRICS: usize = 2;
const STUDIES: usize = 3;

impl Folio {
    /// Writes a first draft of the edition's cover letter into it and saves it: the
    /// body, and the subject, salutation and closing where they are empty. It replaces
    /// the body whatever it holds; the app asks first when it holds more than a draft.
    pub fn draft_letter(&self, edition: Uuid) -> Result<Stored<Edition>> {
        let portfolio = self.portfolio(Some(edition))?;
        let mut item: Edition = self.get::<Edition>(edition)?.item;
        let terms = match item.posting.trim() {
            "" => Vec::new(),
            posting => match_posting(posting, &portfolio, &self.everything()?).terms,
        };
        let letter = &mut item.letter;
        letter.body = draft(&portfolio, &terms);
        letter.drafted = letter.body.clone();
        fill_blanks(letter, &item.target_role);
        self.update(edition, &item)
    }
}

/// The subject, salutation and closing a letter takes when they are empty.
fn fill_blanks(letter: &mut CoverLetter, role: &str) {
    if letter.subject.trim().is_empty() && !role.trim().is_empty() {
        letter.subject = format!("Application for the {} role", role.trim());
    }
    if letter.salutation.trim().is_empty() {
        letter.salutation = match letter.recipient_name.trim() {
            "" => "Dear hiring team,".into(),
            name => format!("Dear {name},"),
        };
    }
    if letter.closing.trim().is_empty() {
        letter.closing = "Kind regards,".into();
    }
}

/// A draft body, in Markdown, from what the edition exports (`portfolio`, redactions
/// applied) and the posting's terms (most mentioned first; empty without a posting).
pub(crate) fn draft(portfolio: &Portfolio, terms: &[Term]) -> String {
    let edition = portfolio.edition.as_ref().map(|e| &e.item);
    let role = edition.map(|e| e.target_role.trim()).unwrap_or_default();
    let company = edition.map(|e| e.target_company.trim()).unwrap_or_default();
    let relative = edition.is_some_and(|e| e.relative_metrics);
    let studies: Vec<&CaseStudy> = portfolio.case_studies.iter().map(|c| &c.item).collect();
    let mut paragraphs = Vec::new();

    let applying = match (role, company) {
        ("", "") => "I am writing to apply for the role you are hiring for.".to_string(),
        (role, "") => format!("I am writing to apply for the {role} role."),
        ("", company) => format!("I am writing to apply for the open role at {company}."),
        (role, company) => format!("I am writing to apply for the {role} role at {company}."),
    };
    let about = first_sentence(&plain_text(&portfolio.profile.summary));
    paragraphs.push(match about.as_str() {
        "" => applying,
        about if about.starts_with("I ") => format!("{applying} {about}"),
        about => format!("{applying} My background: {about}"),
    });

    let covered: Vec<&Term> = terms.iter().filter(|t| t.covered).take(TERMS).collect();
    if covered.is_empty() {
        let titles: Vec<String> = studies.iter().take(STUDIES).map(|c| quoted(&c.title)).collect();
        if !titles.is_empty() {
            paragraphs
                .push(format!("The case studies with this letter show the work I would bring: {}.", list(&titles)));
        }
    } else {
        let names: Vec<String> = covered.iter().map(|t| in_sentence(t)).collect();
        let mut shown = format!("Your posting asks for {}, and I have done that work.", list(&names));
        for (title, names) in evidence(&covered, &studies) {
            shown.push_str(&format!(" In {} I worked with {}.", quoted(&title), list(&names)));
        }
        paragraphs.push(shown);
    }

    let metrics = strongest(&studies, relative);
    if !metrics.is_empty() {
        let results: Vec<String> = metrics
            .iter()
            .map(|(study, m)| {
                let figure = if relative { m.relative_statement().unwrap_or_default() } else { m.statement() };
                format!("{figure} in {}", quoted(&study.title))
            })
            .collect();
        paragraphs.push(format!("The results were measured: {}.", list(&results)));
    }

    if let Some(r) = portfolio.recommendations.iter().map(|r| &r.item).find(|r| r.consent && !r.text.trim().is_empty())
    {
        let role: Vec<&str> =
            [r.author_title.trim(), r.organisation.trim()].into_iter().filter(|p| !p.is_empty()).collect();
        let who = match role.as_slice() {
            [] => r.author_name.trim().to_string(),
            role => format!("{} ({})", r.author_name.trim(), role.join(", ")),
        };
        let words = first_sentence(&plain_text(&r.text));
        paragraphs.push(format!("{who} put it this way: “{words}”"));
    }

    let whose = if company.is_empty() { "your".to_string() } else { format!("{company}'s") };
    paragraphs.push(format!("I would welcome the chance to talk about what I could do for {whose} team."));
    paragraphs.join("\n\n")
}

/// For each case study that says some of the covered terms (by its title in the
/// terms' evidence), those terms, in the order of the case studies; at most
/// [`STUDIES`].
fn evidence(covered: &[&Term], studies: &[&CaseStudy]) -> Vec<(String, Vec<String>)> {
    studies
        .iter()
        .filter_map(|c| {
            let names: Vec<String> =
                covered.iter().filter(|t| t.evidence.contains(&c.title)).map(|t| in_sentence(t)).collect();
            (!names.is_empty()).then(|| (c.title.clone(), names))
        })
        .take(STUDIES)
        .collect()
}

/// The metrics that say the most, with their case studies: the largest factor of
/// improvement, else the largest change; at most [`METRICS`], from different studies.
fn strongest<'a>(studies: &[&'a CaseStudy], relative: bool) -> Vec<(&'a CaseStudy, &'a Metric)> {
    let strength =
        |m: &Metric| m.factor().map(|f| f * 100.0).or_else(|| m.change_percent().map(f64::abs)).filter(|s| *s > 0.0);
    let mut best: Vec<(&CaseStudy, &Metric, f64)> = studies
        .iter()
        .filter_map(|c| {
            let stated = c.metrics.iter().filter(|m| !relative || m.change_label().is_some());
            let (m, s) = stated.filter_map(|m| Some((m, strength(m)?))).max_by(|a, b| a.1.total_cmp(&b.1))?;
            Some((*c, m, s))
        })
        .collect();
    best.sort_by(|a, b| b.2.total_cmp(&a.2));
    best.into_iter().take(METRICS).map(|(c, m, _)| (c, m)).collect()
}

/// A term as a sentence says it: a technology as it is spelled ("PostgreSQL"), a
/// practice or responsibility in lower case unless it is an acronym ("design reviews",
/// "SRE").
fn in_sentence(term: &Term) -> String {
    let name = term.name.trim();
    let acronym = name.chars().filter(|c| c.is_alphabetic()).skip(1).any(char::is_uppercase);
    if term.kind == TermKind::Technology || acronym {
        return name.to_string();
    }
    let mut chars = name.chars();
    chars.next().map(|first| first.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// A title as a letter quotes it, in curly quotes, Markdown's markup in it kept as text.
fn quoted(title: &str) -> String {
    let mut out = String::from("“");
    for c in title.trim().chars() {
        if matches!(c, '*' | '_' | '[' | ']' | '`' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('”');
    out
}

/// "a", "a and b", "a, b and c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
