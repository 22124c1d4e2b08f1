//! Folio's image pipeline. Whatever a phone or a screenshot tool made goes in; what
//! comes out is safe to keep and to print:
//!
//! 1. **Sniff** the real format from the bytes (never the file name): JPEG, PNG, WebP,
//!    or GIF (its first frame).
//! 2. **Decode within limits** set on the decoder *before* it allocates, so that a tiny
//!    file declaring 100,000 × 100,000 pixels is refused, not decoded.
//! 3. **Normalise**: turn upright by the EXIF orientation, convert an embedded colour
//!    profile to sRGB, downscale so the long edge is at most [`LONG_EDGE`] (print at
//!    300 DPI on the widest image slot), and re-encode — photographs as JPEG,
//!    screenshots and diagrams (flat colour, sharp edges, transparency) as PNG.
//!    Re-encoding keeps pixels only: EXIF, GPS, XMP and ICC data are gone.
//! 4. **Thumbnail** for the UI, and the SHA-256 of the normalised bytes, which the store
//!    uses to keep the same image once.

pub mod draw;

use std::io::Cursor;
use std::path::Path;

use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat, ImageReader, RgbImage, RgbaImage};
use sha2::{Digest, Sha256};

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 40 * 1024 * 1024;
/// Neither side may declare more pixels than this.
pub const MAX_SIDE: u32 = 16_384;
/// Nor may decoding need more memory than this, counting everything it allocates: the
/// pixels (16 bits a sample if the file has them), the decoder's own working buffers
/// (a progressive JPEG's coefficients, a GIF's frame of palette indices, a WebP's
/// planes) and the colour profile. With the downscaled copy and the thumbnail that
/// follow, an import peaks under 300 MB. A 48-megapixel camera JPEG fits; the same
/// picture saved progressive, or an 8000 × 8000 GIF, does not.
pub const DECODE_BUDGET: u64 = 256 * 1024 * 1024;
/// A colour profile is a table of kilobytes, rarely a megabyte or two; a larger one is
/// a PNG inflating a tiny chunk into hundreds of megabytes, and is refused before it is.
pub const MAX_COLOUR_PROFILE: usize = 8 * 1024 * 1024;
/// The long edge after import: the widest image slot (about 8 in) at 300 DPI.
pub const LONG_EDGE: u32 = 2_400;
/// The long edge of thumbnails.
pub const THUMBNAIL_EDGE: u32 = 320;
/// Quality 80 with 4:2:0 chroma: no visible loss in print at 300 ppi, a third smaller
/// than 90.
const JPEG_QUALITY: u8 = 80;
const THUMBNAIL_QUALITY: u8 = 80;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    #[error("the file is larger than {} MB, the most Folio adds as an image", MAX_FILE_BYTES / 1024 / 1024)]
    FileTooLarge,
    #[error("this is not an image Folio can read (JPEG, PNG, WebP or GIF)")]
    NotAnImage,
    #[error("{0} images are not supported; use JPEG, PNG, WebP or GIF")]
    Unsupported(String),
    #[error("the image is damaged or incomplete ({0})")]
    Corrupt(String),
    #[error("the image is too large to open safely ({width} × {height} pixels)")]
    TooManyPixels { width: u32, height: u32 },
    #[error("the image could not be read: {0}")]
    Read(String),
    #[error("the image could not be saved: {0}")]
    Encode(String),
}

pub type Result<T> = std::result::Result<T, Error>;

pub use folio_model::MediaType;

/// An image ready to store.
#[derive(Clone, PartialEq, Eq)]
pub struct Normalised {
    pub bytes: Vec<u8>,
    pub media_type: MediaType,
    pub width: u32,
    pub height: u32,
    /// At most [`THUMBNAIL_EDGE`] on the long edge, in the same media type.
    pub thumbnail: Vec<u8>,
    /// Hex SHA-256 of `bytes`.
    pub sha256: String,
}

impl std::fmt::Debug for Normalised {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalised")
            .field("media_type", &self.media_type)
            .field("width", &self.width)
            .field("height", &self.height)
            .field("bytes", &self.bytes.len())
            .field("thumbnail", &self.thumbnail.len())
            .field("sha256", &self.sha256)
            .finish()
    }
}

