//! Folio's own ATS check (`Folio::ats_check`): every field of every document Folio
//! makes — the demo, each demo edition, each JSON Resume example and a résumé in five
//! scripts, in every theme and both formats — read back right.

use std::path::{Path, PathBuf};

use folio_core::{AtsReport, ExportRequest, Folio};
use folio_model::{DocumentFormat, Edition};

use crate::export::tool;
use crate::open;

const THEMES: [&str; 3] = ["modern", "classic", "compact"];
const FORMATS: [DocumentFormat; 2] = [DocumentFormat::Portfolio, DocumentFormat::Resume];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Checks `edition` in every theme and format: each must read at least 95% right, and
/// (`whole`) `pdftotext -raw` must give every field whole.
fn every_look(folio: &Folio, edition: Option<uuid::Uuid>, what: &str, whole: bool) -> Vec<AtsReport> {
    let dir = tempfile::tempdir().unwrap();
    let mut reports = Vec::new();
    for theme in THEMES {
        for format in FORMATS {
            let request =
                ExportRequest { edition, theme: Some(theme.into()), paper: None, format: Some(format), file: None };
            if whole {
                every_field_extracts_whole(folio, &request, &dir.path().join("check.pdf"), what);
            }
            let report = folio.ats_check(&request).unwrap();
            assert!(report.score >= 95, "{what}, {theme}, {format:?}: {report:#?}");
            assert!(report.checked >= 10, "{what}, {theme}, {format:?}: only {} fields checked", report.checked);
            reports.push(report);
        }
    }
    reports
}

/// Every field the PDF prints — name, contact, each job's title, company and bullets,
/// each school, skill and case study — is found whole in `pdftotext -raw`'s text (words
/// in drawing order), and `qpdf --check` finds nothing wrong. (Right-to-left text is
/// checked with `pdftotext`'s reading order instead: `-raw` keeps drawing order, which
/// for Arabic is the order it is seen.)
fn every_field_extracts_whole(folio: &Folio, request: &ExportRequest, path: &Path, what: &str) {
    let rendered = folio.render_pdf(request).unwrap();
    std::fs::write(path, &rendered.bytes).unwrap();
    tool("qpdf", &["--check", path.to_str().unwrap()]);
    // A long address breaks over lines where an address may: after "/", before "-".
    let raw = tool("pdftotext", &["-raw", path.to_str().unwrap(), "-"]);
    let text = collapse(&raw.replace("/\n", "/").replace("\n-", "-").replace("\n.", "."));
    let f = &rendered.fields;
    let jobs = f.jobs.iter().flat_map(|j| [&j.title, &j.company].into_iter().chain(&j.bullets));
    let schools = f.education.iter().flat_map(|e| [&e.degree, &e.school]);
    let all = [&f.name, &f.email, &f.phone].into_iter().chain(jobs).chain(schools).chain(&f.skills).chain(&f.projects);
    for field in all.filter(|t| !t.is_empty()) {
        assert!(text.contains(field.as_str()), "{what}, {request:?}: {field:?} is not whole in the text");
    }
}

#[test]
fn the_demo_and_each_of_its_editions_read_right_in_every_theme_and_format() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let reports = every_look(&folio, None, "the demo", true);
    // Nothing is misread in the demo at all.
    assert!(reports.iter().all(|r| r.misreads.is_empty()), "{reports:#?}");
    for edition in folio.list::<Edition>().unwrap() {
        every_look(&folio, Some(edition.id), &edition.item.name, true);
    }
}

#[test]
fn every_json_resume_example_reads_right_in_every_theme_and_format() {
    let dir = fixtures().join("jsonresume-schema");
    let mut paths = vec![dir.join("sample.resume.json")];
    paths.extend(std::fs::read_dir(dir.join("examples")).unwrap().map(|e| e.unwrap().path()));
    for path in paths {
        let (folio, _dir) = open();
        folio.import_file(&path, None, false).unwrap();
        every_look(&folio, None, &path.display().to_string(), true);
    }
}

