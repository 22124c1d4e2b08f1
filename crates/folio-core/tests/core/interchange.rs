//! Files in and out: JSON Resume against the official schema and examples, the Folio
//! backup's byte-for-byte round trip, refused input that changes nothing, and copies
//! of the database file.

use std::path::{Path, PathBuf};

use folio_core::{ExportRequest, FileFormat, Folio, ImportMode};
use folio_model::{CaseStudy, Decision, Direction, ErrorCode, Metric, Recommendation, Skill};
use serde_json::Value;

use crate::open;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jsonresume-schema")
}

/// Every résumé shipped with `@jsonresume/schema` 1.3.1.
fn example_resumes() -> Vec<PathBuf> {
    let mut paths = vec![fixtures().join("sample.resume.json")];
    let mut examples: Vec<PathBuf> =
        std::fs::read_dir(fixtures().join("examples")).unwrap().map(|e| e.unwrap().path()).collect();
    examples.sort();
    paths.extend(examples);
    assert_eq!(paths.len(), 4);
    paths
}

/// The schema's own verdict on `doc`, formats (uri, email) included.
fn schema_errors(doc: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_slice(&std::fs::read(fixtures().join("schema.json")).unwrap()).unwrap();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    validator.iter_errors(doc).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

fn backup_bytes(folio: &Folio) -> Vec<u8> {
    folio.export_bytes(FileFormat::Folio, None).unwrap()
}

#[test]
fn every_example_resume_imports_and_exports_back_valid_against_the_schema() {
    for path in example_resumes() {
        let (folio, _dir) = open();
        let report = folio.import_file(&path, None, false).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let source: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(folio.profile().unwrap().full_name, source["basics"]["name"].as_str().unwrap());
        let stats = folio.stats().unwrap();
        assert_eq!(
            stats.experience as usize,
            source["work"].as_array().map_or(0, Vec::len) + source["volunteer"].as_array().map_or(0, Vec::len)
        );
        assert_eq!(stats.case_studies as usize, source["projects"].as_array().map_or(0, Vec::len));
        assert_eq!(stats.recommendations as usize, source["references"].as_array().map_or(0, Vec::len));
        if source.get("interests").is_some() {
            assert!(
                report.notes.iter().any(|n| n.path.starts_with("interests[")),
                "interests are reported as not imported"
            );
        }

        let exported: Value =
            serde_json::from_slice(&folio.export_bytes(FileFormat::JsonResume, None).unwrap()).unwrap();
        let errors = schema_errors(&exported);
        assert!(errors.is_empty(), "{}: the export is not valid JSON Resume: {errors:#?}", path.display());
        assert_eq!(exported["basics"]["name"], source["basics"]["name"]);
        assert_eq!(exported["work"].as_array().unwrap().len() as u64, stats.experience);
    }
}

#[test]
fn the_demo_portfolio_exports_as_valid_json_resume() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let doc: Value = serde_json::from_slice(&folio.export_bytes(FileFormat::JsonResume, None).unwrap()).unwrap();
    assert_eq!(schema_errors(&doc), Vec::<String>::new());
    assert_eq!(doc["projects"].as_array().unwrap().len() as u64, folio.stats().unwrap().case_studies);
}

