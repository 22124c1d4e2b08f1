//! The ATS check: whether an applicant tracking system would read every field of the
//! PDF as it is printed.

use super::tally::{fail, Coach};
use super::{Advice, Check, Severity, Target};

/// How many misread fields the message names; it counts the rest.
const SHOWN: usize = 3;

/// What an applicant tracking system reads in the PDF: every field as printed.
pub(super) fn ats_checks(c: &mut Coach, ats: &folio_ats::Report, whole: &Target) {
    let check = fail(Check::AtsMisread, Severity::Warning, Advice::KeepItClean, whole, "");
    c.check(check, ats.misreads.is_empty(), || {
        let shown: Vec<String> = ats
            .misreads
            .iter()
            .take(SHOWN)
            .map(|m| match m.read.as_str() {
                "" => format!("{} ('{}' is not found)", m.field, m.printed),
                read => format!("{} ('{}' reads as '{read}')", m.field, m.printed),
            })
            .collect();
        let more = ats.misreads.len().saturating_sub(shown.len());
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        (
            format!(
                "An applicant tracking system would misread {} of the PDF's {} fields: {}{more}",
                ats.misreads.len(),
                ats.checked,
                shown.join("; ")
            ),
            "Open the ATS check beside the edition's preview, and keep each of those fields plain: a title, a \
             company and dates each on their own, no separators inside them"
                .into(),
        )
    });
}
