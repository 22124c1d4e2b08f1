//! Exports checked with real PDF tools: qpdf, pdffonts, pdftotext, pdfinfo (poppler).

use std::path::Path;
use std::process::Command;

use folio_core::{Check, ExportRequest, FileFormat, Folio};
use folio_model::markdown::plain_text;
use folio_model::{CaseStudy, Edition, ErrorCode, FileType, Paper, Recommendation};

use crate::open;

/// Runs a PDF tool and returns what it printed; the tools are installed by `make test`.
pub(crate) fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} is not installed ({e}); `make test` installs poppler-utils and qpdf"));
    assert!(out.status.success(), "{program} {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Every word of every exported field, in the order the PDF presents them.
pub(crate) fn expected_words(folio: &Folio) -> Vec<String> {
    words(&expected_text(folio))
}

/// Every exported field, in the order the PDF presents them.
pub(crate) fn expected_text(folio: &Folio) -> String {
    let p = folio.portfolio(None).unwrap();
    let mut text = vec![p.profile.full_name.clone(), p.profile.headline.clone(), plain_text(&p.profile.summary)];
    for cs in &p.case_studies {
        let c = &cs.item;
        text.extend([c.title.clone(), c.organisation.clone(), c.role.clone(), plain_text(&c.summary)]);
        text.extend(c.technologies.iter().map(|t| t.name.clone()));
        text.extend([plain_text(&c.context), plain_text(&c.contribution)]);
        for d in &c.decisions {
            text.extend([d.title.clone(), plain_text(&d.context), d.options.join(" ")]);
            text.extend([plain_text(&d.choice), plain_text(&d.rationale), plain_text(&d.consequences)]);
        }
        text.push(plain_text(&c.outcome));
    }
    for r in &p.recommendations {
        text.extend([plain_text(&r.item.text), r.item.author_name.clone()]);
    }
    for e in &p.experience {
        text.extend([e.item.title.clone(), e.item.organisation.clone(), plain_text(&e.item.summary)]);
        text.extend(e.item.highlights.iter().cloned());
    }
    text.extend(p.certifications.iter().map(|c| c.item.name.clone()));
    text.extend(p.education.iter().map(|e| e.item.institution.clone()));
    text.extend(p.writing.iter().map(|w| w.item.title.clone()));
    text.join(" ")
}

/// The first word of `wanted` that `have` lacks when read in order, if any.
pub(crate) fn missing_in_order<'a>(wanted: &'a [String], have: &[String]) -> Option<(usize, &'a str)> {
    let mut at = 0;
    for (i, w) in wanted.iter().enumerate() {
        match have[at..].iter().position(|h| h == w) {
            Some(found) => at += found + 1,
            None => return Some((i, w)),
        }
    }
    None
}

fn export(folio: &Folio, path: &Path, theme: &str, paper: Paper) -> folio_core::ExportReport {
    let request =
        ExportRequest { edition: None, theme: Some(theme.into()), paper: Some(paper), format: None, file: None };
    folio.export(path, &request).unwrap_or_else(|e| panic!("{theme} on {paper:?}: {e}"))
}