/// Reads and normalises the image file at `path`. What is read is limited, not what
/// the file claims: a device or a pipe (`/dev/urandom`) says it is empty.
pub fn import_file(path: &Path) -> Result<Normalised> {
    use std::io::Read;
    let read = |e: std::io::Error| Error::Read(e.to_string());
    let file = std::fs::File::open(path).map_err(read)?;
    if file.metadata().map_err(read)?.len() > MAX_FILE_BYTES {
        return Err(Error::FileTooLarge);
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(read)?;
    import(&bytes)
}

/// Normalises an image given as bytes (a paste, a drop).
pub fn import(bytes: &[u8]) -> Result<Normalised> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::FileTooLarge);
    }
    let format = image::guess_format(bytes).map_err(|_| Error::NotAnImage)?;
    match format {
        ImageFormat::Jpeg => check_jpeg_complete(bytes)?,
        ImageFormat::Png | ImageFormat::WebP | ImageFormat::Gif => {}
        other => return Err(Error::Unsupported(other.to_mime_type().trim_start_matches("image/").to_uppercase())),
    }
    if format == ImageFormat::Png {
        check_png_colour_profile(bytes)?;
    }
    let Decoded { image, icc, orientation } = decode(bytes, format)?;
    // Downscale first, in the decoder's own pixel format (no converted copy of the full
    // picture): everything after works on at most LONG_EDGE² pixels. The box is square,
    // so turning the picture upright after fitting gives the same result, on far fewer
    // pixels.
    let mut image = eight_bit(fit(image, LONG_EDGE, LONG_EDGE)?);
    image.apply_orientation(orientation);
    let image = drop_opaque_alpha(to_srgb(image, icc.as_deref()));
    let graphic = format == ImageFormat::Gif || image.color().has_alpha() || looks_like_a_graphic(&image);
    let media_type = if graphic { MediaType::Png } else { MediaType::Jpeg };
    let bytes = encode(&image, media_type, JPEG_QUALITY)?;
    let thumbnail = encode(&fit(image.clone(), THUMBNAIL_EDGE, THUMBNAIL_EDGE)?, media_type, THUMBNAIL_QUALITY)?;
    let sha256 = hex::encode(Sha256::digest(&bytes));
    Ok(Normalised { bytes, media_type, width: image.width(), height: image.height(), thumbnail, sha256 })
}

/// The image made smaller, if needed, to fit within `width` × `height` keeping its
/// aspect ratio: a bilinear convolution (SIMD), fast enough for camera-sized photos.
/// It works in the image's own pixel format; alpha is premultiplied in place (not in
/// a copy of the whole picture, as the resizer would otherwise make).
fn fit(mut image: DynamicImage, width: u32, height: u32) -> Result<DynamicImage> {
    use fast_image_resize::{FilterType as Filter, MulDiv, ResizeAlg, ResizeOptions, Resizer};

    let (w, h) = (image.width(), image.height());
    if w <= width && h <= height {
        return Ok(image);
    }
    let scale = (width as f64 / w as f64).min(height as f64 / h as f64);
    let (to_w, to_h) = (((w as f64 * scale).round() as u32).max(1), ((h as f64 * scale).round() as u32).max(1));
    let failed = |e: &dyn std::fmt::Display| Error::Encode(format!("resizing failed: {e}"));
    let mut target = DynamicImage::new(to_w, to_h, image.color());
    let alpha = image.color().has_alpha();
    if alpha {
        MulDiv::default().multiply_alpha_inplace(&mut image).map_err(|e| failed(&e))?;
    }
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(Filter::Bilinear)).use_alpha(false);
    Resizer::new().resize(&image, &mut target, &options).map_err(|e| failed(&e))?;
    drop(image);
    if alpha {
        MulDiv::default().divide_alpha_inplace(&mut target).map_err(|e| failed(&e))?;
    }
    Ok(target)
}

/// 8 bits a sample, RGB or RGBA: what colour conversion and the encoders take.
fn eight_bit(image: DynamicImage) -> DynamicImage {
    match image {
        DynamicImage::ImageRgb8(_) | DynamicImage::ImageRgba8(_) => image,
        other if other.color().has_alpha() => DynamicImage::ImageRgba8(other.into_rgba8()),
        other => DynamicImage::ImageRgb8(other.into_rgb8()),
    }
}

/// A decoded picture, as it was stored, with what it needs to be shown right.
struct Decoded {
    image: DynamicImage,
    icc: Option<Vec<u8>>,
    orientation: image::metadata::Orientation,
}

