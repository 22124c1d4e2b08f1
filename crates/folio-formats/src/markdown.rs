//! Markdown (CommonMark), for version control and for anywhere that renders it: the
//! outline's title as `#`, sections as `##`, entries and case studies as `###`, their
//! parts as `####`; lists as lists, recommendations as block quotes, links as links.
//! Text the user typed is escaped, so that it reads as it was typed. Images are not
//! in the file: a figure is its caption and what it shows, in italics.

use folio_model::markdown::Inline;

use crate::outline::{Block, Outline};
use crate::text::figure;

/// The outline as Markdown.
pub fn markdown(outline: &Outline) -> String {
    outline.lines(|out, block| {
        match block {
            Block::Title(text) => out.push_str(&format!("# {}", escape(text))),
            Block::Subtitle(text) => out.push_str(&format!("**{}**", escape(text))),
            Block::Heading { level, text } => {
                out.push_str(&"#".repeat(usize::from(*level) + 1));
                out.push(' ');
                out.push_str(&inlines(text));
            }
            Block::Paragraph(text) | Block::Fields(text) => out.push_str(&inlines(text)),
            Block::Item { depth, number, text } => {
                // CommonMark nests an item under the content column of its parent.
                out.push_str(&"   ".repeat(*depth));
                out.push_str(number.as_deref().unwrap_or("-"));
                out.push(' ');
                out.push_str(&inlines(text));
            }
            Block::Quote { text, by } => {
                out.push_str(&format!("> {}\n>\n> {}", inlines(text), inlines(by)));
            }
            Block::Figure { alt, caption, .. } => out.push_str(&format!("*{}*", escape(&figure(alt, caption)))),
            Block::Break => out.push_str("---"),
        }
    })
}

/// Runs as Markdown: bold, italic, links.
fn inlines(text: &[Inline]) -> String {
    let mut out = String::new();
    for inline in text {
        // Emphasis markers must touch the words: spaces at the edges stay outside.
        let inner = inline.text.trim();
        if inner.is_empty() {
            out.push_str(&inline.text);
            continue;
        }
        let lead = &inline.text[..inline.text.len() - inline.text.trim_start().len()];
        let trail = &inline.text[inline.text.trim_end().len()..];
        let mut piece = escape(inner);
        if inline.italic {
            piece = format!("*{piece}*");
        }
        if inline.bold {
            piece = format!("**{piece}**");
        }
        if let Some(url) = &inline.link {
            piece = format!("[{piece}](<{}>)", url.replace(['<', '>'], ""));
        }
        out.push_str(lead);
        out.push_str(&piece);
        out.push_str(trail);
    }
    out
}

/// Text with every character Markdown would read as markup escaped; a line that
/// would open a heading, a list or a quote keeps its first character as text too.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '#' | '|' | '~' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. " or "- " at the start of a paragraph would make it a list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    } else if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_markup_reads_as_typed() {
        assert_eq!(escape("C# *and* [x](y)"), "C\\# \\*and\\* \\[x\\](y)");
        assert_eq!(escape("2024. A year"), "2024\\. A year");
        assert_eq!(escape("- not a list"), "\\- not a list");
    }
}
