//! Word, plain text and Markdown exports, read back by real readers: python-docx
//! (installed by `make test` into target/tools), LibreOffice and pdftotext, and a
//! CommonMark parser.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use folio_core::{ExportRequest, Folio};
use folio_model::markdown::plain_text;
use folio_model::{CaseStudy, DocumentFormat, ErrorCode, FileType};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Deserialize;

use crate::export::{expected_text, expected_words, missing_in_order, tool, words};
use crate::open;
use crate::tailoring::confidential;

/// What python-docx reads from a Word file (`read_docx.py`).
#[derive(Debug, Deserialize)]
pub(crate) struct WordRead {
    pub(crate) paragraphs: Vec<ReadParagraph>,
    pictures: Vec<String>,
    inline_shapes: usize,
    fonts: BTreeMap<String, Option<String>>,
    properties: BTreeMap<String, Option<String>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ReadParagraph {
    pub(crate) style: String,
    pub(crate) text: String,
    links: Vec<String>,
}

impl WordRead {
    pub(crate) fn text(&self) -> String {
        self.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
    }

    pub(crate) fn styled(&self, style: &str) -> Vec<&str> {
        self.paragraphs.iter().filter(|p| p.style == style).map(|p| p.text.as_str()).collect()
    }

    fn property(&self, name: &str) -> &str {
        self.properties.get(name).and_then(Option::as_deref).unwrap_or_default()
    }
}

/// The Python of the tools environment `make test` makes (FOLIO_PYTHON names another).
fn python() -> PathBuf {
    let python = std::env::var_os("FOLIO_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/tools/bin/python3"));
    assert!(python.exists(), "{} is missing: `make test` installs python-docx there", python.display());
    python
}

pub(crate) fn read_docx(path: &Path) -> WordRead {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/core/read_docx.py");
    let out = Command::new(python()).arg(script).arg(path).output().unwrap();
    assert!(
        out.status.success(),
        "python-docx could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every part of a Word file (it is a ZIP of XML parts and pictures), by name.
pub(crate) fn parts(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().to_string(), bytes)
        })
        .collect()
}

fn export(folio: &Folio, path: &Path, file: FileType, format: Option<DocumentFormat>) -> folio_core::ExportReport {
    let request = ExportRequest { file: Some(file), format, ..ExportRequest::default() };
    folio.export(path, &request).unwrap_or_else(|e| panic!("{file:?} {format:?}: {e}"))
}

fn assert_in_order(wanted: &[String], have: &str, what: &str) {
    if let Some((i, word)) = missing_in_order(wanted, &words(have)) {
        let around = &wanted[i.saturating_sub(8)..(i + 3).min(wanted.len())];
        panic!("{what}: word {i} {word:?} is missing or out of order; around: {around:?}");
    }
}

/// Every word of every field of the résumé, in the order it prints them.
fn resume_words(folio: &Folio) -> Vec<String> {
    let p = folio.portfolio(None).unwrap();
    let mut text = vec![p.profile.full_name.clone(), p.profile.headline.clone(), plain_text(&p.profile.summary)];
    for job in &p.experience {
        text.extend([job.item.title.clone(), job.item.organisation.clone(), plain_text(&job.item.summary)]);
        text.extend(folio_model::resume::job_bullets(&job.item, &p).iter().map(|b| plain_text(b)));
    }
    text.extend(p.skills.iter().map(|s| s.item.name.clone()));
    text.extend(p.education.iter().map(|e| e.item.institution.clone()));
    text.extend(p.certifications.iter().map(|c| c.item.name.clone()));
    words(&text.join(" "))
}

