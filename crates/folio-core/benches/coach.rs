//! Coach and posting-match benchmark: prints its figures. The coach runs over a
//! portfolio of 1,000 case studies (each about 1,500 words, with decisions, metrics,
//! images and links) — fast enough to run on every keystroke (target: under 50 ms) —
//! and the posting match over the same portfolio. Run with `make bench`.

use std::time::Instant;

use folio_core::{coach, match_posting};
use folio_model::{CaseStudy, CaseStudyKind, ImageRef, Link, Portfolio, Profile, Stored, TechnologyCategory};
use uuid::Uuid;

mod fixtures;
use fixtures::case_study;

const CASE_STUDIES: usize = 1_000;
const RUNS: usize = 21;
const NOW: i64 = 1_795_000_000_000;

/// A case study of the interchange benchmark, with the kinds, links and images the
/// coach looks at (the images without alt text, so there is something to report).
fn coached(i: usize) -> Stored<CaseStudy> {
    let mut item = case_study(i);
    item.kinds = vec![CaseStudyKind::Architecture];
    item.technologies[0].category = TechnologyCategory::Language;
    item.links = vec![Link { label: "Talk".into(), url: format!("https://example.com/{i}"), internal: false }];
    item.images = vec![ImageRef { asset: Uuid::now_v7(), caption: "Diagram".into(), alt: String::new() }];
    Stored { id: Uuid::now_v7(), created_at: NOW, updated_at: NOW, item }
}

fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

fn main() {
    let portfolio = Portfolio {
        profile: Profile { full_name: "Bench".into(), ..Profile::default() },
        case_studies: (0..CASE_STUDIES).map(coached).collect(),
        ..Portfolio::default()
    };
    let mut findings = 0;
    let coach_ms = median_ms(|| findings = coach(&portfolio, Some(NOW), NOW, None).findings.len());
    println!("coach, {CASE_STUDIES} case studies: median {coach_ms:.1} ms of {RUNS} runs ({findings} findings; target < 50 ms)");
    let posting = include_str!("../tests/fixtures/posting-staff-platform-engineer.txt");
    let match_ms = median_ms(|| {
        std::hint::black_box(match_posting(posting, &portfolio, &portfolio));
    });
    println!("posting match, {CASE_STUDIES} case studies: median {match_ms:.1} ms of {RUNS} runs");
}
