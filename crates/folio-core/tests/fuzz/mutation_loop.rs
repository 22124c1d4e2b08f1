//! The time-bounded mutation loop: seeds mutated a few changes at a time, for as long
//! as `FOLIO_FUZZ_SECONDS` says (10 s by default, so that `make test` runs it too).
//! An input that breaks a rule is written to `target/fuzz-found/` and fails the test.

use std::time::{Duration, Instant};

use crate::inputs::{image_seeds, json_seeds, mutate_bytes, mutate_json, Rng};
use crate::Subject;

fn seconds() -> u64 {
    std::env::var("FOLIO_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(10)
}

fn keep(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz-found");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn mutated_seed_files_never_break_a_rule() {
    let deadline = Instant::now() + Duration::from_secs(seconds());
    let seed = std::env::var("FOLIO_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_f011_u64);
    let mut rng = Rng::new(seed);
    let subject = Subject::demo();
    let (json, images) = (json_seeds(), image_seeds());
    let (mut rounds, mut imported, mut failures) = (0u64, 0u64, Vec::new());
    while Instant::now() < deadline {
        rounds += 1;
        let (name, input) = if rng.below(4) == 0 {
            let mut bytes = images[rng.below(images.len())].clone();
            for _ in 0..1 + rng.below(4) {
                mutate_bytes(&mut bytes, &mut rng);
            }
            let result = std::panic::catch_unwind(|| folio_media::import(&bytes));
            if result.is_err() {
                failures.push(format!(
                    "image pipeline panicked: {}",
                    keep(&format!("image-{rounds}.bin"), &bytes).display()
                ));
            }
            continue;
        } else {
            let seed = &json[rng.below(json.len())];
            let mut bytes = match serde_json::from_slice::<serde_json::Value>(seed) {
                Ok(mut doc) if rng.below(5) != 0 => {
                    for _ in 0..1 + rng.below(3) {
                        mutate_json(&mut doc, &mut rng);
                    }
                    doc.to_string().into_bytes()
                }
                _ => seed.clone(),
            };
            if rng.below(5) == 0 {
                mutate_bytes(&mut bytes, &mut rng);
            }
            (format!("import-{rounds}.json"), bytes)
        };
        match subject.import(&input) {
            Ok(crate::Outcome::Imported) => imported += 1,
            Ok(crate::Outcome::Refused(_)) => {}
            Err(why) => failures.push(format!("{why}: {}", keep(&name, &input).display())),
        }
    }
    println!(
        "mutation loop: {rounds} inputs in {} s (seed {seed}), {imported} imported, {} broke a rule",
        seconds(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
