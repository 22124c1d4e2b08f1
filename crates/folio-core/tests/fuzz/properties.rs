//! Properties over generated input, a fixed number of cases each (proptest).

use std::sync::OnceLock;

use folio_model::{CaseStudy, Decision, Metric};
use proptest::prelude::*;
use serde_json::Value;

use crate::inputs::TRICKY;
use crate::{Outcome, Subject};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(96)
}

/// Text mixing Markdown syntax, tricky strings and plain words.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(TRICKY).prop_map(str::to_string),
        proptest::sample::select(&["[", "](", ")", "<", ">", "*", "_", "\n", "\n\n", "- ", "1. ", "#", "`", " "][..])
            .prop_map(str::to_string),
        "[a-zA-Z0-9 .,:/]{0,24}",
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|parts| parts.concat())
}

/// JSON shaped like a résumé or a backup: known keys at the top, anything below.
fn document() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        text().prop_map(Value::String),
    ];
    let value = leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                proptest::sample::select(
                    &[
                        "name",
                        "title",
                        "startDate",
                        "endDate",
                        "summary",
                        "highlights",
                        "url",
                        "network",
                        "position",
                        "keywords",
                        "item",
                        "id",
                        "accent",
                        "path",
                        "format",
                        "version",
                    ][..]
                ),
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    });
    let top = proptest::sample::select(
        &[
            "basics",
            "work",
            "projects",
            "education",
            "skills",
            "references",
            "certificates",
            "publications",
            "format",
            "version",
            "caseStudies",
            "editions",
            "exports",
            "snapshots",
        ][..],
    );
    proptest::collection::btree_map(top, value, 0..8)
        .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
}

proptest! {
    // 96 cases each in `make test`; `make fuzz` asks for more through PROPTEST_CASES.
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_json_document_is_imported_or_refused_clearly_and_a_refusal_changes_nothing(doc in document()) {
        static SUBJECT: OnceLock<Subject> = OnceLock::new();
        let subject = SUBJECT.get_or_init(Subject::demo);
        let outcome = subject.import(doc.to_string().as_bytes());
        prop_assert!(outcome.is_ok(), "{}: {}", doc, outcome.unwrap_err());
    }

    #[test]
    fn any_bytes_are_refused_clearly_as_an_import(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        static SUBJECT: OnceLock<Subject> = OnceLock::new();
        let subject = SUBJECT.get_or_init(Subject::demo);
        let outcome = subject.import(&bytes);
        prop_assert!(matches!(outcome, Ok(Outcome::Refused(_))), "{bytes:?}: {outcome:?}");
    }

    #[test]
    fn any_bytes_are_refused_clearly_as_an_image(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let result = std::panic::catch_unwind(|| folio_media::import(&bytes));
        prop_assert!(result.is_ok(), "the image pipeline panicked");
    }

    #[test]
    fn markdown_of_any_text_parses_and_keeps_no_refused_link(markdown in text()) {
        let _ = folio_model::markdown::parse(&markdown);
        if let Some((kept, targets)) = folio_model::markdown::without_refused_links(&markdown) {
            prop_assert!(!targets.is_empty());
            prop_assert!(folio_model::markdown::refused_links(&kept).is_empty(), "{kept:?} still links");
        }
        prop_assert!(folio_model::markdown::refused_links(&markdown).iter().all(|t| !folio_model::markdown::is_allowed_link(t)));
    }

    #[test]
    fn a_case_study_of_any_text_lays_out_and_prints(
        title in "[A-Za-z][A-Za-z ]{0,40}", context in text(), decision in text(), label in text()
    ) {
        let folio = folio_core::Folio::in_memory().unwrap();
        let study = CaseStudy {
            title,
            context: folio_model::markdown::without_refused_links(&context).map_or(context, |(t, _)| t),
            decisions: vec![Decision { title: "A choice".into(), rationale: decision.clone(), ..Decision::default() }],
            metrics: vec![Metric { label: label.chars().take(100).collect(), baseline: Some(1.0), result: Some(2.0), ..Metric::default() }],
            ..CaseStudy::default()
        };
        // Text the model refuses is not stored; what it takes must print.
        if folio.create(&study).is_ok() {
            let pdf = folio.render_pdf(&folio_core::ExportRequest::default());
            prop_assert!(pdf.is_ok(), "{:?}", pdf.err());
            prop_assert!(pdf.unwrap().bytes.starts_with(b"%PDF-"));
        }
    }
}
