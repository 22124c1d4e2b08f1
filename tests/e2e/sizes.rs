//! The window at its smallest (760 × 520) and at full HD: every action in reach, nothing
//! scrolling sideways, the sidebar a drawer that closes the way drawers do, the edition's
//! form and preview taking turns when they cannot sit side by side. Screenshots of the
//! main screens at both sizes, light and dark, for people to look at.

use fantoccini::key::Key;
use folio_core::Folio;
use folio_e2e::{pointer, resize_window, App};

use crate::ONE_WINDOW;

/// Whether the element at `css` is on screen, whole, inside the window.
fn in_view(css: &str) -> String {
    format!(
        "(() => {{ const e = document.querySelector('{css}'); if (!e) return false; const r = e.getBoundingClientRect(); \
         return r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight \
         && getComputedStyle(e).visibility === 'visible'; }})()"
    )
}

/// Whether any pane scrolls sideways.
const NOTHING_SIDEWAYS: &str =
    "[...document.querySelectorAll('main, main *')].every(e => e.scrollWidth <= e.clientWidth + 1 \
     || getComputedStyle(e).overflowX === 'visible' || getComputedStyle(e).overflowX === 'hidden') \
     && document.documentElement.scrollWidth <= innerWidth";

/// The preview's pages are as wide as the preview.
const FITS: &str = "(() => { const p = document.querySelector('[data-testid=preview-pages]'); \
     const c = p?.querySelector('canvas'); if (!c || !p.clientWidth) return false; \
     const w = c.getBoundingClientRect().width; return w <= p.clientWidth && w > p.clientWidth * 0.9; })()";

/// The preview has drawn every page.
const DRAWN: &str = "document.querySelector('[data-testid=preview-status]')?.textContent.includes('updated in')";

/// The drawer is closed, and done sliding away.
const CLOSED: &str = "getComputedStyle(document.querySelector('#sidebar')).visibility === 'hidden'";

async fn sized(app: &App, width: u32, height: u32) {
    tokio::task::spawn_blocking(move || resize_window("Folio", width, height)).await.unwrap();
    app.wait_until(&format!("innerWidth === {width} && innerHeight === {height}"), "the window's new size").await;
    // Let a resized preview settle and redraw.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
}

fn demo(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("folio.db");
    Folio::open(&db).unwrap().load_demo(false).unwrap();
    db
}

