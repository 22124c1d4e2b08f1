//! Images as PDF objects: a JPEG as it is, an opaque PNG's own compressed data, anything
//! else as pixels with a soft mask, each at no more than the resolution print needs.

use lopdf::{dictionary, Dictionary, Object, Stream};
use uuid::Uuid;

use super::Error;
use crate::images::{Image, ImageFormat};

/// The resource name of an image: derived from its asset, so output is repeatable.
pub(super) fn xobject_name(asset: Uuid) -> String {
    format!("Im{}", asset.simple())
}

/// The resolution print needs.
const PRINT_PPI: f32 = 300.0;

/// An image XObject: a JPEG's bytes as they are (DCTDecode), anything else as pixels
/// (Flate-compressed) with a soft mask when it has transparency. An image printed at
/// less than half the size its pixels allow (a profile photo) is first brought down to
/// [`PRINT_PPI`], so the PDF does not carry four times what the page can show; one
/// printed nearer its size goes in untouched, never decoded and re-encoded.
pub(super) fn image_xobject(image: &Image, printed: (f32, f32), pdf: &mut lopdf::Document) -> Result<Stream, Error> {
    let needed = ((printed.0 / 72.0 * PRINT_PPI).ceil() as u32, (printed.1 / 72.0 * PRINT_PPI).ceil() as u32);
    if u64::from(image.width) > u64::from(needed.0) * 2 {
        let shrunk = folio_media::shrink(&image.bytes, needed.0, needed.1).map_err(|e| Error::Image(e.to_string()))?;
        return Ok(match shrunk {
            folio_media::Shrunk::Jpeg { width, height, bytes } => {
                image_xobject(&Image { width, height, format: ImageFormat::Jpeg, bytes }, printed, pdf)?
            }
            folio_media::Shrunk::Pixels(pixels) => pixel_xobject(pixels, pdf),
        });
    }
    let jpeg_colour = match (image.format, folio_media::jpeg_components(&image.bytes)) {
        (ImageFormat::Jpeg, Some(1)) => Some("DeviceGray"),
        (ImageFormat::Jpeg, Some(3)) => Some("DeviceRGB"),
        _ => None,
    };
    if let Some(stream) = png_as_is(image) {
        return Ok(stream);
    }
    if let Some(colour) = jpeg_colour {
        let mut dict = image_dict(image.width, image.height, colour);
        dict.set("Filter", "DCTDecode");
        return Ok(Stream::new(dict, image.bytes.clone()).with_compression(false));
    }
    let pixels = folio_media::pixels(&image.bytes).map_err(|e| Error::Image(e.to_string()))?;
    Ok(pixel_xobject(pixels, pdf))
}

/// An opaque 8-bit RGB PNG without interlacing — what import keeps a diagram as —
/// goes in as its own compressed data: PDF's Flate filter with the PNG predictors
/// reads it as it is, so nothing is decoded or compressed again.
fn png_as_is(image: &Image) -> Option<Stream> {
    let bytes = &image.bytes;
    if image.format != ImageFormat::Png || !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return None;
    }
    let mut at = 8;
    let mut data = Vec::new();
    while at + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[at..at + 4].try_into().ok()?) as usize;
        let kind = &bytes[at + 4..at + 8];
        let body = bytes.get(at + 8..at + 8 + len)?;
        match kind {
            // Width, height, then bit depth 8, colour type 2 (RGB), interlace 0.
            b"IHDR" if body.len() != 13 || (body[8], body[9], body[12]) != (8, 2, 0) => return None,
            // Transparency by key colour: the PDF needs a mask, so decode.
            b"tRNS" => return None,
            b"IDAT" => data.extend_from_slice(body),
            b"IEND" => break,
            _ => {}
        }
        at += 12 + len;
    }
    if data.is_empty() {
        return None;
    }
    let mut dict = image_dict(image.width, image.height, "DeviceRGB");
    dict.set("Filter", "FlateDecode");
    dict.set(
        "DecodeParms",
        dictionary! { "Predictor" => 15, "Colors" => 3, "BitsPerComponent" => 8, "Columns" => i64::from(image.width) },
    );
    Some(Stream::new(dict, data).with_compression(false))
}

fn image_dict(width: u32, height: u32, colour: &str) -> Dictionary {
    dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => i64::from(width),
        "Height" => i64::from(height),
        "ColorSpace" => Object::Name(colour.as_bytes().to_vec()),
        "BitsPerComponent" => 8,
    }
}

/// Pixels, compressed when the document is: with their transparency as a soft mask.
fn pixel_xobject(
    folio_media::Pixels { width, height, rgb, alpha }: folio_media::Pixels,
    pdf: &mut lopdf::Document,
) -> Stream {
    let mut dict = image_dict(width, height, "DeviceRGB");
    if let Some(alpha) = alpha {
        let mask = pdf.add_object(Stream::new(image_dict(width, height, "DeviceGray"), alpha));
        dict.set("SMask", mask);
    }
    Stream::new(dict, rgb)
}
