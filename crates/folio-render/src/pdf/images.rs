//! Images as PDF objects: a JPEG as it is, an opaque PNG's own compressed data, anything
//! else as pixels with a soft mask, each at no more than the resolution print needs.

use std::collections::BTreeMap;

use printpdf::{DictItem, ExternalStream, ExternalXObject, XObjectId};
use uuid::Uuid;

use super::Error;
use crate::images::{Image, ImageFormat};

/// The resource name of an image: derived from its asset, so output is repeatable.
pub(super) fn xobject_id(asset: Uuid) -> XObjectId {
    XObjectId(format!("Im{}", asset.simple()))
}

/// The resolution print needs.
const PRINT_PPI: f32 = 300.0;

/// An image XObject: a JPEG's bytes as they are (DCTDecode), anything else as pixels
/// (Flate-compressed) with a soft mask when it has transparency. An image printed at
/// less than half the size its pixels allow (a profile photo) is first brought down to
/// [`PRINT_PPI`], so the PDF does not carry four times what the page can show; one
/// printed nearer its size goes in untouched, never decoded and re-encoded.
pub(super) fn image_xobject(image: &Image, printed: (f32, f32)) -> Result<ExternalXObject, Error> {
    let needed = ((printed.0 / 72.0 * PRINT_PPI).ceil() as u32, (printed.1 / 72.0 * PRINT_PPI).ceil() as u32);
    if u64::from(image.width) > u64::from(needed.0) * 2 {
        let shrunk = folio_media::shrink(&image.bytes, needed.0, needed.1).map_err(|e| Error::Image(e.to_string()))?;
        return Ok(match shrunk {
            folio_media::Shrunk::Jpeg { width, height, bytes } => {
                image_xobject(&Image { width, height, format: ImageFormat::Jpeg, bytes }, printed)?
            }
            folio_media::Shrunk::Pixels(pixels) => pixel_xobject(pixels),
        });
    }
    let jpeg_colour = match (image.format, folio_media::jpeg_components(&image.bytes)) {
        (ImageFormat::Jpeg, Some(1)) => Some("DeviceGray"),
        (ImageFormat::Jpeg, Some(3)) => Some("DeviceRGB"),
        _ => None,
    };
    if let Some(stream) = png_as_is(image) {
        return Ok(ExternalXObject { stream, width: None, height: None, dpi: None });
    }
    let stream = if let Some(colour) = jpeg_colour {
        let mut dict = image_dict(image.width, image.height, colour);
        dict.insert("Filter".into(), DictItem::Name(b"DCTDecode".to_vec()));
        ExternalStream { dict, content: image.bytes.clone(), compress: false }
    } else {
        let pixels = folio_media::pixels(&image.bytes).map_err(|e| Error::Image(e.to_string()))?;
        return Ok(pixel_xobject(pixels));
    };
    Ok(ExternalXObject { stream, width: None, height: None, dpi: None })
}

/// An opaque 8-bit RGB PNG without interlacing — what import keeps a diagram as —
/// goes in as its own compressed data: PDF's Flate filter with the PNG predictors
/// reads it as it is, so nothing is decoded or compressed again.
fn png_as_is(image: &Image) -> Option<ExternalStream> {
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
    dict.insert("Filter".into(), DictItem::Name(b"FlateDecode".to_vec()));
    let parms = BTreeMap::from([
        ("Predictor".to_string(), DictItem::Int(15)),
        ("Colors".to_string(), DictItem::Int(3)),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
        ("Columns".to_string(), DictItem::Int(i64::from(image.width))),
    ]);
    dict.insert("DecodeParms".into(), DictItem::Dict { map: parms });
    Some(ExternalStream { dict, content: data, compress: false })
}

fn image_dict(width: u32, height: u32, colour: &str) -> BTreeMap<String, DictItem> {
    let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
    BTreeMap::from([
        ("Type".to_string(), name("XObject")),
        ("Subtype".to_string(), name("Image")),
        ("Width".to_string(), DictItem::Int(i64::from(width))),
        ("Height".to_string(), DictItem::Int(i64::from(height))),
        ("ColorSpace".to_string(), name(colour)),
        ("BitsPerComponent".to_string(), DictItem::Int(8)),
    ])
}

fn pixel_xobject(folio_media::Pixels { width, height, rgb, alpha }: folio_media::Pixels) -> ExternalXObject {
    let mut dict = image_dict(width, height, "DeviceRGB");
    if let Some(alpha) = alpha {
        let mask = ExternalStream { dict: image_dict(width, height, "DeviceGray"), content: alpha, compress: true };
        dict.insert("SMask".into(), DictItem::Stream { stream: mask });
    }
    ExternalXObject {
        stream: ExternalStream { dict, content: rgb, compress: true },
        width: None,
        height: None,
        dpi: None,
    }
}
