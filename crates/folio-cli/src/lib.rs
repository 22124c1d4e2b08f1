//! `folio`: the command-line face of Folio. It calls `folio-core` and nothing below it,
//! so it builds without WebKit and can drive everything the app can do.
//!
//! A library with one entry point, [`main`], so that the desktop app's binary can also
//! be the command: the Linux packages install `folio` as a two-line script that runs
//! `folio-desktop` under the name `folio`, rather than a second copy of everything the
//! two share (fonts, renderer, SQLite).
//!
//! Errors print `error: …` on stderr and exit 1; usage errors exit 2 (clap's own).
//! `--json` output is the same JSON the desktop app receives, documented in the README.

use std::process::ExitCode;
use std::time::Duration;

use clap::{CommandFactory, Parser};

mod args;
mod coach;
mod out;
use args::{Cli, Command, EditionCommand, ExportsCommand, FormatArg, ImageCommand, ListKind, ProfileCommand, Switch};
use folio_core::{ExportRequest, FileFormat, Folio, ImportMode, Severity, Stats};
use folio_model::{CaseStudy, Edition, Entity, ErrorCode, Experience, Recommendation, Redaction, Skill, Stored};
use out::outln;
use serde::Serialize;

type CliResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// Runs `folio` with the process's arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> CliResult<ExitCode> {
    match &cli.command {
        Command::Themes => {
            for theme in folio_core::themes() {
                outln!("{:<10} {}", theme.name, theme.description);
            }
            return Ok(ExitCode::SUCCESS);
        }
        Command::Completions { shell } => {
            clap_complete::generate(*shell, &mut Cli::command(), "folio", &mut std::io::stdout());
            return Ok(ExitCode::SUCCESS);
        }
        Command::ManPages { dir } => {
            std::fs::create_dir_all(dir)?;
            clap_mangen::generate_to(Cli::command(), dir)?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let path = match cli.db {
        Some(path) => path,
        None => folio_core::default_database_path()?,
    };
    let folio = Folio::open_with(&path, Duration::from_millis(cli.busy_timeout))?;
    match cli.command {
        Command::Demo { force } => {
            let stats = folio.load_demo(force)?;
            outln!("Loaded the example portfolio into {}:", path.display());
            print_stats(&stats);
        }
        Command::List { kind, json } => match kind {
            ListKind::CaseStudies => list::<CaseStudy>(&folio, json, |c| {
                line(&c.title, &[&c.organisation, &c.role, &folio_model::period(c.start, c.end)])
            })?,
            ListKind::Recommendations => list::<Recommendation>(&folio, json, |r| {
                line(
                    &r.author_name,
                    &[&r.author_title, r.relationship.label(), if r.consent { "" } else { "no consent" }],
                )
            })?,
            ListKind::Skills => {
                list::<Skill>(&folio, json, |s| line(&s.name, &[s.area.label(), &format!("level {}", s.level)]))?
            }
            ListKind::Experience => list::<Experience>(&folio, json, |e| {
                line(&e.title, &[&e.organisation, &folio_model::period(e.start, e.end)])
            })?,
            ListKind::Editions => list::<Edition>(&folio, json, |e| {
                let selected = match e.case_studies.len() {
                    0 => "all case studies".to_string(),
                    n => format!("{n} case studies"),
                };
                line(&e.name, &[&e.theme, &selected])
            })?,
        },
        Command::Search { query, json } => {
            let hits = folio.search(&query.join(" "), 20)?;
            if json {
                print_json(&hits)?;
            } else if hits.is_empty() {
                outln!("Nothing matches \"{}\".", query.join(" "));
            }
            for hit in hits.iter().filter(|_| !json) {
                outln!("{:<15} {}\n                {}", hit.kind.as_str(), hit.title, hit.snippet.replace('\n', " "));
            }
        }
        Command::Pdf { path, look, json } => {
            let request = request(&folio, look)?;
            let report = folio.export_pdf(&path, &request)?;
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
        }
        Command::AtsCheck { look, text, json } => {
            let request = request(&folio, look)?;
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
        }
        Command::Themes | Command::Completions { .. } | Command::ManPages { .. } => {
            unreachable!("handled before opening the database")
        }
        Command::Import { path, merge, replace, dry_run, json } => {
            let mode = match (merge, replace) {
                (true, _) => Some(ImportMode::Merge),
                (_, true) => Some(ImportMode::Replace),
                _ => None,
            };
            let report = match folio.import_file(&path, mode, dry_run) {
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
                for note in &report.notes {
                    outln!("  not imported: {} {}", note.path, note.message);
                }
            }
        }
        Command::Export { path, format, edition } => {
            let edition = edition.map(|name| folio.edition_by_name(&name)).transpose()?;
            let format = match format {
                FormatArg::Folio => FileFormat::Folio,
                FormatArg::JsonResume => FileFormat::JsonResume,
            };
            let bytes = folio.export_file(&path, format, edition.map(|e| e.id))?;
            outln!("Wrote {} ({bytes} bytes)", path.display());
        }
        Command::Backup { path } => {
            folio.backup_database(&path)?;
            outln!("Backed up {} to {}", folio.database_path().unwrap_or_default().display(), path.display());
        }
        Command::Restore { path } => {
            let kept = folio.restore_database(&path)?;
            outln!(
                "Restored {} from {}; the previous content is kept in {}",
                folio.database_path().unwrap_or_default().display(),
                path.display(),
                kept.display()
            );
        }
        Command::Image(ImageCommand::Add { case_study, path, caption }) => {
            let target = folio.case_study_by_id_or_title(&case_study)?;
            let stored = folio.attach_image(target.id, &path, &caption)?;
            let image = stored.item.images.last().expect("just added");
            let asset = folio.asset(image.asset)?.0;
            outln!(
                "Added {} to \"{}\" as image {} ({}×{} {})",
                path.display(),
                stored.item.title,
                stored.item.images.len(),
                asset.width,
                asset.height,
                asset.media_type.name()
            );
        }
        Command::Image(ImageCommand::List { json }) => {
            let uses = folio.image_uses()?;
            if json {
                print_json(&uses)?;
            } else if uses.is_empty() {
                outln!("No images yet.");
            }
            for u in uses.iter().filter(|_| !json) {
                let a = &u.asset;
                let shown = if u.shown_in.is_empty() { "not shown".to_string() } else { u.shown_in.join("; ") };
                outln!(
                    "{}  {:<24} {:>4}×{:<4} {:>6} KB  {}",
                    a.id,
                    a.original_name,
                    a.width,
                    a.height,
                    a.byte_len.div_ceil(1024),
                    shown
                );
            }
        }
        Command::Profile(ProfileCommand::Photo { path, remove }) => {
            let profile = folio.set_profile_photo(if remove { None } else { path.as_deref() })?;
            match profile.photo {
                Some(id) => {
                    let asset = folio.asset(id)?.0;
                    outln!("The profile photo is now {} ({}×{})", asset.original_name, asset.width, asset.height);
                }
                None => outln!("The profile has no photo now."),
            }
        }
        Command::Stats { json } => {
            let stats = folio.stats()?;
            if json {
                print_json(&stats)?;
            } else {
                print_stats(&stats);
            }
        }
        Command::Check { edition, json, strict } => {
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
        }
        Command::Match { edition, posting, json } => {
            let edition = folio.edition_by_name(&edition)?;
            let text = folio_core::read_text_file(&posting, "posting", folio_model::limits::LONG_TEXT)?;
            let report = folio.match_posting(edition.id, Some(&text))?;
            if json {
                print_json(&report)?;
            } else {
                coach::print_match(&edition.item.name, &report);
            }
        }
        Command::Edition(EditionCommand::Redact { name, org, replacement, remove }) => {
            let stored = folio.edition_by_name(&name)?;
            let mut edition = stored.item.clone();
            let same = |r: &Redaction| r.organisation.trim().to_lowercase() == org.trim().to_lowercase();
            if remove {
                if !edition.redactions.iter().any(same) {
                    return Err(format!(
                        "\"{}\" does not redact \"{}\"; nothing was changed",
                        edition.name,
                        org.trim()
                    )
                    .into());
                }
                edition.redactions.retain(|r| !same(r));
            } else {
                let redaction = Redaction {
                    organisation: org.trim().to_string(),
                    replacement: replacement.unwrap_or_default().trim().to_string(),
                };
                match edition.redactions.iter_mut().find(|r| same(r)) {
                    Some(existing) => *existing = redaction,
                    None => edition.redactions.push(redaction),
                }
            }
            let saved = folio.update(stored.id, &edition)?;
            match (remove, saved.item.redactions.iter().find(|r| same(r))) {
                (false, Some(r)) => {
                    outln!("\"{}\" now names {} as \"{}\"", saved.item.name, r.organisation, r.replacement)
                }
                _ => outln!("\"{}\" names {} again", saved.item.name, org.trim()),
            }
        }
        Command::Edition(EditionCommand::Set { name, relative_metrics, internal_links }) => {
            let stored = folio.edition_by_name(&name)?;
            let mut edition = stored.item.clone();
            if relative_metrics.is_none() && internal_links.is_none() {
                return Err("say what to set: --relative-metrics on|off or --internal-links on|off".into());
            }
            if let Some(on) = relative_metrics {
                edition.relative_metrics = on == Switch::On;
            }
            if let Some(on) = internal_links {
                edition.internal_links = on == Switch::On;
            }
            let saved = folio.update(stored.id, &edition)?.item;
            let word = |on: bool| if on { "on" } else { "off" };
            outln!(
                "\"{}\": relative metrics {}, internal links {}",
                saved.name,
                word(saved.relative_metrics),
                word(saved.internal_links)
            );
        }
        Command::Exports { show: None, edition, json } => {
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
        }
        Command::Exports { show: Some(ExportsCommand::Show { id, pdf, json }), .. } => {
            let id = uuid::Uuid::parse_str(id.trim())
                .map_err(|_| format!("\"{id}\" is not an export id; see `folio exports`"))?;
            let record = folio.export_record(id)?;
            let snapshot = folio.export_snapshot(id)?;
            if json {
                print_json(&snapshot)?;
            } else {
                coach::print_snapshot(&record, &snapshot, &when(record.exported_at));
            }
            if let Some(path) = pdf {
                let same = folio.reprint_export(id, &path)?;
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
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A time in the local time zone: "2026-11-25 19:42".
fn when(millis: i64) -> String {
    jiff::Timestamp::from_millisecond(millis)
        .map(|t| t.to_zoned(jiff::tz::TimeZone::system()).strftime("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

fn list<E: Entity>(folio: &Folio, json: bool, describe: impl Fn(&E) -> String) -> CliResult {
    let records: Vec<Stored<E>> = folio.list()?;
    if json {
        return print_json(&records);
    }
    if records.is_empty() {
        outln!("None yet.");
    }
    for (i, record) in records.iter().enumerate() {
        outln!("{:>3}. {}", i + 1, describe(&record.item));
    }
    Ok(())
}

/// "Title — a · b", leaving out empty parts.
fn line(title: &str, details: &[&str]) -> String {
    let details: Vec<_> = details.iter().map(|d| d.trim()).filter(|d| !d.is_empty()).collect();
    if details.is_empty() {
        title.to_string()
    } else {
        format!("{title} — {}", details.join(" · "))
    }
}

fn print_json(value: &impl Serialize) -> CliResult {
    outln!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

fn print_stats(s: &Stats) {
    let rows = [
        ("case studies", s.case_studies),
        ("recommendations", s.recommendations),
        ("skills", s.skills),
        ("experience", s.experience),
        ("certifications", s.certifications),
        ("education", s.education),
        ("writing & talks", s.writing),
        ("editions", s.editions),
        ("in the trash", s.trash),
    ];
    for (label, n) in rows {
        outln!("  {n:>5}  {label}");
    }
}

/// The export request the options name: the edition looked up by its name.
fn request(folio: &Folio, look: args::LookArgs) -> Result<ExportRequest, folio_core::Error> {
    let edition = look.edition.map(|name| folio.edition_by_name(&name)).transpose()?;
    Ok(ExportRequest {
        edition: edition.map(|e| e.id),
        theme: look.theme,
        paper: look.paper.map(Into::into),
        format: look.format.map(Into::into),
    })
}
