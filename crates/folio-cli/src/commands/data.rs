//! The portfolio as a whole, in and out: `folio demo`, `folio import`, `folio export`,
//! `folio backup` and `folio restore`.

use std::path::Path;

use folio_core::{FileFormat, Folio, ImportMode};
use folio_model::ErrorCode;

use super::{print_json, print_stats};
use crate::out::outln;
use crate::CliResult;

/// `folio demo`: loads the example portfolio into the database at `path`.
pub fn demo(folio: &Folio, path: &Path, force: bool) -> CliResult {
    let stats = folio.load_demo(force)?;
    outln!("Loaded the example portfolio into {}:", path.display());
    print_stats(&stats);
    Ok(())
}

/// `folio import PATH`: reads a Folio backup, a JSON Resume or LinkedIn's export. Into a
/// portfolio that is not empty only with `--merge` or `--replace`; with `--dry-run`,
/// changes nothing.
pub fn import(folio: &Folio, path: &Path, merge: bool, replace: bool, dry_run: bool, json: bool) -> CliResult {
    let mode = match (merge, replace) {
        (true, _) => Some(ImportMode::Merge),
        (_, true) => Some(ImportMode::Replace),
        _ => None,
    };
    let report = match folio.import_file(path, mode, dry_run) {
        Err(e) if e.code() == ErrorCode::NotEmpty => {
            return Err(format!("{e} (--merge or --replace); nothing was changed").into());
        }
        other => other?,
    };
    if json {
        print_json(&report)?;
    } else {
        let verb = if dry_run { "Would import" } else { "Imported" };
        outln!("{verb} from {} ({}):", path.display(), report.format);
        print_stats(&report.records);
        let already_there = report.already_there.records();
        if already_there > 0 {
            let verb = if dry_run { "would be left" } else { "left" };
            outln!("  {already_there} already in the portfolio, {verb} as they are");
        }
        for note in &report.notes {
            outln!("  {}: {}", note.path, note.message);
        }
    }
    Ok(())
}

/// `folio export PATH`: everything as a Folio backup, or the portfolio (or what one
/// edition selects) as a JSON Resume.
pub fn export(folio: &Folio, path: &Path, format: FileFormat, edition: Option<String>) -> CliResult {
    let edition = edition.map(|name| folio.edition_by_name(&name)).transpose()?;
    let bytes = folio.export_file(path, format, edition.map(|e| e.id))?;
    outln!("Wrote {} ({bytes} bytes)", path.display());
    Ok(())
}

/// `folio backup PATH`: a consistent copy of the database file.
pub fn backup(folio: &Folio, path: &Path) -> CliResult {
    folio.backup_database(path)?;
    outln!("Backed up {} to {}", folio.database_path().unwrap_or_default().display(), path.display());
    Ok(())
}

/// `folio restore PATH`: the database replaced by a copy `folio backup` made; the
/// previous one is kept aside, and the message says where.
pub fn restore(folio: &Folio, path: &Path) -> CliResult {
    let kept = folio.restore_database(path)?;
    outln!(
        "Restored {} from {}; the previous content is kept in {}",
        folio.database_path().unwrap_or_default().display(),
        path.display(),
        kept.display()
    );
    Ok(())
}
