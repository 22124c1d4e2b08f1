use folio_core::Folio;
use folio_e2e::App;
use folio_model::CaseStudy;

use crate::ONE_WINDOW;

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_database_offers_the_example_which_shows_the_profile_and_case_studies() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    let app = App::launch(&db).await;

    let title = app.client.title().await.unwrap();
    assert_eq!(title, "Folio");
    app.find("[data-testid=start-example]").await;
    app.screenshot("welcome").await;
    app.find("[data-testid=start-example]").await.click().await.unwrap();

    app.find("[data-testid=record-title]").await;
    let shown = app.texts("[data-testid=record-title]").await;
    app.screenshot("home").await;
    app.find("[data-testid=nav-profile]").await.click().await.unwrap();
    let name = app.value("[data-kind=profile] input[name=fullName]").await;
    app.close().await;

    let folio = Folio::open(&db).unwrap();
    assert_eq!(name, folio.profile().unwrap().full_name);
    assert_eq!(name, "Maya Okafor");
    let stored: Vec<_> = folio.list::<CaseStudy>().unwrap().into_iter().map(|c| c.item.title).collect();
    assert!(stored.len() >= 5);
    assert_eq!(shown, stored, "the window lists every case study of the database, in order");
}

#[tokio::test(flavor = "multi_thread")]
async fn starting_empty_shows_what_to_do_next_and_is_remembered() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");

    let app = App::launch(&db).await;
    app.find("[data-testid=start-empty]").await.click().await.unwrap();
    let empty = app.find(".nothing").await.text().await.unwrap();
    assert!(empty.starts_with("A case study tells one project you led"), "{empty}");
    assert!(empty.contains("New case study"), "the empty state offers the next step: {empty}");
    app.close().await;

    let app = App::launch(&db).await;
    app.find("[data-testid=nav-case-study]").await;
    assert!(app.texts("[data-testid=start-example]").await.is_empty(), "the welcome is not offered again");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_that_is_not_a_database_is_explained_and_left_alone() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.txt");
    std::fs::write(&db, "Not a database. ".repeat(100)).unwrap();

    let app = App::launch(&db).await;
    let alert = app.find("[role=alert]").await.text().await.unwrap();
    app.close().await;

    assert!(alert.contains("is not a Folio database"), "{alert}");
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "Not a database. ".repeat(100));
}
