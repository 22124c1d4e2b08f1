//! JSON Resume (schema 1.x, <https://jsonresume.org/schema>): the open résumé format.
//!
//! Import maps every section onto Folio and lists, in its report, whatever has no place
//! (a photo URL, awards' summaries, interests…). Export writes a document valid against
//! the official schema and carries Folio's richer records — whole case studies with
//! their decisions and metrics, recommendations' relationships — under `x-folio` keys,
//! which other tools ignore and a later import reads back.

use folio_model::{
    CaseStudy, Certification, Education, Entity, Experience, Link, LinkKind, PartialDate, Portfolio, Profile,
    ProfileLink, Recommendation, Skill, SkillArea, Technology, TechnologyCategory, Writing, WritingKind,
};
use serde::{Deserialize, Deserializer};
use serde_json::{json, Map, Value};

use crate::read::typed;
use crate::{Error, Imported, Note, Result};

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

fn link_kind(network: &str) -> LinkKind {
    match network.trim().to_lowercase().as_str() {
        "linkedin" => LinkKind::Linkedin,
        "github" => LinkKind::Github,
        "blog" | "medium" | "substack" | "dev.to" => LinkKind::Blog,
        "website" | "homepage" => LinkKind::Website,
        _ => LinkKind::Other,
    }
}

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

fn level_name(level: u32) -> &'static str {
    match level {
        5 => "Master",
        4 => "Advanced",
        3 => "Intermediate",
        2 => "Beginner",
        _ => "Aware",
    }
}

fn bullets(lines: &[String]) -> String {
    lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).map(|l| format!("- {l}")).collect::<Vec<_>>().join("\n")
}

fn paragraphs(parts: &[&str]) -> String {
    parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// `item` if it validates, else the first problem at `path`.
fn checked<E: Entity>(item: E, path: &str) -> Result<E> {
    item.validate().map_err(|invalid| {
        let first = &invalid.errors[0];
        Error::at(format!("{path} ({})", first.field), first.problem.clone())
    })?;
    Ok(item)
}

/// A record carried under `x-folio`, if it is there and reads as a `T`.
fn carried<T: serde::de::DeserializeOwned>(folio: &Option<Value>, key: &str, path: &str) -> Result<Option<T>> {
    match folio.as_ref().and_then(|f| f.get(key)) {
        Some(value) => typed(value, &format!("{path}.x-folio.{key}")).map(Some),
        None => Ok(None),
    }
}

/// Reads a JSON Resume document into Folio records.
/// The area a skill group's name points to: "Leadership" → leadership and
/// communication, "Tools" → tools and workflow, anything else → advanced technical.
fn area_of(group: &str) -> SkillArea {
    let group = group.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| group.contains(w));
    if has(&["lead", "communicat", "manage", "people", "soft", "mentor"]) {
        SkillArea::LeadershipCommunication
    } else if has(&["tool", "workflow", "devops", "platform", "cloud", "infra"]) {
        SkillArea::ToolsWorkflow
    } else if has(&["foundation", "fundamental", "core", "practice", "method"]) {
        SkillArea::Foundational
    } else {
        SkillArea::AdvancedTechnical
    }
}

/// "Priya Raman, VP Engineering at Acme Payments" → the name, the title, the
/// organisation; a name alone stays a name.
fn split_reference_name(text: &str) -> (String, String, String) {
    let text = text.trim();
    let Some((name, rest)) = text.split_once(", ") else { return (text.into(), String::new(), String::new()) };
    match rest.rsplit_once(" at ") {
        Some((title, org)) => (name.trim().into(), title.trim().into(), org.trim().into()),
        None => (name.trim().into(), rest.trim().into(), String::new()),
    }
}

