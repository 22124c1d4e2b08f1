//! The fault harness: the real `folio` binary killed with SIGKILL at random moments in
//! the middle of every command that writes — import, restore, demo, image add, pdf,
//! export — and then checked: the database passes `integrity_check` and holds either
//! everything it held before or everything the command meant to write, never part of
//! it; a file being written is either the earlier one or whole. And several writers at
//! once, with a backup among them, all succeed.
//!
//! `FOLIO_FAULT_ROUNDS` sets the number of kills (60 in `make test`; `make faults`
//! runs 600), `FOLIO_FAULT_SEED` the random moments.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn folio(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_folio"));
    command.arg("--db").arg(db).args(args).env_remove("FOLIO_DB");
    command
}

fn run(db: &Path, args: &[&str]) -> Output {
    let out = folio(db, args).output().unwrap();
    assert!(out.status.success(), "folio {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&run(db, args).stdout).unwrap()
}

/// What a user would see of a portfolio: counts of every kind, images and exports.
fn state(db: &Path) -> String {
    let stats = json(db, &["stats", "--json"]);
    let images = json(db, &["image", "list", "--json"]).as_array().map_or(0, Vec::len);
    let exports = json(db, &["exports", "--json"]).as_array().map_or(0, Vec::len);
    format!("{stats} images={images} exports={exports}")
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

fn copy(from: &Path, to: &Path) {
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(PathBuf::from(format!("{}{suffix}", to.display())));
    }
    std::fs::copy(from, to).unwrap();
}

/// A command to interrupt: the database it starts from, its arguments, and what a run
/// to the end gives (the state after, the output file, how long it takes).
struct Operation {
    name: &'static str,
    base: PathBuf,
    args: Vec<String>,
    output: Option<PathBuf>,
    before: String,
    after: String,
    whole_output: Option<Vec<u8>>,
    duration: Duration,
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

fn rounds() -> usize {
    std::env::var("FOLIO_FAULT_ROUNDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60)
}

/// The operations, each measured once by running it to the end on a copy.
fn operations(dir: &Path) -> Vec<Operation> {
    let demo = dir.join("demo.db");
    run(&demo, &["demo"]);
    let small = dir.join("small.db");
    let resume =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../folio-core/tests/fixtures/jsonresume-schema/sample.resume.json");
    run(&small, &["import", resume.to_str().unwrap()]);
    let small_backup = dir.join("small-backup.json");
    run(&small, &["export", small_backup.to_str().unwrap()]);
    let small_copy = dir.join("small-copy.db");
    run(&small, &["backup", small_copy.to_str().unwrap()]);
    let photo = dir.join("photo.jpg");
    std::fs::write(&photo, folio_media::draw::jpeg(&folio_media::draw::photo(4000, 3000, 5), 90)).unwrap();
    let title = json(&demo, &["list", "case-studies", "--json"])[0]["item"]["title"].as_str().unwrap().to_string();
    let (pdf, backup_json) = (dir.join("out.pdf"), dir.join("out.json"));

    let s = |p: &Path| p.display().to_string();
    let specs: Vec<(&str, &Path, Vec<String>, Option<PathBuf>)> = vec![
        ("import --replace", &demo, vec!["import".into(), s(&small_backup), "--replace".into()], None),
        ("restore", &demo, vec!["restore".into(), s(&small_copy)], None),
        ("demo --force", &small, vec!["demo".into(), "--force".into()], None),
        ("image add", &demo, vec!["image".into(), "add".into(), "--case-study".into(), title, s(&photo)], None),
        ("pdf", &demo, vec!["pdf".into(), s(&pdf)], Some(pdf.clone())),
        ("export", &demo, vec!["export".into(), s(&backup_json)], Some(backup_json.clone())),
    ];
    let work = dir.join("work.db");
    specs
        .into_iter()
        .map(|(name, base, args, output)| {
            copy(base, &work);
            let before = state(&work);
            let argv: Vec<&str> = args.iter().map(String::as_str).collect();
            let started = Instant::now();
            run(&work, &argv);
            let duration = started.elapsed();
            let after = state(&work);
            assert!(name == "export" || before != after, "{name} must change something to be checked");
            let whole_output = output.as_ref().map(|p| std::fs::read(p).unwrap());
            Operation { name, base: base.to_path_buf(), args, output, before, after, whole_output, duration }
        })
        .collect()
}

/// A PDF is whole when it parses to its end: qpdf finds no damage.
fn whole_pdf(path: &Path) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes.starts_with(b"%PDF-")
        && Command::new("qpdf").arg("--check").arg(path).output().is_ok_and(|o| o.status.success())
}

#[test]
fn a_command_killed_at_any_moment_leaves_everything_before_or_after_and_no_torn_file() {
    let dir = tempfile::tempdir().unwrap();
    let operations = operations(dir.path());
    let seed = std::env::var("FOLIO_FAULT_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0xfa17_u64);
    let mut rng = Rng(seed | 1);
    let work = dir.path().join("work.db");
    let (mut before, mut after) = (vec![0; operations.len()], vec![0; operations.len()]);
    for round in 0..rounds() {
        let i = round % operations.len();
        let op = &operations[i];
        copy(&op.base, &work);
        if let Some(out) = &op.output {
            std::fs::write(out, b"the earlier file").unwrap();
        }
        let argv: Vec<&str> = op.args.iter().map(String::as_str).collect();
        let mut child = folio(&work, &argv)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let window = op.duration.as_micros() as u64 * 11 / 10;
        std::thread::sleep(Duration::from_micros(rng.below(window)));
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();

        let context = format!("round {round}, {} (seed {seed})", op.name);
        assert_eq!(integrity(&work), "ok", "{context}");
        let now = state(&work);
        if now == op.before {
            before[i] += 1;
        } else if now == op.after {
            after[i] += 1;
        } else {
            panic!(
                "{context}: neither before nor after:\n  before {}\n  after  {}\n  now    {now}",
                op.before, op.after
            );
        }
        if let (Some(out), Some(whole)) = (&op.output, &op.whole_output) {
            let bytes = std::fs::read(out).unwrap();
            let untouched = bytes == b"the earlier file";
            let complete = if op.name == "pdf" { whole_pdf(out) } else { &bytes == whole };
            assert!(untouched || complete, "{context}: the output file is torn ({} bytes)", bytes.len());
        }
    }
    for (i, op) in operations.iter().enumerate() {
        println!(
            "{:<18} killed {:>4} times: {:>4} before, {:>4} after",
            op.name,
            before[i] + after[i],
            before[i],
            after[i]
        );
    }
}

#[test]
fn writers_at_once_with_a_backup_among_them_all_succeed_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    run(&db, &["demo"]);
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (db, dir) = (db.clone(), dir.path().to_path_buf());
            std::thread::spawn(move || {
                for n in 0..6 {
                    let pdf = dir.join(format!("w{w}-{n}.pdf"));
                    run(&db, &["pdf", pdf.to_str().unwrap()]);
                }
            })
        })
        .collect();
    let backups: Vec<PathBuf> = (0..3).map(|n| dir.path().join(format!("backup-{n}.db"))).collect();
    for backup in &backups {
        run(&db, &["backup", backup.to_str().unwrap()]);
    }
    for writer in writers {
        writer.join().expect("every write succeeds: none is refused as busy");
    }
    assert_eq!(json(&db, &["exports", "--json"]).as_array().unwrap().len(), 24, "every export is logged");
    for backup in &backups {
        assert_eq!(integrity(backup), "ok");
        assert_eq!(json(backup, &["stats", "--json"])["caseStudies"], 6, "{}", backup.display());
    }
}
