//! The LinkedIn kit: what to paste into each field of a LinkedIn profile, written from
//! the portfolio (or what an edition selects, redactions applied), each within
//! LinkedIn's limit; and, for each field the user copied, whether LinkedIn still reads
//! as the portfolio would write it now.
//!
//! Texts are plain (LinkedIn shows no Markdown) and deterministic, cut only between
//! paragraphs or bullets, so that the same portfolio always gives the same kit and a
//! change shows in exactly the fields it changes.

use folio_model::{CaseStudy, Experience, Portfolio, Stored};
use folio_store::tables::linkedin;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::{Error, Folio, Result};

/// LinkedIn's limits, in characters (Unicode scalar values, as LinkedIn's own
/// counters count them), and Folio's cap on the lists.
pub const HEADLINE_LIMIT: u32 = 220;
pub const ABOUT_LIMIT: u32 = 2_600;
pub const EXPERIENCE_LIMIT: u32 = 2_000;
/// The skills LinkedIn lets a member list.
pub const SKILLS_LIMIT: u32 = 100;
/// LinkedIn's limit on one skill's name.
pub const SKILL_NAME_LIMIT: usize = 80;
/// Folio's choice: a handful of featured items is what a visitor looks at.
pub const FEATURED_LIMIT: u32 = 10;

/// What a field's limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum KitUnit {
    Characters,
    /// Lines: one skill, or one featured link, per line.
    Items,
}

/// One field of the kit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KitField {
    /// "headline", "about", "skills", "featured" or "experience:<id>".
    pub key: String,
    /// As LinkedIn names the field: "Headline", "About", "Experience: Staff Engineer at Acme".
    pub label: String,
    pub limit: u32,
    pub unit: KitUnit,
    /// What to paste.
    pub text: String,
    /// How much of the limit `text` takes, in `unit`s.
    pub used: u32,
    /// When it was last copied (milliseconds since the epoch), if ever.
    #[ts(type = "number | null")]
    pub copied_at: Option<i64>,
    /// Why the text last copied no longer reads as the portfolio would write it now.
    pub stale: Option<String>,
}

/// The kit: every field, in the order LinkedIn's profile editor shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkedinKit {
    pub fields: Vec<KitField>,
}

impl Folio {
    /// The LinkedIn kit of the whole portfolio, or of what an edition selects.
    pub fn linkedin_kit(&self, edition: Option<Uuid>) -> Result<LinkedinKit> {
        let portfolio = self.portfolio(edition)?;
        let copies = linkedin::all(self.store().read())?;
        Ok(kit(&portfolio, &copies))
    }

    /// Records that the field `key` of the kit (of `edition`) was copied as it reads now;
    /// returns the field, marked copied.
    pub fn mark_linkedin_copied(&self, key: &str, edition: Option<Uuid>) -> Result<KitField> {
        let portfolio = self.portfolio(edition)?;
        let field = fields(&portfolio)
            .into_iter()
            .find(|f| f.key == key)
            .ok_or_else(|| Error::invalid("key", format!("\"{key}\" is not a field of the LinkedIn kit")))?;
        let copy = self.store().write(|tx| linkedin::put(tx, key, &field.text))?;
        Ok(KitField { copied_at: Some(copy.copied_at), stale: None, ..field })
    }

    /// The fields copied into LinkedIn that no longer read as the portfolio would write
    /// them, with why.
    pub(crate) fn linkedin_out_of_date(&self) -> Result<Vec<KitField>> {
        Ok(self.linkedin_kit(None)?.fields.into_iter().filter(|f| f.stale.is_some()).collect())
    }
}

/// The kit of `portfolio`, each field with its copy (if any) compared.
pub fn kit(portfolio: &Portfolio, copies: &[linkedin::Copy]) -> LinkedinKit {
    let mentions = mentionable(portfolio);
    let fields = fields(portfolio)
        .into_iter()
        .map(|mut field| {
            if let Some(copy) = copies.iter().find(|c| c.key == field.key) {
                field.copied_at = Some(copy.copied_at);
                field.stale = (copy.text != field.text).then(|| why_stale(&field, &copy.text, &mentions));
            }
            field
        })
        .collect();
    LinkedinKit { fields }
}

