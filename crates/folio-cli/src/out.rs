//! Standard output for a command that may be piped: when the reader goes away
//! (`folio list skills | head -1`, `| true`) the rest of the output is dropped and the
//! command ends as it would have — with its own exit status, as Unix tools do —
//! instead of panicking on the broken pipe. Any other failure to write is an error on
//! stderr.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once the reader has gone: nothing more is written.
static READER_GONE: AtomicBool = AtomicBool::new(false);

/// Prints a line to stdout; see the module's doc for a closed pipe.
macro_rules! outln {
    () => { $crate::out::line(format_args!("")) };
    ($($arg:tt)*) => { $crate::out::line(format_args!($($arg)*)) };
}
pub(crate) use outln;

pub(crate) fn line(args: std::fmt::Arguments<'_>) {
    if READER_GONE.load(Ordering::Relaxed) {
        return;
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_fmt(args).and_then(|()| stdout.write_all(b"\n")) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => READER_GONE.store(true, Ordering::Relaxed),
        Err(e) => {
            eprintln!("error: cannot write the output: {e}");
            std::process::exit(1);
        }
    }
}
