//! The reader against PDFs drawn the ways that mislead applicant tracking systems: each
//! mistake Folio's PDFs once made must show up as a misread, and the same content
//! drawn right must read right.

use folio_model::fields::{Fields, Job, Period, School};
use folio_model::PartialDate;
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

/// A text item to draw: where, in which weight and size, what.
#[derive(Clone, Copy)]
struct Run {
    x: f32,
    y: f32,
    bold: bool,
    size: f32,
    text: &'static str,
}

fn run(x: f32, y: f32, text: &'static str) -> Run {
    Run { x, y, bold: false, size: 10.0, text }
}

fn bold(x: f32, y: f32, text: &'static str) -> Run {
    Run { bold: true, ..run(x, y, text) }
}

/// A PDF with one page per list of runs, drawn in the order given, in Helvetica with
/// every glyph half an em wide.
fn pdf(pages: &[Vec<Run>]) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = |name: &str| {
        dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => name.to_string(), "Encoding" => "WinAnsiEncoding",
            "FirstChar" => 32, "Widths" => vec![Object::Integer(500); 224],
        }
    };
    let regular = doc.add_object(font("Helvetica"));
    let heavy = doc.add_object(font("Helvetica-Bold"));
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => regular, "F2" => heavy } });
    let mut kids = Vec::new();
    for runs in pages {
        let mut ops = Vec::new();
        for r in runs {
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new("Tf", vec![(if r.bold { "F2" } else { "F1" }).into(), r.size.into()]));
            ops.push(Operation::new("Tm", vec![1.into(), 0.into(), 0.into(), 1.into(), r.x.into(), r.y.into()]));
            ops.push(Operation::new("Tj", vec![Object::string_literal(win_ansi(r.text))]));
            ops.push(Operation::new("ET", vec![]));
        }
        let content = doc.add_object(Stream::new(dictionary! {}, Content { operations: ops }.encode().unwrap()));
        kids.push(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }));
    }
    let count = kids.len() as i64;
    let kids: Vec<Object> = kids.into_iter().map(Object::Reference).collect();
    doc.objects
        .insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// Text in the encoding the fonts use.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            c if (c as u32) < 256 => c as u8,
            c => panic!("{c} is not in WinAnsiEncoding"),
        })
        .collect()
}

fn month(year: u16, month: u8) -> PartialDate {
    PartialDate::month(year, month).unwrap()
}

/// What the pages below print.
fn printed() -> Fields {
    Fields {
        name: "Maya Okafor".into(),
        email: "maya@example.com".into(),
        phone: "+44 20 7946 0321".into(),
        links: vec!["github.com/maya".into()],
        sections: vec!["Experience".into(), "Education".into(), "Skills".into()],
        jobs: vec![
            Job {
                title: "Staff Engineer".into(),
                company: "Acme Payments".into(),
                period: Period::new(Some(month(2021, 3)), None),
                bullets: vec!["Led the ledger rebuild for building payment flows.".into()],
            },
            Job {
                title: "Tech Lead".into(),
                company: "Brightline".into(),
                period: Period::new(Some(month(2017, 4)), Some(month(2021, 2))),
                bullets: vec![],
            },
        ],
        education: vec![School {
            degree: "BSc, Computer Science".into(),
            school: "University of Manchester".into(),
            period: Period::new(Some(PartialDate::year(2011)), Some(PartialDate::year(2014))),
        }],
        skills: vec!["Rust".into(), "Go".into(), "Kafka".into()],
        projects: vec![],
    }
}

/// The page drawn as Folio draws it: each field a run, separators runs of their own,
/// bold capital headings, the bullet before its text.
fn right_page() -> Vec<Run> {
    vec![
        run(50.0, 20.0, "Maya Okafor"),
        run(500.0, 20.0, "1 / 1"),
        Run { size: 22.0, ..bold(50.0, 800.0, "Maya Okafor") },
        run(50.0, 780.0, "maya@example.com"),
        run(130.0, 780.0, " · "),
        run(145.0, 780.0, "+44 20 7946 0321"),
        run(225.0, 780.0, " · "),
        run(240.0, 780.0, "github.com/maya"),
        bold(50.0, 750.0, "EXPERIENCE"),
        bold(50.0, 730.0, "Staff Engineer"),
        run(120.0, 730.0, " · "),
        run(135.0, 730.0, "Acme Payments"),
        run(50.0, 718.0, "Mar 2021 - Present"),
        run(140.0, 718.0, " · "),
        run(155.0, 718.0, "London, UK"),
        run(50.0, 704.0, "•"),
        run(60.0, 704.0, "Led the ledger rebuild for"),
        bold(195.0, 704.0, "building"),
        run(242.0, 704.0, "payment flows."),
        bold(50.0, 680.0, "Tech Lead"),
        run(100.0, 680.0, " · "),
        run(115.0, 680.0, "Brightline"),
        run(50.0, 668.0, "Apr 2017 - Feb 2021"),
        bold(50.0, 640.0, "EDUCATION"),
        bold(50.0, 620.0, "BSc, Computer Science"),
        run(160.0, 620.0, " · "),
        run(175.0, 620.0, "University of Manchester"),
        run(300.0, 620.0, " · "),
        run(315.0, 620.0, "2011 - 2014"),
        bold(50.0, 590.0, "SKILLS"),
        bold(50.0, 575.0, "Languages"),
        run(50.0, 562.0, "Rust (7 yrs)"),
        run(110.0, 562.0, " · "),
        run(125.0, 562.0, "Go"),
        run(140.0, 562.0, " · "),
        run(155.0, 562.0, "Kafka"),
    ]
}

