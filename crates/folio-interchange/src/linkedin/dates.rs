//! Dates as LinkedIn's export writes them: `Mar 2021` (positions, projects), `2021`
//! (education), `3/14/21, 5:02 PM` (recommendations, e-mail addresses), and now and then
//! `Jun 2, 2020` or ISO `2021-03-14`.

use folio_model::PartialDate;

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// The date `text` writes, or `None` if it is empty or none of LinkedIn's forms.
pub(super) fn parse(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Ok(date) = text.parse::<PartialDate>() {
        return Some(date);
    }
    // "3/14/21, 5:02 PM" or "03/14/2021": month/day/year, the time dropped.
    let day_part = text.split(',').next().unwrap_or(text).trim();
    if let Some(date) = slashed(day_part) {
        return Some(date);
    }
    worded(text)
}

/// `month/day/year`, the year in two or four digits.
fn slashed(text: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = text.split('/').collect();
    let [month, day, year] = parts.as_slice() else { return None };
    let (month, day): (u8, u8) = (month.parse().ok()?, day.parse().ok()?);
    let year = full_year(year)?;
    format!("{year:04}-{month:02}-{day:02}").parse().ok()
}

/// `Mar 2021`, `March 2021` or `Jun 2, 2020`.
fn worded(text: &str) -> Option<PartialDate> {
    let words: Vec<&str> = text.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let month = |word: &str| {
        let word = word.to_lowercase();
        MONTHS.iter().position(|m| word.len() >= 3 && m.starts_with(&word[..3.min(word.len())])).map(|i| i as u8 + 1)
    };
    match words.as_slice() {
        [m, year] => PartialDate::month(full_year(year)?, month(m)?),
        [m, day, year] => {
            let (m, day): (u8, u8) = (month(m)?, day.parse().ok()?);
            format!("{:04}-{m:02}-{day:02}", full_year(year)?).parse().ok()
        }
        _ => None,
    }
}

/// A year of four digits, or of two (`21` is 2021, `98` is 1998).
fn full_year(text: &str) -> Option<u16> {
    let year: u16 = text.trim().parse().ok()?;
    match text.trim().len() {
        4 => Some(year),
        2 if year < 70 => Some(2000 + year),
        2 => Some(1900 + year),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn iso(text: &str) -> Option<String> {
        parse(text).map(|d| d.to_string())
    }

    #[test]
    fn every_way_linkedin_writes_a_date_is_read() {
        assert_eq!(iso("Mar 2021").as_deref(), Some("2021-03"));
        assert_eq!(iso("September 2019").as_deref(), Some("2019-09"));
        assert_eq!(iso("2021").as_deref(), Some("2021"));
        assert_eq!(iso("3/14/21, 5:02 PM").as_deref(), Some("2021-03-14"));
        assert_eq!(iso("12/01/98, 11:59 AM").as_deref(), Some("1998-12-01"));
        assert_eq!(iso("03/14/2021").as_deref(), Some("2021-03-14"));
        assert_eq!(iso("Jun 2, 2020").as_deref(), Some("2020-06-02"));
        assert_eq!(iso("2021-03-14").as_deref(), Some("2021-03-14"));
    }

    #[test]
    fn what_is_not_a_date_is_none_rather_than_a_guess() {
        for text in ["", "  ", "Present", "13/40/21", "Smarch 2021", "2/30/21, 1:00 PM", "21", "1/2"] {
            assert_eq!(parse(text), None, "{text:?} read as a date");
        }
    }
}
