//! Files in and out: JSON Resume and the Folio backup (copies of the database itself
//! are in `database_file`).
//! Every import is one transaction, so a file that fails part-way changes nothing.

use std::collections::HashMap;
use std::path::Path;

use folio_interchange::backup::{self, AssetEntry, Backup, Entry, SnapshotEntry};
use folio_interchange::{json_resume, Document, Imported, Note};
use folio_model::{
    CaseStudy, Certification, Edition, Education, Entity, Experience, Profile, Recommendation, Skill, Stored, Writing,
};
use folio_store::tables::assets::{self, NewAsset};
use folio_store::tables::{export_records, profile, records};
use folio_store::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::files::write_atomically;
use crate::merge::{Known, MergeKey};
use crate::{Error, Folio, Result, Stats};

/// The file formats Folio writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum FileFormat {
    /// The lossless Folio backup (JSON).
    #[default]
    Folio,
    /// JSON Resume 1.x, with Folio's extra detail under `x-folio`.
    JsonResume,
}

/// What to do with a portfolio that already holds records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ImportMode {
    /// Keep what is there; records with the same id (from a backup) are replaced.
    Merge,
    /// Delete everything first (the Trash and export log included).
    Replace,
}

/// What an import read, and added — or would add, for a dry run.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// "folio-backup" or "json-resume".
    pub format: String,
    pub dry_run: bool,
    /// Records in the file, per kind.
    pub records: Stats,
    /// Whether the file sets the profile.
    pub profile: bool,
    /// What had no place in Folio and was left out, with where it was.
    pub notes: Vec<Note>,
    /// Records of the file (a JSON Resume or LinkedIn export) that the portfolio already
    /// holds, per kind, which a merge leaves as they are rather than adding twice.
    pub already_there: Stats,
}

fn entries<E: Entity>(rows: Vec<(Stored<E>, Option<i64>)>) -> Vec<Entry<E>> {
    rows.into_iter()
        .map(|(s, deleted_at)| Entry {
            id: s.id,
            created_at: s.created_at,
            updated_at: s.updated_at,
            deleted_at,
            item: s.item,
        })
        .collect()
}

fn put_all<E: Entity>(tx: &Transaction<'_>, list: &[Entry<E>]) -> Result<()> {
    for e in list {
        let stored = Stored { id: e.id, created_at: e.created_at, updated_at: e.updated_at, item: e.item.clone() };
        records::put(tx, &stored, e.deleted_at)?;
    }
    Ok(())
}

/// Inserts each of `items` the portfolio does not hold yet (every one, without `known`).
fn insert_new<E: MergeKey>(tx: &Transaction<'_>, items: &[E], known: Option<&Known>) -> Result<()> {
    for item in items.iter().filter(|i| known.is_none_or(|k| !k.has(*i))) {
        records::insert(tx, Uuid::now_v7(), item)?;
    }
    Ok(())
}

fn live<E>(list: &[Entry<E>]) -> u64 {
    list.iter().filter(|e| e.deleted_at.is_none()).count() as u64
}

fn report(document: &Document, dry_run: bool) -> ImportReport {
    match document {
        Document::Backup(b, notes) => ImportReport {
            format: backup::FORMAT.into(),
            dry_run,
            records: Stats {
                case_studies: live(&b.case_studies),
                recommendations: live(&b.recommendations),
                skills: live(&b.skills),
                experience: live(&b.experience),
                certifications: live(&b.certifications),
                education: live(&b.education),
                writing: live(&b.writing),
                editions: live(&b.editions),
                trash: [
                    b.case_studies.len() as u64 - live(&b.case_studies),
                    b.recommendations.len() as u64 - live(&b.recommendations),
                    b.skills.len() as u64 - live(&b.skills),
                    b.experience.len() as u64 - live(&b.experience),
                    b.certifications.len() as u64 - live(&b.certifications),
                    b.education.len() as u64 - live(&b.education),
                    b.writing.len() as u64 - live(&b.writing),
                    b.editions.len() as u64 - live(&b.editions),
                ]
                .iter()
                .sum(),
            },
            profile: b.profile_updated_at.is_some(),
            notes: notes.clone(),
            already_there: Stats::default(),
        },
        Document::JsonResume(r) | Document::Linkedin(r) => ImportReport {
            format: r.format.into(),
            dry_run,
            records: Stats {
                case_studies: r.case_studies.len() as u64,
                recommendations: r.recommendations.len() as u64,
                skills: r.skills.len() as u64,
                experience: r.experience.len() as u64,
                certifications: r.certifications.len() as u64,
                education: r.education.len() as u64,
                writing: r.writing.len() as u64,
                editions: 0,
                trash: 0,
            },
            profile: r.profile.is_some(),
            notes: r.notes.clone(),
            already_there: Stats::default(),
        },
    }
}

