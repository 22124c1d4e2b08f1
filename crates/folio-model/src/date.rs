//! Dates as people write them on a résumé: a year, a month, or a day.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

/// A calendar date known to the year, the month or the day: `2021`, `2021-03`,
/// `2021-03-14`. Serialised as that ISO 8601 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "string")]
pub struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl PartialDate {
    pub fn year(year: u16) -> Self {
        Self { year, month: None, day: None }
    }

    pub fn month(year: u16, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month: Some(month), day: None })
    }

    /// A day of the calendar; `None` for one that does not exist.
    pub fn day(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Self { year, month: Some(month), day: Some(day) })
    }

    pub fn year_value(&self) -> u16 {
        self.year
    }

    pub fn month_value(&self) -> Option<u8> {
        self.month
    }

    /// Whether `self` is earlier than `other` at the precision both share, so that
    /// "2020" is not before "2020-05".
    pub fn is_before(&self, other: &Self) -> bool {
        let month = self.month.zip(other.month);
        let day = self.day.zip(other.day).filter(|_| month.is_some());
        (self.year, month.map(|m| m.0), day.map(|d| d.0)) < (other.year, month.map(|m| m.1), day.map(|d| d.1))
    }

    /// The same date known to the month at most: how lists of dates read alike.
    pub fn without_day(self) -> Self {
        Self { day: None, ..self }
    }

    /// "Mar 2021", "2021" or "14 Mar 2021", for people rather than machines.
    pub fn human(&self) -> String {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }
}

/// A start and an end as one phrase, the same on the page, on screen and in the CLI:
/// "Mar 2021 – Present", "Sep 2019 – Dec 2020", "until 2020", or empty when neither is
/// known. Periods read at the month at most, so that a list of them lines up.
pub fn period(start: Option<PartialDate>, end: Option<PartialDate>) -> String {
    let month = |d: PartialDate| d.without_day().human();
    match (start, end) {
        (Some(s), Some(e)) if month(s) == month(e) => month(s),
        (Some(s), Some(e)) => format!("{} – {}", month(s), month(e)),
        (Some(s), None) => format!("{} – Present", month(s)),
        (None, Some(e)) => format!("until {}", month(e)),
        (None, None) => String::new(),
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Why a text is not a [`PartialDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")]
pub struct DateError {
    text: String,
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || DateError { text: text.chars().take(40).collect() };
        let number = |part: &str, digits: usize| -> Result<u16, DateError> {
            if part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        let mut parts = text.split('-');
        let year = number(parts.next().unwrap_or_default(), 4)?;
        if !(1900..=2200).contains(&year) {
            return Err(err());
        }
        let month = parts.next().map(|p| number(p, 2)).transpose()?.map(|m| m as u8);
        let day = parts.next().map(|p| number(p, 2)).transpose()?.map(|d| d as u8);
        if parts.next().is_some() {
            return Err(err());
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(err());
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year, m) {
                    return Err(err());
                }
            }
        }
        Ok(Self { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_reads_the_same_everywhere_at_month_precision_with_present_capitalised() {
        let d = |s: &str| Some(s.parse::<PartialDate>().unwrap());
        assert_eq!(period(d("2021-03-14"), None), "Mar 2021 – Present");
        assert_eq!(period(d("2019-09"), d("2020-12-01")), "Sep 2019 – Dec 2020");
        assert_eq!(period(d("2020-05-01"), d("2020-05-30")), "May 2020");
        assert_eq!(period(None, d("2020")), "until 2020");
        assert_eq!(period(None, None), "");
    }

    #[test]
    fn parses_year_month_and_day_precision() {
        assert_eq!("2021".parse::<PartialDate>().unwrap().to_string(), "2021");
        assert_eq!("2021-03".parse::<PartialDate>().unwrap().to_string(), "2021-03");
        assert_eq!("2024-02-29".parse::<PartialDate>().unwrap().to_string(), "2024-02-29");
    }

    #[test]
    fn rejects_text_that_is_not_a_date() {
        for bad in ["", "21", "2021-13", "2021-3", "2023-02-29", "March 2021", "2021-01-01-01", "0999"] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn compares_at_the_precision_both_dates_share() {
        let y2020: PartialDate = "2020".parse().unwrap();
        let may2020: PartialDate = "2020-05".parse().unwrap();
        let jan2020: PartialDate = "2020-01".parse().unwrap();
        assert!(!y2020.is_before(&may2020));
        assert!(!may2020.is_before(&y2020));
        assert!(jan2020.is_before(&may2020));
    }

    #[test]
    fn reads_well_for_people() {
        assert_eq!("2021-03".parse::<PartialDate>().unwrap().human(), "Mar 2021");
        assert_eq!("2021-03-14".parse::<PartialDate>().unwrap().human(), "14 Mar 2021");
    }
}
