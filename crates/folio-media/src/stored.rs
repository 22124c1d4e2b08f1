//! What the renderer and backups ask of an image already stored: a smaller copy for
//! a small slot, its pixels as planes for the PDF, a JPEG's colour components, and
//! what a file says it is, read from its header.

use image::{DynamicImage, ImageFormat};

use crate::decode::{declared_size, upright};
use crate::{eight_bit, encode, fit, Error, MediaType, Result, JPEG_QUALITY, MAX_SIDE};

/// A stored image made smaller, to fit within `width` × `height`, for a PDF that
/// prints it small (a profile photo): a JPEG for a JPEG, else the pixels.
pub fn shrink(bytes: &[u8], width: u32, height: u32) -> Result<Shrunk> {
    let format = image::guess_format(bytes).map_err(|_| Error::NotAnImage)?;
    let image = eight_bit(fit(upright(bytes, format)?, width.max(1), height.max(1))?);
    Ok(if format == ImageFormat::Jpeg {
        Shrunk::Jpeg {
            width: image.width(),
            height: image.height(),
            bytes: encode(&image, MediaType::Jpeg, JPEG_QUALITY)?,
        }
    } else {
        Shrunk::Pixels(planes(&image))
    })
}

/// What [`shrink`] gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shrunk {
    Jpeg { width: u32, height: u32, bytes: Vec<u8> },
    Pixels(Pixels),
}

/// Decoded 8-bit RGB, and the alpha channel when some pixel is not opaque.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
    pub alpha: Option<Vec<u8>>,
}

/// Decodes a stored image to 8-bit RGB and, when it has transparency, its alpha
/// channel, as a PDF needs them.
pub fn pixels(bytes: &[u8]) -> Result<Pixels> {
    let format = image::guess_format(bytes).map_err(|_| Error::NotAnImage)?;
    Ok(planes(&upright(bytes, format)?))
}

fn planes(image: &DynamicImage) -> Pixels {
    let (width, height) = (image.width(), image.height());
    if image.color().has_alpha() {
        let rgba = image.to_rgba8();
        let mut rgb = Vec::with_capacity(rgba.len() / 4 * 3);
        let mut alpha = Vec::with_capacity(rgba.len() / 4);
        for p in rgba.pixels() {
            rgb.extend_from_slice(&p.0[..3]);
            alpha.push(p.0[3]);
        }
        let opaque = alpha.iter().all(|&a| a == 255);
        Pixels { width, height, rgb, alpha: (!opaque).then_some(alpha) }
    } else {
        Pixels { width, height, rgb: image.to_rgb8().into_raw(), alpha: None }
    }
}

/// The number of colour components of a baseline or progressive JPEG (1 grey, 3
/// colour, 4 CMYK), read from its frame header.
///
/// Only 8-bit Huffman-coded frames (baseline, extended, progressive) count: those are
/// what a PDF's DCTDecode reads; for anything else (lossless, arithmetic-coded, 12-bit)
/// this says `None`.
pub fn jpeg_components(bytes: &[u8]) -> Option<u8> {
    let mut at = 2;
    while at + 9 < bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        match marker {
            0xFF => at += 1,
            0x01 | 0xD0..=0xD7 => at += 2,
            0xC0..=0xC2 => return (bytes[at + 4] == 8).then(|| bytes[at + 9]),
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF | 0xDA | 0xD9 => return None,
            _ => at += 2 + (usize::from(bytes[at + 2]) << 8 | usize::from(bytes[at + 3])),
        }
    }
    None
}

/// What a stored image says it is, read from its header without decoding it: for
/// checking images that come from a backup rather than from [`import`].
pub fn inspect(bytes: &[u8]) -> Result<(MediaType, u32, u32)> {
    let media_type = match image::guess_format(bytes).map_err(|_| Error::NotAnImage)? {
        ImageFormat::Jpeg if jpeg_components(bytes).is_some_and(|c| c == 1 || c == 3) => MediaType::Jpeg,
        ImageFormat::Jpeg => return Err(Error::Corrupt("a kind of JPEG that Folio does not keep".into())),
        ImageFormat::Png => MediaType::Png,
        other => return Err(Error::Unsupported(other.to_mime_type().trim_start_matches("image/").to_uppercase())),
    };
    let format = if media_type == MediaType::Jpeg { ImageFormat::Jpeg } else { ImageFormat::Png };
    let (width, height) =
        declared_size(bytes, format).ok_or_else(|| Error::Corrupt("its header cannot be read".into()))?;
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(Error::TooManyPixels { width, height });
    }
    Ok((media_type, width, height))
}
