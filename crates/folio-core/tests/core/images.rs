use folio_core::Folio;
use folio_media::draw;
use folio_model::{CaseStudy, EntityKind, ErrorCode, ImageRef, MediaType, Profile};
use image::DynamicImage;
use uuid::Uuid;

use crate::open;

fn photo_file(dir: &std::path::Path, name: &str, seed: u32) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, draw::jpeg(&draw::photo(900, 600, seed), 90)).unwrap();
    path
}

fn case_study(folio: &Folio, title: &str) -> Uuid {
    folio.create(&CaseStudy { title: title.into(), ..CaseStudy::default() }).unwrap().id
}

#[test]
fn the_same_image_imported_twice_is_kept_once() {
    let (folio, dir) = open();
    let path = photo_file(dir.path(), "team.jpg", 1);
    let first = folio.import_image_file(&path).unwrap();
    let again = folio.import_image(&std::fs::read(&path).unwrap(), "copy.jpg").unwrap();
    assert_eq!(first.id, again.id);
    assert_eq!(folio.assets().unwrap().len(), 1);
    assert_eq!((first.width, first.height, first.media_type), (900, 600, MediaType::Jpeg));
    assert_eq!(first.original_name, "team.jpg");
    let (kind, thumbnail) = folio.thumbnail(first.id).unwrap();
    assert_eq!(kind, MediaType::Jpeg);
    assert!(image::load_from_memory(&thumbnail).unwrap().width() <= 320);
}

#[test]
fn an_image_is_attached_with_its_caption_and_a_bad_file_changes_nothing() {
    let (folio, dir) = open();
    let id = case_study(&folio, "Payments");
    let path = photo_file(dir.path(), "whiteboard.jpg", 2);
    let stored = folio.attach_image(id, &path, "  The whiteboard after the kickoff ").unwrap();
    assert_eq!(stored.item.images.len(), 1);
    assert_eq!(stored.item.images[0].caption, "The whiteboard after the kickoff");

    let text = dir.path().join("diagram.png");
    std::fs::write(&text, "not a picture").unwrap();
    let err = folio.attach_image(id, &text, "Architecture").unwrap_err();
    assert_eq!(err.code(), ErrorCode::ImageUnreadable);
    assert!(err.to_string().contains("not an image"), "{err}");
    assert_eq!(folio.get::<CaseStudy>(id).unwrap().item.images.len(), 1);
    assert_eq!(folio.assets().unwrap().len(), 1);
}

#[test]
fn a_record_showing_an_unknown_image_is_refused() {
    let (folio, _dir) = open();
    let id = case_study(&folio, "Payments");
    let ghost = CaseStudy {
        title: "Payments".into(),
        images: vec![ImageRef { asset: Uuid::now_v7(), ..ImageRef::default() }],
        ..CaseStudy::default()
    };
    let err = folio.update(id, &ghost).unwrap_err();
    assert_eq!((err.code(), err.field()), (ErrorCode::InvalidInput, Some("images[0].asset")));
    assert!(folio.get::<CaseStudy>(id).unwrap().item.images.is_empty());

    let err = folio.update_profile(&Profile { photo: Some(Uuid::now_v7()), ..Profile::default() }).unwrap_err();
    assert_eq!(err.field(), Some("photo"));
}

#[test]
fn images_only_the_trash_showed_are_collected_when_it_is_emptied() {
    let (folio, dir) = open();
    let kept = case_study(&folio, "Kept");
    let gone = case_study(&folio, "Gone");
    folio.attach_image(kept, &photo_file(dir.path(), "a.jpg", 1), "").unwrap();
    folio.attach_image(gone, &photo_file(dir.path(), "b.jpg", 2), "").unwrap();
    // Also shown by both: stays.
    let shared = folio.attach_image(gone, &photo_file(dir.path(), "c.jpg", 3), "").unwrap().item.images[1].asset;
    let mut item = folio.get::<CaseStudy>(kept).unwrap().item;
    item.images.push(ImageRef { asset: shared, ..ImageRef::default() });
    folio.update(kept, &item).unwrap();
    // Imported but never attached: collected too.
    folio.import_image_file(&photo_file(dir.path(), "d.jpg", 4)).unwrap();

    folio.delete(EntityKind::CaseStudy, gone).unwrap();
    assert_eq!(folio.assets().unwrap().len(), 4, "the Trash may give the case study back, images and all");
    folio.empty_trash().unwrap();
    let left: Vec<_> = folio.assets().unwrap().into_iter().map(|a| a.original_name).collect();
    assert_eq!(left, ["a.jpg", "c.jpg"]);
}

