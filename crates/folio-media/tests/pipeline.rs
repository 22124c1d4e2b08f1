//! The import pipeline on generated inputs: what a phone, a screenshot tool and a
//! malicious file would hand Folio.

use folio_media::{draw, import, import_file, Error, MediaType, LONG_EDGE};
use image::{DynamicImage, GenericImageView};

/// Inserts an EXIF segment (orientation and GPS position) right after the JPEG's SOI.
fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    // TIFF, big-endian: IFD0 {Orientation, GPSInfo → GPS IFD {LatitudeRef, Latitude}}.
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        let mut e = tag.to_be_bytes().to_vec();
        e.extend(kind.to_be_bytes());
        e.extend(count.to_be_bytes());
        e.extend(value);
        e
    };
    let ifd0_len = 2 + 2 * 12 + 4;
    let gps_at = 8 + ifd0_len as u32;
    tiff.extend(2u16.to_be_bytes());
    let o = orientation.to_be_bytes();
    tiff.extend(entry(0x0112, 3, 1, [o[0], o[1], 0, 0]));
    tiff.extend(entry(0x8825, 4, 1, gps_at.to_be_bytes()));
    tiff.extend(0u32.to_be_bytes());
    let gps_len = 2 + 2 * 12 + 4;
    let rationals_at = gps_at + gps_len as u32;
    tiff.extend(2u16.to_be_bytes());
    tiff.extend(entry(0x0001, 2, 2, *b"N\0\0\0"));
    tiff.extend(entry(0x0002, 5, 3, rationals_at.to_be_bytes()));
    tiff.extend(0u32.to_be_bytes());
    for (num, den) in [(52u32, 1u32), (13, 1), (3141, 100)] {
        tiff.extend(num.to_be_bytes());
        tiff.extend(den.to_be_bytes());
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_rotated_camera_photo_comes_out_upright_small_and_without_exif() {
    // As the sensor saw it: landscape, with a red patch in its top-left corner.
    let mut raw = draw::photo(6000, 4000, 7);
    for y in 0..400 {
        for x in 0..400 {
            raw.put_pixel(x, y, image::Rgb([230, 20, 20]));
        }
    }
    let file = with_exif(&draw::jpeg(&raw, 90), 6);
    assert!(contains(&file, b"Exif\0\0"), "the fixture carries EXIF");
    let decoded = image::load_from_memory(&file).unwrap();
    assert_eq!(decoded.dimensions(), (6000, 4000), "the fixture is stored sideways");

    let out = import(&file).unwrap();
    assert_eq!(out.media_type, MediaType::Jpeg);
    // Orientation 6: turn 90° clockwise to view, so portrait, with the patch top right.
    assert_eq!((out.width, out.height), (1600, LONG_EDGE));
    let shown = image::load_from_memory(&out.bytes).unwrap().to_rgb8();
    assert_eq!(shown.dimensions(), (1600, 2400));
    let top_right = shown.get_pixel(1600 - 40, 40);
    assert!(top_right[0] > 180 && top_right[1] < 80, "the red patch is not top right: {top_right:?}");
    let top_left = shown.get_pixel(40, 40);
    assert!(top_left[0] < 180 || top_left[1] > 80, "the picture was not turned: {top_left:?}");
    // Nothing of the metadata is left: no EXIF segment, no GPS rationals.
    assert!(!contains(&out.bytes, b"Exif"), "EXIF left in the stored bytes");
    assert!(!contains(&out.bytes, &[0xFF, 0xE1]), "an APP1 segment is left");
    assert!(!contains(&out.bytes, &3141u32.to_be_bytes()), "the GPS position is left");
    let thumb = image::load_from_memory(&out.thumbnail).unwrap();
    assert_eq!(thumb.dimensions(), (213, 320));
}

#[test]
fn a_screenshot_with_transparency_stays_a_sharp_png() {
    let shot = DynamicImage::ImageRgba8(draw::screenshot(1280, 800));
    let out = import(&draw::png(&shot)).unwrap();
    assert_eq!(out.media_type, MediaType::Png);
    assert_eq!((out.width, out.height), (1280, 800), "a screenshot that fits is never resized");
    let back = image::load_from_memory(&out.bytes).unwrap();
    assert_eq!(back.to_rgba8(), shot.to_rgba8(), "every pixel survives: edges stay sharp");
}

#[test]
fn an_opaque_diagram_stays_png_and_a_photo_becomes_jpeg() {
    let diagram = DynamicImage::ImageRgb8(draw::diagram(1600, 900, [37, 99, 235]));
    let out = import(&draw::png(&diagram)).unwrap();
    assert_eq!(out.media_type, MediaType::Png);
    assert!(out.bytes.len() < 60_000, "a flat diagram compresses well: {} bytes", out.bytes.len());

    // A photo saved as PNG (as some phones do) is kept as a JPEG, much smaller.
    let photo = DynamicImage::ImageRgb8(draw::photo(1600, 1200, 3));
    let png = draw::png(&photo);
    let out = import(&png).unwrap();
    assert_eq!(out.media_type, MediaType::Jpeg);
    assert!(out.bytes.len() * 3 < png.len(), "{} vs {}", out.bytes.len(), png.len());
}

#[test]
fn webp_and_the_first_frame_of_a_gif_are_accepted() {
    let picture = DynamicImage::ImageRgb8(draw::diagram(300, 200, [200, 60, 40]));
    let mut webp = Vec::new();
    picture.write_to(&mut std::io::Cursor::new(&mut webp), image::ImageFormat::WebP).unwrap();
    let out = import(&webp).unwrap();
    assert_eq!((out.width, out.height, out.media_type), (300, 200, MediaType::Png));

    let mut gif = Vec::new();
    {
        let mut encoder = image::codecs::gif::GifEncoder::new(&mut gif);
        let first = image::Frame::new(picture.to_rgba8());
        let second = image::Frame::new(image::RgbaImage::from_pixel(300, 200, image::Rgba([0, 0, 0, 255])));
        encoder.encode_frames([first, second]).unwrap();
    }
    let out = import(&gif).unwrap();
    assert_eq!((out.width, out.height, out.media_type), (300, 200, MediaType::Png));
    let back = image::load_from_memory(&out.bytes).unwrap().to_rgb8();
    assert_ne!(back.get_pixel(5, 5), &image::Rgb([0, 0, 0]), "the first frame, not the last");
}

#[test]
fn text_named_png_is_refused_as_not_an_image() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("holiday.png");
    std::fs::write(&path, "Dear diary, today I renamed a text file.").unwrap();
    assert_eq!(import_file(&path).unwrap_err(), Error::NotAnImage);
    let message = Error::NotAnImage.to_string();
    assert!(message.contains("not an image"), "{message}");
}

