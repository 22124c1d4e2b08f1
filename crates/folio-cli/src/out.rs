//! Standard output for a command that may be piped: when the reader goes away
//! (`folio list skills | head -1`, `| true`) the command has said all anyone wants,
//! and ends quietly with success, as Unix tools do, instead of panicking on the
//! broken pipe. Any other failure to write is an error on stderr.

use std::io::Write;

/// Prints a line to stdout; see the module's doc for a closed pipe.
macro_rules! outln {
    () => { $crate::out::line(format_args!("")) };
    ($($arg:tt)*) => { $crate::out::line(format_args!($($arg)*)) };
}
pub(crate) use outln;

pub(crate) fn line(args: std::fmt::Arguments<'_>) {
    let mut stdout = std::io::stdout().lock();
    let written = stdout.write_fmt(args).and_then(|()| stdout.write_all(b"\n"));
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => {
            eprintln!("error: cannot write the output: {e}");
            std::process::exit(1);
        }
    }
}