/// Words of a text, whitespace collapsed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_resume_in_five_scripts_with_a_170_character_url_reads_right_and_extracts_whole() {
    let (folio, dir) = open();
    folio.import_file(&fixtures().join("multiscript.resume.json"), None, false).unwrap();
    every_look(&folio, None, "the multi-script résumé", true);
    let url = "research.example.org/publications/2024/distributed-ledgers/consistency-under-partition/";
    for theme in THEMES {
        for format in FORMATS {
            let path = dir.path().join(format!("{theme}-{format:?}.pdf"));
            let request = ExportRequest {
                edition: None,
                theme: Some(theme.into()),
                paper: None,
                format: Some(format),
                file: None,
            };
            let report = folio.export(&path, &request).unwrap();
            assert_eq!(report.warnings, Vec::<String>::new(), "every character has a font");
            let text = collapse(&tool("pdftotext", &["-raw", path.to_str().unwrap(), "-"]));
            // Every field in the order the résumé gives it, each whole.
            let fields = [
                "Zofia Łukasiewicz-Nguyễn",
                "zofia.lukasiewicz@example.pl",
                "Główna inżynierka",
                "Łódź Płatności S.A.",
                "Przeprowadziła migrację księgi głównej bez przestojów, skracając opóźnienie p95 z 840 ms do 120 ms.",
                "Μηχανικός λογισμικού",
                "Αθηναϊκές Πληρωμές",
                "Старший разработчик",
                "ООО «Северный Код»",
                "Kỹ sư phần mềm",
                "Công ty Thanh toán Sài Gòn",
                "软件工程师",
                "上海支付科技有限公司",
                "将结算时间从两天缩短到两小时。",
            ];
            let mut from = 0;
            for field in fields {
                let at = text[from..]
                    .find(field)
                    .unwrap_or_else(|| panic!("{theme} {format:?}: {field} not whole after {from}"));
                from += at + field.len();
            }
            // The long address breaks over lines only where an address may break, and
            // reads whole once its line breaks are taken out.
            let joined: String = tool("pdftotext", &["-raw", path.to_str().unwrap(), "-"]).replace('\n', "");
            assert!(joined.contains(&format!("{url}appendix-b-measurements-and-raw-data")), "{theme} {format:?}");
        }
    }
}

/// The words of a text made of letters, in order, without the direction marks
/// `pdftotext` puts round right-to-left lines.
fn letter_words(text: &str) -> Vec<String> {
    text.split(|c: char| {
        c.is_whitespace() || ('\u{200e}'..='\u{200f}').contains(&c) || ('\u{202a}'..='\u{202e}').contains(&c)
    })
    .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_string())
    .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
    .collect()
}

#[test]
fn a_right_to_left_resume_reads_right_and_its_words_extract_in_reading_order() {
    let (folio, dir) = open();
    folio.import_file(&fixtures().join("rtl.resume.json"), None, false).unwrap();
    every_look(&folio, None, "the Arabic and Hebrew résumé", false);
    let fields = [
        "ليلى حداد",
        "مهندسة رئيسية",
        "شركة الخليج للمدفوعات",
        "خفّضت زمن التفويض من 840 ملّي ثانية إلى 120 ملّي ثانية.",
        "מהנדסת תוכנה בכירה",
        "תשלומים בע״מ",
        "الجامعة الأمريكية في بيروت",
    ];
    let wanted: Vec<String> = fields.iter().flat_map(|f| letter_words(f)).collect();
    for theme in THEMES {
        let path = dir.path().join(format!("{theme}.pdf"));
        let request = ExportRequest { edition: None, theme: Some(theme.into()), paper: None, format: None, file: None };
        let report = folio.export(&path, &request).unwrap();
        assert_eq!(report.warnings, Vec::<String>::new(), "Arabic and Hebrew have fonts now");
        tool("qpdf", &["--check", path.to_str().unwrap()]);
        let read = letter_words(&tool("pdftotext", &[path.to_str().unwrap(), "-"]));
        let mut at = 0;
        for word in &wanted {
            at += read[at..].iter().position(|w| w == word).unwrap_or_else(|| panic!("{theme}: {word} not in order"));
        }
    }
}

#[test]
fn an_emoji_filled_resume_prints_the_rest_reads_right_and_names_each_field_an_emoji_left() {
    let (folio, dir) = open();
    folio.import_file(&fixtures().join("emoji.resume.json"), None, false).unwrap();
    every_look(&folio, None, "the emoji résumé", true);
    let path = dir.path().join("emoji.pdf");
    let report = folio.export(&path, &ExportRequest::default()).unwrap();
    assert_eq!(
        report.warnings,
        [
            "the profile: 2 characters no bundled font has, left out of the PDF: 🚀 ✨",
            "the summary: 2 characters no bundled font has, left out of the PDF: 😌 👍🏽",
            "case study 'Launch pad 🛰️': 1 character no bundled font has, left out of the PDF: 🛰️",
            "case study 'Launch pad 🛰️', summary: 3 characters no bundled font has, left out of the PDF: 🔧 ✅ 🎉",
            "case study 'Launch pad 🛰️', outcome: 1 character no bundled font has, left out of the PDF: 📈",
            "skills: 2 characters no bundled font has, left out of the PDF: 🐹 ☸️",
            "experience 'Staff Engineer, Rocket Labs 🚀': 5 characters no bundled font has, left out of the PDF: 🚀 ⏱️ ✅ \
             👩🏽‍💻 👨🏿‍💻",
        ]
    );
    let text = collapse(&tool("pdftotext", &[path.to_str().unwrap(), "-"]));
    for printed in [
        "Sam Rivera",
        "I ship calm systems and happy teams.",
        "so every team ships daily.",
        "Cut deploy time from 40 to 6 minutes",
    ] {
        assert!(text.contains(printed), "{printed}: {text}");
    }
}