/// Decodes with the limits in place before any pixel is allocated: the sides, and
/// everything decoding will allocate (see [`DECODE_BUDGET`]).
fn decode(bytes: &[u8], format: ImageFormat) -> Result<Decoded> {
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
fn upright(bytes: &[u8], format: ImageFormat) -> Result<DynamicImage> {
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
fn check_png_colour_profile(bytes: &[u8]) -> Result<()> {
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
fn declared_size(bytes: &[u8], format: ImageFormat) -> Option<(u32, u32)> {
    ImageReader::with_format(Cursor::new(bytes), format).into_dimensions().ok()
}

/// A JPEG must reach its end-of-image marker after its scans: decoders fill a cut-off
/// file with grey rather than fail, which would store half a photo.
fn check_jpeg_complete(bytes: &[u8]) -> Result<()> {
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

/// Converts pixels described by an embedded ICC profile to sRGB. A profile that cannot
/// be read leaves the pixels as they are: the picture is still worth keeping.
fn to_srgb(image: DynamicImage, icc: Option<&[u8]>) -> DynamicImage {
    let Some(icc) = icc else { return image };
    let Ok(source) = moxcms::ColorProfile::new_from_slice(icc) else { return image };
    let srgb = moxcms::ColorProfile::new_srgb();
    let options = moxcms::TransformOptions::default();
    if image.color().has_alpha() {
        let pixels = image.to_rgba8();
        let Ok(transform) = source.create_transform_8bit(moxcms::Layout::Rgba, &srgb, moxcms::Layout::Rgba, options)
        else {
            return DynamicImage::ImageRgba8(pixels);
        };
        let mut out = RgbaImage::new(pixels.width(), pixels.height());
        match transform.transform(&pixels, &mut out) {
            Ok(()) => DynamicImage::ImageRgba8(out),
            Err(_) => DynamicImage::ImageRgba8(pixels),
        }
    } else {
        let pixels = image.to_rgb8();
        let Ok(transform) = source.create_transform_8bit(moxcms::Layout::Rgb, &srgb, moxcms::Layout::Rgb, options)
        else {
            return DynamicImage::ImageRgb8(pixels);
        };
        let mut out = RgbImage::new(pixels.width(), pixels.height());
        match transform.transform(&pixels, &mut out) {
            Ok(()) => DynamicImage::ImageRgb8(out),
            Err(_) => DynamicImage::ImageRgb8(pixels),
        }
    }
}

/// An alpha channel where every pixel is opaque carries nothing: drop it, so that an
/// opaque photograph saved as RGBA can still become a JPEG.
fn drop_opaque_alpha(image: DynamicImage) -> DynamicImage {
    if !image.color().has_alpha() {
        return image;
    }
    let rgba = image.to_rgba8();
    if rgba.pixels().all(|p| p.0[3] == 255) {
        DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(rgba).to_rgb8())
    } else {
        DynamicImage::ImageRgba8(rgba)
    }
}

/// Screenshots and diagrams are mostly flat colour: many pixels equal their left
/// neighbour exactly. Photographs, with sensor noise and gradients, almost never do.
fn looks_like_a_graphic(image: &DynamicImage) -> bool {
    let rgb = image.to_rgb8();
    let (width, height) = rgb.dimensions();
    if width < 2 {
        return false;
    }
    let rows = (0..height).step_by((height as usize / 200).max(1));
    let (mut same, mut total) = (0u64, 0u64);
    for y in rows {
        for x in 1..width {
            total += 1;
            same += u64::from(rgb.get_pixel(x, y) == rgb.get_pixel(x - 1, y));
        }
    }
    same * 2 > total
}

fn encode(image: &DynamicImage, media_type: MediaType, quality: u8) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let err = |e: image::ImageError| Error::Encode(e.to_string());
    match media_type {
        MediaType::Jpeg => {
            let rgb = image.to_rgb8();
            let (width, height) = (u16::try_from(rgb.width()), u16::try_from(rgb.height()));
            let (Ok(width), Ok(height)) = (width, height) else {
                return Err(Error::Encode("a JPEG is at most 65,535 pixels wide".into()));
            };
            // Optimised Huffman tables and progressive scans: 10–15% smaller, same pixels.
            let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
            encoder.set_optimized_huffman_tables(true);
            encoder.set_progressive(true);
            encoder
                .encode(&rgb, width, height, jpeg_encoder::ColorType::Rgb)
                .map_err(|e| Error::Encode(e.to_string()))?;
        }
        MediaType::Png => {
            let encoder = PngEncoder::new_with_quality(&mut out, CompressionType::Default, PngFilter::Adaptive);
            if image.color().has_alpha() {
                let rgba = image.to_rgba8();
                encoder
                    .write_image(&rgba, rgba.width(), rgba.height(), image::ExtendedColorType::Rgba8)
                    .map_err(err)?;
            } else {
                let rgb = image.to_rgb8();
                encoder.write_image(&rgb, rgb.width(), rgb.height(), image::ExtendedColorType::Rgb8).map_err(err)?;
            }
        }
    }
    Ok(out)
}

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
