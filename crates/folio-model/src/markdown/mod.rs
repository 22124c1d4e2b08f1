//! Markdown as Folio reads it, the same for every document it writes: the blocks of
//! styled spans that long text becomes ([`parse`], in `blocks.rs`), and the one rule
//! for links written inside it: like a link field, a link may only lead to a web page
//! (`http`, `https`) or an e-mail (`mailto`). Anything else — `javascript:`, `file:`,
//! a path relative to wherever the document is opened — would become a link action in
//! every PDF, Word file and JSON Resume the text goes into.

mod blocks;

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

pub use blocks::{parse, plain_text, Block, Inline};

/// Whether `url` may be the target of a link: an absolute http(s) address with a host,
/// or a mailto address.
pub fn is_allowed_link(url: &str) -> bool {
    match url::Url::parse(url.trim()) {
        Ok(u) if matches!(u.scheme(), "http" | "https") => u.host().is_some(),
        Ok(u) => u.scheme() == "mailto",
        Err(_) => false,
    }
}

/// Text that cannot hold a link is not parsed: most fields are plain words.
fn may_hold_a_link(text: &str) -> bool {
    text.contains("](") || text.contains("]:") || text.contains("][") || text.contains('<')
}

/// The targets of links (and images) in `text` that [`is_allowed_link`] refuses.
pub fn refused_links(text: &str) -> Vec<String> {
    if !may_hold_a_link(text) {
        return Vec::new();
    }
    Parser::new(text)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) if !is_allowed_link(&dest_url) => {
                Some(dest_url.into_string())
            }
            _ => None,
        })
        .collect()
}

/// A refused link as the reader meets it: its whole source, the source of its words,
/// its target, and how many elements deep inside it the reader is.
struct RefusedLink {
    whole: Range<usize>,
    words: Option<Range<usize>>,
    target: String,
    depth: usize,
}

/// `text` with every refused link replaced by its words (`[site](file:///x)` becomes
/// `site`), and the targets removed; `None` when there was none. Words left behind can
/// form a link of their own (`[[a](javascript:x)](javascript:y)`), so this repeats
/// until none is left; the text shrinks each time.
pub fn without_refused_links(text: &str) -> Option<(String, Vec<String>)> {
    let (mut kept, mut targets) = one_pass(text)?;
    while let Some((again, more)) = one_pass(&kept) {
        kept = again;
        targets.extend(more);
    }
    Some((kept, targets))
}

fn one_pass(text: &str) -> Option<(String, Vec<String>)> {
    if !may_hold_a_link(text) {
        return None;
    }
    let mut refused: Vec<RefusedLink> = Vec::new();
    let mut open: Option<RefusedLink> = None;
    for (event, range) in Parser::new(text).into_offset_iter() {
        let Some(link) = &mut open else {
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
                if !is_allowed_link(&dest_url) {
                    open = Some(RefusedLink { whole: range, words: None, target: dest_url.into_string(), depth: 0 });
                }
            }
            continue;
        };
        match event {
            Event::End(_) if link.depth == 0 => {
                refused.extend(open.take());
                continue;
            }
            Event::Start(_) => link.depth += 1,
            Event::End(_) => link.depth -= 1,
            _ => {}
        }
        link.words = Some(match link.words.take() {
            Some(w) => w.start.min(range.start)..w.end.max(range.end),
            None => range,
        });
    }
    if refused.is_empty() {
        return None;
    }
    let mut out = text.to_string();
    for link in refused.iter().rev() {
        let words = link.words.clone().map(|w| &text[w]).unwrap_or_default();
        out.replace_range(link.whole.clone(), words);
    }
    Some((out, refused.into_iter().map(|link| link.target).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_and_mail_links_are_allowed_and_nothing_else() {
        for ok in ["https://example.com/a", "http://example.com", "mailto:maya@example.com"] {
            assert!(is_allowed_link(ok), "{ok}");
        }
        for refused in ["javascript:alert(1)", "file:///etc/passwd", "example.com", "../cv.pdf", "https://", ""] {
            assert!(!is_allowed_link(refused), "{refused}");
        }
    }

    #[test]
    fn refused_links_are_found_in_every_markdown_form() {
        let text = "See [x](javascript:alert(1)), <file:///etc/passwd>, [ok](https://example.com) \
                    and [ref][1].\n\n[1]: data:text/html,hi";
        assert_eq!(refused_links(text), ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi"]);
        assert!(refused_links("Plain words, 3 < 4 and [brackets].").is_empty());
    }

    #[test]
    fn a_refused_link_keeps_its_words_and_loses_its_target() {
        let (text, targets) =
            without_refused_links("See [the **design**](javascript:alert(1)) and [ok](https://example.com).").unwrap();
        assert_eq!(text, "See the **design** and [ok](https://example.com).");
        assert_eq!(targets, ["javascript:alert(1)"]);
        assert!(refused_links(&text).is_empty());
        assert_eq!(without_refused_links("[](file:///x)").unwrap().0, "");
        assert_eq!(without_refused_links("Nothing to change [ok](https://example.com)"), None);
        let (text, _) =
            without_refused_links("[[a](javascript:x)](javascript:y) ![[b](javascript:1)](file:///y)").unwrap();
        assert!(refused_links(&text).is_empty(), "{text}");
    }
}
