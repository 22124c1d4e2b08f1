//! What a résumé says of each job, the same in every format it is written in (PDF,
//! Word, text, Markdown) and in the cover letter's draft: the job's highlights, then a
//! bullet for each case study done there — its title, what came of it, its best metric.

use crate::{markdown, CaseStudy, Experience, Portfolio};

/// A job's bullets, in Markdown: its highlights, then one per case study done at its
/// organisation. A résumé that must fit its pages keeps the first few.
pub fn job_bullets(job: &Experience, p: &Portfolio) -> Vec<String> {
    let relative = p.edition.as_ref().is_some_and(|e| e.item.relative_metrics);
    let mut bullets: Vec<String> = job.highlights.iter().map(|h| h.trim().to_string()).collect();
    let organisation = job.organisation.trim();
    let done_there = p
        .case_studies
        .iter()
        .map(|c| &c.item)
        .filter(|c| !organisation.is_empty() && c.organisation.trim().eq_ignore_ascii_case(organisation));
    bullets.extend(done_there.map(|c| case_study_bullet(c, relative)));
    bullets.retain(|b| !b.is_empty());
    bullets
}

/// "Event-driven payment ledger: balances are now correct in real time; p95 latency
/// 7.0× faster" — the study's title, the first sentence of its outcome (else of its
/// summary) and its best metric.
pub fn case_study_bullet(c: &CaseStudy, relative: bool) -> String {
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
pub fn first_sentence(text: &str) -> String {
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