#[test]
fn folio_to_json_resume_to_folio_keeps_every_case_study_decision_and_metric() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let before: Vec<CaseStudy> = folio.list::<CaseStudy>().unwrap().into_iter().map(|c| c.item).collect();
    // Quotes without the author's consent to share are not published.
    let recs: Vec<Recommendation> =
        folio.list::<Recommendation>().unwrap().into_iter().map(|c| c.item).filter(|r| r.consent).collect();
    assert!(before.iter().map(|c| c.decisions.len() + c.metrics.len()).sum::<usize>() > 10);
    let resume = folio.export_bytes(FileFormat::JsonResume, None).unwrap();

    let (other, _dir2) = open();
    other.import_bytes(&resume, None, false).unwrap();
    let after: Vec<CaseStudy> = other.list::<CaseStudy>().unwrap().into_iter().map(|c| c.item).collect();
    // JSON Resume carries no image bytes: into another portfolio, the case studies come
    // without their images rather than pointing at images that are not there.
    assert!(before.iter().any(|c| !c.images.is_empty()));
    assert!(after.iter().all(|c| c.images.is_empty()));
    let without_images: Vec<CaseStudy> =
        before.iter().cloned().map(|c| CaseStudy { images: Vec::new(), ..c }).collect();
    assert_eq!(after, without_images, "case studies come back whole, in order");
    // Links to case studies follow them to their new ids.
    let title_before: std::collections::HashMap<_, _> =
        folio.list::<CaseStudy>().unwrap().into_iter().map(|c| (c.id, c.item.title)).collect();
    let title_after: std::collections::HashMap<_, _> =
        other.list::<CaseStudy>().unwrap().into_iter().map(|c| (c.id, c.item.title)).collect();
    let comparable = |recs: Vec<Recommendation>, titles: &std::collections::HashMap<uuid::Uuid, String>| {
        recs.into_iter()
            .map(|r| (r.case_study.map(|id| titles[&id].clone()), Recommendation { case_study: None, ..r }))
            .collect::<Vec<_>>()
    };
    let recs_after: Vec<Recommendation> = other.list::<Recommendation>().unwrap().into_iter().map(|c| c.item).collect();
    assert_eq!(
        comparable(recs_after, &title_after),
        comparable(recs, &title_before),
        "recommendations keep their relationship, themes and case study"
    );
    assert_eq!(other.profile().unwrap().full_name, folio.profile().unwrap().full_name);
}

#[test]
fn a_folio_backup_is_byte_identical_after_export_import_export() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    // Something in the Trash and an export in the log travel too.
    let cs = folio.list::<CaseStudy>().unwrap();
    folio.delete(folio_model::EntityKind::CaseStudy, cs[2].id).unwrap();
    folio.export(&dir.path().join("p.pdf"), &ExportRequest::default()).unwrap();
    let first = backup_bytes(&folio);

    let (copy, _dir2) = open();
    let report = copy.import_bytes(&first, None, false).unwrap();
    assert_eq!(report.format, "folio-backup");
    assert_eq!(report.records.trash, 1);
    let second = backup_bytes(&copy);
    assert!(first == second, "the backup changed in the round trip");
    assert_eq!(copy.trash().unwrap().len(), 1);
    assert_eq!(copy.exports(None).unwrap().len(), 1);
    assert_eq!(copy.search("idempotency", 5).unwrap().len(), folio.search("idempotency", 5).unwrap().len());
}

#[test]
fn importing_into_a_portfolio_that_is_not_empty_needs_merge_or_replace() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let backup = backup_bytes(&folio);
    let resume = std::fs::read(fixtures().join("sample.resume.json")).unwrap();

    let err = folio.import_bytes(&resume, None, false).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotEmpty);
    assert_eq!(backup_bytes(&folio), backup, "a refused import changes nothing");

    let before = folio.stats().unwrap();
    folio.import_bytes(&resume, Some(ImportMode::Merge), false).unwrap();
    let merged = folio.stats().unwrap();
    assert_eq!(merged.case_studies, before.case_studies + 1, "merge adds");
    assert_eq!(folio.profile().unwrap().full_name, "Maya Okafor", "merge keeps the profile's typed fields");

    folio.import_bytes(&resume, Some(ImportMode::Replace), false).unwrap();
    assert_eq!(folio.stats().unwrap().case_studies, 1, "replace starts over");
    assert_eq!(folio.stats().unwrap().trash, 0);
    assert_eq!(folio.profile().unwrap().full_name, "Richard Hendriks");

    // Merging a backup matches by id: importing the same backup twice adds nothing.
    let (other, _d) = open();
    other.import_bytes(&backup, None, false).unwrap();
    other.import_bytes(&backup, Some(ImportMode::Merge), false).unwrap();
    assert_eq!(backup_bytes(&other), backup);
}

