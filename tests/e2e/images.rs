//! Images in the app: picked through the native dialog onto a case study and as the
//! profile photo, shown as thumbnails, captioned, reordered, and stored.

use folio_core::Folio;
use folio_e2e::{answer_dialog, App};
use folio_media::draw;
use folio_model::{CaseStudy, MediaType};

use crate::ONE_WINDOW;

/// Waits until every thumbnail in the editor has loaded its picture.
async fn thumbnails_loaded(app: &App, count: usize) {
    let deadline = tokio::time::Instant::now() + folio_e2e::PATIENCE;
    loop {
        let loaded = app
            .client
            .execute(
                "return [...document.querySelectorAll('[data-testid=image-thumbnail]')].filter(i => i.complete && i.naturalWidth > 0).length",
                vec![],
            )
            .await
            .unwrap();
        if loaded.as_u64() == Some(count as u64) {
            return;
        }
        assert!(tokio::time::Instant::now() < deadline, "{loaded} of {count} thumbnails showed");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn images_picked_in_the_dialog_show_as_thumbnails_take_captions_and_reorder() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    // The pictures live apart from the database, as a user's Downloads folder would.
    let pictures = tempfile::tempdir().unwrap();
    let diagram = pictures.path().join("architecture.png");
    std::fs::write(&diagram, draw::png_rgb(draw::diagram(1600, 900, [37, 99, 235]))).unwrap();
    let photo = pictures.path().join("whiteboard.jpg");
    std::fs::write(&photo, draw::jpeg(&draw::photo(1200, 800, 3), 90)).unwrap();
    let text = pictures.path().join("notes.png");
    std::fs::write(&text, "this is text, not a picture").unwrap();

    let db = dir.path().join("folio.db");
    let id =
        Folio::open(&db).unwrap().create(&CaseStudy { title: "Ledger".into(), ..CaseStudy::default() }).unwrap().id;
    let app = App::launch(&db).await;
    app.find_text("[data-testid=editor-title]", "Ledger").await;

    for (n, path) in [&diagram, &photo].into_iter().enumerate() {
        app.find("[data-testid=add-images]").await.click().await.unwrap();
        let path = path.to_str().unwrap().to_string();
        tokio::task::spawn_blocking(move || answer_dialog("Add images", Some(&path))).await.unwrap();
        app.wait_texts("[data-testid=image]", "after adding", |t| t.len() == n + 1).await;
    }
    thumbnails_loaded(&app, 2).await;

    app.type_into("[data-testid=image]:nth-child(1) input[name=caption]", "Ledger architecture").await;
    app.type_into("[data-testid=image]:nth-child(2) input[name=caption]", "The whiteboard after the kickoff").await;
    app.find("[data-testid=image]:nth-child(2) [data-move=earlier]").await.click().await.unwrap();
    app.saved().await;
    app.find("[data-testid=images]").await;
    app.screenshot("case-study-images").await;

    // A file that is not an image is refused with a reason, and nothing is added.
    app.find("[data-testid=add-images]").await.click().await.unwrap();
    let path = text.to_str().unwrap().to_string();
    tokio::task::spawn_blocking(move || answer_dialog("Add images", Some(&path))).await.unwrap();
    let toast = app.find("[data-testid=toast]").await.text().await.unwrap();
    assert!(toast.contains("This is not an image Folio can read"), "{toast}");
    assert_eq!(app.texts("[data-testid=image]").await.len(), 2);
    app.close().await;

    let stored = Folio::open(&db).unwrap();
    let images = stored.get::<CaseStudy>(id).unwrap().item.images;
    let captions: Vec<_> = images.iter().map(|i| i.caption.as_str()).collect();
    assert_eq!(captions, ["The whiteboard after the kickoff", "Ledger architecture"]);
    let kinds: Vec<_> = images.iter().map(|i| stored.asset(i.asset).unwrap().0.media_type).collect();
    assert_eq!(kinds, [MediaType::Jpeg, MediaType::Png]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_profile_photo_is_chosen_shown_and_removed() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let pictures = tempfile::tempdir().unwrap();
    let me = pictures.path().join("me.jpg");
    std::fs::write(&me, draw::jpeg(&draw::portrait(900, 2), 90)).unwrap();
    let db = dir.path().join("folio.db");
    Folio::open(&db).unwrap().start_empty().unwrap();

    let app = App::launch(&db).await;
    app.find("[data-testid=nav-profile]").await.click().await.unwrap();
    app.find("[data-testid=choose-photo]").await.click().await.unwrap();
    let path = me.to_str().unwrap().to_string();
    tokio::task::spawn_blocking(move || answer_dialog("Choose a photo", Some(&path))).await.unwrap();
    app.find("[data-testid=photo]").await;
    let deadline = tokio::time::Instant::now() + folio_e2e::PATIENCE;
    let shown = "const img = document.querySelector('[data-testid=photo]'); return !!img && img.complete && img.naturalWidth > 0";
    while app.client.execute(shown, vec![]).await.unwrap() != serde_json::Value::Bool(true) {
        assert!(tokio::time::Instant::now() < deadline, "the photo never showed");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.saved().await;
    app.screenshot("profile-photo").await;
    let chosen = Folio::open(&db).unwrap().profile().unwrap().photo;
    assert!(chosen.is_some(), "the photo is stored");

    app.find("[data-testid=remove-photo]").await.click().await.unwrap();
    app.saved().await;
    app.close().await;
    assert_eq!(Folio::open(&db).unwrap().profile().unwrap().photo, None);
}
