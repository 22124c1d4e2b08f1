use folio_model::{CaseStudy, EntityKind, ErrorCode, Skill};
use folio_store::{tables::records, Store};
use uuid::Uuid;

use crate::case_study;

fn titles(store: &Store) -> Vec<String> {
    records::list::<CaseStudy>(store.read()).unwrap().into_iter().map(|r| r.item.title).collect()
}

fn insert(store: &mut Store, title: &str) -> Uuid {
    store.write(|tx| records::insert(tx, Uuid::now_v7(), &case_study(title))).unwrap().id
}

#[test]
fn new_records_go_to_the_end_and_reorder_sticks() {
    let mut store = Store::open_in_memory().unwrap();
    let a = insert(&mut store, "A");
    let b = insert(&mut store, "B");
    let c = insert(&mut store, "C");
    assert_eq!(titles(&store), ["A", "B", "C"]);
    store.write(|tx| records::reorder(tx, EntityKind::CaseStudy, &[c, a, b])).unwrap();
    assert_eq!(titles(&store), ["C", "A", "B"]);
}

#[test]
fn delete_moves_to_trash_and_restore_brings_it_back_in_place() {
    let mut store = Store::open_in_memory().unwrap();
    insert(&mut store, "A");
    let b = insert(&mut store, "B");
    insert(&mut store, "C");
    store.write(|tx| records::delete(tx, EntityKind::CaseStudy, b)).unwrap();
    assert_eq!(titles(&store), ["A", "C"]);
    let trash = records::list_trash(store.read()).unwrap();
    assert_eq!((trash.len(), trash[0].title.as_str(), trash[0].kind), (1, "B", EntityKind::CaseStudy));
    assert_eq!(records::get::<CaseStudy>(store.read(), b).unwrap_err().code(), ErrorCode::NotFound);

    store.write(|tx| records::restore::<CaseStudy>(tx, b)).unwrap();
    assert_eq!(titles(&store), ["A", "B", "C"]);
    assert!(records::list_trash(store.read()).unwrap().is_empty());
}

#[test]
fn a_failed_action_rolls_back_everything_it_did() {
    let mut store = Store::open_in_memory().unwrap();
    let a = insert(&mut store, "A");
    let result = store.write(|tx| {
        records::update(tx, a, &case_study("Renamed"))?;
        records::delete(tx, EntityKind::CaseStudy, Uuid::now_v7())
    });
    assert_eq!(result.unwrap_err().code(), ErrorCode::NotFound);
    assert_eq!(titles(&store), ["A"], "the rename must be rolled back with the failed delete");
}

#[test]
fn update_keeps_creation_time_and_moves_update_time() {
    let mut store = Store::open_in_memory().unwrap();
    let id = insert(&mut store, "A");
    let before = records::get::<CaseStudy>(store.read(), id).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(3));
    let after = store.write(|tx| records::update(tx, id, &case_study("B"))).unwrap();
    assert_eq!(after.created_at, before.created_at);
    assert!(after.updated_at > before.updated_at);
    assert_eq!(records::get::<CaseStudy>(store.read(), id).unwrap().item.title, "B");
}

#[test]
fn kinds_live_in_separate_tables() {
    let mut store = Store::open_in_memory().unwrap();
    insert(&mut store, "A");
    store.write(|tx| records::insert(tx, Uuid::now_v7(), &Skill { name: "Rust".into(), ..Skill::default() })).unwrap();
    assert_eq!(records::count(store.read(), EntityKind::CaseStudy).unwrap(), 1);
    assert_eq!(records::count(store.read(), EntityKind::Skill).unwrap(), 1);
    assert_eq!(records::count(store.read(), EntityKind::Edition).unwrap(), 0);
}

#[test]
fn emptying_the_trash_removes_records_for_good() {
    let mut store = Store::open_in_memory().unwrap();
    let a = insert(&mut store, "A");
    store.write(|tx| records::delete(tx, EntityKind::CaseStudy, a)).unwrap();
    assert_eq!(store.write(|tx| records::empty_trash(tx)).unwrap(), 1);
    assert_eq!(store.write(|tx| records::restore::<CaseStudy>(tx, a)).unwrap_err().code(), ErrorCode::NotFound);
}
