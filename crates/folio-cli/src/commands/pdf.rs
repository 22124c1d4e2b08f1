//! The PDF and how a machine reads it: `folio pdf` and `folio ats-check`, which take the
//! same options for which PDF to make.

use std::path::Path;

use folio_core::{ExportRequest, Folio};

use super::print_json;
use crate::args::LookArgs;
use crate::out::outln;
use crate::CliResult;

/// `folio pdf PATH`: writes the PDF and says what was written; the exporter's warnings
/// go to stderr.
pub fn pdf(folio: &Folio, path: &Path, look: LookArgs, json: bool) -> CliResult {
    let request = request(folio, look)?;
    let report = folio.export_pdf(path, &request)?;
    if json {
        print_json(&report)?;
    } else {
        let r = &report.record;
        outln!(
            "Wrote {}: {} pages, {} bytes, {} ms ({} theme, {})",
            r.path,
            r.pages,
            r.bytes,
            report.millis,
            report.theme,
            match report.paper {
                folio_model::Paper::A4 => "A4",
                folio_model::Paper::Letter => "US Letter",
            }
        );
    }
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(())
}

/// `folio ats-check`: the share of fields an applicant tracking system reads right from
/// the PDF, and each misread; with `--text`, first the text as the parser takes it.
pub fn ats_check(folio: &Folio, look: LookArgs, text: bool, json: bool) -> CliResult {
    let request = request(folio, look)?;
    if text {
        for line in folio.ats_text(&request)? {
            outln!("{line}");
        }
    }
    let report = folio.ats_check(&request)?;
    if json {
        print_json(&report)?;
    } else {
        outln!("An ATS reads {}% of the fields right ({} of {}).", report.score, report.right, report.checked);
        for m in &report.misreads {
            outln!(
                "\n{}\n  printed: {}\n  read:    {}",
                m.field,
                m.printed,
                if m.read.is_empty() { "(nothing)" } else { &m.read }
            );
        }
    }
    Ok(())
}

/// The export request the options name: the edition looked up by its name.
fn request(folio: &Folio, look: LookArgs) -> Result<ExportRequest, folio_core::Error> {
    let edition = look.edition.map(|name| folio.edition_by_name(&name)).transpose()?;
    Ok(ExportRequest {
        edition: edition.map(|e| e.id),
        theme: look.theme,
        paper: look.paper.map(Into::into),
        format: look.format.map(Into::into),
    })
}
