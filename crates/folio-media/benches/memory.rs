//! Memory benchmark: the peak resident memory of importing the costliest images that
//! fit the limits, and of refusing those that do not. Run with `make bench`.
//!
//! Each import runs in a child process of its own (this binary again), which reports
//! its own peak (`VmHWM`), so that one image's peak is never another's. Target: under
//! 300 MB for any file, accepted or refused.

use std::path::{Path, PathBuf};
use std::process::Command;

const CHILD: &str = "FOLIO_MEMORY_CHILD";
const TARGET_MB: f64 = 300.0;

fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse::<f64>().unwrap() / 1024.0
}

/// A one-colour GIF of `side`²: a few kilobytes that decode to `side`² RGBA pixels.
fn gif(path: &Path, side: u16) {
    let file = std::fs::File::create(path).unwrap();
    let mut encoder = gif::Encoder::new(file, side, side, &[0x1f, 0x6f, 0xeb, 255, 255, 255]).unwrap();
    let pixels = vec![0u8; usize::from(side) * usize::from(side)];
    let frame = gif::Frame::from_indexed_pixels(side, side, pixels, None);
    encoder.write_frame(&frame).unwrap();
}

/// A PNG of `width` × `height`, written row by row, with an optional colour profile.
fn png(path: &Path, width: u32, height: u32, colour: png::ColorType, depth: png::BitDepth, icc: Option<Vec<u8>>) {
    use std::io::Write;
    let file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut info = png::Info::with_size(width, height);
    info.color_type = colour;
    info.bit_depth = depth;
    info.icc_profile = icc.map(Into::into);
    let mut writer = png::Encoder::with_info(file, info).unwrap().write_header().unwrap();
    let mut stream = writer.stream_writer().unwrap();
    let samples = colour.samples() * if depth == png::BitDepth::Sixteen { 2 } else { 1 };
    let mut row = vec![0u8; width as usize * samples];
    for y in 0..height {
        // A pattern with varying alpha, so nothing is trivially opaque or flat.
        for (x, byte) in row.iter_mut().enumerate() {
            *byte = ((x as u32 ^ y) % 251) as u8;
        }
        stream.write_all(&row).unwrap();
    }
    stream.finish().unwrap();
}

/// A camera-like JPEG of `width` × `height`.
fn jpeg(path: &Path, width: u16, height: u16, progressive: bool) {
    let photo = folio_media::draw::photo(u32::from(width), u32::from(height), 7);
    let mut encoder = jpeg_encoder::Encoder::new_file(path, 90).unwrap();
    encoder.set_progressive(progressive);
    encoder.encode(photo.as_raw(), width, height, jpeg_encoder::ColorType::Rgb).unwrap();
}

fn child(path: &str) {
    let outcome = match folio_media::import_file(Path::new(path)) {
        Ok(image) => format!("kept as {}×{} {}", image.width, image.height, image.media_type.mime()),
        Err(e) => format!("refused: {e}"),
    };
    println!("{:.0}\t{outcome}", peak_mb());
}

fn main() {
    if let Ok(path) = std::env::var(CHILD) {
        return child(&path);
    }
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| -> PathBuf { dir.path().join(name) };
    use png::BitDepth::{Eight, Sixteen};
    use png::ColorType::{Grayscale, Rgb, Rgba};
    let files: Vec<(&str, PathBuf)> = vec![
        ("24 MP progressive JPEG (6000 × 4000)", {
            jpeg(&at("camera.jpg"), 6000, 4000, true);
            at("camera.jpg")
        }),
        ("48 MP baseline JPEG (8000 × 6000)", {
            jpeg(&at("camera48.jpg"), 8000, 6000, false);
            at("camera48.jpg")
        }),
        ("48 MP progressive JPEG (8000 × 6000)", {
            jpeg(&at("camera48p.jpg"), 8000, 6000, true);
            at("camera48p.jpg")
        }),
        ("GIF, 8000 × 8000, one colour", {
            gif(&at("big.gif"), 8000);
            at("big.gif")
        }),
        ("PNG, 6000 × 6000 RGB, 16 bits", {
            png(&at("deep.png"), 6000, 6000, Rgb, Sixteen, None);
            at("deep.png")
        }),
        ("PNG, 4800 × 4800 RGB, 16 bits", {
            png(&at("deep48.png"), 4800, 4800, Rgb, Sixteen, None);
            at("deep48.png")
        }),
        ("PNG, 6400 × 6400 RGBA with transparency", {
            png(&at("alpha64.png"), 6400, 6400, Rgba, Eight, None);
            at("alpha64.png")
        }),
        ("PNG, 7000 × 7000 RGBA with transparency", {
            png(&at("alpha.png"), 7000, 7000, Rgba, Eight, None);
            at("alpha.png")
        }),
        ("PNG, 9000 × 7000 grey", {
            png(&at("grey.png"), 9000, 7000, Grayscale, Eight, None);
            at("grey.png")
        }),
        ("PNG, 64 × 64, colour profile inflating to 256 MB", {
            png(&at("icc.png"), 64, 64, Rgb, Eight, Some(vec![0; 256 * 1024 * 1024]));
            at("icc.png")
        }),
    ];
    println!("Peak memory of one import, each in its own process (target: under {TARGET_MB:.0} MB)");
    let mut worst = 0.0f64;
    for (name, path) in files {
        let size = std::fs::metadata(&path).unwrap().len() as f64 / 1024.0;
        let out = Command::new(std::env::current_exe().unwrap()).env(CHILD, &path).output().unwrap();
        let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let (peak, outcome) = line.split_once('\t').unwrap_or(("?", "crashed"));
        let peak: f64 = peak.parse().unwrap_or(f64::NAN);
        worst = worst.max(peak);
        let mark = if peak < TARGET_MB { "" } else { "  OVER TARGET" };
        println!("  {name:<50} {size:>9.0} KB  peak {peak:>5.0} MB  {outcome}{mark}");
    }
    println!("  worst peak: {worst:.0} MB");
}
