//! Reading the records: `folio list`, `folio search` and `folio stats`.

use folio_core::Folio;
use folio_model::{CaseStudy, Edition, Entity, Experience, Recommendation, Skill, Stored};

use super::{print_json, print_stats};
use crate::args::ListKind;
use crate::out::outln;
use crate::CliResult;

/// `folio list KIND`: the records of one kind in their manual order, one line each.
pub fn list(folio: &Folio, kind: ListKind, json: bool) -> CliResult {
    match kind {
        ListKind::CaseStudies => list_of::<CaseStudy>(folio, json, |c| {
            line(&c.title, &[&c.organisation, &c.role, &folio_model::period(c.start, c.end)])
        }),
        ListKind::Recommendations => list_of::<Recommendation>(folio, json, |r| {
            line(&r.author_name, &[&r.author_title, r.relationship.label(), if r.consent { "" } else { "no consent" }])
        }),
        ListKind::Skills => {
            list_of::<Skill>(folio, json, |s| line(&s.name, &[s.area.label(), &format!("level {}", s.level)]))
        }
        ListKind::Experience => list_of::<Experience>(folio, json, |e| {
            line(&e.title, &[&e.organisation, &folio_model::period(e.start, e.end)])
        }),
        ListKind::Editions => list_of::<Edition>(folio, json, |e| {
            let selected = match e.case_studies.len() {
                0 => "all case studies".to_string(),
                n => format!("{n} case studies"),
            };
            line(&e.name, &[&e.theme, &selected])
        }),
    }
}

/// The records of kind `E`, numbered, each described by `describe`; or all of them as JSON.
fn list_of<E: Entity>(folio: &Folio, json: bool, describe: impl Fn(&E) -> String) -> CliResult {
    let records: Vec<Stored<E>> = folio.list()?;
    if json {
        return print_json(&records);
    }
    if records.is_empty() {
        outln!("None yet.");
    }
    for (i, record) in records.iter().enumerate() {
        outln!("{:>3}. {}", i + 1, describe(&record.item));
    }
    Ok(())
}

/// "Title — a · b", leaving out empty parts.
fn line(title: &str, details: &[&str]) -> String {
    let details: Vec<_> = details.iter().map(|d| d.trim()).filter(|d| !d.is_empty()).collect();
    if details.is_empty() {
        title.to_string()
    } else {
        format!("{title} — {}", details.join(" · "))
    }
}

/// `folio search WORDS…`: the first 20 hits, each with the snippet that matched.
pub fn search(folio: &Folio, query: &[String], json: bool) -> CliResult {
    let hits = folio.search(&query.join(" "), 20)?;
    if json {
        print_json(&hits)?;
    } else if hits.is_empty() {
        outln!("Nothing matches \"{}\".", query.join(" "));
    }
    for hit in hits.iter().filter(|_| !json) {
        outln!("{:<15} {}\n                {}", hit.kind.as_str(), hit.title, hit.snippet.replace('\n', " "));
    }
    Ok(())
}

/// `folio stats`: how many records of each kind there are.
pub fn stats(folio: &Folio, json: bool) -> CliResult {
    let stats = folio.stats()?;
    if json {
        print_json(&stats)?;
    } else {
        print_stats(&stats);
    }
    Ok(())
}
