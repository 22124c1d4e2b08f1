//! Finding words and phrases in what users type: case-insensitively, at word
//! boundaries ("Go" is not found in "good", "CI/CD" is found in "CI/CD,"), with byte
//! ranges into the original text so that a match can be replaced in place.

use std::ops::Range;

use aho_corasick::AhoCorasick;

/// A text lowercased once, with the way back to the original's byte offsets.
pub(crate) struct Folded<'a> {
    pub original: &'a str,
    pub lower: String,
    /// For each byte of `lower`, the offset of the original character it came from.
    origin: Vec<usize>,
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str) -> Self {
        let mut lower = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
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
    /// ranges of the original text.
    pub fn find(&self, needle: &str) -> Vec<Range<usize>> {
        if needle.is_empty() {
            return Vec::new();
        }
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(pos) = self.lower[from..].find(needle) {
            let start = from + pos;
            let end = start + needle.len();
            if is_boundary(&self.lower, start, end) {
                found.push(self.original_offset(start)..self.original_offset(end));
            }
            from = start + needle.chars().next().map_or(1, char::len_utf8);
        }
        found
    }
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
    if needle.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(pos) = text[from..].find(needle) {
        let start = from + pos;
        if is_boundary(text, start, start + needle.len()) {
            return true;
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// A fixed set of ASCII words and phrases, all found in one pass over a text.
#[derive(Debug)]
pub(crate) struct Phrases {
    automaton: AhoCorasick,
}

impl Phrases {
    /// At most 64 phrases.
    pub fn new(phrases: &[&str]) -> Self {
        assert!(phrases.len() <= 64, "a phrase set is a 64-bit set");
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(phrases)
            .expect("a handful of short phrases always builds");
        Self { automaton }
    }

    /// Which phrases occur in `text` as whole words, as a bit set by their index.
    pub fn found_in(&self, text: &str) -> u64 {
        self.automaton
            .find_overlapping_iter(text)
            .filter(|m| is_boundary(text, m.start(), m.end()))
            .fold(0, |set, m| set | 1 << m.pattern().as_usize())
    }
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
    fn words_are_counted_as_a_reader_would() {
        assert_eq!(word_count("I led the team's re-platform — in 6 months."), 8);
    }
}
