use folio_model::{CaseStudy, Link, Recommendation, Section};
use folio_render::{Item, Pt};

use crate::{lay_out, portfolio, rich_case_study, words};

/// Every text run on every page, with its page.
fn runs(doc: &folio_render::Document) -> Vec<(usize, &folio_render::TextRun)> {
    (0..doc.pages.len()).flat_map(|p| doc.texts(p).map(move |t| (p, t))).collect()
}

#[test]
fn all_text_stays_inside_the_margins_even_a_300_character_url() {
    let url = format!("https://example.com/{}", "a".repeat(280));
    let cs = CaseStudy {
        links: vec![Link { label: "Design doc".into(), url: url.clone(), ..Link::default() }],
        context: format!("See {url} for the details."),
        ..rich_case_study("Long links")
    };
    for theme in ["modern", "classic", "compact"] {
        let doc = lay_out(&portfolio(vec![cs.clone()], vec![]), theme);
        let t = folio_render::theme(theme).unwrap();
        let left: Pt = t.margin_x.into();
        let right = doc.page_size.width - left;
        for (page, run) in runs(&doc) {
            let end = run.origin.x + run.width();
            assert!(
                run.origin.x.0 >= left.0 - 0.5 && end.0 <= right.0 + 0.5,
                "{theme} p{page}: {:?} ends at {end:?}",
                run.text()
            );
            assert!(run.origin.y.0 > 0.0 && run.origin.y < doc.page_size.height, "{theme} p{page}: off the page");
        }
    }
}

#[test]
fn a_ten_thousand_word_case_study_flows_over_pages_and_keeps_every_word() {
    let cs = CaseStudy { context: words(10_000), ..rich_case_study("Very long") };
    let doc = lay_out(&portfolio(vec![cs], vec![]), "modern");
    assert!(doc.pages.len() > 10, "{} pages", doc.pages.len());
    let text: String = runs(&doc).iter().map(|(_, r)| r.text() + " ").collect();
    let count = text
        .split_whitespace()
        .filter(|w| ["ledger", "latency", "review", "migration", "team", "kafka"].contains(w))
        .count();
    assert!(count >= 10_000, "{count} words");
}

#[test]
fn no_case_study_title_is_left_alone_at_the_bottom_of_a_page() {
    let studies: Vec<_> = (0..12).map(|i| rich_case_study(&format!("Case study {i}"))).collect();
    for theme in ["modern", "classic", "compact"] {
        let doc = lay_out(&portfolio(studies.clone(), vec![]), theme);
        let case_studies = doc.outline.iter().find(|e| e.title == "Case studies").unwrap();
        assert_eq!(case_studies.children.len(), 12);
        for entry in &case_studies.children {
            let page = entry.at.page;
            // The title, its meta line and at least two lines of what follows share the page.
            let below = doc.texts(page).filter(|t| t.origin.y > entry.at.y).count();
            assert!(below >= 4, "{theme}: {:?} has only {below} runs under it on page {page}", entry.title);
        }
    }
}

#[test]
fn a_quote_is_never_split_across_pages() {
    let quotes: Vec<_> = (0..40)
        .map(|i| Recommendation {
            author_name: format!("Author {i}"),
            text: format!("Quote{i} {}", words(40 + i * 3)),
            consent: true,
            ..Recommendation::default()
        })
        .collect();
    let doc = lay_out(&portfolio(vec![], quotes), "modern");
    assert!(doc.pages.len() > 3);
    for i in 0..40 {
        let start = runs(&doc).into_iter().find(|(_, r)| r.text().contains(&format!("Quote{i} "))).unwrap().0;
        let author = runs(&doc).into_iter().find(|(_, r)| r.text().contains(&format!("Author {i}"))).unwrap().0;
        assert_eq!(start, author, "quote {i} starts on page {start} but ends on page {author}");
    }
}

