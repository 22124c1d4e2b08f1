//! How the coach's reports, posting matches and export snapshots read in a terminal.

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
    println!("Score {}/100 — {}", report.score, report.explanation);
    println!();
    for a in &report.advice {
        println!("  {:>3}  {}  ({})", a.score, a.title, a.explanation);
    }
    if report.findings.is_empty() {
        println!("\nNothing to add: every check passes.");
        return;
    }
    println!();
    for f in &report.findings {
        println!("{:<8} {}\n         → {}", severity(f.severity), f.message, f.next_step);
    }
}

pub fn print_match(edition: &str, report: &MatchReport) {
    println!(
        "\"{edition}\" covers {} of the {} terms the posting asks for (score {}/100).",
        report.covered, report.total, report.score
    );
    let (covered, missing): (Vec<_>, Vec<_>) = report.terms.iter().partition(|t| t.covered);
    if !covered.is_empty() {
        println!("\nCovered:");
        for t in covered {
            println!("  ✓ {:<28} ×{}  in {}", t.name, t.mentions, t.evidence.join("; "));
        }
    }
    if !missing.is_empty() {
        println!("\nMissing:");
        for t in missing {
            println!("  ✗ {:<28} ×{}", t.name, t.mentions);
        }
    }
    if !report.suggestions.is_empty() {
        println!("\nTo cover more, add:");
        for s in &report.suggestions {
            println!("  + {} ({}) — covers {}", s.title, s.kind.as_str(), s.covers.join(", "));
        }
    }
}

pub fn print_snapshot(record: &ExportRecord, snapshot: &ExportSnapshot, when: &str) {
    let p = &snapshot.portfolio;
    let edition = p.edition.as_ref().map(|e| &e.item);
    println!("Export {} of {}", record.id, edition.map_or("the whole portfolio", |e| e.name.as_str()));
    println!("  sent     {when} to {}", record.path);
    println!("  PDF      {} pages, {} bytes, SHA-256 {}", record.pages, record.bytes, record.sha256);
    println!("  look     {} theme, {:?}", snapshot.theme, snapshot.paper);
    if let Some(e) = edition {
        for r in &e.redactions {
            println!("  redacted {} → \"{}\"", r.organisation, r.replacement);
        }
        if e.relative_metrics {
            println!("  metrics  relative change only");
        }
    }
    println!("\n{}", p.profile.full_name);
    if !p.profile.headline.is_empty() {
        println!("{}", p.profile.headline);
    }
    let sections: [(&str, Vec<String>); 4] = [
        ("Case studies", p.case_studies.iter().map(|c| c.item.title()).collect()),
        ("Recommendations", p.recommendations.iter().map(|r| r.item.title()).collect()),
        ("Skills", p.skills.iter().map(|s| s.item.title()).collect()),
        ("Experience", p.experience.iter().map(|x| x.item.title()).collect()),
    ];
    for (title, items) in sections.iter().filter(|(_, items)| !items.is_empty()) {
        println!("\n{title}:");
        for (i, item) in items.iter().enumerate() {
            println!("  {:>2}. {item}", i + 1);
        }
    }
}
