//! Images: imported through `folio-media` (checked, upright, without metadata, at
//! most print size), kept once per picture, shown by case studies and the profile, and
//! collected when nothing refers to them any more.

use std::collections::HashSet;
use std::path::Path;

use folio_model::{Asset, CaseStudy, Entity, ImageRef, MediaType, Portfolio, Profile, Stored};
use folio_store::tables::assets::{self, NewAsset};
use folio_store::tables::{profile, records};
use folio_store::Transaction;
use serde::Serialize;
use uuid::Uuid;

use crate::{Error, Folio, Result};

impl Folio {
    /// Imports the image file at `path`; the same picture imported again gives the
    /// asset already kept.
    pub fn import_image_file(&self, path: &Path) -> Result<Asset> {
        let image = folio_media::import_file(path)?;
        self.keep(&image, &file_name(path))
    }

    /// Imports an image given as bytes (a paste, a drop); `name` is the original file
    /// name, if there was one.
    pub fn import_image(&self, bytes: &[u8], name: &str) -> Result<Asset> {
        let image = folio_media::import(bytes)?;
        self.keep(&image, name)
    }

    fn keep(&self, image: &folio_media::Normalised, name: &str) -> Result<Asset> {
        self.store().write(|tx| Ok(assets::insert_or_existing(tx, &new_asset(image, name))?))
    }

    /// Every image kept, oldest first.
    pub fn assets(&self) -> Result<Vec<Asset>> {
        Ok(assets::list(self.store().read())?)
    }

    /// An image and its bytes.
    pub fn asset(&self, id: Uuid) -> Result<(Asset, Vec<u8>)> {
        let store = self.store();
        let asset = assets::get(store.read(), id)?.ok_or_else(|| missing(id))?;
        let bytes = assets::bytes(store.read(), id)?.ok_or_else(|| missing(id))?;
        Ok((asset, bytes))
    }

    /// An image's thumbnail (at most 320 px on the long edge) and its media type.
    pub fn thumbnail(&self, id: Uuid) -> Result<(MediaType, Vec<u8>)> {
        let store = self.store();
        let asset = assets::get(store.read(), id)?.ok_or_else(|| missing(id))?;
        let bytes = assets::thumbnail(store.read(), id)?.ok_or_else(|| missing(id))?;
        Ok((asset.media_type, bytes))
    }

    /// The images `portfolio` shows, with their bytes, for the renderer.
    pub(crate) fn images_of(&self, portfolio: &Portfolio) -> Result<folio_render::Images> {
        let shown = portfolio
            .case_studies
            .iter()
            .flat_map(|cs| cs.item.images.iter().map(|i| i.asset))
            .chain(portfolio.profile.photo);
        let store = self.store();
        let mut images = folio_render::Images::new();
        for id in shown {
            let (Some(asset), Some(bytes)) = (assets::get(store.read(), id)?, assets::bytes(store.read(), id)?) else {
                continue;
            };
            let format = match asset.media_type {
                MediaType::Jpeg => folio_render::ImageFormat::Jpeg,
                MediaType::Png => folio_render::ImageFormat::Png,
            };
            images.insert(id, folio_render::Image { width: asset.width, height: asset.height, format, bytes });
        }
        Ok(images)
    }

    /// Imports the image at `path` and adds it, with `caption`, after the case study's
    /// other images: all of it, or nothing if the file or the caption is refused.
    pub fn attach_image(&self, case_study: Uuid, path: &Path, caption: &str) -> Result<Stored<CaseStudy>> {
        let image = folio_media::import_file(path)?;
        self.store().write(|tx| {
            let asset = assets::insert_or_existing(tx, &new_asset(&image, &file_name(path)))?;
            let mut item = records::get::<CaseStudy>(tx, case_study)?.item;
            item.images.push(ImageRef { asset: asset.id, caption: caption.trim().into(), alt: String::new() });
            item.validate()?;
            Ok(records::update(tx, case_study, &item)?)
        })
    }

