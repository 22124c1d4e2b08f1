//! Folio into JSON Resume, one function per section: each writes what the schema has a
//! place for, and the records Folio would lose under `x-folio`.

use folio_model::{
    CaseStudy, Certification, Education, Experience, LinkKind, PartialDate, Profile, Recommendation, Skill, Stored,
    Writing,
};
use serde_json::{json, Map, Value};

use super::{level_name, network_name};

/// `basics`: the profile. Its first website is `url`; every other link, bar websites at
/// that same address, is one of `profiles`.
pub(super) fn basics(p: &Profile) -> Value {
    let website = p.links.iter().find(|l| l.kind == LinkKind::Website).map(|l| l.url.clone()).unwrap_or_default();
    let profiles: Vec<Value> = p
        .links
        .iter()
        .filter(|l| !(l.kind == LinkKind::Website && l.url == website))
        .map(|l| object(vec![("network", json!(network_name(l.kind, &l.label))), ("url", json!(l.url))]))
        .collect();
    object(vec![
        ("name", json!(p.full_name)),
        ("label", json!(p.headline)),
        ("email", json!(p.email)),
        ("phone", json!(p.phone)),
        ("url", json!(website)),
        ("summary", json!(p.summary)),
        ("location", if p.location.is_empty() { Value::Null } else { json!({ "city": p.location }) }),
        ("profiles", json!(profiles)),
    ])
}

/// `work`: every experience.
pub(super) fn work(experience: &[Stored<Experience>]) -> Vec<Value> {
    experience
        .iter()
        .map(|e| {
            let e = &e.item;
            object(vec![
                ("name", json!(e.organisation)),
                ("position", json!(e.title)),
                ("location", json!(e.location)),
                ("startDate", date(e.start)),
                ("endDate", date(e.end)),
                ("summary", json!(e.summary)),
                ("highlights", json!(e.highlights)),
            ])
        })
        .collect()
}

/// `education`: every education, its degree the `studyType` and its field the `area`.
pub(super) fn education(education: &[Stored<Education>]) -> Vec<Value> {
    education
        .iter()
        .map(|e| {
            let e = &e.item;
            object(vec![
                ("institution", json!(e.institution)),
                ("studyType", json!(e.degree)),
                ("area", json!(e.field)),
                ("startDate", date(e.start)),
                ("endDate", date(e.end)),
            ])
        })
        .collect()
}

/// `certificates`: every certification.
pub(super) fn certificates(certifications: &[Stored<Certification>]) -> Vec<Value> {
    certifications
        .iter()
        .map(|c| {
            let c = &c.item;
            object(vec![
                ("name", json!(c.name)),
                ("issuer", json!(c.issuer)),
                ("date", date(c.date)),
                ("url", json!(c.url)),
            ])
        })
        .collect()
}

/// `publications`: every piece of writing, whatever its kind.
pub(super) fn publications(writing: &[Stored<Writing>]) -> Vec<Value> {
    writing
        .iter()
        .map(|w| {
            let w = &w.item;
            object(vec![
                ("name", json!(w.title)),
                ("publisher", json!(w.venue)),
                ("releaseDate", date(w.date)),
                ("url", json!(w.url)),
            ])
        })
        .collect()
}

/// `skills`: every skill by name and level, the whole record and its id under `x-folio`.
pub(super) fn skills(skills: &[Stored<Skill>]) -> Vec<Value> {
    skills
        .iter()
        .map(|s| {
            object(vec![
                ("name", json!(s.item.name)),
                ("level", json!(level_name(s.item.level))),
                ("keywords", json!([])),
                ("x-folio", json!({ "id": s.id, "skill": s.item })),
            ])
        })
        .collect()
}

/// `references`: every recommendation, its author's title and organisation in the
/// name ("Priya Raman, VP Engineering at Acme Payments"), the whole record and its id
/// under `x-folio`.
pub(super) fn references(recommendations: &[Stored<Recommendation>]) -> Vec<Value> {
    recommendations
        .iter()
        .map(|r| {
            let name = match (r.item.author_title.trim(), r.item.organisation.trim()) {
                ("", "") => r.item.author_name.clone(),
                (title, "") => format!("{}, {title}", r.item.author_name),
                ("", org) => format!("{}, {org}", r.item.author_name),
                (title, org) => format!("{}, {title} at {org}", r.item.author_name),
            };
            object(vec![
                ("name", json!(name)),
                ("reference", json!(r.item.text)),
                ("x-folio", json!({ "id": r.id, "recommendation": r.item })),
            ])
        })
        .collect()
}

/// `projects`: every case study. With `relative`, its metrics show only relative
/// statements and carry no values, here or under `x-folio`.
pub(super) fn projects(case_studies: &[Stored<CaseStudy>], relative: bool) -> Vec<Value> {
    case_studies.iter().map(|c| project(c, relative)).collect()
}

/// One case study: its metrics' statements, then its decisions' titles, are the
/// highlights; its technologies the keywords; its first link the URL.
fn project(c: &Stored<CaseStudy>, relative: bool) -> Value {
    let cs = &c.item;
    let mut highlights: Vec<String> = if relative {
        cs.metrics.iter().filter_map(|m| m.relative_statement()).collect()
    } else {
        cs.metrics.iter().map(|m| m.statement()).collect()
    };
    highlights.extend(cs.decisions.iter().map(|d| d.title.clone()));
    object(vec![
        ("name", json!(cs.title)),
        ("description", json!(cs.summary)),
        ("highlights", json!(highlights)),
        ("keywords", json!(cs.technologies.iter().map(|t| &t.name).collect::<Vec<_>>())),
        ("startDate", date(cs.start)),
        ("endDate", date(cs.end)),
        ("url", json!(cs.links.first().map(|l| l.url.clone()).unwrap_or_default())),
        ("roles", json!(if cs.role.is_empty() { vec![] } else { vec![cs.role.clone()] })),
        ("entity", json!(cs.organisation)),
        ("x-folio", json!({ "id": c.id, "caseStudy": if relative { without_values(cs) } else { cs.clone() } })),
    ])
}

fn date(d: Option<PartialDate>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

/// An object without its null and empty-string members: the schema wants absent
/// optional values rather than empty ones (an empty `url` is not a URI).
fn object(pairs: Vec<(&str, Value)>) -> Value {
    let map: Map<String, Value> = pairs
        .into_iter()
        .filter(|(_, v)| !(v.is_null() || v.as_str().is_some_and(str::is_empty)))
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    Value::Object(map)
}

/// A case study whose metrics keep their meaning but not their values.
fn without_values(cs: &CaseStudy) -> CaseStudy {
    let mut cs = cs.clone();
    for m in &mut cs.metrics {
        (m.baseline, m.result) = (None, None);
    }
    cs
}