#[test]
fn the_profile_photo_is_set_and_removed() {
    let (folio, dir) = open();
    let png = dir.path().join("me.png");
    std::fs::write(&png, draw::png(&DynamicImage::ImageRgb8(draw::photo(400, 400, 5)))).unwrap();
    let profile = folio.set_profile_photo(Some(&png)).unwrap();
    let photo = profile.photo.expect("a photo");
    assert_eq!(folio.profile().unwrap().photo, Some(photo));
    assert_eq!(folio.asset(photo).unwrap().0.media_type, MediaType::Jpeg, "a photograph is kept as JPEG");
    assert_eq!(folio.set_profile_photo(None).unwrap().photo, None);
}

#[test]
fn a_backup_keeps_images_byte_for_byte() {
    let (folio, dir) = open();
    let id = case_study(&folio, "Payments");
    folio.attach_image(id, &photo_file(dir.path(), "a.jpg", 1), "Kickoff").unwrap();
    let png = dir.path().join("arch.png");
    std::fs::write(&png, draw::png(&DynamicImage::ImageRgb8(draw::diagram(800, 500, [37, 99, 235])))).unwrap();
    folio.attach_image(id, &png, "Architecture").unwrap();
    folio.set_profile_photo(Some(&photo_file(dir.path(), "me.jpg", 9))).unwrap();

    let first = folio.export_bytes(folio_core::FileFormat::Folio, None).unwrap();
    let (empty, _d) = open();
    empty.import_bytes(&first, None, false).unwrap();
    assert_eq!(empty.export_bytes(folio_core::FileFormat::Folio, None).unwrap(), first);
    for asset in folio.assets().unwrap() {
        assert_eq!(empty.asset(asset.id).unwrap().1, folio.asset(asset.id).unwrap().1);
    }
    // Merged into a portfolio that already keeps one of the pictures under another
    // id, the picture is kept once and the case study shows the one kept.
    let (other, _o) = open();
    let already = other.import_image_file(&photo_file(dir.path(), "same.jpg", 1)).unwrap();
    other.import_bytes(&first, Some(folio_core::ImportMode::Merge), false).unwrap();
    assert_eq!(other.assets().unwrap().len(), 3);
    let shown = &other.get::<CaseStudy>(id).unwrap().item.images[0];
    assert_eq!(shown.asset, already.id);
}

#[test]
fn a_backup_with_a_damaged_image_is_refused_whole() {
    let (folio, dir) = open();
    let id = case_study(&folio, "Payments");
    folio.attach_image(id, &photo_file(dir.path(), "a.jpg", 1), "").unwrap();
    let mut doc: serde_json::Value =
        serde_json::from_slice(&folio.export_bytes(folio_core::FileFormat::Folio, None).unwrap()).unwrap();
    let data = doc["assets"][0]["data"].as_str().unwrap().to_string();
    doc["assets"][0]["data"] = format!("AAAA{}", &data[4..]).into();
    let (empty, _d) = open();
    let err = empty.import_bytes(&serde_json::to_vec(&doc).unwrap(), None, false).unwrap_err();
    assert_eq!(err.field(), Some("assets[0].data"), "{err}");
    assert!(empty.is_empty().unwrap());

    // Whole and matching its hash, but not the size it claims: refused too (the PDF
    // writer relies on the size).
    doc["assets"][0]["data"] = data.into();
    doc["assets"][0]["width"] = 899.into();
    let err = empty.import_bytes(&serde_json::to_vec(&doc).unwrap(), None, false).unwrap_err();
    assert_eq!(err.field(), Some("assets[0].data"), "{err}");
    assert!(err.to_string().contains("not the 899×600"), "{err}");
    assert!(empty.is_empty().unwrap());

    doc["assets"] = serde_json::json!([]);
    let err = empty.import_bytes(&serde_json::to_vec(&doc).unwrap(), None, false).unwrap_err();
    assert_eq!(err.field(), Some("caseStudies[0].item.images[0].asset"), "{err}");
}
