//! The Folio backup: one JSON document holding everything — profile, every record of
//! every kind (the Trash included) with its id, timestamps and place in the order,
//! editions, the export log and the images (their bytes in base64, thumbnails too).
//! It is versioned, and written
//! deterministically, so that export → import into an empty database → export gives
//! the same bytes.
//!
//! ```json
//! { "format": "folio-backup", "version": 1,
//!   "profile": { … }, "profileUpdatedAt": 1730000000000,
//!   "caseStudies": [ { "id": "…", "createdAt": 0, "updatedAt": 0, "deletedAt": null, "item": { … } } ],
//!   "recommendations": [], "skills": [], "experience": [], "certifications": [],
//!   "education": [], "writing": [], "editions": [], "exports": [], "assets": [] }
//! ```
//!
//! Records are listed in their manual order. Fields are added in later versions, never
//! renamed; a backup with a higher `version` than this Folio knows is refused.

use folio_model::{
    Asset, CaseStudy, Certification, Edition, Education, Entity, Experience, ExportRecord, ExportSnapshot, Invalid,
    Profile, Recommendation, Skill, Writing,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::read::{kind_of, typed};
use crate::{Error, Result};

pub const FORMAT: &str = "folio-backup";
pub const VERSION: u64 = 1;

/// One record as the backup keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry<E> {
    pub id: Uuid,
    pub created_at: i64,
    pub updated_at: i64,
    /// Set for records in the Trash.
    pub deleted_at: Option<i64>,
    pub item: E,
}

/// An image with its bytes, base64 in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssetEntry {
    #[serde(flatten)]
    pub asset: Asset,
    #[serde(with = "base64_bytes")]
    pub data: Vec<u8>,
    #[serde(with = "base64_bytes")]
    pub thumbnail: Vec<u8>,
}

mod base64_bytes {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD.decode(text).map_err(|e| serde::de::Error::custom(format!("is not base64 ({e})")))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Backup {
    pub format: String,
    pub version: u64,
    pub profile: Profile,
    pub profile_updated_at: Option<i64>,
    pub case_studies: Vec<Entry<CaseStudy>>,
    pub recommendations: Vec<Entry<Recommendation>>,
    pub skills: Vec<Entry<Skill>>,
    pub experience: Vec<Entry<Experience>>,
    pub certifications: Vec<Entry<Certification>>,
    pub education: Vec<Entry<Education>>,
    pub writing: Vec<Entry<Writing>>,
    pub editions: Vec<Entry<Edition>>,
    pub exports: Vec<ExportRecord>,
    /// What each export contained, for the exports that kept it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<SnapshotEntry>,
    pub assets: Vec<AssetEntry>,
}

/// The snapshot of one export in the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotEntry {
    pub export: Uuid,
    pub snapshot: ExportSnapshot,
}

impl Default for Backup {
    fn default() -> Self {
        Self {
            format: FORMAT.into(),
            version: VERSION,
            profile: Profile::default(),
            profile_updated_at: None,
            case_studies: Vec::new(),
            recommendations: Vec::new(),
            skills: Vec::new(),
            experience: Vec::new(),
            certifications: Vec::new(),
            education: Vec::new(),
            writing: Vec::new(),
            editions: Vec::new(),
            exports: Vec::new(),
            snapshots: Vec::new(),
            assets: Vec::new(),
        }
    }
}

/// Whether `doc` says it is a Folio backup.
pub fn looks_like(doc: &Value) -> bool {
    doc.get("format").and_then(Value::as_str) == Some(FORMAT)
}

/// The first problem of a record found under `prefix`, as an error at its JSON path.
fn first_error(invalid: Invalid, prefix: &str) -> Error {
    match invalid.errors.into_iter().next() {
        Some(first) => Error::at(format!("{prefix}.{}", first.field), first.problem),
        None => Error::at(prefix, "is not valid"),
    }
}

fn check_all<E: Entity>(entries: &[Entry<E>], key: &str) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for (i, entry) in entries.iter().enumerate() {
        if !seen.insert(entry.id) {
            return Err(Error::at(format!("{key}[{i}].id"), format!("{} appears twice", entry.id)));
        }
        entry.item.validate().map_err(|invalid| first_error(invalid, &format!("{key}[{i}].item")))?;
    }
    Ok(())
}