#[test]
fn the_demo_exports_in_every_theme_and_paper_as_a_sound_ats_readable_pdf() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let wanted = expected_words(&folio);
    for theme in folio_core::themes() {
        for paper in [Paper::A4, Paper::Letter] {
            let path = dir.path().join(format!("{}-{paper:?}.pdf", theme.name));
            let report = export(&folio, &path, &theme.name, paper);
            let file = path.to_str().unwrap();
            assert!(report.warnings.is_empty(), "{:?}", report.warnings);

            let check = tool("qpdf", &["--check", file]);
            assert!(check.contains("No syntax or stream encoding errors"), "{check}");

            let fonts = tool("pdffonts", &[file]);
            let rows: Vec<_> = fonts.lines().skip(2).collect();
            assert!(!rows.is_empty());
            for row in rows {
                let cols: Vec<_> = row.split_whitespace().collect();
                let n = cols.len();
                assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "embedded, subset, with Unicode map: {row}");
            }

            let text = words(&tool("pdftotext", &[file, "-"]));
            // One column in every theme: every word in the order the portfolio has it.
            if let Some((i, word)) = missing_in_order(&wanted, &text) {
                panic!(
                    "{} {paper:?}: word {i} {word:?} is missing or out of order; around: {:?}",
                    theme.name,
                    &wanted[i.saturating_sub(8)..(i + 3).min(wanted.len())]
                );
            }

            let info = tool("pdfinfo", &[file]);
            assert!(info.contains("Title:           Maya Okafor — Portfolio"), "{info}");
            assert!(info.contains("Author:          Maya Okafor"));
            assert!(info.contains("Keywords:") && info.contains("Kubernetes"));
            assert!(info.contains("Creator:         Folio"));
            let size = if paper == Paper::A4 { "595.276 x 841.89" } else { "612 x 792" };
            assert!(info.contains(size), "{info}");
            assert_eq!(
                info.lines().find(|l| l.starts_with("Pages:")).unwrap().split_whitespace().last(),
                Some(report.record.pages.to_string().as_str())
            );
        }
    }
}

/// Titles of the outline's items, depth-first, with their depth.
pub(crate) fn outline(pdf: &lopdf::Document) -> Vec<(usize, String)> {
    fn title(o: &lopdf::Object) -> String {
        let bytes = o.as_str().unwrap();
        let units: Vec<u16> = bytes[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        String::from_utf16(&units).unwrap()
    }
    fn walk(pdf: &lopdf::Document, first: Option<lopdf::ObjectId>, depth: usize, out: &mut Vec<(usize, String)>) {
        let mut next = first;
        while let Some(id) = next {
            let item = pdf.get_dictionary(id).unwrap();
            out.push((depth, title(item.get(b"Title").unwrap())));
            assert!(item.get(b"Dest").is_ok(), "every bookmark has a destination");
            walk(pdf, item.get(b"First").and_then(lopdf::Object::as_reference).ok(), depth + 1, out);
            next = item.get(b"Next").and_then(lopdf::Object::as_reference).ok();
        }
    }
    let root = pdf.catalog().unwrap().get(b"Outlines").and_then(lopdf::Object::as_reference).unwrap();
    let first = pdf.get_dictionary(root).unwrap().get(b"First").and_then(lopdf::Object::as_reference).ok();
    let mut out = Vec::new();
    walk(pdf, first, 0, &mut out);
    out
}

#[test]
fn the_outline_has_every_section_and_case_study_and_links_point_where_they_should() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let path = dir.path().join("demo.pdf");
    export(&folio, &path, "modern", Paper::A4);
    let pdf = lopdf::Document::load(&path).unwrap();

    let titles: Vec<_> = folio.list::<CaseStudy>().unwrap().into_iter().map(|c| c.item.title).collect();
    let entries = outline(&pdf);
    let nested: Vec<_> = entries.iter().filter(|(d, _)| *d == 1).map(|(_, t)| t.clone()).collect();
    assert_eq!(nested, titles, "one bookmark per case study, under Case studies");
    let top: Vec<_> = entries.iter().filter(|(d, _)| *d == 0).map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        top,
        [
            "Summary",
            "Case studies",
            "Recommendations",
            "Skills",
            "Experience",
            "Certifications",
            "Education",
            "Publications and talks"
        ]
    );
    assert_eq!(pdf.catalog().unwrap().get(b"Lang").unwrap().as_str().unwrap(), b"en");

    let mut uris = Vec::new();
    let mut internal = 0;
    for page in pdf.get_pages().values() {
        let annots = match pdf.get_dictionary(*page).unwrap().get(b"Annots") {
            Ok(lopdf::Object::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        for annot in &annots {
            let annot = match annot {
                lopdf::Object::Reference(id) => pdf.get_dictionary(*id).unwrap(),
                other => other.as_dict().unwrap(),
            };
            let border = annot.get(b"Border").unwrap().as_array().unwrap();
            assert_eq!(border.last().unwrap().as_float().unwrap(), 0.0, "links draw no box");
            let action = match annot.get(b"A").unwrap() {
                lopdf::Object::Reference(id) => pdf.get_dictionary(*id).unwrap(),
                other => other.as_dict().unwrap(),
            };
            match action.get(b"S").unwrap().as_name().unwrap() {
                b"URI" => {
                    uris.push(String::from_utf8_lossy(action.get(b"URI").unwrap().as_str().unwrap()).into_owned())
                }
                b"GoTo" => internal += 1,
                other => panic!("unexpected action {}", String::from_utf8_lossy(other)),
            }
        }
    }
    let profile = folio.profile().unwrap();
    assert!(uris.contains(&format!("mailto:{}", profile.email)), "{uris:?}");
    for link in &profile.links {
        assert!(uris.contains(&link.url), "the header links {} ({uris:?})", link.url);
    }
    assert!(internal >= titles.len(), "the contents list links to every case study ({internal} internal links)");
}

#[test]
fn an_edition_exports_exactly_its_case_studies_in_its_order_and_is_recorded() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let all = folio.list::<CaseStudy>().unwrap();
    let edition = folio
        .create(&Edition {
            name: "Staff Engineer — Acme".into(),
            case_studies: vec![all[4].id, all[1].id],
            ..Edition::default()
        })
        .unwrap();
    let path = dir.path().join("acme.pdf");
    let report = folio.export(&path, &ExportRequest { edition: Some(edition.id), ..Default::default() }).unwrap();
    let text = tool("pdftotext", &[path.to_str().unwrap(), "-"]).split_whitespace().collect::<Vec<_>>().join(" ");
    for (i, cs) in all.iter().enumerate() {
        assert_eq!(text.contains(&cs.item.title), i == 4 || i == 1, "{}", cs.item.title);
    }
    assert!(text.find(&all[4].item.title).unwrap() < text.find(&all[1].item.title).unwrap());

    let bytes = std::fs::read(&path).unwrap();
    let records = folio.exports(Some(edition.id)).unwrap();
    assert_eq!(records, std::slice::from_ref(&report.record));
    assert_eq!(records[0].bytes, bytes.len() as u64);
    assert_eq!(records[0].sha256.len(), 64);
    assert!(records[0].path.ends_with("acme.pdf"));
}

