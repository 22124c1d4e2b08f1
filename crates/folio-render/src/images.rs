//! The images a portfolio shows, as the renderer receives them: kept bytes (already
//! normalised on import) and their pixel size, by asset id.

use std::collections::HashMap;

use uuid::Uuid;

/// How an image's bytes are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Embedded in the PDF as it is (DCTDecode): never decoded or re-encoded.
    Jpeg,
    /// Decoded to pixels (and a soft mask for transparency), then Flate-compressed.
    Png,
}

#[derive(Clone, PartialEq, Eq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub format: ImageFormat,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for Image {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Image")
            .field("width", &self.width)
            .field("height", &self.height)
            .field("format", &self.format)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// Images by asset id. Layout reads only their sizes; the PDF writer embeds them.
#[derive(Debug, Clone, Default)]
pub struct Images(HashMap<Uuid, Image>);

impl Images {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn insert(&mut self, id: Uuid, image: Image) {
        self.0.insert(id, image);
    }

    pub fn get(&self, id: &Uuid) -> Option<&Image> {
        self.0.get(id)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Uuid, &Image)> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
