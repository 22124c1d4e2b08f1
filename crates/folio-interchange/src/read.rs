//! Reading untrusted bytes into JSON, refusing early and clearly: too large, not UTF-8,
//! not JSON, too deep.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{Error, Note, Result};

/// The largest JSON Resume (or unknown document) an import reads: anything larger is
/// not something a person made by hand.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// serde_json refuses nesting deeper than this (its recursion limit).
pub const MAX_DEPTH: usize = 128;

/// The largest Folio backup an import reads: images make backups large, and a backup
/// that cannot be restored would lose them. (Reading one takes about three times its
/// size in memory: a portfolio with 200 photos makes a backup under 100 MB.)
pub const MAX_BACKUP_BYTES: usize = 256 * 1024 * 1024;

/// Whether the document opens as a Folio backup does: its first key names the format.
pub fn opens_as_backup(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(256)];
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start();
    text.strip_prefix('{')
        .map(str::trim_start)
        .and_then(|t| t.strip_prefix("\"format\""))
        .map(|t| t.trim_start().trim_start_matches(':').trim_start())
        .is_some_and(|t| t.starts_with("\"folio-backup\""))
}

pub fn json(bytes: &[u8]) -> Result<Value> {
    let limit = if opens_as_backup(bytes) { MAX_BACKUP_BYTES } else { MAX_BYTES };
    if bytes.len() > limit {
        return Err(Error::TooLarge { limit_mb: (limit / 1024 / 1024) as u64 });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Error::NotUtf8 { offset: e.valid_up_to() })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        if e.to_string().starts_with("recursion limit exceeded") {
            Error::TooDeep(MAX_DEPTH)
        } else {
            Error::NotJson(e.to_string())
        }
    })
}

/// Markdown links to anything but a web page or an e-mail (`[x](javascript:…)`) keep
/// their words and lose their target, in every string of the résumé, each noted: a
/// file from elsewhere (or from a Folio that took such links) is imported, but never
/// with a link Folio would not store.
pub(crate) fn drop_refused_links(value: &mut Value, path: String, notes: &mut Vec<Note>) {
    match value {
        Value::String(text) => {
            if let Some((kept, targets)) = folio_model::markdown::without_refused_links(text) {
                for target in targets {
                    let shown: String = target.chars().take(60).collect();
                    notes.push(Note::new(
                        path.clone(),
                        format!("the link to \"{shown}\" was left out (only https, http and mailto links are kept)"),
                    ));
                }
                *text = kept;
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                drop_refused_links(item, format!("{path}[{i}]"), notes);
            }
        }
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                drop_refused_links(item, path, notes);
            }
        }
        _ => {}
    }
}

/// `value` as a `T`, or the path of the first value that does not fit, prefixed by
/// `prefix` when the value sits inside a larger document.
pub fn typed<T: DeserializeOwned>(value: &Value, prefix: &str) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let inner = e.path().to_string();
        let path = match (prefix, inner.as_str()) {
            ("", p) => p.to_string(),
            (pre, ".") => pre.to_string(),
            (pre, p) if p.starts_with('[') => format!("{pre}{p}"),
            (pre, p) => format!("{pre}.{p}"),
        };
        let path = if path == "." { "(the document)".to_string() } else { path };
        Error::at(path, e.into_inner().to_string())
    })
}

/// The type of a JSON value, as a person would name it.
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod limit_tests {
    use super::*;

    #[test]
    fn a_backup_is_recognised_by_its_first_key_only() {
        assert!(opens_as_backup(b"{\n  \"format\": \"folio-backup\",\n  \"version\": 1"));
        assert!(opens_as_backup("\u{feff}{\"format\":\"folio-backup\"}".as_bytes()));
        assert!(!opens_as_backup(b"{\"basics\": {\"name\": \"format folio-backup\"}}"));
        assert!(!opens_as_backup(b"{\"version\": 1, \"format\": \"folio-backup\"}"));
        assert!(!opens_as_backup(b"not json"));
    }

    #[test]
    fn anything_but_a_backup_over_32_mb_is_refused_before_parsing() {
        let mut big = b"{\"basics\": {\"name\": \"".to_vec();
        big.resize(MAX_BYTES + 1, b'a');
        assert!(matches!(json(&big), Err(Error::TooLarge { limit_mb: 32, .. })));
        // The same size as a backup goes on to parsing (and fails there, being cut off).
        let mut backup = b"{\"format\": \"folio-backup\", \"x\": \"".to_vec();
        backup.resize(MAX_BYTES + 1, b'a');
        assert!(matches!(json(&backup), Err(Error::NotJson(_))));
    }
}
