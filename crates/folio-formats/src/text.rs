//! Plain text, for pasting into an application form's boxes: the outline in reading
//! order, one paragraph to a line (a form wraps them itself), a blank line between
//! blocks, section headings in capitals, list items with "- ", links with their
//! address after them.

use folio_model::display_url;
use folio_model::markdown::Inline;

use crate::outline::{Block, Outline};

/// The outline as plain text.
pub fn text(outline: &Outline) -> String {
    outline.lines(|out, block| {
        match block {
            Block::Title(text) | Block::Subtitle(text) => out.push_str(text),
            Block::Heading { level: 1, text } => out.push_str(&words(text).to_uppercase()),
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Fields(text) => out.push_str(&words(text)),
            Block::Item { depth, number, text } => {
                out.push_str(&"  ".repeat(*depth));
                out.push_str(number.as_deref().unwrap_or("-"));
                out.push(' ');
                out.push_str(&words(text));
            }
            Block::Quote { text, by } => {
                out.push_str(&words(text));
                out.push('\n');
                out.push_str(&words(by));
            }
            Block::Figure { alt, caption, .. } => out.push_str(&figure(alt, caption)),
            // A blank line more: plain text has no pages.
            Block::Break => {}
        }
    })
}

/// A figure as words: its caption, then what it shows.
pub(crate) fn figure(alt: &str, caption: &str) -> String {
    match (caption.is_empty(), alt.is_empty()) {
        (false, false) => format!("Figure: {caption} ({alt})"),
        (false, true) => format!("Figure: {caption}"),
        (true, false) => format!("Figure: {alt}"),
        (true, true) => "Figure".into(),
    }
}

/// Runs as text; a link's address follows its words unless they already say it.
fn words(text: &[Inline]) -> String {
    let mut out = String::new();
    for inline in text {
        out.push_str(&inline.text);
        if let Some(url) = &inline.link {
            let shown = inline.text.trim();
            if shown != url && shown != display_url(url) {
                out.push_str(&format!(" ({})", display_url(url)));
            }
        }
    }
    out
}
