//! `folio linkedin`: the LinkedIn kit — each field's text with its counter against
//! LinkedIn's limit, which were copied and which no longer read as the portfolio would;
//! `--copy FIELD` prints one field alone and remembers it as copied.

use folio_core::{Folio, KitUnit};

use super::print_json;
use crate::out::outln;
use crate::CliResult;

pub fn linkedin(folio: &Folio, edition: Option<String>, copy: Option<String>, json: bool) -> CliResult {
    let edition = edition.map(|name| folio.edition_by_name(&name)).transpose()?.map(|e| e.id);
    if let Some(key) = copy {
        let field = folio.mark_linkedin_copied(&key, edition)?;
        outln!("{}", field.text);
        return Ok(());
    }
    let kit = folio.linkedin_kit(edition)?;
    if json {
        return print_json(&kit);
    }
    for field in &kit.fields {
        let unit = match field.unit {
            KitUnit::Characters => "characters",
            KitUnit::Items => "lines",
        };
        let mark = match (&field.stale, field.copied_at) {
            (Some(why), _) => format!(" — out of date: {why}"),
            (None, Some(_)) => " — copied, up to date".into(),
            (None, None) => String::new(),
        };
        outln!("{} [{}]  {} / {} {unit}{mark}", field.label, field.key, field.used, field.limit);
        for line in field.text.lines() {
            outln!("    {line}");
        }
        outln!();
    }
    Ok(())
}
