//! The coach and tailoring in the real app: the checklist with scores and a way to
//! each record, hints beside the fields, the job-posting match in an edition,
//! redaction of confidential work, and what was sent.

use std::process::Command;

use folio_core::{Check, Folio};
use folio_e2e::{answer_dialog, App};
use folio_model::Edition;

use crate::ONE_WINDOW;

const NORTHWIND: &str = "Staff Engineer — Northwind";

#[tokio::test(flavor = "multi_thread")]
async fn the_coach_lists_what_the_portfolio_lacks_and_leads_to_the_field() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    Folio::open(&db).unwrap().load_demo(false).unwrap();
    let expected = Folio::open(&db).unwrap().coach(None).unwrap();

    let app = App::launch(&db).await;
    app.find("[data-testid=nav-coach]").await.click().await.unwrap();
    let score = app.find("[data-testid=coach-score]").await.text().await.unwrap();
    assert_eq!(score.trim(), format!("{}/100", expected.score));
    let advice = app.texts("[data-testid=coach-advice]").await;
    assert_eq!(advice.len(), 7, "one row per piece of advice: {advice:?}");
    let findings = app.texts("[data-testid=coach-finding]").await;
    assert_eq!(findings.len(), expected.findings.len());
    let alternatives = expected.findings.iter().find(|f| f.check == Check::DecisionNoAlternatives).unwrap();
    assert!(findings.iter().any(|f| f.contains(&alternatives.message)), "{findings:?}");
    app.screenshot("coach").await;

    // "Open" leads to the case study, where the hint sits beside the decision.
    let title = &alternatives.target.title;
    app.find(&format!("button[aria-label='Open {title}']")).await.click().await.unwrap();
    app.wait_texts("[data-testid=editor-title]", "the case study opens", |t| t.iter().any(|s| s == title)).await;
    // Further down the form, under the decision it concerns.
    app.wait_until(
        "[...document.querySelectorAll('[data-testid=decision] .coach-hint')].some(h => h.textContent.includes('lists 0 options'))",
        "the hint under its decision",
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edition_matched_to_a_posting_and_redacted_exports_no_trace_and_keeps_what_was_sent() {
    let _one = ONE_WINDOW.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    Folio::open(&db).unwrap().load_demo(false).unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    // The save dialog suggests this name in the home folder; the test accepts it.
    let pdf = home.join("Maya Okafor — Staff Engineer — Northwind.pdf");

    let app = App::launch_with(&db, &[("HOME", home.to_str().unwrap())]).await;
    app.find("[data-testid=nav-edition]").await.click().await.unwrap();
    app.find("[data-kind=edition] input[name=name]").await;
    assert_eq!(app.value("[data-kind=edition] input[name=name]").await, NORTHWIND);

    // Paste a posting: the match shows what the edition covers and what would help.
    app.type_into(
        "textarea[name=posting]",
        "We need Kafka and PostgreSQL at scale, Java services, and someone to mentor engineers.",
    )
    .await;
    app.saved().await;
    // The demo's own posting is matched first; then the one typed over it.
    app.wait_texts("[data-testid=match-summary]", "the match", |t| {
        t.first().is_some_and(|s| s.starts_with("Covers 3 of 4 terms"))
    })
    .await;
    let suggestion = app.find("[data-testid=match-suggestion]").await.text().await.unwrap();
    assert!(suggestion.contains("Dispatch platform") && suggestion.contains("Java"), "{suggestion}");
    app.find("[data-testid=match-suggestion] button").await.click().await.unwrap();
    app.saved().await;
    app.wait_texts("[data-testid=match-summary]", "the match after adding", |t| {
        t.first().is_some_and(|s| s.starts_with("Covers 4 of 4 terms"))
    })
    .await;
    app.client
        .execute("document.querySelector('textarea[name=posting]').scrollIntoView({block: 'start'})", vec![])
        .await
        .unwrap();
    app.screenshot("edition-match").await;

    // Hide Acme Payments, and show metrics as relative change only.
    app.find_text("button", "Add an organisation").await.click().await.unwrap();
    app.type_into("input[aria-label='Organisation to hide (1)']", "Acme Payments").await;
    app.type_into("input[aria-label='Describe it as (1)']", "a top-10 European bank").await;
    app.find("input[name=relativeMetrics]").await.click().await.unwrap();
    app.saved().await;
    app.screenshot("edition-tailoring").await;

    app.find("[data-testid=export]").await.click().await.unwrap();
    tokio::task::spawn_blocking(|| answer_dialog("Export PDF", None)).await.unwrap();
    let toast = app.find("[data-testid=toast]").await.text().await.unwrap();
    assert!(toast.starts_with("Exported"), "{toast}");

    // What was sent stays viewable.
    app.find("[data-testid=view-sent]").await.click().await.unwrap();
    let banner = app.find("[data-testid=sent-banner]").await.text().await.unwrap();
    assert!(banner.starts_with("What was sent on") && banner.contains("Northwind.pdf"), "{banner}");
    app.close().await;

    let exported = Folio::open(&db).unwrap().exports(None).unwrap();
    assert_eq!(exported.len(), 1);
    assert_eq!(std::path::Path::new(&exported[0].path), pdf.canonicalize().unwrap(), "exported where the dialog said");
    let out = Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(!text.to_lowercase().contains("acme"), "the PDF names the hidden organisation");
    assert!(text.contains("a top-10 European bank") && text.contains("−86%"), "{text}");
    assert!(text.contains("Dispatch platform"), "the suggested case study was added");

    let folio = Folio::open(&db).unwrap();
    let edition: Edition = folio.edition_by_name(NORTHWIND).unwrap().item;
    assert!(edition.relative_metrics && edition.posting.contains("Kafka"));
    let record = &folio.exports(None).unwrap()[0];
    let sent = folio.export_snapshot(record.id).unwrap();
    assert!(sent.portfolio.case_studies.iter().all(|c| !c.item.title.contains("Acme")));
}