/// Fills the empty fields of `current` from `incoming`: a merge never overwrites what
/// the user typed.
fn merged_profile(current: Profile, incoming: &Profile) -> Profile {
    let pick = |mine: String, theirs: &String| if mine.trim().is_empty() { theirs.clone() } else { mine };
    let mut links = current.links.clone();
    for link in &incoming.links {
        if !links.iter().any(|l| l.url == link.url) {
            links.push(link.clone());
        }
    }
    Profile {
        full_name: pick(current.full_name, &incoming.full_name),
        headline: pick(current.headline, &incoming.headline),
        summary: pick(current.summary, &incoming.summary),
        email: pick(current.email, &incoming.email),
        phone: pick(current.phone, &incoming.phone),
        location: pick(current.location, &incoming.location),
        links,
        photo: current.photo.or(incoming.photo),
        language: pick(current.language, &incoming.language),
    }
}

impl Folio {
    /// Everything, as a Folio backup document.
    pub fn backup_document(&self) -> Result<Backup> {
        self.backup_document_with(Snapshots::SkipUnreadable)
    }

    pub(crate) fn backup_document_with(&self, unreadable: Snapshots) -> Result<Backup> {
        self.store().snapshot(|tx| {
            let mut snapshots = Vec::new();
            for (export, json) in export_records::snapshots(tx)? {
                match serde_json::from_str(&json) {
                    Ok(snapshot) => snapshots.push(SnapshotEntry { export, snapshot }),
                    Err(_) if unreadable == Snapshots::SkipUnreadable => {}
                    Err(e) => return Err(Error::invalid("snapshot", format!("the snapshot of export {export}: {e}"))),
                }
            }
            Ok(Backup {
                profile: profile::get(tx)?,
                profile_updated_at: profile::updated_at(tx)?,
                case_studies: entries(records::dump::<CaseStudy>(tx)?),
                recommendations: entries(records::dump::<Recommendation>(tx)?),
                skills: entries(records::dump::<Skill>(tx)?),
                experience: entries(records::dump::<Experience>(tx)?),
                certifications: entries(records::dump::<Certification>(tx)?),
                education: entries(records::dump::<Education>(tx)?),
                writing: entries(records::dump::<Writing>(tx)?),
                editions: entries(records::dump::<Edition>(tx)?),
                exports: export_records::list(tx, None)?,
                snapshots,
                assets: assets::dump(tx)?
                    .into_iter()
                    .map(|whole| AssetEntry { asset: whole.asset, data: whole.bytes, thumbnail: whole.thumbnail })
                    .collect(),
                ..Backup::default()
            })
        })
    }

    /// The bytes of an export file: a backup of everything, or a JSON Resume of the
    /// portfolio (of one edition's selection when `edition` is given).
    pub fn export_bytes(&self, format: FileFormat, edition: Option<Uuid>) -> Result<Vec<u8>> {
        match format {
            FileFormat::Folio => {
                if edition.is_some() {
                    return Err(Error::invalid(
                        "edition",
                        "a Folio backup holds everything; editions apply to JSON Resume",
                    ));
                }
                Ok(backup::write(&self.backup_document()?))
            }
            FileFormat::JsonResume => {
                let portfolio = self.portfolio(edition)?;
                let doc = json_resume::export(&portfolio);
                let json = serde_json::to_string_pretty(&doc).expect("JSON always serialises");
                if let Some(e) = &portfolio.edition {
                    crate::redact::check_text(&json, &e.item.redactions, "the JSON Resume")?;
                }
                let mut bytes = json.into_bytes();
                bytes.push(b'\n');
                Ok(bytes)
            }
        }
    }