/// Reads a backup document, refusing newer versions before anything else.
pub fn read(doc: &Value) -> Result<Backup> {
    let version = match doc.get("version") {
        Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().unwrap_or_default(),
        Some(other) => return Err(Error::at("version", format!("must be a whole number, not {}", kind_of(other)))),
        None => return Err(Error::at("version", "is missing")),
    };
    if version > VERSION {
        return Err(Error::NewerVersion { found: version, supported: VERSION });
    }
    let backup: Backup = typed(doc, "")?;
    backup.profile.validate().map_err(|invalid| first_error(invalid, "profile"))?;
    check_all(&backup.case_studies, "caseStudies")?;
    check_all(&backup.recommendations, "recommendations")?;
    check_all(&backup.skills, "skills")?;
    check_all(&backup.experience, "experience")?;
    check_all(&backup.certifications, "certifications")?;
    check_all(&backup.education, "education")?;
    check_all(&backup.writing, "writing")?;
    check_all(&backup.editions, "editions")?;
    for (i, export) in backup.exports.iter().enumerate() {
        export.validate().map_err(|invalid| first_error(invalid, &format!("exports[{i}]")))?;
        if let Some(edition) = export.edition.filter(|id| !backup.editions.iter().any(|e| e.id == *id)) {
            return Err(Error::at(
                format!("exports[{i}].edition"),
                format!("names {edition}, which is not an edition of this backup"),
            ));
        }
    }
    for (i, entry) in backup.snapshots.iter().enumerate() {
        // A snapshot is rendered again on request: it is checked like live data.
        entry.snapshot.validate().map_err(|invalid| first_error(invalid, &format!("snapshots[{i}].snapshot")))?;
        if !backup.exports.iter().any(|e| e.id == entry.export) {
            return Err(Error::at(
                format!("snapshots[{i}].export"),
                format!("names {}, which is not an export of this backup", entry.export),
            ));
        }
    }
    check_assets(&backup)?;
    let mut ids = std::collections::HashSet::new();
    let all_ids = [
        backup.case_studies.iter().map(|e| e.id).collect::<Vec<_>>(),
        backup.recommendations.iter().map(|e| e.id).collect(),
        backup.skills.iter().map(|e| e.id).collect(),
        backup.experience.iter().map(|e| e.id).collect(),
        backup.certifications.iter().map(|e| e.id).collect(),
        backup.education.iter().map(|e| e.id).collect(),
        backup.writing.iter().map(|e| e.id).collect(),
        backup.editions.iter().map(|e| e.id).collect(),
    ];
    if let Some(id) = all_ids.iter().flatten().find(|id| !ids.insert(**id)) {
        return Err(Error::at("(the document)", format!("the id {id} is used by two records")));
    }
    Ok(backup)
}

/// Each image is whole (its bytes are what its hash says) and each image a record
/// shows is in the backup.
fn check_assets(backup: &Backup) -> Result<()> {
    use sha2::{Digest, Sha256};
    let mut ids = std::collections::HashSet::new();
    for (i, entry) in backup.assets.iter().enumerate() {
        let asset = &entry.asset;
        if !ids.insert(asset.id) {
            return Err(Error::at(format!("assets[{i}].id"), format!("{} appears twice", asset.id)));
        }
        if asset.width == 0 || asset.height == 0 {
            return Err(Error::at(format!("assets[{i}].width"), "an image has a size"));
        }
        let sha256: String = hex::encode(Sha256::digest(&entry.data));
        if sha256 != asset.sha256 || entry.thumbnail.is_empty() {
            return Err(Error::at(format!("assets[{i}].data"), "is damaged: it does not match its SHA-256"));
        }
    }
    for (i, entry) in backup.case_studies.iter().enumerate() {
        for (field, id) in entry.item.assets() {
            if !ids.contains(&id) {
                return Err(Error::at(
                    format!("caseStudies[{i}].item.{field}"),
                    format!("names the image {id}, which is not in this backup"),
                ));
            }
        }
    }
    if let Some(photo) = backup.profile.photo.filter(|id| !ids.contains(id)) {
        return Err(Error::at("profile.photo", format!("names the image {photo}, which is not in this backup")));
    }
    Ok(())
}

/// The backup's bytes: pretty JSON with a final newline, the same for the same data.
pub fn write(backup: &Backup) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(backup).expect("a backup always serialises");
    bytes.push(b'\n');
    bytes
}
