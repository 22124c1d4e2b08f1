//! What a machine reads: the demo's PDFs taken apart by pdf.js (`ui/scripts/pdf-items.mjs`,
//! the engine many applicant tracking systems read résumés with) into text items in
//! content-stream order, and checked item by item, in every theme.

use std::path::{Path, PathBuf};
use std::process::Command;

use folio_core::{ExportRequest, Folio};
use folio_model::{Education, Experience, Paper};

use crate::export::tool;
use crate::open;

/// A text item as pdf.js gives it; `y` grows up the page.
#[derive(Debug, Clone, serde::Deserialize)]
struct TextItem {
    page: usize,
    str: String,
    x: f32,
    y: f32,
    width: f32,
    size: f32,
    font: String,
}

impl TextItem {
    fn bold(&self) -> bool {
        self.font.contains("Bold")
    }
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/scripts/pdf-items.mjs")
}

/// The non-empty text items of a PDF, in content-stream order.
fn items(pdf: &Path) -> Vec<TextItem> {
    let out = Command::new("node")
        .arg(script())
        .arg(pdf)
        .output()
        .unwrap_or_else(|e| panic!("node is not installed ({e}); `make test` installs it with the UI's packages"));
    assert!(out.status.success(), "pdf-items failed: {}", String::from_utf8_lossy(&out.stderr));
    let all: Vec<TextItem> = serde_json::from_slice(&out.stdout).unwrap();
    all.into_iter().filter(|i| !i.str.trim().is_empty()).collect()
}

/// The demo exported in `theme`, and its items.
fn demo_in(folio: &Folio, dir: &Path, theme: &str) -> (PathBuf, Vec<TextItem>) {
    let path = dir.join(format!("{theme}.pdf"));
    let request =
        ExportRequest { edition: None, theme: Some(theme.into()), paper: Some(Paper::A4), format: None, file: None };
    folio.export(&path, &request).unwrap();
    let items = items(&path);
    (path, items)
}

fn demo() -> (Folio, tempfile::TempDir) {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    (folio, dir)
}

const THEMES: [&str; 3] = ["modern", "classic", "compact"];

fn texts(items: &[TextItem]) -> Vec<&str> {
    items.iter().map(|i| i.str.trim()).collect()
}

#[test]
fn each_page_starts_with_its_footer_marked_as_an_artifact_so_no_heading_is_glued_to_it() {
    let (folio, dir) = demo();
    for theme in THEMES {
        let (path, items) = demo_in(&folio, dir.path(), theme);
        let pages = items.iter().map(|i| i.page).max().unwrap();
        for page in 1..=pages {
            let on_page: Vec<&str> =
                texts(&items).into_iter().zip(&items).filter(|(_, i)| i.page == page).map(|(t, _)| t).collect();
            assert_eq!(
                &on_page[..2],
                ["Maya Okafor", format!("{page} / {pages}").as_str()],
                "{theme}, page {page} does not start with its footer: {:?}",
                &on_page[..4.min(on_page.len())]
            );
        }
        // The footer is drawn inside a marked-content sequence tagged /Artifact.
        let qdf = dir.path().join(format!("{theme}-qdf.pdf"));
        tool("qpdf", &["--qdf", "--object-streams=disable", path.to_str().unwrap(), qdf.to_str().unwrap()]);
        // The first marked-content sequence of each page is the footer, as an artifact.
        let text = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
        let contents: Vec<&str> = text.split("%% Contents for page").skip(1).collect();
        assert_eq!(contents.len(), pages, "{theme}");
        for (i, page) in contents.iter().enumerate() {
            let first = [" BMC", " BDC"].iter().filter_map(|op| page.find(op)).min().expect("marked content");
            let opens = page[..first].rsplit(['\n', ' ']).next().unwrap_or_default();
            assert_eq!(opens, "/Artifact", "{theme}, page {}: the footer is not the first, an artifact", i + 1);
        }
    }
}

#[test]
fn a_bullet_is_read_before_the_text_it_marks() {
    let (folio, dir) = demo();
    for theme in THEMES {
        let (path, items) = demo_in(&folio, dir.path(), theme);
        let raw = tool("pdftotext", &["-raw", path.to_str().unwrap(), "-"]);
        for e in folio.list::<Experience>().unwrap() {
            for highlight in &e.item.highlights {
                let start: String = highlight.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
                assert!(
                    raw.lines().any(|l| l.trim().starts_with(&format!("• {start}"))),
                    "{theme}: no line reads \"• {start} …\""
                );
            }
        }
        assert!(!raw.lines().any(|l| l.trim_end().ends_with(" •")), "{theme}: a bullet trails its line");
        let bullets = items.iter().filter(|i| i.str.trim() == "•" || i.str.starts_with("• ")).count();
        assert!(bullets >= 9, "{theme}: {bullets} bullet items");
    }
}

