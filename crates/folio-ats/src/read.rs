//! Lines of text into résumé fields, by the rules applicant tracking systems use:
//! sections begin at bold capital headings they know; the name is the first line;
//! contact details are found by their shape; an entry begins at a bold line at the
//! section's left edge, its fields split at separators, its dates the field that
//! reads as a period; a bullet begins at a list marker and runs on through the lines
//! indented under it. Only what the PDF's text says is used — never the source.

use folio_model::fields::{Fields, Job, Period, School};
use folio_model::PartialDate;

use crate::extract::{collapse, Line};

/// What a heading announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Summary,
    Experience,
    Education,
    Skills,
    Projects,
    Certifications,
    Publications,
    Recommendations,
    /// A heading no parser knows: its section is read as free text.
    Other,
}

/// The words parsers look for in a heading, most specific first.
const HEADINGS: [(&str, Kind); 27] = [
    ("work experience", Kind::Experience),
    ("experience", Kind::Experience),
    ("employment", Kind::Experience),
    ("work history", Kind::Experience),
    ("case studies", Kind::Projects),
    ("projects", Kind::Projects),
    ("selected work", Kind::Projects),
    ("portfolio", Kind::Projects),
    ("summary", Kind::Summary),
    ("profile", Kind::Summary),
    ("about", Kind::Summary),
    ("objective", Kind::Summary),
    ("education", Kind::Education),
    ("skills", Kind::Skills),
    ("technologies", Kind::Skills),
    ("competencies", Kind::Skills),
    ("expertise", Kind::Skills),
    ("certifications", Kind::Certifications),
    ("certificates", Kind::Certifications),
    ("licenses", Kind::Certifications),
    ("publications", Kind::Publications),
    ("talks", Kind::Publications),
    ("writing", Kind::Publications),
    ("recommendations", Kind::Recommendations),
    ("references", Kind::Recommendations),
    ("testimonials", Kind::Recommendations),
    ("awards", Kind::Other),
];

/// A heading's text and what it announces, if the line is a heading: bold, in
/// capitals, a few words.
pub(crate) fn heading(line: &Line) -> Option<(String, Kind)> {
    let text = line.text();
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    if !line.bold() || !capitals || text.split_whitespace().count() > 5 {
        return None;
    }
    let lower = text.to_lowercase();
    let has = |phrase: &str| {
        lower.match_indices(phrase).any(|(i, _)| {
            let before = lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = lower[i + phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
    };
    let kind = HEADINGS.iter().find(|(phrase, _)| has(phrase)).map_or(Kind::Other, |(_, kind)| *kind);
    Some((text, kind))
}

/// A section: its heading and its lines.
struct Section<'l> {
    kind: Kind,
    lines: &'l [Line],
}

/// Reads the fields a parser finds in `lines`.
pub(crate) fn fields(lines: &[Line]) -> Fields {
    let lines: Vec<Line> = lines.iter().filter(|l| !is_furniture(l)).cloned().collect();
    let mut out = Fields::default();
    let starts: Vec<(usize, String, Kind)> =
        lines.iter().enumerate().filter_map(|(i, l)| heading(l).map(|(text, kind)| (i, text, kind))).collect();
    let top = starts.first().map_or(lines.len(), |s| s.0);
    contact(&lines[..top], &mut out);
    let body = body_size(&lines);
    for (n, (start, text, kind)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(lines.len(), |s| s.0);
        if *kind != Kind::Other {
            out.sections.push(text.clone());
        }
        let section = Section { kind: *kind, lines: &lines[start + 1..end] };
        match section.kind {
            Kind::Experience => out.jobs.extend(entries(section.lines).into_iter().map(job)),
            Kind::Education => out.education.extend(entries(section.lines).into_iter().map(school)),
            Kind::Skills => out.skills.extend(skills(section.lines)),
            Kind::Projects => out.projects.extend(projects(section.lines, body)),
            _ => {}
        }
    }
    out
}

/// A running footer or header: a line that ends in a page number.
fn is_furniture(line: &Line) -> bool {
    let fields = line.fields();
    let Some(last) = fields.last() else { return false };
    let numbers: Vec<&str> = last.split('/').map(str::trim).collect();
    let page_number = |t: &str| !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit());
    (numbers.len() == 2 && numbers.iter().all(|n| page_number(n))) || (fields.len() > 1 && page_number(last))
}

/// The size most of the text is set in.
fn body_size(lines: &[Line]) -> f32 {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for line in lines {
        let key = (line.size * 10.0).round() as i32;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).map_or(10.0, |(k, _)| *k as f32 / 10.0)
}

/// The name (the first line), and e-mail, phone and links from the lines above the
/// first heading. An address broken over two lines is joined again.
fn contact(lines: &[Line], out: &mut Fields) {
    out.name = lines.first().map(Line::text).unwrap_or_default();
    let mut fields: Vec<String> = Vec::new();
    for line in lines.iter().skip(1) {
        let mut next = line.fields().into_iter();
        if let (Some(last), Some(first)) = (fields.last_mut(), next.as_slice().first()) {
            let broken = is_link(last)
                && (last.ends_with(['/', '-', '.', '_', '?', '&', '#'])
                    || first.starts_with(['.', '-', '_', '?', '&', '#']));
            if broken && !first.contains(char::is_whitespace) {
                last.push_str(first);
                next.next();
            }
        }
        fields.extend(next);
    }
    for field in fields {
        if is_email(&field) && out.email.is_empty() {
            out.email = field;
        } else if is_phone(&field) && out.phone.is_empty() {
            out.phone = field;
        } else if is_link(&field) {
            out.links.push(field);
        }
    }
}

fn is_email(text: &str) -> bool {
    let mut parts = text.split('@');
    let (Some(user), Some(host), None) = (parts.next(), parts.next(), parts.next()) else { return false };
    !user.is_empty() && !text.contains(char::is_whitespace) && host.contains('.') && !host.ends_with('.')
}

fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits) && text.chars().all(|c| c.is_ascii_digit() || " +()-./".contains(c))
}