#[test]
fn the_metric_row_and_chart_stay_whole() {
    let studies: Vec<_> = (0..10).map(|i| rich_case_study(&format!("Study {i}"))).collect();
    let doc = lay_out(&portfolio(studies, vec![]), "compact");
    for (p, page) in doc.pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Rect { rect, .. } = item {
                let bottom: Pt = folio_render::theme("compact").unwrap().margin_bottom.into();
                assert!(
                    rect.bottom() <= doc.page_size.height - bottom + Pt(0.5),
                    "page {p}: a box runs into the margin"
                );
            }
        }
    }
    // Every "before"/"after" label of a chart sits on the page of its chart title.
    for p in 0..doc.pages.len() {
        let texts: Vec<_> = doc.texts(p).map(|t| t.text()).collect();
        let charts = texts.iter().filter(|t| *t == "Before and after").count();
        let afters = texts.iter().filter(|t| t.ends_with(" after") && *t != "Before and after").count();
        assert_eq!(charts, afters, "page {p}: a chart was split");
    }
}

#[test]
fn sections_follow_the_order_given() {
    let mut p = portfolio(
        vec![rich_case_study("One")],
        vec![Recommendation {
            author_name: "Ann".into(),
            text: "Great".into(),
            consent: true,
            ..Recommendation::default()
        }],
    );
    p.sections = vec![Section::Recommendations, Section::CaseStudies];
    let doc = lay_out(&p, "modern");
    let titles: Vec<_> = doc.outline.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["Recommendations", "Case studies"]);
}

#[test]
fn layout_is_repeatable() {
    let p = portfolio((0..3).map(|i| rich_case_study(&format!("S{i}"))).collect(), vec![]);
    assert_eq!(lay_out(&p, "classic"), lay_out(&p, "classic"));
}

/// The text of every run, in the order the document draws them.
fn text_runs(doc: &folio_render::Document) -> Vec<String> {
    let items = doc.pages.iter().flat_map(|p| &p.items);
    items
        .filter_map(|i| match i {
            folio_render::Item::Text(run) => Some(run.text()),
            _ => None,
        })
        .collect()
}

#[test]
fn markdown_links_lead_only_to_web_pages_and_mail() {
    // Laid out straight from the model, as a snapshot or text from an older Folio would
    // be, without the validation that refuses such links when they are typed.
    let mut study = rich_case_study("Ledger");
    study.context = "[run](javascript:alert(1)), [read](file:///etc/passwd), [cv](cv.pdf) and \
                     [the RFC](https://example.com/rfc)."
        .into();
    let doc = lay_out(&portfolio(vec![study], vec![]), "modern");
    let uris: Vec<&str> = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|item| match item {
            folio_render::Item::Link { target: folio_render::LinkTarget::Uri(uri), .. } => Some(uri.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(uris, ["https://example.com/rfc"], "only the web link is a link");
    let text = text_runs(&doc).join(" ");
    for words in ["run", "read", "the RFC"] {
        assert!(text.contains(words), "{words} is still printed");
    }
}

#[test]
fn a_callout_says_which_way_is_better() {
    let doc = lay_out(&portfolio(vec![rich_case_study("Ledger")], vec![]), "modern");
    let runs = text_runs(&doc);
    let text = runs.join(" ");
    assert!(text.contains("7.0× faster"), "p95 latency 840 → 120 ms leads with 7.0× faster: {text}");
    assert!(!runs.iter().any(|r| r.trim() == "7.0×"), "never a bare factor that reads as more latency");
}

#[test]
fn case_studies_follow_one_another_and_start_a_page_only_when_little_is_left() {
    let short = |i: usize| CaseStudy {
        title: format!("Short study {i}"),
        organisation: "Acme".into(),
        summary: words(25),
        outcome: words(30),
        ..CaseStudy::default()
    };
    for theme in ["modern", "classic", "compact"] {
        let doc = lay_out(&portfolio((0..3).map(short).collect(), vec![]), theme);
        assert_eq!(doc.pages.len(), 1, "{theme}: three short case studies fit on one page");

        let doc = lay_out(&portfolio((0..12).map(|i| rich_case_study(&format!("Study {i}"))).collect(), vec![]), theme);
        let frame = folio_render::theme(theme).unwrap();
        let bottom = doc.page_size.height - Pt::from(frame.margin_bottom);
        let quarter = (bottom - Pt::from(frame.margin_top)) * 0.25;
        let studies = &doc.outline.iter().find(|e| e.title == "Case studies").unwrap().children;
        for study in studies.iter().skip(1) {
            let page = study.at.page;
            let top_of_page = doc.texts(page).map(|t| t.origin.y).fold(f32::MAX, |a, y| a.min(y.0));
            if (study.at.y.0 - top_of_page).abs() < 1.0 {
                // It opens its page: the page before must have had less than a quarter left.
                let last = doc.pages[page - 1]
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text(t) => Some(t.origin.y),
                        _ => None,
                    })
                    .fold(Pt(0.0), Pt::max);
                assert!(bottom - last < quarter + Pt(20.0), "{theme}: {:?} left a page with room", study.title);
            }
        }
    }
}

