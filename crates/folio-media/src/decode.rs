//! Decoding within limits: the decoder is told the largest picture and the most
//! memory it may use before it allocates, a progressive JPEG's working memory and a
//! PNG's colour profile are bounded before decoding, and a truncated file is told from
//! a damaged one.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use crate::{Error, Result, DECODE_BUDGET, LONG_EDGE, MAX_COLOUR_PROFILE, MAX_SIDE};

/// A decoded picture, as it was stored, with what it needs to be shown right.
pub(crate) struct Decoded {
    pub(crate) image: DynamicImage,
    pub(crate) icc: Option<Vec<u8>>,
    pub(crate) orientation: image::metadata::Orientation,
}

/// Decodes with the limits in place before any pixel is allocated: the sides, and
/// everything decoding will allocate (see [`DECODE_BUDGET`]).
pub(crate) fn decode(bytes: &[u8], format: ImageFormat) -> Result<Decoded> {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(DECODE_BUDGET);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| failure(e, bytes, format))?;
    let icc = decoder.icc_profile().ok().flatten();
    // The decoders check the sides against the limits, not all they will allocate (a
    // 16-bit image within the sides can still need gigabytes): count it all.
    let (width, height) = decoder.dimensions();
    let working = working_bytes(bytes, format, u64::from(width) * u64::from(height));
    let colour_profile = icc.as_ref().map_or(0, |p| p.len() as u64);
    if peak_bytes(decoder.total_bytes(), width.max(height), working + colour_profile) > DECODE_BUDGET {
        return Err(Error::TooManyPixels { width, height });
    }
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let image = DynamicImage::from_decoder(decoder).map_err(|e| failure(e, bytes, format))?;
    Ok(Decoded { image, icc, orientation })
}

/// The picture decoded and turned as its metadata says (images Folio keeps have no
/// such metadata left: they are upright already).
pub(crate) fn upright(bytes: &[u8], format: ImageFormat) -> Result<DynamicImage> {
    let Decoded { mut image, orientation, .. } = decode(bytes, format)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// The most an import holds at once for a picture of `pixels` bytes whose long edge is
/// `long_edge`: while decoding (the pixels, and what the decoder works in), then while
/// downscaling (the pixels, one pass of the separable resize, and the result).
fn peak_bytes(pixels: u64, long_edge: u32, working: u64) -> u64 {
    let decoding = pixels.saturating_add(working);
    if long_edge <= LONG_EDGE {
        return decoding;
    }
    let scale = f64::from(LONG_EDGE) / f64::from(long_edge);
    let one_pass = (pixels as f64 * scale) as u64;
    let result = (pixels as f64 * scale * scale) as u64;
    decoding.max(pixels.saturating_add(one_pass).saturating_add(result))
}

/// What a decoder allocates besides the pixels it returns, for a picture of `pixels`.
fn working_bytes(bytes: &[u8], format: ImageFormat, pixels: u64) -> u64 {
    match format {
        // Every DCT coefficient of every scan is kept, 2 bytes each, until the last scan.
        ImageFormat::Jpeg => {
            jpeg_progressive_samples(bytes).map_or(0, |samples| (pixels as f64 * samples * 2.0) as u64)
        }
        // The frame's palette indices, a byte a pixel, before they become colours.
        ImageFormat::Gif => pixels,
        // Lossy WebP decodes to Y, U and V planes (4:2:0) before RGB.
        ImageFormat::WebP => pixels * 3 / 2,
        _ => 0,
    }
}

/// For a progressive JPEG, the samples its components hold per pixel (3 for 4:4:4,
/// 1.5 for 4:2:0); `None` for a baseline JPEG, which is decoded a row of blocks at a
/// time. A file whose frame header cannot be found counts as the costliest kind.
fn jpeg_progressive_samples(bytes: &[u8]) -> Option<f64> {
    const WORST: f64 = 3.0;
    let mut at = 2; // after SOI
    loop {
        // Skip to the next marker, past fill bytes, as decoders do.
        while bytes.get(at).is_some_and(|&b| b != 0xFF) {
            at += 1;
        }
        while bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let (Some(&marker), Some(&hi), Some(&lo)) = (bytes.get(at + 1), bytes.get(at + 2), bytes.get(at + 3)) else {
            return Some(WORST);
        };
        if marker == 0x00 && matches!(bytes.get(at + 2), Some(0xC2 | 0xC6 | 0xCA | 0xCE)) {
            // Some decoders read past a stray 00 to the marker after it.
            return Some(WORST);
        }
        if marker == 0x00 || marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            at += 2;
            continue;
        }
        let len = usize::from(hi) << 8 | usize::from(lo);
        let segment = bytes.get(at + 4..at + 2 + len.max(2)).unwrap_or_default();
        match marker {
            0xC2 | 0xC6 | 0xCA | 0xCE => {
                // SOF of a progressive process: precision, height, width, components,
                // then (id, sampling factors, table) per component.
                let components = segment.get(6..).unwrap_or_default().chunks_exact(3).map(|c| (c[1] >> 4, c[1] & 15));
                let factors: Vec<(u8, u8)> = components.filter(|&(h, v)| h > 0 && v > 0).collect();
                if factors.is_empty() {
                    return Some(WORST);
                }
                let (h_max, v_max) = factors.iter().fold((1, 1), |(h, v), &(ch, cv)| (h.max(ch), v.max(cv)));
                let per_pixel = factors.iter().map(|&(h, v)| f64::from(h * v) / f64::from(h_max * v_max)).sum();
                return Some(per_pixel);
            }
            0xC0 | 0xC1 | 0xC3 | 0xC5 | 0xC7 | 0xC9 | 0xCB | 0xCD | 0xCF => return None,
            // A scan or the end before any frame header: nothing says what it is.
            0xDA | 0xD9 => return Some(WORST),
            _ => at += 2 + len,
        }
    }
}

