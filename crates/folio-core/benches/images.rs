//! Images benchmark: prints its figures. Run with `make bench`.
//!
//! - import of a 24-megapixel camera JPEG (6000 × 4000): sniff, decode, orient,
//!   downscale, re-encode, thumbnail, store (target: under 400 ms);
//! - PDF export of 12 case studies showing 24 photos, against the same portfolio
//!   without them (targets: under 6 MB, and within 2× the time).

use std::time::Instant;

use folio_core::{ExportRequest, Folio};
use folio_media::draw;
use folio_model::{CaseStudy, Decision, ImageRef, Metric};

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

fn case_study(i: usize) -> CaseStudy {
    let text = "We measured first, then changed one thing at a time and kept what the numbers supported. ";
    CaseStudy {
        title: format!("Project {i}: re-platforming the ledger"),
        organisation: "Acme".into(),
        summary: text.repeat(2),
        context: text.repeat(8),
        contribution: text.repeat(10),
        outcome: text.repeat(6),
        decisions: vec![Decision { title: "Outbox".into(), rationale: text.repeat(3), ..Decision::default() }],
        metrics: vec![Metric {
            label: "p95 latency".into(),
            unit: "ms".into(),
            baseline: Some(840.0),
            result: Some(120.0),
            ..Metric::default()
        }],
        ..CaseStudy::default()
    }
}

fn export_ms(folio: &Folio, path: &std::path::Path) -> (f64, u64) {
    let runs: Vec<(f64, u64)> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let report = folio.export(path, &ExportRequest::default()).unwrap();
            (t.elapsed().as_secs_f64() * 1000.0, report.record.bytes)
        })
        .collect();
    (median(runs.iter().map(|r| r.0).collect()), runs[0].1)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();

    // A camera's photo: 24 megapixels, stored at quality 92 as cameras do.
    let camera = draw::jpeg(&draw::photo(6000, 4000, 42), 92);
    let folio = Folio::open(&dir.path().join("import.db")).unwrap();
    let runs: Vec<f64> = (0..5)
        .map(|run| {
            // A different picture each run, so that none is a duplicate already kept.
            let mut bytes = camera.clone();
            let end = bytes.len() - 3;
            bytes[end] ^= run as u8 + 1;
            let t = Instant::now();
            folio.import_image(&bytes, "camera.jpg").unwrap();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    println!(
        "import of a 24-megapixel JPEG ({:.1} MB): median {:.0} ms over {} runs (target < 400 ms)",
        camera.len() as f64 / 1024.0 / 1024.0,
        median(runs.clone()),
        runs.len()
    );

    let plain = Folio::open(&dir.path().join("plain.db")).unwrap();
    let pictured = Folio::open(&dir.path().join("pictured.db")).unwrap();
    for i in 0..12 {
        plain.create(&case_study(i)).unwrap();
        let mut cs = case_study(i);
        for j in 0..2 {
            let photo = draw::jpeg(&draw::photo(4000, 3000, (i * 2 + j) as u32 + 1), 90);
            let asset = pictured.import_image(&photo, "photo.jpg").unwrap();
            cs.images.push(ImageRef {
                asset: asset.id,
                caption: format!("Photo {j} of project {i}"),
                alt: String::new(),
            });
        }
        pictured.create(&cs).unwrap();
    }
    let (without, without_bytes) = export_ms(&plain, &dir.path().join("plain.pdf"));
    let (with, with_bytes) = export_ms(&pictured, &dir.path().join("pictured.pdf"));
    println!(
        "PDF of 12 case studies: without images {without:.0} ms ({:.2} MB); with 24 photos {with:.0} ms ({:.2} MB), {:.2}× the time (targets: < 6 MB, ≤ 2×)",
        without_bytes as f64 / 1024.0 / 1024.0,
        with_bytes as f64 / 1024.0 / 1024.0,
        with / without
    );
}
