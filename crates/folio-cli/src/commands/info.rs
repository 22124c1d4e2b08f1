//! The subcommands that need no database: `folio themes`, `folio completions` and the
//! hidden `folio man-pages`.

use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::args::Cli;
use crate::out::outln;
use crate::CliResult;

/// `folio themes`: each PDF theme's name and description.
pub fn themes() -> CliResult<ExitCode> {
    for theme in folio_core::themes() {
        outln!("{:<10} {}", theme.name, theme.description);
    }
    Ok(ExitCode::SUCCESS)
}

/// `folio completions SHELL`: the completion script, made from the same argument types
/// as `--help`.
pub fn completions(shell: clap_complete::Shell) -> CliResult<ExitCode> {
    clap_complete::generate(shell, &mut Cli::command(), "folio", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}

/// `folio man-pages DIR`: the man pages of `folio` and every subcommand, for packaging.
pub fn man_pages(dir: &Path) -> CliResult<ExitCode> {
    std::fs::create_dir_all(dir)?;
    clap_mangen::generate_to(Cli::command(), dir)?;
    Ok(ExitCode::SUCCESS)
}