#[tokio::test(flavor = "multi_thread")]
async fn at_the_smallest_size_every_action_is_in_reach_and_the_sidebar_is_a_drawer() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch(&demo(dir.path())).await;
    app.find("[data-kind=case-study]").await;
    sized(&app, 760, 520).await;

    // The top bar keeps the place, the save indicator and Search in view.
    assert_eq!(app.eval(&in_view(".topbar [data-testid=save-state]")).await, true, "the save indicator is in view");
    assert!(app.find(".topbar [data-testid=save-state]").await.text().await.unwrap().contains("All changes saved"));
    assert_eq!(app.eval(&in_view("[data-testid=menu]")).await, true);
    assert_eq!(app.eval(&in_view("#sidebar")).await, false, "the sidebar gave its width to the work");
    assert_eq!(app.eval(NOTHING_SIDEWAYS).await, true, "something scrolls sideways in the case study");
    app.screenshot("small-case-study").await;

    // The drawer: Esc closes it, a click outside closes it, a choice closes it.
    app.find("[data-testid=menu]").await.click().await.unwrap();
    app.wait_until(&in_view("#sidebar"), "the drawer opening").await;
    app.screenshot("small-menu").await;
    app.find("body").await.send_keys(&Key::Escape.to_string()).await.unwrap();
    app.wait_until(CLOSED, "Esc closing the drawer").await;
    app.find("[data-testid=menu]").await.click().await.unwrap();
    app.wait_until(&in_view("#sidebar"), "the drawer opening").await;
    tokio::task::spawn_blocking(|| pointer("Folio", 600.0, 400.0, 1, 1)).await.unwrap();
    app.wait_until(CLOSED, "a click outside closing the drawer").await;
    app.find("[data-testid=menu]").await.click().await.unwrap();
    app.wait_until(&in_view("#sidebar"), "the drawer opening").await;
    app.find("[data-testid=nav-edition]").await.click().await.unwrap();
    app.find("[data-kind=edition]").await;
    app.wait_until(CLOSED, "choosing a place closing the drawer").await;

    // The edition: the form and the preview take turns; Export is always in view.
    assert_eq!(app.eval(&in_view("[data-testid=export]")).await, true, "Export PDF… is in view");
    assert_eq!(app.eval(&in_view("[data-testid=tab-preview]")).await, true);
    assert_eq!(app.eval(&in_view("[data-testid=preview-pages]")).await, false, "the form has the room");
    assert_eq!(app.eval(NOTHING_SIDEWAYS).await, true, "something scrolls sideways in the edition");
    app.screenshot("small-edition").await;
    app.find("[data-testid=tab-preview]").await.click().await.unwrap();
    app.wait_until("Number(document.querySelector('[data-testid=preview-pages]')?.dataset.drawnAt) > 0", "the preview")
        .await;
    assert_eq!(app.eval(&in_view("[data-testid=export]")).await, true, "Export PDF… is in view with the preview");
    assert_eq!(app.eval(&in_view("input[name=targetRole]")).await, false, "the preview has the room");
    app.wait_until(FITS, "the pages filling the preview's width").await;
    assert_eq!(app.eval(NOTHING_SIDEWAYS).await, true);
    app.screenshot("small-edition-preview").await;
    app.find("[data-testid=tab-settings]").await.click().await.unwrap();
    app.find("[data-kind=edition] input[name=targetRole]").await;
    assert_eq!(app.eval(&in_view("input[name=name]")).await, true, "back on the form");

    // Full HD: the sidebar is back, no top bar, the form and the preview side by side.
    sized(&app, 1920, 1080).await;
    app.wait_until(FITS, "the preview drawn to its width").await;
    assert_eq!(app.eval(&in_view("#sidebar")).await, true);
    assert_eq!(app.eval(&in_view("[data-testid=menu]")).await, false);
    assert_eq!(app.eval(&in_view("[data-testid=tab-preview]")).await, false, "no tabs when both fit");
    assert_eq!(app.eval(&in_view("input[name=name]")).await, true);
    app.wait_until(FITS, "the preview beside the form, drawn again to its new width").await;
    assert_eq!(app.eval(NOTHING_SIDEWAYS).await, true);
    app.wait_until(DRAWN, "every page drawn").await;
    app.screenshot("large-edition").await;
    // A larger preview, on demand: the pages are drawn again, wider.
    let width = "document.querySelector('[data-testid=preview-pages] canvas').getBoundingClientRect().width";
    let before = app.eval(width).await.as_f64().unwrap();
    app.find("[data-testid=larger-preview]").await.click().await.unwrap();
    app.wait_until(&format!("{width} > {before} * 1.15"), "the larger preview").await;
    app.wait_until(FITS, "the larger preview, fitted").await;
    assert_eq!(app.eval(NOTHING_SIDEWAYS).await, true);
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_main_screens_at_both_sizes_in_dark() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch_with(&demo(dir.path()), &[("GTK_THEME", "Adwaita:dark")]).await;
    app.find("[data-kind=case-study]").await;
    assert_eq!(app.eval("matchMedia('(prefers-color-scheme: dark)').matches").await, true);
    sized(&app, 1920, 1080).await;
    app.screenshot("large-case-study-dark").await;
    app.find("[data-testid=nav-edition]").await.click().await.unwrap();
    app.wait_until(FITS, "the preview").await;
    app.wait_until(DRAWN, "every page drawn").await;
    app.screenshot("large-edition-dark").await;
    sized(&app, 760, 520).await;
    assert_eq!(app.eval(NOTHING_SIDEWAYS).await, true);
    assert_eq!(app.eval(&in_view("[data-testid=export]")).await, true);
    app.screenshot("small-edition-dark").await;
    app.find("[data-testid=tab-preview]").await.click().await.unwrap();
    app.wait_until(
        "document.querySelector('[data-testid=preview-pages] canvas')?.getBoundingClientRect().width > 300",
        "the preview, as wide as the window allows",
    )
    .await;
    app.wait_until(DRAWN, "every page drawn").await;
    app.screenshot("small-edition-preview-dark").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn one_set_of_controls_in_dark_selects_like_inputs_drawn_checkboxes_bordered_add_buttons() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::launch_with(&demo(dir.path()), &[("GTK_THEME", "Adwaita:dark")]).await;
    app.find("[data-kind=case-study]").await;
    let style = |css: &str, property: &str| {
        format!("getComputedStyle(document.querySelector(\"{css}\")).getPropertyValue('{property}')")
    };
    // No white glare: checkboxes are drawn on the field colour, not the toolkit's white.
    let field = app.eval(&style("[data-kind=case-study] input[name=title]", "background-color")).await;
    let checkbox = app.eval(&style("[data-kind=case-study] input[type=checkbox]", "background-color")).await;
    assert_ne!(checkbox, "rgb(255, 255, 255)", "a white checkbox in dark mode");
    assert_eq!(app.eval(&style("[data-kind=case-study] input[type=checkbox]", "appearance")).await, "none");
    // A chosen chip is filled with the accent, not a faint tint.
    let chosen = app.eval(&style("[data-kind=case-study] .chip.on", "background-color")).await;
    let accent = app.eval("getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()").await;
    assert_eq!(accent, "#63b4b2");
    assert_eq!(chosen, "rgb(99, 180, 178)", "the chosen chip is filled with the accent");
    // Every Add action is a bordered button, as Add metric… (a select) is.
    for css in ["[data-testid=add-link]", "[data-testid=add-images]", "select[aria-label='Add metric']"] {
        assert_ne!(app.eval(&style(css, "border-top-width")).await, "0px", "{css} has no border");
        assert_ne!(app.eval(&style(css, "border-top-color")).await, "rgba(0, 0, 0, 0)", "{css} has no border");
    }
    // Selects look like the inputs beside them.
    app.find("[data-testid=nav-edition]").await.click().await.unwrap();
    app.find("[data-kind=edition]").await;
    let select = app.eval(&style("select[aria-label=Theme]", "background-color")).await;
    assert_eq!(select, field, "a select on another background than the inputs");
    assert_eq!(app.eval(&style("select[aria-label=Theme]", "appearance")).await, "none");
    // A page view scrolls at the window's edge, not mid-window.
    app.find("[data-testid=nav-profile]").await.click().await.unwrap();
    app.find("[data-kind=profile]").await;
    let edge = "document.querySelector('.page').getBoundingClientRect().right === innerWidth";
    assert_eq!(app.eval(edge).await, true, "the profile's scrollbar floats mid-window");
    app.close().await;
}
