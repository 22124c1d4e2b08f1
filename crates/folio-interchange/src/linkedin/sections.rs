//! Each file of the export onto Folio's records, one function per file. A row Folio
//! cannot keep (a position without a company) is noted at its row and left out: one
//! odd row never costs the rest of a career.

use folio_model::{
    CaseStudy, Certification, Education, Entity, Experience, Link, LinkKind, Profile, ProfileLink, Recommendation,
    Skill, SkillArea, Writing, WritingKind,
};

use super::dates;
use super::table::{Row, Table};
use super::Files;
use crate::{Imported, Note, Result};

const NO_PLACE: &str = "not imported: Folio has no place for it";

/// Every file Folio reads, into `imported`.
pub(super) fn read_all(files: &Files, imported: &mut Imported, notes: &mut Vec<Note>) -> Result<()> {
    imported.profile = profile(files, notes)?;
    imported.experience = positions(files, notes)?;
    imported.education = education(files, notes)?;
    imported.skills = skills(files, notes)?;
    imported.skills.extend(languages(files, notes)?);
    imported.certifications = certifications(files, notes)?;
    imported.certifications.extend(honors(files, notes)?);
    imported.recommendations = recommendations(files, notes)?;
    imported.case_studies = projects(files, notes)?;
    imported.case_study_ids = vec![None; imported.case_studies.len()];
    imported.writing = publications(files, notes)?;
    Ok(())
}

/// The file `name` as a table of `columns`, if the export has it.
fn table(
    files: &Files,
    name: &'static str,
    columns: &[&str],
    ignored: &[&str],
    notes: &mut Vec<Note>,
) -> Result<Option<Table>> {
    match files.get(name) {
        Some(text) => Table::read(name, text, columns, ignored, notes),
        None => Ok(None),
    }
}

/// The records `make` builds from each row of a table, keeping those that validate.
fn records<E: Entity>(
    table: Option<Table>,
    notes: &mut Vec<Note>,
    mut make: impl FnMut(&Row, &mut Vec<Note>) -> Option<E>,
) -> Vec<E> {
    let Some(table) = table else { return Vec::new() };
    let mut out = Vec::new();
    for row in table.rows() {
        let Some(item) = make(&row, notes) else { continue };
        match item.validate() {
            Ok(()) => out.push(item),
            Err(invalid) => notes.push(Note::new(row.at(), format!("not imported: {}", first_problem(&invalid)))),
        }
    }
    out
}

fn first_problem(invalid: &folio_model::Invalid) -> String {
    invalid.errors.first().map(|e| format!("{} {}", e.field, e.problem)).unwrap_or_else(|| "it is not valid".into())
}

fn date(row: &Row, column: &str, notes: &mut Vec<Note>) -> Option<folio_model::PartialDate> {
    let text = row.get(column);
    let date = dates::parse(text);
    if date.is_none() && !text.is_empty() {
        notes.push(Note::new(
            format!("{} ({column})", row.at()),
            format!("\"{text}\" is not a date Folio reads; left empty"),
        ));
    }
    date
}

/// `Profile.csv`, `Email Addresses.csv` and `PhoneNumbers.csv`: the profile.
fn profile(files: &Files, notes: &mut Vec<Note>) -> Result<Option<Profile>> {
    const COLUMNS: [&str; 6] = ["First Name", "Last Name", "Headline", "Summary", "Geo Location", "Websites"];
    const IGNORED: [&str; 7] =
        ["Maiden Name", "Address", "Birth Date", "Industry", "Zip Code", "Twitter Handles", "Instant Messengers"];
    let Some(table) = table(files, "Profile.csv", &COLUMNS, &IGNORED, notes)? else { return Ok(None) };
    let Some(row) = table.rows().next() else { return Ok(None) };
    table.note_ignored(&IGNORED, NO_PLACE, notes);
    let mut profile = Profile {
        full_name: [row.get("First Name"), row.get("Last Name")].join(" ").trim().to_string(),
        headline: row.get("Headline").into(),
        summary: row.get("Summary").into(),
        location: row.get("Geo Location").into(),
        links: websites(row.get("Websites")),
        ..Profile::default()
    };
    profile.email = email(files, notes)?;
    profile.phone = phone(files, notes)?;
    if let Err(invalid) = profile.validate() {
        notes.push(Note::new(row.at(), format!("not imported: {}", first_problem(&invalid))));
        return Ok(None);
    }
    Ok(Some(profile))
}

