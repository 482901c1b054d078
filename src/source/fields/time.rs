//! Times of day as the playbook writes them: 24-hour `HH:MM` (`14:00`,
//! `9:30`), with a message that says what is wrong and, for the ways people
//! also write times (`2pm`, `14.00`, `1400`), the `HH:MM` they meant.

use super::{Ctx, Fields, Spanned, scalar_text};
use crate::diagnostic::{Code, Diagnostic, Span};
use chrono::NaiveTime;

/// What every bad time is told.
const HINT: &str = "write the time on a 24-hour clock as HH:MM, e.g. `14:00` or `09:30`";

/// A bad time: what is wrong, and the `HH:MM` the author probably meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadTime {
    pub message: String,
    pub meant: Option<String>,
}

/// Strict 24-hour `H:MM` or `HH:MM`.
pub fn parse_time(text: &str) -> Result<NaiveTime, BadTime> {
    let trimmed = text.trim();
    if let Some((h, m)) = trimmed.split_once(':')
        && (1..=2).contains(&h.len())
        && m.len() == 2
        && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    {
        let (hour, minute) = (
            h.parse::<u32>().unwrap_or(99),
            m.parse::<u32>().unwrap_or(99),
        );
        if hour > 23 {
            return Err(BadTime {
                message: format!("`{text}` has no hour {hour}: hours run from 00 to 23"),
                meant: None,
            });
        }
        if minute > 59 {
            return Err(BadTime {
                message: format!("`{text}` has no minute {minute}: minutes run from 00 to 59"),
                meant: None,
            });
        }
        if let Some(time) = NaiveTime::from_hms_opt(hour, minute, 0) {
            return Ok(time);
        }
    }
    Err(BadTime {
        message: format!("`{text}` is not a time as HH:MM"),
        meant: meant(trimmed),
    })
}

/// The `HH:MM` that `2pm`, `2:30 p.m.`, `14.00`, `14h30` or `1400` stands
/// for, if any.
fn meant(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase().replace(['.', ' '], "");
    let (digits, half) = if let Some(rest) = lower.strip_suffix("am") {
        (rest, Some(false))
    } else if let Some(rest) = lower.strip_suffix("pm") {
        (rest, Some(true))
    } else {
        (lower.as_str(), None)
    };
    let (hour, minute) = match digits.split_once([':', 'h']) {
        Some((h, "")) => (h, "00"),
        Some(parts) => parts,
        // `1400`, `930`, or a bare hour with am/pm (`2pm`).
        None if digits.len() >= 3 => digits.split_at(digits.len() - 2),
        None if half.is_some() => (digits, "00"),
        None => return None,
    };
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(hour) || !all_digits(minute) || minute.len() != 2 {
        return None;
    }
    let (mut hour, minute) = (hour.parse::<u32>().ok()?, minute.parse::<u32>().ok()?);
    match half {
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(pm) => hour = hour % 12 + if pm { 12 } else { 0 },
        None => {}
    }
    (hour <= 23 && minute <= 59).then(|| format!("{hour:02}:{minute:02}"))
}

/// The `bad-time` diagnostic of field `key`.
pub fn bad_time(span: Span, key: &str, bad: &BadTime) -> Diagnostic {
    let hint = match &bad.meant {
        Some(meant) => format!("did you mean `{meant}`? {HINT}"),
        None => HINT.to_string(),
    };
    Diagnostic::error(Code::BadTime, span, format!("`{key}`: {}", bad.message)).with_hint(hint)
}

impl Fields<'_> {
    /// A time of day, 24-hour `HH:MM`. YAML reads `1400` as a number: that
    /// is a bad time too, told as one.
    pub fn time(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<Spanned<NaiveTime>> {
        let node = self.node(key)?;
        let span = ctx.span_of(node);
        let Some(text) = scalar_text(node) else {
            ctx.wrong_type(key, node, "a time (HH:MM)");
            return None;
        };
        match parse_time(&text) {
            Ok(time) => Some(Spanned::new(time, span)),
            Err(bad) => {
                ctx.push(bad_time(span, key, &bad));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_24_hour_hh_mm() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("time");
        assert_eq!(parse_time("14:00"), Ok(t(14, 0)));
        assert_eq!(parse_time("9:30"), Ok(t(9, 30)));
        assert_eq!(parse_time("00:00"), Ok(t(0, 0)));
        assert_eq!(parse_time(" 23:59 "), Ok(t(23, 59)));
        for bad in [
            "24:00", "25:00", "12:60", "12:5", "123:00", "noon", "", "-1:00",
        ] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_time("25:00").map_err(|e| e.message),
            Err("`25:00` has no hour 25: hours run from 00 to 23".into())
        );
    }

    #[test]
    fn other_ways_of_writing_a_time_get_the_hh_mm_meant() {
        for (written, hh_mm) in [
            ("2pm", Some("14:00")),
            ("2 PM", Some("14:00")),
            ("2:30 p.m.", Some("14:30")),
            ("12am", Some("00:00")),
            ("12pm", Some("12:00")),
            ("9am", Some("09:00")),
            ("14.00", Some("14:00")),
            ("14h30", Some("14:30")),
            ("14h", Some("14:00")),
            ("1400", Some("14:00")),
            ("930", Some("09:30")),
            ("13pm", None),
            ("14", None),
            ("soon", None),
            ("99.99", None),
        ] {
            let bad = parse_time(written).expect_err(written);
            assert_eq!(bad.meant.as_deref(), hh_mm, "{written}");
        }
    }
}