#[test]
fn a_dry_run_reports_what_would_be_added_and_what_cannot_be_mapped_and_changes_nothing() {
    let (folio, _dir) = open();
    let report = folio.import_file(&fixtures().join("sample.resume.json"), None, true).unwrap();
    assert!(report.dry_run);
    assert!(report.profile);
    assert_eq!(report.records.case_studies, 1);
    assert!(report.notes.iter().any(|n| n.path == "interests[0]"), "{:?}", report.notes);
    assert!(report.notes.iter().any(|n| n.path == "education[0].courses"), "{:?}", report.notes);
    assert!(folio.is_empty().unwrap());
}

/// Imports `bytes` into a portfolio holding the demo and checks that it was refused
/// with `code`, naming `path` if given, and that nothing changed.
fn refused(bytes: &[u8], code: ErrorCode, path: Option<&str>) -> String {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let before = backup_bytes(&folio);
    let err = folio.import_bytes(bytes, Some(ImportMode::Replace), false).unwrap_err();
    assert_eq!(err.code(), code, "{err}");
    if let Some(path) = path {
        assert_eq!(err.field(), Some(path), "{err}");
        assert!(err.to_string().starts_with(path), "the message names the path: {err}");
    }
    assert_eq!(backup_bytes(&folio), before, "a refused import changed the portfolio");
    err.to_string()
}

#[test]
fn text_that_is_not_json_is_refused() {
    let message = refused(b"name: Jane\nwork: []", ErrorCode::ImportMalformed, None);
    assert!(message.contains("not JSON"), "{message}");
}

