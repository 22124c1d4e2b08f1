//! LinkedIn's data export in: the ZIP (or its folder) of a realistic export with every
//! quirk LinkedIn's files have, a merge that adds nothing twice, and the archives Folio
//! refuses — each refused with a clear message and the portfolio left as it was.

use std::io::Write;
use std::path::{Path, PathBuf};

use folio_core::{FileFormat, Folio, ImportMode};
use folio_model::{ErrorCode, SkillArea};

use crate::open;

fn export_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/linkedin-export")
}

/// A ZIP of `entries`, deflated as LinkedIn's are.
fn zip_of(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The fixture export's files, as LinkedIn zips them.
fn export_entries() -> Vec<(String, Vec<u8>)> {
    let mut entries: Vec<(String, Vec<u8>)> = std::fs::read_dir(export_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    entries.sort();
    entries
}

fn write_zip(dir: &Path, name: &str, entries: &[(String, Vec<u8>)]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, zip_of(entries)).unwrap();
    path
}

fn everything(folio: &Folio) -> Vec<u8> {
    folio.export_bytes(FileFormat::Folio, None).unwrap()
}

#[test]
fn a_linkedin_export_becomes_a_portfolio_with_a_report_of_what_had_no_place() {
    let (folio, dir) = open();
    let zip = write_zip(dir.path(), "Basic_LinkedInDataExport_12-05-2026.zip", &export_entries());
    let report = folio.import_file(&zip, None, false).unwrap();
    assert_eq!(report.format, "linkedin");

    let profile = folio.profile().unwrap();
    assert_eq!(profile.full_name, "Zoë Ødegård", "a non-Latin name survives the byte-order mark");
    assert_eq!(profile.headline, "Staff engineer · payments platforms");
    assert!(
        profile.summary.contains("cannot stop the money moving.\n\nTwelve years"),
        "a multi-line summary keeps its paragraphs"
    );
    assert_eq!(profile.location, "Oslo, Norway");
    assert_eq!(profile.email, "zoe@example.dev", "the primary address, not the first");
    assert_eq!(profile.phone, "+47 400 00 000");
    let urls: Vec<&str> = profile.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(urls, ["https://zoe.example.dev", "https://acme-payments.example"]);

    // Positions, after a "Notes:" preamble: the one without a company is noted, not fatal.
    let jobs = folio.list::<folio_model::Experience>().unwrap();
    assert_eq!(jobs.len(), 2);
    let acme = &jobs.iter().find(|j| j.item.organisation == "Acme Payments").unwrap().item;
    assert_eq!(acme.title, "Staff Engineer");
    assert_eq!(acme.start.map(|d| d.to_string()).as_deref(), Some("2021-03"));
    assert_eq!(acme.end, None, "an empty Finished On is a current job");
    assert!(acme.summary.contains("event-driven design.\n- Cut settlement time"), "a quoted field over several lines");
    let nordlys = &jobs.iter().find(|j| j.item.organisation == "Nordlys Logistics").unwrap().item;
    assert!(nordlys.summary.contains("\"from scratch\""), "doubled quotes inside a quoted field");
    assert_eq!(nordlys.end.map(|d| d.to_string()).as_deref(), Some("2021-02"));

    let education = folio.list::<folio_model::Education>().unwrap();
    assert_eq!(education[0].item.institution, "Norwegian University of Science and Technology");
    assert_eq!(education[0].item.degree, "Master of Science");
    assert_eq!(education[0].item.end.map(|d| d.to_string()).as_deref(), Some("2011"));

    let skills: Vec<(String, SkillArea)> =
        folio.list::<folio_model::Skill>().unwrap().into_iter().map(|s| (s.item.name, s.item.area)).collect();
    let names: Vec<&str> = skills.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(names.iter().filter(|n| n.eq_ignore_ascii_case("kotlin")).count(), 1, "Kotlin once, whatever its case");
    assert!(names.contains(&"Distributed Systems"));
    assert!(names.contains(&"日本語 (elementary)"), "languages are communication skills with their proficiency");
    assert!(skills.contains(&("Norwegian (native or bilingual)".into(), SkillArea::LeadershipCommunication)));

    let certifications = folio.list::<folio_model::Certification>().unwrap();
    let aws = &certifications.iter().find(|c| c.item.issuer == "Amazon Web Services").unwrap().item;
    assert_eq!((aws.credential_id.as_str(), aws.expiry.map(|d| d.to_string())), ("ABC123", Some("2025-01".into())));
    assert!(certifications.iter().any(|c| c.item.name == "Engineering Excellence Award"), "honors are awards");

    // Only visible recommendations, with their author's title and company, not consented.
    let recommendations = folio.list::<folio_model::Recommendation>().unwrap();
    assert_eq!(recommendations.len(), 2, "the hidden one stays on LinkedIn");
    let misaki = &recommendations.iter().find(|r| r.item.author_name == "美咲 佐藤").unwrap().item;
    assert_eq!((misaki.author_title.as_str(), misaki.organisation.as_str()), ("VP Engineering", "Acme Payments"));
    assert_eq!(misaki.date.map(|d| d.to_string()).as_deref(), Some("2022-10"), "from \"10/12/22, 08:15 AM\"");
    assert!(!misaki.consent, "a LinkedIn recommendation is not consented to share elsewhere");

    let case_studies = folio.list::<folio_model::CaseStudy>().unwrap();
    assert_eq!(case_studies[0].item.title, "Event-driven payment ledger");
    assert_eq!(case_studies[0].item.links[0].url, "https://zoe.example.dev/ledger");
    let writing = folio.list::<folio_model::Writing>().unwrap();
    assert_eq!(writing[0].item.venue, "InfoQ");
    assert_eq!(writing[0].item.date.map(|d| d.to_string()).as_deref(), Some("2023-06-02"));

    let said =
        |path: &str, words: &str| report.notes.iter().any(|n| n.path.contains(path) && n.message.contains(words));
    assert!(
        said("Positions.csv (Company URL)", "Folio does not know"),
        "an unknown column is reported: {:?}",
        report.notes
    );
    assert!(said("Positions.csv row 4", "organisation"), "the position without a company is reported");
    assert!(said("Profile.csv (Birth Date)", "no place"), "a birth date is left out, and said so");
    assert!(said("Recommendations_Received.csv", "1 hidden or pending"), "the hidden recommendation is reported");
    assert!(said("Connections.csv", "not imported"), "the files Folio does not read are listed");
    assert_eq!((report.records.experience, report.records.recommendations), (2, 2));
}

#[test]
fn a_second_import_with_merge_adds_nothing_twice() {
    let (folio, dir) = open();
    let zip = write_zip(dir.path(), "export.zip", &export_entries());
    folio.import_file(&zip, None, false).unwrap();
    let before = folio.stats().unwrap();
    let profile = folio.profile().unwrap();

    let dry = folio.import_file(&zip, Some(ImportMode::Merge), true).unwrap();
    assert_eq!(dry.already_there, dry.records, "the dry run says every record is already there");
    let report = folio.import_file(&zip, Some(ImportMode::Merge), false).unwrap();
    assert_eq!(report.already_there, report.records);
    assert_eq!(folio.stats().unwrap(), before, "a second import added records");
    assert_eq!(folio.profile().unwrap(), profile);

    // The unpacked folder is the same export: nothing new either.
    folio.import_file(&export_dir(), Some(ImportMode::Merge), false).unwrap();
    assert_eq!(folio.stats().unwrap(), before);
}

#[test]
fn the_unpacked_folder_imports_as_the_zip_does() {
    let (from_zip, dir) = open();
    let zip = write_zip(dir.path(), "export.zip", &export_entries());
    let zipped = from_zip.import_file(&zip, None, false).unwrap();
    let (from_folder, _dir) = open();
    let unpacked = from_folder.import_file(&export_dir(), None, false).unwrap();
    assert_eq!(zipped.records, unpacked.records);
    assert_eq!(zipped.notes, unpacked.notes);
    assert_eq!(from_zip.profile().unwrap(), from_folder.profile().unwrap());
}

#[test]
fn an_export_missing_files_imports_what_it_has_and_says_what_was_missing() {
    let (folio, dir) = open();
    let some: Vec<_> =
        export_entries().into_iter().filter(|(n, _)| n == "Positions.csv" || n == "Skills.csv").collect();
    let report = folio.import_file(&write_zip(dir.path(), "export.zip", &some), None, false).unwrap();
    assert_eq!((report.records.experience, report.records.skills, report.profile), (2, 4, false));
    for missing in ["Profile.csv", "Education.csv", "Recommendations_Received.csv"] {
        assert!(report.notes.iter().any(|n| n.path == missing && n.message.contains("not in the export")), "{missing}");
    }
}

/// Imports `path` into a portfolio that holds the demo, and checks it is refused with
/// `code` and words of `message`, leaving every byte of the portfolio as it was.
fn refused(path: &Path, code: ErrorCode, message: &str) {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let before = everything(&folio);
    for mode in [Some(ImportMode::Merge), Some(ImportMode::Replace)] {
        let err = folio.import_file(path, mode, false).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        assert!(err.to_string().contains(message), "{err}");
    }
    assert_eq!(everything(&folio), before, "a refused import changed the portfolio");
}

#[test]
fn a_file_that_is_not_a_zip_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.zip");
    std::fs::write(&path, "First Name,Last Name\nZoë,Ødegård\n").unwrap();
    refused(&path, ErrorCode::ImportUnknownFormat, "not a ZIP archive");
    // A ZIP cut short is damaged, not half-read.
    let whole = zip_of(&export_entries());
    std::fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    refused(&path, ErrorCode::ImportUnknownFormat, "not a ZIP archive that can be read");
}

