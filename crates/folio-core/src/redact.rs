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

/// Words that make no name on their own: an organisation whose name starts with one
/// ("The Guardian", "New Relic", "Bank of America") is hidden by its full name only.
const COMMON: &[&str] = &[
    "the",
    "a",
    "an",
    "new",
    "old",
    "big",
    "first",
    "united",
    "general",
    "national",
    "international",
    "global",
    "american",
    "british",
    "european",
    "royal",
    "central",
    "capital",
    "city",
    "state",
    "public",
    "open",
    "digital",
    "data",
    "cloud",
    "tech",
    "smart",
    "bank",
    "banco",
    "group",
    "health",
    "energy",
    "mobile",
    "north",
    "south",
    "east",
    "west",
    "blue",
    "red",
    "green",
    "black",
    "white",
    "golden",
    "silver",
    "star",
    "sun",
    "apple",
    "amazon",
    "meta",
    "standard",
    "modern",
    "future",
    "next",
    "social",
    "human",
    "real",
    "true",
    "best",
    "good",
    "great",
    "little",
    "young",
    "best",
    "home",
    "world",
    "my",
    "our",
    "your",
    "one",
    "all",
    "pro",
    "net",
    "web",
    "air",
];

/// The forms of a name that give it away, lowercase with its words joined by single
/// spaces: the full name, and its first word when that is distinctive on its own
/// ("Acme" of "Acme Payments": capitalised, three letters or more, not a common word).
fn forms(redaction: &Redaction) -> Vec<String> {
    let words: Vec<&str> =
        redaction.organisation.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).collect();
    let mut forms = vec![words.join(" ").to_lowercase()];
    if let [first, _, ..] = words.as_slice() {
        let distinctive = first.starts_with(char::is_uppercase)
            && first.chars().filter(|c| c.is_alphanumeric()).count() >= 3
            && !COMMON.contains(&first.to_lowercase().as_str());
        if distinctive {
            forms.push(first.to_lowercase());
        }
    }
    forms
}

/// A form as it may hide inside a URL or an address: letters and digits only.
fn compact(form: &str) -> String {
    form.chars().filter(|c| c.is_alphanumeric()).collect()
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

/// Whether `at` lies in an address — a URL or an e-mail — which a description cannot
/// stand in for: such text is left for the trace check to refuse.
fn in_address(text: &str, at: &std::ops::Range<usize>) -> bool {
    let is_edge = |c: char| c.is_whitespace() || "()<>[]\"'".contains(c);
    // The edge may be several bytes long (a no-break space is two): start after it.
    let start = text[..at.start].char_indices().rev().find(|&(_, c)| is_edge(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at.end..].find(is_edge).map_or(text.len(), |i| at.end + i);
    let token = &text[start..end];
    token.contains("://") || token.contains('@') || token.starts_with("www.")
}

/// The rules of one edition, ready to apply to every field.
struct Rules {
    /// (form, the index of its redaction), longest first.
    forms: Vec<(String, usize)>,
    replacements: Vec<String>,
}

impl Rules {
    fn new(redactions: &[Redaction]) -> Self {
        let mut forms: Vec<(String, usize)> = redactions
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.is_blank())
            .flat_map(|(i, r)| forms(r).into_iter().map(move |f| (f, i)))
            .collect();
        forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        Self { forms, replacements: redactions.iter().map(|r| r.replacement.trim().to_string()).collect() }
    }

    /// Every mention in `text`, leftmost first, the longest where two start together,
    /// none overlapping: (where, which redaction).
    fn mentions(&self, text: &str) -> Vec<(std::ops::Range<usize>, usize)> {
        let folded = Folded::new(text);
        let mut hits: Vec<_> =
            self.forms.iter().flat_map(|(form, r)| folded.find(form).into_iter().map(move |at| (at, *r))).collect();
        hits.sort_by_key(|(at, _)| (at.start, std::cmp::Reverse(at.end)));
        let mut last = 0;
        hits.retain(|(at, _)| {
            let keep = at.start >= last;
            if keep {
                last = at.end;
            }
            keep
        });
        hits
    }

    /// Rewrites every mention outside an address, in one pass (a description is never
    /// searched again, whatever it says).
    fn text(&self, text: &mut String) {
        let mentions = self.mentions(text);
        if mentions.is_empty() {
            return;
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for (at, r) in mentions {
            if in_address(text, &at) {
                continue;
            }
            out.push_str(&text[last..at.start]);
            let replacement = &self.replacements[r];
            if opens_sentence(text, at.start) {
                out.push_str(&capitalised(replacement));
            } else {
                out.push_str(replacement);
            }
            last = at.end;
        }
        out.push_str(&text[last..]);
        *text = out;
    }

    fn texts<'a>(&self, texts: impl IntoIterator<Item = &'a mut String>) {
        for t in texts {
            self.text(t);
        }
    }

    /// Whether an address gives a name away: one of its parts, or a run of them, spells
    /// a form ("acme-payments.example.com", "acmepayments.com", "wiki.acme.internal"),
    /// while "keystone" does not betray "EY".
    fn betrays(&self, address: &str) -> bool {
        self.betrayed_in(address).is_some()
    }

    /// The form an address gives away, if any.
    fn betrayed_in(&self, address: &str) -> Option<&str> {
        let lower = address.to_lowercase();
        let parts: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).collect();
        self.forms.iter().map(|(form, _)| form.as_str()).find(|form| {
            let wanted = compact(form);
            (1..=form.split(' ').count()).any(|n| parts.windows(n).any(|w| w.concat() == wanted))
        })
    }

    /// Whether readable text still names an organisation.
    fn names_in(&self, text: &str) -> Option<&str> {
        let (_, r) = self.mentions(text).into_iter().next()?;
        self.forms.iter().find(|(_, i)| *i == r).map(|(f, _)| f.as_str())
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
    let Some(edition) = edition.filter(|e| e.redactions.iter().any(|r| !r.is_blank())) else { return };
    let rules = Rules::new(&edition.redactions);

    // The user's own name is never rewritten; should it contain the organisation's,
    // the trace check refuses the export and says so.
    let p = &mut portfolio.profile;
    rules.texts([&mut p.headline, &mut p.summary, &mut p.location]);
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
            rules.texts([&mut m.label, &mut m.unit, &mut m.timeframe, &mut m.note]);
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
        let l = &mut e.letter;
        rules.texts([
            &mut l.recipient_name,
            &mut l.recipient_title,
            &mut l.recipient_company,
            &mut l.recipient_address,
            &mut l.subject,
            &mut l.salutation,
            &mut l.body,
            &mut l.closing,
            &mut l.signature,
            &mut l.drafted,
        ]);
    }
}