    /// Sets the profile photo from the image at `path`, or removes it when `None`.
    pub fn set_profile_photo(&self, path: Option<&Path>) -> Result<Profile> {
        let image = path.map(folio_media::import_file).transpose()?;
        self.store().write(|tx| {
            let mut current = profile::get(tx)?;
            current.photo = match (&image, path) {
                (Some(image), Some(path)) => {
                    Some(assets::insert_or_existing(tx, &new_asset(image, &file_name(path)))?.id)
                }
                _ => None,
            };
            profile::upsert(tx, &current)?;
            Ok(current)
        })
    }
}

/// An image and where it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageUse {
    #[serde(flatten)]
    pub asset: Asset,
    /// The titles of the case studies showing it, and "profile photo".
    pub shown_in: Vec<String>,
}

impl Folio {
    /// Every image kept, with where each is shown.
    pub fn image_uses(&self) -> Result<Vec<ImageUse>> {
        let case_studies = self.list::<CaseStudy>()?;
        let photo = self.profile()?.photo;
        Ok(self
            .assets()?
            .into_iter()
            .map(|asset| {
                let mut shown_in: Vec<String> = case_studies
                    .iter()
                    .filter(|cs| cs.item.images.iter().any(|i| i.asset == asset.id))
                    .map(|cs| cs.item.title.clone())
                    .collect();
                if photo == Some(asset.id) {
                    shown_in.insert(0, "profile photo".into());
                }
                ImageUse { asset, shown_in }
            })
            .collect())
    }

    /// The case study with this id, or else the one with this title (ignoring case).
    pub fn case_study_by_id_or_title(&self, wanted: &str) -> Result<Stored<CaseStudy>> {
        let wanted = wanted.trim();
        if let Ok(id) = Uuid::parse_str(wanted) {
            return self.get::<CaseStudy>(id);
        }
        let all = self.list::<CaseStudy>()?;
        let mut found = all.iter().filter(|cs| cs.item.title.trim().eq_ignore_ascii_case(wanted));
        match (found.next(), found.next()) {
            (Some(one), None) => Ok(one.clone()),
            (Some(_), Some(_)) => Err(Error::invalid(
                "caseStudy",
                format!("\"{wanted}\" is the title of two case studies; name one by its id (folio list case-studies --json)"),
            )),
            _ => Err(Error::invalid("caseStudy", format!("\"{wanted}\" is neither the title nor the id of a case study"))),
        }
    }
}

/// The store's row for a normalised image.
pub(crate) fn new_asset<'a>(image: &'a folio_media::Normalised, name: &'a str) -> NewAsset<'a> {
    NewAsset {
        id: Uuid::now_v7(),
        sha256: &image.sha256,
        media_type: image.media_type,
        width: image.width,
        height: image.height,
        original_name: name,
        bytes: &image.bytes,
        thumbnail: &image.thumbnail,
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn missing(id: Uuid) -> Error {
    Error::Store(folio_store::Error::NotFound { kind: "image", id: id.to_string() })
}

/// Refuses a record or profile that shows an image this portfolio does not keep.
pub(crate) fn check_assets(conn: &Transaction<'_>, refs: Vec<(String, Uuid)>) -> Result<()> {
    if refs.is_empty() {
        return Ok(());
    }
    let found = assets::existing(conn, refs.iter().map(|(_, id)| *id))?;
    match refs.into_iter().find(|(_, id)| !found.contains(id)) {
        Some((field, _)) => Err(Error::invalid(&field, "names an image that is not in this portfolio")),
        None => Ok(()),
    }
}

/// Every image something still shows: case studies (those in the Trash too, which
/// may come back) and the profile photo.
pub(crate) fn used_assets(conn: &Transaction<'_>) -> Result<HashSet<Uuid>> {
    let mut used: HashSet<Uuid> =
        records::dump::<CaseStudy>(conn)?.iter().flat_map(|(s, _)| s.item.images.iter().map(|i| i.asset)).collect();
    used.extend(profile::get(conn)?.photo);
    Ok(used)
}

/// Deletes the images nothing shows; returns how many went.
pub(crate) fn collect_unused(conn: &Transaction<'_>) -> Result<u64> {
    Ok(assets::delete_unused(conn, &used_assets(conn)?)?)
}
