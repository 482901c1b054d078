//! Dates and numbers as each built-in locale writes them (CLDR's data for
//! `en`, `pl` and `de`, the few patterns the site shows): pure functions,
//! so templates, Rust render code and tests share one spelling.

use chrono::{Datelike, NaiveDate};

/// A locale whose dates and numbers mentorbook knows how to write. Any
/// other language is written as English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    En,
    Pl,
    De,
}

/// How much of a date to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// Day, month name, year: `1 Dec 2026`, `1 grudnia 2026`, `1. Dezember 2026`.
    Long,
    /// Digits only: `01/12/2026`, `01.12.2026`, `01.12.2026`.
    Short,
    /// A month on its own, as on a chart's axis: `Dec 2026`,
    /// `grudzień 2026` (Polish names a month alone in the nominative).
    Month,
}

const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// Genitive: "1 grudnia" is "the first of December".
const PL_MONTHS_GENITIVE: [&str; 12] = [
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
];
const PL_MONTHS: [&str; 12] = [
    "styczeń",
    "luty",
    "marzec",
    "kwiecień",
    "maj",
    "czerwiec",
    "lipiec",
    "sierpień",
    "wrzesień",
    "październik",
    "listopad",
    "grudzień",
];
const DE_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// No-break space: between a number and `%` in German, between digit
/// groups in Polish, so neither is split at a line's end.
const NBSP: char = '\u{a0}';

impl Locale {
    /// The locale of a BCP 47 tag's language (`de-AT` -> `De`), if built in.
    pub fn of_language(language: &str) -> Option<Locale> {
        let base = crate::text::base_language(language);
        match base.to_ascii_lowercase().as_str() {
            "en" => Some(Locale::En),
            "pl" => Some(Locale::Pl),
            "de" => Some(Locale::De),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Pl => "pl",
            Locale::De => "de",
        }
    }

    /// The CLDR plural categories a count can fall in, `other` last:
    /// a message that varies by count needs a variant for each.
    pub fn plural_categories(self) -> &'static [&'static str] {
        match self {
            Locale::En | Locale::De => &["one", "other"],
            Locale::Pl => &["one", "few", "many", "other"],
        }
    }

    fn decimal_separator(self) -> char {
        match self {
            Locale::En => '.',
            Locale::Pl | Locale::De => ',',
        }
    }

    fn group_separator(self) -> char {
        match self {
            Locale::En => ',',
            Locale::Pl => NBSP,
            Locale::De => '.',
        }
    }

    /// CLDR's minimum grouping digits: Polish writes `1234` but `12 345`.
    fn min_grouping(self) -> usize {
        match self {
            Locale::Pl => 2,
            Locale::En | Locale::De => 1,
        }
    }
}

pub fn date(locale: Locale, date: NaiveDate, style: DateStyle) -> String {
    let (day, month, year) = (date.day(), date.month0() as usize, date.year());
    match (style, locale) {
        (DateStyle::Long, Locale::En) => format!("{day} {} {year}", EN_MONTHS[month]),
        (DateStyle::Long, Locale::Pl) => format!("{day} {} {year}", PL_MONTHS_GENITIVE[month]),
        (DateStyle::Long, Locale::De) => format!("{day}. {} {year}", DE_MONTHS[month]),
        (DateStyle::Short, Locale::En) => format!("{day:02}/{:02}/{year}", month + 1),
        (DateStyle::Short, Locale::Pl | Locale::De) => {
            format!("{day:02}.{:02}.{year}", month + 1)
        }
        (DateStyle::Month, Locale::En) => format!("{} {year}", EN_MONTHS[month]),
        (DateStyle::Month, Locale::Pl) => format!("{} {year}", PL_MONTHS[month]),
        (DateStyle::Month, Locale::De) => format!("{} {year}", DE_MONTHS[month]),
    }
}

