use folio_model::{CaseStudy, EntityKind, ErrorCode, Metric, Profile, Writing};
use uuid::Uuid;

use crate::open;

fn titled(title: &str) -> CaseStudy {
    CaseStudy { title: title.into(), ..CaseStudy::default() }
}

#[test]
fn invalid_input_is_refused_with_its_field_and_stores_nothing() {
    let (folio, _dir) = open();
    let err = folio.create(&titled("  ")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(err.field(), Some("title"));
    assert_eq!(folio.stats().unwrap().case_studies, 0);
}

#[test]
fn an_invalid_update_leaves_the_stored_record_as_it_was() {
    let (folio, _dir) = open();
    let cs = folio.create(&titled("Ledger")).unwrap();
    let bad = CaseStudy {
        metrics: vec![Metric { label: "Latency".into(), baseline: Some(f64::NAN), ..Metric::default() }],
        ..titled("Ledger v2")
    };
    let err = folio.update(cs.id, &bad).unwrap_err();
    assert_eq!(err.field(), Some("metrics[0].baseline"));
    assert_eq!(folio.get::<CaseStudy>(cs.id).unwrap().item.title, "Ledger");
}

#[test]
fn an_invalid_profile_is_refused_and_the_old_one_kept() {
    let (folio, _dir) = open();
    folio.update_profile(&Profile { full_name: "Jane Doe".into(), ..Profile::default() }).unwrap();
    let err = folio.update_profile(&Profile { email: "not-an-email".into(), ..Profile::default() }).unwrap_err();
    assert_eq!(err.field(), Some("email"));
    assert_eq!(folio.profile().unwrap().full_name, "Jane Doe");
}

#[test]
fn a_record_that_does_not_exist_is_not_found() {
    let (folio, _dir) = open();
    let err = folio.get::<Writing>(Uuid::now_v7()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert_eq!(folio.delete(EntityKind::Writing, Uuid::now_v7()).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn reorder_must_name_every_record_once_and_otherwise_changes_nothing() {
    let (folio, _dir) = open();
    let a = folio.create(&titled("A")).unwrap().id;
    let b = folio.create(&titled("B")).unwrap().id;
    let err = folio.reorder(EntityKind::CaseStudy, &[b]).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("every one of the 2 case studies"), "{err}");
    folio.reorder(EntityKind::CaseStudy, &[b, a]).unwrap();
    let titles: Vec<_> = folio.list::<CaseStudy>().unwrap().into_iter().map(|c| c.item.title).collect();
    assert_eq!(titles, ["B", "A"]);
}

#[test]
fn records_survive_closing_and_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("folio.db");
    let folio = folio_core::Folio::open(&path).unwrap();
    folio.create(&titled("Durable")).unwrap();
    drop(folio);
    let folio = folio_core::Folio::open(&path).unwrap();
    assert_eq!(folio.list::<CaseStudy>().unwrap()[0].item.title, "Durable");
}

#[test]
fn search_finds_records_of_every_kind() {
    let (folio, _dir) = open();
    folio.create(&Writing { title: "Backpressure in practice".into(), ..Writing::default() }).unwrap();
    let hits = folio.search("backpressure", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, EntityKind::Writing);
}

#[test]
fn a_search_hit_names_the_field_that_matched_with_a_snippet_of_that_field_alone() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let hits = folio.search("atomicity comes", 10).unwrap();
    let hit = &hits[0];
    assert_eq!(hit.kind, EntityKind::CaseStudy);
    assert_eq!(hit.field.as_deref(), Some("decisions[0].rationale"));
    assert!(hit.snippet.starts_with("[Atomicity] [comes] from the database transaction"), "{}", hit.snippet);
    let decision = &folio.get::<CaseStudy>(hit.id).unwrap().item.decisions[0];
    let shown = hit.snippet.replace(['[', ']'], "").replace('…', "");
    assert!(decision.rationale.contains(shown.trim()), "the snippet is one field's words: {}", hit.snippet);
}

#[test]
fn records_of_any_kind_go_through_one_tagged_door() {
    let (folio, _dir) = open();
    for kind in EntityKind::ALL {
        let created = folio.create_record(&folio_model::Record::blank(kind)).unwrap();
        assert_eq!(created.item.kind(), kind);
        assert_eq!(folio.list_records(kind).unwrap().len(), 1, "{kind:?}");
    }
    let cs = folio.list_records(EntityKind::CaseStudy).unwrap().remove(0);
    let renamed = folio.update_record(cs.id, &folio_model::Record::CaseStudy(titled("Ledger"))).unwrap();
    assert_eq!(renamed.item.title(), "Ledger");
    assert_eq!(folio.get::<CaseStudy>(cs.id).unwrap().item.title, "Ledger");

    let err = folio.update_record(cs.id, &folio_model::Record::CaseStudy(titled(""))).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(folio.get::<CaseStudy>(cs.id).unwrap().item.title, "Ledger", "a refused save changes nothing");
}

#[test]
fn a_search_longer_than_a_few_words_is_refused_clearly() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    assert!(!folio.search("kafka", 10).unwrap().is_empty());
    let pasted = "kafka ".repeat(40);
    let err = folio.search(&pasted, 10).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(err.field(), Some("search"));
    assert!(err.to_string().contains("longer than 200 characters"), "{err}");
}

#[test]
fn a_link_row_added_and_not_yet_filled_is_no_error_and_is_not_kept() {
    let (folio, _dir) = open();
    let blank = folio_model::Link { label: " ".into(), url: String::new(), internal: false };
    let study = folio.create(&CaseStudy { title: "Ledger".into(), ..CaseStudy::default() }).unwrap();
    let mut item = study.item.clone();
    item.links = vec![
        blank.clone(),
        folio_model::Link { label: "RFC".into(), url: "https://example.com/rfc".into(), internal: false },
    ];
    let saved = folio.update(study.id, &item).unwrap();
    assert_eq!(saved.item.links.len(), 1, "the blank row is not kept");
    assert_eq!(folio.get::<CaseStudy>(study.id).unwrap().item.links[0].label, "RFC");

    // A filled row after a blank one is still named by its place on screen.
    item.links = vec![blank, folio_model::Link { label: "Docs".into(), url: "docs".into(), internal: false }];
    let err = folio.update(study.id, &item).unwrap_err();
    assert_eq!(err.field(), Some("links[1].url"));

    let mut profile = Profile { full_name: "Maya".into(), ..Profile::default() };
    profile.links.push(folio_model::ProfileLink {
        label: String::new(),
        url: String::new(),
        kind: folio_model::LinkKind::Website,
    });
    assert!(folio.update_profile(&profile).unwrap().links.is_empty());
}
