//! The images case studies and the profile point to: what is known of each stored
//! image, and the two forms Folio keeps images in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// An imported image, normalised and deduplicated by the hash of its bytes. The bytes
/// themselves stay in the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Asset {
    pub id: Uuid,
    /// Hex SHA-256 of the normalised bytes.
    pub sha256: String,
    pub media_type: MediaType,
    pub width: u32,
    pub height: u32,
    pub byte_len: u64,
    pub original_name: String,
}

/// How a stored image is encoded: photographs as JPEG, everything else (screenshots,
/// diagrams, anything with transparency) as PNG. Written as its MIME type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum MediaType {
    #[serde(rename = "image/jpeg")]
    Jpeg,
    #[serde(rename = "image/png")]
    Png,
}

impl MediaType {
    /// `image/jpeg` or `image/png`, as the store, backups and HTTP speak of it.
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
        }
    }

    /// The media type a MIME type names, if Folio keeps images in it.
    pub fn from_mime(mime: &str) -> Option<MediaType> {
        match mime {
            "image/jpeg" => Some(MediaType::Jpeg),
            "image/png" => Some(MediaType::Png),
            _ => None,
        }
    }

    /// `JPEG` or `PNG`, for people.
    pub fn name(self) -> &'static str {
        match self {
            MediaType::Jpeg => "JPEG",
            MediaType::Png => "PNG",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_media_type_is_written_as_its_mime_type_and_read_back() {
        for media_type in [MediaType::Jpeg, MediaType::Png] {
            let json = serde_json::to_string(&media_type).unwrap();
            assert_eq!(json, format!("\"{}\"", media_type.mime()));
            assert_eq!(serde_json::from_str::<MediaType>(&json).unwrap(), media_type);
            assert_eq!(MediaType::from_mime(media_type.mime()), Some(media_type));
        }
        assert!(serde_json::from_str::<MediaType>("\"image/svg+xml\"").is_err(), "only JPEG and PNG are kept");
        assert_eq!(MediaType::from_mime("image/gif"), None);
    }
}
