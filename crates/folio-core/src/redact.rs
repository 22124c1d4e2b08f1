//! Redaction for confidential work: an edition can name an organisation only by a
//! description ("a top-10 European bank"), show metrics as relative change only, and
//! leaves out links marked internal.
//!
//! Redaction rewrites the portfolio before layout, so the PDF, its outline and its
//! metadata are made from redacted text only; then the laid-out document is searched
//! for any trace of the name that survived (an e-mail address, say), and the export is
//! refused rather than written with it.

use folio_model::{Portfolio, Redaction};
use folio_render::{Document, Item, LinkTarget};

use crate::words::Folded;
use crate::{Error, Result};

/// The forms of a name that give it away: the full name, and its first word when that
/// is distinctive on its own ("Acme" of "Acme Payments"). Lowercase, longest first.
fn names(redaction: &Redaction) -> Vec<String> {
    let full = redaction.organisation.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let mut names = vec![full.clone()];
    if let Some(first) = full.split(' ').next().filter(|first| *first != full) {
        if first.chars().filter(|c| c.is_alphanumeric()).count() >= 3 {
            names.push(first.to_string());
        }
    }
    names
}

/// The name as it may hide inside a URL or an address: letters and digits only.
fn compact(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether the mention at `at` opens a sentence, so the replacement starts with a
/// capital: "Acme's ledger…" → "A top-10 European bank's ledger…".
fn opens_sentence(text: &str, at: usize) -> bool {
    let line = text[..at].rsplit('\n').next().unwrap_or_default();
    let before = line.trim_end_matches([' ', '\t', '*', '_', '"', '“', '(']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':']) || matches!(before.trim(), "-" | "+" | "•")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The rules of one edition, ready to apply to every field.
struct Rules {
    /// (lowercase name, replacement), longest names first.
    names: Vec<(String, String)>,
    /// What betrays a name inside a URL.
    compact: Vec<String>,
}

impl Rules {
    fn new(redactions: &[Redaction]) -> Self {
        let mut names: Vec<(String, String)> = redactions
            .iter()
            .flat_map(|r| names(r).into_iter().map(|n| (n, r.replacement.trim().to_string())))
            .collect();
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        let compact = names.iter().map(|(n, _)| compact(n)).filter(|c| !c.is_empty()).collect();
        Self { names, compact }
    }

    fn text(&self, text: &mut String) {
        for (name, replacement) in &self.names {
            let folded = Folded::new(text);
            let hits = folded.find(name);
            if hits.is_empty() {
                continue;
            }
            let mut out = String::with_capacity(text.len());
            let mut last = 0;
            for hit in hits {
                out.push_str(&text[last..hit.start]);
                if opens_sentence(text, hit.start) {
                    out.push_str(&capitalised(replacement));
                } else {
                    out.push_str(replacement);
                }
                last = hit.end;
            }
            out.push_str(&text[last..]);
            *text = out;
        }
    }

    fn texts<'a>(&self, texts: impl IntoIterator<Item = &'a mut String>) {
        for t in texts {
            self.text(t);
        }
    }

    /// Whether a URL gives the name away ("https://acme-payments.example.com").
    fn betrays(&self, url: &str) -> bool {
        let url = compact(&url.to_lowercase());
        self.compact.iter().any(|name| url.contains(name.as_str()))
    }

    /// Clears a URL that gives the name away.
    fn url(&self, url: &mut String) {
        if self.betrays(url) {
            url.clear();
        }
    }
}