#[test]
fn the_demo_as_word_has_words_styles_every_word_in_order_links_and_alt_text() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let path = dir.path().join("portfolio.docx");
    let report = export(&folio, &path, FileType::Docx, None);
    assert_eq!(report.record.pages, 0, "a Word file has no pages of its own");
    assert!(report.record.path.ends_with("portfolio.docx"));

    let read = read_docx(&path);
    let p = folio.portfolio(None).unwrap();
    assert_eq!(read.paragraphs[0].style, "Title");
    assert_eq!(read.paragraphs[0].text, p.profile.full_name);
    assert_eq!(read.paragraphs[1].style, "Subtitle");
    let sections = read.styled("Heading 1");
    assert_eq!(&sections[..2], ["SUMMARY", "CASE STUDIES"], "sections in capitals, as on the page");
    let titles: Vec<&str> = p.case_studies.iter().map(|c| c.item.title.as_str()).collect();
    let headings = read.styled("Heading 2");
    assert_eq!(&headings[..titles.len()], titles.as_slice(), "each case study under its own Heading 2");
    assert!(read.styled("Heading 3").contains(&"Key decisions"));
    let bullets = read.styled("List Bullet");
    let metrics: usize = p.case_studies.iter().map(|c| c.item.metrics.len()).sum();
    assert!(bullets.len() >= metrics, "metrics are List Bullet items: {} < {metrics}", bullets.len());
    assert!(read.styled("Quote").iter().any(|q| q.contains(p.recommendations[0].item.author_name.as_str())));

    assert_in_order(&expected_words(&folio), &read.text(), "the Word file");

    let links: Vec<&str> = read.paragraphs.iter().flat_map(|p| p.links.iter().map(String::as_str)).collect();
    for link in &p.profile.links {
        assert!(links.contains(&link.url.as_str()), "{} is a link: {links:?}", link.url);
    }
    assert!(links.contains(&format!("mailto:{}", p.profile.email).as_str()));

    let images: Vec<_> = p.case_studies.iter().flat_map(|c| &c.item.images).collect();
    assert!(!images.is_empty());
    assert_eq!(read.inline_shapes, images.len(), "every figure is a picture");
    let described: Vec<String> =
        images.iter().map(|i| if i.alt.is_empty() { i.caption.clone() } else { i.alt.clone() }).collect();
    assert_eq!(read.pictures, described, "each picture carries its alternative text");

    assert_eq!(read.property("title"), format!("{} — Portfolio", p.profile.full_name));
    assert_eq!(read.property("author"), p.profile.full_name);
    assert!(read.property("keywords").contains("Kubernetes"));
    assert_eq!(read.property("language"), "en");

    // The theme's fonts, named with the fonts every Word has to stand in for them.
    assert_eq!(read.fonts.get("Heading 1"), Some(&Some("Noto Sans".to_string())), "{:?}", read.fonts);
    let parts = parts(&path);
    let fonts = String::from_utf8_lossy(&parts["word/fontTable.xml"]);
    assert!(fonts.contains(r#"<w:font w:name="Noto Sans"><w:altName w:val="Arial"/>"#), "{fonts}");
    let media: Vec<&String> = parts.keys().filter(|k| k.starts_with("word/media/")).collect();
    assert!(media.iter().any(|m| m.ends_with(".jpeg")), "a photo goes in as the JPEG it is: {media:?}");
}

#[test]
fn a_classic_resume_as_word_names_the_serif_and_holds_the_whole_resume_in_order() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let path = dir.path().join("resume.docx");
    let request = ExportRequest {
        theme: Some("classic".into()),
        format: Some(DocumentFormat::Resume),
        file: Some(FileType::Docx),
        ..ExportRequest::default()
    };
    folio.export(&path, &request).unwrap();
    let read = read_docx(&path);
    assert_eq!(read.fonts.get("Heading 1"), Some(&Some("Noto Serif".to_string())), "{:?}", read.fonts);
    assert_eq!(&read.styled("Heading 1")[..2], ["SUMMARY", "EXPERIENCE"]);
    assert!(read.styled("Heading 1").iter().all(|h| *h != "CASE STUDIES"), "a résumé has no case studies section");
    assert_in_order(&resume_words(&folio), &read.text(), "the résumé as Word");
    let fonts = String::from_utf8_lossy(&parts(&path)["word/fontTable.xml"]).into_owned();
    assert!(fonts.contains(r#"<w:font w:name="Noto Serif"><w:altName w:val="Times New Roman"/>"#), "{fonts}");
}

#[test]
fn libreoffice_opens_the_word_file_and_prints_every_word_in_order() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let docx = dir.path().join("portfolio.docx");
    export(&folio, &docx, FileType::Docx, None);
    // Its own profile, so that no other LibreOffice (or test) is disturbed.
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("lo-profile").display());
    let out = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .unwrap_or_else(|e| {
            panic!("LibreOffice is not installed ({e}); `make test` installs libreoffice-writer-nogui")
        });
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = dir.path().join("portfolio.pdf");
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    // LibreOffice hyphenates, and pdftotext joins "in-" at a line's end to "flight" on
    // the next: hyphens are left out on both sides.
    let wanted = words(&expected_text(&folio).replace('-', ""));
    assert_in_order(&wanted, &text.replace('-', ""), "LibreOffice's PDF of the Word file");
    let images = tool("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert_eq!(images.lines().skip(2).count(), 3, "every picture is drawn: {images}");
}

/// The headings (level, words) and the number of list items of a Markdown text, as a
/// CommonMark parser reads them.
fn markdown_structure(markdown: &str) -> (Vec<(usize, String)>, usize) {
    let (mut headings, mut items) = (Vec::new(), 0);
    let mut heading: Option<(usize, String)> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level as usize, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(heading.take()),
            Event::Start(Tag::Item) => items += 1,
            _ => {}
        }
    }
    (headings, items)
}