#[test]
fn titles_companies_dates_and_locations_are_items_of_their_own_apart_from_separators() {
    let (folio, dir) = demo();
    for theme in THEMES {
        let (_, items) = demo_in(&folio, dir.path(), theme);
        let all = texts(&items);
        for e in folio.list::<Experience>().unwrap() {
            let e = &e.item;
            let period = folio_model::period(e.start, e.end);
            for field in [e.title.as_str(), e.organisation.as_str(), period.as_str(), e.location.as_str()] {
                assert!(all.contains(&field), "{theme}: {field:?} is not an item of its own");
            }
        }
        assert!(all.contains(&"Mar 2021 – Present"), "{theme}: dates read \"Mar 2021 – Present\"");
        for text in &all {
            assert!(!text.contains("present"), "{theme}: a lower-case \"present\" in {text:?}");
            let glued = text.chars().count() > 1 && (text.starts_with(['—', '·']) || text.ends_with(['—', '·']));
            assert!(!glued, "{theme}: a separator is glued to words in {text:?}");
        }
    }
}

#[test]
fn a_degree_its_school_and_its_dates_are_three_items() {
    let (folio, dir) = demo();
    for theme in THEMES {
        let (_, items) = demo_in(&folio, dir.path(), theme);
        let all = texts(&items);
        for e in folio.list::<Education>().unwrap() {
            let e = &e.item;
            let degree = format!("{}, {}", e.degree, e.field);
            let period = folio_model::period(e.start, e.end);
            for field in [degree.as_str(), e.institution.as_str(), period.as_str()] {
                assert!(all.contains(&field), "{theme}: {field:?} is not an item of its own in {all:?}");
            }
        }
    }
}

#[test]
fn section_headings_are_bold_capitals_in_every_theme_and_kinds_of_work_are_not() {
    let (folio, dir) = demo();
    let headings = [
        "SUMMARY",
        "EXPERIENCE",
        "CASE STUDIES",
        "RECOMMENDATIONS",
        "SKILLS",
        "EDUCATION",
        "CERTIFICATIONS",
        "PUBLICATIONS AND TALKS",
    ];
    for theme in THEMES {
        let (_, items) = demo_in(&folio, dir.path(), theme);
        for heading in headings {
            let found = items.iter().find(|i| i.str.trim() == heading);
            let found = found.unwrap_or_else(|| panic!("{theme}: no heading {heading:?}"));
            assert!(found.bold(), "{theme}: {heading} is not bold ({})", found.font);
        }
        // Every other bold capital line would be taken for a heading.
        let shouting: Vec<&str> = items
            .iter()
            .filter(|i| i.bold() && i.str.chars().filter(|c| c.is_alphabetic()).count() > 3)
            .filter(|i| i.str.chars().all(|c| !c.is_lowercase()))
            .map(|i| i.str.trim())
            .filter(|t| !headings.contains(t))
            .collect();
        assert!(shouting.is_empty(), "{theme}: bold capitals that are not headings: {shouting:?}");
    }
}

#[test]
fn the_contact_line_breaks_only_between_fields() {
    let (folio, dir) = demo();
    let profile = folio.profile().unwrap();
    for theme in THEMES {
        let (_, items) = demo_in(&folio, dir.path(), theme);
        let all = texts(&items);
        let mut fields = vec![profile.email.clone(), profile.phone.clone(), profile.location.clone()];
        fields.extend(profile.links.iter().map(|l| {
            let url = l.url.trim_start_matches("https://").trim_start_matches("www.");
            url.trim_end_matches('/').to_string()
        }));
        for field in &fields {
            assert!(all.contains(&field.as_str()), "{theme}: {field:?} is broken or glued in {:?}", &all[..12]);
        }
    }
}

