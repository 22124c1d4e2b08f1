//! Integration tests of the store on real SQLite files, one module per concern.

mod assets;
mod migrations;
mod open;
mod records;
mod search;

use folio_model::{CaseStudy, Decision};

pub fn case_study(title: &str) -> CaseStudy {
    CaseStudy { title: title.into(), ..CaseStudy::default() }
}

pub fn with_rationale(title: &str, rationale: &str) -> CaseStudy {
    CaseStudy {
        decisions: vec![Decision { title: "Queue".into(), rationale: rationale.into(), ..Decision::default() }],
        ..case_study(title)
    }
}
