//! The desktop app's figures, measured on the real release binaries under Xvfb and
//! printed: cold start to first contentful paint and memory (PSS of the app and its
//! WebKit processes) for Folio on the demo portfolio and for a bare Tauri 2 window in
//! the same run; the IPC round trip of a save; typing at a person's speed, from key
//! press to the character on screen, with the edition's live preview open; the live
//! preview's refresh after typing pauses.
//!
//! Run with `make bench` (it builds the release binaries first).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use folio_core::Folio;
use folio_e2e::{target_dir, type_like_a_person, App};

const RUNS: usize = 5;

fn release(name: &str) -> PathBuf {
    let path = target_dir().join("release").join(name);
    assert!(path.is_file(), "{} is missing: run `make bench`, which builds it", path.display());
    // Canonical, to compare with /proc/<pid>/exe.
    path.canonicalize().unwrap()
}

/// Processes as (pid, parent pid, executable).
fn processes() -> Vec<(u32, u32, PathBuf)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else { continue };
        // The command name may hold spaces; the fields after its closing parenthesis don't.
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r.to_string()) else { continue };
        let ppid = rest.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
        let exe = std::fs::read_link(entry.path().join("exe")).unwrap_or_default();
        out.push((pid, ppid, exe));
    }
    out
}

/// The newest process running `binary`.
fn pid_of(binary: &Path) -> u32 {
    processes().into_iter().filter(|(_, _, exe)| exe == binary).map(|(pid, _, _)| pid).max().expect("the app runs")
}

/// When the process started, in milliseconds since the epoch.
fn started_at(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let rest = stat.rsplit_once(')').unwrap().1;
    let ticks: f64 = rest.split_whitespace().nth(19).unwrap().parse().unwrap();
    let boot: f64 = std::fs::read_to_string("/proc/stat")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("btime "))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    // USER_HZ is 100 on Linux.
    (boot + ticks / 100.0) * 1000.0
}

/// Proportional set size of `pid` and every process below it (WebKit's web and
/// network processes), in MB.
fn pss_mb(pid: u32) -> f64 {
    let all = processes();
    let mut tree = vec![pid];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(all.iter().filter(|(_, ppid, _)| *ppid == parent).map(|(p, _, _)| *p));
        i += 1;
    }
    let kb: u64 = tree
        .iter()
        .filter_map(|p| std::fs::read_to_string(format!("/proc/{p}/smaps_rollup")).ok())
        .filter_map(|s| {
            s.lines().find_map(|l| l.strip_prefix("Pss:")).map(|v| v.trim().trim_end_matches(" kB").trim().to_string())
        })
        .filter_map(|v| v.parse::<u64>().ok())
        .sum();
    kb as f64 / 1024.0
}

/// Milliseconds since the epoch at which the page first painted text.
async fn first_contentful_paint(app: &App) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let fcp = app
            .client
            .execute(
                "const p = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');
                 return p ? performance.timeOrigin + p.startTime : null;",
                vec![],
            )
            .await
            .unwrap();
        if let Some(ms) = fcp.as_f64() {
            return ms;
        }
        assert!(Instant::now() < deadline, "the page never painted");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    percentile(&v, 0.5)
}

struct Start {
    paint_ms: f64,
    /// Until the web view began loading the page: the app's own start and WebKit's.
    navigation_ms: f64,
    /// Until the first list of records is on screen (Folio only).
    content_ms: Option<f64>,
    pss_mb: f64,
}

/// When the UI marked `folio:content` (its first list of records shown), in
/// milliseconds since the epoch.
async fn content_shown(app: &App) -> Option<f64> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let at = app
            .client
            .execute(
                "const m = performance.getEntriesByName('folio:content')[0];
                 return m ? performance.timeOrigin + m.startTime : null;",
                vec![],
            )
            .await
            .unwrap();
        if let Some(ms) = at.as_f64() {
            return Some(ms);
        }
        if Instant::now() > deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Starts `binary`, waits for `ready` to show, and measures start-up and memory.
async fn start(binary: &Path, db: &Path, ready: &str) -> (App, Start) {
    let app = App::launch_binary(binary, db, &[]).await;
    app.find(ready).await;
    let pid = pid_of(binary);
    let began = started_at(pid);
    let paint_ms = first_contentful_paint(&app).await - began;
    let origin = app.client.execute("return performance.timeOrigin", vec![]).await.unwrap().as_f64().unwrap();
    let navigation_ms = origin - began;
    let content_ms =
        if binary.ends_with("folio-desktop") { content_shown(&app).await.map(|t| t - began) } else { None };
    // Let the page settle (lists loaded, caches warmed) before reading memory.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    (app, Start { paint_ms, navigation_ms, content_ms, pss_mb: pss_mb(pid) })
}

/// What is typed in the typing figures: 200 characters of ordinary prose.
const PROSE: &str = "The team moved the ledger to streaming in three steps so that nothing stopped. \
Each step was measured against last week and rolled back twice before it held under peak load today ok";