/// `value` with `decimals` digits after the separator, or, when `None`,
/// as people write it: whole numbers without `.0`, others to at most two
/// places without trailing zeros.
pub fn number(locale: Locale, value: f64, decimals: Option<usize>) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let digits = match decimals {
        Some(d) => format!("{:.*}", d.min(20), value.abs()),
        None if value.fract() == 0.0 => format!("{:.0}", value.abs()),
        None => {
            let s = format!("{:.2}", value.abs());
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let negative = value < 0.0 && digits.bytes().any(|b| matches!(b, b'1'..=b'9'));
    let mut out = String::with_capacity(digits.len() + 4);
    if negative {
        out.push('-');
    }
    out.push_str(&group(locale, whole));
    if !fraction.is_empty() {
        out.push(locale.decimal_separator());
        out.push_str(fraction);
    }
    out
}

/// A share written as a percentage: `0.45` is `45%` (`45 %` in German).
pub fn percent(locale: Locale, fraction: f64, decimals: Option<usize>) -> String {
    with_percent_sign(
        locale,
        number(locale, fraction * 100.0, decimals.or(Some(0))),
    )
}

/// A value already in percent, with its decimals as written (`87.5` is
/// `87,5%` in Polish): a goal's results are typed that way.
pub fn percent_as_written(locale: Locale, value: f64) -> String {
    with_percent_sign(locale, number(locale, value, None))
}

fn with_percent_sign(locale: Locale, number: String) -> String {
    match locale {
        Locale::De => format!("{number}{NBSP}%"),
        Locale::En | Locale::Pl => format!("{number}%"),
    }
}

fn group(locale: Locale, whole: &str) -> String {
    let len = whole.len();
    if len < 4 + locale.min_grouping() - 1 {
        return whole.to_string();
    }
    let mut out = String::with_capacity(len + len / 3 * 2);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(locale.group_separator());
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real test date")
    }

    #[test]
    fn long_dates_use_each_languages_month_and_case() {
        let d = day(2026, 12, 1);
        assert_eq!(date(Locale::En, d, DateStyle::Long), "1 Dec 2026");
        assert_eq!(date(Locale::Pl, d, DateStyle::Long), "1 grudnia 2026");
        assert_eq!(date(Locale::De, d, DateStyle::Long), "1. Dezember 2026");
        assert_eq!(
            date(Locale::Pl, day(2026, 9, 22), DateStyle::Long),
            "22 września 2026"
        );
        assert_eq!(
            date(Locale::De, day(2026, 3, 5), DateStyle::Long),
            "5. März 2026"
        );
    }

    #[test]
    fn short_and_month_dates() {
        let d = day(2026, 3, 5);
        assert_eq!(date(Locale::En, d, DateStyle::Short), "05/03/2026");
        assert_eq!(date(Locale::Pl, d, DateStyle::Short), "05.03.2026");
        assert_eq!(date(Locale::De, d, DateStyle::Short), "05.03.2026");
        assert_eq!(
            date(Locale::Pl, day(2026, 12, 1), DateStyle::Month),
            "grudzień 2026"
        );
        assert_eq!(date(Locale::De, d, DateStyle::Month), "März 2026");
    }

    #[test]
    fn numbers_take_the_locales_separators_and_grouping() {
        assert_eq!(number(Locale::En, 3.5, None), "3.5");
        assert_eq!(number(Locale::Pl, 3.5, None), "3,5");
        assert_eq!(number(Locale::De, 3.5, None), "3,5");
        assert_eq!(number(Locale::En, 1234.0, None), "1,234");
        assert_eq!(number(Locale::De, 1234.0, None), "1.234");
        // Polish groups only from five digits on.
        assert_eq!(number(Locale::Pl, 1234.0, None), "1234");
        assert_eq!(number(Locale::Pl, 12345.0, None), "12\u{a0}345");
        assert_eq!(
            number(Locale::Pl, 1234567.5, Some(1)),
            "1\u{a0}234\u{a0}567,5"
        );
        assert_eq!(number(Locale::De, -1234.25, None), "-1.234,25");
        assert_eq!(number(Locale::En, 2.0, Some(2)), "2.00");
        assert_eq!(number(Locale::En, -0.001, Some(1)), "0.0");
        assert_eq!(number(Locale::En, 999.0, None), "999");
    }

    #[test]
    fn percent_spacing_follows_the_locale() {
        assert_eq!(percent(Locale::En, 0.45, None), "45%");
        assert_eq!(percent(Locale::Pl, 0.45, None), "45%");
        assert_eq!(percent(Locale::De, 0.45, None), "45\u{a0}%");
        assert_eq!(percent(Locale::De, 0.125, Some(1)), "12,5\u{a0}%");
        assert_eq!(percent_as_written(Locale::Pl, 87.5), "87,5%");
        assert_eq!(percent_as_written(Locale::En, 58.0), "58%");
    }

    #[test]
    fn locales_come_from_the_language_of_a_tag() {
        assert_eq!(Locale::of_language("de-AT"), Some(Locale::De));
        assert_eq!(Locale::of_language("PL"), Some(Locale::Pl));
        assert_eq!(Locale::of_language("fr"), None);
    }
}