#[test]
fn a_failed_export_leaves_the_earlier_pdf_untouched_and_records_nothing() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let path = dir.path().join("portfolio.pdf");
    export(&folio, &path, "modern", Paper::A4);
    let before = std::fs::read(&path).unwrap();

    let err = folio.export(&path, &ExportRequest { theme: Some("baroque".into()), ..Default::default() }).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("modern, classic, compact"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let err = folio.export(&dir.path().join("missing/portfolio.pdf"), &ExportRequest::default()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io);
    assert!(err.to_string().contains("does not exist"), "{err}");

    let err = folio.export(dir.path(), &ExportRequest::default()).unwrap_err();
    assert!(err.to_string().contains("is a folder"), "{err}");

    assert_eq!(folio.exports(None).unwrap().len(), 1, "only the successful export is recorded");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".folio-export"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files are left behind: {leftovers:?}");
}

#[test]
fn a_stress_portfolio_exports_with_every_script_and_reports_what_no_font_has() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let long: String =
        (0..10_000).map(|i| ["latency", "ledger", "kafka", "review", "team"][i % 5]).collect::<Vec<_>>().join(" ");
    let url = format!("https://example.com/{}", "x".repeat(280));
    folio
        .create(&CaseStudy {
            title: "Ten thousand words".into(),
            context: long,
            links: vec![folio_model::Link { url: url.clone(), ..Default::default() }],
            ..CaseStudy::default()
        })
        .unwrap();
    let names = ["Zażółć Gęślą Jaźń", "Αλέξανδρος Παπαδόπουλος", "Дмитрий Иванов", "Nguyễn Thị Minh Khai", "王小明"];
    for (i, name) in names.iter().enumerate() {
        folio
            .create(&Recommendation {
                author_name: name.to_string(),
                text: format!("Worked with Maya on the ledger 🚀 — {name} #{i}"),
                consent: true,
                ..Recommendation::default()
            })
            .unwrap();
    }
    let many: Vec<_> = (0..54)
        .map(|i| CaseStudy {
            title: format!("Case study number {i}"),
            summary: "Short.".into(),
            ..CaseStudy::default()
        })
        .collect();
    folio.create_many(&many).unwrap();
    assert_eq!(folio.stats().unwrap().case_studies, 61);

    for theme in folio_core::themes() {
        for paper in [Paper::A4, Paper::Letter] {
            let path = dir.path().join(format!("stress-{}-{paper:?}.pdf", theme.name));
            let report = export(&folio, &path, &theme.name, paper);
            // The emoji is reported once for each recommendation it was left out of.
            let expected: Vec<String> = names
                .iter()
                .map(|n| format!("recommendation from '{n}': 1 character no bundled font has, left out of the PDF: 🚀"))
                .collect();
            assert_eq!(report.warnings, expected);
            tool("qpdf", &["--check", path.to_str().unwrap()]);
            let text = tool("pdftotext", &[path.to_str().unwrap(), "-"]);
            for name in names {
                assert!(text.contains(name), "{name} is in the {} PDF", theme.name);
            }
            // The URL wraps over lines, maybe over a page break, but none of it is lost.
            let url_lines: String = text
                .lines()
                .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}'))
                .filter(|l| l.starts_with("example.com/") || (!l.is_empty() && l.chars().all(|c| c == 'x')))
                .collect();
            assert_eq!(url_lines, url.trim_start_matches("https://"), "the long URL is printed whole, wrapped to fit");
        }
    }
}

