//! Folio against Typst, side by side: the same portfolio exported as a whole process by
//! `folio pdf` and compiled by Typst (the `typst` package from PyPI, with a template of
//! ours, `typst/portfolio.typ`, that prints the same fields and images in the same
//! fonts), runs interleaved so that both meet the same machine, at three sizes.
//!
//! Each process is timed by GNU time: wall clock, CPU (user + system) and peak resident
//! memory. Typst's figure includes starting Python; its compile alone is printed too,
//! timed inside that process.

use std::path::{Path, PathBuf};
use std::process::Command;

use folio_core::Folio;
use folio_model::markdown::{self, Block};
use folio_model::{period, CaseStudy, MediaType, Portfolio};
use serde_json::{json, Value};

/// One process's figures.
#[derive(Clone, Copy, Default)]
struct Run {
    wall_ms: f64,
    cpu_ms: f64,
    peak_mb: f64,
    /// For Typst, the compile alone, timed inside its process.
    inner_ms: f64,
}

/// Runs `command` under GNU time.
fn timed(command: &mut Command, times: &Path) -> Run {
    let program = command.get_program().to_owned();
    let args: Vec<_> = command.get_args().map(ToOwned::to_owned).collect();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%e %U %S %M", "-o"])
        .arg(times)
        .arg(program)
        .args(args)
        .output()
        .expect("GNU time runs (Debian package `time`; make bench installs it)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let line = std::fs::read_to_string(times).unwrap();
    let f: Vec<f64> = line.split_whitespace().map(|x| x.parse().unwrap()).collect();
    let inner_ms = String::from_utf8_lossy(&out.stdout).trim().parse::<f64>().map_or(0.0, |s| s * 1e3);
    Run { wall_ms: f[0] * 1e3, cpu_ms: (f[1] + f[2]) * 1e3, peak_mb: f[3] / 1024.0, inner_ms }
}

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

/// The Python that has the `typst` package: the tools' environment `make bench` set up.
fn python() -> PathBuf {
    let python = std::env::var_os("FOLIO_PYTHON").map(PathBuf::from).expect("FOLIO_PYTHON (make bench sets it)");
    assert!(python.is_file(), "{} is missing: run `make bench`", python.display());
    python
}

/// A database holding the demo with its case studies repeated up to `count` (the demo's
/// own when `None`), their images left out when `text_only`.
pub fn portfolio_db(path: &Path, count: Option<usize>, text_only: bool) {
    let _ = std::fs::remove_file(path);
    let folio = Folio::open(path).unwrap();
    folio.load_demo(false).unwrap();
    let demo = folio.list::<CaseStudy>().unwrap();
    if text_only {
        for cs in &demo {
            let mut item = cs.item.clone();
            item.images.clear();
            folio.update(cs.id, &item).unwrap();
        }
    }
    if let Some(count) = count {
        let more: Vec<CaseStudy> = (demo.len()..count)
            .map(|i| {
                let mut cs = demo[i % demo.len()].item.clone();
                cs.title = format!("{} ({})", cs.title, i + 1);
                if text_only {
                    cs.images.clear();
                }
                cs
            })
            .collect();
        folio.create_many(&more).unwrap();
    }
}

fn words(inlines: &[markdown::Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}

/// Markdown as the template takes it: paragraphs and list items, their words plain.
fn blocks(text: &str) -> Value {
    let blocks: Vec<Value> = markdown::parse(text.trim())
        .into_iter()
        .map(|block| match block {
            Block::Paragraph { text } => json!({ "item": false, "text": words(&text) }),
            Block::Item { text, .. } => json!({ "item": true, "text": words(&text) }),
        })
        .collect();
    Value::Array(blocks)
}

/// Writes what the Typst template reads into `dir`: `portfolio.json`, the images, and
/// the template itself.
pub fn typst_input(db: &Path, dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let folio = Folio::open(db).unwrap();
    let p: Portfolio = folio.portfolio(None).unwrap();
    let image = |asset: uuid::Uuid| {
        let (meta, bytes) = folio.asset(asset).unwrap();
        let name = format!("{asset}.{}", if meta.media_type == MediaType::Jpeg { "jpg" } else { "png" });
        std::fs::write(dir.join(&name), bytes).unwrap();
        name
    };
    let case_studies: Vec<Value> = p
        .case_studies
        .iter()
        .map(|cs| {
            let cs = &cs.item;
            let decisions: Vec<Value> = cs
                .decisions
                .iter()
                .map(|d| {
                    let fields = [
                        ("Context:", d.context.clone()),
                        ("Options considered:", d.options.join("; ")),
                        ("Chose:", d.choice.clone()),
                        ("Why:", d.rationale.clone()),
                        ("Consequences:", d.consequences.clone()),
                    ];
                    let fields: Vec<Value> = fields
                        .iter()
                        .filter(|(_, v)| !v.trim().is_empty())
                        .map(|(k, v)| json!([k, v.trim()]))
                        .collect();
                    json!({ "title": d.title, "fields": fields })
                })
                .collect();
            json!({
                "title": cs.title,
                "organisation": cs.organisation,
                "meta": [cs.organisation, cs.role, period(cs.start, cs.end),
                         cs.team_size.map(|n| format!("team of {n}")).unwrap_or_default()],
                "kinds": cs.kinds.iter().map(|k| k.label()).collect::<Vec<_>>(),
                "summary": markdown::plain_text(&cs.summary),
                "technologies": cs.technologies.iter().map(|t| t.name.clone()).collect::<Vec<_>>(),
                "metrics": cs.metrics.iter().map(|m| json!({
                    "headline": m.headline().unwrap_or_default(), "statement": m.statement() })).collect::<Vec<_>>(),
                "context": blocks(&cs.context),
                "contribution": blocks(&cs.contribution),
                "decisions": decisions,
                "outcome": blocks(&cs.outcome),
                "images": cs.images.iter().map(|i| json!({ "path": image(i.asset), "caption": i.caption }))
                    .collect::<Vec<_>>(),
                "links": cs.links.iter().map(|l| json!({ "label": l.label, "url": l.url })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut areas: Vec<(String, Vec<String>)> = Vec::new();
    for skill in &p.skills {
        let area = skill.item.area.label().to_string();
        match areas.iter_mut().find(|(a, _)| *a == area) {
            Some((_, names)) => names.push(skill.item.name.clone()),
            None => areas.push((area, vec![skill.item.name.clone()])),
        }
    }
    let profile = &p.profile;
    let contact: Vec<String> = [&profile.email, &profile.phone, &profile.location]
        .into_iter()
        .cloned()
        .chain(profile.links.iter().map(|l| l.url.clone()))
        .collect();
    let data = json!({
        "name": profile.full_name,
        "headline": profile.headline,
        "contact": contact,
        "photo": profile.photo.map(image),
        "summary": blocks(&profile.summary),
        "experience": p.experience.iter().map(|e| json!({
            "title": e.item.title, "company": e.item.organisation, "location": e.item.location,
            "period": period(e.item.start, e.item.end), "bullets": e.item.highlights })).collect::<Vec<_>>(),
        "skills": areas.iter().map(|(a, n)| json!({ "category": a, "names": n })).collect::<Vec<_>>(),
        "case_studies": case_studies,
    });
    std::fs::write(dir.join("portfolio.json"), serde_json::to_vec(&data).unwrap()).unwrap();
    let template = dir.join("portfolio.typ");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/pdf/typst/portfolio.typ"), &template).unwrap();
    template
}

fn folio_run(db: &Path, out: &Path, times: &Path) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_folio"));
    command.arg("--db").arg(db).arg("pdf").arg(out);
    timed(&mut command, times)
}

fn typst_run(template: &Path, out: &Path, times: &Path) -> Run {
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/fonts");
    let script = "import sys, time, typst\n\
                  t = time.perf_counter()\n\
                  typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]], ignore_system_fonts=True)\n\
                  print(time.perf_counter() - t)";
    let mut command = Command::new(python());
    command.args(["-c", script]).arg(template).arg(out).arg(fonts);
    timed(&mut command, times)
}

/// Pages of a PDF, as qpdf counts them.
fn pages(pdf: &Path) -> u32 {
    let out = Command::new("qpdf").arg("--show-npages").arg(pdf).output().expect("qpdf runs");
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

/// Prints the comparison at each size: medians of interleaved runs.
pub fn versus_typst(dir: &Path) {
    println!("Folio against Typst, whole process, same content, runs interleaved (medians):");
    let sizes: [(&str, Option<usize>, bool, usize); 4] = [
        ("demo", None, false, 9),
        ("100 case studies", Some(100), false, 5),
        ("500 case studies", Some(500), false, 3),
        ("500 case studies, text only", Some(500), true, 3),
    ];
    let times = dir.join("time.txt");
    for (label, count, text_only, runs) in sizes {
        let slug = label.replace([' ', ','], "-");
        let db = dir.join(format!("{slug}.db"));
        portfolio_db(&db, count, text_only);
        let template = typst_input(&db, &dir.join(format!("{slug}-typst")));
        let (folio_pdf, typst_pdf) = (dir.join(format!("{slug}-folio.pdf")), dir.join(format!("{slug}-typst.pdf")));
        // A first run of each, unmeasured, warms the page cache.
        folio_run(&db, &folio_pdf, &times);
        typst_run(&template, &typst_pdf, &times);
        let (mut folio, mut typst): (Vec<Run>, Vec<Run>) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            folio.push(folio_run(&db, &folio_pdf, &times));
            typst.push(typst_run(&template, &typst_pdf, &times));
        }
        let m = |runs: &[Run], f: fn(&Run) -> f64| median(runs.iter().map(f).collect());
        let (fw, tw) = (m(&folio, |r| r.wall_ms), m(&typst, |r| r.wall_ms));
        let (fc, tc) = (m(&folio, |r| r.cpu_ms), m(&typst, |r| r.cpu_ms));
        let (fp, tp) = (pages(&folio_pdf), pages(&typst_pdf));
        let compile = m(&typst, |r| r.inner_ms);
        println!("  {label} ({runs} runs each)");
        println!(
            "    Folio  {fw:>7.0} ms wall  {fc:>7.0} ms CPU  {:>5.0} MB peak  {fp:>4} pages  {:.2} ms CPU/page",
            m(&folio, |r| r.peak_mb),
            fc / fp as f64
        );
        println!(
            "    Typst  {tw:>7.0} ms wall  {tc:>7.0} ms CPU  {:>5.0} MB peak  {tp:>4} pages  (compile alone {compile:.0} ms)",
            m(&typst, |r| r.peak_mb)
        );
        println!(
            "    Folio is {:.2}x faster than Typst (wall), {:.2}x against its compile alone, {:.2}x less CPU",
            tw / fw,
            compile / fw,
            tc / fc
        );
    }
}
