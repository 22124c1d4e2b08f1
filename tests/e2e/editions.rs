//! Editions: pick and order case studies, see the PDF, export it through the native
//! save dialog; and the screens the README shows.

use std::path::Path;
use std::process::Command;

use fantoccini::key::Key;
use folio_core::Folio;
use folio_e2e::{answer_dialog, screenshot_dir, App};
use folio_model::{CaseStudy, Edition, Profile};

use crate::ONE_WINDOW;

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext").args(["-layout"]).arg(pdf).arg("-").output().expect("poppler-utils");
    assert!(out.status.success(), "pdftotext failed on {}", pdf.display());
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edition_of_two_case_studies_exports_exactly_those_in_its_order() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let db = dir.path().join("folio.db");
    let folio = Folio::open(&db).unwrap();
    folio.update_profile(&Profile { full_name: "Jane Doe".into(), ..Profile::default() }).unwrap();
    for title in ["Ledger rebuild", "Search platform", "Mobile release train"] {
        folio.create(&CaseStudy { title: title.into(), ..CaseStudy::default() }).unwrap();
    }
    drop(folio);

    let app = App::launch_with(&db, &[("HOME", home.to_str().unwrap())]).await;
    app.find("[data-testid=nav-edition]").await.click().await.unwrap();
    app.find("[data-testid=new-edition]").await.click().await.unwrap();
    app.type_into("[data-kind=edition] input[name=name]", "Acme application").await;
    app.type_into("[data-kind=edition] input[name=targetRole]", "Staff Engineer").await;
    app.type_into("[data-kind=edition] input[name=targetCompany]", "Acme").await;

    app.find("[data-testid=caseStudies-pick]").await.click().await.unwrap();
    app.find("button[aria-label='Leave out Ledger rebuild']").await.click().await.unwrap();
    app.wait_texts("[data-testid=caseStudies-chosen] [data-testid=chosen-title]", "chosen", |t| {
        t == ["Search platform", "Mobile release train"]
    })
    .await;
    let second = app.client.find_all(fantoccini::Locator::Css("[data-testid=caseStudies-chosen]")).await.unwrap();
    second[1].send_keys(&format!("{}{}", Key::Alt, Key::Up)).await.unwrap();
    app.wait_texts("[data-testid=caseStudies-chosen] [data-testid=chosen-title]", "reordered", |t| {
        t == ["Mobile release train", "Search platform"]
    })
    .await;
    app.saved().await;

    app.find("[data-testid=export]").await.click().await.unwrap();
    tokio::task::spawn_blocking(|| answer_dialog("Export PDF", None)).await.unwrap();
    let toast = app.find("[data-testid=toast]").await.text().await.unwrap();
    assert!(toast.starts_with("Exported"), "{toast}");
    assert!(toast.contains("Open") && toast.contains("Show in folder"), "{toast}");
    app.find("[data-testid=exports] li").await;

    // The same edition as a Word file: its type chosen beside the button.
    app.find("[data-testid=export-type]").await.select_by_value("docx").await.unwrap();
    assert_eq!(app.find("[data-testid=export]").await.text().await.unwrap(), "Export Word…");
    app.find("[data-testid=export]").await.click().await.unwrap();
    tokio::task::spawn_blocking(|| answer_dialog("Export Word", None)).await.unwrap();
    let listed = app.wait_texts("[data-testid=exports] li", "two exports", |t| t.len() == 2).await;
    assert!(listed[0].contains("Word ·") && listed[1].contains("pages ·"), "newest first: {listed:?}");
    app.close().await;

    let pdf = home.join("Jane Doe — Staff Engineer — Acme.pdf");
    assert!(
        pdf.is_file(),
        "the suggested file name in the home folder: {:?}",
        std::fs::read_dir(&home).unwrap().collect::<Vec<_>>()
    );
    // An ordinary document, readable as any file the user saves (not private 0600).
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&pdf).unwrap().permissions().mode() & 0o777;
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let umask = status.lines().find_map(|l| l.strip_prefix("Umask:")).unwrap().trim();
    assert_eq!(mode, 0o666 & !u32::from_str_radix(umask, 8).unwrap(), "the exported PDF is {mode:o}");
    let text = pdftotext(&pdf);
    let mobile = text.find("Mobile release train").expect("the first chosen case study is in the PDF");
    let search = text.find("Search platform").expect("the second chosen case study is in the PDF");
    assert!(mobile < search, "the edition's order is the PDF's order");
    assert!(!text.contains("Ledger rebuild"), "a case study left out of the edition is not exported");

    let docx = home.join("Jane Doe — Staff Engineer — Acme.docx");
    let mut word = zip::ZipArchive::new(std::fs::File::open(&docx).expect("the Word file")).unwrap();
    let mut document = String::new();
    std::io::Read::read_to_string(&mut word.by_name("word/document.xml").unwrap(), &mut document).unwrap();
    let (mobile, search) = (document.find("Mobile release train"), document.find("Search platform"));
    assert!(mobile.is_some() && mobile < search, "the Word file has the edition's case studies in its order");
    assert!(!document.contains("Ledger rebuild"));

    let folio = Folio::open(&db).unwrap();
    let edition = folio.edition_by_name("Acme application").unwrap();
    let exports = folio.exports(Some(edition.id)).unwrap();
    assert_eq!(exports.len(), 2, "each export is recorded against its edition");
    assert_eq!(exports[0].bytes, std::fs::metadata(&docx).unwrap().len());
    assert_eq!(exports[1].bytes, std::fs::metadata(&pdf).unwrap().len());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_main_screens_in_light_and_dark() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    Folio::open(&db).unwrap().load_demo(false).unwrap();

    let app = App::launch(&db).await;
    app.find("[data-testid=editor-title]").await;
    let marked =
        app.client.execute("return performance.getEntriesByName('folio:content').length", vec![]).await.unwrap();
    assert_eq!(marked, 1, "the first content is marked for the start-up benchmark");
    app.find("[data-testid=decision] .toggle").await.click().await.unwrap();
    app.find("[data-testid=metric] .toggle").await.click().await.unwrap();
    app.find("[data-testid=metric-statement]").await;
    app.screenshot("case-study-editor").await;

    app.find("[data-testid=nav-edition]").await.click().await.unwrap();
    app.find("[data-kind=edition]").await;
    let status = app
        .wait_texts("[data-testid=preview-status]", "the preview", |t| t.first().is_some_and(|s| s.contains("pages")))
        .await;
    // The ATS check beside the preview: the demo edition reads right in every field,
    // the details open, and Esc closes them again.
    app.wait_texts("[data-testid=ats-score]", "the ATS check", |t| {
        t.first().is_some_and(|s| s == "An ATS reads 100% of the fields right")
    })
    .await;
    app.screenshot("edition-preview").await;
    app.find("[data-testid=ats-toggle]").await.click().await.unwrap();
    let details = app.find("[data-testid=ats-details]").await.text().await.unwrap();
    assert!(details.contains("Every field reads right"), "{details}");
    app.screenshot("ats-check").await;
    app.find("[data-testid=ats-toggle]").await.send_keys(&Key::Escape.to_string()).await.unwrap();
    app.wait_until("document.querySelector('[data-testid=ats-details]') === null", "Esc closes the ATS details").await;
    let dark = app.client.execute("return matchMedia('(prefers-color-scheme: dark)').matches", vec![]).await.unwrap();
    assert_eq!(dark, false);
    app.close().await;
    assert!(status[0].contains("updated in"), "{status:?}");

    let app = App::launch_with(&db, &[("GTK_THEME", "Adwaita:dark")]).await;
    app.find("[data-testid=editor-title]").await;
    let dark = app.client.execute("return matchMedia('(prefers-color-scheme: dark)').matches", vec![]).await.unwrap();
    app.screenshot("dark-mode").await;
    app.close().await;
    assert_eq!(dark, true, "the window follows a dark system theme");

    let edition = Folio::open(&db).unwrap().list::<Edition>().unwrap();
    assert!(!edition.is_empty());
    assert!(screenshot_dir().join("edition-preview.png").is_file());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cover_letter_is_drafted_on_its_tab_beside_its_one_page_preview() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    Folio::open(&db).unwrap().load_demo(false).unwrap();

    let app = App::launch(&db).await;
    app.find("[data-testid=nav-edition]").await.click().await.unwrap();
    app.find("[data-kind=edition]").await;
    app.find("[data-testid=pane-letter]").await.click().await.unwrap();
    // The preview beside the letter's tab shows the letter.
    app.wait_texts("[data-testid=preview-status]", "the letter's page", |t| {
        t.first().is_some_and(|s| s.starts_with("1 page"))
    })
    .await;
    app.find("[data-testid=draft-letter]").await.click().await.unwrap();
    app.wait_until(
        "document.querySelector('textarea[name=body]')?.value.startsWith(\
         'I am writing to apply for the Staff Engineer role at Northwind.') === true",
        "the draft in the letter's field",
    )
    .await;
    assert_eq!(app.value("input[name=subject]").await, "Application for the Staff Engineer role");

    // Rewritten by hand, the letter is replaced by a new draft only on a second click.
    app.type_into("textarea[name=body]", " I would start with the ledger.").await;
    app.saved().await;
    app.find("[data-testid=draft-letter]").await.click().await.unwrap();
    app.find_text("[data-testid=draft-letter]", "Replace your letter with a new draft").await;
    assert!(app.value("textarea[name=body]").await.ends_with("I would start with the ledger."));

    // Back on the edition's tab, the preview shows the edition's document again.
    app.find("[data-testid=pane-edition]").await.click().await.unwrap();
    app.wait_texts("[data-testid=preview-status]", "the portfolio again", |t| {
        t.first().is_some_and(|s| s.contains("pages"))
    })
    .await;
    app.saved().await;
    app.close().await;

    let folio = Folio::open(&db).unwrap();
    let edition = folio.edition_by_name("Staff Engineer — Northwind").unwrap().item;
    assert_eq!(
        edition.format,
        folio_model::DocumentFormat::Portfolio,
        "the tab changes what is shown, not the edition"
    );
    assert!(edition.letter.body.ends_with("I would start with the ledger."), "what was typed is kept");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bundle_goes_out_as_one_file_or_as_its_letter_resume_and_portfolio() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let db = dir.path().join("folio.db");
    let folio = Folio::open(&db).unwrap();
    folio.load_demo(false).unwrap();
    let northwind = folio.edition_by_name("Staff Engineer — Northwind").unwrap();
    folio.draft_letter(northwind.id).unwrap();
    drop(folio);

    let app = App::launch_with(&db, &[("HOME", home.to_str().unwrap())]).await;
    app.find("[data-testid=nav-edition]").await.click().await.unwrap();
    app.find("select[aria-label=Format]").await.select_by_value("bundle").await.unwrap();
    app.saved().await;
    app.find("[data-testid=export-parts]").await.select_by_value("each").await.unwrap();
    app.find("[data-testid=export]").await.click().await.unwrap();
    tokio::task::spawn_blocking(|| answer_dialog("Export PDF", None)).await.unwrap();
    app.wait_texts("[data-testid=exports] li", "three exports", |t| t.len() == 3).await;

    app.find("[data-testid=export-parts]").await.select_by_value("one").await.unwrap();
    app.find("[data-testid=export]").await.click().await.unwrap();
    tokio::task::spawn_blocking(|| answer_dialog("Export PDF", None)).await.unwrap();
    app.wait_texts("[data-testid=exports] li", "four exports", |t| t.len() == 4).await;
    app.close().await;

    let stem = "Maya Okafor — Staff Engineer — Northwind";
    let pages = |name: &str| {
        let path = home.join(format!("{name}.pdf"));
        let out = Command::new("pdfinfo").arg(&path).output().expect("poppler-utils");
        assert!(out.status.success(), "{} is a PDF", path.display());
        let info = String::from_utf8(out.stdout).unwrap();
        info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse::<usize>().unwrap()
    };
    assert_eq!(pages(&format!("{stem} — Cover letter")), 1);
    let resume = pages(&format!("{stem} — Résumé"));
    let portfolio = pages(&format!("{stem} — Portfolio"));
    assert!(resume <= 2 && portfolio > resume, "résumé {resume}, portfolio {portfolio}");
    assert!(pages(stem) > 2, "the bundle in one file");
    let letter = pdftotext(&home.join(format!("{stem} — Cover letter.pdf")));
    assert!(letter.contains("I am writing to apply for the Staff Engineer role at Northwind."), "{letter}");
}