fn refused(form: &str, place: &str) -> Error {
    Error::invalid(
        "redactions",
        format!(
            "“{form}” would still appear in {place} (in text Folio cannot rewrite, such as an e-mail address); \
             nothing was exported — change that text or the redaction"
        ),
    )
}

/// Refuses a laid-out document in which a redacted name can still be read: in its
/// text, its metadata, its bookmarks or the addresses of its links.
pub(crate) fn check_no_trace(document: &Document, redactions: &[Redaction]) -> Result<()> {
    if redactions.iter().all(Redaction::is_blank) {
        return Ok(());
    }
    let rules = Rules::new(redactions);
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut links: Vec<(String, &str)> = Vec::new();
    for (n, page) in document.pages.iter().enumerate() {
        let mut runs = Vec::new();
        for item in page.drawn() {
            match item {
                Item::Text(run) => runs.push(run.text()),
                Item::Link { target: LinkTarget::Uri(uri), .. } => {
                    links.push((format!("a link on page {}", n + 1), uri))
                }
                _ => {}
            }
        }
        texts.push((format!("page {}", n + 1), runs.join(" ")));
    }
    let m = &document.metadata;
    texts.push(("the PDF's metadata".into(), [&m.title, &m.author, &m.subject].map(String::as_str).join(" \n ")));
    texts.push(("the PDF's keywords".into(), m.keywords.join(" \n ")));
    let mut outline = Vec::new();
    let mut stack: Vec<&folio_render::OutlineEntry> = document.outline.iter().collect();
    while let Some(entry) = stack.pop() {
        outline.push(entry.title.clone());
        stack.extend(&entry.children);
    }
    texts.push(("the PDF's bookmarks".into(), outline.join(" \n ")));

    for (place, text) in &texts {
        if let Some(form) = rules.names_in(text) {
            return Err(refused(form, place));
        }
    }
    for (place, uri) in links {
        if let Some(form) = rules.betrayed_in(uri) {
            return Err(refused(form, &place));
        }
    }
    Ok(())
}

/// Refuses text about to be written elsewhere (a JSON Resume) that still names a
/// redacted organisation, in words or in an address.
pub(crate) fn check_text(text: &str, redactions: &[Redaction], place: &str) -> Result<()> {
    if redactions.iter().all(Redaction::is_blank) {
        return Ok(());
    }
    let rules = Rules::new(redactions);
    if let Some(form) = rules.names_in(text) {
        return Err(refused(form, place));
    }
    if let Some(form) = rules.betrayed_in(text) {
        return Err(refused(form, place));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acme() -> Redaction {
        Redaction { organisation: "Acme Payments".into(), replacement: "a top-10 European bank".into() }
    }

    fn redacted(text: &str) -> String {
        let rules = Rules::new(&[acme()]);
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

    #[test]
    fn a_name_across_a_line_break_or_a_hyphen_is_still_found() {
        assert_eq!(
            redacted("at Acme\nPayments and Acme-Payments"),
            "at a top-10 European bank and a top-10 European bank"
        );
    }

    #[test]
    fn a_description_is_never_searched_again() {
        let rules =
            Rules::new(&[Redaction { organisation: "Bank of Ireland".into(), replacement: "an Irish bank".into() }]);
        let mut text = "Bank of Ireland, the bank".to_string();
        rules.text(&mut text);
        assert_eq!(text, "An Irish bank, the bank", "\"Bank\" alone is a common word, not the name");
    }

    #[test]
    fn a_repeated_name_is_replaced_without_overlap() {
        let rules = Rules::new(&[Redaction { organisation: "Talk Talk".into(), replacement: "a telecom".into() }]);
        let mut text = "Talk Talk Talk".to_string();
        rules.text(&mut text);
        assert_eq!(text, "A telecom a telecom", "the whole name, then its short form");
    }

    #[test]
    fn addresses_are_left_for_the_trace_check() {
        let text = "mail maya@acme.com or see https://acme.com/x";
        assert_eq!(redacted(text), text);
        assert!(check_text("mail maya@acme.com", &[acme()], "here").is_err());
    }

    #[test]
    fn short_names_are_found_as_words_only() {
        let ey = [Redaction { organisation: "EY".into(), replacement: "a Big Four firm".into() }];
        assert!(check_text("They keyed the keystone: https://github.com/keystone", &ey, "here").is_ok());
        assert!(check_text("Audit at EY.", &ey, "here").is_err());
    }
}
