//! The coach from a terminal: `folio check` (what the portfolio or an edition still
//! lacks) and `folio match` (an edition against a job posting). `crate::coach` prints
//! their reports.

use std::path::Path;
use std::process::ExitCode;

use folio_core::{Folio, Severity};

use super::print_json;
use crate::{coach, CliResult};

/// `folio check`: the coach's report. With `--strict`, exits 1 while a finding of
/// severity error remains.
pub fn check(folio: &Folio, edition: Option<String>, json: bool, strict: bool) -> CliResult<ExitCode> {
    let edition = edition.map(|name| folio.edition_by_name(&name)).transpose()?;
    let report = folio.coach(edition.map(|e| e.id))?;
    if json {
        print_json(&report)?;
    } else {
        coach::print(&report);
    }
    if strict && report.findings.iter().any(|f| f.severity == Severity::Error) {
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// `folio match --edition NAME POSTING`: the posting's terms the edition covers and
/// misses, read from a text file.
pub fn match_posting(folio: &Folio, edition: &str, posting: &Path, json: bool) -> CliResult {
    let edition = folio.edition_by_name(edition)?;
    let text = folio_core::read_text_file(posting, "posting", folio_model::limits::LONG_TEXT)?;
    let report = folio.match_posting(edition.id, Some(&text))?;
    if json {
        print_json(&report)?;
    } else {
        coach::print_match(&edition.item.name, &report);
    }
    Ok(())
}
