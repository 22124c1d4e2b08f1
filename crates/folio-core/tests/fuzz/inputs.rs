//! Seeds and mutations: the files a user might bring, and the ways they go wrong.

use std::path::Path;

use folio_core::FileFormat;
use serde_json::Value;

/// Strings that have broken text handling somewhere, once: bytes and characters of
/// every width, dates that do not parse, links that must not become links.
pub const TRICKY: &[&str] = &[
    "",
    " ",
    "\u{a0}Acme Payments",
    "ledger of\u{a0}Acme",
    "2021-13",
    "May 2019",
    "0000-00",
    "#a€12",
    "[x](javascript:alert(1))",
    "<file:///etc/passwd>",
    "[ref][1]\n\n[1]: data:text/html,hi",
    "https://evil.example/payload",
    "/etc/passwd",
    "שלום עולם",
    "مرحبا بالعالم",
    "👩🏽‍💻🚀 ✅",
    "e\u{301}\u{301}\u{301}",
    "\u{0}\u{1}\u{7f}",
    "a\u{2028}b\u{2029}c",
    "**bold *nested _deep_***",
    "- a\n  - b\n    - c\n      1. d",
    "averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutanybreakopportunity",
];

/// The seeds: the demo as a backup, and every JSON Resume example of the schema.
pub fn json_seeds() -> Vec<Vec<u8>> {
    let subject = crate::Subject::demo();
    let mut seeds = vec![subject.before.clone()];
    seeds.push(subject.folio.export_bytes(FileFormat::JsonResume, None).unwrap());
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/jsonresume-schema");
    seeds.push(std::fs::read(fixtures.join("sample.resume.json")).unwrap());
    for entry in std::fs::read_dir(fixtures.join("examples")).unwrap() {
        seeds.push(std::fs::read(entry.unwrap().path()).unwrap());
    }
    seeds
}

/// Small images of every format Folio takes.
pub fn image_seeds() -> Vec<Vec<u8>> {
    use folio_media::draw;
    let photo = draw::photo(48, 32, 3);
    let mut webp = Vec::new();
    image::DynamicImage::ImageRgb8(photo.clone())
        .write_to(&mut std::io::Cursor::new(&mut webp), image::ImageFormat::WebP)
        .unwrap();
    let mut gif = Vec::new();
    image::DynamicImage::ImageRgb8(photo.clone())
        .write_to(&mut std::io::Cursor::new(&mut gif), image::ImageFormat::Gif)
        .unwrap();
    vec![
        draw::jpeg(&photo, 80),
        draw::png_rgb(draw::diagram(40, 30, [31, 111, 235])),
        draw::png(&image::DynamicImage::ImageRgba8(draw::screenshot(40, 30))),
        webp,
        gif,
    ]
}

/// A small, fast, seeded generator: the mutation loop needs no more.
#[derive(Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One byte-level change: flip, overwrite, insert, delete, duplicate or truncate.
pub fn mutate_bytes(bytes: &mut Vec<u8>, rng: &mut Rng) {
    let len = bytes.len();
    let at = rng.below(len + 1);
    match rng.below(6) {
        0 if len > 0 => bytes[at.min(len - 1)] ^= 1 << rng.below(8),
        1 if len > 0 => bytes[at.min(len - 1)] = rng.next() as u8,
        2 => {
            let insert: Vec<u8> = (0..1 + rng.below(16)).map(|_| rng.next() as u8).collect();
            bytes.splice(at..at, insert);
        }
        3 => {
            let end = (at + 1 + rng.below(64)).min(len);
            bytes.drain(at.min(end)..end);
        }
        4 if len > 0 => {
            let end = (at + 1 + rng.below(256)).min(len);
            let copy = bytes[at.min(end)..end].to_vec();
            bytes.splice(at..at, copy);
        }
        _ => bytes.truncate(at),
    }
}

/// A value a field might hold instead of what it should.
pub fn odd_value(rng: &mut Rng) -> Value {
    match rng.below(9) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => serde_json::json!([-1, 0, 1e308, 9_007_199_254_740_993u64, -0.0])[rng.below(5)].clone(),
        3..=5 => Value::String(TRICKY[rng.below(TRICKY.len())].to_string()),
        6 => Value::String("x".repeat(1 + rng.below(300_000))),
        7 => Value::Array(vec![Value::String(TRICKY[rng.below(TRICKY.len())].into()); 1 + rng.below(3)]),
        _ => serde_json::json!({}),
    }
}

fn count(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(map) => map.values().map(count).sum(),
        _ => 0,
    }
}

/// The `n`th node of `value` in document order.
fn nth(value: &mut Value, mut n: usize) -> Option<&mut Value> {
    fn walk<'a>(value: &'a mut Value, n: &mut usize) -> Option<&'a mut Value> {
        if *n == 0 {
            return Some(value);
        }
        *n -= 1;
        match value {
            Value::Array(items) => items.iter_mut().find_map(|v| walk(v, n)),
            Value::Object(map) => map.values_mut().find_map(|v| walk(v, n)),
            _ => None,
        }
    }
    walk(value, &mut n)
}

/// One change to a JSON document: a value replaced by an odd one, an entry dropped
/// or repeated, or a string made tricky.
pub fn mutate_json(doc: &mut Value, rng: &mut Rng) {
    let n = rng.below(count(doc));
    let Some(node) = nth(doc, n) else { return };
    match (rng.below(4), node) {
        (0, Value::Object(map)) if !map.is_empty() => {
            let key = map.keys().nth(rng.below(map.len())).cloned().unwrap_or_default();
            map.remove(&key);
        }
        (1, Value::Array(items)) if !items.is_empty() => {
            let copy = items[rng.below(items.len())].clone();
            items.push(copy);
        }
        (2, Value::String(text)) => {
            let at = text.char_indices().map(|(i, _)| i).nth(rng.below(text.chars().count() + 1)).unwrap_or(text.len());
            text.insert_str(at, TRICKY[rng.below(TRICKY.len())]);
        }
        (_, node) => *node = odd_value(rng),
    }
}
