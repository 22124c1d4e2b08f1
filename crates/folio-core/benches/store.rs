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
/// Distinct words in the generated prose; each case study draws about 300 of them, so
/// a typical word appears in roughly one case study in ten.
const VOCABULARY: usize = 3_000;
/// A word every generated case study contains: the worst case for ranking.
const EVERYWHERE: &str = "platform";

/// A small deterministic generator, so every run measures the same data.
struct Words {
    state: u64,
    vocabulary: Vec<String>,
}

impl Words {
    /// Made-up words of 4 to 10 letters: like English, a 4-letter start is shared by a
    /// handful of words, not hundreds.
    fn new() -> Self {
        let mut words = Self { state: 0x9E37_79B9_7F4A_7C15, vocabulary: Vec::new() };
        words.vocabulary = (0..VOCABULARY)
            .map(|_| {
                let len = 4 + words.next() % 7;
                (0..len).map(|_| (b'a' + (words.next() % 26) as u8) as char).collect()
            })
            .collect();
        words
    }

    fn next(&mut self) -> usize {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        (self.state % VOCABULARY as u64) as usize
    }

    fn word(&mut self) -> String {
        let i = self.next();
        self.vocabulary[i].clone()
    }

    fn sentence(&mut self, n: usize) -> String {
        (0..n).map(|_| self.word()).collect::<Vec<_>>().join(" ")
    }
}

fn case_study(i: usize, words: &mut Words) -> CaseStudy {
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
        title: format!("Case study {i}: {}", words.sentence(5)),
        organisation: format!("Company {}", i % 50),
        role: "Staff Engineer".into(),
        summary: words.sentence(25),
        context: format!("The {EVERYWHERE} {}", words.sentence(120)),
        contribution: words.sentence(80),
        outcome: words.sentence(40),
        technologies: vec![Technology { name: "Rust".into(), ..Technology::default() }],
        decisions: vec![Decision { title: words.sentence(4), rationale: words.sentence(30), ..Decision::default() }],
        metrics: vec![
            metric("p95 latency", 840.0, 120.0, Direction::LowerIsBetter),
            metric("Error rate", 2.0, 0.4, Direction::LowerIsBetter),
            metric("Throughput", 1_000.0, 4_000.0, Direction::HigherIsBetter),
        ],
        ..CaseStudy::default()
    }
}

fn timed<T>(f: impl FnOnce() -> T) -> Duration {
    let t = Instant::now();
    std::hint::black_box(f());
    t.elapsed()
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
    let mut words = Words::new();
    let items: Vec<_> = (0..CASE_STUDIES).map(|i| case_study(i, &mut words)).collect();
    let t = Instant::now();
    folio.create_many(&items).unwrap();
    println!("insert {CASE_STUDIES} case studies     {} (one transaction)", ms(t.elapsed()));

    let mut saves: Vec<_> =
        (0..200).map(|i| timed(|| folio.create(&case_study(CASE_STUDIES + i, &mut words)).unwrap())).collect();
    println!(
        "one save (own transaction)    p50 {}   p99 {}",
        ms(percentile(&mut saves, 0.5)),
        ms(percentile(&mut saves, 0.99))
    );

    let t = Instant::now();
    let listed = folio.list::<CaseStudy>().unwrap();
    println!("list {} case studies       {}", listed.len(), ms(t.elapsed()));

    // What people type: a word, the start of a word, two words.
    let queries: Vec<String> = (0..600)
        .map(|i| match i % 3 {
            0 => words.word(),
            1 => words.word()[..4].to_string(),
            _ => format!("{} {}", words.word(), words.word()),
        })
        .collect();
    let mut searches: Vec<_> = queries.iter().map(|q| timed(|| folio.search(q, 20).unwrap())).collect();
    println!(
        "search (top 20)               p50 {}   p99 {}",
        ms(percentile(&mut searches, 0.5)),
        ms(percentile(&mut searches, 0.99))
    );
    let mut everywhere: Vec<_> = (0..50).map(|_| timed(|| folio.search(EVERYWHERE, 20).unwrap())).collect();
    println!(
        "search a word in every one    p50 {}   p99 {}",
        ms(percentile(&mut everywhere, 0.5)),
        ms(percentile(&mut everywhere, 0.99))
    );

    let t = Instant::now();
    let portfolio = folio.portfolio(None).unwrap();
    println!("full portfolio load ({} cs) {}", portfolio.case_studies.len(), ms(t.elapsed()));
}
