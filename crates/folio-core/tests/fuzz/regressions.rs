//! Every input that once broke Folio, replayed: each must now be imported and used
//! without a panic, or refused with its path.

use std::path::Path;

use crate::{Outcome, Subject};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/regressions").join(name)).unwrap()
}

#[test]
fn inputs_that_once_broke_folio_are_handled() {
    let subject = Subject::demo();
    let expected = [
        // Crashed the edition's PDF and JSON Resume: a byte index off by the width of a
        // no-break space.
        ("backup-no-break-space-before-a-redacted-name.json", Outcome::Imported),
        // Crashed `exports show --pdf`: a colour sliced inside a multi-byte character.
        ("backup-snapshot-accent-not-hex.json", Outcome::Refused("import_malformed".into())),
        // Would have put a javascript: link action into the PDF made again from it; the
        // link is now left out (and reported), its words kept.
        ("backup-snapshot-links-to-javascript.json", Outcome::Imported),
        // Would have handed a URL to the system's opener from *Open*.
        ("backup-export-path-is-a-url.json", Outcome::Refused("import_malformed".into())),
        // Became PDF link actions to javascript:, file: and data: addresses.
        ("resume-links-to-javascript-and-files.json", Outcome::Imported),
    ];
    for (name, outcome) in expected {
        assert_eq!(subject.import(&fixture(name)), Ok(outcome), "{name}");
    }
}
