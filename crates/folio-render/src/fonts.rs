//! The bundled fonts (`assets/fonts/`), their metrics for layout, and the choice of
//! font for each character: the theme's own family first, then fallbacks, so that a
//! name in Greek, Vietnamese or Chinese still prints.

use std::sync::OnceLock;

/// A type family a theme may choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    Sans,
    Serif,
}

/// One bundled font file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontId {
    SansRegular,
    SansBold,
    SansItalic,
    SerifRegular,
    SerifBold,
    SerifItalic,
    /// Arrows and mathematical signs (→, −, ≈) the text fonts lack.
    Symbols,
    /// Chinese, Japanese and Korean.
    Cjk,
    /// Arabic script, right to left.
    ArabicRegular,
    ArabicBold,
    /// Hebrew, right to left.
    HebrewRegular,
    HebrewBold,
}

impl FontId {
    pub const ALL: [FontId; 12] = [
        Self::SansRegular,
        Self::SansBold,
        Self::SansItalic,
        Self::SerifRegular,
        Self::SerifBold,
        Self::SerifItalic,
        Self::Symbols,
        Self::Cjk,
        Self::ArabicRegular,
        Self::ArabicBold,
        Self::HebrewRegular,
        Self::HebrewBold,
    ];

    /// The font file's bytes, compiled into the binary.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Self::SansRegular => include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
            Self::SansBold => include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
            Self::SansItalic => include_bytes!("../../../assets/fonts/NotoSans-Italic.ttf"),
            Self::SerifRegular => include_bytes!("../../../assets/fonts/NotoSerif-Regular.ttf"),
            Self::SerifBold => include_bytes!("../../../assets/fonts/NotoSerif-Bold.ttf"),
            Self::SerifItalic => include_bytes!("../../../assets/fonts/NotoSerif-Italic.ttf"),
            Self::Symbols => include_bytes!("../../../assets/fonts/NotoSansMath-Regular.ttf"),
            Self::Cjk => include_bytes!("../../../assets/fonts/DroidSansFallback.ttf"),
            Self::ArabicRegular => include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.ttf"),
            Self::ArabicBold => include_bytes!("../../../assets/fonts/NotoSansArabic-Bold.ttf"),
            Self::HebrewRegular => include_bytes!("../../../assets/fonts/NotoSansHebrew-Regular.ttf"),
            Self::HebrewBold => include_bytes!("../../../assets/fonts/NotoSansHebrew-Bold.ttf"),
        }
    }

    /// The PostScript-style name used in the PDF.
    pub fn name(self) -> &'static str {
        match self {
            Self::SansRegular => "NotoSans-Regular",
            Self::SansBold => "NotoSans-Bold",
            Self::SansItalic => "NotoSans-Italic",
            Self::SerifRegular => "NotoSerif-Regular",
            Self::SerifBold => "NotoSerif-Bold",
            Self::SerifItalic => "NotoSerif-Italic",
            Self::Symbols => "NotoSansMath-Regular",
            Self::Cjk => "DroidSansFallback",
            Self::ArabicRegular => "NotoSansArabic-Regular",
            Self::ArabicBold => "NotoSansArabic-Bold",
            Self::HebrewRegular => "NotoSansHebrew-Regular",
            Self::HebrewBold => "NotoSansHebrew-Bold",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The font of `family` in the given weight and slant (bold wins over italic: the
    /// bundle has no bold italic).
    pub fn of(family: Family, bold: bool, italic: bool) -> FontId {
        match (family, bold, italic) {
            (Family::Sans, true, _) => Self::SansBold,
            (Family::Sans, false, true) => Self::SansItalic,
            (Family::Sans, false, false) => Self::SansRegular,
            (Family::Serif, true, _) => Self::SerifBold,
            (Family::Serif, false, true) => Self::SerifItalic,
            (Family::Serif, false, false) => Self::SerifRegular,
        }
    }

    /// The fonts to try for a character, best first: the font itself, the sans of its
    /// weight, signs, then the scripts the text fonts lack, bold where the font is.
    pub fn fallbacks(self) -> [FontId; 6] {
        let bold = matches!(self, Self::SerifBold | Self::SansBold | Self::ArabicBold | Self::HebrewBold);
        let sans = match self {
            _ if bold => Self::SansBold,
            Self::SerifItalic | Self::SansItalic => Self::SansItalic,
            _ => Self::SansRegular,
        };
        let (arabic, hebrew) =
            if bold { (Self::ArabicBold, Self::HebrewBold) } else { (Self::ArabicRegular, Self::HebrewRegular) };
        [self, sans, Self::Symbols, arabic, hebrew, Self::Cjk]
    }
}

/// A parsed font, shared by every layout in the process.
pub struct Font {
    pub face: rustybuzz::Face<'static>,
    pub units_per_em: f32,
    /// Above the baseline, as a fraction of the font size.
    pub ascender: f32,
    /// Below the baseline (positive), as a fraction of the font size.
    pub descender: f32,
    /// Which ASCII characters it has: asked for every character laid out, answered
    /// here without a look in the font's tables.
    ascii: [bool; 128],
}

impl std::fmt::Debug for Font {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Font").field("units_per_em", &self.units_per_em).finish_non_exhaustive()
    }
}