#[test]
fn a_zip_bomb_is_refused_from_its_header_before_anything_is_inflated() {
    let dir = tempfile::tempdir().unwrap();
    // 64 MB of one letter deflates to a sixteenth of a megabyte. The refusal names the size
    // the header declares: inflating would have stopped at 17 MB and said so.
    let bomb = vec![b'a'; 64 * 1024 * 1024];
    let mut entries = export_entries();
    entries.push(("Skills.csv".into(), bomb));
    entries.retain(|(n, b)| n != "Skills.csv" || b.len() > 1000);
    let path = write_zip(dir.path(), "bomb.zip", &entries);
    assert!(std::fs::metadata(&path).unwrap().len() < 1024 * 1024, "the bomb is small on disk");
    refused(&path, ErrorCode::ImportTooLarge, "Skills.csv holds 64 MB, more than the 16 MB");
}

#[test]
fn an_entry_named_to_escape_the_archive_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["../../x", "/etc/passwd", "Positions/../../../Positions.csv"] {
        let mut entries = export_entries();
        entries.push((name.into(), b"Name\nx\n".to_vec()));
        let path = write_zip(dir.path(), "traversal.zip", &entries);
        refused(&path, ErrorCode::ImportMalformed, &format!("an entry named \"{name}\" that points outside it"));
    }
}