#[test]
fn json_that_is_neither_format_is_refused() {
    refused(b"[1, 2, 3]", ErrorCode::ImportUnknownFormat, None);
    refused(br#"{"title": "my notes"}"#, ErrorCode::ImportUnknownFormat, None);
}

#[test]
fn a_section_of_the_wrong_type_is_refused_with_its_path() {
    let message =
        refused(br#"{"basics": {"name": "Jane"}, "work": {"name": "Acme"}}"#, ErrorCode::ImportMalformed, Some("work"));
    assert!(message.contains("expected a sequence"), "{message}");
}

#[test]
fn an_unparseable_date_is_refused_with_its_path() {
    let work = serde_json::json!({
        "basics": { "name": "Jane" },
        "work": [
            { "name": "A", "position": "Engineer", "startDate": "2015-01" },
            { "name": "B", "position": "Engineer", "startDate": "2016" },
            { "name": "C", "position": "Engineer", "startDate": "2017-02-03" },
            { "name": "D", "position": "Engineer", "startDate": "May 2019" }
        ]
    });
    let message = refused(work.to_string().as_bytes(), ErrorCode::ImportMalformed, Some("work[3].startDate"));
    assert!(message.contains("\"May 2019\" is not a date"), "{message}");
}

#[test]
fn a_50_mb_file_is_refused_before_it_is_parsed() {
    let mut big = br#"{"basics": {"name": "Jane", "summary": ""#.to_vec();
    big.resize(50 * 1024 * 1024, b'a');
    big.extend_from_slice(br#""}}"#);
    let message = refused(&big, ErrorCode::ImportTooLarge, None);
    assert!(message.contains("larger than 32 MB"), "{message}");

    // From a file, too: its size is checked before it is read.
    let (folio, dir) = open();
    let path = dir.path().join("big.json");
    std::fs::write(&path, &big).unwrap();
    assert_eq!(folio.import_file(&path, None, false).unwrap_err().code(), ErrorCode::ImportTooLarge);
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let message = refused(deep.as_bytes(), ErrorCode::ImportMalformed, None);
    assert!(message.contains("nested deeper than"), "{message}");
    let deep_object =
        format!(r#"{{"basics": {{"name": "Jane"}}, "work": {}{}}}"#, "[".repeat(10_000), "]".repeat(10_000));
    refused(deep_object.as_bytes(), ErrorCode::ImportMalformed, None);
}

#[test]
fn invalid_utf8_is_refused_naming_the_offset() {
    let mut bytes = br#"{"basics": {"name": "Ja"#.to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(br#"ne"}}"#);
    let message = refused(&bytes, ErrorCode::ImportMalformed, None);
    assert!(message.contains("not UTF-8") && message.contains("offset 23"), "{message}");
}

#[test]
fn a_backup_from_a_newer_folio_is_refused() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let mut doc: Value = serde_json::from_slice(&backup_bytes(&folio)).unwrap();
    doc["version"] = 2.into();
    let message = refused(doc.to_string().as_bytes(), ErrorCode::ImportTooNew, None);
    assert!(message.contains("newer Folio"), "{message}");
}

#[test]
fn a_backup_with_an_invalid_record_names_it_and_imports_nothing() {
    let (folio, _dir) = open();
    folio
        .create(&CaseStudy {
            title: "Ledger".into(),
            decisions: vec![Decision { title: "Events".into(), ..Decision::default() }],
            metrics: vec![Metric { label: "p95".into(), direction: Direction::LowerIsBetter, ..Metric::default() }],
            ..CaseStudy::default()
        })
        .unwrap();
    let mut doc: Value = serde_json::from_slice(&backup_bytes(&folio)).unwrap();
    doc["caseStudies"][0]["item"]["title"] = "".into();
    refused(doc.to_string().as_bytes(), ErrorCode::ImportMalformed, Some("caseStudies[0].item.title"));
    doc["caseStudies"][0]["item"]["title"] = 42.into();
    refused(doc.to_string().as_bytes(), ErrorCode::ImportMalformed, Some("caseStudies[0].item.title"));
}

#[test]
fn the_database_is_backed_up_while_open_and_restored_with_the_previous_copy_kept() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let copy = dir.path().join("copy.db");
    folio.backup_database(&copy).unwrap();
    let demo = backup_bytes(&folio);

    // Change the portfolio, then restore the copy.
    let first = folio.list::<CaseStudy>().unwrap().remove(0);
    folio.delete(folio_model::EntityKind::CaseStudy, first.id).unwrap();
    folio.create(&Skill { name: "Zig".into(), ..Skill::default() }).unwrap();
    let changed = backup_bytes(&folio);
    let kept = folio.restore_database(&copy).unwrap();
    assert_eq!(backup_bytes(&folio), demo, "the restored portfolio is the copy");
    assert_eq!(backup_bytes(&Folio::open(&kept).unwrap()), changed, "the previous content is kept aside");
}

#[test]
fn restoring_from_a_file_that_is_not_a_folio_database_changes_nothing() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let before = backup_bytes(&folio);
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "not a database").unwrap();
    let err = folio.restore_database(&text).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotAFolioDatabase);
    let missing = folio.restore_database(&dir.path().join("missing.db")).unwrap_err();
    assert_eq!(missing.code(), ErrorCode::NotAFolioDatabase);

    // A database of a newer schema is refused too.
    let newer = dir.path().join("newer.db");
    folio.backup_database(&newer).unwrap();
    let conn = rusqlite_version_bump(&newer);
    drop(conn);
    assert_eq!(folio.restore_database(&newer).unwrap_err().code(), ErrorCode::SchemaTooNew);
    assert_eq!(backup_bytes(&folio), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("before-restore"))
        .collect();
    assert!(leftovers.is_empty(), "a refused restore keeps no copy: {leftovers:?}");
}

/// Marks the database at `path` as written by a newer Folio.
fn rusqlite_version_bump(path: &Path) -> folio_store::Store {
    let store = folio_store::Store::open(path, &folio_store::OpenOptions::default()).unwrap();
    store.read().pragma_update(None, "user_version", 999).unwrap();
    store
}

