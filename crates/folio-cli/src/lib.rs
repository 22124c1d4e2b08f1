//! `folio`: the command-line face of Folio. It calls `folio-core` and nothing below it,
//! so it builds without WebKit and can drive everything the app can do.
//!
//! A library with one entry point, [`main`], so that the desktop app's binary can also
//! be the command: the Linux packages install `folio` as a two-line script that runs
//! `folio-desktop` under the name `folio`, rather than a second copy of everything the
//! two share (fonts, renderer, SQLite).
//!
//! `run` only dispatches: the arguments are in `args`, each subcommand or family of
//! subcommands in a module of `commands`, and the terminal forms of the coach's
//! reports in `coach`.
//!
//! Errors print `error: …` on stderr and exit 1; usage errors exit 2 (clap's own).
//! `--json` output is the same JSON the desktop app receives, documented in the README.

use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;

mod args;
mod coach;
mod commands;
mod out;
use args::{Cli, Command, LookArgs};
use commands::{check, data, edition, exports, image, info, letter, linkedin, pdf, profile, records};
use folio_core::Folio;

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

/// Runs one subcommand. The database is opened once, and only for the subcommands
/// that read or write it.
fn run(cli: Cli) -> CliResult<ExitCode> {
    match &cli.command {
        Command::Themes => return info::themes(),
        Command::Completions { shell } => return info::completions(*shell),
        Command::ManPages { dir } => return info::man_pages(dir),
        _ => {}
    }
    let path = match cli.db {
        Some(path) => path,
        None => folio_core::default_database_path()?,
    };
    let folio = Folio::open_with(&path, Duration::from_millis(cli.busy_timeout))?;
    match cli.command {
        Command::Demo { force } => data::demo(&folio, &path, force)?,
        Command::List { kind, json } => records::list(&folio, kind, json)?,
        Command::Search { query, json } => records::search(&folio, &query, json)?,
        Command::Stats { json } => records::stats(&folio, json)?,
        Command::Pdf { path, look, json } => pdf::pdf(&folio, &path, look, json)?,
        Command::AtsCheck { look, text, json } => pdf::ats_check(&folio, look, text, json)?,
        Command::Themes | Command::Completions { .. } | Command::ManPages { .. } => {
            unreachable!("handled before opening the database")
        }
        Command::Import { path, merge, replace, dry_run, json } => {
            data::import(&folio, &path, merge, replace, dry_run, json)?
        }
        Command::Export { path, format, document, edition, theme, paper, json } => {
            let look = LookArgs { edition, theme, paper, format: document };
            pdf::export(&folio, &path, format, look, json)?
        }
        Command::Backup { path } => data::backup(&folio, &path)?,
        Command::Restore { path } => data::restore(&folio, &path)?,
        Command::Image(command) => image::run(&folio, command)?,
        Command::Profile(command) => profile::run(&folio, command)?,
        Command::Letter(command) => letter::run(&folio, command)?,
        Command::Linkedin { edition, copy, json } => linkedin::linkedin(&folio, edition, copy, json)?,
        Command::Check { edition, json, strict } => return check::check(&folio, edition, json, strict),
        Command::Match { edition, posting, json } => check::match_posting(&folio, &edition, &posting, json)?,
        Command::Edition(command) => edition::run(&folio, command)?,
        Command::Exports { show, edition, json } => exports::run(&folio, show, edition, json)?,
    }
    Ok(ExitCode::SUCCESS)
}