#[test]
fn chart_values_stay_inside_the_right_margin_whatever_their_length() {
    let metric = |label: &str, unit: &str, baseline: f64, result: f64| folio_model::Metric {
        label: label.into(),
        unit: unit.into(),
        baseline: Some(baseline),
        result: Some(result),
        direction: folio_model::Direction::LowerIsBetter,
        ..folio_model::Metric::default()
    };
    let cs = CaseStudy {
        metrics: vec![
            metric("Reconciliation breaks", "/month", 37.0, 3.0),
            metric("Cloud cost", "$", 1_480_000.0, 310_000.0),
            metric("Time to restore", "minutes", 210.0, 24.0),
        ],
        ..rich_case_study("Wide values")
    };
    for theme in ["modern", "classic", "compact"] {
        let doc = lay_out(&portfolio(vec![cs.clone()], vec![]), theme);
        let right = doc.page_size.width - Pt::from(folio_render::theme(theme).unwrap().margin_x);
        let values: Vec<_> = runs(&doc).into_iter().filter(|(_, r)| r.text().ends_with("before")).collect();
        assert_eq!(values.len(), 3, "{theme}");
        for (page, run) in runs(&doc) {
            let end = run.origin.x + run.width();
            assert!(
                end.0 <= right.0 + 0.5,
                "{theme} p{page}: {:?} ends {:.1} pt into the margin",
                run.text(),
                (end - right).0
            );
        }
    }
}

#[test]
fn a_chart_of_forty_metrics_breaks_between_rows_with_its_heading_said_again() {
    let metrics = (0..40)
        .map(|i| folio_model::Metric {
            label: format!("Metric number {i}"),
            unit: "ms".into(),
            baseline: Some(100.0 + i as f64),
            result: Some(50.0),
            direction: folio_model::Direction::LowerIsBetter,
            ..folio_model::Metric::default()
        })
        .collect();
    let cs = CaseStudy { metrics, ..rich_case_study("Forty metrics") };
    for theme in ["modern", "classic", "compact"] {
        let doc = lay_out(&portfolio(vec![cs.clone()], vec![]), theme);
        let bottom = doc.page_size.height - Pt::from(folio_render::theme(theme).unwrap().margin_bottom);
        for (page, run) in runs(&doc) {
            assert!(run.origin.y <= bottom, "{theme} p{page}: {:?} is below the page's content", run.text());
        }
        let texts: Vec<String> = runs(&doc).iter().map(|(_, r)| r.text()).collect();
        for i in 0..40 {
            let label = format!("Metric number {i}");
            // Once in its callout, once in the chart.
            assert_eq!(texts.iter().filter(|t| **t == label).count(), 2, "{theme}: {label}");
        }
        let continued: Vec<usize> =
            runs(&doc).iter().filter(|(_, r)| r.text() == "Before and after (continued)").map(|(p, _)| *p).collect();
        let chart_pages: std::collections::BTreeSet<usize> =
            runs(&doc).iter().filter(|(_, r)| r.text().ends_with(" after")).map(|(p, _)| *p).collect();
        assert!(chart_pages.len() >= 2, "{theme}: forty rows fit on one page?");
        assert_eq!(continued, chart_pages.iter().skip(1).copied().collect::<Vec<_>>(), "{theme}");
    }
}