#[test]
fn jobs_stand_in_one_column_in_every_theme() {
    let (folio, dir) = demo();
    for theme in THEMES {
        let (_, items) = demo_in(&folio, dir.path(), theme);
        let titles: Vec<&TextItem> = folio
            .list::<Experience>()
            .unwrap()
            .iter()
            .map(|e| {
                // The job's title, a separator, its company, then its dates.
                let period = folio_model::period(e.item.start, e.item.end);
                let at = (0..items.len() - 3).find(|&i| {
                    [&e.item.title, "·", &e.item.organisation, &period]
                        .iter()
                        .zip(&items[i..])
                        .all(|(want, item)| item.str.trim() == *want)
                });
                &items[at.expect("every job reads title, company, dates")]
            })
            .collect();
        assert!(titles.windows(2).all(|w| (w[0].x - w[1].x).abs() < 0.5), "{theme}: titles at different x");
        assert!(
            titles.windows(2).all(|w| w[0].page < w[1].page || w[0].y > w[1].y),
            "{theme}: a job is beside another rather than below it"
        );
    }
}

#[test]
fn where_the_weight_changes_between_two_words_the_gap_reads_as_a_space() {
    let (folio, dir) = demo();
    // The demo's summary sets "payment and logistics platforms" in bold after "building".
    for theme in THEMES {
        let (path, items) = demo_in(&folio, dir.path(), theme);
        let bold = items.iter().position(|i| i.str.starts_with("payment and logistics")).expect("the bold words");
        let before = &items[bold - 1];
        assert!(before.str.trim_end().ends_with("building"), "{theme}: {:?}", before.str);
        let gap = items[bold].x - (before.x + before.width);
        assert!(gap >= 0.6 * before.size, "{theme}: a gap of {gap:.2} pt reads as no space");
        let raw = tool("pdftotext", &["-raw", path.to_str().unwrap(), "-"]);
        assert!(raw.contains("building payment"), "{theme}: the words run together");
    }
}

/// The lines of each page as a reader that sorts items top to bottom, then left to
/// right, puts them together.
fn lines_by_position(items: &[TextItem]) -> Vec<String> {
    let mut sorted: Vec<&TextItem> = items.iter().collect();
    sorted.sort_by_key(|i| (i.page, -(i.y.round() as i64), i.x as i64));
    let mut lines: Vec<(usize, i64, String)> = Vec::new();
    for item in sorted {
        let key = (item.page, item.y.round() as i64);
        match lines.last_mut() {
            Some((page, y, text)) if (*page, *y) == key => {
                text.push(' ');
                text.push_str(item.str.trim());
            }
            _ => lines.push((key.0, key.1, item.str.trim().to_string())),
        }
    }
    lines.into_iter().map(|(_, _, text)| text).collect()
}

#[test]
fn each_metric_callout_reads_as_one_unit_with_the_note_its_author_wrote() {
    let (folio, dir) = demo();
    let studies = folio.list::<folio_model::CaseStudy>().unwrap();
    let metrics: Vec<&folio_model::Metric> =
        studies.iter().flat_map(|c| &c.item.metrics).filter(|m| m.result.is_some()).collect();
    let notes: Vec<&str> = metrics.iter().map(|m| m.note.trim()).filter(|n| !n.is_empty()).collect();
    assert!(notes.len() >= 19, "the demo has its notes");
    for theme in THEMES {
        let (path, items) = demo_in(&folio, dir.path(), theme);
        // No line, read by position, mixes two callouts.
        for line in lines_by_position(&items) {
            let labels: std::collections::BTreeSet<&str> =
                metrics.iter().map(|m| m.label.as_str()).filter(|l| line.contains(l)).collect();
            assert!(labels.len() <= 1, "{theme}: one line reads {labels:?}: {line:?}");
        }
        let raw = tool("pdftotext", &["-raw", path.to_str().unwrap(), "-"]);
        let flat = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        for note in &notes {
            assert!(flat.contains(note), "{theme}: the note {note:?} is not in the PDF");
        }
    }
}

