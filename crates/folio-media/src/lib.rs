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

mod decode;
pub mod draw;
mod stored;

use decode::{check_jpeg_complete, check_png_colour_profile, decode, Decoded};
pub use stored::{inspect, jpeg_components, pixels, shrink, Pixels, Shrunk};

use std::path::Path;

use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::{DynamicImage, ImageEncoder, ImageFormat, RgbImage, RgbaImage};
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
