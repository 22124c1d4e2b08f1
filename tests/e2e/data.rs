//! Import & backup: a JSON Resume and LinkedIn's export chosen in the native open
//! dialog, previewed, then imported.

use std::path::Path;

use folio_core::Folio;
use folio_e2e::{answer_dialog, App};
use folio_model::{CaseStudy, Experience};

use crate::ONE_WINDOW;

#[tokio::test(flavor = "multi_thread")]
async fn a_json_resume_is_previewed_then_imported_through_the_open_dialog() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    // The résumé sits in its own folder, as a download would.
    let downloads = dir.path().join("Downloads");
    std::fs::create_dir(&downloads).unwrap();
    let resume = downloads.join("resume.json");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../crates/folio-core/tests/fixtures/jsonresume-schema/sample.resume.json"),
        &resume,
    )
    .unwrap();

    let app = App::launch(&db).await;
    app.find("[data-testid=start-empty]").await.click().await.unwrap();
    app.find("[data-testid=nav-data]").await.click().await.unwrap();
    app.find_text("button", "Choose a file…").await.click().await.unwrap();
    let path = resume.to_str().unwrap().to_string();
    tokio::task::spawn_blocking(move || answer_dialog("Import", Some(&path))).await.unwrap();

    let preview = app.find("[data-testid=import-preview]").await.text().await.unwrap();
    assert!(preview.starts_with("JSON Resume · 1 case study"), "{preview}");
    assert!(preview.contains("notes on what was left out"), "{preview}");
    // A preview imports nothing. (Checked in the window: reading the database from
    // this process while the app runs is what the CLI tests cover.)
    app.find("[data-testid=nav-case-study]").await.click().await.unwrap();
    app.find(".nothing").await;
    app.find("[data-testid=nav-data]").await.click().await.unwrap();
    app.find_text("button", "Choose a file…").await.click().await.unwrap();
    let path = resume.to_str().unwrap().to_string();
    tokio::task::spawn_blocking(move || answer_dialog("Import", Some(&path))).await.unwrap();
    app.find("[data-testid=import-preview]").await;

    app.find("[data-testid=import-preview] button.primary").await.click().await.unwrap();
    app.find("[data-testid=toast]").await;
    app.find("[data-testid=nav-case-study]").await.click().await.unwrap();
    app.find_text("[data-testid=record-title]", "Miss Direction").await;
    app.close().await;

    let folio = Folio::open(&db).unwrap();
    assert_eq!(folio.profile().unwrap().full_name, "Richard Hendriks");
    assert_eq!(folio.list::<CaseStudy>().unwrap()[0].item.title, "Miss Direction");
}

/// The fixture export zipped as LinkedIn sends it, in `dir`.
fn linkedin_zip(dir: &Path) -> std::path::PathBuf {
    use std::io::Write;
    let export = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/folio-core/tests/fixtures/linkedin-export");
    let path = dir.join("Basic_LinkedInDataExport_12-05-2026.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let mut files: Vec<_> = std::fs::read_dir(export).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "csv")) {
        zip.start_file(file.file_name().unwrap().to_string_lossy(), zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(&std::fs::read(file).unwrap()).unwrap();
    }
    zip.finish().unwrap();
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn a_linkedin_export_is_added_to_a_portfolio_through_the_open_dialog() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    Folio::open(&db).unwrap().load_demo(false).unwrap();
    let zip = linkedin_zip(dir.path()).to_str().unwrap().to_string();

    let app = App::launch(&db).await;
    app.find("[data-testid=nav-data]").await.click().await.unwrap();
    app.find_text("button", "Choose a file…").await.click().await.unwrap();
    tokio::task::spawn_blocking(move || answer_dialog("Import", Some(&zip))).await.unwrap();
    let preview = app.find("[data-testid=import-preview]").await.text().await.unwrap();
    assert!(preview.starts_with("LinkedIn export · 1 case study, 2 recommendations, 7 skills, 2 roles"), "{preview}");
    assert!(preview.contains("and a profile"), "{preview}");
    let already = app.find("[data-testid=already-there]").await.text().await.unwrap();
    assert!(already.starts_with("1 role, 1 certification of these are already in your portfolio"), "{already}");
    app.find_text("button", "Add to my portfolio").await.click().await.unwrap();
    let toast = app.find("[data-testid=toast]").await.text().await.unwrap();
    assert!(toast.starts_with("Added 1 case study, 2 recommendations, 7 skills, 1 role,"), "{toast}");
    assert!(toast.contains("; 2 already there"), "{toast}");

    // The experience is there, with the demo's.
    app.find("[data-testid=nav-experience]").await.click().await.unwrap();
    app.find_text("[data-testid=record-title]", "Senior Engineer").await;
    app.screenshot("linkedin-imported-experience").await;
    app.close().await;

    let folio = Folio::open(&db).unwrap();
    let jobs = folio.list::<Experience>().unwrap();
    assert!(jobs.iter().any(|j| j.item.organisation == "Nordlys Logistics" && j.item.title == "Senior Engineer"));
    assert_eq!(folio.list::<CaseStudy>().unwrap().len(), 7, "the demo's six case studies and the project");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_endless_file_chosen_to_import_is_refused_at_its_limit_and_changes_nothing() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    Folio::open(&db).unwrap().load_demo(false).unwrap();

    let app = App::launch(&db).await;
    app.find("[data-testid=nav-data]").await.click().await.unwrap();
    app.find_text("button", "Choose a file…").await.click().await.unwrap();
    // A device that never ends and claims to be empty: what is read is limited.
    tokio::task::spawn_blocking(|| answer_dialog("Import", Some("/dev/zero"))).await.unwrap();
    let problem = app.find("[data-testid=data-problem]").await.text().await.unwrap();
    assert!(problem.contains("larger than 32 MB"), "{problem}");
    app.close().await;
    assert_eq!(Folio::open(&db).unwrap().list::<CaseStudy>().unwrap().len(), 6, "nothing changed");
}
