//! The window under a user's hands: it never scrolls away, its dialogs close the way
//! dialogs do, and it never says all is saved while typed text is not.

use fantoccini::key::Key;
use folio_core::Folio;
use folio_e2e::{pointer, type_like_a_person, App};

use crate::ONE_WINDOW;

fn demo(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("folio.db");
    Folio::open(&db).unwrap().load_demo(false).unwrap();
    db
}

#[tokio::test(flavor = "multi_thread")]
async fn wheeling_past_the_end_of_the_editor_never_scrolls_the_window() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(&demo(dir.path())).await;
    app.find("[data-kind=case-study]").await;
    let editor = app.eval("(() => { const r = document.querySelector('[data-kind=case-study]').getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()").await;
    let (x, y) = (editor[0].as_f64().unwrap(), editor[1].as_f64().unwrap());
    // Far past the end of the form, then back up over the sidebar's edge.
    tokio::task::spawn_blocking(move || pointer("Folio", x, y, 5, 80)).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(
        app.eval("[window.scrollX, window.scrollY, document.scrollingElement.scrollTop]").await,
        serde_json::json!([0, 0, 0]),
        "the document scrolled"
    );
    assert_eq!(app.eval("document.querySelector('nav').getBoundingClientRect().top").await, 0, "the sidebar slid away");
    // Even a script's scroll (a focus, scrollIntoView) is put back.
    app.eval("(window.scrollTo(0, 400), 0)").await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(app.eval("window.scrollY").await, 0);
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_search_palette_closes_with_esc_and_a_click_outside_and_help_takes_its_place() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(&demo(dir.path())).await;
    app.find("[data-kind=case-study]").await;
    let open = "document.querySelector('dialog.palette').open";
    let ctrl_k = format!("{}k", Key::Control);

    // Esc, pressed once on the empty query.
    app.find("body").await.send_keys(&ctrl_k).await.unwrap();
    app.find("[data-testid=search-input]").await;
    assert_eq!(app.eval(open).await, true);
    app.find("[data-testid=search-input]").await.send_keys(&Key::Escape.to_string()).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(app.eval(open).await, false, "Esc closes the palette");

    // A click outside it, with the real mouse, on the backdrop's corner.
    app.find("body").await.send_keys(&ctrl_k).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(app.eval(open).await, true);
    tokio::task::spawn_blocking(|| pointer("Folio", 30.0, 600.0, 1, 1)).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(app.eval(open).await, false, "a click outside closes the palette");

    // F1 over it: help, alone.
    app.find("body").await.send_keys(&ctrl_k).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    app.find("[data-testid=search-input]").await.send_keys(&Key::F1.to_string()).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        app.eval("[...document.querySelectorAll('dialog[open]')].map(d => d.className.split(' ')[0])").await,
        serde_json::json!(["help"])
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_half_typed_date_keeps_the_indicator_from_saying_all_is_saved() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(&demo(dir.path())).await;
    app.type_into("[data-kind=case-study] input[name=start]", "2021-13").await;
    let state = app.find("[data-testid=save-state]").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(state.attr("data-state").await.unwrap().as_deref(), Some("invalid"));
    assert!(state.text().await.unwrap().contains("Not saved"), "{}", state.text().await.unwrap());
    // Made valid, it is stored and the indicator says so.
    app.type_into("[data-kind=case-study] input[name=start]", "2021-12").await;
    app.saved().await;
    app.close().await;
    let stored = Folio::open(&dir.path().join("folio.db")).unwrap().list::<folio_model::CaseStudy>().unwrap();
    assert_eq!(stored[0].item.start.map(|d| d.to_string()).as_deref(), Some("2021-12"));
}

