//! PDF export benchmark: prints its figures. Run with `make bench`.
//!
//! Measures what a user waits for: the whole `folio pdf` process on the demo portfolio
//! (start, open the database, load, lay out, serialise, write) in each theme; the same
//! against Typst on the demo and on portfolios of 100 and 500 case studies ([`versus`]);
//! the ATS check of a PDF in process (read it back, parse it, compare), which the app
//! runs beside the preview; and the demo written as Word, plain text and Markdown in
//! process (target: Word under 100 ms).
//!
//! `FOLIO_BENCH_DIR=dir` keeps the databases and files it makes there, to look at or
//! profile (`perf record folio --db dir/500-case-studies.db pdf out.pdf`).

mod versus;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use folio_core::{ExportRequest, Folio};
use folio_model::{DocumentFormat, ExportSnapshot, FileType};

const RUNS: usize = 15;

fn run_pdf(db: &Path, out: &Path, theme: &str) -> Duration {
    let t = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--db")
        .arg(db)
        .args(["pdf", out.to_str().unwrap(), "--theme", theme])
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    t.elapsed()
}

fn report(label: &str, db: &Path, out: &Path, theme: &str) {
    run_pdf(db, out, theme); // warm the page cache
    let mut times: Vec<_> = (0..RUNS).map(|_| run_pdf(db, out, theme)).collect();
    times.sort_unstable();
    let pages = Folio::open(db).unwrap().exports(None).unwrap()[0].pages;
    println!(
        "{label:<34} median {:>6.1} ms   min {:>6.1} ms   {:>4} pages   {:>7} bytes",
        times[RUNS / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        pages,
        std::fs::metadata(out).unwrap().len()
    );
}

fn main() {
    let temporary = tempfile::tempdir().unwrap();
    let dir = std::env::var_os("FOLIO_BENCH_DIR").map_or_else(|| temporary.path().to_path_buf(), Into::into);
    std::fs::create_dir_all(&dir).unwrap();
    let demo = dir.join("demo.db");
    let _ = std::fs::remove_file(&demo);
    versus::portfolio_db(&demo, None, false);
    for theme in ["modern", "classic", "compact"] {
        report(&format!("demo, {theme} (whole process)"), &demo, &dir.join("demo.pdf"), theme);
    }
    versus::versus_typst(&dir);

    let big = dir.join("100-case-studies.db");
    for (label, db, format) in [
        ("ATS check, demo portfolio", &demo, DocumentFormat::Portfolio),
        ("ATS check, demo résumé", &demo, DocumentFormat::Resume),
        ("ATS check, 100 case studies", &big, DocumentFormat::Portfolio),
    ] {
        ats_check(label, db, format);
    }
    for (label, file) in [
        ("Word, demo portfolio (in process)", FileType::Docx),
        ("text, demo portfolio (in process)", FileType::Text),
        ("Markdown, demo portfolio (in process)", FileType::Markdown),
    ] {
        document(label, &demo, file);
    }
}

/// A document other than the PDF, written from a snapshot in memory: the outline, the
/// file, and for Word its pictures and packing.
fn document(label: &str, db: &Path, file: FileType) {
    let folio = Folio::open(db).unwrap();
    let snapshot = ExportSnapshot { file, ..folio.export_snapshot_now(&ExportRequest::default()).unwrap() };
    let mut bytes = 0;
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            bytes = folio.write_snapshot(&snapshot).unwrap().bytes.len();
            t.elapsed()
        })
        .collect();
    times.sort_unstable();
    println!(
        "{label:<38} median {:>6.1} ms   min {:>6.1} ms   {bytes:>7} bytes",
        times[RUNS / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
    );
}

/// The ATS check alone, on a PDF already rendered (as the preview's is).
fn ats_check(label: &str, db: &Path, format: DocumentFormat) {
    let folio = Folio::open(db).unwrap();
    let request = ExportRequest { format: Some(format), ..ExportRequest::default() };
    let rendered = folio.render_preview(&request).unwrap();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let report = folio_ats::check(&rendered.bytes, &rendered.fields).unwrap();
            assert!(report.score >= 95);
            t.elapsed()
        })
        .collect();
    times.sort_unstable();
    println!(
        "{label:<34} median {:>6.1} ms   min {:>6.1} ms   {:>4} pages",
        times[RUNS / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        rendered.pages
    );
}