#[test]
fn a_resume_merged_into_a_portfolio_started_empty_fills_the_profile() {
    let (folio, _dir) = open();
    folio.start_empty().unwrap();
    assert!(folio.is_empty().unwrap());
    folio.import_file(&fixtures().join("sample.resume.json"), Some(ImportMode::Merge), false).unwrap();
    let profile = folio.profile().unwrap();
    assert_eq!(profile.full_name, "Richard Hendriks");
    assert_eq!(profile.email, "richard.hendriks@mail.com");
}

#[test]
fn merging_a_backup_never_overwrites_the_typed_profile() {
    let (source, _d1) = open();
    source.load_demo(false).unwrap();
    let backup = backup_bytes(&source);
    let (folio, _d2) = open();
    folio.update_profile(&folio_model::Profile { full_name: "Jane Doe".into(), ..Default::default() }).unwrap();
    folio.import_bytes(&backup, Some(ImportMode::Merge), false).unwrap();
    let profile = folio.profile().unwrap();
    assert_eq!(profile.full_name, "Jane Doe", "what the user typed stays");
    assert_eq!(profile.headline, source.profile().unwrap().headline, "empty fields are filled");
}

#[test]
fn links_to_case_studies_follow_them_through_json_resume() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let cs = folio.list::<CaseStudy>().unwrap();
    let rec = folio
        .create(&Recommendation {
            author_name: "Ana".into(),
            consent: true,
            case_study: Some(cs[1].id),
            ..Recommendation::default()
        })
        .unwrap();
    let skill = folio.create(&Skill { name: "Ledgers".into(), evidence: vec![cs[0].id], ..Skill::default() }).unwrap();
    let resume = folio.export_bytes(FileFormat::JsonResume, None).unwrap();

    let (other, _d) = open();
    other.import_bytes(&resume, None, false).unwrap();
    let titles: std::collections::HashMap<_, _> =
        other.list::<CaseStudy>().unwrap().into_iter().map(|c| (c.id, c.item.title)).collect();
    let rec_after = other.list::<Recommendation>().unwrap().into_iter().find(|r| r.item.author_name == "Ana").unwrap();
    assert_eq!(titles[&rec_after.item.case_study.unwrap()], cs[1].item.title);
    let skill_after = other.list::<Skill>().unwrap().into_iter().find(|s| s.item.name == "Ledgers").unwrap();
    assert_eq!(
        skill_after.item.evidence.iter().map(|id| titles[id].clone()).collect::<Vec<_>>(),
        [cs[0].item.title.clone()]
    );
    drop((rec, skill));
}

#[test]
fn a_backup_whose_export_names_a_missing_edition_is_refused_with_its_path() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    folio.export(&dir.path().join("p.pdf"), &ExportRequest::default()).unwrap();
    let mut doc: Value = serde_json::from_slice(&backup_bytes(&folio)).unwrap();
    doc["exports"][0]["edition"] = Value::String(uuid::Uuid::now_v7().to_string());
    refused(doc.to_string().as_bytes(), ErrorCode::ImportMalformed, Some("exports[0].edition"));
}

#[test]
fn repeated_project_keywords_become_one_technology() {
    let (folio, _dir) = open();
    let doc =
        r#"{"basics": {"name": "Jane"}, "projects": [{"name": "Ledger", "keywords": ["Rust", "rust", "Kafka"]}]}"#;
    folio.import_bytes(doc.as_bytes(), None, false).unwrap();
    let cs = folio.list::<CaseStudy>().unwrap().remove(0).item;
    assert_eq!(cs.technologies.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["Rust", "Kafka"]);
}