    /// Writes an export file to `path` (through a temporary file, so a failure leaves
    /// any earlier file as it was); returns its size in bytes.
    pub fn export_file(&self, path: &Path, format: FileFormat, edition: Option<Uuid>) -> Result<u64> {
        let bytes = self.export_bytes(format, edition)?;
        write_atomically(path, &bytes)?;
        Ok(bytes.len() as u64)
    }

    /// Whether nothing has been typed: no profile, no records, nothing in the Trash.
    pub fn is_empty(&self) -> Result<bool> {
        let status = self.status()?;
        Ok(status.fresh || (self.profile()? == Profile::default() && self.stats()? == Stats::default()))
    }

    /// Imports a Folio backup, a JSON Resume or LinkedIn's export (its ZIP), detected
    /// from its content. Into a
    /// portfolio that is not empty, `mode` must say whether to merge or replace. A dry
    /// run reads and checks the file and reports what it would add, changing nothing.
    pub fn import_bytes(&self, bytes: &[u8], mode: Option<ImportMode>, dry_run: bool) -> Result<ImportReport> {
        self.import_document(folio_interchange::read(bytes)?, mode, dry_run)
    }

    /// Imports a document already read (see [`Folio::import_bytes`]).
    pub(crate) fn import_document(
        &self,
        document: Document,
        mode: Option<ImportMode>,
        dry_run: bool,
    ) -> Result<ImportReport> {
        if let Document::Backup(b, _) = &document {
            check_images(b)?;
        }
        let mut report = report(&document, dry_run);
        if let (Some(ImportMode::Merge), Document::JsonResume(r) | Document::Linkedin(r)) = (mode, &document) {
            report.already_there = self.store().snapshot(|tx| Ok::<_, Error>(Known::load(tx)?.count_in(r)))?;
        }
        if dry_run {
            return Ok(report);
        }
        if mode.is_none() && !self.is_empty()? {
            return Err(Error::NotEmpty(
                "the portfolio is not empty: choose to merge the file into it or to replace it".into(),
            ));
        }
        // Into an empty portfolio an import is a replace: a backup comes back exactly,
        // its profile's time of last change included.
        let replace = mode != Some(ImportMode::Merge);
        self.store().write(|tx| {
            if replace {
                export_records::clear(tx)?;
                records::clear(tx)?;
                assets::clear(tx)?;
                profile::put(tx, &Profile::default(), None)?;
            }
            match &document {
                Document::Backup(b, _) => apply_backup(tx, b, replace),
                Document::JsonResume(r) | Document::Linkedin(r) => apply_resume(tx, r, replace),
            }
        })?;
        Ok(report)
    }
}

/// What a backup does with export snapshots this build cannot read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Snapshots {
    /// Leave them out: a backup of a working portfolio never fails for an old snapshot.
    SkipUnreadable,
    /// Fail: a database to restore must read whole.
    AllOrFail,
}

/// Stores the backup's images. An image this portfolio already keeps under another id
/// is not stored twice: the returned map says which id to show instead.
fn put_assets(tx: &Transaction<'_>, entries: &[AssetEntry]) -> Result<HashMap<Uuid, Uuid>> {
    let mut same = HashMap::new();
    for AssetEntry { asset, data, thumbnail } in entries {
        match assets::find_sha256(tx, &asset.sha256)? {
            Some(kept) if kept.id != asset.id => {
                same.insert(asset.id, kept.id);
            }
            Some(_) => {}
            None => assets::put(
                tx,
                &NewAsset {
                    id: asset.id,
                    sha256: &asset.sha256,
                    media_type: asset.media_type,
                    width: asset.width,
                    height: asset.height,
                    original_name: &asset.original_name,
                    bytes: data,
                    thumbnail,
                },
            )?,
        }
    }
    Ok(same)
}

/// A backup's images are what they say: a JPEG or PNG of the size given. (Their hash
/// is checked on reading; this checks what a hand-edited file could still get wrong,
/// and what the PDF writer relies on.)
pub(crate) fn check_images(b: &Backup) -> Result<()> {
    for (i, entry) in b.assets.iter().enumerate() {
        let asset = &entry.asset;
        let problem = match folio_media::inspect(&entry.data) {
            Err(e) => e.to_string(),
            Ok((kind, width, height)) if kind != asset.media_type || (width, height) != (asset.width, asset.height) => {
                format!(
                    "is a {}×{} {}, not the {}×{} {} it says",
                    width,
                    height,
                    kind.mime(),
                    asset.width,
                    asset.height,
                    asset.media_type.mime()
                )
            }
            Ok(_) => continue,
        };
        return Err(folio_interchange::Error::Malformed { path: format!("assets[{i}].data"), problem }.into());
    }
    Ok(())
}

