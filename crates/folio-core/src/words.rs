//! Finding words and phrases in what users type: case-insensitively, at word
//! boundaries ("Go" is not found in "good", "CI/CD" is found in "CI/CD,"), with byte
//! ranges into the original text so that a match can be replaced in place.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

/// A text lowercased once, its spaces and hyphens folded, with the way back to the
/// original's byte offsets.
pub(crate) struct Folded<'a> {
    pub original: &'a str,
    pub lower: String,
    /// For each byte of `lower`, the offset of the original character it came from.
    origin: Vec<usize>,
}

/// What separates the words of a name however it is typed: "Acme Payments",
/// "Acme-Payments", "Acme\nPayments" (a wrapped line), a no-break space.
fn is_name_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–')
}

impl<'a> Folded<'a> {
    /// Lowercases `original`, reading every run of spaces and hyphens as one space, so
    /// that a name is found however its words are joined.
    pub fn new(original: &'a str) -> Self {
        let mut lower = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
            if is_name_separator(c) {
                if !lower.ends_with(' ') {
                    lower.push(' ');
                    origin.push(at);
                }
                continue;
            }
            let before = lower.len();
            lower.extend(c.to_lowercase());
            origin.extend(std::iter::repeat_n(at, lower.len() - before));
        }
        Self { original, lower, origin }
    }

    fn original_offset(&self, lower_offset: usize) -> usize {
        self.origin.get(lower_offset).copied().unwrap_or(self.original.len())
    }

    /// Where `needle` (already lowercase) occurs as a whole word or phrase, as byte
    /// ranges of the original text that never overlap.
    pub fn find(&self, needle: &str) -> Vec<Range<usize>> {
        hits(&self.lower, needle).map(|r| self.original_offset(r.start)..self.original_offset(r.end)).collect()
    }
}

/// The non-overlapping places where the lowercase `needle` stands as a whole word or
/// phrase in the lowercase `text`.
fn hits<'t>(text: &'t str, needle: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        if needle.is_empty() {
            return None;
        }
        while let Some(pos) = text.get(from..)?.find(needle) {
            let (start, end) = (from + pos, from + pos + needle.len());
            if is_boundary(text, start, end) {
                from = end;
                return Some(start..end);
            }
            from = start + needle.chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `text[start..end]` stands alone: no letter or digit touches it on either
/// side (a needle that itself ends in a symbol, like "C++", is bounded by that symbol).
pub(crate) fn is_boundary(text: &str, start: usize, end: usize) -> bool {
    let needle = &text[start..end];
    let before_ok = !needle.starts_with(is_word_char) || !text[..start].ends_with(is_word_char);
    let after_ok = !needle.ends_with(is_word_char) || !text[end..].starts_with(is_word_char);
    before_ok && after_ok
}

/// Whether the lowercase `text` holds the lowercase `needle` as a whole word or phrase.
pub(crate) fn contains_word(text: &str, needle: &str) -> bool {
    hits(text, needle).next().is_some()
}

/// A fixed set of words and phrases, all found in one pass over a text, ignoring
/// ASCII case; where two could match at one place, the longest wins ("PCI-DSS" over
/// "PCI").
#[derive(Debug)]
pub(crate) struct Phrases {
    automaton: AhoCorasick,
}

impl Phrases {
    pub fn new<P: AsRef<[u8]>>(phrases: &[P]) -> Self {
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases)
            .expect("short phrases always build");
        Self { automaton }
    }

    /// Each phrase standing as a whole word in `text`: its index and where it is.
    pub fn matches<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, Range<usize>)> + 't {
        self.automaton
            .find_iter(text)
            .filter(|m| is_boundary(text, m.start(), m.end()))
            .map(|m| (m.pattern().as_usize(), m.range()))
    }

    /// Which of (at most 64) phrases occur in `text`, as a bit set by their index.
    pub fn found_in(&self, text: &str) -> u64 {
        self.matches(text).fold(0, |set, (i, _)| set | 1 << i)
    }
}

/// Whether `text` has any of `words` (lowercase) as a whole word, ignoring ASCII case.
/// Faster than searching for each: one pass over the text's words.
pub(crate) fn has_any_word(text: &str, words: &[&str]) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| !w.is_empty() && words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// How many words a text has, the way a reader counts them.
pub(crate) fn word_count(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_whole_and_regardless_of_case() {
        let text = Folded::new("Good Go code; we go. GOLANG too, and Go!");
        let hits: Vec<_> = text.find("go").iter().map(|r| &text.original[r.clone()]).collect();
        assert_eq!(hits, ["Go", "go", "Go"]);
    }

    #[test]
    fn symbols_bound_themselves() {
        assert!(contains_word("we ship with ci/cd, daily", "ci/cd"));
        assert!(contains_word("modern c++ and c#", "c++"));
        assert!(contains_word("modern c++ and c#", "c#"));
        assert!(!contains_word("scala", "c"));
    }

    #[test]
    fn ranges_point_into_the_original_even_after_case_folding_changes_lengths() {
        // 'İ' lowercases to two characters; the range must still cover "Acme".
        let text = Folded::new("İstanbul office of Acme");
        let r = text.find("acme").pop().unwrap();
        assert_eq!(&text.original[r], "Acme");
    }

    #[test]
    fn a_name_is_found_however_its_words_are_joined() {
        let text = Folded::new("Acme\nPayments, Acme-Payments and Acme\u{a0}Payments");
        let hits: Vec<_> = text.find("acme payments").iter().map(|r| &text.original[r.clone()]).collect();
        assert_eq!(hits, ["Acme\nPayments", "Acme-Payments", "Acme\u{a0}Payments"]);
    }

    #[test]
    fn repeated_words_give_hits_that_never_overlap() {
        let text = Folded::new("Talk Talk Talk");
        assert_eq!(text.find("talk talk"), vec![0..9]);
    }

    #[test]
    fn the_longest_phrase_wins_at_one_place() {
        let phrases = Phrases::new(&["pci", "pci-dss"]);
        let found: Vec<_> = phrases.matches("PCI-DSS and pci").map(|(i, _)| i).collect();
        assert_eq!(found, [1, 0]);
    }

    #[test]
    fn words_are_counted_as_a_reader_would() {
        assert_eq!(word_count("I led the team's re-platform — in 6 months."), 8);
    }
}
