//! Typed units and geometry. Layout works in points from the page's top-left corner,
//! y growing downwards, as people read; only the PDF writer flips to PDF's bottom-left.

use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

/// A length in PostScript points (1/72 inch).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Pt(pub f32);

/// A length in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Mm(pub f32);

impl From<Mm> for Pt {
    fn from(mm: Mm) -> Self {
        Pt(mm.0 * 72.0 / 25.4)
    }
}

impl From<Pt> for Mm {
    fn from(pt: Pt) -> Self {
        Mm(pt.0 * 25.4 / 72.0)
    }
}

impl Pt {
    pub fn max(self, other: Pt) -> Pt {
        Pt(self.0.max(other.0))
    }

    pub fn min(self, other: Pt) -> Pt {
        Pt(self.0.min(other.0))
    }
}

impl Add for Pt {
    type Output = Pt;
    fn add(self, rhs: Pt) -> Pt {
        Pt(self.0 + rhs.0)
    }
}

impl Sub for Pt {
    type Output = Pt;
    fn sub(self, rhs: Pt) -> Pt {
        Pt(self.0 - rhs.0)
    }
}

impl Mul<f32> for Pt {
    type Output = Pt;
    fn mul(self, rhs: f32) -> Pt {
        Pt(self.0 * rhs)
    }
}

impl Div<f32> for Pt {
    type Output = Pt;
    fn div(self, rhs: f32) -> Pt {
        Pt(self.0 / rhs)
    }
}

impl Neg for Pt {
    type Output = Pt;
    fn neg(self) -> Pt {
        Pt(-self.0)
    }
}

impl AddAssign for Pt {
    fn add_assign(&mut self, rhs: Pt) {
        self.0 += rhs.0;
    }
}

impl SubAssign for Pt {
    fn sub_assign(&mut self, rhs: Pt) {
        self.0 -= rhs.0;
    }
}

impl std::iter::Sum for Pt {
    fn sum<I: Iterator<Item = Pt>>(iter: I) -> Pt {
        Pt(iter.map(|p| p.0).sum())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: Pt,
    pub y: Pt,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Size {
    pub width: Pt,
    pub height: Pt,
}

/// A rectangle by its top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: Pt,
    pub y: Pt,
    pub width: Pt,
    pub height: Pt,
}

impl Rect {
    pub fn right(&self) -> Pt {
        self.x + self.width
    }

    pub fn bottom(&self) -> Pt {
        self.y + self.height
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn parse_hex(text: &str) -> Option<Rgb> {
        // Six hex digits, so that slicing by bytes below cuts between characters.
        let hex = text.strip_prefix('#').filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()))?;
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// This colour mixed with white: `amount` 0 is the colour, 1 is white.
    pub fn tint(self, amount: f32) -> Rgb {
        let mix = |c: u8| (c as f32 + (255.0 - c as f32) * amount).round() as u8;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }
}

#[cfg(test)]
mod tests {
    use super::Rgb;

    #[test]
    fn a_colour_is_six_hex_digits_and_anything_else_is_none() {
        assert_eq!(Rgb::parse_hex("#1f6feb"), Some(Rgb(0x1f, 0x6f, 0xeb)));
        for bad in ["#a€12", "#+1+1+1", "1f6feb", "#1f6fe", "#1f6febb", "#ééé", ""] {
            assert_eq!(Rgb::parse_hex(bad), None, "{bad:?}");
        }
    }
}