#[test]
fn the_suggested_file_name_names_the_person_role_and_company_and_is_safe_on_disk() {
    let (folio, _dir) = open();
    assert_eq!(folio.suggested_file_name(None, FileType::Pdf).unwrap(), "Portfolio.pdf");
    folio.update_profile(&folio_model::Profile { full_name: "Jane Doe".into(), ..Default::default() }).unwrap();
    let acme = folio
        .create(&Edition {
            name: "Acme".into(),
            target_role: "Staff Engineer".into(),
            target_company: "Acme / EU".into(),
            ..Edition::default()
        })
        .unwrap();
    assert_eq!(
        folio.suggested_file_name(Some(acme.id), FileType::Pdf).unwrap(),
        "Jane Doe — Staff Engineer — Acme - EU.pdf"
    );
    let bare = folio.create(&Edition { name: "Spring applications".into(), ..Edition::default() }).unwrap();
    assert_eq!(
        folio.suggested_file_name(Some(bare.id), FileType::Docx).unwrap(),
        "Jane Doe — Spring applications.docx"
    );
}

#[test]
fn the_preview_is_the_pdf_an_export_writes_without_writing_or_recording_anything() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let rendered = folio.render_pdf(&ExportRequest::default()).unwrap();
    assert!(rendered.bytes.starts_with(b"%PDF-"));
    assert!(rendered.pages > 1);
    assert!(folio.exports(None).unwrap().is_empty(), "a preview is not an export");
    assert_eq!(
        std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension() == Some("pdf".as_ref()))
            .count(),
        0
    );
    let path = dir.path().join("out.pdf");
    let report = folio.export(&path, &ExportRequest::default()).unwrap();
    assert_eq!(report.record.pages, rendered.pages);
}

