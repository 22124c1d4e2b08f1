//! The Markdown users type in long text — paragraphs, bullet and numbered lists, bold,
//! italic, links — read with pulldown-cmark into blocks of styled spans. Anything
//! richer (headings, quotes, code) keeps its words as plain paragraphs.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;
use ts_rs::TS;

/// A piece of inline text and its emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
pub struct Inline {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
#[ts(rename = "MarkdownBlock")]
pub enum Block {
    Paragraph {
        text: Vec<Inline>,
    },
    /// A list item: its marker ("•" or "3.") and nesting depth (0 = top level).
    Item {
        marker: String,
        depth: usize,
        text: Vec<Inline>,
    },
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    current: Vec<Inline>,
    bold: usize,
    italic: usize,
    link: Option<String>,
    /// For each open list, the next number (`None` for bullets).
    lists: Vec<Option<u64>>,
    /// The marker of the item being read, until its first text is flushed.
    item: Option<String>,
}

impl Reader {
    fn push_text(&mut self, text: &str) {
        let (bold, italic, link) = (self.bold > 0, self.italic > 0, self.link.clone());
        match self.current.last_mut() {
            Some(last) if last.bold == bold && last.italic == italic && last.link == link => last.text.push_str(text),
            _ => self.current.push(Inline { text: text.to_string(), bold, italic, link }),
        }
    }

    fn flush(&mut self) {
        let text: Vec<Inline> = std::mem::take(&mut self.current).into_iter().flat_map(link_bare_urls).collect();
        if text.iter().all(|i| i.text.trim().is_empty()) {
            return;
        }
        match self.item.take() {
            Some(marker) => self.blocks.push(Block::Item { marker, depth: self.lists.len().saturating_sub(1), text }),
            None if !self.lists.is_empty() => {
                // A second paragraph inside a list item: indent it like an item without a marker.
                self.blocks.push(Block::Item { marker: String::new(), depth: self.lists.len() - 1, text })
            }
            None => self.blocks.push(Block::Paragraph { text }),
        }
    }
}

/// Splits an inline that is no link already so that each web address typed in it as
/// it is (`https://…`) becomes a link to itself; punctuation after it stays text.
fn link_bare_urls(inline: Inline) -> Vec<Inline> {
    if inline.link.is_some() || !inline.text.contains("http") {
        return vec![inline];
    }
    let mut out = Vec::new();
    let mut rest = inline.text.as_str();
    let piece = |text: &str, link: Option<String>| Inline { text: text.to_string(), link, ..inline.clone() };
    while let Some(start) = rest.find("https://").into_iter().chain(rest.find("http://")).min() {
        let end = rest[start..].find(char::is_whitespace).map_or(rest.len(), |e| start + e);
        let url = rest[start..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '”', '’']);
        let end = start + url.len();
        if start > 0 {
            out.push(piece(&rest[..start], None));
        }
        let allowed = url.len() > "https://".len() && super::is_allowed_link(url);
        out.push(piece(url, allowed.then(|| url.to_string())));
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push(piece(rest, None));
    }
    out
}

/// Reads Markdown into blocks.
pub fn parse(markdown: &str) -> Vec<Block> {
    let mut r = Reader::default();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Strong) => r.bold += 1,
            Event::End(TagEnd::Strong) => r.bold = r.bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => r.italic += 1,
            Event::End(TagEnd::Emphasis) => r.italic = r.italic.saturating_sub(1),
            // A link Folio would refuse to store (text kept from an older version, a
            // snapshot) keeps its words but never becomes a link action.
            Event::Start(Tag::Link { dest_url, .. }) => {
                r.link = super::is_allowed_link(&dest_url).then(|| dest_url.to_string())
            }
            Event::End(TagEnd::Link) => r.link = None,
            Event::Start(Tag::List(start)) => {
                r.flush();
                r.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                r.flush();
                r.lists.pop();
            }
            Event::Start(Tag::Item) => {
                r.flush();
                let marker = match r.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "•".to_string(),
                };
                r.item = Some(marker);
            }
            Event::End(TagEnd::Item | TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock) => r.flush(),
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) | Event::Html(text) => r.push_text(&text),
            Event::SoftBreak => r.push_text(" "),
            Event::HardBreak => r.push_text("\n"),
            _ => {}
        }
    }
    r.flush();
    r.blocks
}

/// The words of a Markdown text without its markup, for tests and search.
pub fn plain_text(markdown: &str) -> String {
    parse(markdown)
        .into_iter()
        .map(|b| match b {
            Block::Paragraph { text: t } | Block::Item { text: t, .. } => {
                t.into_iter().map(|i| i.text).collect::<String>()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_emphasis() {
        let blocks = parse("We **cut** latency.\n\n- one\n- *two*\n\n1. first\n2. second");
        assert_eq!(blocks.len(), 5);
        match &blocks[0] {
            Block::Paragraph { text: t } => {
                assert_eq!(
                    t.iter().map(|i| (i.text.as_str(), i.bold)).collect::<Vec<_>>(),
                    [("We ", false), ("cut", true), (" latency.", false)]
                )
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&blocks[2], Block::Item { marker, text, .. } if marker == "•" && text[0].italic));
        assert!(matches!(&blocks[4], Block::Item { marker, .. } if marker == "2."));
    }

    #[test]
    fn links_keep_their_target() {
        let blocks = parse("See [the RFC](https://example.com/rfc).");
        let Block::Paragraph { text: t } = &blocks[0] else { panic!() };
        assert_eq!(t[1].link.as_deref(), Some("https://example.com/rfc"));
        assert_eq!(t[1].text, "the RFC");
    }

    #[test]
    fn links_to_anything_but_web_or_mail_keep_their_words_only() {
        let blocks = parse("[x](javascript:alert(1)) [y](file:///etc/passwd) [z](cv.pdf) [m](mailto:a@example.com)");
        let Block::Paragraph { text: t } = &blocks[0] else { panic!() };
        let links: Vec<_> = t.iter().filter_map(|i| i.link.as_deref()).collect();
        assert_eq!(links, ["mailto:a@example.com"]);
        assert_eq!(plain_text("[x](javascript:alert(1)) [y](file:///etc/passwd)"), "x y");
    }

    #[test]
    fn a_web_address_typed_in_text_is_a_link_to_itself_without_the_full_stop_after_it() {
        let blocks = parse("Notes at https://example.com/notes_v2?x=1. And **see http://example.org**");
        let Block::Paragraph { text: t } = &blocks[0] else { panic!() };
        let linked: Vec<_> = t.iter().filter_map(|i| Some((i.text.as_str(), i.link.as_deref()?, i.bold))).collect();
        assert_eq!(
            linked,
            [
                ("https://example.com/notes_v2?x=1", "https://example.com/notes_v2?x=1", false),
                ("http://example.org", "http://example.org", true)
            ]
        );
        assert_eq!(
            plain_text("Notes at https://example.com/notes_v2?x=1. And **see http://example.org**"),
            "Notes at https://example.com/notes_v2?x=1. And see http://example.org"
        );
    }

    #[test]
    fn html_is_kept_as_its_text() {
        assert_eq!(plain_text("<img src=x onerror=alert(1)>"), "<img src=x onerror=alert(1)>");
    }

    #[test]
    fn blocks_serialise_for_the_editor_preview() {
        let json = serde_json::to_value(parse("Hi **you**\n\n- item")).unwrap();
        assert_eq!(json[0]["type"], "paragraph");
        assert_eq!(json[0]["text"][1]["bold"], true);
        assert_eq!(json[1]["type"], "item");
        assert_eq!(json[1]["marker"], "•");
    }
}
