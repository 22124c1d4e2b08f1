//! The end-to-end harness: starts the real, built Folio app on a database of the
//! test's choosing and drives it through WebDriver (tauri-driver in front of WebKitGTK's
//! WebKitWebDriver), under the X display the caller provides (`xvfb-run` in `make test`).
//!
//! Nothing is mocked: the app binary is the one `make run` starts, the database a real
//! SQLite file. Missing pieces fail the test with the command that installs them.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

/// How long to wait for the app to show something before failing.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The workspace's target folder, honouring `CARGO_TARGET_DIR`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
}

/// The built desktop app (`cargo build -p folio-desktop`), or `FOLIO_APP` if set.
pub fn app_binary() -> PathBuf {
    let path =
        std::env::var_os("FOLIO_APP").map(PathBuf::from).unwrap_or_else(|| target_dir().join("debug/folio-desktop"));
    assert!(path.is_file(), "{} is missing: run `cargo build -p folio-desktop` (make test does)", path.display());
    path
}

fn tauri_driver() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    let candidates = [home.join(".cargo/bin/tauri-driver"), PathBuf::from("/usr/local/bin/tauri-driver")];
    candidates.into_iter().find(|p| p.is_file()).unwrap_or_else(|| PathBuf::from("tauri-driver"))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Where screenshots go: `target/e2e-screenshots/`, for people to look at.
pub fn screenshot_dir() -> PathBuf {
    let dir = target_dir().join("e2e-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Waits for the window titled `title` (the app's, or a native GTK dialog, which
/// WebDriver cannot reach), gives it the keyboard focus and returns its X id. A window
/// just found may still be mapping; then focusing fails and the search runs again. With
/// several (the window of a test before, still closing), the newest: it is mapped last,
/// so it is last in the stacking order xdotool lists.
fn focus_window(title: &str) -> String {
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", &format!("^{}$", regex_escaped(title))])
            .output()
            .expect("xdotool is installed (make test installs it)");
        if let Some(window) = String::from_utf8_lossy(&found.stdout).lines().last() {
            // Let GTK finish laying the dialog out and focusing its entry.
            std::thread::sleep(Duration::from_millis(500));
            let focused = Command::new("xdotool").args(["windowfocus", "--sync", window]).output().unwrap();
            if focused.status.success() {
                return window.to_string();
            }
        }
        assert!(std::time::Instant::now() < deadline, "the window \"{title}\" did not appear");
        std::thread::sleep(Duration::from_millis(150));
    }
}

/// `text` as a regular expression matching just it (xdotool matches names by regex).
fn regex_escaped(text: &str) -> String {
    text.chars().flat_map(|c| if r"\.^$|?*+()[]{}".contains(c) { vec!['\\', c] } else { vec![c] }).collect()
}

fn xdotool(args: &[&str]) {
    let done = Command::new("xdotool").args(args).status().unwrap();
    assert!(done.success(), "xdotool {args:?} failed");
}

/// Answers the native file dialog titled `title` once it appears: types `path` into it
/// if given, then presses Enter — which accepts the suggested name and folder when
/// nothing is typed.
pub fn answer_dialog(title: &str, path: Option<&str>) {
    focus_window(title);
    if let Some(path) = path {
        // Ctrl+L opens GTK's location entry; the whole path goes into it.
        xdotool(&["key", "ctrl+l"]);
        std::thread::sleep(Duration::from_millis(400));
        xdotool(&["type", "--delay", "30", path]);
        std::thread::sleep(Duration::from_millis(600));
    }
    xdotool(&["key", "Return"]);
}

/// The real mouse, as a user moves it: to (`x`, `y`) in the window titled `title`
/// (CSS pixels, the page fills the window), then `clicks` presses of `button` (1 left,
/// 4 wheel up, 5 wheel down), a human's 40 ms apart.
pub fn pointer(title: &str, x: f64, y: f64, button: u8, clicks: u32) {
    let window = focus_window(title);
    xdotool(&["mousemove", "--window", &window, "--sync", &format!("{}", x as i64), &format!("{}", y as i64)]);
    xdotool(&["click", "--repeat", &clicks.to_string(), "--delay", "40", &button.to_string()]);
}

/// Resizes the window titled `title` to `width` × `height` pixels, as a user dragging
/// its corner would (the app may refuse to go below its minimum size).
pub fn resize_window(title: &str, width: u32, height: u32) {
    let window = focus_window(title);
    xdotool(&["windowsize", &window, &width.to_string(), &height.to_string()]);
}

/// Types `text` into the window titled `title` as a person does, `per_second` keys a
/// second on the real keyboard (XTest), wherever its focus is. Returns when each key
/// reached the X server, in milliseconds since the epoch (the clock of
/// `performance.timeOrigin`), to measure what the page did with it.
pub fn type_like_a_person(title: &str, text: &str, per_second: f64) -> Vec<f64> {
    focus_window(title);
    let interval = Duration::from_secs_f64(1.0 / per_second);
    let start = std::time::Instant::now();
    let mut sent = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        if let Some(wait) = (interval * i as u32).checked_sub(start.elapsed()) {
            std::thread::sleep(wait);
        }
        xdotool(&["type", "--delay", "0", "--", &c.to_string()]);
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
        sent.push(now.as_secs_f64() * 1000.0);
    }
    sent
}

