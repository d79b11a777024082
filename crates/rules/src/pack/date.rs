use std::fmt;

use crate::i18n::digits;

/// A calendar day, as rule packs write it: `2020-04-15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "bake", derive(serde::Serialize))]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

// Ordered by one number, year, month and day in turn, as the derived order compares
// the fields: one comparison, not three (−38 B gzipped).
impl Ord for Date {
    fn cmp(&self, other: &Date) -> std::cmp::Ordering {
        let key = |d: &Date| u32::from(d.year) << 16 | u32::from(d.month) << 8 | u32::from(d.day);
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Date) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Date {
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date { year: y.parse().ok()?, month: m.parse().ok()?, day: d.parse().ok()? };
        (1..=12)
            .contains(&date.month)
            .then_some(())
            .and_then(|()| (1..=date.days_in_month()).contains(&date.day).then_some(date))
    }

    /// The calendar day `days` after 1970-01-01 (negative: before), in the proleptic
    /// Gregorian calendar; `None` outside the years 0 to 9999.
    pub fn from_unix_days(days: i64) -> Option<Date> {
        // Howard Hinnant's `civil_from_days`, over 400-year eras of 146,097 days.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Some(Date {
            year: u16::try_from(year).ok().filter(|y| *y <= 9999)?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }

    fn days_in_month(&self) -> u8 {
        match self.month {
            2 if self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// The day as a visitor reads it: `15 avril 2020`, `15 April 2020`.
    pub fn long(&self, lang: crate::i18n::Lang) -> String {
        long_partial_date(&self.iso(), lang)
    }
}

impl Date {
    /// `2020-04-15`, as `Display` writes it, without `core::fmt` (for the WebAssembly).
    pub fn iso(self) -> String {
        let mut out = String::new();
        // The parts borrowed, not walked by value: no array iterator of their own (−20 B gzipped).
        for &(n, width) in &[(self.year, 4), (self.month.into(), 2), (self.day.into(), 2)] {
            if !out.is_empty() {
                out.push('-');
            }
            let written = digits(n.into());
            for _ in written.len()..width {
                out.push('0');
            }
            out.push_str(&written);
        }
        out
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// A date as a visitor reads it, to its precision (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`,
/// as a source's may be): `2020`, `avril 2020`, `8 avril 2020`. The text is read as
/// written, a compiled pack's dates being checked (`is_partial_date`): no number is
/// parsed, which would cost the WebAssembly the standard library's parser.
pub fn long_partial_date(text: &str, lang: crate::i18n::Lang) -> String {
    use crate::i18n::cut;
    let (year, rest) = cut(text, [b'-'; 2]);
    let Some(rest) = rest else { return text.to_owned() };
    let (month, day) = cut(rest, [b'-'; 2]);
    // The month's name, the `month`-th word of the language's months (`Ui::months`),
    // found by cutting the words before it away.
    let month = month.bytes().fold(0u8, |n, digit| n.wrapping_mul(10).wrapping_add(digit.wrapping_sub(b'0')));
    let mut names = (month > 0).then_some(crate::i18n::ui(lang).months());
    for _ in 1..month {
        names = names.and_then(|rest| cut(rest, [b' '; 2]).1);
    }
    let mut out = String::new();
    if let Some(day) = day {
        let day = unpadded(day);
        out.push_str(day);
        if lang == crate::i18n::Lang::Fr && day == "1" {
            out.push_str("er");
        }
        out.push(' ');
    }
    crate::cat!(out, names.map_or("", |rest| cut(rest, [b' '; 2]).0), " ", unpadded(year))
}

/// `digits` without the zeros that pad them (`08` → `8`, `0987` → `987`), keeping the last.
fn unpadded(mut digits: &str) -> &str {
    while let [b'0', _, ..] = digits.as_bytes() {
        digits = digits.get(1..).unwrap_or_default();
    }
    digits
}

/// Whether `text` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the precisions a source may have.
pub fn is_partial_date(text: &str) -> bool {
    match text.len() {
        4 => text.bytes().all(|b| b.is_ascii_digit()),
        7 => Date::parse(&crate::cat!(text, "-01")).is_some(),
        _ => Date::parse(text).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn parses_only_real_days() {
        assert_eq!(Date::parse("2020-04-15").map(|d| d.to_string()), Some("2020-04-15".into()));
        assert!(Date::parse("2020-02-29").is_some());
        for bad in ["2019-02-29", "2020-13-01", "2020-4-15", "20-04-15", "2020-04-31", "x"] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
        assert!(is_partial_date("2020-04") && is_partial_date("2020") && !is_partial_date("April 2020"));
    }

    #[test]
    fn a_source_date_is_read_to_its_precision() {
        let read = |text| [Lang::Fr, Lang::En].map(|lang| long_partial_date(text, lang));
        assert_eq!(read("2020-04-08"), ["8 avril 2020", "8 April 2020"]);
        assert_eq!(read("2020-04"), ["avril 2020", "April 2020"]);
        assert_eq!(read("2020-11-01"), ["1er novembre 2020", "1 November 2020"]);
        assert_eq!(read("2020"), ["2020", "2020"]);
        assert_eq!(read("2020-10-10"), ["10 octobre 2020", "10 October 2020"]);
        assert_eq!(read("2020-12-30"), ["30 décembre 2020", "30 December 2020"]);
        assert_eq!(read("0987-01-05"), ["5 janvier 987", "5 January 987"]);
        assert_eq!(read("0000-02-01"), ["1er février 0", "1 February 0"]);
        // What no compiled pack holds is read without a panic, if not well.
        for odd in ["", "-", "2020-", "2020-13", "2020-99-99", "x-y-z-"] {
            read(odd);
        }
    }

    #[test]
    fn counts_days_from_1970() {
        let day = |n| Date::from_unix_days(n).map(|d| d.to_string());
        assert_eq!(day(0).as_deref(), Some("1970-01-01"));
        assert_eq!(day(18_367).as_deref(), Some("2020-04-15"));
        assert_eq!(day(18_321).as_deref(), Some("2020-02-29"));
        assert_eq!(day(20_414).as_deref(), Some("2025-11-22"));
        assert_eq!(day(-1).as_deref(), Some("1969-12-31"));
        assert_eq!(day(i64::MAX), None);
        assert_eq!(day(i64::MIN), None);
    }

    #[test]
    fn writes_days_for_visitors() {
        let day = Date { year: 2020, month: 4, day: 1 };
        assert_eq!(day.long(Lang::Fr), "1er avril 2020");
        assert_eq!(day.long(Lang::En), "1 April 2020");
        let names = |lang| (0..=13).map(|month| Date { year: 2020, month, day: 2 }.long(lang)).collect::<Vec<_>>();
        let fr = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre"];
        let fr = fr.iter().chain(&["novembre", "décembre"]).map(|m| format!("2 {m} 2020"));
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September"];
        let en = en.iter().chain(&["October", "November", "December"]).map(|m| format!("2 {m} 2020"));
        let out = || "2  2020".to_owned();
        assert_eq!(names(Lang::Fr), [out()].into_iter().chain(fr).chain([out()]).collect::<Vec<_>>());
        assert_eq!(names(Lang::En), [out()].into_iter().chain(en).chain([out()]).collect::<Vec<_>>());
        assert_eq!(Date { year: 987, month: 1, day: 5 }.to_string(), "0987-01-05");
        assert_eq!(
            Date { year: 987, month: 1, day: 5 }.long(Lang::Fr),
            "5 janvier 987",
            "unpadded, as a visitor reads it"
        );
        assert_eq!(Date { year: 12_345, month: 12, day: 31 }.to_string(), "12345-12-31");
    }

    #[test]
    fn orders_days_as_year_month_day_in_turn() {
        let values = [0, 1, 2, 11, 12, 13, 30, 31, 255];
        let years = [0, 1, 255, 256, 2020, 2021, 65_535];
        let mut days = Vec::new();
        for year in years {
            for month in values {
                for day in [0, 1, 31, 255] {
                    days.push(Date { year, month, day });
                }
            }
        }
        for a in &days {
            for b in &days {
                assert_eq!(a.cmp(b), (a.year, a.month, a.day).cmp(&(b.year, b.month, b.day)), "{a:?} {b:?}");
                assert_eq!(a.partial_cmp(b), Some(a.cmp(b)));
            }
        }
    }
}
