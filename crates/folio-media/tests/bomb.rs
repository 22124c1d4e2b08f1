//! A decompression bomb: a PNG of a few dozen bytes that declares 100,000 × 100,000
//! pixels (30 GB of RGB). It must be refused from its header, without allocating.
//! Its own test binary, so that the peak memory measured is this test's alone.

use folio_media::{import, Error};

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    let mut body = kind.to_vec();
    body.extend(data);
    out.extend(&body);
    out.extend(crc32(&body).to_be_bytes());
    out
}

/// Peak resident memory of this process so far, in kB (Linux).
fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// A PNG header declaring `width` × `height` at `depth` bits of `colour` type, with a
/// few bytes of zlib data: a real bomb would inflate them into gigabytes.
fn declaring(width: u32, height: u32, depth: u8, colour: u8) -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([depth, colour, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(b"IDAT", &[0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]));
    png.extend(chunk(b"IEND", &[]));
    png
}

#[test]
fn a_tiny_png_declaring_ten_billion_pixels_is_refused_without_allocating_them() {
    let png = declaring(100_000, 100_000, 8, 2);
    assert!(png.len() < 100);

    let before = peak_kb();
    let err = import(&png).unwrap_err();
    assert_eq!(err, Error::TooManyPixels { width: 100_000, height: 100_000 });
    assert!(err.to_string().contains("100000 × 100000"), "{err}");
    let grown = peak_kb().saturating_sub(before);
    assert!(grown < 16 * 1024, "peak memory grew by {grown} kB");
}

#[test]
fn sides_within_limits_but_gigabytes_of_16_bit_pixels_are_refused_too() {
    // 16,384 × 16,384 RGBA at 16 bits: each side is allowed, the 2 GiB buffer is not.
    let before = peak_kb();
    let err = import(&declaring(16_384, 16_384, 16, 6)).unwrap_err();
    assert_eq!(err, Error::TooManyPixels { width: 16_384, height: 16_384 });
    let grown = peak_kb().saturating_sub(before);
    assert!(grown < 16 * 1024, "peak memory grew by {grown} kB");
}

#[test]
fn a_gif_whose_screen_would_need_more_than_the_budget_is_refused_before_decoding() {
    // A 1 × 1 frame on an 8000 × 8000 screen: a few dozen bytes that would decode into
    // 256 MB of RGBA plus 64 MB of palette indices.
    let mut gif = Vec::new();
    {
        let mut encoder = gif::Encoder::new(&mut gif, 8000, 8000, &[0, 0, 0, 255, 255, 255]).unwrap();
        encoder.write_frame(&gif::Frame::from_indexed_pixels(1, 1, vec![0], None)).unwrap();
    }
    assert!(gif.len() < 100);
    let before = peak_kb();
    assert_eq!(import(&gif).unwrap_err(), Error::TooManyPixels { width: 8000, height: 8000 });
    let grown = peak_kb().saturating_sub(before);
    assert!(grown < 16 * 1024, "peak memory grew by {grown} kB");
}

#[test]
fn sixteen_bit_pixels_and_the_downscaling_pass_count_against_the_budget() {
    // 6000 × 6000 RGB at 16 bits: 216 MB of pixels, and 86 MB more while downscaling.
    let err = import(&declaring(6000, 6000, 16, 2)).unwrap_err();
    assert_eq!(err, Error::TooManyPixels { width: 6000, height: 6000 });
}

#[test]
fn a_colour_profile_that_inflates_beyond_8_mb_is_refused_before_it_is_inflated_whole() {
    let mut png = Vec::new();
    {
        let mut info = png::Info::with_size(1, 1);
        info.color_type = png::ColorType::Rgb;
        info.icc_profile = Some(vec![0; 9 * 1024 * 1024].into());
        let mut writer = png::Encoder::with_info(&mut png, info).unwrap().write_header().unwrap();
        writer.write_image_data(&[0, 0, 0]).unwrap();
    }
    assert!(png.len() < 64 * 1024, "a small file: {} bytes", png.len());
    let err = import(&png).unwrap_err();
    assert!(matches!(&err, Error::Corrupt(why) if why.contains("colour profile is larger than 8 MB")), "{err}");
}
