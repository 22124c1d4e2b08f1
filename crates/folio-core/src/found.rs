//! Where in a record a search matched: the field a person would jump to, and a few of
//! its words around the match. The full-text index knows only that a record matched
//! (its text is one body); this finds the field again in the record itself.

use folio_model::Record;
use serde_json::Value;

/// Keys whose strings are choices or references, never text the user wrote.
const NOT_TEXT: &[&str] =
    &["kind", "kinds", "category", "direction", "relationship", "area", "theme", "paper", "accent", "asset"];

/// Words shown either side of the first match.
const BEFORE: usize = 5;
const AFTER: usize = 9;

/// What a person typed, as the index matched it: lower-case words, the last a prefix
/// when long enough to be one (as `folio_store::search` builds its query).
pub(crate) struct Terms {
    words: Vec<String>,
    last_is_prefix: bool,
}

impl Terms {
    pub(crate) fn new(text: &str) -> Self {
        let words: Vec<String> = text.split_whitespace().map(normalise).filter(|w| !w.is_empty()).collect();
        let last_is_prefix = words.last().is_some_and(|w| w.chars().count() >= 3);
        Self { words, last_is_prefix }
    }

    /// Whether `word` (normalised) is term `i`.
    fn is_term(&self, i: usize, word: &str) -> bool {
        let term = &self.words[i];
        !word.is_empty()
            && (word == term || (self.last_is_prefix && i + 1 == self.words.len() && word.starts_with(term.as_str())))
    }

    /// Whether one word of a text (as written) is one of the terms.
    fn matches(&self, word: &str) -> bool {
        let word = normalise(word);
        (0..self.words.len()).any(|i| self.is_term(i, &word))
    }

    /// How many of the terms `text` holds.
    fn found_in(&self, text: &str) -> usize {
        let words: Vec<String> = text.split_whitespace().map(normalise).collect();
        (0..self.words.len()).filter(|&i| words.iter().any(|w| self.is_term(i, w))).count()
    }
}

/// A word without the punctuation around it, in lower case.
fn normalise(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

/// Every piece of text in a record with its path as validation names it
/// (`decisions[1].rationale`), in the record's own order.
fn texts(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) if !s.trim().is_empty() && uuid::Uuid::parse_str(s).is_err() => {
            out.push((path.to_string(), s.clone()))
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                texts(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields.iter().filter(|(k, _)| !NOT_TEXT.contains(&k.as_str())) {
                let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                texts(item, &path, out);
            }
        }
        _ => {}
    }
}

/// The field of `record` that holds most of the terms (the first such, in the form's
/// order), with a snippet of it: the matched words between `[` and `]`. None when no
/// field holds any (the index folds words in ways this does not).
pub(crate) fn locate(record: &Record, terms: &Terms) -> Option<(String, String)> {
    let value = serde_json::to_value(record).ok()?;
    let mut fields = Vec::new();
    texts(value.get("item")?, "", &mut fields);
    let (path, text) = fields
        .into_iter()
        .map(|(path, text)| (terms.found_in(&text), path, text))
        .filter(|(score, _, _)| *score > 0)
        .fold(None::<(usize, String, String)>, |best, next| match best {
            Some(b) if b.0 >= next.0 => Some(b),
            _ => Some(next),
        })
        .map(|(_, path, text)| (path, text))?;
    Some((path, snippet(&text, terms)))
}

/// A few words of `text` around its first match, the matched words between brackets.
fn snippet(text: &str, terms: &Terms) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = words.iter().position(|w| terms.matches(w)).unwrap_or(0);
    let start = first.saturating_sub(BEFORE);
    let end = (first + AFTER + 1).min(words.len());
    let shown: Vec<String> =
        words[start..end].iter().map(|w| if terms.matches(w) { format!("[{w}]") } else { (*w).to_string() }).collect();
    format!("{}{}{}", if start > 0 { "…" } else { "" }, shown.join(" "), if end < words.len() { "…" } else { "" })
}

#[cfg(test)]
mod tests {
    use folio_model::{CaseStudy, Decision};

    use super::*;

    fn case_study() -> Record {
        Record::CaseStudy(CaseStudy {
            title: "Payments ledger".into(),
            context: "Nightly batches kept balances a day behind.".into(),
            decisions: vec![
                Decision { title: "Postgres first".into(), ..Decision::default() },
                Decision {
                    title: "Transactional outbox".into(),
                    rationale: "Dual writes lost events whenever the broker was down, so the outbox \
                                wrote them in the same transaction as the ledger entry."
                        .into(),
                    ..Decision::default()
                },
            ],
            ..CaseStudy::default()
        })
    }

    #[test]
    fn finds_the_field_holding_the_words_with_its_path_and_a_snippet_of_it_alone() {
        let (path, snippet) = locate(&case_study(), &Terms::new("broker down")).unwrap();
        assert_eq!(path, "decisions[1].rationale");
        assert_eq!(snippet, "…writes lost events whenever the [broker] was [down,] so the outbox wrote them in the…");
        assert!(!snippet.contains("Nightly"), "a snippet never runs fields together");
    }

    #[test]
    fn the_last_word_matches_as_a_prefix_and_the_field_with_most_words_wins() {
        assert_eq!(locate(&case_study(), &Terms::new("nightly bal")).unwrap().0, "context");
        assert_eq!(locate(&case_study(), &Terms::new("ledger transact")).unwrap().0, "decisions[1].rationale");
        assert_eq!(locate(&case_study(), &Terms::new("payments")).unwrap().0, "title");
    }

    #[test]
    fn nothing_is_found_where_no_field_holds_the_words() {
        assert_eq!(locate(&case_study(), &Terms::new("kubernetes")), None);
    }
}