/// Closes the native message dialog titled `title` with Escape: its cancel answer.
pub fn cancel_dialog(title: &str) {
    focus_window(title);
    xdotool(&["key", "Escape"]);
}

/// A running Folio window.
#[derive(Debug)]
pub struct App {
    pub client: Client,
    driver: Child,
}

impl App {
    /// Starts Folio on the database at `db` (through `FOLIO_DB`).
    pub async fn launch(db: &Path) -> App {
        App::launch_with(db, &[]).await
    }

    /// Starts Folio on `db` with extra environment (`HOME`, `GTK_THEME`…).
    pub async fn launch_with(db: &Path, env: &[(&str, &str)]) -> App {
        App::launch_binary(&app_binary(), db, env).await
    }

    /// Starts the Tauri app at `binary` (Folio, or the bare window of the benchmark).
    pub async fn launch_binary(binary: &Path, db: &Path, env: &[(&str, &str)]) -> App {
        let mut driver = Command::new(tauri_driver());
        driver.env("FOLIO_DB", db);
        App::start(binary, driver, env).await
    }

    /// Starts the Tauri app at `binary` on its default database, as a user who never
    /// set `FOLIO_DB` would (with `HOME` in `env`, a new user's).
    pub async fn launch_as_installed(binary: &Path, env: &[(&str, &str)]) -> App {
        let mut driver = Command::new(tauri_driver());
        driver.env_remove("FOLIO_DB").env_remove("XDG_DATA_HOME");
        App::start(binary, driver, env).await
    }

    async fn start(binary: &Path, mut driver: Command, env: &[(&str, &str)]) -> App {
        assert!(std::env::var_os("DISPLAY").is_some(), "no X display: run under xvfb-run (make test does)");
        let (port, native_port) = (free_port(), free_port());
        let driver = driver
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver is installed (cargo install tauri-driver --locked; make test does)");

        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert("tauri:options".into(), serde_json::json!({ "application": binary.to_string_lossy() }));
        let url = format!("http://127.0.0.1:{port}");
        let deadline = tokio::time::Instant::now() + PATIENCE;
        let client = loop {
            match ClientBuilder::rustls().expect("TLS roots").capabilities(caps.clone()).connect(&url).await {
                Ok(client) => break client,
                Err(e) if tokio::time::Instant::now() > deadline => {
                    panic!("could not start Folio via tauri-driver: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(150)).await,
            }
        };
        App { client, driver }
    }

    /// Waits for the first element matching `css`.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("nothing matched {css:?} within {PATIENCE:?}: {e}"))
    }

    /// Runs `script` (an expression) in the page and returns its JSON value.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client.execute(&format!("return {script}"), vec![]).await.unwrap()
    }

