//! RFC 5545 calendars: pairs' sessions as timed events (in UTC, or
//! floating when the playbook names no zone) or all-day ones. Text values are
//! escaped (backslash, semicolon, comma, newline), URI values are
//! percent-encoded, lines end in CRLF and are folded at 75 octets without
//! splitting a UTF-8 character. Every value is made safe here, where the line
//! is written, so no caller can put a line break (a new property) into one.

use crate::progress::Timing;
use chrono::NaiveDate;

pub struct Event {
    /// Stable across builds: the same session keeps its UID, whatever
    /// its time, so a moved session updates the event already imported.
    pub uid: String,
    pub when: When,
    pub summary: String,
    pub description: String,
    /// A place, or a video call's address: text either way (`LOCATION`).
    pub location: Option<String>,
    pub url: Option<String>,
    pub cancelled: bool,
}

/// When an event takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The whole day (a session without a time).
    Day(NaiveDate),
    /// At a time: in UTC (`DTSTART:20261202T130000Z`), which every calendar
    /// program reads alike with no `VTIMEZONE` to get wrong, or floating
    /// (`DTSTART:20261202T140000`), shown at that clock time in each
    /// reader's own zone.
    At(Timing),
}

pub fn calendar(name: &str, stamp: NaiveDate, events: &[Event]) -> String {
    let mut out = String::new();
    let stamp = format!("{}T000000Z", stamp.format("%Y%m%d"));
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//mentorbook//mentoring playbook//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for event in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape(&event.uid)));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        times(&mut out, event.when);
        line(&mut out, &format!("SUMMARY:{}", escape(&event.summary)));
        if let Some(location) = &event.location {
            line(&mut out, &format!("LOCATION:{}", escape(location)));
        }
        if !event.description.is_empty() {
            line(
                &mut out,
                &format!("DESCRIPTION:{}", escape(&event.description)),
            );
        }
        if let Some(url) = &event.url {
            line(&mut out, &format!("URL:{}", uri(url)));
        }
        // A day's entry leaves the day free; a meeting at a time is busy.
        let transp = match event.when {
            When::Day(_) => "TRANSPARENT",
            When::At(_) => "OPAQUE",
        };
        line(&mut out, &format!("TRANSP:{transp}"));
        if event.cancelled {
            line(&mut out, "STATUS:CANCELLED");
        }
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn times(out: &mut String, when: When) {
    const STAMP: &str = "%Y%m%dT%H%M%S";
    match when {
        When::Day(date) => {
            line(
                out,
                &format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")),
            );
            if let Some(next) = date.succ_opt() {
                line(out, &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
            }
        }
        When::At(Timing::Utc { start, end }) => {
            line(out, &format!("DTSTART:{}Z", start.format(STAMP)));
            line(out, &format!("DTEND:{}Z", end.format(STAMP)));
        }
        When::At(Timing::Floating { start, end }) => {
            line(out, &format!("DTSTART:{}", start.format(STAMP)));
            line(out, &format!("DTEND:{}", end.format(STAMP)));
        }
    }
}

/// TEXT values (RFC 5545 3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// URI values (RFC 5545 3.3.13, RFC 3986): every byte that may not stand
/// in a URI is percent-encoded, so a space, a non-ASCII letter or a line
/// break in `base_url` or an id becomes `%20`, `%C3%BC`, `%0D%0A`. A `%`
/// that starts no escape is encoded too.
pub fn uri(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, &byte) in bytes.iter().enumerate() {
        let escape_start = byte == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if escape_start || (byte != b'%' && allowed_in_uri(byte)) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
    out
}

/// RFC 3986's unreserved and reserved characters.
fn allowed_in_uri(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&byte)
}

/// Appends one content line, folded: at most 75 octets per physical line,
/// continuation lines starting with a space. Control characters other than
/// a tab are dropped whatever the caller passed: a CR or LF here would end
/// the line and start a property of the caller's choosing.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if c.is_control() && c != '\t' {
            continue;
        }
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_breaking_characters() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    /// The calendar as another program reads it: the `ical` crate's parse.
    fn parsed(text: &str) -> ical::parser::ical::component::IcalCalendar {
        let mut calendars = ical::IcalParser::new(text.as_bytes());
        let calendar = calendars.next().expect("a calendar").expect("valid");
        assert!(calendars.next().is_none(), "one calendar");
        calendar
    }

    fn names(properties: &[ical::property::Property]) -> Vec<&str> {
        properties.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn a_line_break_in_any_value_starts_no_property() {
        let hostile = |field: &str| {
            format!(
                "{field}\r\nATTACH:http://evil.example/{field}\nORGANIZER:mailto:x@evil.example\r"
            )
        };
        let date = NaiveDate::from_ymd_opt(2026, 3, 5).expect("date");
        let event = Event {
            uid: hostile("uid"),
            when: When::Day(date),
            summary: hostile("summary"),
            description: hostile("notes"),
            location: Some(hostile("room")),
            url: Some(format!("https://intranet.example/pairs/{}/", hostile("id"))),
            cancelled: false,
        };
        let text = calendar(&hostile("name"), date, &[event]);
        for physical in text.split("\r\n") {
            assert!(!physical.contains(['\r', '\n']), "{physical:?}");
        }
        let calendar = parsed(&text);
        assert_eq!(
            names(&calendar.properties),
            ["VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME"]
        );
        let [event] = calendar.events.as_slice() else {
            panic!("one event: {:?}", calendar.events);
        };
        assert_eq!(
            names(&event.properties),
            [
                "UID",
                "DTSTAMP",
                "DTSTART",
                "DTEND",
                "SUMMARY",
                "LOCATION",
                "DESCRIPTION",
                "URL",
                "TRANSP"
            ]
        );
        let url = event.properties.iter().find(|p| p.name == "URL");
        assert_eq!(
            url.and_then(|p| p.value.as_deref()),
            Some(
                "https://intranet.example/pairs/id%0D%0AATTACH:http://evil.example/id%0AORGANIZER:mailto:x@evil.example%0D/"
            )
        );
        let summary = event.properties.iter().find(|p| p.name == "SUMMARY");
        assert_eq!(
            summary.and_then(|p| p.value.as_deref()),
            Some(r"summary\nATTACH:http://evil.example/summary\nORGANIZER:mailto:x@evil.example")
        );
    }

    fn value<'a>(
        event: &'a ical::parser::ical::component::IcalEvent,
        name: &str,
    ) -> Option<&'a str> {
        let property = event.properties.iter().find(|p| p.name == name);
        property.and_then(|p| p.value.as_deref())
    }

    #[test]
    fn timed_events_carry_their_utc_or_floating_times_and_an_escaped_location() {
        let at = |h, m| {
            NaiveDate::from_ymd_opt(2026, 12, 2)
                .and_then(|d| d.and_hms_opt(h, m, 0))
                .expect("time")
        };
        let event = |when| Event {
            uid: "a@x".into(),
            when,
            summary: "Kickoff".into(),
            description: String::new(),
            location: Some("Room 2, floor 3; \\ \"Zürich\"\nback door".into()),
            url: None,
            cancelled: false,
        };
        let text = calendar(
            "Pairs",
            at(0, 0).date(),
            &[
                event(When::At(Timing::Utc {
                    start: at(13, 0),
                    end: at(14, 30),
                })),
                event(When::At(Timing::Floating {
                    start: at(14, 0),
                    end: at(15, 30),
                })),
            ],
        );
        let calendar = parsed(&text);
        let [utc, floating] = calendar.events.as_slice() else {
            panic!("two events");
        };
        assert_eq!(value(utc, "DTSTART"), Some("20261202T130000Z"));
        assert_eq!(value(utc, "DTEND"), Some("20261202T143000Z"));
        assert_eq!(value(utc, "TRANSP"), Some("OPAQUE"));
        assert_eq!(value(floating, "DTSTART"), Some("20261202T140000"));
        assert_eq!(value(floating, "DTEND"), Some("20261202T153000"));
        assert_eq!(
            value(utc, "LOCATION"),
            Some(r#"Room 2\, floor 3\; \\ "Zürich"\nback door"#)
        );
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            uri("https://intranet.example/Über uns/pairs/a b/?q=1&x=%41%zz"),
            "https://intranet.example/%C3%9Cber%20uns/pairs/a%20b/?q=1&x=%41%25zz"
        );
        assert_eq!(uri("a\"<>\\^`{|}b"), "a%22%3C%3E%5C%5E%60%7B%7C%7Db");
    }
}