/// Watches the field at `css`: for each input event, when the frame that shows it
/// begins (epoch ms), by the field's length then.
async fn watch_typing(app: &App, css: &str) {
    app.client
        .execute(
            "const [css] = arguments; const field = document.querySelector(css);
             window.__typed = [];
             field.addEventListener('input', () => {
               const n = field.value.length;
               requestAnimationFrame(() => window.__typed.push([n, performance.timeOrigin + performance.now()]));
             });
             field.focus();
             field.setSelectionRange(field.value.length, field.value.length);",
            vec![css.into()],
        )
        .await
        .unwrap();
}

/// Types `text` at 15 keys a second into the field at `css` and returns the latency of
/// each key, from its press to the frame that shows it, sorted, and when the last key
/// was pressed (epoch ms); checks that every key landed in the field.
async fn typing_latency(app: &App, css: &str, text: &'static str) -> (Vec<f64>, f64) {
    let field = app.find(css).await;
    let before = field.prop("value").await.unwrap().unwrap_or_default();
    watch_typing(app, css).await;
    let sent = tokio::task::spawn_blocking(move || type_like_a_person("Folio", text, 15.0)).await.unwrap();
    // The page may still be catching up: every key must land, however late.
    let expected = format!("{before}{text}");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let after = field.prop("value").await.unwrap().unwrap_or_default();
        if after == expected {
            break;
        }
        assert!(Instant::now() < deadline, "keys were lost or landed elsewhere: {after:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let typed = app.client.execute("return window.__typed", vec![]).await.unwrap();
    let typed: Vec<(usize, f64)> = serde_json::from_value(typed).unwrap();
    let base = before.chars().count();
    let mut latency: Vec<f64> = sent
        .iter()
        .enumerate()
        .map(|(i, at)| {
            let shown = typed.iter().find(|(n, _)| *n > base + i).expect("every key shows").1;
            shown - at
        })
        .collect();
    latency.sort_by(f64::total_cmp);
    (latency, sent[sent.len() - 1])
}

/// Epoch ms at which the preview last drew its pages in view, and all its pages, once
/// it has drawn since `since`; when it took the keys' rest for a pause and asked for
/// the PDF; and how many pages it drew.
async fn preview_drawn_after(app: &App, since: f64) -> (f64, f64, f64, f64) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let at = app
            .client
            .execute(
                "const p = document.querySelector('[data-testid=preview-pages]').dataset;
                 return [Number(p.visibleAt || 0), Number(p.drawnAt || 0), Number(p.pausedAt || 0),
                         Number(p.redrawn || 0)];",
                vec![],
            )
            .await
            .unwrap();
        let (visible, all, paused, redrawn): (f64, f64, f64, f64) = serde_json::from_value(at).unwrap();
        if visible > since && all > since {
            return (visible, all, paused, redrawn);
        }
        assert!(Instant::now() < deadline, "the preview did not redraw after typing paused");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::main]
async fn main() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under xvfb-run (make bench does)");
    // `FOLIO_APP=/usr/bin/folio-desktop` measures the installed package instead.
    let folio_bin = match std::env::var_os("FOLIO_APP") {
        Some(path) => PathBuf::from(path).canonicalize().expect("FOLIO_APP names the app"),
        None => release("folio-desktop"),
    };
    let bare_bin = release("folio-bare-window");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("folio.db");
    Folio::open(&db).unwrap().load_demo(false).unwrap();

    cold_start(&folio_bin, &bare_bin, &db).await;
    // One window for the rest: saves, then typing with the preview open.
    let app = App::launch_binary(&folio_bin, &db, &[]).await;
    app.find("[data-testid=record-title]").await;
    save_round_trip(&app).await;
    typing_with_preview(&app).await;
    app.close().await;
}

/// Cold start to first paint and memory, Folio against a bare Tauri window, each
/// started `RUNS` times in turn.
async fn cold_start(folio_bin: &Path, bare_bin: &Path, db: &Path) {
    let (mut folio_paint, mut folio_pss, mut bare_paint, mut bare_pss) = (vec![], vec![], vec![], vec![]);
    let (mut folio_nav, mut bare_nav) = (vec![], vec![]);
    let mut folio_content = vec![];
    for _ in 0..RUNS {
        let (app, s) = start(bare_bin, db, "h1").await;
        app.close().await;
        bare_paint.push(s.paint_ms);
        bare_nav.push(s.navigation_ms);
        bare_pss.push(s.pss_mb);

        let (app, s) = start(folio_bin, db, "[data-testid=record-title]").await;
        app.close().await;
        folio_paint.push(s.paint_ms);
        folio_nav.push(s.navigation_ms);
        folio_pss.push(s.pss_mb);
        folio_content.extend(s.content_ms);
    }
    let (fp, bp) = (median(folio_paint), median(bare_paint));
    let (fm, bm) = (median(folio_pss), median(bare_pss));
    println!(
        "cold start to first paint (median of {RUNS}): Folio {fp:.0} ms, bare Tauri window {bp:.0} ms ({:.2}x)",
        fp / bp
    );
    println!(
        "  of which before the page began to load: Folio {:.0} ms, bare window {:.0} ms",
        median(folio_nav),
        median(bare_nav)
    );
    println!(
        "memory, all processes PSS (median of {RUNS}): Folio on the demo {fm:.0} MB, bare window {bm:.0} MB ({:.2}x)",
        fm / bm
    );
}

