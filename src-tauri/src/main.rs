// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Started under the name `folio` (the Linux packages' /usr/bin/folio runs this
    // binary so, to ship one copy of what the app and the command share), it is the
    // command line; under any other name, the app.
    let name = std::env::args_os().next();
    if name.as_deref().and_then(|n| Path::new(n).file_name()).is_some_and(|n| n == "folio") {
        return folio_cli::main();
    }
    folio_desktop::run();
    ExitCode::SUCCESS
}