/// `[PERSONAL:https://maya.dev,COMPANY:https://acme.example]`: each a link.
fn websites(text: &str) -> Vec<ProfileLink> {
    let text = text.trim().trim_start_matches('[').trim_end_matches(']');
    text.split(',')
        .filter_map(|entry| {
            let entry = entry.trim();
            let (label, url) = match entry.split_once(':') {
                Some((label, url)) if !label.contains('/') && !url.starts_with("//") => (label, url),
                _ => ("", entry),
            };
            let url = url.trim();
            (url.starts_with("http://") || url.starts_with("https://")).then(|| ProfileLink {
                label: website_label(label),
                url: url.into(),
                kind: if url.contains("github.com") { LinkKind::Github } else { LinkKind::Website },
            })
        })
        .collect()
}

fn website_label(kind: &str) -> String {
    match kind.trim().to_uppercase().as_str() {
        "PERSONAL" | "" => "Website".into(),
        "COMPANY" => "Company".into(),
        "BLOG" => "Blog".into(),
        "PORTFOLIO" => "Portfolio".into(),
        "RSS" => "RSS".into(),
        other => {
            let mut label = other.to_lowercase();
            if let Some(first) = label.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            label
        }
    }
}

/// The primary address of `Email Addresses.csv`, else the first confirmed one.
fn email(files: &Files, notes: &mut Vec<Note>) -> Result<String> {
    let columns = ["Email Address", "Confirmed", "Primary"];
    let Some(table) = table(files, "Email Addresses.csv", &columns, &["Updated On"], notes)? else {
        return Ok(String::new());
    };
    let yes = |row: &Row, column: &str| row.get(column).eq_ignore_ascii_case("yes");
    let rows: Vec<Row> = table.rows().collect();
    let chosen = rows.iter().find(|r| yes(r, "Primary")).or_else(|| rows.iter().find(|r| yes(r, "Confirmed")));
    Ok(chosen.or(rows.first()).map(|r| r.get("Email Address").to_string()).unwrap_or_default())
}

/// The first number of `PhoneNumbers.csv`, a mobile one if there is one.
fn phone(files: &Files, notes: &mut Vec<Note>) -> Result<String> {
    let Some(table) = table(files, "PhoneNumbers.csv", &["Number", "Type"], &["Extension"], notes)? else {
        return Ok(String::new());
    };
    let rows: Vec<Row> = table.rows().collect();
    let mobile = rows.iter().find(|r| r.get("Type").eq_ignore_ascii_case("mobile"));
    Ok(mobile.or(rows.first()).map(|r| r.get("Number").to_string()).unwrap_or_default())
}

/// `Positions.csv`: each position an experience.
fn positions(files: &Files, notes: &mut Vec<Note>) -> Result<Vec<Experience>> {
    let columns = ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"];
    let table = table(files, "Positions.csv", &columns, &[], notes)?;
    Ok(records(table, notes, |row, notes| {
        Some(Experience {
            organisation: row.get("Company Name").into(),
            title: row.get("Title").into(),
            start: date(row, "Started On", notes),
            end: date(row, "Finished On", notes),
            location: row.get("Location").into(),
            summary: row.get("Description").into(),
            highlights: Vec::new(),
        })
    }))
}

/// `Education.csv`: each school; its notes and activities have no place.
fn education(files: &Files, notes: &mut Vec<Note>) -> Result<Vec<Education>> {
    let columns = ["School Name", "Start Date", "End Date", "Degree Name"];
    let ignored = ["Notes", "Activities"];
    let table = table(files, "Education.csv", &columns, &ignored, notes)?;
    if let Some(t) = &table {
        t.note_ignored(&ignored, NO_PLACE, notes);
    }
    Ok(records(table, notes, |row, notes| {
        Some(Education {
            institution: row.get("School Name").into(),
            degree: row.get("Degree Name").into(),
            field: String::new(),
            start: date(row, "Start Date", notes),
            end: date(row, "End Date", notes),
        })
    }))
}

/// `Skills.csv`: each a skill, at the middle level until the user says otherwise.
fn skills(files: &Files, notes: &mut Vec<Note>) -> Result<Vec<Skill>> {
    let table = table(files, "Skills.csv", &["Name"], &[], notes)?;
    let mut seen: Vec<String> = Vec::new();
    Ok(records(table, notes, |row, _| {
        let name = row.get("Name");
        let new = !name.is_empty() && !seen.iter().any(|s| s.eq_ignore_ascii_case(name));
        seen.push(name.into());
        new.then(|| Skill { name: name.into(), ..Skill::default() })
    }))
}

/// `Languages.csv`: each a communication skill, its proficiency in brackets (as a JSON
/// Resume's languages are).
fn languages(files: &Files, notes: &mut Vec<Note>) -> Result<Vec<Skill>> {
    let table = table(files, "Languages.csv", &["Name", "Proficiency"], &[], notes)?;
    Ok(records(table, notes, |row, _| {
        let name = match row.get("Proficiency") {
            "" => row.get("Name").to_string(),
            proficiency => format!("{} ({})", row.get("Name"), proficiency.to_lowercase().replace('_', " ")),
        };
        Some(Skill { name, area: SkillArea::LeadershipCommunication, ..Skill::default() })
    }))
}