fn fields(p: &Portfolio) -> Vec<KitField> {
    let mut fields = vec![
        field("headline", "Headline", HEADLINE_LIMIT, KitUnit::Characters, headline(p)),
        field("about", "About", ABOUT_LIMIT, KitUnit::Characters, about(p)),
    ];
    for job in &p.experience {
        let label = format!("Experience: {} at {}", job.item.title.trim(), job.item.organisation.trim());
        let text = experience(&job.item, &p.case_studies);
        fields.push(field(&format!("experience:{}", job.id), &label, EXPERIENCE_LIMIT, KitUnit::Characters, text));
    }
    fields.push(field("skills", "Skills", SKILLS_LIMIT, KitUnit::Items, skills(p)));
    fields.push(field("featured", "Featured", FEATURED_LIMIT, KitUnit::Items, featured(p)));
    fields
}

fn field(key: &str, label: &str, limit: u32, unit: KitUnit, text: String) -> KitField {
    let used = match unit {
        KitUnit::Characters => chars(&text),
        KitUnit::Items => text.lines().count() as u32,
    };
    KitField { key: key.into(), label: label.into(), limit, unit, text, used, copied_at: None, stale: None }
}

fn chars(text: &str) -> u32 {
    text.chars().count() as u32
}

/// The profile's headline, else the latest role; cut at a word if it is too long.
fn headline(p: &Portfolio) -> String {
    let headline = p.profile.headline.trim();
    let text = if headline.is_empty() {
        p.experience
            .first()
            .map(|j| format!("{} at {}", j.item.title.trim(), j.item.organisation.trim()))
            .unwrap_or_default()
    } else {
        headline.to_string()
    };
    cut_at_word(&text, HEADLINE_LIMIT as usize)
}

/// The profile's summary, then a line per case study (featured first) with its
/// strongest result: as many as fit.
fn about(p: &Portfolio) -> String {
    let mut studies: Vec<&Stored<CaseStudy>> = p.case_studies.iter().collect();
    studies.sort_by_key(|cs| !cs.item.featured);
    let bullets: Vec<String> = studies.iter().map(|cs| bullet(&cs.item)).collect();
    let intro = plain(&p.profile.summary);
    compose(&intro, "Selected work:", &bullets, ABOUT_LIMIT as usize)
}

/// A role's summary and highlights, then a line per case study at that organisation.
fn experience(job: &Experience, case_studies: &[Stored<CaseStudy>]) -> String {
    let org = job.organisation.trim().to_lowercase();
    let mut bullets: Vec<String> = job.highlights.iter().map(|h| format!("• {}", plain(h))).collect();
    bullets.extend(
        case_studies.iter().filter(|cs| cs.item.organisation.trim().to_lowercase() == org).map(|cs| bullet(&cs.item)),
    );
    compose(&plain(&job.summary), "", &bullets, EXPERIENCE_LIMIT as usize)
}

/// "• Event-driven payment ledger: p95 latency 840 ms → 120 ms (−86%)".
fn bullet(cs: &CaseStudy) -> String {
    let result = match cs.metrics.first() {
        Some(metric) => metric.statement(),
        None => first_sentence(&plain(&cs.outcome)),
    };
    match result.trim() {
        "" => format!("• {}", cs.title.trim()),
        result => format!("• {}: {result}", cs.title.trim()),
    }
}

