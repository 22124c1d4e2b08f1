//! The LinkedIn kit as a user meets it: copy the About, see it marked copied, rename a
//! case study it mentions, and see exactly that field marked out of date.

use fantoccini::key::Key;
use folio_core::Folio;
use folio_e2e::App;

use crate::ONE_WINDOW;

const ABOUT: &str = "[data-testid=kit-field][data-key=about]";
const HEADLINE: &str = "[data-testid=kit-field][data-key=headline]";

#[tokio::test(flavor = "multi_thread")]
async fn a_copied_linkedin_field_is_marked_out_of_date_when_the_case_study_it_mentions_changes() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    Folio::open(&db).unwrap().load_demo(false).unwrap();

    let app = App::launch(&db).await;
    app.find("[data-testid=nav-linkedin]").await.click().await.unwrap();
    let counter = app.find(&format!("{ABOUT} [data-testid=kit-counter]")).await.text().await.unwrap();
    assert_eq!(counter, "916 / 2,600 characters");
    app.screenshot("linkedin-kit").await;
    for field in [ABOUT, HEADLINE] {
        app.find(&format!("{field} button")).await.click().await.unwrap();
        app.find(&format!("{field} [data-testid=kit-copied]")).await;
    }
    let toast = app.find("[data-testid=toast]").await.text().await.unwrap();
    assert!(toast.contains("copied"), "{toast}");

    // Rename the ledger case study, which the About lists and the headline does not.
    app.find("[data-testid=nav-case-study]").await.click().await.unwrap();
    let title = app.find("[data-kind=case-study] input[name=title]").await;
    title.send_keys(&format!("{}a{}", Key::Control, Key::Backspace)).await.unwrap();
    title.send_keys("Ledger migration").await.unwrap();
    app.wait_until(
        "document.querySelector('[data-testid=save-state]').textContent.includes('All changes saved') \
         && document.querySelector('[data-kind=case-study] input[name=title]').value === 'Ledger migration'",
        "the new title saved",
    )
    .await;

    app.find("[data-testid=nav-linkedin]").await.click().await.unwrap();
    let stale = app.find(&format!("{ABOUT} [data-testid=kit-stale]")).await.text().await.unwrap();
    assert_eq!(
        stale,
        "Out of date: Your LinkedIn About no longer mentions Event-driven payment ledger for Acme Payments"
    );
    app.find(&format!("{HEADLINE} [data-testid=kit-copied]")).await;
    assert_eq!(app.eval("document.querySelectorAll('[data-testid=kit-stale]').length").await, 1, "only the About");
    app.screenshot("linkedin-kit-out-of-date").await;

    // Copied again, it is up to date.
    app.find(&format!("{ABOUT} button")).await.click().await.unwrap();
    app.wait_until("document.querySelectorAll('[data-testid=kit-stale]').length === 0", "the About copied again").await;
    app.close().await;
}