#[test]
fn an_empty_or_name_only_portfolio_is_laid_out_with_a_warning() {
    let mut p = folio_model::Portfolio::default();
    let doc = lay_out(&p, "modern");
    assert!(doc.warnings.iter().any(|w| w.contains("shows nothing")), "{:?}", doc.warnings);
    p.profile.full_name = "Jane Doe".into();
    let doc = lay_out(&p, "modern");
    assert!(doc.warnings.iter().any(|w| w.contains("only a name")), "{:?}", doc.warnings);
    let doc = lay_out(&portfolio(vec![rich_case_study("Something")], vec![]), "modern");
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn every_date_reads_to_the_month_whatever_precision_it_was_typed_at() {
    let day = |s: &str| Some(s.parse::<folio_model::PartialDate>().unwrap());
    let mut p = portfolio(vec![], vec![]);
    p.certifications = vec![crate::stored(folio_model::Certification {
        name: "CKA".into(),
        date: day("2024-02-14"),
        expiry: day("2026-02-14"),
        ..folio_model::Certification::default()
    })];
    p.writing = vec![crate::stored(folio_model::Writing {
        title: "A talk".into(),
        date: day("2023-06-03"),
        ..folio_model::Writing::default()
    })];
    p.experience = vec![crate::stored(folio_model::Experience {
        title: "Engineer".into(),
        organisation: "Acme".into(),
        start: day("2021-03-14"),
        ..folio_model::Experience::default()
    })];
    let doc = lay_out(&p, "modern");
    let texts: Vec<String> = runs(&doc).iter().map(|(_, r)| r.text()).collect();
    for shown in ["Feb 2024", "valid until Feb 2026", "Jun 2023", "Mar 2021 – Present"] {
        assert!(texts.iter().any(|t| t == shown), "{shown:?} not in {texts:?}");
    }
    assert!(!texts.iter().any(|t| t.contains("14 ") || t.contains("3 Jun")), "a day is shown: {texts:?}");
}

#[test]
fn a_resume_too_long_for_two_pages_is_cut_step_by_step_and_says_what_it_left_out() {
    let job = |i: usize| folio_model::Experience {
        title: format!("Engineer {i}"),
        organisation: format!("Company {i}"),
        summary: words(60),
        highlights: (0..6).map(|_| words(25)).collect(),
        ..folio_model::Experience::default()
    };
    let resume = |jobs: usize| {
        let mut p = portfolio(vec![], vec![]);
        p.experience = (0..jobs).map(job).map(crate::stored).collect();
        let theme = folio_render::theme("modern").unwrap();
        folio_render::layout(
            &p,
            &folio_render::LayoutOptions {
                theme,
                paper: folio_model::Paper::A4,
                format: folio_model::DocumentFormat::Resume,
                accent: None,
                images: &folio_render::Images::new(),
            },
        )
    };
    let short = resume(2);
    assert!(short.warnings.is_empty() && short.pages.len() <= 2, "{:?}", short.warnings);

    let long = resume(5);
    assert!(long.pages.len() <= 2, "{} pages", long.pages.len());
    let said = long.warnings.join("\n");
    assert!(said.contains("to fit the résumé on 2 pages, Folio left out each job's summary"), "{said}");
    let runs = text_runs(&long);
    assert!(runs.iter().any(|t| t == "Engineer 4"), "every job is still there");

    let endless = resume(30);
    assert!(endless.warnings.iter().any(|w| w.contains("runs to") && w.contains("shorten")), "{:?}", endless.warnings);
}

#[test]
fn characters_no_font_has_are_warned_once_per_field_naming_it() {
    let mut cs = rich_case_study("Ship faster");
    cs.summary = "Done ✅ and done again ✅".into();
    cs.context = "We shipped 🚀 and the team said 👍🏽 ✅, then 🚀 again.".into();
    let mut p = portfolio(vec![cs], vec![]);
    p.profile.full_name = "Maya 😀 Okafor".into();
    let doc = lay_out(&p, "modern");
    assert_eq!(
        doc.warnings,
        [
            "the profile: 1 character no bundled font has, left out of the PDF: 😀",
            "case study 'Ship faster', summary: 1 character no bundled font has, left out of the PDF: ✅",
            "case study 'Ship faster', context: 3 characters no bundled font has, left out of the PDF: 🚀 👍🏽 ✅",
        ]
    );
    // Everything else of those fields is printed.
    let text: String = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            folio_render::Item::Text(run) => Some(run.text()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("shipped") && text.contains("again."), "{text}");
}

#[test]
fn arabic_and_hebrew_print_with_no_warning() {
    let mut cs = rich_case_study("دفتر الأستاذ");
    cs.context = "ניהלתי את המעבר. قادت ترحيل دفتر الأستاذ إلى Kafka دون توقف.".into();
    let doc = lay_out(&portfolio(vec![cs], vec![]), "classic");
    assert_eq!(doc.warnings, Vec::<String>::new());
}
