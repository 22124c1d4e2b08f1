//! Store benchmark: prints its figures; targets are checked by reading them, not by a
//! timed test. Run with `make bench` (or `cargo bench -p folio-core --bench store`).
//!
//! A file database of 10,000 case studies with 3 metrics each: bulk insert, one save
//! as the app does it, listing, search latency, and loading a whole portfolio — the
//! demo's and the big one's.

use std::time::{Duration, Instant};

use folio_core::Folio;
use folio_model::{CaseStudy, Decision, Direction, Metric, MetricCategory, Technology};

const CASE_STUDIES: usize = 10_000;
const WORDS: [&str; 12] = [
    "ledger",
    "kafka",
    "latency",
    "migration",
    "kubernetes",
    "payments",
    "idempotency",
    "postgres",
    "outbox",
    "backpressure",
    "terraform",
    "observability",
];

fn case_study(i: usize) -> CaseStudy {
    let w = |k: usize| WORDS[(i * 7 + k) % WORDS.len()];
    let metric = |label: &str, baseline, result, direction| Metric {
        label: label.into(),
        category: MetricCategory::Performance,
        unit: "ms".into(),
        baseline: Some(baseline),
        result: Some(result),
        direction,
        timeframe: "6 months".into(),
        note: String::new(),
    };
    CaseStudy {
        title: format!("Case study {i}: {} and {}", w(0), w(1)),
        organisation: format!("Company {}", i % 50),
        role: "Staff Engineer".into(),
        summary: format!("Led the {} work that cut {} for the {} platform.", w(2), w(3), w(4)),
        context: format!("The {} system struggled with {} under load; {} was next. ", w(5), w(6), w(7)).repeat(6),
        contribution: format!("I designed the {} approach and coached the team through {}. ", w(8), w(9)).repeat(4),
        outcome: format!("Shipped {} in production with {}. ", w(10), w(11)).repeat(3),
        technologies: vec![Technology { name: "Rust".into(), ..Technology::default() }],
        decisions: vec![Decision {
            title: format!("Use {}", w(3)),
            rationale: format!("Because {} beats {} here.", w(4), w(5)),
            ..Decision::default()
        }],
        metrics: vec![
            metric("p95 latency", 840.0, 120.0, Direction::LowerIsBetter),
            metric("Error rate", 2.0, 0.4, Direction::LowerIsBetter),
            metric("Throughput", 1_000.0, 4_000.0, Direction::HigherIsBetter),
        ],
        ..CaseStudy::default()
    }
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort_unstable();
    samples[((samples.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();

    // The demo portfolio: what a user exports most.
    let demo = Folio::open(&dir.path().join("demo.db")).unwrap();
    demo.load_demo(false).unwrap();
    let mut loads: Vec<_> = (0..300)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(demo.portfolio(None).unwrap());
            t.elapsed()
        })
        .collect();
    println!(
        "demo portfolio load           p50 {}   p99 {}",
        ms(percentile(&mut loads, 0.5)),
        ms(percentile(&mut loads, 0.99))
    );

    let folio = Folio::open(&dir.path().join("big.db")).unwrap();
    let items: Vec<_> = (0..CASE_STUDIES).map(case_study).collect();
    let t = Instant::now();
    folio.create_many(&items).unwrap();
    println!("insert {CASE_STUDIES} case studies     {} (one transaction)", ms(t.elapsed()));

    let mut saves: Vec<_> = (0..200)
        .map(|i| {
            let t = Instant::now();
            folio.create(&case_study(CASE_STUDIES + i)).unwrap();
            t.elapsed()
        })
        .collect();
    println!(
        "one save (own transaction)    p50 {}   p99 {}",
        ms(percentile(&mut saves, 0.5)),
        ms(percentile(&mut saves, 0.99))
    );

    let t = Instant::now();
    let listed = folio.list::<CaseStudy>().unwrap();
    println!("list {} case studies       {}", listed.len(), ms(t.elapsed()));

    let queries: Vec<String> = (0..400)
        .map(|i| match i % 4 {
            0 => WORDS[i % WORDS.len()].to_string(),
            1 => WORDS[i % WORDS.len()][..4].to_string(),
            2 => format!("{} {}", WORDS[i % WORDS.len()], WORDS[(i + 3) % WORDS.len()]),
            _ => format!("case study {}", i * 13),
        })
        .collect();
    let mut searches: Vec<_> = queries
        .iter()
        .map(|q| {
            let t = Instant::now();
            std::hint::black_box(folio.search(q, 20).unwrap());
            t.elapsed()
        })
        .collect();
    println!(
        "search (top 20)               p50 {}   p99 {}",
        ms(percentile(&mut searches, 0.5)),
        ms(percentile(&mut searches, 0.99))
    );

    let t = Instant::now();
    let portfolio = folio.portfolio(None).unwrap();
    println!("full portfolio load ({} cs) {}", portfolio.case_studies.len(), ms(t.elapsed()));
}
