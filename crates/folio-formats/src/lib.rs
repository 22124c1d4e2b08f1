//! Folio's documents as files to edit and to paste: Word, plain text and Markdown.
//!
//! Each is written from one [`Outline`]: the document's blocks in reading order, the
//! order the PDF prints them in. This crate never reads a database or a file; it
//! turns a [`folio_model::Portfolio`] (already tailored and redacted) into bytes.

mod docx;
mod markdown;
mod outline;
mod package;
mod text;

pub use docx::{docx, Error, Font, Look, Picture, Pictures};
pub use markdown::markdown;
pub use outline::{outline, plain, Block, Outline, SEPARATOR};
pub use text::text;
