//! One module per subcommand or family of subcommands. Each takes the parsed
//! arguments and the open [`Folio`](folio_core::Folio), calls it, and prints text or
//! `--json`; the printing they share is here.

pub mod check;
pub mod data;
pub mod edition;
pub mod exports;
pub mod image;
pub mod info;
pub mod letter;
pub mod linkedin;
pub mod pdf;
pub mod profile;
pub mod records;

use folio_core::Stats;
use serde::Serialize;

use crate::out::outln;
use crate::CliResult;

/// Prints a value as the pretty JSON of `--json`, the same the desktop app receives.
fn print_json(value: &impl Serialize) -> CliResult {
    outln!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// Prints the count of each kind of record, one right-aligned line each.
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
