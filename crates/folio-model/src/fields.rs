//! What a document says, field by field: the facts an applicant tracking system takes
//! from a résumé. Layout records them as it prints them; the ATS check reads the same
//! fields back out of the PDF and compares the two.

use crate::PartialDate;

/// The fields of one document, in the order they are printed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    pub name: String,
    pub email: String,
    pub phone: String,
    /// Links as they are printed ("linkedin.com/in/maya"), without the scheme.
    pub links: Vec<String>,
    /// Section headings as written ("Experience"), whatever case the page prints.
    pub sections: Vec<String>,
    pub jobs: Vec<Job>,
    pub education: Vec<School>,
    pub skills: Vec<String>,
    /// Case-study titles.
    pub projects: Vec<String>,
}

/// One job of the experience section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Job {
    pub title: String,
    pub company: String,
    pub period: Period,
    /// Each bullet as plain text.
    pub bullets: Vec<String>,
}

/// One entry of the education section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct School {
    /// The degree and its field as printed: "BSc, Computer Science".
    pub degree: String,
    pub school: String,
    pub period: Period,
}

/// A start and an end, to the month: an open end with a start is "Present".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
}

impl Period {
    /// The period as [`period`](crate::period) prints it: to the month, and one date
    /// when both ends fall in the same month.
    pub fn new(start: Option<PartialDate>, end: Option<PartialDate>) -> Period {
        let (start, end) = (start.map(PartialDate::without_day), end.map(PartialDate::without_day));
        match (start, end) {
            (Some(s), Some(e)) if s == e => Period { start: Some(s), end: Some(s) },
            _ => Period { start, end },
        }
    }

    pub fn is_empty(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::period(self.start, self.end))
    }
}
