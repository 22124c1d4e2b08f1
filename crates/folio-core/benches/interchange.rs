//! Interchange benchmark: prints its figures. Export and import of a Folio backup
//! holding 1,000 case studies (each with decisions, metrics and about 1,500 words) and
//! 200 images (100 photos, 100 diagrams, as import keeps them), and the process's peak
//! memory. Run with `make bench`.

use std::time::Instant;

use folio_core::{FileFormat, Folio};
use folio_media::draw;
use folio_model::{CaseStudy, ImageRef};

mod fixtures;
use fixtures::case_study;

const CASE_STUDIES: usize = 1_000;
const IMAGES: usize = 200;

/// Peak resident memory of this process so far, in MB.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let folio = Folio::open(&dir.path().join("source.db")).unwrap();
    folio.load_demo(false).unwrap();
    let mut items: Vec<CaseStudy> = (0..CASE_STUDIES).map(case_study).collect();
    for i in 0..IMAGES {
        let file = if i % 2 == 0 {
            draw::jpeg(&draw::photo(2400, 1600, i as u32 + 1), 90)
        } else {
            draw::png_rgb(draw::diagram(1600, 900 + i as u32, [37, 99, 235]))
        };
        let asset = folio.import_image(&file, "picture").unwrap();
        items[i * CASE_STUDIES / IMAGES].images.push(ImageRef {
            asset: asset.id,
            caption: format!("Figure {i}"),
            alt: String::new(),
        });
    }
    folio.create_many(&items).unwrap();
    let before = peak_mb();

    let t = Instant::now();
    let path = dir.path().join("backup.json");
    let bytes = folio.export_file(&path, FileFormat::Folio, None).unwrap();
    let export_ms = t.elapsed().as_secs_f64() * 1000.0;

    let target = Folio::open(&dir.path().join("target.db")).unwrap();
    let t = Instant::now();
    let report = target.import_file(&path, None, false).unwrap();
    let import_ms = t.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(report.records.case_studies, folio.stats().unwrap().case_studies);
    assert_eq!(target.assets().unwrap().len(), folio.assets().unwrap().len());

    let t = Instant::now();
    let resume = folio.export_bytes(FileFormat::JsonResume, None).unwrap();
    let resume_ms = t.elapsed().as_secs_f64() * 1000.0;

    println!(
        "backup of {} case studies and {} images ({:.1} MB): export {export_ms:.0} ms, import into an empty database {import_ms:.0} ms",
        report.records.case_studies,
        folio.assets().unwrap().len(),
        bytes as f64 / 1024.0 / 1024.0
    );
    println!(
        "JSON Resume export of the same portfolio ({:.1} MB): {resume_ms:.0} ms",
        resume.len() as f64 / 1024.0 / 1024.0
    );
    println!("peak memory (resident, whole process): {:.0} MB; {before:.0} MB before the export and import", peak_mb());
}