#[test]
fn a_csv_that_is_not_utf8_is_refused_with_its_name_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut entries = export_entries();
    // "Ødegård" in Latin-1, as a spreadsheet might save it.
    let latin1 = b"Company Name,Title,Started On\n\xd8deg\xe5rd AS,Engineer,Mar 2021\n".to_vec();
    entries.retain(|(n, _)| n != "Positions.csv");
    entries.push(("Positions.csv".into(), latin1));
    let path = write_zip(dir.path(), "latin1.zip", &entries);
    refused(&path, ErrorCode::ImportMalformed, "Positions.csv: is not UTF-8 text (invalid byte at offset 30)");
}

#[test]
fn a_50_mb_csv_is_refused_whether_zipped_or_unpacked() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = b"Company Name,Title,Description\n".to_vec();
    while big.len() < 50 * 1024 * 1024 {
        big.extend_from_slice(b"Acme Payments,Staff Engineer,\"Led the ledger migration, again and again.\"\n");
    }
    big.truncate(50 * 1024 * 1024);
    let mut entries = export_entries();
    entries.retain(|(n, _)| n != "Positions.csv");
    entries.push(("Positions.csv".into(), big.clone()));
    let path = write_zip(dir.path(), "big.zip", &entries);
    refused(&path, ErrorCode::ImportTooLarge, "Positions.csv holds 50 MB");

    let folder = dir.path().join("unpacked");
    std::fs::create_dir(&folder).unwrap();
    for (name, bytes) in &entries {
        std::fs::write(folder.join(name), bytes).unwrap();
    }
    refused(&folder, ErrorCode::ImportTooLarge, "Positions.csv holds 50 MB");
}

#[test]
fn a_zip_without_any_file_of_linkedins_export_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_zip(dir.path(), "photos.zip", &[("holiday.jpg".into(), vec![0xff, 0xd8, 0xff])]);
    refused(&path, ErrorCode::ImportUnknownFormat, "none of the files of LinkedIn's data export");
}

#[test]
fn a_dry_run_of_a_linkedin_export_reports_and_changes_nothing() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let before = everything(&folio);
    let zip = write_zip(dir.path(), "export.zip", &export_entries());
    let report = folio.import_file(&zip, Some(ImportMode::Merge), true).unwrap();
    assert!(report.dry_run);
    assert_eq!(report.records.experience, 2);
    assert_eq!(everything(&folio), before);
}
