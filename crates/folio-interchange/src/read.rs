//! Reading untrusted bytes into JSON, refusing early and clearly: too large, not UTF-8,
//! not JSON, too deep.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{Error, Result};

/// The largest file an import reads. A portfolio backup with its images stays well
/// below; anything larger is not something a person made by hand.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// serde_json refuses nesting deeper than this (its recursion limit).
pub const MAX_DEPTH: usize = 128;

pub fn json(bytes: &[u8]) -> Result<Value> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::TooLarge {
            size_mb: bytes.len() as f64 / 1024.0 / 1024.0,
            limit_mb: (MAX_BYTES / 1024 / 1024) as u64,
        });
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
