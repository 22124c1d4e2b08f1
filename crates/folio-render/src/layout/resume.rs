//! The résumé: the same header, then experience first — each job with bullets drawn
//! from the case studies done there, their outcome and best metric — then skills,
//! education and certifications, on at most [`PAGES`] pages. When it runs over, it is
//! laid out again with less, a step at a time ([`Cut`]), and the document says what
//! was left out.

use folio_model::{CaseStudy, Experience, Portfolio, Section, Stored};

use super::Builder;
use crate::markdown;

/// The page budget of a résumé.
pub(super) const PAGES: usize = 2;

/// How much a résumé leaves out to fit its pages; each step keeps what the one before
/// it dropped out, too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Cut {
    Nothing,
    JobSummaries,
    OlderJobsToTwoBullets,
    EveryJobToThreeBullets,
    Certifications,
}

impl Cut {
    pub(super) const ALL: [Cut; 5] =
        [Cut::Nothing, Cut::JobSummaries, Cut::OlderJobsToTwoBullets, Cut::EveryJobToThreeBullets, Cut::Certifications];

    /// What this step leaves out, said to the user.
    fn said(self) -> &'static str {
        match self {
            Cut::Nothing => "",
            Cut::JobSummaries => "each job's summary paragraph",
            Cut::OlderJobsToTwoBullets => "bullets beyond two for jobs before the latest two",
            Cut::EveryJobToThreeBullets => "bullets beyond three for every job",
            Cut::Certifications => "the certifications",
        }
    }

    /// The warning a résumé cut this far carries, if any.
    pub(super) fn warning(self, pages: usize) -> Option<String> {
        let cuts: Vec<&str> =
            Cut::ALL.iter().filter(|c| **c != Cut::Nothing && **c <= self).map(|c| c.said()).collect();
        match (cuts.is_empty(), pages > PAGES) {
            (true, false) => None,
            (false, false) => Some(format!("to fit the résumé on {PAGES} pages, Folio left out {}", cuts.join("; "))),
            (_, true) => Some(format!(
                "the résumé runs to {pages} pages, over its {PAGES}, even without {}; shorten the longest job",
                if cuts.is_empty() { "anything left out".to_string() } else { cuts.join("; ") }
            )),
        }
    }
}

impl Builder<'_> {
    pub(super) fn resume(&mut self, p: &Portfolio, cut: Cut) {
        let shows = |s: Section| p.sections.contains(&s);
        if shows(Section::Summary) {
            self.summary(p);
        }
        if shows(Section::Experience) && !p.experience.is_empty() {
            self.section_title("Experience");
            for (i, job) in p.experience.iter().enumerate() {
                self.job(&job.item, self.bullets(job, p, i, cut), cut < Cut::JobSummaries);
            }
        }
        if shows(Section::Skills) {
            self.skills(&p.skills);
        }
        if shows(Section::Education) {
            self.education(&p.education);
        }
        if shows(Section::Certifications) && cut < Cut::Certifications {
            self.certifications(&p.certifications);
        }
    }

    /// A job's bullets: its highlights, then one per case study done there — what came
    /// of it and its best metric — as many as `cut` allows for the `index`th job.
    fn bullets(&self, job: &Stored<Experience>, p: &Portfolio, index: usize, cut: Cut) -> Vec<String> {
        let relative = p.edition.as_ref().is_some_and(|e| e.item.relative_metrics);
        let mut bullets: Vec<String> = job.item.highlights.iter().map(|h| h.trim().to_string()).collect();
        let organisation = job.item.organisation.trim();
        let done_there = p
            .case_studies
            .iter()
            .map(|c| &c.item)
            .filter(|c| !organisation.is_empty() && c.organisation.trim().eq_ignore_ascii_case(organisation));
        bullets.extend(done_there.map(|c| case_study_bullet(c, relative)));
        bullets.retain(|b| !b.is_empty());
        let limit = match cut {
            Cut::Nothing | Cut::JobSummaries => usize::MAX,
            Cut::OlderJobsToTwoBullets if index < 2 => usize::MAX,
            Cut::OlderJobsToTwoBullets => 2,
            Cut::EveryJobToThreeBullets | Cut::Certifications if index < 2 => 3,
            Cut::EveryJobToThreeBullets | Cut::Certifications => 2,
        };
        bullets.truncate(limit);
        bullets
    }
}

/// "Event-driven payment ledger: balances are now correct in real time; p95 latency
/// 7.0× faster" — the study's title, the first sentence of its outcome (else of its
/// summary) and its best metric.
fn case_study_bullet(c: &CaseStudy, relative: bool) -> String {
    let outcome = if c.outcome.trim().is_empty() { &c.summary } else { &c.outcome };
    let outcome = first_sentence(&markdown::plain_text(outcome));
    let metric = c.metrics.iter().find_map(|m| {
        let figure = if relative { m.change_label() } else { m.headline().or_else(|| m.change_label()) }?;
        Some(format!("{} {figure}", m.label.trim()))
    });
    let title = escape(c.title.trim());
    match (outcome.is_empty(), metric) {
        (true, None) => format!("**{title}**"),
        (true, Some(m)) => format!("**{title}**: {}", escape(&m)),
        (false, None) => format!("**{title}**: {}", escape(&outcome)),
        (false, Some(m)) => format!("**{title}**: {} ({})", escape(&outcome), escape(&m)),
    }
}

/// Text up to the end of its first sentence.
fn first_sentence(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let end = text.char_indices().find(|(i, c)| {
        matches!(c, '.' | '!' | '?') && text[i + c.len_utf8()..].starts_with(' ') || text.len() == i + c.len_utf8()
    });
    match end {
        Some((i, c)) => text[..i + c.len_utf8()].to_string(),
        None => text,
    }
}

/// Plain text made safe to put into Markdown.
fn escape(text: &str) -> String {
    text.chars().fold(String::new(), |mut out, c| {
        if matches!(c, '*' | '_' | '[' | ']' | '`' | '\\' | '<') {
            out.push('\\');
        }
        out.push(c);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_ends_at_its_full_stop_not_at_a_decimal_point() {
        assert_eq!(first_sentence("Latency fell to 1.5 s. Then more."), "Latency fell to 1.5 s.");
        assert_eq!(first_sentence("No stop at all"), "No stop at all");
    }

    #[test]
    fn markdown_in_titles_is_kept_as_text() {
        assert_eq!(markdown::plain_text(&escape("a *b* [c](d)")), "a *b* [c](d)");
    }
}
