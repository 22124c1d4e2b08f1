use std::collections::HashSet;

use folio_model::MediaType;
use folio_store::tables::assets::{self, NewAsset};
use folio_store::Store;
use uuid::Uuid;

fn asset<'a>(sha256: &'a str, bytes: &'a [u8]) -> NewAsset<'a> {
    NewAsset {
        id: Uuid::now_v7(),
        sha256,
        media_type: MediaType::Png,
        width: 4,
        height: 3,
        original_name: "diagram.png",
        bytes,
        thumbnail: b"thumb",
    }
}

#[test]
fn the_same_image_is_stored_once() {
    let mut store = Store::open_in_memory().unwrap();
    let first = store.write(|tx| assets::insert_or_existing(tx, &asset("aa", b"pixels"))).unwrap();
    let again = store.write(|tx| assets::insert_or_existing(tx, &asset("aa", b"pixels"))).unwrap();
    assert_eq!(first.id, again.id);
    assert_eq!(assets::list(store.read()).unwrap().len(), 1);
    assert_eq!((first.width, first.height, first.byte_len), (4, 3, 6));
    assert_eq!(assets::bytes(store.read(), first.id).unwrap().unwrap(), b"pixels");
    assert_eq!(assets::thumbnail(store.read(), first.id).unwrap().unwrap(), b"thumb");
}

#[test]
fn only_unused_assets_are_collected() {
    let mut store = Store::open_in_memory().unwrap();
    let kept = store.write(|tx| assets::insert_or_existing(tx, &asset("aa", b"kept"))).unwrap();
    let dropped = store.write(|tx| assets::insert_or_existing(tx, &asset("bb", b"dropped"))).unwrap();
    let gone = store.write(|tx| assets::delete_unused(tx, &HashSet::from([kept.id]))).unwrap();
    assert_eq!(gone, 1);
    assert!(assets::get(store.read(), kept.id).unwrap().is_some());
    assert!(assets::get(store.read(), dropped.id).unwrap().is_none());
}

#[test]
fn a_media_type_other_than_jpeg_or_png_is_refused_by_the_schema() {
    let mut store = Store::open_in_memory().unwrap();
    let png = store.write(|tx| assets::insert_or_existing(tx, &asset("cc", b"pixels"))).unwrap();
    let relabel = store.write(|tx| {
        let sql = "UPDATE assets SET media_type = 'image/svg+xml' WHERE id = ?1";
        tx.execute(sql, [png.id.to_string()]).map_err(folio_store::Error::from)
    });
    assert!(relabel.is_err(), "the schema keeps the types the code knows");
    assert_eq!(assets::get(store.read(), png.id).unwrap().unwrap().media_type, MediaType::Png);
}
