//! How an edition is exported: `folio edition redact` and `folio edition set`.

use folio_core::Folio;
use folio_model::Redaction;

use crate::args::{EditionCommand, Switch};
use crate::out::outln;
use crate::CliResult;

/// `folio edition …`.
pub fn run(folio: &Folio, command: EditionCommand) -> CliResult {
    match command {
        EditionCommand::Redact { name, org, replacement, remove } => redact(folio, &name, &org, replacement, remove),
        EditionCommand::Set { name, relative_metrics, internal_links } => {
            set(folio, &name, relative_metrics, internal_links)
        }
    }
}

/// Names the organisation `org` by `replacement` in the edition's exports, or by its
/// own name again with `remove`. Organisations match by name, trimmed and ignoring case;
/// removing one the edition does not redact is an error and changes nothing.
fn redact(folio: &Folio, name: &str, org: &str, replacement: Option<String>, remove: bool) -> CliResult {
    let stored = folio.edition_by_name(name)?;
    let mut edition = stored.item.clone();
    let same = |r: &Redaction| r.organisation.trim().to_lowercase() == org.trim().to_lowercase();
    if remove {
        if !edition.redactions.iter().any(same) {
            return Err(format!("\"{}\" does not redact \"{}\"; nothing was changed", edition.name, org.trim()).into());
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
        (false, Some(r)) => outln!("\"{}\" now names {} as \"{}\"", saved.item.name, r.organisation, r.replacement),
        _ => outln!("\"{}\" names {} again", saved.item.name, org.trim()),
    }
    Ok(())
}

/// Sets the edition's metric and link options; at least one must be given.
fn set(folio: &Folio, name: &str, relative_metrics: Option<Switch>, internal_links: Option<Switch>) -> CliResult {
    let stored = folio.edition_by_name(name)?;
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
    Ok(())
}