/// A PNG's colour profile is inflated when its header is read: refuse one that would
/// inflate beyond [`MAX_COLOUR_PROFILE`], trying at most that much.
pub(crate) fn check_png_colour_profile(bytes: &[u8]) -> Result<()> {
    let mut at = 8; // after the signature
    while let Some(header) = bytes.get(at..at + 8) {
        let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind = &header[4..8];
        if kind == b"IDAT" {
            return Ok(());
        }
        let Some(data) = bytes.get(at + 8..(at + 8).saturating_add(len)) else { return Ok(()) };
        if kind == b"iCCP" {
            // name, NUL, compression method, then the zlib stream.
            let compressed = data.iter().position(|&b| b == 0).and_then(|nul| data.get(nul + 2..)).unwrap_or_default();
            if let Err(fdeflate::BoundedDecompressionError::OutputTooLarge { .. }) =
                fdeflate::decompress_to_vec_bounded(compressed, MAX_COLOUR_PROFILE)
            {
                return Err(Error::Corrupt(format!(
                    "its colour profile is larger than {} MB",
                    MAX_COLOUR_PROFILE / 1024 / 1024
                )));
            }
            return Ok(());
        }
        at += 12 + len;
    }
    Ok(())
}

fn failure(error: image::ImageError, bytes: &[u8], format: ImageFormat) -> Error {
    use image::error::{ImageError, LimitErrorKind};
    match error {
        ImageError::Limits(limit) => match limit.kind() {
            LimitErrorKind::DimensionError | LimitErrorKind::InsufficientMemory => {
                let (width, height) = declared_size(bytes, format).unwrap_or((0, 0));
                Error::TooManyPixels { width, height }
            }
            _ => Error::Corrupt(limit.to_string()),
        },
        ImageError::Unsupported(e) => Error::Unsupported(e.to_string()),
        ImageError::IoError(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            Error::Corrupt("it ends too early".into())
        }
        other => Error::Corrupt(other.to_string()),
    }
}

/// The size the file claims, read from its header without decoding.
pub(crate) fn declared_size(bytes: &[u8], format: ImageFormat) -> Option<(u32, u32)> {
    ImageReader::with_format(Cursor::new(bytes), format).into_dimensions().ok()
}

/// A JPEG must reach its end-of-image marker after its scans: decoders fill a cut-off
/// file with grey rather than fail, which would store half a photo.
pub(crate) fn check_jpeg_complete(bytes: &[u8]) -> Result<()> {
    let truncated = || Error::Corrupt("it ends before the end of the picture".into());
    let mut at = 2; // after SOI
    loop {
        // Stray bytes before a marker are skipped (as decoders do), and markers may be
        // padded with 0xFF.
        while bytes.get(at).is_some_and(|&b| b != 0xFF) {
            at += 1;
        }
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else { return Err(truncated()) };
        at += 2;
        match marker {
            0xD9 => return Ok(()),
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let len = match (bytes.get(at), bytes.get(at + 1)) {
            (Some(&hi), Some(&lo)) => usize::from(hi) << 8 | usize::from(lo),
            _ => return Err(truncated()),
        };
        at += len;
        if marker == 0xDA {
            // Entropy-coded data: 0xFF is followed by a stuffed 0x00 or a restart marker,
            // anything else is the next marker.
            loop {
                match (bytes.get(at), bytes.get(at + 1)) {
                    (Some(&0xFF), Some(&next)) if next != 0x00 && !(0xD0..=0xD7).contains(&next) => break,
                    (Some(_), Some(_)) => at += 1,
                    _ => return Err(truncated()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(progressive: bool, sampling: jpeg_encoder::SamplingFactor) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = jpeg_encoder::Encoder::new(&mut out, 80);
        encoder.set_progressive(progressive);
        encoder.set_sampling_factor(sampling);
        encoder.encode(&[128; 64 * 64 * 3], 64, 64, jpeg_encoder::ColorType::Rgb).unwrap();
        out
    }

    #[test]
    fn a_progressive_jpeg_is_told_by_its_frame_header_with_its_samples_per_pixel() {
        use jpeg_encoder::SamplingFactor::{R_4_2_0, R_4_4_4};
        assert_eq!(jpeg_progressive_samples(&jpeg(true, R_4_4_4)), Some(3.0));
        assert_eq!(jpeg_progressive_samples(&jpeg(true, R_4_2_0)), Some(1.5));
        assert_eq!(jpeg_progressive_samples(&jpeg(false, R_4_4_4)), None);
        // Cut before its frame header, a JPEG counts as the costliest kind.
        assert_eq!(jpeg_progressive_samples(&jpeg(false, R_4_4_4)[..20]), Some(3.0));
    }

    #[test]
    fn the_peak_is_the_larger_of_decoding_and_downscaling() {
        const MB: u64 = 1024 * 1024;
        // 6000 × 4000 RGB, progressive 4:4:4: decoding holds the coefficients (144 MB).
        assert_eq!(peak_bytes(72 * MB, 6000, 144 * MB), 216 * MB);
        // The same picture, baseline: downscaling holds a pass at 0.4 and the result.
        let downscaling = 72.0 * (1.0 + 0.4 + 0.4 * 0.4) * MB as f64;
        assert!(peak_bytes(72 * MB, 6000, 0).abs_diff(downscaling as u64) < 16, "{downscaling}");
        // Nothing to downscale.
        assert_eq!(peak_bytes(10 * MB, 2000, 0), 10 * MB);
    }
}