#[test]
fn the_preview_changes_only_when_what_the_pdf_shows_changes() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let edition = folio.list::<Edition>().unwrap().remove(0);
    let request = ExportRequest { edition: Some(edition.id), ..ExportRequest::default() };
    let before = folio.render_preview(&request).unwrap().bytes;

    // Notes are the user's own; no PDF prints them.
    let mut noted = edition.item.clone();
    noted.notes = "Ask about the on-call rota".into();
    folio.update(edition.id, &noted).unwrap();
    let after_notes = folio.render_preview(&request).unwrap().bytes;
    assert!(before == after_notes, "a note changed the preview's bytes");

    // The target role is printed under the name.
    let mut retargeted = noted.clone();
    retargeted.target_role = "Head of Platform".into();
    folio.update(edition.id, &retargeted).unwrap();
    assert!(folio.render_preview(&request).unwrap().bytes != after_notes);

    // No clock in a preview: it is dated at the epoch, while an export is dated now.
    let preview = folio.render_preview(&request).unwrap().bytes;
    assert!(preview.windows(10).any(|w| w == b"D:19700101"), "the preview carries a date");
    assert!(!folio.render_pdf(&request).unwrap().bytes.windows(10).any(|w| w == b"D:19700101"));
}

#[test]
fn a_recommendation_without_an_author_is_a_draft_no_export_prints() {
    let (folio, _dir) = open();
    let blank = folio.create_record(&folio_model::Record::blank(folio_model::EntityKind::Recommendation)).unwrap();
    let folio_model::Record::Recommendation(mut draft) = blank.item else { unreachable!() };
    assert_eq!(draft.author_name, "", "no made-up author");
    draft.text = "Unsigned words of praise".into();
    draft.consent = true;
    folio.update(blank.id, &draft).unwrap();
    let picked = folio
        .create(&Edition { name: "Picked".into(), recommendations: vec![blank.id], ..Edition::default() })
        .unwrap();
    for edition in [None, Some(picked.id)] {
        assert!(folio.portfolio(edition).unwrap().recommendations.is_empty(), "{edition:?}");
    }
    let coach = folio.coach(None).unwrap();
    assert!(coach.findings.iter().any(|f| f.check == Check::RecommendationNoAuthor && f.field == "authorName"));
}

#[test]
fn a_case_studys_technologies_are_one_line_under_its_summary_never_a_block_of_their_own() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    for theme in ["modern", "classic", "compact"] {
        let path = dir.path().join(format!("{theme}.pdf"));
        export(&folio, &path, theme, Paper::A4);
        let text = tool("pdftotext", &["-raw", path.to_str().unwrap(), "-"]);
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        assert!(!lines.contains(&"Technologies"), "{theme}: a Technologies heading on a line of its own");
        for cs in folio.list::<CaseStudy>().unwrap() {
            let names = cs.item.technologies.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(" · ");
            let at = lines
                .iter()
                .position(|l| *l == format!("Technologies {names}"))
                .unwrap_or_else(|| panic!("{theme}: no one line of {names:?}"));
            let summary_end = words(&plain_text(&cs.item.summary)).pop().unwrap();
            assert!(
                words(lines[at - 1]).last() == Some(&summary_end),
                "{theme}: the technologies of {:?} do not follow its summary: {:?}",
                cs.item.title,
                &lines[at - 1]
            );
        }
    }
}

