//! Wording the findings share: how a record is named, and the plural ending of a count.

/// A record's title as a finding quotes it: trimmed, "(untitled)" when there is none.
pub(super) fn named(title: &str) -> String {
    match title.trim() {
        "" => "(untitled)".into(),
        t => t.into(),
    }
}

/// The ending that makes a noun agree with `count`: "1 option", "2 options".
pub(super) fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}