/// The strongest skills first (by level, then by the case studies that show them), one
/// per line, within LinkedIn's count and length.
fn skills(p: &Portfolio) -> String {
    let mut skills: Vec<_> = p.skills.iter().map(|s| &s.item).collect();
    skills.sort_by_key(|s| (std::cmp::Reverse(s.level), std::cmp::Reverse(s.evidence.len())));
    skills
        .iter()
        .map(|s| cut_at_word(s.name.trim(), SKILL_NAME_LIMIT))
        .filter(|n| !n.is_empty())
        .take(SKILLS_LIMIT as usize)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Featured case studies' public links, then the profile's links: "Title — URL".
fn featured(p: &Portfolio) -> String {
    let studies = p.case_studies.iter().filter(|cs| cs.item.featured).flat_map(|cs| {
        cs.item.links.iter().filter(|l| !l.internal).map(|l| format!("{} — {}", cs.item.title.trim(), l.url.trim()))
    });
    let profile = p.profile.links.iter().map(|l| format!("{} — {}", l.label.trim(), l.url.trim()));
    studies.chain(profile).take(FEATURED_LIMIT as usize).collect::<Vec<_>>().join("\n")
}

/// `intro`, then `heading` and as many `bullets` as fit in `limit` characters. A long
/// intro is cut at a word, to three fifths of the limit when there are bullets: the
/// results are what a reader of LinkedIn looks for.
fn compose(intro: &str, heading: &str, bullets: &[String], limit: usize) -> String {
    let room = if bullets.is_empty() { limit } else { limit * 3 / 5 };
    let mut text = cut_at_word(intro, room);
    let mut first = true;
    for bullet in bullets {
        let lead = if first {
            let gap = if text.is_empty() { "" } else { "\n\n" };
            if heading.is_empty() {
                gap.to_string()
            } else {
                format!("{gap}{heading}\n")
            }
        } else {
            "\n".to_string()
        };
        let next = format!("{lead}{bullet}");
        if text.chars().count() + next.chars().count() > limit {
            break;
        }
        text.push_str(&next);
        first = false;
    }
    text
}

/// `text` whole if it fits in `limit` characters, else cut after its last whole word
/// that leaves room for an ellipsis.
fn cut_at_word(text: &str, limit: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let room: String = text.chars().take(limit.saturating_sub(1)).collect();
    let cut = room.rfind(char::is_whitespace).map_or(room.as_str(), |at| &room[..at]);
    format!("{}…", cut.trim_end())
}

fn first_sentence(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    match line.find(". ") {
        Some(at) => line[..=at].to_string(),
        None => line.to_string(),
    }
}

/// Markdown as LinkedIn shows text: no emphasis marks, links as their words, bullets
/// as "•".
fn plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.trim().lines() {
        let line = line.trim_end();
        let line = match line.trim_start().strip_prefix("- ").or_else(|| line.trim_start().strip_prefix("* ")) {
            Some(item) => format!("• {item}"),
            None => line.trim_start_matches('#').trim_start().to_string(),
        };
        out.push_str(&unlinked(&line.replace("**", "").replace('`', "")));
        out.push('\n');
    }
    out.trim_end().to_string()
}

/// "[the ledger](https://…)" → "the ledger".
fn unlinked(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else { break };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else { break };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// What a reader would notice a field mention: the portfolio's case studies, roles'
/// organisations and skills.
fn mentionable(p: &Portfolio) -> Vec<String> {
    let mut names: Vec<String> = p.case_studies.iter().map(|cs| cs.item.title.trim().to_string()).collect();
    names.extend(p.experience.iter().map(|j| j.item.organisation.trim().to_string()));
    names.extend(p.skills.iter().map(|s| s.item.name.trim().to_string()));
    names.retain(|n| !n.is_empty());
    names
}

/// Why the text copied into LinkedIn (`copied`) reads differently from `field` now:
/// something it mentions that is gone, something new it does not mention yet, or, when
/// neither, that it simply reads differently.
fn why_stale(field: &KitField, copied: &str, mentions: &[String]) -> String {
    let label =
        field.label.strip_prefix("Experience: ").map_or(field.label.clone(), |role| format!("experience as {role}"));
    if let Some(gone) = mentioned_in(copied, &field.text) {
        return format!("Your LinkedIn {label} no longer mentions {gone}");
    }
    if let Some(new) = mentions.iter().find(|m| field.text.contains(m.as_str()) && !copied.contains(m.as_str())) {
        return format!("Your LinkedIn {label} does not mention {new} yet");
    }
    format!("Your LinkedIn {label} reads differently from your portfolio now")
}

/// The first bullet's title (before its colon) of `copied` that `now` no longer has.
fn mentioned_in(copied: &str, now: &str) -> Option<String> {
    copied
        .lines()
        .filter_map(|l| l.strip_prefix("• "))
        .map(|item| item.split(": ").next().unwrap_or(item).trim().to_string())
        .find(|title| !title.is_empty() && !now.contains(title.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_too_long_is_cut_after_a_whole_word_within_the_limit() {
        let cut = cut_at_word("Staff engineer leading payments platforms", 20);
        assert_eq!(cut, "Staff engineer…");
        assert!(cut.chars().count() <= 20);
        assert_eq!(cut_at_word("short", 20), "short");
    }

    #[test]
    fn markdown_reads_as_plain_text() {
        assert_eq!(
            plain("I led **the** [ledger](https://x.example) move.\n- one\n* two"),
            "I led the ledger move.\n• one\n• two"
        );
    }

    #[test]
    fn bullets_are_added_while_they_fit() {
        let bullets = vec!["• a: one".to_string(), "• b: two".to_string()];
        assert_eq!(compose("Intro.", "Work:", &bullets, 100), "Intro.\n\nWork:\n• a: one\n• b: two");
        assert_eq!(compose("Intro.", "Work:", &bullets, 25), "Intro.\n\nWork:\n• a: one");
        assert_eq!(compose("", "", &bullets, 100), "• a: one\n• b: two");
    }
}
