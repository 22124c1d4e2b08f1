//! Files Folio writes and reads for the user: whole or not at all, with ordinary
//! permissions, through links, never read past their limit, and a full disk said so.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use folio_core::{ExportRequest, FileFormat};

use crate::open;
use folio_model::ErrorCode;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn exported_files_are_readable_like_any_file_the_user_saves() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let pdf = dir.path().join("cv.pdf");
    folio.export(&pdf, &ExportRequest::default()).unwrap();
    let json = dir.path().join("backup.json");
    folio.export_file(&json, FileFormat::Folio, None).unwrap();
    // As the umask leaves 0666: what any program gives a new file.
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let umask = status.lines().find_map(|l| l.strip_prefix("Umask:")).unwrap().trim();
    let expected = 0o666 & !u32::from_str_radix(umask, 8).unwrap();
    for path in [&pdf, &json] {
        assert_eq!(mode(path), expected, "{} is {:o}", path.display(), mode(path));
    }
    // A file replaced keeps its own permissions.
    std::fs::set_permissions(&pdf, std::fs::Permissions::from_mode(0o600)).unwrap();
    folio.export(&pdf, &ExportRequest::default()).unwrap();
    assert_eq!(mode(&pdf), 0o600, "a private file stays private");
}

#[test]
fn a_pdf_written_onto_a_link_replaces_the_file_it_points_to_and_keeps_the_link() {
    let (folio, dir) = open();
    folio.load_demo(false).unwrap();
    let target = dir.path().join("applications").join("acme.pdf");
    std::fs::create_dir(target.parent().unwrap()).unwrap();
    std::fs::write(&target, b"old").unwrap();
    let link = dir.path().join("latest.pdf");
    std::os::unix::fs::symlink(&target, &link).unwrap();

    folio.export(&link, &ExportRequest::default()).unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    assert!(std::fs::read(&target).unwrap().starts_with(b"%PDF-"), "the file it points to is the new PDF");

    let dangling = dir.path().join("dangling.pdf");
    std::os::unix::fs::symlink(dir.path().join("nowhere/cv.pdf"), &dangling).unwrap();
    let err = folio.export(&dangling, &ExportRequest::default()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io);
    assert!(err.to_string().contains("is a link to a file that does not exist"), "{err}");
}

#[test]
fn endless_files_are_refused_after_their_limit_not_read_until_memory_runs_out() {
    let (folio, _dir) = open();
    folio.load_demo(false).unwrap();
    let before = folio.export_bytes(FileFormat::Folio, None).unwrap();
    let err = folio.import_file(Path::new("/dev/zero"), None, true).unwrap_err();
    assert_eq!(err.code(), ErrorCode::ImportTooLarge, "{err}");
    assert!(err.to_string().contains("larger than 32 MB"), "{err}");
    let err = folio.import_image_file(Path::new("/dev/urandom")).unwrap_err();
    assert_eq!(err.code(), ErrorCode::ImageTooLarge, "{err}");
    let err = folio_core::read_text_file(Path::new("/dev/zero"), "posting", 1_000).unwrap_err();
    assert_eq!(err.field(), Some("posting"), "{err}");
    assert_eq!(folio.export_bytes(FileFormat::Folio, None).unwrap(), before, "nothing changed");
}

#[test]
fn a_failed_read_keeps_the_system_reason_as_its_source() {
    let (folio, dir) = open();
    // (A folder is no longer a failed read: it is how LinkedIn's export unpacks.)
    let err = folio.import_file(&dir.path().join("resume.json"), None, false).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io, "{err}");
    let source = std::error::Error::source(&err).and_then(|s| s.downcast_ref::<std::io::Error>());
    assert_eq!(source.map(std::io::Error::kind), Some(std::io::ErrorKind::NotFound), "{err}");
    assert!(err.to_string().starts_with("cannot read "), "{err}");
}
