//! A cover letter: one per edition, set with the edition's letterhead on one page.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::{limits, Check};
use crate::PartialDate;

/// A cover letter for the application an edition is for. Every field may be left
/// empty while it is drafted; a letter with no body is not printed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct CoverLetter {
    /// Who it is addressed to: "Dana Whitfield".
    pub recipient_name: String,
    pub recipient_title: String,
    /// Empty for the edition's target company.
    pub recipient_company: String,
    /// The address, a line to a line.
    pub recipient_address: String,
    /// The date it bears; none for the day it is exported.
    pub date: Option<PartialDate>,
    /// "Application for the Staff Engineer role".
    pub subject: String,
    /// "Dear Dana Whitfield,"
    pub salutation: String,
    /// The letter itself, in Markdown.
    pub body: String,
    /// "Kind regards,"
    pub closing: String,
    /// The name under the closing; empty for the profile's name.
    pub signature: String,
    /// The body as Folio drafted it, kept to tell a draft sent as it was written.
    pub drafted: String,
}

impl CoverLetter {
    /// Whether there is a letter to print: one with a body.
    pub fn is_written(&self) -> bool {
        !self.body.trim().is_empty()
    }

    /// Whether the body is still word for word the draft Folio wrote.
    pub fn is_unedited_draft(&self) -> bool {
        self.is_written() && self.body.trim() == self.drafted.trim()
    }

    pub(crate) fn check(&self, c: &mut Check) {
        c.nested("letter", |c| {
            c.text("recipientName", &self.recipient_name, limits::SHORT_TEXT);
            c.text("recipientTitle", &self.recipient_title, limits::SHORT_TEXT);
            c.text("recipientCompany", &self.recipient_company, limits::SHORT_TEXT);
            c.text("recipientAddress", &self.recipient_address, limits::MEDIUM_TEXT);
            c.text("subject", &self.subject, limits::SHORT_TEXT);
            c.text("salutation", &self.salutation, limits::SHORT_TEXT);
            c.text("body", &self.body, limits::LONG_TEXT);
            c.text("closing", &self.closing, limits::SHORT_TEXT);
            c.text("signature", &self.signature, limits::SHORT_TEXT);
            c.text("drafted", &self.drafted, limits::LONG_TEXT);
        });
    }
}