/// Applies the edition's redaction to a portfolio about to be exported. Internal links
/// go unless the edition asks for them; with no edition, they go too (an export is
/// for someone outside).
pub(crate) fn apply(portfolio: &mut Portfolio) {
    let edition = portfolio.edition.as_ref().map(|e| e.item.clone());
    let keep_internal = edition.as_ref().is_some_and(|e| e.internal_links);
    if !keep_internal {
        for cs in &mut portfolio.case_studies {
            cs.item.links.retain(|l| !l.internal);
        }
    }
    let Some(edition) = edition.filter(|e| !e.redactions.is_empty()) else { return };
    let rules = Rules::new(&edition.redactions);

    let p = &mut portfolio.profile;
    rules.texts([&mut p.full_name, &mut p.headline, &mut p.summary, &mut p.location]);
    p.links.retain(|l| !rules.betrays(&l.url));
    rules.texts(p.links.iter_mut().map(|l| &mut l.label));

    for cs in &mut portfolio.case_studies {
        let cs = &mut cs.item;
        rules.texts([
            &mut cs.title,
            &mut cs.organisation,
            &mut cs.role,
            &mut cs.summary,
            &mut cs.context,
            &mut cs.contribution,
            &mut cs.outcome,
        ]);
        cs.links.retain(|l| !rules.betrays(&l.url));
        rules.texts(cs.links.iter_mut().map(|l| &mut l.label));
        rules.texts(cs.technologies.iter_mut().map(|t| &mut t.name));
        for image in &mut cs.images {
            rules.texts([&mut image.caption, &mut image.alt]);
        }
        for d in &mut cs.decisions {
            rules.texts([&mut d.title, &mut d.context, &mut d.choice, &mut d.rationale, &mut d.consequences]);
            rules.texts(d.options.iter_mut());
        }
        for m in &mut cs.metrics {
            rules.texts([&mut m.label, &mut m.timeframe, &mut m.note]);
        }
    }
    for r in &mut portfolio.recommendations {
        let r = &mut r.item;
        rules.texts([&mut r.author_name, &mut r.author_title, &mut r.organisation, &mut r.text]);
        rules.url(&mut r.source_url);
    }
    for s in &mut portfolio.skills {
        rules.text(&mut s.item.name);
    }
    for x in &mut portfolio.experience {
        let x = &mut x.item;
        rules.texts([&mut x.organisation, &mut x.title, &mut x.location, &mut x.summary]);
        rules.texts(x.highlights.iter_mut());
    }
    for c in &mut portfolio.certifications {
        let c = &mut c.item;
        rules.texts([&mut c.name, &mut c.issuer, &mut c.credential_id]);
        rules.url(&mut c.url);
    }
    for e in &mut portfolio.education {
        let e = &mut e.item;
        rules.texts([&mut e.institution, &mut e.degree, &mut e.field]);
    }
    for w in &mut portfolio.writing {
        let w = &mut w.item;
        rules.texts([&mut w.title, &mut w.venue]);
        rules.url(&mut w.url);
    }
    if let Some(e) = &mut portfolio.edition {
        let e = &mut e.item;
        rules.texts([&mut e.name, &mut e.target_role, &mut e.target_company, &mut e.notes, &mut e.posting]);
        rules.url(&mut e.posting_url);
    }
}

/// Refuses a laid-out document in which a redacted name can still be read: in its
/// text, its metadata, its outline or the addresses of its links.
pub(crate) fn check_no_trace(document: &Document, redactions: &[Redaction]) -> Result<()> {
    if redactions.is_empty() {
        return Ok(());
    }
    let rules = Rules::new(redactions);
    let mut places: Vec<(String, String)> = Vec::new();
    let mut links: Vec<(String, String)> = Vec::new();
    for (n, page) in document.pages.iter().enumerate() {
        let mut text = String::new();
        for item in &page.items {
            match item {
                Item::Text(run) => text.push_str(&run.text()),
                Item::Link { target: LinkTarget::Uri(uri), .. } => {
                    links.push((format!("a link on page {}", n + 1), uri.clone()));
                }
                _ => {}
            }
        }
        places.push((format!("page {}", n + 1), text));
    }
    places.append(&mut links);
    let m = &document.metadata;
    places.push(("the PDF's metadata".into(), [&m.title, &m.author, &m.subject].map(String::as_str).join(" ")));
    places.push(("the PDF's keywords".into(), m.keywords.join(" ")));
    let mut outline = Vec::new();
    let mut stack: Vec<&folio_render::OutlineEntry> = document.outline.iter().collect();
    while let Some(entry) = stack.pop() {
        outline.push(entry.title.clone());
        stack.extend(&entry.children);
    }
    places.push(("the PDF's bookmarks".into(), outline.join(" ")));

    for (place, text) in places {
        let text = compact(&text.to_lowercase());
        if let Some(name) = rules.compact.iter().find(|name| text.contains(name.as_str())) {
            let shown = rules.names.iter().find(|(n, _)| compact(n) == *name).map_or(name.as_str(), |(n, _)| n);
            return Err(Error::invalid(
                "redactions",
                format!(
                    "“{shown}” would still appear in {place} (in text Folio cannot rewrite, such as an e-mail \
                     address); nothing was exported — change that text or the redaction"
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redacted(text: &str) -> String {
        let rules = Rules::new(&[Redaction {
            organisation: "Acme Payments".into(),
            replacement: "a top-10 European bank".into(),
        }]);
        let mut text = text.to_string();
        rules.text(&mut text);
        text
    }

    #[test]
    fn the_full_name_and_its_distinctive_first_word_are_replaced() {
        assert_eq!(
            redacted("Acme's ledger ran at ACME PAYMENTS, where acme payments grew."),
            "A top-10 European bank's ledger ran at a top-10 European bank, where a top-10 European bank grew."
        );
    }

    #[test]
    fn other_words_are_left_alone() {
        assert_eq!(
            redacted("Payments at Acmeology and 4 million payments."),
            "Payments at Acmeology and 4 million payments."
        );
    }

    #[test]
    fn a_list_item_starting_with_the_name_starts_with_a_capital() {
        assert_eq!(redacted("- Acme hired me"), "- A top-10 European bank hired me");
    }

    #[test]
    fn urls_that_name_the_organisation_are_recognised() {
        let rules = Rules::new(&[Redaction { organisation: "Acme Payments".into(), replacement: "x".into() }]);
        assert!(rules.betrays("https://acme-payments.example.com/blog"));
        assert!(rules.betrays("https://wiki.acme.internal/ledger"));
        assert!(!rules.betrays("https://example.com/talks/idempotency"));
    }
}
