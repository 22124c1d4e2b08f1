//! What an applicant tracking system reads in a PDF, found without one: the PDF's text
//! taken item by item in drawing order, as such systems take it ([`extract`]), parsed
//! into the fields of a résumé by their rules ([`read`]), and compared with the fields
//! the document printed ([`compare`]). Pure: bytes in, fields and a report out; no
//! external program, no I/O.
//!
//! The parser is deliberately plain — headings it knows, entries that open with a
//! bold line, dates by their shape — because the systems that read applications are;
//! a document it reads right gives them little room to go wrong.

mod extract;
mod read;
mod score;

use folio_model::fields::Fields;

pub use score::{compare, Misread, Report};

/// Why a PDF could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the PDF could not be read: {0}")]
    Unreadable(String),
}

/// The fields a parser reads in a PDF.
pub fn read(pdf: &[u8]) -> Result<Fields, Error> {
    Ok(read::fields(&extract::lines(extract::items(pdf)?)))
}

/// Reads a PDF and compares what it reads with the fields it printed.
pub fn check(pdf: &[u8], printed: &Fields) -> Result<Report, Error> {
    Ok(compare(printed, &read(pdf)?))
}

/// The PDF's text, line by line in drawing order, as a parser sees it: for showing
/// a user "what an ATS reads".
pub fn text(pdf: &[u8]) -> Result<Vec<String>, Error> {
    Ok(extract::lines(extract::items(pdf)?).iter().map(extract::Line::text).collect())
}
