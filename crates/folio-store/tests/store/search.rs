use folio_model::{CaseStudy, EntityKind};
use folio_store::{search::search, tables::records, Store};
use uuid::Uuid;

use crate::{case_study, with_rationale};

#[test]
fn finds_a_word_in_a_decision_rationale_with_a_snippet() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|tx| records::insert(tx, Uuid::now_v7(), &with_rationale("Ledger", "we chose idempotency keys")))
        .unwrap();
    store.write(|tx| records::insert(tx, Uuid::now_v7(), &case_study("Unrelated"))).unwrap();
    let hits = search(store.read(), "idempot", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].title, "Ledger");
    assert_eq!(hits[0].kind, EntityKind::CaseStudy);
    assert!(hits[0].snippet.contains("[idempotency]"), "{}", hits[0].snippet);
}

#[test]
fn the_index_follows_updates_deletes_and_restores() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store.write(|tx| records::insert(tx, Uuid::now_v7(), &case_study("Kafka migration"))).unwrap().id;
    store.write(|tx| records::update(tx, id, &case_study("Pulsar migration"))).unwrap();
    assert!(search(store.read(), "kafka", 10).unwrap().is_empty());
    assert_eq!(search(store.read(), "pulsar", 10).unwrap().len(), 1);

    store.write(|tx| records::delete(tx, EntityKind::CaseStudy, id)).unwrap();
    assert!(search(store.read(), "pulsar", 10).unwrap().is_empty(), "trashed records are not found");
    store.write(|tx| records::restore::<CaseStudy>(tx, id)).unwrap();
    assert_eq!(search(store.read(), "pulsar", 10).unwrap().len(), 1);
}

#[test]
fn accents_and_query_syntax_in_typed_text_are_harmless() {
    let mut store = Store::open_in_memory().unwrap();
    store.write(|tx| records::insert(tx, Uuid::now_v7(), &case_study("Résumé parser for Zürich"))).unwrap();
    assert_eq!(search(store.read(), "zurich", 10).unwrap().len(), 1);
    for odd in ["\"", "AND OR NOT", "title:x", "(*", "-"] {
        search(store.read(), odd, 10).unwrap_or_else(|e| panic!("{odd:?} failed: {e}"));
    }
}