#[test]
fn an_unknown_export_is_not_found() {
    let (folio, _dir) = open();
    let err = folio.export_record(uuid::Uuid::now_v7()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn the_demo_pdf_shows_its_images_at_print_size_with_photos_embedded_as_they_are() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let path = dir.path().join("demo.pdf");
    export(&folio, &path, "modern", Paper::A4);

    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
    let list = tool("pdfimages", &["-list", path.to_str().unwrap()]);
    let rows: Vec<Vec<&str>> = list.lines().skip(2).map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), 4, "the profile photo and three case-study images:\n{list}");
    for row in &rows {
        let (ppi_x, ppi_y): (f32, f32) = (row[12].parse().unwrap(), row[13].parse().unwrap());
        // Print needs 300 ppi; up to twice that goes in as it is rather than re-encoded.
        assert!(ppi_x <= 600.0 && ppi_y <= 600.0, "an image is larger than its print size needs:\n{list}");
        assert!(ppi_x >= 150.0, "an image is printed blurred:\n{list}");
    }
    assert_eq!(rows[0][0], "1", "the photo is in the header of the first page");
    let encodings: Vec<&str> = rows.iter().map(|r| r[8]).collect();
    assert_eq!(encodings, ["jpeg", "image", "jpeg", "image"], "photos as JPEG, diagrams losslessly");

    // The team-room photo is printed at its size: its JPEG bytes go in untouched.
    let pdf = lopdf::Document::load(&path).unwrap();
    let photo = folio.assets().unwrap().into_iter().find(|a| a.original_name == "team-room.jpg").unwrap();
    let bytes = folio.asset(photo.id).unwrap().1;
    let embedded = pdf.objects.values().filter_map(|o| o.as_stream().ok()).any(|s| s.content == bytes);
    assert!(embedded, "the photo was re-encoded");
    // The caption is text like any other.
    let text = tool("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(text.contains("The team room on the day the last release train left"));
}

#[test]
fn only_the_pdf_this_machine_exported_is_handed_to_the_opener() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let path = dir.path().join("cv.pdf");
    let id = folio.export(&path, &ExportRequest::default()).unwrap().record.id;
    assert_eq!(folio.exported_file(id).unwrap(), std::fs::canonicalize(&path).unwrap());

    let unavailable = |why: &str| {
        let err = folio.exported_file(id).unwrap_err();
        assert_eq!(err.code(), ErrorCode::ExportUnavailable, "{why}: {err}");
        err.to_string()
    };
    let pdf = std::fs::read(&path).unwrap();
    std::fs::write(&path, b"%PDF-1.7 something else").unwrap();
    assert!(unavailable("changed").contains("has changed since Folio exported it"));
    std::fs::remove_file(&path).unwrap();
    assert!(unavailable("gone").contains("is no longer there"));
    std::fs::create_dir(&path).unwrap();
    assert!(unavailable("a folder").contains("is not a file"));
    std::fs::remove_dir(&path).unwrap();
    std::fs::write(&path, &pdf).unwrap();
    assert!(folio.exported_file(id).is_ok(), "the same bytes back in place open again");

    // A record from a backup naming some other file of this machine opens nothing.
    let mut doc: serde_json::Value =
        serde_json::from_slice(&folio.export_bytes(FileFormat::Folio, None).unwrap()).unwrap();
    doc["exports"][0]["path"] = "/etc/passwd".into();
    let (other, _other_dir) = open();
    other.import_bytes(doc.to_string().as_bytes(), None, false).unwrap();
    let err = other.exported_file(id).unwrap_err();
    assert_eq!(err.code(), ErrorCode::ExportUnavailable);
    assert!(err.to_string().contains("is not the path of a file Folio wrote"), "{err}");
}

#[test]
fn the_pdf_says_the_language_the_profile_gives_and_a_malformed_tag_changes_nothing() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let lang = |path: &Path| {
        let pdf = lopdf::Document::load(path).unwrap();
        let catalog = pdf.catalog().unwrap();
        String::from_utf8(catalog.get(b"Lang").unwrap().as_str().unwrap().to_vec()).unwrap()
    };
    let path = dir.path().join("portfolio.pdf");
    folio.export(&path, &ExportRequest::default()).unwrap();
    assert_eq!(lang(&path), "en", "English when the profile says nothing");

    let mut profile = folio.profile().unwrap();
    profile.language = "en-GB".into();
    folio.update_profile(&profile).unwrap();
    folio.export(&path, &ExportRequest::default()).unwrap();
    assert_eq!(lang(&path), "en-GB");

    profile.language = "British English".into();
    let err = folio.update_profile(&profile).unwrap_err();
    assert_eq!((err.code(), err.field()), (ErrorCode::InvalidInput, Some("language")));
    assert_eq!(folio.profile().unwrap().language, "en-GB", "nothing changed");
}