/// The page with the runs `change` alters.
fn altered(change: impl Fn(&mut Vec<Run>)) -> Vec<u8> {
    let mut page = right_page();
    change(&mut page);
    pdf(&[page])
}

fn misread_fields(pdf: &[u8]) -> Vec<String> {
    let report = folio_ats::check(pdf, &printed()).unwrap();
    report.misreads.iter().map(|m| m.field.clone()).collect()
}

#[test]
fn a_page_drawn_field_by_field_reads_right_in_every_field() {
    let report = folio_ats::check(&pdf(&[right_page()]), &printed()).unwrap();
    assert_eq!(report.misreads, vec![]);
    assert_eq!((report.score, report.right, report.checked), (100, 20, 20));
}

#[test]
fn a_company_glued_to_its_title_by_a_dash_is_misread() {
    let pdf = altered(|p| {
        p.retain(|r| !(r.y == 730.0 && r.x > 50.0));
        p.push(bold(50.0, 730.0, "Staff Engineer"));
        p.retain(|r| r.text != "Staff Engineer" || r.bold);
        let i = p.iter().position(|r| r.text == "Staff Engineer").unwrap();
        p[i] = Run { text: "Staff Engineer — Acme Payments", ..p[i] };
    });
    let misread = misread_fields(&pdf);
    assert!(misread.contains(&"Experience: Staff Engineer, Acme Payments — title".to_string()), "{misread:?}");
    assert!(misread.contains(&"Experience: Staff Engineer, Acme Payments — company".to_string()), "{misread:?}");
}

#[test]
fn headings_in_title_case_hide_their_sections() {
    let pdf = altered(|p| {
        for r in p.iter_mut() {
            r.text = match r.text {
                "EXPERIENCE" => "Experience",
                "EDUCATION" => "Education",
                other => other,
            };
        }
    });
    let misread = misread_fields(&pdf);
    assert!(misread.contains(&"Section heading: Experience".to_string()), "{misread:?}");
    assert!(misread.contains(&"Experience: Tech Lead, Brightline — dates".to_string()), "{misread:?}");
    assert!(misread.contains(&"Education: University of Manchester — school".to_string()), "{misread:?}");
}

#[test]
fn a_bullet_drawn_after_its_text_loses_the_bullet() {
    let pdf = altered(|p| {
        let i = p.iter().position(|r| r.text == "•").unwrap();
        let bullet = p.remove(i);
        let end = p.iter().position(|r| r.text == "payment flows.").unwrap();
        p.insert(end + 1, bullet);
    });
    assert!(misread_fields(&pdf).contains(&"Experience: Staff Engineer, Acme Payments — bullet".to_string()));
}

#[test]
fn runs_that_touch_lose_the_space_between_their_words() {
    // "Led the ledger rebuild for" ends at 60 + 26 × 5 = 190: the bold word sets off
    // right there, as when the space glyph between two runs is dropped.
    let pdf = altered(|p| p.iter_mut().filter(|r| r.text == "building").for_each(|r| r.x = 190.0));
    let misread = folio_ats::check(&pdf, &printed()).unwrap().misreads;
    let bullet = misread.iter().find(|m| m.field.ends_with("bullet")).expect("the bullet is misread");
    assert!(bullet.read.contains("forbuilding"), "{bullet:?}");
}

#[test]
fn jobs_set_side_by_side_run_into_each_other() {
    let pdf = altered(|p| {
        // The second job moved up beside the first, as a two-column layout sets it.
        for r in p.iter_mut() {
            if r.y == 680.0 || r.y == 668.0 {
                r.y += 50.0;
                r.x += 240.0;
            }
        }
        // Drawn line by line across both columns.
        p.sort_by(|a, b| b.y.total_cmp(&a.y));
    });
    let misread = misread_fields(&pdf);
    assert!(misread.iter().any(|f| f.starts_with("Experience: Tech Lead")), "{misread:?}");
}

#[test]
fn an_address_broken_inside_a_word_is_not_read_as_the_link() {
    let pdf = altered(|p| {
        let i = p.iter().position(|r| r.text == "github.com/maya").unwrap();
        p[i].text = "github.com/ma";
        p.insert(i + 1, run(50.0, 768.0, "ya"));
    });
    assert!(misread_fields(&pdf).contains(&"Link: github.com/maya".to_string()));
}

#[test]
fn an_address_broken_after_a_slash_is_joined_again() {
    let pdf = altered(|p| {
        let i = p.iter().position(|r| r.text == "github.com/maya").unwrap();
        p[i].text = "github.com/";
        p.insert(i + 1, run(50.0, 768.0, "maya"));
    });
    assert_eq!(misread_fields(&pdf), Vec::<String>::new());
}

#[test]
fn periods_read_as_resumes_write_them() {
    let read = |text: &'static str| {
        let pdf = altered(|p| {
            let i = p.iter().position(|r| r.text == "Apr 2017 - Feb 2021").unwrap();
            p[i].text = text;
        });
        folio_ats::read(&pdf).unwrap().jobs[1].period
    };
    let expected = Period::new(Some(month(2017, 4)), Some(month(2021, 2)));
    assert_eq!(read("April 2017 to February 2021"), expected);
    assert_eq!(read("04/2017 - 02/2021"), expected);
    assert_eq!(read("Apr 2017 – Feb 2021"), expected);
    assert_eq!(read("Apr 2017 - Present").end, None);
    assert_eq!(read("until 2021"), Period::new(None, Some(PartialDate::year(2021))));
    assert_eq!(read("sometime"), Period::default());
}

#[test]
fn what_is_not_a_pdf_is_refused_with_a_reason() {
    let err = folio_ats::read(b"%PDF-1.7 this is not really one").unwrap_err();
    assert!(err.to_string().starts_with("the PDF could not be read"), "{err}");
}
