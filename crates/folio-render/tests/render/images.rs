use folio_media::draw;
use folio_model::{CaseStudy, ImageRef, Paper, Portfolio};
use folio_render::{layout, Document, Image, ImageFormat, Images, Item, LayoutOptions, Pt};
use uuid::Uuid;

use crate::{portfolio, words};

fn jpeg(width: u32, height: u32) -> Image {
    Image { width, height, format: ImageFormat::Jpeg, bytes: draw::jpeg(&draw::photo(width, height, 1), 80) }
}

fn with_images(text_before: usize, images: &[(Uuid, &str)]) -> Portfolio {
    let cs = CaseStudy {
        title: "Payments".into(),
        outcome: words(text_before),
        images: images
            .iter()
            .map(|(id, caption)| ImageRef { asset: *id, caption: (*caption).into(), alt: String::new() })
            .collect(),
        ..CaseStudy::default()
    };
    portfolio(vec![cs], vec![])
}

fn lay(p: &Portfolio, images: &Images) -> Document {
    let theme = folio_render::theme("modern").unwrap();
    layout(
        p,
        &LayoutOptions {
            theme,
            paper: Paper::A4,
            format: folio_model::DocumentFormat::Portfolio,
            accent: None,
            images,
        },
    )
}

/// Every image drawn: (page, rect).
fn drawn(doc: &Document) -> Vec<(usize, folio_render::Rect, Uuid)> {
    let mut out = Vec::new();
    for (page, p) in doc.pages.iter().enumerate() {
        for item in &p.items {
            if let Item::Image { rect, asset, .. } = item {
                out.push((page, *rect, *asset));
            }
        }
    }
    out
}

#[test]
fn a_large_photo_takes_the_column_width_and_a_small_one_is_never_blown_up() {
    let (big, small) = (Uuid::now_v7(), Uuid::now_v7());
    let mut images = Images::new();
    images.insert(big, jpeg(2400, 1200));
    images.insert(small, jpeg(300, 200));
    let doc = lay(&with_images(20, &[(big, "Before the migration"), (small, "")]), &images);
    let shown = drawn(&doc);
    assert_eq!(shown.len(), 2);
    let column = doc.page_size.width - Pt::from(folio_render::theme("modern").unwrap().margin_x) * 2.0;
    let (_, wide, _) = shown[0];
    assert!((wide.width.0 - column.0).abs() < 0.5, "{wide:?}");
    assert!((wide.height.0 - wide.width.0 / 2.0).abs() < 0.5, "the aspect ratio is kept");
    let (_, little, _) = shown[1];
    assert!((little.width.0 - 300.0 * 72.0 / 150.0).abs() < 0.5, "printed at 150 DPI, not stretched: {little:?}");
    let text: String = doc.texts(0).map(|t| t.text()).collect::<Vec<_>>().join(" ");
    assert!(text.contains("Before the migration"), "the caption is printed");
}

#[test]
fn a_tall_image_is_limited_to_about_half_a_page() {
    let tall = Uuid::now_v7();
    let mut images = Images::new();
    images.insert(tall, jpeg(1200, 2400));
    let doc = lay(&with_images(10, &[(tall, "")]), &images);
    let (_, rect, _) = drawn(&doc)[0];
    assert!(rect.height.0 < doc.page_size.height.0 * 0.45, "{rect:?}");
    assert!((rect.height.0 - rect.width.0 * 2.0).abs() < 0.5);
}

#[test]
fn an_image_and_its_caption_are_never_split_across_pages() {
    let id = Uuid::now_v7();
    let mut images = Images::new();
    images.insert(id, jpeg(2400, 1600));
    // Enough text before that the image cannot fit on the first page.
    let doc = lay(&with_images(520, &[(id, "Quokka diagram")]), &images);
    let (page, rect, _) = drawn(&doc)[0];
    assert!(page >= 1, "the image moved to the next page");
    let caption_page = (0..doc.pages.len()).find(|&p| doc.texts(p).any(|t| t.text().contains("Quokka"))).unwrap();
    assert_eq!(caption_page, page, "the caption stays with its image");
    let frame_bottom = doc.page_size.height.0 - 15.0 * 72.0 / 25.4;
    assert!(rect.y.0 + rect.height.0 <= frame_bottom + 1.0);
}

#[test]
fn the_profile_photo_is_a_circle_in_the_header_and_a_missing_image_is_left_out() {
    let photo = Uuid::now_v7();
    let mut images = Images::new();
    images.insert(photo, jpeg(600, 400));
    let mut p = with_images(10, &[(Uuid::now_v7(), "Gone")]);
    p.profile.full_name = "Ada Lovelace".into();
    p.profile.photo = Some(photo);
    let doc = lay(&p, &images);
    let header: Vec<_> = doc.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Image { rect, round, .. } => Some((*rect, *round)),
            _ => None,
        })
        .collect();
    assert_eq!(header.len(), 1, "only the photo: the missing image is skipped");
    let (rect, round) = header[0];
    let circle = round.expect("the photo is clipped to a circle");
    assert_eq!(circle.width, circle.height);
    assert!(rect.width > circle.width && (rect.height.0 - circle.height.0).abs() < 0.01, "cropped, not squashed");
    assert!(circle.x.0 + circle.width.0 > doc.page_size.width.0 * 0.8, "at the right of the header");
}

#[test]
fn a_photo_near_the_foot_of_a_page_is_drawn_smaller_rather_than_leave_a_gap_but_never_below_two_thirds() {
    let photo = Uuid::now_v7();
    let mut images = Images::new();
    images.insert(photo, jpeg(2400, 1600));
    let full = drawn(&lay(&with_images(10, &[(photo, "The ledger")]), &images))[0].1;
    let (mut shrunk, mut moved) = (0, 0);
    // More and more text before the photo walks it down the first page.
    for n in (200..900).step_by(20) {
        let doc = lay(&with_images(n, &[(photo, "The ledger")]), &images);
        let (page, rect, _) = drawn(&doc)[0];
        let bottom = doc.page_size.height - Pt(40.0);
        assert!(rect.y + rect.height < bottom, "{n}: the photo stays clear of the footer");
        assert!((rect.width.0 / rect.height.0 - full.width.0 / full.height.0).abs() < 0.01, "{n}: its proportions");
        if rect.height.0 < full.height.0 - 0.5 {
            shrunk += 1;
            assert!(rect.height.0 >= full.height.0 * 0.66 - 0.5, "{n}: no smaller than two thirds: {rect:?}");
            // Its caption follows it on the same page.
            let caption = doc.pages[page].items.iter().find_map(|i| match i {
                Item::Text(run) if run.text() == "The ledger" => Some(run.origin.y),
                _ => None,
            });
            assert!(caption.is_some_and(|y| y > rect.y + rect.height), "{n}: caption under the photo");
        } else if page > 0 {
            moved += 1;
        }
    }
    assert!(shrunk > 0, "a photo that nearly fits is drawn smaller");
    assert!(moved > 0, "a photo that fits at less than two thirds moves to the next page");
}