fn apply_backup(tx: &Transaction<'_>, b: &Backup, replace: bool) -> Result<()> {
    let same = put_assets(tx, &b.assets)?;
    let mut profile_in = b.profile.clone();
    profile_in.photo = profile_in.photo.map(|id| same.get(&id).copied().unwrap_or(id));
    if replace {
        profile::put(tx, &profile_in, b.profile_updated_at)?;
    } else if b.profile_updated_at.is_some() {
        let current = profile::get(tx)?;
        let merged = merged_profile(current.clone(), &profile_in);
        if merged != current {
            profile::upsert(tx, &merged)?;
        }
    }
    let mut case_studies = b.case_studies.clone();
    for image in case_studies.iter_mut().flat_map(|e| e.item.images.iter_mut()) {
        image.asset = same.get(&image.asset).copied().unwrap_or(image.asset);
    }
    put_all(tx, &case_studies)?;
    put_all(tx, &b.recommendations)?;
    put_all(tx, &b.skills)?;
    put_all(tx, &b.experience)?;
    put_all(tx, &b.certifications)?;
    put_all(tx, &b.education)?;
    put_all(tx, &b.writing)?;
    put_all(tx, &b.editions)?;
    // The log lists newest first; insert oldest first so that ties keep their order.
    for record in b.exports.iter().rev() {
        let snapshot =
            b.snapshots.iter().find(|s| s.export == record.id).map(|s| crate::export::snapshot_json(&s.snapshot));
        export_records::insert(tx, record, snapshot.as_deref())?;
    }
    Ok(())
}

/// Adds what a JSON Resume or LinkedIn export holds. A merge adds only records the
/// portfolio does not hold yet; what pointed at a case study it holds points at that one.
fn apply_resume(tx: &Transaction<'_>, r: &Imported, replace: bool) -> Result<()> {
    let known = if replace { None } else { Some(Known::load(tx)?) };
    // A JSON Resume carries no image bytes: only images this portfolio keeps stay shown.
    let kept = |id: Uuid| assets::get(tx, id).map(|a| a.is_some());
    if let Some(incoming) = &r.profile {
        let mut incoming = incoming.clone();
        if let Some(photo) = incoming.photo {
            incoming.photo = kept(photo)?.then_some(photo);
        }
        let profile_now = if replace { incoming } else { merged_profile(profile::get(tx)?, &incoming) };
        profile::upsert(tx, &profile_now)?;
    }
    // Case studies get new ids; what pointed at their old ones follows them.
    let mut new_ids = std::collections::HashMap::new();
    for (i, item) in r.case_studies.iter().enumerate() {
        let old = r.case_study_ids.get(i).copied().flatten();
        if let Some(held) = known.as_ref().and_then(|k| k.case_study(item)) {
            old.map(|old| new_ids.insert(old, held));
            continue;
        }
        let id = Uuid::now_v7();
        let mut item = item.clone();
        let mut images = Vec::with_capacity(item.images.len());
        for image in item.images.drain(..) {
            if kept(image.asset)? {
                images.push(image);
            }
        }
        item.images = images;
        records::insert(tx, id, &item)?;
        if let Some(old) = old {
            new_ids.insert(old, id);
        }
    }
    let recommendations: Vec<Recommendation> = r
        .recommendations
        .iter()
        .map(|rec| Recommendation {
            case_study: rec.case_study.and_then(|id| new_ids.get(&id).copied()),
            ..rec.clone()
        })
        .collect();
    let skills: Vec<Skill> = r
        .skills
        .iter()
        .map(|s| Skill { evidence: s.evidence.iter().filter_map(|id| new_ids.get(id).copied()).collect(), ..s.clone() })
        .collect();
    insert_new(tx, &recommendations, known.as_ref())?;
    insert_new(tx, &skills, known.as_ref())?;
    insert_new(tx, &r.experience, known.as_ref())?;
    insert_new(tx, &r.certifications, known.as_ref())?;
    insert_new(tx, &r.education, known.as_ref())?;
    insert_new(tx, &r.writing, known.as_ref())?;
    Ok(())
}
