//! Pictures Folio draws itself: the demo portfolio's images, and test and benchmark
//! inputs. Deterministic, so the same call gives the same pixels.

use image::{Rgb, RgbImage, Rgba, RgbaImage};

/// A photograph-like picture: soft light over a scene, with sensor noise, so that it
/// compresses like a photo and nothing like a diagram.
pub fn photo(width: u32, height: u32, seed: u32) -> RgbImage {
    let mut noise = Noise(seed.wrapping_mul(2_654_435_761).max(1));
    let (w, h) = (width as f32, height as f32);
    RgbImage::from_fn(width, height, |x, y| {
        let (u, v) = (x as f32 / w, y as f32 / h);
        // A warm window light from the upper left, a desk in the lower third.
        let light = 1.0 - ((u - 0.2).powi(2) + (v - 0.15).powi(2)).sqrt() * 0.9;
        let desk = if v > 0.68 { 0.55 } else { 1.0 };
        let n = noise.next() * 18.0 - 9.0;
        let channel = |base: f32, tint: f32| (base * light * desk + tint * u + n).clamp(0.0, 255.0) as u8;
        Rgb([channel(205.0, 20.0), channel(180.0, 30.0), channel(150.0, 60.0)])
    })
}

/// A head-and-shoulders portrait, softly lit, as a profile photo: a silhouette
/// against a blurred background, with a photograph's grain.
pub fn portrait(size: u32, seed: u32) -> RgbImage {
    let mut noise = Noise(seed.wrapping_mul(2_246_822_519).max(1));
    let s = size as f32;
    RgbImage::from_fn(size, size, |x, y| {
        let (u, v) = (x as f32 / s, y as f32 / s);
        let head = ((u - 0.5) / 0.17).powi(2) + ((v - 0.40) / 0.21).powi(2) < 1.0;
        let shoulders = ((u - 0.5) / 0.40).powi(2) + ((v - 1.02) / 0.36).powi(2) < 1.0;
        let n = noise.next() * 10.0 - 5.0;
        let light = 1.0 - (u - 0.25).abs() * 0.35;
        let (r, g, b) = if head {
            (214.0, 170.0, 140.0)
        } else if shoulders {
            (48.0, 72.0, 104.0)
        } else {
            (150.0 + 60.0 * v, 185.0 + 30.0 * v, 190.0 + 20.0 * u)
        };
        let c = |base: f32| (base * light + n).clamp(0.0, 255.0) as u8;
        Rgb([c(r), c(g), c(b)])
    })
}

/// An architecture diagram: services as boxes joined by arrows on a white ground,
/// all flat colour with sharp edges — what a diagram tool exports.
pub fn diagram(width: u32, height: u32, accent: [u8; 3]) -> RgbImage {
    let mut img = RgbImage::from_pixel(width, height, Rgb([255, 255, 255]));
    let (w, h) = (width as i64, height as i64);
    let boxes = [(0.06, 0.38), (0.38, 0.12), (0.38, 0.62), (0.72, 0.38)];
    let (bw, bh) = ((w as f64 * 0.22) as i64, (h as f64 * 0.24) as i64);
    let rects: Vec<(i64, i64)> = boxes.iter().map(|(x, y)| ((x * w as f64) as i64, (y * h as f64) as i64)).collect();
    let ink = Rgb([55, 65, 81]);
    let thick = (width / 300).max(2) as i64;
    // Arrows: from the first box to the middle two, from those to the last.
    for (a, b) in [(0, 1), (0, 2), (1, 3), (2, 3)] {
        let (ax, ay) = (rects[a].0 + bw, rects[a].1 + bh / 2);
        let (bx, by) = (rects[b].0, rects[b].1 + bh / 2);
        let mid = (ax + bx) / 2;
        fill(&mut img, ax, ay - thick / 2, mid - ax, thick, ink);
        fill(&mut img, mid - thick / 2, ay.min(by), thick, (ay - by).abs() + thick, ink);
        fill(&mut img, mid, by - thick / 2, bx - mid, thick, ink);
        for i in 0..thick * 4 {
            fill(&mut img, bx - i, by - i / 2, 1, i + 1, ink);
        }
    }
    for (i, &(x, y)) in rects.iter().enumerate() {
        let colour = if i == 0 || i == 3 { Rgb(accent) } else { Rgb([243, 244, 246]) };
        fill(&mut img, x, y, bw, bh, ink);
        fill(&mut img, x + thick, y + thick, bw - 2 * thick, bh - 2 * thick, colour);
        // Three "lines of text" in each box.
        for line in 0..3 {
            let ly = y + bh / 4 + line * bh / 5;
            let text = if i == 0 || i == 3 { Rgb([255, 255, 255]) } else { ink };
            fill(&mut img, x + bw / 6, ly, bw * (3 - line % 2) / 5, thick.max(3), text);
        }
    }
    img
}

/// A screenshot-like picture with a transparent margin (as a window capture has).
pub fn screenshot(width: u32, height: u32) -> RgbaImage {
    let mut img = RgbaImage::from_pixel(width, height, Rgba([0, 0, 0, 0]));
    let inset = (width / 20).max(4);
    let body = diagram(width - 2 * inset, height - 2 * inset, [37, 99, 235]);
    for (x, y, p) in body.enumerate_pixels() {
        img.put_pixel(x + inset, y + inset, Rgba([p.0[0], p.0[1], p.0[2], 255]));
    }
    img
}

fn fill(img: &mut RgbImage, x: i64, y: i64, w: i64, h: i64, colour: Rgb<u8>) {
    let (width, height) = (img.width() as i64, img.height() as i64);
    for py in y.max(0)..(y + h).min(height) {
        for px in x.max(0)..(x + w).min(width) {
            img.put_pixel(px as u32, py as u32, colour);
        }
    }
}

/// xorshift32: cheap, deterministic noise in [0, 1).
struct Noise(u32);

impl Noise {
    fn next(&mut self) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        (self.0 >> 8) as f32 / (1u32 << 24) as f32
    }
}

/// Encodes a picture as a JPEG file, as a camera would (no metadata).
pub fn jpeg(img: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(img)
        .expect("encoding to memory cannot fail");
    out
}

/// Encodes an opaque picture as a PNG file.
pub fn png_rgb(img: RgbImage) -> Vec<u8> {
    png(&image::DynamicImage::ImageRgb8(img))
}

/// Encodes a picture as a PNG file.
pub fn png(img: &image::DynamicImage) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png).expect("encoding to memory cannot fail");
    out
}
