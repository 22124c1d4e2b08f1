//! The UI's TypeScript types are generated from the Rust types that cross IPC and
//! committed under `ui/src/lib/bindings/`. This test fails when they are stale; run
//! `make bindings` (which sets `FOLIO_WRITE_BINDINGS=1`) to regenerate them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use folio_core::{ErrorInfo, ExportReport, ExportRequest, SearchHit, Stats, Status, ThemeInfo, TrashItem};
use folio_model::{Asset, ExportRecord, MetricPreset, MetricSummary, Portfolio, Record};
use ts_rs::{Config, TS};

fn export_all(dir: &Path) {
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    Portfolio::export_all(&cfg).unwrap();
    Stats::export_all(&cfg).unwrap();
    Status::export_all(&cfg).unwrap();
    SearchHit::export_all(&cfg).unwrap();
    TrashItem::export_all(&cfg).unwrap();
    ErrorInfo::export_all(&cfg).unwrap();
    MetricPreset::export_all(&cfg).unwrap();
    ExportRecord::export_all(&cfg).unwrap();
    Asset::export_all(&cfg).unwrap();
    ExportReport::export_all(&cfg).unwrap();
    ExportRequest::export_all(&cfg).unwrap();
    ThemeInfo::export_all(&cfg).unwrap();
    Record::export_all(&cfg).unwrap();
    MetricSummary::export_all(&cfg).unwrap();
    folio_core::MarkdownBlock::export_all(&cfg).unwrap();
    folio_core::ImportReport::export_all(&cfg).unwrap();
    folio_core::FileFormat::export_all(&cfg).unwrap();
    folio_core::ImportMode::export_all(&cfg).unwrap();
    folio_core::CoachReport::export_all(&cfg).unwrap();
    folio_core::LinkedinKit::export_all(&cfg).unwrap();
    folio_core::AtsReport::export_all(&cfg).unwrap();
    folio_core::MatchReport::export_all(&cfg).unwrap();
}

fn read_tree(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "ts"))
                .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
                .collect()
        })
        .unwrap_or_default()
}

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings")
}

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let committed = committed_dir();
    if std::env::var_os("FOLIO_WRITE_BINDINGS").is_some() {
        for stale in read_tree(&committed).keys() {
            std::fs::remove_file(committed.join(stale)).unwrap();
        }
        export_all(&committed);
        return;
    }
    let fresh = tempfile::tempdir().unwrap();
    export_all(fresh.path());
    let (want, have) = (read_tree(fresh.path()), read_tree(&committed));
    assert!(!want.is_empty());
    let stale: Vec<_> = want.iter().filter(|(name, text)| have.get(*name) != Some(text)).map(|(n, _)| n).collect();
    let extra: Vec<_> = have.keys().filter(|name| !want.contains_key(*name)).collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "ui/src/lib/bindings is stale (changed or missing: {stale:?}; no longer generated: {extra:?}); run `make bindings`"
    );
}