/// The IPC round trip of 300 saves of a demo case study, as the editor makes them.
async fn save_round_trip(app: &App) {
    let times = app
        .client
        .execute_async(
            "const done = arguments[0];
             const invoke = window.__TAURI_INTERNALS__.invoke;
             (async () => {
               const [first] = await invoke('list_records', { kind: 'case-study' });
               const times = [];
               for (let i = 0; i < 300; i++) {
                 first.item.item.summary = 'Replaced a nightly batch ledger, edit ' + i;
                 const t = performance.now();
                 await invoke('update_record', { id: first.id, record: first.item });
                 times.push(performance.now() - t);
               }
               done(times);
             })().catch(e => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    let mut times: Vec<f64> = serde_json::from_value(times.clone()).unwrap_or_else(|_| panic!("saves failed: {times}"));
    times.sort_by(f64::total_cmp);
    println!(
        "save round trip (300 saves of a demo case study): p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times[times.len() - 1]
    );
}

/// Key press to character on screen while typing at a person's speed with the preview
/// open, and how soon the preview redraws after each pause.
async fn typing_with_preview(app: &App) {
    // Typing at a person's speed with the live preview open: into the edition's notes
    // (which the PDF never prints), into its target role (which the PDF prints), and
    // into a case study's context.
    app.find("[data-testid=nav-edition]").await.click().await.unwrap();
    let pages = app.find("[data-testid=preview-pages]").await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while pages.attr("data-drawn-at").await.unwrap().is_none() {
        assert!(Instant::now() < deadline, "the preview never rendered");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let pages_n = pages.attr("data-pages").await.unwrap().unwrap_or_default();
    let report = |what: &str, latency: &[f64]| {
        println!(
            "typing {} characters at 15 a second into {what}, key press to character on screen: \
             p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            latency.len(),
            percentile(latency, 0.5),
            percentile(latency, 0.99),
            latency[latency.len() - 1]
        );
    };
    report(
        "an edition's notes, preview open",
        &typing_latency(app, "[data-kind=edition] textarea[name=notes]", PROSE).await.0,
    );

    // The target role is printed under the name: each pause in typing it redraws.
    let (mut visible, mut after_pause, mut redrawn) = (vec![], vec![], vec![]);
    for i in 0..RUNS {
        let role = "[data-kind=edition] input[name=targetRole]";
        let (latency, paused) = typing_latency(app, role, [" and", " Lead", " of", " the", " Platform"][i % 5]).await;
        if i == 0 {
            report("an edition's target role (in the PDF's properties), preview open", &latency);
        }
        let (v, _, rest, n) = preview_drawn_after(app, paused).await;
        visible.push(v - paused);
        after_pause.push(v - rest);
        redrawn.push(n);
    }
    println!(
        "preview of the demo edition ({pages_n} pages, median of {RUNS}) after typing pauses in its target role (in \
         the PDF's properties, on no page): done {:.0} ms after the last key (of which 120 ms tell a pause from \
         typing), {:.0} ms after the pause; {:.0} pages drawn again",
        median(visible),
        median(after_pause),
        median(redrawn)
    );

    // The cover letter's body is on the page in view: each pause redraws it.
    app.find("[data-testid=pane-letter]").await.click().await.unwrap();
    let (mut visible, mut after_pause) = (vec![], vec![]);
    for i in 0..RUNS {
        let body = "textarea[name=body]";
        let (_, paused) = typing_latency(app, body, [" We", " ship", " weekly", " and", " calmly"][i % 5]).await;
        let (v, _, rest, _) = preview_drawn_after(app, paused).await;
        visible.push(v - paused);
        after_pause.push(v - rest);
    }
    println!(
        "preview of the demo edition's cover letter (median of {RUNS}) after typing pauses in its body: the page \
         in view redrawn {:.0} ms after the last key (of which 120 ms tell a pause from typing), {:.0} ms after the pause",
        median(visible),
        median(after_pause)
    );
    app.find("[data-testid=pane-edition]").await.click().await.unwrap();

    app.find("[data-testid=nav-case-study]").await.click().await.unwrap();
    report(
        "a case study's context",
        &typing_latency(app, "[data-kind=case-study] textarea[name=context]", PROSE).await.0,
    );
}