#[test]
fn the_resume_of_the_demo_and_of_each_edition_puts_experience_first_on_at_most_two_pages() {
    let (folio, dir) = demo();
    let editions: Vec<Option<uuid::Uuid>> =
        std::iter::once(None).chain(folio.list::<folio_model::Edition>().unwrap().iter().map(|e| Some(e.id))).collect();
    assert!(editions.len() >= 3, "the demo has its editions");
    for theme in THEMES {
        for edition in &editions {
            let path = dir.path().join(format!("resume-{theme}.pdf"));
            let request = ExportRequest {
                edition: *edition,
                theme: Some(theme.into()),
                paper: Some(Paper::A4),
                format: Some(folio_model::DocumentFormat::Resume),
                file: None,
            };
            let report = folio.export(&path, &request).unwrap();
            assert!(report.record.pages <= 2, "{theme} {edition:?}: {} pages", report.record.pages);
            assert!(report.warnings.is_empty(), "{theme} {edition:?}: {:?}", report.warnings);

            let raw = tool("pdftotext", &["-raw", path.to_str().unwrap(), "-"]);
            let at = |heading: &str| raw.lines().position(|l| l.trim() == heading);
            assert!(at("EXPERIENCE").is_some(), "{theme} {edition:?}: no experience");
            // Those the edition shows, in this order.
            let order: Vec<usize> =
                ["SUMMARY", "EXPERIENCE", "SKILLS", "EDUCATION"].into_iter().filter_map(at).collect();
            assert!(order.windows(2).all(|w| w[0] < w[1]), "{theme} {edition:?}: sections out of order {order:?}");
            assert!(at("CASE STUDIES").is_none(), "{theme}: a résumé prints no case studies in full");
            // Each case study of the edition is a bullet under the job where it was done.
            let portfolio = folio.portfolio(*edition).unwrap();
            let flat = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            for cs in &portfolio.case_studies {
                assert!(flat.contains(&format!("• {}:", cs.item.title)), "{theme}: no bullet for {:?}", cs.item.title);
            }
            let info = tool("pdfinfo", &[path.to_str().unwrap()]);
            assert!(info.contains("Title:           Maya Okafor — Résumé"), "{info}");
        }
    }
}

/// The `/Alt` of every figure in the structure tree.
fn figure_alts(pdf: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(pdf).unwrap();
    let mut alts = Vec::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"S").and_then(|s| s.as_name()).ok() != Some(b"Figure".as_slice()) {
            continue;
        }
        if let Ok(alt) = dict.get(b"Alt").and_then(|a| a.as_str()) {
            let units: Vec<u16> = alt[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            alts.push(String::from_utf16(&units).unwrap());
        }
    }
    alts
}

#[test]
fn the_pdf_is_tagged_headings_paragraphs_lists_quotes_links_and_figures_with_their_alt_text() {
    let (folio, dir) = demo();
    let studies = folio.list::<folio_model::CaseStudy>().unwrap();
    for theme in THEMES {
        let (path, _) = demo_in(&folio, dir.path(), theme);
        let file = path.to_str().unwrap();
        let info = tool("pdfinfo", &[file]);
        assert!(info.lines().any(|l| l.starts_with("Tagged:") && l.ends_with("yes")), "{theme}: {info}");
        let tree = tool("pdfinfo", &["-struct-text", file]);
        let lines: Vec<&str> = tree.lines().map(str::trim).collect();
        assert_eq!(lines[0], "Document", "{theme}");
        // pdfinfo joins the lines of an element without a space: compare without any.
        let bare = |text: &str| text.split_whitespace().collect::<String>();
        let after = |role: &str, text: &str| {
            lines.windows(2).any(|w| w[0].starts_with(role) && bare(w[1]) == bare(&format!("\"{text}\"")))
        };
        assert!(after("H1", "Maya Okafor"), "{theme}: the name is the title");
        for heading in ["SUMMARY", "CASE STUDIES", "EXPERIENCE", "SKILLS", "EDUCATION"] {
            assert!(after("H2", heading), "{theme}: {heading} is no H2");
        }
        for cs in &studies {
            assert!(after("H3", &cs.item.title), "{theme}: {:?} is no H3", cs.item.title);
        }
        for role in ["L (block)", "LI (block)", "BlockQuote", "Link (inline)", "Figure", "H4 (block)", "P (block)"] {
            assert!(lines.contains(&role), "{theme}: no {role}");
        }
        assert!(!tree.contains(" / "), "{theme}: the page numbers are artifacts, not content");
        // Each image says what it shows; the photo says whose it is; each chart its figures.
        let alts = figure_alts(&path);
        for image in studies.iter().flat_map(|c| &c.item.images) {
            assert!(alts.contains(&image.alt), "{theme}: no figure says {:?}", image.alt);
        }
        assert!(alts.contains(&"Photo of Maya Okafor".to_string()), "{theme}: {alts:?}");
        assert!(alts.iter().any(|a| a.starts_with("p95 latency 840 ms → 120 ms")), "{theme}: {alts:?}");
    }
}