#[test]
fn a_truncated_jpeg_is_refused() {
    let whole = draw::jpeg(&draw::photo(800, 600, 1), 85);
    for keep in [whole.len() * 3 / 5, whole.len() - 2, 300] {
        let err = import(&whole[..keep]).unwrap_err();
        assert!(matches!(err, Error::Corrupt(_)), "cut at {keep}: {err:?}");
    }
    assert!(import(&whole).is_ok());
}

#[test]
fn an_unsupported_format_is_named() {
    let bmp = b"BM\x3a\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0\x01\0\0\0\x01\0\0\0\x01\0\x18\0\0\0\0\0\x04\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xff\xff\xff\0";
    let err = import(bmp).unwrap_err();
    assert_eq!(err, Error::Unsupported("BMP".into()));
    assert!(err.to_string().starts_with("BMP images are not supported"), "{err}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.jpg");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(folio_media::MAX_FILE_BYTES + 1).unwrap();
    assert!(matches!(import_file(&path).unwrap_err(), Error::FileTooLarge));
}

#[test]
fn the_same_picture_gives_the_same_bytes_and_hash() {
    let file = draw::jpeg(&draw::photo(640, 480, 9), 90);
    let (a, b) = (import(&file).unwrap(), import(&file).unwrap());
    assert_eq!(a.sha256, b.sha256);
    assert_eq!(a.bytes, b.bytes);
    assert_eq!(a.sha256.len(), 64);
}

#[test]
fn a_small_image_keeps_its_size_and_so_does_its_thumbnail() {
    let icon = DynamicImage::ImageRgb8(draw::diagram(48, 32, [200, 60, 40]));
    let out = import(&draw::png(&icon)).unwrap();
    assert_eq!((out.width, out.height), (48, 32));
    assert_eq!(image::load_from_memory(&out.thumbnail).unwrap().dimensions(), (48, 32), "never enlarged");
}

#[test]
fn a_stored_image_is_inspected_from_its_header() {
    let out = import(&draw::jpeg(&draw::photo(640, 480, 2), 90)).unwrap();
    assert_eq!(folio_media::inspect(&out.bytes).unwrap(), (MediaType::Jpeg, 640, 480));
    assert_eq!(folio_media::jpeg_components(&out.bytes), Some(3));
    assert_eq!(
        folio_media::inspect(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;").unwrap_err(),
        Error::Unsupported("GIF".into())
    );
    assert_eq!(folio_media::inspect(b"hello").unwrap_err(), Error::NotAnImage);
}
