//! Files Folio writes and reads for the user, done the way a careful desktop app does:
//! a written file appears whole or not at all, survives a power cut once Folio says it
//! is saved, and gets the permissions any file the user saves gets; a read never takes
//! more than its limit, whatever the file claims to be.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed into
/// place, then makes the rename durable. A failure leaves any earlier file as it was.
///
/// The file is readable as the user's umask allows (like a file saved from any
/// editor), not private. A symbolic link at `path` is followed: the file it points to
/// is replaced and the link stays, as a user who made the link expects.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let path = &resolve_link(path)?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::path(format!("the folder {} does not exist", dir.display())));
    }
    if path.is_dir() {
        return Err(Error::path(format!("{} is a folder; give a file name", path.display())));
    }
    let io = |e: std::io::Error| Error::io("write", path, e);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".folio-export-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A file replaced keeps its permissions (a private one stays private); a new
        // one gets what the umask leaves of 0666, as any new file does.
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut file = builder.tempfile_in(dir).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.as_file().sync_all().map_err(io)?;
    file.persist(path).map_err(|e| io(e.error))?;
    sync_folder(dir).map_err(io)
}

/// Where a write to `path` lands: the target of a symbolic link, or `path` itself.
fn resolve_link(path: &Path) -> Result<PathBuf> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path).map_err(|_| {
            Error::path(format!("{} is a link to a file that does not exist; choose another name", path.display()))
        }),
        _ => Ok(path.to_path_buf()),
    }
}

/// Makes a rename in `dir` durable (on Unix a folder is synced like a file; elsewhere
/// the rename is durable when it returns).
/// Some file systems (network and FUSE mounts) cannot sync a folder: the file is
/// written all the same, so that is not an error.
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    match std::fs::File::open(dir)?.sync_all() {
        Err(e) if matches!(e.kind(), std::io::ErrorKind::InvalidInput | std::io::ErrorKind::Unsupported) => {}
        other => other?,
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Reads at most `max_bytes` of `path`, refusing a longer file — counted as it is read,
/// since devices and pipes claim to be empty.
fn read_limited(path: &Path, what: &str, max_bytes: u64, too_large: impl Fn() -> Error) -> Result<Vec<u8>> {
    let unreadable = |e: std::io::Error| Error::io(&format!("read the {what}"), path, e);
    let file = std::fs::File::open(path).map_err(unreadable)?;
    if file.metadata().map_err(unreadable)?.len() > max_bytes {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(max_bytes + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large());
    }
    Ok(bytes)
}

/// A text file the user names (a job posting): UTF-8, at most `max_chars` characters.
pub fn read_text_file(path: &Path, field: &str, max_chars: usize) -> Result<String> {
    // A character is at most four bytes.
    let max_bytes = 4 * max_chars as u64;
    let too_large = || Error::invalid(field, format!("{} is longer than {max_chars} characters", path.display()));
    let bytes = read_limited(path, field, max_bytes, too_large)?;
    let text =
        String::from_utf8(bytes).map_err(|_| Error::invalid(field, format!("{} is not UTF-8 text", path.display())))?;
    if text.chars().count() > max_chars {
        return Err(too_large());
    }
    Ok(text)
}
