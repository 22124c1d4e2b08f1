//! The profile: `folio profile photo`.

use folio_core::Folio;

use crate::args::ProfileCommand;
use crate::out::outln;
use crate::CliResult;

/// `folio profile …`.
pub fn run(folio: &Folio, command: ProfileCommand) -> CliResult {
    match command {
        ProfileCommand::Photo { path, remove } => {
            let profile = folio.set_profile_photo(if remove { None } else { path.as_deref() })?;
            match profile.photo {
                Some(id) => {
                    let asset = folio.asset(id)?.0;
                    outln!("The profile photo is now {} ({}×{})", asset.original_name, asset.width, asset.height);
                }
                None => outln!("The profile has no photo now."),
            }
        }
    }
    Ok(())
}