#[tokio::test(flavor = "multi_thread")]
async fn started_without_a_display_folio_says_so_in_one_sentence_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(folio_e2e::app_binary())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("FOLIO_DB", dir.path().join("folio.db"))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.starts_with("folio: cannot open a window"), "{said}");
    assert!(!said.contains("panicked") && !said.contains("backtrace"), "{said}");
    assert_eq!(said.trim_end().lines().count(), 1, "one sentence: {said}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_keyboard_undoes_a_delete_selects_only_in_fields_and_the_app_reopens_where_it_was() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    let folio = Folio::open(&db).unwrap();
    for title in ["Keep me", "Delete me"] {
        folio.create(&folio_model::CaseStudy { title: title.into(), ..Default::default() }).unwrap();
    }
    drop(folio);
    let ctrl = |key: char| format!("{}{key}", Key::Control);

    let app = App::launch(&db).await;
    app.find_text("[data-testid=record-title]", "Delete me").await.click().await.unwrap();
    app.find_text("[data-testid=editor-title]", "Delete me").await;
    app.find("[data-testid=delete]").await.click().await.unwrap();
    app.wait_texts("[data-testid=record-title]", "after delete", |t| t == ["Keep me"]).await;
    // Ctrl+Z outside a field undoes the delete, as the message's Undo does.
    app.find("body").await.send_keys(&ctrl('z')).await.unwrap();
    app.wait_texts("[data-testid=record-title]", "after Ctrl+Z", |t| t == ["Keep me", "Delete me"]).await;

    // Ctrl+A outside a field selects nothing of the window's chrome.
    app.find("body").await.send_keys(&ctrl('a')).await.unwrap();
    assert_eq!(app.eval("window.getSelection().toString()").await, "");

    // Preview, then Edit: the caret is back in the text.
    app.find_text("[data-kind=case-study] button", "Preview").await.click().await.unwrap();
    app.find_text("[data-kind=case-study] button", "Edit").await.click().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(app.eval("document.activeElement.tagName").await, "TEXTAREA");

    // Reopened, the app is where the user was.
    app.find("[data-testid=nav-skill]").await.click().await.unwrap();
    app.find("[data-testid=nav-skill][aria-current=page]").await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let body = app.find("body").await;
    app.quit(&body).await;
    let app = App::launch(&db).await;
    app.find("[data-testid=nav-skill][aria-current=page]").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn adding_a_link_row_is_not_an_error() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(&demo(dir.path())).await;
    app.find("[data-testid=nav-profile]").await.click().await.unwrap();
    app.find("[data-kind=profile]").await;
    app.find_text("[data-kind=profile] button", "Add link").await.click().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    app.saved().await;
    assert!(
        app.client.find(fantoccini::Locator::Css("[data-testid=save-problem]")).await.is_err(),
        "no error before any typing"
    );

    // An address being typed is refused: the message names the field in words, and
    // neither it nor the field's own error moves anything under the caret.
    let top_of = |css: &str| format!("[...document.querySelectorAll(\"{css}\")].at(-1).getBoundingClientRect().top");
    let address = "[data-kind=profile] input[aria-label='Link address']";
    let before = (app.eval(&top_of(address)).await, app.eval(&top_of("[data-testid=add-link]")).await);
    let fields = app.client.find_all(fantoccini::Locator::Css(address)).await.unwrap();
    fields.last().unwrap().send_keys("www.example").await.unwrap();
    let problem = app.find("[data-testid=save-problem]").await.text().await.unwrap();
    assert!(problem.contains("'s address is not a valid address"), "{problem}");
    assert!(!problem.contains('[') && !problem.contains(".url"), "a path in the message: {problem}");
    app.find("[data-kind=profile] .link-row .error").await;
    let after = (app.eval(&top_of(address)).await, app.eval(&top_of("[data-testid=add-link]")).await);
    assert_eq!(before, after, "the field or the rows below it moved");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_coachs_advice_arriving_moves_nothing_in_the_form() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(&dir.path().join("folio.db")).await;
    app.find("[data-testid=start-empty]").await.click().await.unwrap();
    app.find("[data-testid=new-case-study]").await.click().await.unwrap();
    let title = "[data-kind=case-study] input[name=title]";
    app.find(title).await;
    // Where each field sits once the coach has first spoken.
    let tops = "[...document.querySelectorAll('[data-kind=case-study] input, [data-kind=case-study] textarea')]\
                .map(e => Math.round(e.getBoundingClientRect().top))";
    app.wait_until("document.querySelectorAll('.coach-hint').length > 0", "the coach's first advice").await;
    let before = app.eval(tops).await;
    let hints = app.texts(".coach-hint").await;
    // Typing changes what the coach says (a title, a summary, an organisation)...
    app.type_into(title, "Payments re-platform").await;
    app.type_into("[data-kind=case-study] input[name=organisation]", "Northwind").await;
    app.type_into("[data-kind=case-study] textarea[name=summary]", "Moved the ledger to streaming.").await;
    app.saved().await;
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_ne!(app.texts(".coach-hint").await, hints, "the coach did not speak again, so this proves nothing");
    // ...and nothing moved.
    assert_eq!(app.eval(tops).await, before, "a field moved when the coach's advice changed");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_in_an_editions_notes_never_waits_for_the_preview_which_redraws_only_the_pages_that_changed() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(&demo(dir.path())).await;
    app.find("[data-testid=nav-edition]").await.click().await.unwrap();
    let pages = "document.querySelector('[data-testid=preview-pages]')?.dataset";
    app.wait_until(&format!("{pages}?.draws === '1'"), "the preview's first drawing").await;

    // Notes, at a person's speed: every key is in the field as soon as it is pressed.
    app.eval(
        "(() => { const n = document.querySelector('[data-kind=edition] textarea[name=notes]'); \
         n.focus(); n.setSelectionRange(n.value.length, n.value.length); return 0; })()",
    )
    .await;
    let text = " Ask about the on-call rota and the roadmap.";
    tokio::task::spawn_blocking(move || type_like_a_person("Folio", text, 15.0)).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    let notes = app.eval("document.querySelector('[data-kind=edition] textarea[name=notes]').value").await;
    assert!(notes.as_str().unwrap().ends_with(text), "keys were still queued or went elsewhere: {notes}");
    // The preview looked, found the PDF unchanged, and drew nothing again.
    app.wait_until(&format!("Number({pages}?.unchangedAt) > 0"), "the preview's look at the new PDF").await;
    app.saved().await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(app.eval(&format!("{pages}.draws")).await, "1", "notes are never printed, yet the preview redrew");

    // The target role is in the PDF's properties (its subject), on no page: the new PDF
    // is taken, and no page is drawn again, for none looks different.
    app.eval("(document.querySelector('[data-kind=edition] input[name=targetRole]').focus(), 0)").await;
    tokio::task::spawn_blocking(|| type_like_a_person("Folio", " Lead", 15.0)).await.unwrap();
    app.wait_until(&format!("{pages}.draws === '2'"), "the look at the PDF after a printed field changed").await;
    assert_eq!(app.eval(&format!("{pages}.redrawn")).await, "0", "pages that look the same were drawn again");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_search_hit_opens_the_record_at_the_field_that_matched_with_the_words_selected() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(&demo(dir.path())).await;
    app.find("[data-testid=nav-skill]").await.click().await.unwrap();
    app.find("[data-kind=skill]").await;

    app.find("body").await.send_keys(&format!("{}k", Key::Control)).await.unwrap();
    app.find("[data-testid=search-input]").await.send_keys("atomicity comes").await.unwrap();
    // The snippet is one field's words, named.
    let hit = app.find("[data-testid=search-hit]").await;
    app.wait_texts("[data-testid=hit-field]", "the matched field's name", |t| {
        t.first().is_some_and(|f| f == "Decision 1's rationale:")
    })
    .await;
    let snippet = hit.text().await.unwrap();
    assert!(snippet.contains("Atomicity comes from the database transaction"), "{snippet}");
    app.find("[data-testid=search-input]").await.send_keys(&Key::Enter.to_string()).await.unwrap();

    // The case study opens at the decision's rationale: its card open, the field in
    // view, the caret on the matched word.
    app.find("[data-kind=case-study]").await;
    app.wait_until(
        "document.activeElement?.name === 'rationale' && document.activeElement.closest('[data-testid=decision]') !== null",
        "the rationale focused",
    )
    .await;
    let selected = app
        .eval("(() => { const e = document.activeElement; return e.value.substring(e.selectionStart, e.selectionEnd); })()")
        .await;
    assert_eq!(selected, "Atomicity");
    let in_view = "(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()";
    assert_eq!(app.eval(in_view).await, true, "the field is scrolled into view");
    let first_decision_open =
        "document.querySelectorAll('[data-testid=decision]')[0].querySelector('.toggle').getAttribute('aria-expanded')";
    assert_eq!(app.eval(first_decision_open).await, "true");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn about_folio_names_the_version_and_the_data_file_and_closes_like_every_dialog() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let app = App::launch(&db).await;
    let open = "[...document.querySelectorAll('dialog[open]')].map(d => d.className.split(' ')[0])";

    app.find("[data-testid=open-about]").await.click().await.unwrap();
    app.wait_until(
        &format!(
            "document.querySelector('[data-testid=about-version]').textContent === {:?}",
            env!("CARGO_PKG_VERSION")
        ),
        "About Folio names the workspace's version",
    )
    .await;
    assert_eq!(app.find("[data-testid=about-database]").await.text().await.unwrap(), db.display().to_string());
    app.screenshot("about").await;
    app.find("[data-testid=about] button.primary").await.send_keys(&Key::Escape.to_string()).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(app.eval(open).await, serde_json::json!([]), "Esc closes About Folio");

    // Ctrl+K over it: the palette, alone.
    app.find("[data-testid=open-about]").await.click().await.unwrap();
    app.find("[data-testid=about-version]").await;
    app.find("[data-testid=about] button.primary").await.send_keys(&format!("{}k", Key::Control)).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(app.eval(open).await, serde_json::json!(["palette"]));
    app.close().await;
}
