//! The installed package, tried as a new user would: run by `make install-test` after
//! `apt-get install ./folio_…deb`, against `/usr/bin/folio-desktop` and `/usr/bin/folio`
//! (never by a plain `cargo test`: `test = false` in Cargo.toml). `FOLIO_INSTALL_HOME`
//! names the new user's home folder, which the script checks again after upgrading and
//! removing the package.

use std::path::{Path, PathBuf};
use std::process::Command;

use folio_core::Folio;
use folio_e2e::App;
use folio_model::CaseStudy;

const APP: &str = "/usr/bin/folio-desktop";
const CLI: &str = "/usr/bin/folio";

fn home() -> PathBuf {
    let home = std::env::var_os("FOLIO_INSTALL_HOME").map(PathBuf::from).expect("FOLIO_INSTALL_HOME is set");
    assert!(home.is_dir(), "{} is a folder", home.display());
    home
}

/// Runs the installed `folio` as the new user, on its default database.
fn folio(home: &Path, args: &[&str]) -> String {
    let out = Command::new(CLI)
        .args(args)
        .env("HOME", home)
        .env_remove("FOLIO_DB")
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("the package installs /usr/bin/folio");
    assert!(out.status.success(), "folio {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_installed_app_welcomes_a_new_user_then_shows_what_the_installed_cli_loaded() {
    let home = home();
    let home_str = home.to_str().unwrap();
    let database = home.join(".local/share/folio/folio.db");
    let env = [("HOME", home_str)];

    let app = App::launch_as_installed(Path::new(APP), &env).await;
    assert_eq!(app.client.title().await.unwrap(), "Folio");
    app.find("[data-testid=start-example]").await;
    app.screenshot("installed-welcome").await;
    app.close().await;
    assert!(database.is_file(), "the app keeps its data in {}", database.display());

    let loaded = folio(&home, &["demo"]);
    assert!(loaded.contains(&database.display().to_string()), "the CLI uses the app's database: {loaded}");

    let app = App::launch_as_installed(Path::new(APP), &env).await;
    let shown = app.wait_texts("[data-testid=record-title]", "the demo's case studies", |t| !t.is_empty()).await;
    app.find("[data-testid=open-about]").await.click().await.unwrap();
    app.wait_until(
        &format!(
            "document.querySelector('[data-testid=about-version]').textContent === {:?}",
            env!("CARGO_PKG_VERSION")
        ),
        "About Folio names this version",
    )
    .await;
    let shown_database = app.find("[data-testid=about-database]").await.text().await.unwrap();
    app.screenshot("installed-about").await;
    app.close().await;

    assert_eq!(shown_database, database.display().to_string(), "About Folio names the data file");
    let stored: Vec<_> =
        Folio::open(&database).unwrap().list::<CaseStudy>().unwrap().into_iter().map(|c| c.item.title).collect();
    assert_eq!(shown, stored, "the installed app shows what the installed CLI loaded");
}
