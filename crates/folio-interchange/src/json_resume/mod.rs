//! JSON Resume (schema 1.x, <https://jsonresume.org/schema>): the open résumé format.
//!
//! Import maps every section onto Folio and lists, in its report, whatever has no place
//! (a photo URL, awards' summaries, interests…). Export writes a document valid against
//! the official schema and carries Folio's richer records — whole case studies with
//! their decisions and metrics, recommendations' relationships — under `x-folio` keys,
//! which other tools ignore and a later import reads back.
//!
//! This module holds the schema as Folio reads it, the words the two share (link kinds,
//! skill levels) both ways, and the order of the sections; each section is mapped by
//! one function of `import` and one of `export`.

mod export;
mod import;

use folio_model::{LinkKind, PartialDate, Portfolio};
use serde::{Deserialize, Deserializer};
use serde_json::{json, Value};

use crate::read::typed;
use crate::{Imported, Note, Result};

/// A JSON Resume date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty means none.
#[derive(Debug, Default, Clone, Copy)]
struct Date(Option<PartialDate>);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = Option::<String>::deserialize(d)?.unwrap_or_default();
        let text = text.trim();
        if text.is_empty() {
            return Ok(Date(None));
        }
        text.parse()
            .map(|date| Date(Some(date)))
            .map_err(|_| serde::de::Error::custom(format!("\"{text}\" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Resume {
    basics: Basics,
    work: Vec<Work>,
    volunteer: Vec<Volunteer>,
    education: Vec<School>,
    awards: Vec<Award>,
    certificates: Vec<Certificate>,
    publications: Vec<Publication>,
    skills: Vec<SkillEntry>,
    languages: Vec<Language>,
    interests: Vec<Interest>,
    references: Vec<Reference>,
    projects: Vec<Project>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Basics {
    name: String,
    label: String,
    image: String,
    email: String,
    phone: String,
    url: String,
    summary: String,
    location: Location,
    profiles: Vec<SocialProfile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Location {
    address: String,
    postal_code: String,
    city: String,
    country_code: String,
    region: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SocialProfile {
    network: String,
    username: String,
    url: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Work {
    name: String,
    location: String,
    description: String,
    position: String,
    url: String,
    start_date: Date,
    end_date: Date,
    summary: String,
    highlights: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Volunteer {
    organization: String,
    position: String,
    url: String,
    start_date: Date,
    end_date: Date,
    summary: String,
    highlights: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct School {
    institution: String,
    url: String,
    area: String,
    study_type: String,
    start_date: Date,
    end_date: Date,
    score: String,
    courses: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Award {
    title: String,
    date: Date,
    awarder: String,
    summary: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Certificate {
    name: String,
    date: Date,
    url: String,
    issuer: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Publication {
    name: String,
    publisher: String,
    release_date: Date,
    url: String,
    summary: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SkillEntry {
    name: String,
    level: String,
    keywords: Vec<String>,
    #[serde(rename = "x-folio")]
    folio: Option<Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Language {
    language: String,
    fluency: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Interest {
    name: String,
    keywords: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Reference {
    name: String,
    reference: String,
    #[serde(rename = "x-folio")]
    folio: Option<Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Project {
    name: String,
    description: String,
    highlights: Vec<String>,
    keywords: Vec<String>,
    start_date: Date,
    end_date: Date,
    url: String,
    roles: Vec<String>,
    entity: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "x-folio")]
    folio: Option<Value>,
}

/// The properties each part of the schema defines; anything else is reported.
const KNOWN: &[(&str, &[&str])] = &[
    (
        "",
        &[
            "$schema",
            "basics",
            "work",
            "volunteer",
            "education",
            "awards",
            "certificates",
            "publications",
            "skills",
            "languages",
            "interests",
            "references",
            "projects",
            "meta",
            "x-folio",
        ],
    ),
    ("basics", &["name", "label", "image", "email", "phone", "url", "summary", "location", "profiles"]),
    ("basics.location", &["address", "postalCode", "city", "countryCode", "region"]),
    ("basics.profiles", &["network", "username", "url"]),
    ("work", &["name", "location", "description", "position", "url", "startDate", "endDate", "summary", "highlights"]),
    ("volunteer", &["organization", "position", "url", "startDate", "endDate", "summary", "highlights"]),
    ("education", &["institution", "url", "area", "studyType", "startDate", "endDate", "score", "courses"]),
    ("awards", &["title", "date", "awarder", "summary"]),
    ("certificates", &["name", "date", "url", "issuer"]),
    ("publications", &["name", "publisher", "releaseDate", "url", "summary"]),
    ("skills", &["name", "level", "keywords", "x-folio"]),
    ("languages", &["language", "fluency"]),
    ("interests", &["name", "keywords"]),
    ("references", &["name", "reference", "x-folio"]),
    (
        "projects",
        &[
            "name",
            "description",
            "highlights",
            "keywords",
            "startDate",
            "endDate",
            "url",
            "roles",
            "entity",
            "type",
            "x-folio",
        ],
    ),
];

fn known(section: &str) -> &'static [&'static str] {
    KNOWN.iter().find(|(s, _)| *s == section).map_or(&[], |(_, keys)| keys)
}

/// Properties the schema does not define: tolerated, and listed in the report.
fn unknown_properties(doc: &Value, notes: &mut Vec<Note>) {
    let mut check = |path: String, section: &str, value: &Value| {
        if let Value::Object(map) = value {
            for key in map.keys().filter(|k| !known(section).contains(&k.as_str())) {
                let at = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                notes.push(Note::new(at, "is not part of JSON Resume; not imported"));
            }
        }
    };
    check(String::new(), "", doc);
    check("basics".into(), "basics", &doc["basics"]);
    check("basics.location".into(), "basics.location", &doc["basics"]["location"]);
    let arrays = [("basics.profiles", &doc["basics"]["profiles"])]
        .into_iter()
        .chain(KNOWN[4..].iter().map(|(section, _)| (*section, &doc[*section])));
    for (section, value) in arrays {
        for (i, item) in value.as_array().into_iter().flatten().enumerate() {
            check(format!("{section}[{i}]"), section, item);
        }
    }
}

/// Whether `doc` looks like a JSON Resume: an object with at least one of its sections.
pub fn looks_like(doc: &Value) -> bool {
    doc.as_object().is_some_and(|map| map.keys().any(|k| known("").contains(&k.as_str()) && k != "x-folio"))
}

/// A profile's network (`"LinkedIn"`, `"blog"`) as the kind of link it is.
fn link_kind(network: &str) -> LinkKind {
    match network.trim().to_lowercase().as_str() {
        "linkedin" => LinkKind::Linkedin,
        "github" => LinkKind::Github,
        "blog" | "medium" | "substack" | "dev.to" => LinkKind::Blog,
        "website" | "homepage" => LinkKind::Website,
        _ => LinkKind::Other,
    }
}

/// The network a link of `kind` is written out as; a blog, website or other link by its
/// label, if it has one.
fn network_name(kind: LinkKind, label: &str) -> String {
    match kind {
        LinkKind::Linkedin => "LinkedIn".into(),
        LinkKind::Github => "GitHub".into(),
        _ if !label.trim().is_empty() => label.trim().into(),
        LinkKind::Blog => "Blog".into(),
        LinkKind::Website => "Website".into(),
        LinkKind::Other => "Other".into(),
    }
}

/// JSON Resume's free-text skill levels onto Folio's 1–5.
fn level_of(level: &str) -> u32 {
    match level.trim().to_lowercase().as_str() {
        "master" | "expert" => 5,
        "advanced" | "senior" => 4,
        "intermediate" => 3,
        "beginner" | "novice" | "junior" => 2,
        "aware" | "basic" => 1,
        _ => 3,
    }
}

/// Folio's 1–5 as JSON Resume's words, each of which `level_of` reads back as its level.
fn level_name(level: u32) -> &'static str {
    match level {
        5 => "Master",
        4 => "Advanced",
        3 => "Intermediate",
        2 => "Beginner",
        _ => "Aware",
    }
}

/// Reads a JSON Resume document into Folio records, with a note for each thing that has
/// no place in Folio.
///
/// Fails, naming the JSON path, at the first value that does not read (a date that is
/// not one) or the first record Folio would refuse.
pub fn import(doc: &Value) -> Result<Imported> {
    let mut notes = Vec::new();
    let mut doc = doc.clone();
    crate::read::drop_refused_links(&mut doc, String::new(), &mut notes);
    let doc = &doc;
    let resume: Resume = typed(doc, "")?;
    unknown_properties(doc, &mut notes);

    // Section by section, in this order: the first refused record is the error, and the
    // notes follow the document.
    let profile = import::basics(&resume.basics, &mut notes)?;
    let mut experience = import::work(&resume.work, &mut notes)?;
    experience.extend(import::volunteer(&resume.volunteer, &mut notes)?);
    let education = import::education(&resume.education, &mut notes)?;
    let mut certifications = import::certificates(&resume.certificates)?;
    certifications.extend(import::awards(&resume.awards, &mut notes)?);
    let writing = import::publications(&resume.publications, &mut notes)?;
    let mut skills = import::skills(&resume.skills, &mut notes)?;
    skills.extend(import::languages(&resume.languages)?);
    import::interests(&resume.interests, &mut notes);
    let recommendations = import::references(&resume.references, &mut notes)?;
    let (case_studies, case_study_ids) = import::projects(&resume.projects, &mut notes)?;
    Ok(Imported {
        format: "json-resume",
        profile: Some(profile),
        case_studies,
        case_study_ids,
        recommendations,
        skills,
        experience,
        certifications,
        education,
        writing,
        notes,
    })
}

/// The portfolio as a JSON Resume document.
pub fn export(portfolio: &Portfolio) -> Value {
    let mut doc = export_as_stored(portfolio);
    // Text kept from before Folio refused such links still never carries one out.
    crate::read::drop_refused_links(&mut doc, String::new(), &mut Vec::new());
    doc
}

/// The document with the portfolio's text as it is stored.
fn export_as_stored(portfolio: &Portfolio) -> Value {
    // An edition that hides absolute metric values hides them here too.
    let relative = portfolio.edition.as_ref().is_some_and(|e| e.item.relative_metrics);
    json!({
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": export::basics(&portfolio.profile),
        "work": export::work(&portfolio.experience),
        "education": export::education(&portfolio.education),
        "certificates": export::certificates(&portfolio.certifications),
        "publications": export::publications(&portfolio.writing),
        "skills": export::skills(&portfolio.skills),
        "references": export::references(&portfolio.recommendations),
        "projects": export::projects(&portfolio.case_studies, relative),
        "meta": { "version": "v1.0.0" },
        "x-folio": { "version": 1 },
    })
}