fn is_link(text: &str) -> bool {
    if text.contains(char::is_whitespace) || !text.contains('.') || is_email(text) {
        return false;
    }
    let lower = text.to_lowercase();
    let domain = lower.split('/').next().unwrap_or_default();
    let tld = domain.rsplit('.').next().unwrap_or_default();
    let domain_like = (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase());
    lower.starts_with("http") || lower.starts_with("www.") || (domain_like && (text.contains('/') || text == lower))
}

/// An entry of experience or education: the fields of its opening lines, and its
/// bullets.
#[derive(Debug, Default)]
struct Entry {
    head: Vec<String>,
    bullets: Vec<String>,
}

fn entries(lines: &[Line]) -> Vec<Entry> {
    // How far a line stands in from the edge it is set against: the left, or the
    // right for a line that reads right to left.
    let left = lines.iter().map(|l| l.x).fold(f32::INFINITY, f32::min);
    let right = lines.iter().map(Line::right).fold(f32::NEG_INFINITY, f32::max);
    let indent = |l: &Line| if l.rtl() { right - l.right() } else { l.x - left };
    let dated = |l: &Line| l.fields().iter().any(|f| parse_period(f).is_some());
    let mut out: Vec<Entry> = Vec::new();
    // Where the last line went: to an entry's head, to a bullet, or neither.
    let (mut in_head, mut in_bullet) = (false, false);
    for (i, line) in lines.iter().enumerate() {
        let at_left = indent(line).abs() < 2.0;
        let undated_head = in_head && out.last().is_some_and(|e| !e.head.iter().any(|f| parse_period(f).is_some()));
        // An entry opens with a bold line, or with the line its dates are on or under.
        let opens = at_left
            && (line.starts_bold()
                || dated(line)
                || lines.get(i + 1).is_some_and(|n| n.marker().is_none() && dated(n)));
        let short = line.fields().iter().all(|f| f.split_whitespace().count() <= 8);
        if let Some(marker) = line.marker() {
            let text = line.text();
            let text = text.trim_start().strip_prefix(marker).unwrap_or(&text).trim().to_string();
            if let Some(entry) = out.last_mut() {
                entry.bullets.push(text);
            }
            (in_head, in_bullet) = (false, true);
        } else if opens && !(undated_head && dated(line)) {
            out.push(Entry { head: line.fields(), bullets: Vec::new() });
            (in_head, in_bullet) = (true, false);
        } else if in_bullet && !at_left {
            if let Some(bullet) = out.last_mut().and_then(|e| e.bullets.last_mut()) {
                join_line(bullet, &line.text());
            }
        } else if in_head && (short || dated(line)) {
            if let Some(entry) = out.last_mut() {
                entry.head.extend(line.fields());
            }
        } else {
            // Prose under an entry, a summary: read as free text.
            (in_head, in_bullet) = (false, false);
        }
    }
    out
}