    /// Waits until `script` (an expression) is true in the page; `what` says what is
    /// awaited when it never is.
    pub async fn wait_until(&self, script: &str, what: &str) {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        while self.eval(script).await != serde_json::Value::Bool(true) {
            assert!(tokio::time::Instant::now() < deadline, "{what}: `{script}` still false after {PATIENCE:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until `css` matches an element whose text is `text`.
    pub async fn find_text(&self, css: &str, text: &str) -> Element {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            for element in self.client.find_all(Locator::Css(css)).await.unwrap() {
                if element.text().await.is_ok_and(|t| t.trim() == text) {
                    return element;
                }
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "no {css:?} read {text:?} within {PATIENCE:?}; saw {:?}",
                self.texts(css).await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `check` holds for the texts of every element matching `css`.
    pub async fn wait_texts(&self, css: &str, what: &str, check: impl Fn(&[String]) -> bool) -> Vec<String> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let texts = self.texts(css).await;
            if check(&texts) {
                return texts;
            }
            assert!(tokio::time::Instant::now() < deadline, "{what}: {css:?} still reads {texts:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the save indicator says everything is saved.
    pub async fn saved(&self) {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let state = self.find("[data-testid=save-state]").await.attr("data-state").await.unwrap();
            if state.as_deref() == Some("saved") {
                return;
            }
            assert!(tokio::time::Instant::now() < deadline, "edits were not saved: the indicator says {state:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Replaces the text of the field matching `css` with `text`, as typed keys.
    pub async fn type_into(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// The value of the form field matching `css`.
    pub async fn value(&self, css: &str) -> String {
        self.find(css).await.prop("value").await.unwrap().unwrap_or_default()
    }

    /// The text of every element matching `css`, in document order. A list that changes
    /// while it is read (an element gone stale) is read again.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        'again: loop {
            let mut out = Vec::new();
            for element in self.client.find_all(Locator::Css(css)).await.unwrap() {
                match element.text().await {
                    Ok(text) => out.push(text),
                    Err(e) if e.to_string().contains("stale") || e.to_string().contains("not found") => {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue 'again;
                    }
                    Err(e) => panic!("could not read {css:?}: {e}"),
                }
            }
            return out;
        }
    }

    /// Saves a screenshot of the window as `target/e2e-screenshots/{name}.png`, after
    /// two animation frames so that the last DOM change is painted.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        self.client
            .execute_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                vec![],
            )
            .await
            .unwrap();
        // Folio draws without GPU compositing, and WebKit then takes a screenshot at its
        // next repaint: an unchanging page would never give one. An imperceptible change
        // (opacity 0.9999) every few frames makes sure it comes.
        self.client
            .execute(
                "window.__folioNudge = setInterval(() => { const s = document.body.style; \
                 s.opacity = s.opacity ? '' : '0.9999'; }, 50);",
                vec![],
            )
            .await
            .unwrap();
        let png = self.client.screenshot().await.unwrap();
        self.client
            .execute("clearInterval(window.__folioNudge); document.body.style.opacity = '';", vec![])
            .await
            .unwrap();
        let path = screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }

    /// Quits the way a user does, with Ctrl+Q pressed in `focus`: that goes through the
    /// same close request as the window's close button, so the app waits for its saves
    /// still pending before it exits. Returns once the window is gone.
    ///
    /// (`close` below is WebDriver's Close Window, which destroys the web view without
    /// asking the app: fine after `saved`, but not how a user leaves.)
    pub async fn quit(self, focus: &Element) {
        // The app may be gone before WebDriver hears the keys were handled, so an error
        // here says nothing; the window staying open does.
        let _ = focus.send_keys(&format!("{}q", fantoccini::key::Key::Control)).await;
        let deadline = tokio::time::Instant::now() + PATIENCE;
        while self.client.title().await.is_ok() {
            assert!(tokio::time::Instant::now() < deadline, "the window was still open {PATIENCE:?} after Ctrl+Q");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.close().await;
    }

    /// Closes the window through WebDriver and stops the driver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        self.stop_driver();
    }

    /// Stops tauri-driver (SIGTERM, so that it stops its WebKitWebDriver child too) if it
    /// still runs.
    fn stop_driver(&mut self) {
        if let Ok(None) = self.driver.try_wait() {
            let _ = Command::new("kill").args(["-TERM", &self.driver.id().to_string()]).status();
            let _ = self.driver.wait();
        }
    }
}

/// A test that fails part-way still stops its driver: a driver left running would hold
/// its port and the window, and the next test would meet them.
impl Drop for App {
    fn drop(&mut self) {
        self.stop_driver();
    }
}
