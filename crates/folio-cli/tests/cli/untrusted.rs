//! The CLI where the outside world is unkind: readers that go away, endless files,
//! snapshots from a crafted file, a disk that is full.

use std::process::{Command, Stdio};

use crate::{folio, stderr, stdout, with_demo};

#[test]
fn a_reader_that_goes_away_ends_the_command_quietly() {
    let (dir, db) = with_demo();
    for args in [&["list", "skills"][..], &["list", "case-studies", "--json"], &["search", "kafka"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // `| true`: the reading end is closed before anything is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?} exited with {:?}: {}", out.status, stderr(&out));
        assert!(out.stderr.is_empty(), "{args:?}: {}", stderr(&out));
    }
    // A command keeps its own exit status: `check --strict` on an empty portfolio
    // fails whether or not anyone reads what it says.
    let empty = dir.path().join("empty.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg("--db")
        .arg(&empty)
        .args(["check", "--strict"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

#[test]
fn endless_input_files_are_refused_at_their_limit() {
    let (_dir, db) = with_demo();
    let out = folio(&db, &["import", "/dev/zero", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("larger than 32 MB"), "{}", stderr(&out));

    let out =
        folio(&db, &["image", "add", "--case-study", "Event-driven payment ledger for Acme Payments", "/dev/urandom"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("larger than 40 MB"), "{}", stderr(&out));

    let out = folio(&db, &["match", "--edition", "Staff Engineer — Northwind", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stderr(&out).contains("posting"), "{}", stderr(&out));
}

#[test]
fn a_snapshot_with_a_colour_that_is_not_hex_prints_again_without_a_crash() {
    let (dir, db) = with_demo();
    let pdf = dir.path().join("cv.pdf");
    assert!(folio(&db, &["pdf", pdf.to_str().unwrap()]).status.success());
    // What an older Folio let in through a backup's snapshot.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        r##"UPDATE export_records SET snapshot = json_set(snapshot, '$.portfolio.edition',
              json('{"id":"0190f5a0-0000-7000-8000-000000000000","createdAt":0,"updatedAt":0,"item":{"name":"X","accent":"#a€12"}}'));"##,
    )
    .unwrap();
    let id: String = conn.query_row("SELECT id FROM export_records", [], |r| r.get(0)).unwrap();
    drop(conn);
    let again = dir.path().join("again.pdf");
    let out = folio(&db, &["exports", "show", &id, "--pdf", again.to_str().unwrap()]);
    assert_ne!(out.status.code(), Some(101), "a crash: {}", stderr(&out));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&again).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn a_backup_onto_a_full_disk_says_the_disk_is_full_and_where() {
    let (dir, db) = with_demo();
    let full = dir.path().join("full");
    std::fs::create_dir(&full).unwrap();
    // A 64 KB disk of its own, mounted in a private user and mount namespace.
    let script = format!(
        "mount -t tmpfs -o size=64k tmpfs '{full}' && exec '{cli}' --db '{db}' backup '{full}/backup.db'",
        full = full.display(),
        cli = env!("CARGO_BIN_EXE_folio"),
        db = db.display()
    );
    let out = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c", &script])
        .env_remove("FOLIO_DB")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(message.contains("the disk is full: cannot write"), "{message}");
    assert!(message.contains("full/backup.db"), "the message says where: {message}");
}

#[test]
fn a_link_stored_before_folio_refused_it_never_reaches_an_export() {
    let (dir, db) = with_demo();
    // Text an older Folio stored as typed.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(
            r#"UPDATE case_studies SET body = json_set(body, '$.context',
                 'See [the ledger](javascript:alert(1)) and [notes](file:///etc/passwd).');"#,
        )
        .unwrap();
    let resume = dir.path().join("resume.json");
    let out = folio(&db, &["export", resume.to_str().unwrap(), "--format", "json-resume"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json = std::fs::read_to_string(&resume).unwrap();
    assert!(!json.contains("](javascript:") && !json.contains("](file:"), "a refused link was exported");
    assert!(json.contains("See the ledger and notes."), "its words stay");

    let pdf = dir.path().join("cv.pdf");
    assert!(folio(&db, &["pdf", pdf.to_str().unwrap()]).status.success());
    let raw = Command::new("qpdf").args(["--qdf", "--object-streams=disable"]).arg(&pdf).arg("-").output().unwrap();
    assert!(raw.status.success(), "qpdf reads the PDF");
    let raw = String::from_utf8_lossy(&raw.stdout);
    assert!(raw.contains("/URI"), "the PDF has its web links");
    assert!(!raw.contains("javascript:") && !raw.contains("file:///"), "a refused link became a PDF link");
}

#[test]
fn a_written_pdf_survives_a_power_cut_once_folio_says_it_is_written() {
    let (dir, db) = with_demo();
    let folder = dir.path().join("applications");
    std::fs::create_dir(&folder).unwrap();
    let pdf = folder.join("cv.pdf");
    // The system calls, in order: the rename into place must be followed by a sync of
    // the folder that holds it (a rename lives in the folder, not in the file).
    let out = Command::new("strace")
        .args(["-f", "-e", "trace=openat,fsync,rename,renameat,renameat2"])
        .arg(env!("CARGO_BIN_EXE_folio"))
        .arg("--db")
        .arg(&db)
        .arg("pdf")
        .arg(&pdf)
        .env_remove("FOLIO_DB")
        .output()
        .expect("strace runs (make test installs it)");
    assert!(out.status.success(), "{}", stderr(&out));
    let calls = stderr(&out);
    let lines: Vec<&str> = calls.lines().collect();
    let shown = |p: &std::path::Path| format!("\"{}\"", p.display());
    let renamed = lines
        .iter()
        .position(|l| l.contains("rename") && l.contains(&shown(&pdf)))
        .unwrap_or_else(|| panic!("no rename into place:\n{calls}"));
    let folder_fd = lines[renamed..]
        .iter()
        .find(|l| l.contains("openat(") && l.contains(&format!("{},", shown(&folder))))
        .and_then(|l| l.rsplit("= ").next())
        .and_then(|fd| fd.trim().parse::<u32>().ok())
        .unwrap_or_else(|| panic!("the folder is not opened after the rename:\n{calls}"));
    assert!(
        lines[renamed..].iter().any(|l| l.contains(&format!("fsync({folder_fd})"))),
        "the folder is not synced after the rename:\n{calls}"
    );
}