#[test]
fn text_and_markdown_hold_every_word_in_order_and_markdown_has_the_word_files_structure() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let (txt, md, docx) = (dir.path().join("p.txt"), dir.path().join("p.md"), dir.path().join("p.docx"));
    export(&folio, &txt, FileType::Text, None);
    export(&folio, &md, FileType::Markdown, None);
    export(&folio, &docx, FileType::Docx, None);
    let text = std::fs::read_to_string(&txt).unwrap();
    let markdown = std::fs::read_to_string(&md).unwrap();
    let wanted = expected_words(&folio);
    assert_in_order(&wanted, &text, "the plain text");
    assert!(text.contains("\nCASE STUDIES\n"), "sections stand out in capitals");
    assert!(!text.contains("**") && !text.contains("]("), "plain text has no markup");

    // Markdown read as Markdown: its words, with the markup gone, in order.
    let rendered: String = Parser::new(&markdown)
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(format!("{t} ")),
            Event::SoftBreak | Event::HardBreak => Some(" ".into()),
            _ => None,
        })
        .collect();
    assert_in_order(&wanted, &rendered, "the Markdown");

    // The same headings at the same levels, and as many list items, as the Word file.
    let (headings, items) = markdown_structure(&markdown);
    let read = read_docx(&docx);
    let word: Vec<(usize, String)> = read
        .paragraphs
        .iter()
        .filter_map(|p| match p.style.as_str() {
            "Title" => Some((1, p.text.clone())),
            style => style.strip_prefix("Heading ").map(|n| (n.parse::<usize>().unwrap() + 1, p.text.clone())),
        })
        .collect();
    let same = |a: &[(usize, String)], b: &[(usize, String)]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.0 == y.0 && x.1.to_lowercase() == y.1.to_lowercase())
    };
    assert!(same(&headings, &word), "Markdown: {headings:?}\nWord: {word:?}");
    let word_items = read.paragraphs.iter().filter(|p| p.style.starts_with("List ")).count();
    assert_eq!(items, word_items);
}

#[test]
fn a_redacted_edition_leaves_no_trace_in_word_text_or_markdown() {
    let (folio, dir) = open();
    let edition = confidential(&folio);
    for file in [FileType::Docx, FileType::Text, FileType::Markdown] {
        let path = dir.path().join(format!("northwind.{}", file.extension()));
        let request = ExportRequest { edition: Some(edition.id), file: Some(file), ..ExportRequest::default() };
        folio.export(&path, &request).unwrap();
        let contents: Vec<(String, String)> = match file {
            FileType::Docx => parts(&path)
                .into_iter()
                .map(|(name, bytes)| (name, String::from_utf8_lossy(&bytes).into_owned()))
                .collect(),
            _ => vec![(path.display().to_string(), std::fs::read_to_string(&path).unwrap())],
        };
        assert!(contents.iter().any(|(name, _)| name == "docProps/core.xml") || file != FileType::Docx);
        for (name, content) in &contents {
            assert!(!content.to_lowercase().contains("acme"), "{file:?}: {name} mentions Acme");
        }
        let all: String = contents.iter().map(|(_, c)| c.as_str()).collect();
        assert!(all.contains("Event-driven ledger for a top-10 European bank"), "{file:?}");
        assert!(all.contains("Talk"), "{file:?}: links that do not name it stay");
        assert!(!all.contains("Design doc"), "{file:?}: internal links are left out");
    }
}

#[test]
fn a_word_export_is_recorded_opens_only_while_unchanged_and_is_written_again_byte_for_byte() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let path = dir.path().join("portfolio.docx");
    let report = export(&folio, &path, FileType::Docx, None);
    let id = report.record.id;
    assert_eq!(folio.exports(None).unwrap()[0].id, id, "recorded like a PDF");
    assert_eq!(folio.exported_file(id).unwrap(), std::fs::canonicalize(&path).unwrap());

    // Written again from its snapshot, in this process whose docx ids have moved on.
    let again = dir.path().join("again.docx");
    assert!(folio.reprint_export(id, &again).unwrap(), "the same bytes as were sent");
    assert_eq!(std::fs::read(&again).unwrap(), std::fs::read(&path).unwrap());

    std::fs::write(&path, b"PK\x03\x04 not the file Folio wrote").unwrap();
    let err = folio.exported_file(id).unwrap_err();
    assert_eq!(err.code(), ErrorCode::ExportUnavailable);
    assert!(err.to_string().contains("has changed since Folio exported it"), "{err}");
}

#[test]
fn a_file_named_for_another_type_is_refused_and_nothing_is_written() {
    let (folio, dir) = open();
    folio.create(&CaseStudy { title: "Ledger".into(), ..CaseStudy::default() }).unwrap();
    let path = dir.path().join("portfolio.pdf");
    let request = ExportRequest { file: Some(FileType::Docx), ..ExportRequest::default() };
    let err = folio.export(&path, &request).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.to_string().contains("the file name ends in .pdf but the export is Word; name it .docx"), "{err}");
    assert_eq!(err.field(), Some("file"));
    assert!(!path.exists(), "nothing was written");
    assert!(folio.exports(None).unwrap().is_empty(), "nothing was recorded");
}
