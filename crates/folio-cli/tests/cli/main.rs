//! The `folio` binary as a user runs it: real processes on real database files.

use std::path::Path;
use std::process::{Command, Output};

fn folio(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("FOLIO_DB")
        .output()
        .expect("the folio binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "folio failed: {}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("--json prints JSON")
}

fn with_demo() -> (tempfile::TempDir, std::path::PathBuf) {
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
fn themes_lists_every_theme() {
    let out = Command::new(env!("CARGO_BIN_EXE_folio")).arg("themes").output().unwrap();
    let said = stdout(&out);
    for name in ["modern", "classic", "compact"] {
        assert!(said.contains(name), "{said}");
    }
}
