//! Coach and posting-match benchmark: prints its figures. The coach runs over a
//! portfolio of 1,000 case studies (each about 1,300 words, with decisions, metrics,
//! images and links) — fast enough to run on every keystroke (target: under 50 ms) —
//! and the posting match over the same portfolio. Run with `make bench`.

use std::time::Instant;

use folio_core::{coach, match_posting};
use folio_model::{
    CaseStudy, CaseStudyKind, Decision, ImageRef, Link, Metric, MetricCategory, Portfolio, Profile, Section, Stored,
    Technology, TechnologyCategory,
};
use uuid::Uuid;

const CASE_STUDIES: usize = 1_000;
const RUNS: usize = 21;
const NOW: i64 = 1_795_000_000_000;

fn prose(seed: usize, words: usize) -> String {
    const WORDS: [&str; 16] = [
        "I",
        "led",
        "the",
        "team",
        "through",
        "a",
        "ledger",
        "migration",
        "to",
        "kafka",
        "and",
        "postgres",
        "with",
        "latency",
        "cut",
        "sharply",
    ];
    (0..words).map(|i| WORDS[(seed * 31 + i * 7) % WORDS.len()]).collect::<Vec<_>>().join(" ")
}

fn case_study(i: usize) -> Stored<CaseStudy> {
    let item = CaseStudy {
        title: format!("Case study {i}"),
        organisation: format!("Company {}", i % 40),
        role: "Staff Engineer".into(),
        kinds: vec![CaseStudyKind::Architecture],
        summary: prose(i, 40),
        context: prose(i + 1, 400),
        contribution: prose(i + 2, 500),
        outcome: prose(i + 3, 300),
        technologies: [("Rust", TechnologyCategory::Language), ("AWS", TechnologyCategory::Cloud)]
            .iter()
            .map(|(n, c)| Technology { name: (*n).into(), category: *c })
            .collect(),
        links: vec![Link { label: "Talk".into(), url: format!("https://example.com/{i}"), internal: false }],
        images: vec![ImageRef { asset: Uuid::now_v7(), caption: "Diagram".into(), alt: String::new() }],
        decisions: (0..3)
            .map(|d| Decision {
                title: format!("Decision {d}"),
                rationale: prose(i + d, 80),
                options: vec!["Keep it".into(), "Rewrite it".into()],
                ..Decision::default()
            })
            .collect(),
        metrics: (0..3)
            .map(|m| Metric {
                label: format!("Metric {m}"),
                category: MetricCategory::Performance,
                baseline: Some(100.0),
                result: Some(40.0 + m as f64),
                ..Metric::default()
            })
            .collect(),
        ..CaseStudy::default()
    };
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
        sections: Section::ALL.to_vec(),
        case_studies: (0..CASE_STUDIES).map(case_study).collect(),
        recommendations: Vec::new(),
        skills: Vec::new(),
        experience: Vec::new(),
        certifications: Vec::new(),
        education: Vec::new(),
        writing: Vec::new(),
        edition: None,
    };
    let mut findings = 0;
    let coach_ms = median_ms(|| findings = coach(&portfolio, Some(NOW), NOW).findings.len());
    println!("coach, {CASE_STUDIES} case studies: median {coach_ms:.1} ms of {RUNS} runs ({findings} findings; target < 50 ms)");
    let posting = include_str!("../tests/fixtures/posting-staff-platform-engineer.txt");
    let match_ms = median_ms(|| {
        std::hint::black_box(match_posting(posting, &portfolio, &portfolio));
    });
    println!("posting match, {CASE_STUDIES} case studies: median {match_ms:.1} ms of {RUNS} runs");
}