/// `Certifications.csv`: each a certification; "Finished On" is when it expires.
fn certifications(files: &Files, notes: &mut Vec<Note>) -> Result<Vec<Certification>> {
    let columns = ["Name", "Url", "Authority", "Started On", "Finished On", "License Number"];
    let table = table(files, "Certifications.csv", &columns, &[], notes)?;
    Ok(records(table, notes, |row, notes| {
        Some(Certification {
            name: row.get("Name").into(),
            issuer: row.get("Authority").into(),
            date: date(row, "Started On", notes),
            expiry: date(row, "Finished On", notes),
            credential_id: row.get("License Number").into(),
            url: row.get("Url").into(),
        })
    }))
}

/// `Honors.csv`: each award a certification (as a JSON Resume's awards are); its
/// description has no place.
fn honors(files: &Files, notes: &mut Vec<Note>) -> Result<Vec<Certification>> {
    let table = table(files, "Honors.csv", &["Title", "Issued On"], &["Description"], notes)?;
    if let Some(t) = &table {
        t.note_ignored(&["Description"], "not imported: an award's description has no place in Folio", notes);
    }
    Ok(records(table, notes, |row, notes| {
        Some(Certification {
            name: row.get("Title").into(),
            date: date(row, "Issued On", notes),
            ..Certification::default()
        })
    }))
}

/// `Recommendations_Received.csv`: each visible recommendation, its author's title and
/// company kept. Hidden and pending ones stay on LinkedIn. None is consented to share:
/// a recommendation written for LinkedIn is the author's to agree to elsewhere.
fn recommendations(files: &Files, notes: &mut Vec<Note>) -> Result<Vec<Recommendation>> {
    let columns = ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"];
    let table = table(files, "Recommendations_Received.csv", &columns, &[], notes)?;
    let mut hidden = 0;
    let list = records(table, notes, |row, notes| {
        let status = row.get("Status");
        if !status.is_empty() && !status.eq_ignore_ascii_case("visible") {
            hidden += 1;
            return None;
        }
        Some(Recommendation {
            author_name: [row.get("First Name"), row.get("Last Name")].join(" ").trim().to_string(),
            author_title: row.get("Job Title").into(),
            organisation: row.get("Company").into(),
            date: date(row, "Creation Date", notes).map(|d| d.without_day()),
            text: row.get("Text").into(),
            consent: false,
            ..Recommendation::default()
        })
    });
    if hidden > 0 {
        notes.push(Note::new(
            "Recommendations_Received.csv",
            format!("{hidden} hidden or pending stayed out: only recommendations shown on your profile are imported"),
        ));
    }
    if !list.is_empty() {
        notes.push(Note::new(
            "Recommendations_Received.csv",
            "imported as not consented to share: tick each once its author agrees to it in your portfolio",
        ));
    }
    Ok(list)
}

/// `Projects.csv`: each a case study to finish, from its title, description and link.
fn projects(files: &Files, notes: &mut Vec<Note>) -> Result<Vec<CaseStudy>> {
    let columns = ["Title", "Description", "Url", "Started On", "Finished On"];
    let table = table(files, "Projects.csv", &columns, &[], notes)?;
    let list = records(table, notes, |row, notes| {
        Some(CaseStudy {
            title: row.get("Title").into(),
            summary: row.get("Description").into(),
            start: date(row, "Started On", notes),
            end: date(row, "Finished On", notes),
            links: match row.get("Url") {
                "" => Vec::new(),
                url => vec![Link { label: "Project".into(), url: url.into(), ..Link::default() }],
            },
            ..CaseStudy::default()
        })
    });
    if !list.is_empty() {
        notes.push(Note::new(
            "Projects.csv",
            "each project is a draft case study: add its context, decisions and metrics",
        ));
    }
    Ok(list)
}

/// `Publications.csv`: each a piece of writing; its description has no place.
fn publications(files: &Files, notes: &mut Vec<Note>) -> Result<Vec<Writing>> {
    let columns = ["Name", "Published On", "Publisher", "Url"];
    let table = table(files, "Publications.csv", &columns, &["Description"], notes)?;
    if let Some(t) = &table {
        t.note_ignored(&["Description"], "not imported: a publication's description has no place in Folio", notes);
    }
    Ok(records(table, notes, |row, notes| {
        Some(Writing {
            title: row.get("Name").into(),
            venue: row.get("Publisher").into(),
            date: date(row, "Published On", notes),
            url: row.get("Url").into(),
            kind: WritingKind::Paper,
        })
    }))
}