/// Adds a line to text it continues: with a space, unless the break fell inside a
/// word or an address ("event-" ⏎ "driven", "example.com/" ⏎ "path").
fn join_line(text: &mut String, next: &str) {
    let inside = text.ends_with(['-', '/']) || next.starts_with(['.', '-', '_', '?', '&', '#']);
    if !inside {
        text.push(' ');
    }
    text.push_str(next);
}

/// The dates of an entry's head, and the rest of its fields in order.
fn split_dates(head: &[String]) -> (Period, Vec<&String>) {
    let mut period = Period::default();
    let mut rest = Vec::new();
    for field in head {
        match parse_period(field) {
            Some(p) if period.is_empty() => period = p,
            _ => rest.push(field),
        }
    }
    (period, rest)
}

fn job(entry: Entry) -> Job {
    let (period, rest) = split_dates(&entry.head);
    let field = |i: usize| rest.get(i).map(|s| s.to_string()).unwrap_or_default();
    Job { title: field(0), company: field(1), period, bullets: entry.bullets }
}

fn school(entry: Entry) -> School {
    let (period, rest) = split_dates(&entry.head);
    let field = |i: usize| rest.get(i).map(|s| s.to_string()).unwrap_or_default();
    match rest.len() {
        // One name alone is the school's.
        1 => School { degree: String::new(), school: field(0), period },
        _ => School { degree: field(0), school: field(1), period },
    }
}

/// Skills: every field of the section, without category labels ("Languages",
/// "Cloud:") or years in brackets.
fn skills(lines: &[Line]) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines {
        let fields = line.fields();
        if line.bold() && fields.len() == 1 {
            continue;
        }
        for field in fields {
            let field = field.split_once(':').map_or(field.as_str(), |(_, after)| after);
            for skill in field.split([',', ';']) {
                let skill = match skill.trim().rsplit_once(" (") {
                    Some((name, bracket)) if bracket.ends_with(')') => name,
                    _ => skill.trim(),
                };
                if !skill.is_empty() {
                    out.push(skill.to_string());
                }
            }
        }
    }
    out
}

/// Project titles: bold lines set larger than the body text, a wrapped title joined.
fn projects(lines: &[Line], body: f32) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut previous_was_title = false;
    for line in lines {
        let title =
            line.bold() && line.size > body * 1.15 && line.text().chars().filter(|c| c.is_alphabetic()).count() >= 2;
        match (title, previous_was_title, out.last_mut()) {
            (true, true, Some(last)) => join_line(last, &line.text()),
            (true, _, _) => out.push(line.text()),
            _ => {}
        }
        previous_was_title = title;
    }
    out
}

/// A period as résumés write it: "Mar 2021 – Present", "2019 - 2021", "March 2021",
/// "until 2020", "03/2021 – 05/2022".
pub(crate) fn parse_period(text: &str) -> Option<Period> {
    let text = collapse(text);
    if let Some(end) = text.strip_prefix("until ").or_else(|| text.strip_prefix("Until ")) {
        return Some(Period { start: None, end: Some(parse_date(end)?) });
    }
    let normal = text.replace(['–', '—'], "-").replace(" to ", " - ");
    let parts: Vec<&str> = normal.split(" - ").map(str::trim).collect();
    match parts.as_slice() {
        [one] => parse_date(one).map(|d| Period { start: Some(d), end: Some(d) }),
        [start, end] => {
            let start = parse_date(start)?;
            let end = match end.to_lowercase().as_str() {
                "present" | "current" | "now" | "today" => None,
                _ => Some(parse_date(end)?),
            };
            Some(Period { start: Some(start), end })
        }
        _ => None,
    }
}

fn parse_date(text: &str) -> Option<PartialDate> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let year = |t: &str| t.parse::<u16>().ok().filter(|y| t.len() == 4 && (1900..=2200).contains(y));
    let words: Vec<&str> = text.split([' ', '/']).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        [y] => year(y).map(PartialDate::year).or_else(|| y.parse().ok()),
        [m, y] => {
            let y = year(y)?;
            let lower = m.trim_end_matches('.').to_lowercase();
            let month = match m.parse::<u8>() {
                Ok(n) => n,
                Err(_) => {
                    let stem = lower.get(..3)?;
                    MONTHS.iter().position(|name| *name == stem)? as u8 + 1
                }
            };
            PartialDate::month(y, month)
        }
        _ => None,
    }
}