#[test]
fn a_skill_group_is_where_its_skills_go_not_a_skill_and_references_come_in_split_and_shared() {
    let (folio, _dir) = open();
    let doc = r#"{
        "basics": {"name": "Jane"},
        "skills": [
            {"name": "Languages", "keywords": ["Rust", "Go"]},
            {"name": "Leadership", "keywords": ["Mentoring"]},
            {"name": "Kubernetes"}
        ],
        "references": [
            {"name": "Priya Raman, VP Engineering at Acme Payments", "reference": "Maya leads."},
            {"name": "Tom", "reference": "Reliable."}
        ]
    }"#;
    let report = folio.import_bytes(doc.as_bytes(), None, false).unwrap();
    let skills: Vec<(String, folio_model::SkillArea)> =
        folio.list::<folio_model::Skill>().unwrap().into_iter().map(|s| (s.item.name, s.item.area)).collect();
    use folio_model::SkillArea::*;
    assert_eq!(
        skills,
        [
            ("Rust".to_string(), AdvancedTechnical),
            ("Go".into(), AdvancedTechnical),
            ("Mentoring".into(), LeadershipCommunication),
            ("Kubernetes".into(), AdvancedTechnical)
        ]
    );
    let notes = serde_json::to_string(&report).unwrap();
    assert!(
        notes.contains("Languages\\\" is a group: its skills are under Advanced technical"),
        "the report says what became of the group: {notes}"
    );
    assert!(notes.contains("consented to share"), "{notes}");

    let recs: Vec<Recommendation> = folio.list::<Recommendation>().unwrap().into_iter().map(|r| r.item).collect();
    assert_eq!(
        (recs[0].author_name.as_str(), recs[0].author_title.as_str(), recs[0].organisation.as_str()),
        ("Priya Raman", "VP Engineering", "Acme Payments")
    );
    assert_eq!(recs[1].author_name, "Tom");
    assert!(recs.iter().all(|r| r.consent), "they were shared in the résumé");

    // JSON Resume → Folio → JSON Resume keeps them, as they were written.
    let out: Value = serde_json::from_slice(&folio.export_bytes(FileFormat::JsonResume, None).unwrap()).unwrap();
    let names: Vec<&str> = out["references"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Priya Raman, VP Engineering at Acme Payments", "Tom"]);
}

/// A demo backup with one edition exported, so that it carries an export record and
/// its snapshot.
fn backup_with_a_snapshot() -> Value {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let edition = folio.list::<folio_model::Edition>().unwrap().remove(0);
    let request = ExportRequest { edition: Some(edition.id), ..ExportRequest::default() };
    folio.export(&dir.path().join("p.pdf"), &request).unwrap();
    serde_json::from_slice(&backup_bytes(&folio)).unwrap()
}

#[test]
fn a_snapshot_in_a_backup_is_checked_like_live_data() {
    let mut doc = backup_with_a_snapshot();
    doc["snapshots"][0]["snapshot"]["portfolio"]["edition"]["item"]["accent"] = "#a€12".into();
    let err = refused(
        doc.to_string().as_bytes(),
        ErrorCode::ImportMalformed,
        Some("snapshots[0].snapshot.portfolio.edition.item.accent"),
    );
    assert!(err.contains("#rrggbb"), "{err}");

    let mut doc = backup_with_a_snapshot();
    doc["snapshots"][0]["snapshot"]["portfolio"]["caseStudies"][0]["item"]["title"] = " ".into();
    refused(
        doc.to_string().as_bytes(),
        ErrorCode::ImportMalformed,
        Some("snapshots[0].snapshot.portfolio.caseStudies[0].item.title"),
    );
}

#[test]
fn an_export_path_in_a_backup_must_be_a_file_path() {
    for path in ["https://evil.example/payload", "relative/cv.pdf", "/tmp/cv\u{7}.pdf"] {
        let mut doc = backup_with_a_snapshot();
        doc["exports"][0]["path"] = path.into();
        let err = refused(doc.to_string().as_bytes(), ErrorCode::ImportMalformed, Some("exports[0].path"));
        assert!(err.contains("path"), "{path}: {err}");
    }
}

