//! The `folio` binary as a user runs it: real processes on real database files.

use std::path::Path;
use std::process::{Command, Output};

mod untrusted;

pub(crate) fn folio(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("FOLIO_DB")
        .output()
        .expect("the folio binary runs")
}

pub(crate) fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "folio failed: {}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("--json prints JSON")
}

pub(crate) fn with_demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    let out = folio(&db, &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, db)
}

#[test]
fn demo_then_stats_reports_the_example_portfolio() {
    let (_dir, db) = with_demo();
    let stats = json(&folio(&db, &["stats", "--json"]));
    assert!(stats["caseStudies"].as_u64().unwrap() >= 5, "{stats}");
    assert!(stats["recommendations"].as_u64().unwrap() >= 4);
    assert_eq!(stats["editions"], 2);
    assert_eq!(stats["trash"], 0);
    let human = stdout(&folio(&db, &["stats"]));
    assert!(human.contains("case studies") && human.contains("editions"), "{human}");
}

#[test]
fn list_json_is_the_stored_records_in_manual_order() {
    let (_dir, db) = with_demo();
    let list = json(&folio(&db, &["list", "case-studies", "--json"]));
    let first = &list[0];
    for key in ["id", "createdAt", "updatedAt", "item"] {
        assert!(first.get(key).is_some(), "a listed record has {key}: {first}");
    }
    assert_eq!(first["item"]["title"], "Event-driven payment ledger for Acme Payments");
    let human = stdout(&folio(&db, &["list", "case-studies"]));
    assert!(human.starts_with("  1. Event-driven payment ledger for Acme Payments — Acme Payments"), "{human}");
    for kind in ["recommendations", "skills", "experience", "editions"] {
        let out = folio(&db, &["list", kind, "--json"]);
        assert!(!json(&out).as_array().unwrap().is_empty(), "{kind} is empty");
    }
}

#[test]
fn search_finds_words_inside_decision_rationales() {
    let (_dir, db) = with_demo();
    let hits = json(&folio(&db, &["search", "idempot", "--json"]));
    let hits = hits.as_array().unwrap();
    let case_study = hits.iter().find(|h| h["kind"] == "case-study").expect("a case study mentions idempotency");
    assert!(case_study["snippet"].as_str().unwrap().to_lowercase().contains("[idempotency"), "{case_study}");
    let none = folio(&db, &["search", "zzzunmatched"]);
    assert!(stdout(&none).contains("Nothing matches"));
}

