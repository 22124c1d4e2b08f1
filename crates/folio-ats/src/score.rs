//! What was printed against what was read: each field right or misread, and the
//! share read right.

use folio_model::fields::{Fields, Job, Period, School};
use serde::Serialize;
use ts_rs::TS;

use crate::extract::collapse;

/// How an applicant tracking system would read a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "AtsReport")]
pub struct Report {
    /// Fields read right, of [`Report::checked`].
    pub right: u32,
    pub checked: u32,
    /// `right` as a whole percentage of `checked` (100 when there was nothing to read).
    pub score: u32,
    /// Each field that would be misread, in the document's order.
    pub misreads: Vec<Misread>,
}

/// A field read otherwise than it was printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Misread {
    /// Which field, for a person: "Experience: Staff Engineer, Acme — dates".
    pub field: String,
    pub printed: String,
    /// What a parser reads there; empty when it finds nothing.
    pub read: String,
}

/// Tallies the fields as they are compared.
#[derive(Default)]
struct Tally {
    right: u32,
    checked: u32,
    misreads: Vec<Misread>,
}

impl Tally {
    fn field(&mut self, field: impl Into<String>, printed: &str, read: &str) {
        self.check(same(printed, read), field, printed, read);
    }

    fn check(&mut self, right: bool, field: impl Into<String>, printed: &str, read: &str) {
        self.checked += 1;
        if right {
            self.right += 1;
        } else {
            self.misreads.push(Misread { field: field.into(), printed: printed.into(), read: read.into() });
        }
    }

    /// Each printed item found among those read.
    fn each(&mut self, what: &str, printed: &[String], read: &[String], key: fn(&str) -> String) {
        for p in printed {
            let found = read.iter().any(|r| key(r) == key(p));
            self.check(found, format!("{what}: {p}"), p, if found { p } else { "" });
        }
    }

    fn period(&mut self, field: String, printed: Period, read: Period) {
        if !printed.is_empty() {
            self.check(printed == read, field, &printed.to_string(), &read.to_string());
        }
    }
}

/// The same words, whatever the spacing and case.
fn same(a: &str, b: &str) -> bool {
    words(a) == words(b)
}

fn words(text: &str) -> String {
    collapse(text).to_lowercase()
}

/// A skill without what a parser drops from it: a bracket at its end ("Rust (7 yrs)",
/// "Spanish (fluent)").
fn skill_key(skill: &str) -> String {
    let skill = words(skill);
    match skill.rsplit_once(" (") {
        Some((name, bracket)) if bracket.ends_with(')') => name.to_string(),
        _ => skill,
    }
}

/// A link without its scheme, `www.` or trailing slash.
fn link_key(url: &str) -> String {
    let url = url.trim().to_lowercase();
    let url = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).unwrap_or(&url);
    url.strip_prefix("www.").unwrap_or(url).trim_end_matches('/').to_string()
}

/// Compares what was printed with what was read.
pub fn compare(printed: &Fields, read: &Fields) -> Report {
    let mut t = Tally::default();
    t.field("Name", &printed.name, &read.name);
    if !printed.email.trim().is_empty() {
        t.field("E-mail", &printed.email, &read.email);
    }
    if !printed.phone.trim().is_empty() {
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        t.check(digits(&printed.phone) == digits(&read.phone), "Phone", &printed.phone, &read.phone);
    }
    t.each("Link", &printed.links, &read.links, link_key);
    t.each("Section heading", &printed.sections, &read.sections, words);
    let mut taken = vec![false; read.jobs.len()];
    for (i, job) in printed.jobs.iter().enumerate() {
        let matched = find(&read.jobs, &mut taken, i, |r| same(&r.title, &job.title) || same(&r.company, &job.company));
        compare_job(&mut t, job, matched.unwrap_or(&Job::default()));
    }
    let mut taken = vec![false; read.education.len()];
    for (i, school) in printed.education.iter().enumerate() {
        let matched = find(&read.education, &mut taken, i, |r| same(&r.school, &school.school));
        compare_school(&mut t, school, matched.unwrap_or(&School::default()));
    }
    t.each("Skill", &printed.skills, &read.skills, skill_key);
    t.each("Case study", &printed.projects, &read.projects, words);
    let score = (t.right * 100).checked_div(t.checked).unwrap_or(100);
    Report { right: t.right, checked: t.checked, score, misreads: t.misreads }
}

/// The read entry that matches, else the one at the same place; each taken once.
fn find<'r, T>(read: &'r [T], taken: &mut [bool], index: usize, matches: impl Fn(&T) -> bool) -> Option<&'r T> {
    let at = (0..read.len())
        .find(|&i| !taken[i] && matches(&read[i]))
        .or_else(|| (index < read.len() && !taken[index]).then_some(index))?;
    taken[at] = true;
    Some(&read[at])
}

fn compare_job(t: &mut Tally, printed: &Job, read: &Job) {
    let name = format!("Experience: {}, {}", printed.title.trim(), printed.company.trim());
    t.field(format!("{name} — title"), &printed.title, &read.title);
    t.field(format!("{name} — company"), &printed.company, &read.company);
    t.period(format!("{name} — dates"), printed.period, read.period);
    for bullet in &printed.bullets {
        let found = read.bullets.iter().find(|b| same(b, bullet));
        let nearest =
            read.bullets.iter().find(|b| words(b).starts_with(&words(bullet).chars().take(20).collect::<String>()));
        t.check(found.is_some(), format!("{name} — bullet"), bullet, nearest.map_or("", |b| b.as_str()));
    }
}

fn compare_school(t: &mut Tally, printed: &School, read: &School) {
    let name = format!("Education: {}", printed.school.trim());
    if !printed.degree.trim().is_empty() {
        t.field(format!("{name} — degree"), &printed.degree, &read.degree);
    }
    t.field(format!("{name} — school"), &printed.school, &read.school);
    t.period(format!("{name} — dates"), printed.period, read.period);
}
