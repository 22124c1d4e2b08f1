//! Exported files and how a machine reads the PDF: `folio pdf`, `folio export` and
//! `folio ats-check`, which take the same options for which document to make.

use std::path::Path;

use folio_core::{ExportReport, ExportRequest, FileFormat, Folio};
use folio_model::FileType;

use super::{data, print_json};
use crate::args::{ExportArg, LookArgs};
use crate::out::outln;
use crate::CliResult;

/// `folio pdf PATH`: writes the PDF and says what was written; the exporter's warnings
/// go to stderr.
pub fn pdf(folio: &Folio, path: &Path, look: LookArgs, json: bool) -> CliResult {
    let request = request(folio, look)?;
    written(&folio.export(path, &request)?, json)
}

/// `folio export PATH`: a document as the type asked for, or the one the path's
/// extension names; else the portfolio's data, as a backup or a JSON Resume.
pub fn export(folio: &Folio, path: &Path, format: Option<ExportArg>, look: LookArgs, json: bool) -> CliResult {
    let named = path.extension().and_then(|e| e.to_str()).and_then(FileType::from_extension);
    let Some(file) = format.map_or(named, ExportArg::document) else {
        if look.theme.is_some() || look.paper.is_some() || look.format.is_some() {
            return Err("--document, --theme and --paper are for documents (pdf, docx, txt, md), not data".into());
        }
        let data = if format == Some(ExportArg::JsonResume) { FileFormat::JsonResume } else { FileFormat::Folio };
        return data::export(folio, path, data, look.edition);
    };
    let request = ExportRequest { file: Some(file), ..request(folio, look)? };
    written(&folio.export(path, &request)?, json)
}

/// What an export wrote; its warnings go to stderr.
fn written(report: &ExportReport, json: bool) -> CliResult {
    if json {
        print_json(report)?;
    } else {
        let r = &report.record;
        let paper = match report.paper {
            folio_model::Paper::A4 => "A4",
            folio_model::Paper::Letter => "US Letter",
        };
        let pages = if r.pages > 0 { format!("{} pages, ", r.pages) } else { String::new() };
        outln!("Wrote {}: {pages}{} bytes, {} ms ({} theme, {paper})", r.path, r.bytes, report.millis, report.theme);
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
        file: None,
    })
}
