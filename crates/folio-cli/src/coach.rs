//! How the coach's reports, posting matches and export snapshots read in a terminal.

use crate::out::outln;
use folio_core::{CoachReport, MatchReport, Severity};
use folio_model::{Entity, ExportRecord, ExportSnapshot};

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Tip => "tip",
    }
}

pub fn print(report: &CoachReport) {
    outln!("Score {}/100 — {}", report.score, report.explanation);
    outln!();
    for a in &report.advice {
        outln!("  {:>3}  {}  ({})", a.score, a.title, a.explanation);
    }
    if report.findings.is_empty() {
        outln!("\nNothing to add: every check passes.");
        return;
    }
    outln!();
    for f in &report.findings {
        outln!("{:<8} {}\n         → {}", severity(f.severity), f.message, f.next_step);
    }
}

pub fn print_match(edition: &str, report: &MatchReport) {
    outln!(
        "\"{edition}\" covers {} of the {} terms the posting asks for (score {}/100).",
        report.covered,
        report.total,
        report.score
    );
    let (covered, missing): (Vec<_>, Vec<_>) = report.terms.iter().partition(|t| t.covered);
    if !covered.is_empty() {
        outln!("\nCovered:");
        for t in covered {
            outln!("  ✓ {:<28} ×{}  in {}", t.name, t.mentions, t.evidence.join("; "));
        }
    }
    if !missing.is_empty() {
        outln!("\nMissing:");
        for t in missing {
            outln!("  ✗ {:<28} ×{}", t.name, t.mentions);
        }
    }
    if !report.suggestions.is_empty() {
        outln!("\nTo cover more, add:");
        for s in &report.suggestions {
            outln!("  + {} ({}) — covers {}", s.title, s.kind.as_str(), s.covers.join(", "));
        }
    }
}

pub fn print_snapshot(record: &ExportRecord, snapshot: &ExportSnapshot, when: &str) {
    let p = &snapshot.portfolio;
    let edition = p.edition.as_ref().map(|e| &e.item);
    outln!("Export {} of {}", record.id, edition.map_or("the whole portfolio", |e| e.name.as_str()));
    outln!("  sent     {when} to {}", record.path);
    outln!("  PDF      {} pages, {} bytes, SHA-256 {}", record.pages, record.bytes, record.sha256);
    outln!("  look     {} theme, {:?}", snapshot.theme, snapshot.paper);
    if let Some(e) = edition {
        for r in &e.redactions {
            outln!("  redacted {} → \"{}\"", r.organisation, r.replacement);
        }
        if e.relative_metrics {
            outln!("  metrics  relative change only");
        }
    }
    outln!("\n{}", p.profile.full_name);
    if !p.profile.headline.is_empty() {
        outln!("{}", p.profile.headline);
    }
    let sections: [(&str, Vec<String>); 4] = [
        ("Case studies", p.case_studies.iter().map(|c| c.item.title()).collect()),
        ("Recommendations", p.recommendations.iter().map(|r| r.item.title()).collect()),
        ("Skills", p.skills.iter().map(|s| s.item.title()).collect()),
        ("Experience", p.experience.iter().map(|x| x.item.title()).collect()),
    ];
    for (title, items) in sections.iter().filter(|(_, items)| !items.is_empty()) {
        outln!("\n{title}:");
        for (i, item) in items.iter().enumerate() {
            outln!("  {:>2}. {item}", i + 1);
        }
    }
}