pub fn import(doc: &Value) -> Result<Imported> {
    let mut notes = Vec::new();
    let mut doc = doc.clone();
    crate::read::drop_refused_links(&mut doc, String::new(), &mut notes);
    let doc = &doc;
    let resume: Resume = typed(doc, "")?;
    unknown_properties(doc, &mut notes);
    let mut out = Imported { format: "json-resume", ..Imported::default() };

    let b = &resume.basics;
    let location = [&b.location.city, &b.location.region, &b.location.country_code]
        .into_iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let mut links: Vec<ProfileLink> = Vec::new();
    if !b.url.trim().is_empty() {
        links.push(ProfileLink { label: "Website".into(), url: b.url.trim().into(), kind: LinkKind::Website });
    }
    for (i, p) in b.profiles.iter().enumerate() {
        if p.url.trim().is_empty() {
            notes.push(Note::new(format!("basics.profiles[{i}]"), "has no url; not imported"));
            continue;
        }
        links.push(ProfileLink {
            label: p.network.trim().into(),
            url: p.url.trim().into(),
            kind: link_kind(&p.network),
        });
    }
    if !b.image.trim().is_empty() {
        notes.push(Note::new("basics.image", "a photo by URL is not imported; add it in Folio"));
    }
    for (field, value) in [("address", &b.location.address), ("postalCode", &b.location.postal_code)] {
        if !value.trim().is_empty() {
            notes.push(Note::new(
                format!("basics.location.{field}"),
                "is not kept: Folio shows city, region and country",
            ));
        }
    }
    let profile = Profile {
        full_name: b.name.trim().into(),
        headline: b.label.trim().into(),
        summary: b.summary.trim().into(),
        email: b.email.trim().into(),
        phone: b.phone.trim().into(),
        location,
        links,
        photo: None,
        language: String::new(),
    };
    profile.validate().map_err(|invalid| {
        let first = &invalid.errors[0];
        Error::at(format!("basics ({})", first.field), first.problem.clone())
    })?;
    out.profile = Some(profile);

    for (i, w) in resume.work.iter().enumerate() {
        let path = format!("work[{i}]");
        if !w.url.trim().is_empty() {
            notes.push(Note::new(format!("{path}.url"), "is not kept: experience has no link"));
        }
        let experience = Experience {
            organisation: w.name.trim().into(),
            title: w.position.trim().into(),
            start: w.start_date.0,
            end: w.end_date.0,
            location: w.location.trim().into(),
            summary: paragraphs(&[&w.description, &w.summary]),
            highlights: w.highlights.iter().map(|h| h.trim().to_string()).filter(|h| !h.is_empty()).collect(),
        };
        out.experience.push(checked(experience, &path)?);
    }
    for (i, v) in resume.volunteer.iter().enumerate() {
        let path = format!("volunteer[{i}]");
        if !v.url.trim().is_empty() {
            notes.push(Note::new(format!("{path}.url"), "is not kept: experience has no link"));
        }
        let experience = Experience {
            organisation: v.organization.trim().into(),
            title: if v.position.trim().is_empty() {
                "Volunteer".into()
            } else {
                format!("{} (volunteer)", v.position.trim())
            },
            start: v.start_date.0,
            end: v.end_date.0,
            location: String::new(),
            summary: v.summary.trim().into(),
            highlights: v.highlights.iter().map(|h| h.trim().to_string()).filter(|h| !h.is_empty()).collect(),
        };
        out.experience.push(checked(experience, &path)?);
    }
    for (i, s) in resume.education.iter().enumerate() {
        let path = format!("education[{i}]");
        for (field, empty) in
            [("url", s.url.trim().is_empty()), ("score", s.score.trim().is_empty()), ("courses", s.courses.is_empty())]
        {
            if !empty {
                notes.push(Note::new(format!("{path}.{field}"), "is not kept: Folio's education has no such field"));
            }
        }
        let education = Education {
            institution: s.institution.trim().into(),
            degree: s.study_type.trim().into(),
            field: s.area.trim().into(),
            start: s.start_date.0,
            end: s.end_date.0,
        };
        out.education.push(checked(education, &path)?);
    }
    for (i, c) in resume.certificates.iter().enumerate() {
        let certification = Certification {
            name: c.name.trim().into(),
            issuer: c.issuer.trim().into(),
            date: c.date.0,
            url: c.url.trim().into(),
            ..Certification::default()
        };
        out.certifications.push(checked(certification, &format!("certificates[{i}]"))?);
    }
    for (i, a) in resume.awards.iter().enumerate() {
        let path = format!("awards[{i}]");
        if !a.summary.trim().is_empty() {
            notes.push(Note::new(
                format!("{path}.summary"),
                "is not kept: an award becomes a certification, which has no summary",
            ));
        }
        let certification = Certification {
            name: a.title.trim().into(),
            issuer: a.awarder.trim().into(),
            date: a.date.0,
            ..Certification::default()
        };
        out.certifications.push(checked(certification, &path)?);
    }
    for (i, p) in resume.publications.iter().enumerate() {
        let path = format!("publications[{i}]");
        if !p.summary.trim().is_empty() {
            notes.push(Note::new(format!("{path}.summary"), "is not kept: writing has no summary"));
        }
        let writing = Writing {
            title: p.name.trim().into(),
            venue: p.publisher.trim().into(),
            date: p.release_date.0,
            url: p.url.trim().into(),
            kind: WritingKind::Paper,
        };
        out.writing.push(checked(writing, &path)?);
    }
    for (i, s) in resume.skills.iter().enumerate() {
        let path = format!("skills[{i}]");
        if let Some(skill) = carried::<Skill>(&s.folio, "skill", &path)? {
            out.skills.push(checked(skill, &path)?);
            continue;
        }
        // An entry with keywords is a group ("Languages": Rust, Go): its name says where
        // the skills belong, and is no skill itself.
        let keywords: Vec<&str> = s.keywords.iter().map(|k| k.trim()).filter(|k| !k.is_empty()).collect();
        if keywords.is_empty() {
            let skill = Skill { name: s.name.trim().into(), level: level_of(&s.level), ..Skill::default() };
            out.skills.push(checked(skill, &path)?);
            continue;
        }
        let area = area_of(&s.name);
        if !s.name.trim().is_empty() {
            notes.push(Note::new(
                path.clone(),
                format!("\"{}\" is a group: its skills are under {}", s.name.trim(), area.label()),
            ));
        }
        for (k, name) in keywords.into_iter().enumerate() {
            if out.skills.iter().any(|sk| sk.name.eq_ignore_ascii_case(name)) {
                continue;
            }
            let skill = Skill { name: name.into(), level: level_of(&s.level), area, ..Skill::default() };
            out.skills.push(checked(skill, &format!("{path}.keywords[{k}]"))?);
        }
    }
    for (i, l) in resume.languages.iter().enumerate() {
        let name = match l.fluency.trim() {
            "" => l.language.trim().to_string(),
            fluency => format!("{} ({fluency})", l.language.trim()),
        };
        let skill = Skill { name, area: SkillArea::LeadershipCommunication, ..Skill::default() };
        out.skills.push(checked(skill, &format!("languages[{i}]"))?);
    }
    for (i, interest) in resume.interests.iter().enumerate() {
        notes.push(Note::new(
            format!("interests[{i}]"),
            format!("\"{}\" is not imported: Folio has no interests section", interest.name.trim()),
        ));
    }
    for (i, r) in resume.references.iter().enumerate() {
        let path = format!("references[{i}]");
        if let Some(rec) = carried::<Recommendation>(&r.folio, "recommendation", &path)? {
            out.recommendations.push(checked(rec, &path)?);
            continue;
        }
        let (author_name, author_title, organisation) = split_reference_name(&r.name);
        // A reference in a résumé is one its owner already shares: it keeps being shared,
        // so that a résumé taken in and written out again still has it.
        let recommendation = Recommendation {
            author_name,
            author_title,
            organisation,
            text: r.reference.trim().into(),
            consent: true,
            ..Recommendation::default()
        };
        out.recommendations.push(checked(recommendation, &path)?);
    }
    if !resume.references.is_empty() {
        notes.push(Note::new(
            "references",
            "imported as consented to share, as they were in your résumé: untick any you may no longer quote",
        ));
    }
    for (i, p) in resume.projects.iter().enumerate() {
        let path = format!("projects[{i}]");
        if let Some(cs) = carried::<CaseStudy>(&p.folio, "caseStudy", &path)? {
            out.case_studies.push(checked(cs, &path)?);
            out.case_study_ids.push(carried::<uuid::Uuid>(&p.folio, "id", &path)?);
            continue;
        }
        out.case_study_ids.push(None);
        if !p.kind.trim().is_empty() {
            notes.push(Note::new(format!("{path}.type"), format!("\"{}\" is not kept", p.kind.trim())));
        }
        let case_study = CaseStudy {
            title: p.name.trim().into(),
            organisation: p.entity.trim().into(),
            role: p.roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty()).collect::<Vec<_>>().join(", "),
            start: p.start_date.0,
            end: p.end_date.0,
            summary: p.description.trim().into(),
            outcome: bullets(&p.highlights),
            technologies: p.keywords.iter().map(|k| k.trim()).filter(|k| !k.is_empty()).fold(
                Vec::new(),
                |mut all, k| {
                    if !all.iter().any(|t: &Technology| t.name.eq_ignore_ascii_case(k)) {
                        all.push(Technology { name: k.into(), category: TechnologyCategory::default() });
                    }
                    all
                },
            ),
            links: match p.url.trim() {
                "" => Vec::new(),
                url => vec![Link { label: "Project".into(), url: url.into(), ..Link::default() }],
            },
            ..CaseStudy::default()
        };
        out.case_studies.push(checked(case_study, &path)?);
    }
    out.notes = notes;
    Ok(out)
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