/// Every URI a PDF's link actions lead to, wherever the action sits (annotations are
/// written inline in the page's /Annots).
fn link_targets(pdf: &Path) -> Vec<String> {
    fn walk(object: &lopdf::Object, out: &mut Vec<String>) {
        match object {
            lopdf::Object::Dictionary(d) => {
                if let Ok(uri) = d.get(b"URI").and_then(lopdf::Object::as_str) {
                    out.push(String::from_utf8_lossy(uri).into_owned());
                }
                d.iter().for_each(|(_, v)| walk(v, out));
            }
            lopdf::Object::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let doc = lopdf::Document::load(pdf).unwrap();
    let mut out = Vec::new();
    doc.objects.values().for_each(|o| walk(o, &mut out));
    out
}

#[test]
fn markdown_links_that_are_not_web_or_mail_never_reach_a_pdf_or_json_resume() {
    let (folio, dir) = open();
    let resume = serde_json::json!({
        "basics": { "name": "Maya Okafor" },
        "work": [{ "name": "Acme", "position": "Lead", "startDate": "2020-01",
                   "summary": "Ran [the ledger](javascript:alert(1)) and [notes](file:///etc/passwd); \
                               see [the RFC](https://example.com/rfc)." }],
        "projects": [{ "name": "Ledger", "description": "<file:///etc/shadow> and [docs](https://example.com/docs)" }]
    });
    let report = folio.import_bytes(resume.to_string().as_bytes(), None, false).unwrap();
    let dropped: Vec<_> = report.notes.iter().filter(|n| n.message.contains("was left out")).collect();
    assert_eq!(dropped.len(), 3, "each dropped link is reported: {:?}", report.notes);
    assert_eq!(dropped.iter().filter(|n| n.path == "work[0].summary").count(), 2, "{dropped:?}");

    let pdf = dir.path().join("cv.pdf");
    folio.export(&pdf, &ExportRequest::default()).unwrap();
    let mut targets = link_targets(&pdf);
    targets.sort();
    targets.dedup();
    assert_eq!(targets, ["https://example.com/docs", "https://example.com/rfc"]);
    let text = crate::export::tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(text.contains("the ledger") && text.contains("notes"), "the words stay: {text}");

    let json = String::from_utf8(folio.export_bytes(FileFormat::JsonResume, None).unwrap()).unwrap();
    for link in ["](javascript:", "](file:", "<file:"] {
        assert!(!json.contains(link), "a link {link} in the JSON Resume");
    }
    assert!(json.contains("the ledger and notes"), "the words of a dropped link stay");
}

#[test]
fn a_markdown_link_folio_would_not_follow_is_refused_when_typed() {
    let (folio, _dir) = open();
    let study = folio.create(&CaseStudy { title: "Ledger".into(), ..CaseStudy::default() }).unwrap();
    let mut item = study.item.clone();
    item.context = "Read [the notes](file:///etc/passwd).".into();
    let err = folio.update(study.id, &item).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert_eq!(err.field(), Some("context"));
    assert!(err.to_string().contains("https://"), "{err}");
    assert_eq!(folio.get::<CaseStudy>(study.id).unwrap().item, study.item, "nothing changed");
}

#[test]
fn a_backup_from_a_folio_that_took_any_link_imports_with_the_link_left_out_and_noted() {
    let (folio, _dir) = open();
    folio.create(&CaseStudy { title: "Ledger".into(), ..CaseStudy::default() }).unwrap();
    let mut doc: Value = serde_json::from_slice(&backup_bytes(&folio)).unwrap();
    // What an older Folio stored as typed: a link to a relative path.
    doc["caseStudies"][0]["item"]["context"] = "See [the design](docs/design.md).".into();
    let (other, _other_dir) = open();
    let report = other.import_bytes(doc.to_string().as_bytes(), None, false).unwrap();
    assert_eq!(report.notes.len(), 1, "{:?}", report.notes);
    assert_eq!(report.notes[0].path, "caseStudies[0].item.context");
    assert!(report.notes[0].message.contains("docs/design.md"), "{:?}", report.notes[0]);
    assert_eq!(other.list::<CaseStudy>().unwrap()[0].item.context, "See the design.");
}