#[test]
fn demo_refuses_a_portfolio_and_changes_nothing() {
    let (_dir, db) = with_demo();
    let before = json(&folio(&db, &["list", "case-studies", "--json"]));
    let out = folio(&db, &["demo"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("error: the database already holds a portfolio"), "{}", stderr(&out));
    assert_eq!(json(&folio(&db, &["list", "case-studies", "--json"])), before);
}

#[test]
fn a_database_in_a_missing_folder_is_an_error_naming_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = folio(&dir.path().join("nope/folio.db"), &["stats"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("error: the folder") && stderr(&out).contains("nope"), "{}", stderr(&out));
    assert!(!dir.path().join("nope").exists());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("essay.txt");
    std::fs::write(&db, "My essay. ".repeat(500)).unwrap();
    let out = folio(&db, &["demo", "--force"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is not a Folio database"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "My essay. ".repeat(500));
}

#[test]
fn a_database_from_a_newer_folio_is_refused() {
    let (_dir, db) = with_demo();
    rusqlite::Connection::open(&db).unwrap().pragma_update(None, "user_version", 42).unwrap();
    let out = folio(&db, &["stats"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("newer version of Folio"), "{}", stderr(&out));
}

#[test]
fn a_locked_database_waits_then_says_it_is_busy() {
    let (_dir, db) = with_demo();
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["demo", "--force"])
        .env("FOLIO_DB", &db)
        .env("FOLIO_BUSY_TIMEOUT", "200")
        .output()
        .unwrap();
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("the database is busy"), "{}", stderr(&out));
    assert_eq!(json(&folio(&db, &["stats", "--json"]))["trash"], 0, "nothing was moved");
}

#[test]
fn usage_errors_exit_with_two() {
    let dir = tempfile::tempdir().unwrap();
    let out = folio(&dir.path().join("folio.db"), &["list", "unicorns"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("invalid value 'unicorns'"), "{}", stderr(&out));
}

#[test]
fn folio_db_in_the_environment_names_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.db");
    let out = Command::new(env!("CARGO_BIN_EXE_folio")).args(["demo"]).env("FOLIO_DB", &db).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(db.exists());
}

#[test]
fn pdf_writes_the_portfolio_and_says_what_it_wrote() {
    let (dir, db) = with_demo();
    let path = dir.path().join("maya.pdf");
    let out = folio(&db, &["pdf", path.to_str().unwrap(), "--theme", "classic", "--paper", "letter"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.starts_with("Wrote ") && said.contains(" pages, ") && said.contains(" bytes, ") && said.contains(" ms "),
        "{said}"
    );
    assert!(said.contains("classic theme, US Letter"), "{said}");
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF-"));

    let report =
        json(&folio(&db, &["pdf", path.to_str().unwrap(), "--edition", "Staff Engineer — Northwind", "--json"]));
    assert!(report["record"]["pages"].as_u64().unwrap() >= 2);
    assert_eq!(report["theme"], "modern");
    assert!(report["record"]["edition"].is_string());
}

#[test]
fn pdf_refuses_an_unknown_theme_or_edition_and_writes_nothing() {
    let (dir, db) = with_demo();
    let path = dir.path().join("x.pdf");
    let out = folio(&db, &["pdf", path.to_str().unwrap(), "--theme", "baroque"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("\"baroque\" is not a theme; choose one of modern, classic, compact"),
        "{}",
        stderr(&out)
    );
    let out = folio(&db, &["pdf", path.to_str().unwrap(), "--edition", "Nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("\"Nope\" does not name an edition"), "{}", stderr(&out));
    assert!(!path.exists());
}

#[test]
fn ats_check_says_how_much_an_ats_reads_right_and_what_it_misreads() {
    let (dir, db) = with_demo();
    let out = folio(&db, &["ats-check", "--edition", "Staff Engineer — Northwind", "--format", "resume"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("An ATS reads 100% of the fields right ("), "{}", stdout(&out));

    // A title with a separator inside it is read as two fields.
    let resume = dir.path().join("resume.json");
    let job = r#"{"basics": {"name": "Jo Doe"}, "work": [{"name": "Acme", "position": "Staff Engineer | Payments",
        "startDate": "2021-03", "highlights": ["Led the ledger rebuild."]}]}"#;
    std::fs::write(&resume, job).unwrap();
    let jo = dir.path().join("jo.db");
    assert!(folio(&jo, &["import", resume.to_str().unwrap()]).status.success());
    let report = json(&folio(&jo, &["ats-check", "--format", "resume", "--json"]));
    assert!(report["score"].as_u64().unwrap() < 100, "{report}");
    let misread = &report["misreads"][0];
    assert_eq!(misread["printed"], "Staff Engineer | Payments");
    assert_eq!(misread["read"], "Staff Engineer");

    let text = stdout(&folio(&db, &["ats-check", "--text"]));
    assert!(text.lines().any(|l| l == "EXPERIENCE"), "the text as a parser takes it, line by line");

    let out = folio(&db, &["ats-check", "--edition", "Nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("\"Nope\" does not name an edition"), "{}", stderr(&out));
}

#[test]
fn themes_lists_every_theme() {
    let out = Command::new(env!("CARGO_BIN_EXE_folio")).arg("themes").output().unwrap();
    let said = stdout(&out);
    for name in ["modern", "classic", "compact"] {
        assert!(said.contains(name), "{said}");
    }
}

fn sample_resume() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../folio-core/tests/fixtures/jsonresume-schema/sample.resume.json")
}

#[test]
fn a_backup_exported_and_imported_elsewhere_is_the_same_portfolio() {
    let (dir, db) = with_demo();
    let backup = dir.path().join("backup.json");
    let out = folio(&db, &["export", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Wrote "), "{}", stdout(&out));

    let other = dir.path().join("other.db");
    let report = json(&folio(&other, &["import", backup.to_str().unwrap(), "--json"]));
    assert_eq!(report["format"], "folio-backup");
    let again = dir.path().join("again.json");
    assert!(folio(&other, &["export", again.to_str().unwrap()]).status.success());
    assert!(std::fs::read(&backup).unwrap() == std::fs::read(&again).unwrap(), "the backup changed in the round trip");
}

#[test]
fn importing_a_resume_into_a_portfolio_needs_merge_or_replace_and_dry_run_changes_nothing() {
    let (_dir, db) = with_demo();
    let resume = sample_resume();
    let before = json(&folio(&db, &["stats", "--json"]));

    let out = folio(&db, &["import", resume.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--merge or --replace"), "{}", stderr(&out));

    let dry = folio(&db, &["import", resume.to_str().unwrap(), "--merge", "--dry-run"]);
    assert!(stdout(&dry).starts_with("Would import"), "{}", stdout(&dry));
    assert!(stdout(&dry).contains("interests[0]: "), "{}", stdout(&dry));
    assert_eq!(json(&folio(&db, &["stats", "--json"])), before);

    assert!(folio(&db, &["import", resume.to_str().unwrap(), "--merge"]).status.success());
    let merged = json(&folio(&db, &["stats", "--json"]));
    assert_eq!(merged["caseStudies"].as_u64().unwrap(), before["caseStudies"].as_u64().unwrap() + 1);

    let both = folio(&db, &["import", resume.to_str().unwrap(), "--merge", "--replace"]);
    assert_eq!(both.status.code(), Some(2), "merge and replace exclude each other");
}

#[test]
fn a_linkedin_export_imports_from_its_folder_and_a_second_merge_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    let export = Path::new(env!("CARGO_MANIFEST_DIR")).join("../folio-core/tests/fixtures/linkedin-export");
    let out = folio(&db, &["import", export.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("(linkedin)"), "{}", stdout(&out));
    assert!(stdout(&out).contains("Positions.csv (Company URL): a column Folio does not know"), "{}", stdout(&out));
    let first = json(&folio(&db, &["stats", "--json"]));
    assert_eq!(first["experience"], 2);

    let again = folio(&db, &["import", export.to_str().unwrap(), "--merge"]);
    assert!(stdout(&again).contains("16 already in the portfolio, left as they are"), "{}", stdout(&again));
    assert_eq!(json(&folio(&db, &["stats", "--json"])), first, "a second merge added records");

    let not_zip = dir.path().join("Basic_LinkedInDataExport.zip");
    std::fs::write(&not_zip, "<html>Sign in to LinkedIn</html>").unwrap();
    let out = folio(&db, &["import", not_zip.to_str().unwrap(), "--merge"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a ZIP archive"), "{}", stderr(&out));
    assert_eq!(json(&folio(&db, &["stats", "--json"])), first);
}

#[test]
fn a_bad_import_file_is_refused_with_its_json_path_and_changes_nothing() {
    let (dir, db) = with_demo();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"basics": {"name": "Jane"}, "work": [{"name": "Acme", "startDate": "last spring"}]}"#)
        .unwrap();
    let before = json(&folio(&db, &["stats", "--json"]));
    let out = folio(&db, &["import", bad.to_str().unwrap(), "--replace"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("work[0].startDate"), "{}", stderr(&out));
    assert_eq!(json(&folio(&db, &["stats", "--json"])), before);
}

#[test]
fn json_resume_export_of_an_edition_holds_only_its_case_studies() {
    let (dir, db) = with_demo();
    let path = dir.path().join("resume.json");
    let out = folio(
        &db,
        &["export", path.to_str().unwrap(), "--format", "json-resume", "--edition", "Staff Engineer — Northwind"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let editions = json(&folio(&db, &["list", "editions", "--json"]));
    let chosen = editions[0]["item"]["caseStudies"].as_array().unwrap().len();
    assert_eq!(doc["projects"].as_array().unwrap().len(), chosen);
    assert_eq!(doc["basics"]["name"], "Maya Okafor");
}

#[test]
fn backup_and_restore_copy_the_database_and_keep_the_previous_one() {
    let (dir, db) = with_demo();
    let copy = dir.path().join("copy.db");
    let out = folio(&db, &["backup", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stats = json(&folio(&copy, &["stats", "--json"]));
    assert_eq!(stats, json(&folio(&db, &["stats", "--json"])));

    // Empty the portfolio (everything to the trash), then restore the copy.
    assert!(folio(&db, &["demo", "--force"]).status.success());
    let out = folio(&db, &["restore", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("the previous content is kept in"), "{}", stdout(&out));
    assert_eq!(json(&folio(&db, &["stats", "--json"])), stats);

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "junk").unwrap();
    let out = folio(&db, &["restore", junk.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is not a Folio database"), "{}", stderr(&out));
    assert_eq!(json(&folio(&db, &["stats", "--json"])), stats);
}

#[test]
fn image_add_attaches_by_title_and_image_list_says_where_each_is_shown() {
    let (dir, db) = with_demo();
    let shot = dir.path().join("consumer-lag.png");
    let picture = folio_media::draw::screenshot(1200, 700);
    std::fs::write(&shot, folio_media::draw::png(&picture.into())).unwrap();
    let title = "Taming Kafka consumer lag during settlement peaks";
    let out = folio(
        &db,
        &[
            "image",
            "add",
            "--case-study",
            &title.to_lowercase(),
            shot.to_str().unwrap(),
            "--caption",
            "Lag before and after",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), format!("Added {} to \"{title}\" as image 1 (1200×700 PNG)", shot.display()));

    let list = json(&folio(&db, &["image", "list", "--json"]));
    let added = list.as_array().unwrap().iter().find(|i| i["originalName"] == "consumer-lag.png").unwrap();
    assert_eq!(added["shownIn"], serde_json::json!([title]));
    assert_eq!(added["mediaType"], "image/png");
    let text = stdout(&folio(&db, &["image", "list"]));
    assert!(text.lines().any(|l| l.contains("maya.jpg") && l.ends_with("profile photo")), "{text}");
}

#[test]
fn image_add_refuses_a_file_that_is_not_an_image_or_an_unknown_case_study_and_changes_nothing() {
    let (dir, db) = with_demo();
    let before = stdout(&folio(&db, &["image", "list", "--json"]));
    let fake = dir.path().join("diagram.png");
    std::fs::write(&fake, "just text").unwrap();
    let out = folio(
        &db,
        &[
            "image",
            "add",
            "--case-study",
            "Backend guild: from three seniors to a self-sustaining bench",
            fake.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not an image Folio can read"), "{}", stderr(&out));

    let real = dir.path().join("real.png");
    std::fs::write(&real, folio_media::draw::png_rgb(folio_media::draw::diagram(300, 200, [1, 2, 3]))).unwrap();
    let out = folio(&db, &["image", "add", "--case-study", "No such project", real.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("\"No such project\" is neither the title nor the id of a case study"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&folio(&db, &["image", "list", "--json"])), before);
}

#[test]
fn profile_photo_sets_and_removes_the_photo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    let photo = dir.path().join("me.jpg");
    std::fs::write(&photo, folio_media::draw::jpeg(&folio_media::draw::portrait(600, 1), 90)).unwrap();
    let out = folio(&db, &["profile", "photo", photo.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "The profile photo is now me.jpg (600×600)");
    let out = folio(&db, &["profile", "photo", "--remove"]);
    assert_eq!(stdout(&out).trim(), "The profile has no photo now.");
    let usage = folio(&db, &["profile", "photo"]);
    assert_eq!(usage.status.code(), Some(2), "a path or --remove is needed");
}

// --- the coach, tailoring, redaction and what was sent ---------------------------------

const NORTHWIND: &str = "Staff Engineer — Northwind";

#[test]
fn check_prints_the_score_and_findings_and_strict_fails_only_on_errors() {
    let (dir, db) = with_demo();
    let report = json(&folio(&db, &["check", "--json"]));
    let score = report["score"].as_u64().unwrap();
    assert!((90..100).contains(&score), "{score}");
    let findings = report["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert!(findings
        .iter()
        .all(|f| f["message"].is_string() && f["nextStep"].is_string() && f["severity"].is_string()));
    let human = stdout(&folio(&db, &["check"]));
    assert!(human.starts_with(&format!("Score {score}/100")), "{human}");
    assert!(human.contains("Quantify the impact"), "{human}");
    assert!(folio(&db, &["check", "--strict"]).status.success(), "the demo has no error");
    let edition = json(&folio(&db, &["check", "--edition", NORTHWIND, "--json"]));
    assert!(edition["score"].as_u64().is_some());

    // An empty portfolio has errors: no case study, no name.
    let empty = dir.path().join("empty.db");
    let out = folio(&empty, &["check", "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("The portfolio has no case study"), "{}", stdout(&out));
    assert!(stderr(&out).is_empty(), "a failing check is not an error message: {}", stderr(&out));
    assert_eq!(folio(&empty, &["check"]).status.code(), Some(0), "without --strict it informs only");
}

#[test]
fn match_reports_what_an_edition_covers_of_a_posting() {
    let (dir, db) = with_demo();
    let posting = dir.path().join("posting.txt");
    std::fs::write(
        &posting,
        "Staff engineer: Kafka, PostgreSQL and Kubernetes; Java a plus. You will mentor engineers.",
    )
    .unwrap();
    let report = json(&folio(&db, &["match", "--edition", NORTHWIND, posting.to_str().unwrap(), "--json"]));
    let names: Vec<_> = report["terms"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    for name in ["Kafka", "PostgreSQL", "Kubernetes", "Java", "Mentoring"] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    assert_eq!(report["total"], 5);
    assert_eq!(report["covered"], 4);
    let human = stdout(&folio(&db, &["match", "--edition", NORTHWIND, posting.to_str().unwrap()]));
    assert!(human.contains("covers 4 of the 5 terms"), "{human}");
    assert!(human.contains("✗ Java") && human.contains("+ Dispatch platform"), "{human}");

    let out = folio(&db, &["match", "--edition", NORTHWIND, "/no/such/posting.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read the posting /no/such/posting.txt"), "{}", stderr(&out));
    let out = folio(&db, &["match", "--edition", "Nowhere", posting.to_str().unwrap()]);
    assert!(stderr(&out).contains("\"Nowhere\" does not name an edition"), "{}", stderr(&out));
}

#[test]
fn a_redacted_edition_with_relative_metrics_exports_without_the_name_or_values() {
    let (dir, db) = with_demo();
    let out = folio(&db, &["edition", "redact", NORTHWIND, "--org", "Acme Payments", "--as", "a top-10 European bank"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("now names Acme Payments as \"a top-10 European bank\""));
    let out = folio(&db, &["edition", "set", NORTHWIND, "--relative-metrics", "on"]);
    assert_eq!(stdout(&out).trim(), format!("\"{NORTHWIND}\": relative metrics on, internal links off"));

    let pdf = dir.path().join("northwind.pdf");
    assert!(folio(&db, &["pdf", pdf.to_str().unwrap(), "--edition", NORTHWIND]).status.success());
    let text = Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap().stdout;
    let text = String::from_utf8(text).unwrap();
    assert!(!text.to_lowercase().contains("acme"));
    assert!(text.contains("a top-10 European bank") && text.contains("−86%"));

    let out = folio(&db, &["edition", "redact", NORTHWIND, "--org", "acme payments", "--remove"]);
    assert!(stdout(&out).contains("names acme payments again"), "{}", stdout(&out));
    let edition = json(&folio(&db, &["list", "editions", "--json"]))[0]["item"].clone();
    assert_eq!(edition["redactions"], serde_json::json!([]));
    assert_eq!(edition["relativeMetrics"], true);
}

#[test]
fn bad_edition_changes_are_refused_with_a_reason_and_change_nothing() {
    let (_dir, db) = with_demo();
    let before = stdout(&folio(&db, &["list", "editions", "--json"]));
    let cases: [(&[&str], &str); 4] = [
        (&["edition", "redact", NORTHWIND, "--org", "Globex", "--remove"], "does not redact \"Globex\""),
        (
            &["edition", "redact", NORTHWIND, "--org", "Globex", "--as", "  "],
            "redactions[0].replacement must not be empty",
        ),
        (&["edition", "set", NORTHWIND], "say what to set"),
        (&["edition", "set", "Nowhere", "--internal-links", "on"], "\"Nowhere\" does not name an edition"),
    ];
    for (args, message) in cases {
        let out = folio(&db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
    let out = folio(&db, &["edition", "set", NORTHWIND, "--relative-metrics", "maybe"]);
    assert_eq!(out.status.code(), Some(2), "clap refuses a value that is not on or off");
    assert_eq!(stdout(&folio(&db, &["list", "editions", "--json"])), before);
}

#[test]
fn exports_lists_what_was_sent_and_show_brings_it_back_as_it_was() {
    let (dir, db) = with_demo();
    assert_eq!(stdout(&folio(&db, &["exports"])).trim(), "No exports yet.");
    let pdf = dir.path().join("sent.pdf");
    let report = json(&folio(&db, &["pdf", pdf.to_str().unwrap(), "--edition", NORTHWIND, "--json"]));
    let id = report["record"]["id"].as_str().unwrap().to_string();

    // Edit the first case study after sending.
    let list = json(&folio(&db, &["list", "case-studies", "--json"]));
    let first_title = list[0]["item"]["title"].as_str().unwrap().to_string();

    let listed = json(&folio(&db, &["exports", "--edition", NORTHWIND, "--json"]));
    assert_eq!(listed[0]["id"], id.as_str());
    let human = stdout(&folio(&db, &["exports"]));
    assert!(human.contains(&id) && human.contains(NORTHWIND) && human.contains("sent.pdf"), "{human}");

    let shown = stdout(&folio(&db, &["exports", "show", &id]));
    assert!(shown.contains(&format!("Export {id} of {NORTHWIND}")), "{shown}");
    assert!(shown.contains(&first_title), "{shown}");
    let snapshot = json(&folio(&db, &["exports", "show", &id, "--json"]));
    assert_eq!(snapshot["portfolio"]["caseStudies"][0]["item"]["title"], first_title.as_str());

    let again = dir.path().join("again.pdf");
    let out = folio(&db, &["exports", "show", &id, "--pdf", again.to_str().unwrap()]);
    assert!(stderr(&out).contains("identical to the PDF sent"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&again).unwrap(), std::fs::read(&pdf).unwrap());

    let out = folio(&db, &["exports", "show", "not-an-id"]);
    assert!(stderr(&out).contains("\"not-an-id\" is not an export id"), "{}", stderr(&out));
    let out = folio(&db, &["exports", "show", "01930a1c-5e00-7000-8000-000000000999"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn version_completions_and_man_pages_describe_the_same_commands_and_touch_no_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never-made.db");

    let version = stdout(&folio(&db, &["--version"]));
    assert_eq!(version.trim(), format!("folio {}", env!("CARGO_PKG_VERSION")));

    let bash = folio(&db, &["completions", "bash"]);
    assert!(bash.status.success(), "{}", stderr(&bash));
    let bash = stdout(&bash);
    assert!(bash.contains("complete -F _folio"), "{bash}");
    for subcommand in ["demo", "pdf", "import", "backup", "exports", "completions"] {
        assert!(bash.contains(subcommand), "bash completes {subcommand}");
    }
    for shell in ["zsh", "fish"] {
        let out = folio(&db, &["completions", shell]);
        assert!(out.status.success() && stdout(&out).contains("edition"), "{shell}: {}", stderr(&out));
    }
    let unknown = folio(&db, &["completions", "tcsh"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("invalid value 'tcsh'"), "{}", stderr(&unknown));

    let man = dir.path().join("man");
    let out = folio(&db, &["man-pages", man.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(man.join("folio-pdf.1")).unwrap();
    assert!(page.contains(".TH folio-pdf 1") && page.contains("edition"), "{page}");
    assert!(man.join("folio.1").is_file() && man.join("folio-edition-redact.1").is_file());
    assert!(!stdout(&folio(&db, &["--help"])).contains("man-pages"), "the packaging helper stays out of --help");
    assert!(!db.exists(), "none of these opens the database");
}

#[test]
fn exporting_a_portfolio_with_nothing_in_it_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    let pdf = dir.path().join("empty.pdf");
    let out = folio(&db, &["pdf", pdf.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning: the PDF shows nothing"), "{}", stderr(&out));
    assert!(pdf.exists(), "the PDF is still written: the user may want the letterhead");
}

#[test]
fn pdf_format_resume_writes_a_resume_of_at_most_two_pages() {
    let (dir, db) = with_demo();
    let resume = dir.path().join("resume.pdf");
    let report = json(&folio(&db, &["pdf", resume.to_str().unwrap(), "--format", "resume", "--json"]));
    assert!(report["record"]["pages"].as_u64().unwrap() <= 2, "{report}");
    let portfolio = dir.path().join("portfolio.pdf");
    let report = json(&folio(&db, &["pdf", portfolio.to_str().unwrap(), "--format", "portfolio", "--json"]));
    assert!(report["record"]["pages"].as_u64().unwrap() > 2, "{report}");
    let out = folio(&db, &["pdf", resume.to_str().unwrap(), "--format", "cv"]);
    assert_eq!(out.status.code(), Some(2), "an unknown format is a usage error");
    assert!(stderr(&out).contains("resume") && stderr(&out).contains("portfolio"), "{}", stderr(&out));
}

#[test]
fn export_writes_the_type_its_extension_or_format_names_and_refuses_what_does_not_fit() {
    let (dir, db) = with_demo();
    let docx = dir.path().join("maya.docx");
    let out = folio(&db, &["export", docx.to_str().unwrap(), "--document", "resume", "--edition", NORTHWIND]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with(&format!("Wrote {}: ", docx.display())), "{}", stdout(&out));
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK\x03\x04"), "a Word file is a ZIP");

    let notes = dir.path().join("portfolio.notes");
    let report = json(&folio(&db, &["export", notes.to_str().unwrap(), "--format", "md", "--json"]));
    assert_eq!(report["record"]["pages"], 0, "{report}");
    let markdown = std::fs::read_to_string(&notes).unwrap();
    assert!(markdown.starts_with("# Maya Okafor\n"), "{markdown}");
    let text = dir.path().join("portfolio.txt");
    assert!(folio(&db, &["export", text.to_str().unwrap()]).status.success());
    assert!(std::fs::read_to_string(&text).unwrap().contains("\nCASE STUDIES\n"));

    // Without a document's extension or --format it is still the backup it always was.
    let backup = dir.path().join("backup.json");
    assert!(folio(&db, &["export", backup.to_str().unwrap()]).status.success());
    assert!(std::fs::read_to_string(&backup).unwrap().contains("\"caseStudies\""));

    let pdf = dir.path().join("named.pdf");
    let out = folio(&db, &["export", pdf.to_str().unwrap(), "--format", "docx"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the file name ends in .pdf but the export is Word; name it .docx"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());
    let out = folio(&db, &["export", backup.to_str().unwrap(), "--theme", "classic"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--theme and --paper are for documents"), "{}", stderr(&out));
    let out = folio(&db, &["export", text.to_str().unwrap(), "--format", "odt"]);
    assert_eq!(out.status.code(), Some(2), "an unknown format is a usage error");
    for named in ["pdf", "docx", "txt", "md", "folio", "json-resume"] {
        assert!(stderr(&out).contains(named), "{named}: {}", stderr(&out));
    }
}

#[test]
fn linkedin_lays_out_each_field_against_its_limit_and_remembers_what_was_copied() {
    let (_dir, db) = with_demo();
    let out = folio(&db, &["linkedin"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Headline [headline]  80 / 220 characters\n"), "{text}");
    assert!(text.contains("About [about]  "), "{text}");
    assert!(text.contains("Experience: Staff Engineer at Acme Payments [experience:"), "{text}");
    assert!(!text.contains("copied"), "nothing copied yet: {text}");

    let copied = folio(&db, &["linkedin", "--copy", "about"]);
    assert!(copied.status.success(), "{}", stderr(&copied));
    let about = stdout(&copied);
    assert!(about.starts_with("Staff Engineer with ten years") && about.contains("Selected work:"), "{about}");
    assert!(!about.contains("About ["), "--copy prints the field's text alone");
    assert!(stdout(&folio(&db, &["linkedin"])).contains("About [about]  916 / 2600 characters — copied, up to date"));
    let kit = json(&folio(&db, &["linkedin", "--json"]));
    assert!(kit["fields"][1]["copiedAt"].is_i64(), "{kit}");

    let bad = folio(&db, &["linkedin", "--copy", "hobbies"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("\"hobbies\" is not a field of the LinkedIn kit"), "{}", stderr(&bad));
}
