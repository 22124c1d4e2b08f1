//! `folio letter draft`: a first draft of an edition's cover letter, saved and printed.

use folio_core::Folio;

use super::print_json;
use crate::args::LetterCommand;
use crate::out::outln;
use crate::CliResult;

pub fn run(folio: &Folio, command: LetterCommand) -> CliResult {
    match command {
        LetterCommand::Draft { edition, json } => {
            let id = folio.edition_by_name(&edition)?.id;
            let letter = folio.draft_letter(id)?.item.letter;
            if json {
                return print_json(&letter);
            }
            for line in [&letter.subject, &letter.salutation].into_iter().filter(|l| !l.is_empty()) {
                outln!("{line}\n");
            }
            outln!("{}\n\n{}", letter.body, letter.closing);
            eprintln!("A draft, saved in the edition: rewrite it in your own words before you send it.");
            Ok(())
        }
    }
}