static FONTS: [OnceLock<Font>; FontId::ALL.len()] = [const { OnceLock::new() }; FontId::ALL.len()];

/// The parsed font, loaded on first use (the CJK fallback only when a character needs it).
pub fn font(id: FontId) -> &'static Font {
    FONTS[id.index()].get_or_init(|| {
        let face = rustybuzz::Face::from_slice(id.bytes(), 0).expect("bundled fonts parse (tested)");
        let units_per_em = face.units_per_em() as f32;
        let ascii = std::array::from_fn(|c| face.glyph_index(char::from(c as u8)).is_some());
        Font {
            ascii,
            ascender: face.ascender() as f32 / units_per_em,
            descender: -(face.descender() as f32) / units_per_em,
            units_per_em,
            face,
        }
    })
}

impl Font {
    pub fn has(&self, c: char) -> bool {
        match self.ascii.get(c as usize) {
            Some(has) => *has,
            None => self.face.glyph_index(c).is_some(),
        }
    }
}

/// The first font of `primary`'s fallbacks that has `c`; `None` when no bundled font
/// does (the character is then left out and reported).
pub fn font_for(primary: FontId, c: char) -> Option<FontId> {
    if c.is_whitespace() || c.is_control() {
        return Some(primary);
    }
    primary.fallbacks().into_iter().find(|id| font(*id).has(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_font_parses() {
        for id in FontId::ALL {
            assert!(font(id).units_per_em > 0.0, "{id:?}");
        }
    }

    #[test]
    fn characters_fall_back_to_a_font_that_has_them() {
        assert_eq!(font_for(FontId::SerifRegular, 'a'), Some(FontId::SerifRegular));
        assert_eq!(font_for(FontId::SansRegular, 'ệ'), Some(FontId::SansRegular));
        assert_eq!(font_for(FontId::SansRegular, 'Ж'), Some(FontId::SansRegular));
        assert_eq!(font_for(FontId::SansRegular, '王'), Some(FontId::Cjk));
        assert_eq!(font_for(FontId::SansBold, '→'), Some(FontId::Symbols));
        assert_eq!(font_for(FontId::SerifRegular, '−'), Some(FontId::Symbols));
        assert_eq!(font_for(FontId::SansRegular, 'ع'), Some(FontId::ArabicRegular));
        assert_eq!(font_for(FontId::SerifBold, 'ع'), Some(FontId::ArabicBold));
        assert_eq!(font_for(FontId::SansBold, 'ש'), Some(FontId::HebrewBold));
        assert_eq!(font_for(FontId::SansRegular, '🚀'), None);
    }
}
