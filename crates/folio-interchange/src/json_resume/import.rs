//! JSON Resume into Folio, one function per section: each gives the records its section
//! maps to, or the first it would refuse, and notes at its JSON path whatever has no
//! place in Folio.

use folio_model::{
    CaseStudy, Certification, Education, Entity, Experience, Invalid, Link, LinkKind, Profile, ProfileLink,
    Recommendation, Skill, SkillArea, Technology, TechnologyCategory, Writing, WritingKind,
};
use serde_json::Value;

use super::{
    level_of, link_kind, Award, Basics, Certificate, Interest, Language, Project, Publication, Reference, School,
    SkillEntry, Volunteer, Work,
};
use crate::read::typed;
use crate::{Error, Note, Result};

/// `basics`: the profile. Its location is city, region and country; its links are the
/// `url` (a website) and every profile that has a URL.
pub(super) fn basics(b: &Basics, notes: &mut Vec<Note>) -> Result<Profile> {
    let location = [&b.location.city, &b.location.region, &b.location.country_code]
        .into_iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let links = profile_links(b, notes);
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
    profile.validate().map_err(|invalid| refusal(invalid, "basics"))?;
    Ok(profile)
}

/// The website in `basics.url`, then each of `basics.profiles`; a profile without a URL
/// is noted and left out.
fn profile_links(b: &Basics, notes: &mut Vec<Note>) -> Vec<ProfileLink> {
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
    links
}

/// `work`: each job an experience, its description and summary one summary.
pub(super) fn work(work: &[Work], notes: &mut Vec<Note>) -> Result<Vec<Experience>> {
    let mut experience = Vec::new();
    for (i, w) in work.iter().enumerate() {
        let path = format!("work[{i}]");
        if !w.url.trim().is_empty() {
            notes.push(Note::new(format!("{path}.url"), "is not kept: experience has no link"));
        }
        let job = Experience {
            organisation: w.name.trim().into(),
            title: w.position.trim().into(),
            start: w.start_date.0,
            end: w.end_date.0,
            location: w.location.trim().into(),
            summary: paragraphs(&[&w.description, &w.summary]),
            highlights: w.highlights.iter().map(|h| h.trim().to_string()).filter(|h| !h.is_empty()).collect(),
        };
        experience.push(checked(job, &path)?);
    }
    Ok(experience)
}