/// The portfolio as a JSON Resume document.
pub fn export(portfolio: &Portfolio) -> Value {
    let mut doc = export_as_stored(portfolio);
    // Text kept from before Folio refused such links still never carries one out.
    crate::read::drop_refused_links(&mut doc, String::new(), &mut Vec::new());
    doc
}

fn export_as_stored(portfolio: &Portfolio) -> Value {
    let p = &portfolio.profile;
    // An edition that hides absolute metric values hides them here too.
    let relative = portfolio.edition.as_ref().is_some_and(|e| e.item.relative_metrics);
    let website = p.links.iter().find(|l| l.kind == LinkKind::Website).map(|l| l.url.clone()).unwrap_or_default();
    let profiles: Vec<Value> = p
        .links
        .iter()
        .filter(|l| !(l.kind == LinkKind::Website && l.url == website))
        .map(|l| object(vec![("network", json!(network_name(l.kind, &l.label))), ("url", json!(l.url))]))
        .collect();
    let basics = object(vec![
        ("name", json!(p.full_name)),
        ("label", json!(p.headline)),
        ("email", json!(p.email)),
        ("phone", json!(p.phone)),
        ("url", json!(website)),
        ("summary", json!(p.summary)),
        ("location", if p.location.is_empty() { Value::Null } else { json!({ "city": p.location }) }),
        ("profiles", json!(profiles)),
    ]);
    let work: Vec<Value> = portfolio
        .experience
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
        .collect();
    let education: Vec<Value> = portfolio
        .education
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
        .collect();
    let certificates: Vec<Value> = portfolio
        .certifications
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
        .collect();
    let publications: Vec<Value> = portfolio
        .writing
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
        .collect();
    let skills: Vec<Value> = portfolio
        .skills
        .iter()
        .map(|s| {
            object(vec![
                ("name", json!(s.item.name)),
                ("level", json!(level_name(s.item.level))),
                ("keywords", json!([])),
                ("x-folio", json!({ "id": s.id, "skill": s.item })),
            ])
        })
        .collect();
    let references: Vec<Value> = portfolio
        .recommendations
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
        .collect();
    let projects: Vec<Value> = portfolio
        .case_studies
        .iter()
        .map(|c| {
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
        })
        .collect();
    json!({
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": basics,
        "work": work,
        "education": education,
        "certificates": certificates,
        "publications": publications,
        "skills": skills,
        "references": references,
        "projects": projects,
        "meta": { "version": "v1.0.0" },
        "x-folio": { "version": 1 },
    })
}
