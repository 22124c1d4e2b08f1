//! The images of case studies: `folio image add` and `folio image list`.

use std::path::Path;

use folio_core::Folio;

use super::print_json;
use crate::args::ImageCommand;
use crate::out::outln;
use crate::CliResult;

/// `folio image …`.
pub fn run(folio: &Folio, command: ImageCommand) -> CliResult {
    match command {
        ImageCommand::Add { case_study, path, caption } => add(folio, &case_study, &path, &caption),
        ImageCommand::List { json } => list(folio, json),
    }
}

/// Adds the image after the case study's others and says its place and size.
fn add(folio: &Folio, case_study: &str, path: &Path, caption: &str) -> CliResult {
    let target = folio.case_study_by_id_or_title(case_study)?;
    let stored = folio.attach_image(target.id, path, caption)?;
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
    Ok(())
}

/// Every image kept, with its size and the records that show it.
fn list(folio: &Folio, json: bool) -> CliResult {
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
    Ok(())
}
