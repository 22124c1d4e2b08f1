//! The editor: what a user types is stored, survives closing the window, can be
//! reordered, deleted, restored and found again.

use fantoccini::key::Key;
use folio_core::Folio;
use folio_e2e::App;
use folio_model::{CaseStudy, Decision, Direction, Metric};

use crate::ONE_WINDOW;

/// A database holding case studies with these titles, in this order.
fn seeded(dir: &std::path::Path, titles: &[&str]) -> std::path::PathBuf {
    let db = dir.join("folio.db");
    let folio = Folio::open(&db).unwrap();
    for title in titles {
        folio.create(&CaseStudy { title: (*title).into(), ..CaseStudy::default() }).unwrap();
    }
    db
}

fn titles(db: &std::path::Path) -> Vec<String> {
    Folio::open(db).unwrap().list::<CaseStudy>().unwrap().into_iter().map(|c| c.item.title).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_case_study_with_a_decision_and_a_metric_is_all_there_after_reopening() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");

    let app = App::launch(&db).await;
    app.find("[data-testid=start-empty]").await.click().await.unwrap();
    app.find("[data-testid=new-case-study]").await.click().await.unwrap();
    app.type_into("[data-kind=case-study] input[name=title]", "Payments re-platform").await;
    app.type_into("[data-kind=case-study] input[name=organisation]", "Northwind").await;

    app.find_text("button", "Add decision").await.click().await.unwrap();
    app.type_into("[data-testid=decision] input[name=title]", "Event sourcing for the ledger").await;
    app.type_into(
        "[data-testid=decision] textarea[name=rationale]",
        "Replays give auditors a complete history; idempotency keys make retries safe.",
    )
    .await;

    app.find("select[aria-label='Add metric']").await.select_by_value("custom").await.unwrap();
    app.type_into("[data-testid=metric] input[name=label]", "p95 latency").await;
    app.type_into("[data-testid=metric] input[name=unit]", "ms").await;
    app.find("[data-testid=metric] select[name=direction]").await.select_by_value("lower-is-better").await.unwrap();
    app.type_into("[data-testid=metric] input[name=baseline]", "840").await;
    app.type_into("[data-testid=metric] input[name=result]", "120").await;
    app.find_text("[data-testid=metric-statement]", "p95 latency 840 ms → 120 ms (−86%)").await;
    app.saved().await;
    app.screenshot("editor-new-case-study").await;

    // The global search finds the word typed in the rationale and jumps to it.
    app.find("[data-testid=nav-profile]").await.click().await.unwrap();
    app.find("[data-kind=profile]").await;
    app.find("body").await.send_keys(&format!("{}k", Key::Control)).await.unwrap();
    app.type_into("[data-testid=search-input]", "idempot").await;
    app.find_text("[data-testid=search-hit] .title", "Payments re-platform").await;
    app.find("[data-testid=search-input]").await.send_keys(&Key::Enter.to_string()).await.unwrap();
    app.find_text("[data-testid=editor-title]", "Payments re-platform").await;
    app.close().await;

    let folio = Folio::open(&db).unwrap();
    let stored = folio.list::<CaseStudy>().unwrap();
    assert_eq!(stored.len(), 1);
    let cs = &stored[0].item;
    assert_eq!((cs.title.as_str(), cs.organisation.as_str()), ("Payments re-platform", "Northwind"));
    assert_eq!(cs.decisions.len(), 1);
    assert_eq!(cs.decisions[0].title, "Event sourcing for the ledger");
    assert!(cs.decisions[0].rationale.contains("idempotency keys"));
    assert_eq!(cs.metrics.len(), 1);
    let m = &cs.metrics[0];
    assert_eq!((m.baseline, m.result, m.direction), (Some(840.0), Some(120.0), Direction::LowerIsBetter));
    drop(folio);

    let app = App::launch(&db).await;
    app.find_text("[data-testid=editor-title]", "Payments re-platform").await;
    app.find_text("[data-testid=decision-title]", "Event sourcing for the ledger").await;
    // A closed metric card says what was measured and how it went.
    app.find_text("[data-testid=metric-statement]", "p95 latency 840 ms → 120 ms (−86%)").await;
    app.find_text("[data-testid=metric-headline]", "7.0× faster").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn case_studies_reordered_from_the_keyboard_keep_their_order() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path(), &["Alpha", "Bravo", "Charlie"]);

    let app = App::launch(&db).await;
    app.wait_texts("[data-testid=record-title]", "the list", |t| t.len() == 3).await;
    let first = app.find("[data-testid=record]").await;
    first.send_keys(&format!("{}{}", Key::Alt, Key::Down)).await.unwrap();
    app.wait_texts("[data-testid=record-title]", "after Alt+↓", |t| t == ["Bravo", "Alpha", "Charlie"]).await;
    app.saved().await;
    // The database has it once the list shows it; give the reorder call a moment.
    for _ in 0..50 {
        if titles(&db) == ["Bravo", "Alpha", "Charlie"] {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.close().await;
    assert_eq!(titles(&db), ["Bravo", "Alpha", "Charlie"]);

    let app = App::launch(&db).await;
    app.wait_texts("[data-testid=record-title]", "after reopening", |t| t == ["Bravo", "Alpha", "Charlie"]).await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deleted_case_study_can_be_undone_and_restored_from_the_trash() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path(), &["Keep me", "Delete me"]);

    let app = App::launch(&db).await;
    app.find_text("[data-testid=record-title]", "Delete me").await.click().await.unwrap();
    app.find_text("[data-testid=editor-title]", "Delete me").await;
    app.find("[data-testid=delete]").await.click().await.unwrap();
    app.wait_texts("[data-testid=record-title]", "after delete", |t| t == ["Keep me"]).await;
    assert_eq!(titles(&db), ["Keep me"]);

    // Undo in the toast brings it straight back.
    app.find_text("[data-testid=toast] button", "Undo").await.click().await.unwrap();
    app.wait_texts("[data-testid=record-title]", "after undo", |t| t == ["Keep me", "Delete me"]).await;
    assert_eq!(titles(&db), ["Keep me", "Delete me"]);

    // Delete again, then restore from the Trash.
    app.find("[data-testid=delete]").await.click().await.unwrap();
    app.wait_texts("[data-testid=record-title]", "after delete", |t| t == ["Keep me"]).await;
    app.find("[data-testid=nav-trash]").await.click().await.unwrap();
    app.find_text("[data-testid=trash-title]", "Delete me").await;
    app.find("[data-testid=trash-item] button").await.click().await.unwrap();
    app.wait_texts("[data-testid=trash-title]", "after restore", |t| t.is_empty()).await;
    app.find("[data-testid=nav-case-study]").await.click().await.unwrap();
    app.wait_texts("[data-testid=record-title]", "after restore", |t| t == ["Keep me", "Delete me"]).await;
    app.close().await;
    assert_eq!(titles(&db), ["Keep me", "Delete me"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn two_thousand_characters_typed_fast_survive_quitting_right_after() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path(), &["Long story"]);
    let text: String = "Every sentence counts; nothing typed may be lost. ".chars().cycle().take(2_000).collect();

    let app = App::launch(&db).await;
    let field = app.find("[data-kind=case-study] textarea[name=contribution]").await;
    field.send_keys(&text).await.unwrap();
    app.quit(&field).await;

    let stored = Folio::open(&db).unwrap().list::<CaseStudy>().unwrap();
    let contribution = &stored[0].item.contribution;
    assert_eq!(contribution.chars().count(), 2_000, "characters were lost");
    assert_eq!(*contribution, text);
}

#[tokio::test(flavor = "multi_thread")]
async fn markup_in_user_text_is_shown_as_text_and_never_run() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let hostile = "<img src=x onerror=alert(1)>";
    let db = dir.path().join("folio.db");
    let folio = Folio::open(&db).unwrap();
    folio
        .create(&CaseStudy {
            title: hostile.into(),
            summary: format!("**Bold** then {hostile}"),
            decisions: vec![Decision { title: hostile.into(), ..Decision::default() }],
            metrics: vec![Metric { label: hostile.into(), ..Metric::default() }],
            ..CaseStudy::default()
        })
        .unwrap();
    drop(folio);

    let app = App::launch(&db).await;
    app.find_text("[data-testid=record-title]", hostile).await;
    app.find_text("[data-testid=editor-title]", hostile).await;
    app.find_text("[data-testid=decision-title]", hostile).await;
    // The Markdown preview renders emphasis but keeps the tag as text.
    app.find_text("[data-kind=case-study] .label-row button", "Preview").await.click().await.unwrap();
    let shown = app.find("[data-testid=markdown-preview]").await.text().await.unwrap();
    assert_eq!(shown.trim(), format!("Bold then {hostile}"));

    let images = app.client.find_all(fantoccini::Locator::Css("img")).await.unwrap();
    assert!(images.is_empty(), "user text became an <img> element");
    assert!(app.client.get_alert_text().await.is_err(), "a script from user text ran");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn moving_to_another_record_asks_before_leaving_a_refused_edit() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path(), &["Alpha", "Bravo"]);

    let app = App::launch(&db).await;
    app.find_text("[data-testid=editor-title]", "Alpha").await;
    app.type_into("[data-kind=case-study] input[name=start]", "2021-13").await;
    // The field refuses the month itself: nothing is sent, and the field says why.
    app.find("[data-kind=case-study] input[name=start][aria-invalid=true]").await;

    // Going to Bravo asks first; "Go back" (Escape) keeps Alpha and what was typed.
    app.find_text("[data-testid=record-title]", "Bravo").await.click().await.unwrap();
    tokio::task::spawn_blocking(|| folio_e2e::cancel_dialog("Leave without saving it?")).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.find_text("[data-testid=editor-title]", "Alpha").await;
    assert_eq!(app.value("[data-kind=case-study] input[name=start]").await, "2021-13");

    // Fixed, the move goes ahead without a question.
    app.type_into("[data-kind=case-study] input[name=start]", "2021-12").await;
    app.saved().await;
    app.find_text("[data-testid=record-title]", "Bravo").await.click().await.unwrap();
    app.find_text("[data-testid=editor-title]", "Bravo").await;
    app.close().await;
    let alpha = Folio::open(&db).unwrap().list::<CaseStudy>().unwrap().remove(0).item;
    assert_eq!(alpha.start.map(|d| d.to_string()).as_deref(), Some("2021-12"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_search_palette_holds_a_few_words_never_a_pasted_document() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    Folio::open(&db).unwrap().load_demo(false).unwrap();
    let app = App::launch(&db).await;
    app.find("[data-kind=case-study]").await;
    app.find("body").await.send_keys(&format!("{}k", Key::Control)).await.unwrap();
    let long = "ledger ".repeat(40);
    app.type_into("[data-testid=search-input]", &long).await;
    let held = app.value("[data-testid=search-input]").await;
    assert_eq!(held.chars().count(), 200, "the field stops at the limit");
    // What it holds is a search the core answers: hits, no error.
    app.find("[data-testid=search-hit]").await;
    assert!(app.client.find(fantoccini::Locator::Css(".palette .problem")).await.is_err(), "no error shown");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_technology_tag_gets_its_category_from_folios_vocabulary_and_keeps_the_one_chosen() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path(), &["Ledger"]);
    let app = App::launch(&db).await;
    let input = app.find("[data-kind=case-study] input[aria-label='Add a technology']").await;
    for name in ["go", "AWS", "CI/CD", "Ourmonorepo"] {
        input.send_keys(&format!("{name}{}", Key::Enter)).await.unwrap();
    }
    // The coach asks for a language, a cloud and a practice: the tags say which is which.
    let category = |name: &str| format!("document.querySelector(\"select[aria-label='Category of {name}']\").value");
    assert_eq!(app.eval(&category("go")).await, "language");
    assert_eq!(app.eval(&category("AWS")).await, "cloud");
    assert_eq!(app.eval(&category("CI/CD")).await, "practice");
    assert_eq!(app.eval(&category("Ourmonorepo")).await, "tool", "unknown names are tools until changed");
    // Changed by hand, it is stored.
    let select = app.find("select[aria-label='Category of Ourmonorepo']").await;
    select.select_by_value("framework").await.unwrap();
    app.saved().await;
    app.close().await;
    let stored = &Folio::open(&db).unwrap().list::<CaseStudy>().unwrap()[0].item.technologies;
    let categories: Vec<(String, String)> = stored
        .iter()
        .map(|t| (t.name.clone(), serde_json::to_value(t.category).unwrap().as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        categories,
        [("go", "language"), ("AWS", "cloud"), ("CI/CD", "practice"), ("Ourmonorepo", "framework")]
            .map(|(n, c)| (n.to_string(), c.to_string()))
    );
}