/// `volunteer`: each role an experience, its title marked as volunteering.
pub(super) fn volunteer(volunteer: &[Volunteer], notes: &mut Vec<Note>) -> Result<Vec<Experience>> {
    let mut experience = Vec::new();
    for (i, v) in volunteer.iter().enumerate() {
        let path = format!("volunteer[{i}]");
        if !v.url.trim().is_empty() {
            notes.push(Note::new(format!("{path}.url"), "is not kept: experience has no link"));
        }
        let role = Experience {
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
        experience.push(checked(role, &path)?);
    }
    Ok(experience)
}

/// `education`: each school an education; its URL, score and courses are noted.
pub(super) fn education(schools: &[School], notes: &mut Vec<Note>) -> Result<Vec<Education>> {
    let mut education = Vec::new();
    for (i, s) in schools.iter().enumerate() {
        let path = format!("education[{i}]");
        for (field, empty) in
            [("url", s.url.trim().is_empty()), ("score", s.score.trim().is_empty()), ("courses", s.courses.is_empty())]
        {
            if !empty {
                notes.push(Note::new(format!("{path}.{field}"), "is not kept: Folio's education has no such field"));
            }
        }
        let school = Education {
            institution: s.institution.trim().into(),
            degree: s.study_type.trim().into(),
            field: s.area.trim().into(),
            start: s.start_date.0,
            end: s.end_date.0,
        };
        education.push(checked(school, &path)?);
    }
    Ok(education)
}

/// `certificates`: each a certification, whole.
pub(super) fn certificates(certificates: &[Certificate]) -> Result<Vec<Certification>> {
    let mut certifications = Vec::new();
    for (i, c) in certificates.iter().enumerate() {
        let certification = Certification {
            name: c.name.trim().into(),
            issuer: c.issuer.trim().into(),
            date: c.date.0,
            url: c.url.trim().into(),
            ..Certification::default()
        };
        certifications.push(checked(certification, &format!("certificates[{i}]"))?);
    }
    Ok(certifications)
}

/// `awards`: each a certification from its awarder; a summary is noted.
pub(super) fn awards(awards: &[Award], notes: &mut Vec<Note>) -> Result<Vec<Certification>> {
    let mut certifications = Vec::new();
    for (i, a) in awards.iter().enumerate() {
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
        certifications.push(checked(certification, &path)?);
    }
    Ok(certifications)
}

/// `publications`: each a paper; a summary is noted.
pub(super) fn publications(publications: &[Publication], notes: &mut Vec<Note>) -> Result<Vec<Writing>> {
    let mut writing = Vec::new();
    for (i, p) in publications.iter().enumerate() {
        let path = format!("publications[{i}]");
        if !p.summary.trim().is_empty() {
            notes.push(Note::new(format!("{path}.summary"), "is not kept: writing has no summary"));
        }
        let paper = Writing {
            title: p.name.trim().into(),
            venue: p.publisher.trim().into(),
            date: p.release_date.0,
            url: p.url.trim().into(),
            kind: WritingKind::Paper,
        };
        writing.push(checked(paper, &path)?);
    }
    Ok(writing)
}

/// `skills`: a skill Folio exported comes back whole from `x-folio`; an entry without
/// keywords is one skill; an entry with keywords is a group, each keyword a skill (once,
/// whatever its case) in the area the group's name points to.
pub(super) fn skills(entries: &[SkillEntry], notes: &mut Vec<Note>) -> Result<Vec<Skill>> {
    let mut skills: Vec<Skill> = Vec::new();
    for (i, s) in entries.iter().enumerate() {
        let path = format!("skills[{i}]");
        if let Some(skill) = carried::<Skill>(&s.folio, "skill", &path)? {
            skills.push(checked(skill, &path)?);
            continue;
        }
        // An entry with keywords is a group ("Languages": Rust, Go): its name says where
        // the skills belong, and is no skill itself.
        let keywords: Vec<&str> = s.keywords.iter().map(|k| k.trim()).filter(|k| !k.is_empty()).collect();
        if keywords.is_empty() {
            let skill = Skill { name: s.name.trim().into(), level: level_of(&s.level), ..Skill::default() };
            skills.push(checked(skill, &path)?);
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
            if skills.iter().any(|sk| sk.name.eq_ignore_ascii_case(name)) {
                continue;
            }
            let skill = Skill { name: name.into(), level: level_of(&s.level), area, ..Skill::default() };
            skills.push(checked(skill, &format!("{path}.keywords[{k}]"))?);
        }
    }
    Ok(skills)
}

/// `languages`: each a leadership and communication skill, its fluency in brackets.
pub(super) fn languages(languages: &[Language]) -> Result<Vec<Skill>> {
    let mut skills = Vec::new();
    for (i, l) in languages.iter().enumerate() {
        let name = match l.fluency.trim() {
            "" => l.language.trim().to_string(),
            fluency => format!("{} ({fluency})", l.language.trim()),
        };
        let skill = Skill { name, area: SkillArea::LeadershipCommunication, ..Skill::default() };
        skills.push(checked(skill, &format!("languages[{i}]"))?);
    }
    Ok(skills)
}

/// `interests`: Folio has no place for them; each is noted.
pub(super) fn interests(interests: &[Interest], notes: &mut Vec<Note>) {
    for (i, interest) in interests.iter().enumerate() {
        notes.push(Note::new(
            format!("interests[{i}]"),
            format!("\"{}\" is not imported: Folio has no interests section", interest.name.trim()),
        ));
    }
}

/// `references`: each a recommendation, whole from `x-folio` if Folio exported it, else
/// with its author read from the name and consent to share it.
pub(super) fn references(references: &[Reference], notes: &mut Vec<Note>) -> Result<Vec<Recommendation>> {
    let mut recommendations = Vec::new();
    for (i, r) in references.iter().enumerate() {
        let path = format!("references[{i}]");
        if let Some(rec) = carried::<Recommendation>(&r.folio, "recommendation", &path)? {
            recommendations.push(checked(rec, &path)?);
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
        recommendations.push(checked(recommendation, &path)?);
    }
    if !references.is_empty() {
        notes.push(Note::new(
            "references",
            "imported as consented to share, as they were in your résumé: untick any you may no longer quote",
        ));
    }
    Ok(recommendations)
}

/// `projects`: each a case study, with the id it had in the Folio that exported it (from
/// `x-folio`, whole) or none (read from the schema's fields).
pub(super) fn projects(
    projects: &[Project],
    notes: &mut Vec<Note>,
) -> Result<(Vec<CaseStudy>, Vec<Option<uuid::Uuid>>)> {
    let (mut case_studies, mut ids) = (Vec::new(), Vec::new());
    for (i, p) in projects.iter().enumerate() {
        let path = format!("projects[{i}]");
        if let Some(cs) = carried::<CaseStudy>(&p.folio, "caseStudy", &path)? {
            case_studies.push(checked(cs, &path)?);
            ids.push(carried::<uuid::Uuid>(&p.folio, "id", &path)?);
            continue;
        }
        ids.push(None);
        if !p.kind.trim().is_empty() {
            notes.push(Note::new(format!("{path}.type"), format!("\"{}\" is not kept", p.kind.trim())));
        }
        case_studies.push(checked(case_study(p), &path)?);
    }
    Ok((case_studies, ids))
}

/// A project from elsewhere: its highlights the outcome, its keywords the technologies
/// (once each, whatever their case), its URL the one link.
fn case_study(p: &Project) -> CaseStudy {
    CaseStudy {
        title: p.name.trim().into(),
        organisation: p.entity.trim().into(),
        role: p.roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty()).collect::<Vec<_>>().join(", "),
        start: p.start_date.0,
        end: p.end_date.0,
        summary: p.description.trim().into(),
        outcome: bullets(&p.highlights),
        technologies: p.keywords.iter().map(|k| k.trim()).filter(|k| !k.is_empty()).fold(Vec::new(), |mut all, k| {
            if !all.iter().any(|t: &Technology| t.name.eq_ignore_ascii_case(k)) {
                all.push(Technology { name: k.into(), category: TechnologyCategory::default() });
            }
            all
        }),
        links: match p.url.trim() {
            "" => Vec::new(),
            url => vec![Link { label: "Project".into(), url: url.into(), ..Link::default() }],
        },
        ..CaseStudy::default()
    }
}

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

fn bullets(lines: &[String]) -> String {
    lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).map(|l| format!("- {l}")).collect::<Vec<_>>().join("\n")
}

fn paragraphs(parts: &[&str]) -> String {
    parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// `item` if it validates, else the first problem at `path`.
fn checked<E: Entity>(item: E, path: &str) -> Result<E> {
    item.validate().map_err(|invalid| refusal(invalid, path))?;
    Ok(item)
}

/// The first problem of the record at `path`, as the error the import fails with.
fn refusal(invalid: Invalid, path: &str) -> Error {
    match invalid.errors.into_iter().next() {
        Some(first) => Error::at(format!("{path} ({})", first.field), first.problem),
        None => Error::at(path, "is not valid"),
    }
}

/// A record carried under `x-folio`, if it is there and reads as a `T`.
fn carried<T: serde::de::DeserializeOwned>(folio: &Option<Value>, key: &str, path: &str) -> Result<Option<T>> {
    match folio.as_ref().and_then(|f| f.get(key)) {
        Some(value) => typed(value, &format!("{path}.x-folio.{key}")).map(Some),
        None => Ok(None),
    }
}
