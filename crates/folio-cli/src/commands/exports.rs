//! The record of past PDF exports: `folio exports` lists them, `folio exports show`
//! prints what one contained and can write its PDF again.

use std::path::Path;

use folio_core::Folio;
use folio_model::Edition;

use super::print_json;
use crate::args::ExportsCommand;
use crate::out::outln;
use crate::{coach, CliResult};

/// `folio exports [show ID]`.
pub fn run(folio: &Folio, command: Option<ExportsCommand>, edition: Option<String>, json: bool) -> CliResult {
    match command {
        None => list(folio, edition, json),
        Some(ExportsCommand::Show { id, pdf, json }) => show(folio, &id, pdf.as_deref(), json),
    }
}

/// The exports, newest first, of one edition or of all; each with its edition's name,
/// or "(whole portfolio)".
fn list(folio: &Folio, edition: Option<String>, json: bool) -> CliResult {
    let edition = edition.map(|name| folio.edition_by_name(&name)).transpose()?;
    let records = folio.exports(edition.map(|e| e.id))?;
    let editions = folio.list::<Edition>()?;
    if json {
        print_json(&records)?;
    } else if records.is_empty() {
        outln!("No exports yet.");
    }
    for r in records.iter().filter(|_| !json) {
        let name = r
            .edition
            .and_then(|id| editions.iter().find(|e| e.id == id))
            .map_or("(whole portfolio)", |e| e.item.name.as_str());
        outln!(
            "{}  {}  {name}\n    {} · {} pages · {} KB",
            r.id,
            when(r.exported_at),
            r.path,
            r.pages,
            r.bytes.div_ceil(1024)
        );
    }
    Ok(())
}

/// What the export `id` contained, from its snapshot. With `pdf`, the PDF is written
/// again from the snapshot, and stderr says whether its bytes are the ones sent.
fn show(folio: &Folio, id: &str, pdf: Option<&Path>, json: bool) -> CliResult {
    let id =
        uuid::Uuid::parse_str(id.trim()).map_err(|_| format!("\"{id}\" is not an export id; see `folio exports`"))?;
    let record = folio.export_record(id)?;
    let snapshot = folio.export_snapshot(id)?;
    if json {
        print_json(&snapshot)?;
    } else {
        coach::print_snapshot(&record, &snapshot, &when(record.exported_at));
    }
    if let Some(path) = pdf {
        let same = folio.reprint_export(id, path)?;
        eprintln!(
            "Wrote {} again from the snapshot: {}",
            path.display(),
            if same {
                "identical to the PDF sent (same SHA-256)"
            } else {
                "the same content; the bytes differ from the PDF sent (an image or Folio's typesetting changed since)"
            }
        );
    }
    Ok(())
}

/// A time in the local time zone: "2026-11-25 19:42".
fn when(millis: i64) -> String {
    jiff::Timestamp::from_millisecond(millis)
        .map(|t| t.to_zoned(jiff::tz::TimeZone::system()).strftime("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}
