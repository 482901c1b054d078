//! `timezone:` in `playbook.yaml`: the IANA zone the sessions' `time`s are
//! local to (`Europe/London`), checked against the tz database that
//! chrono-tz compiles into the binary, so a build gives the same calendar on
//! any machine whatever its own zone files say.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::fields::{Ctx, Fields, did_you_mean};
use chrono::{NaiveDateTime, Offset, TimeDelta, TimeZone};
use chrono_tz::Tz;

/// A zone of the IANA time zone database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timezone(Tz);

/// A local time placed on the world's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub utc: NaiveDateTime,
    /// The local time does not exist: the clocks skip it as they go
    /// forward. It is taken as that long after the change (02:30 as 03:30
    /// where clocks skip an hour at 02:00), as calendar programs do.
    pub skipped: bool,
}

impl Timezone {
    /// The zone's IANA name, as written in `playbook.yaml` once corrected.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The zone's local time at `utc`.
    pub fn local(self, utc: NaiveDateTime) -> NaiveDateTime {
        self.0.from_utc_datetime(&utc).naive_local()
    }

    /// The UTC time of `local` in this zone. A local time that happens
    /// twice (as the clocks go back) is the first of the two.
    pub fn place(self, local: NaiveDateTime) -> Placed {
        if let Some(at) = self.0.from_local_datetime(&local).earliest() {
            return Placed {
                utc: at.naive_utc(),
                skipped: false,
            };
        }
        // No zone skips more than a few hours: the offset before the gap,
        // applied to the skipped time, lands as far after the change.
        let before = local - TimeDelta::hours(6);
        let offset = self
            .0
            .from_local_datetime(&before)
            .earliest()
            .map_or(0, |at| at.offset().fix().local_minus_utc());
        Placed {
            utc: local - TimeDelta::seconds(i64::from(offset)),
            skipped: true,
        }
    }
}

const HINT: &str = "write the zone's IANA name, a region and a city such as `Europe/London`, `Europe/Warsaw` or `America/New_York`; it follows the zone's summer time, which an abbreviation like `CET` or an offset like `+01:00` does not";

/// Reads `timezone`; a name the tz database does not know is reported with
/// the nearest name it does.
pub(super) fn read(f: &mut Fields, ctx: &mut Ctx) -> Option<Timezone> {
    let text = f.string("timezone", ctx)?;
    if let Ok(zone) = text.value.parse::<Tz>() {
        return Some(Timezone(zone));
    }
    let hint = match nearest(&text.value) {
        Some(near) => format!("did you mean `{near}`? {HINT}"),
        None => HINT.to_string(),
    };
    ctx.push(
        Diagnostic::error(
            Code::BadTimezone,
            text.span,
            format!(
                "`timezone`: `{}` is not a time zone of the IANA database",
                text.value
            ),
        )
        .with_hint(hint),
    );
    None
}

/// The zone meant by a misspelt name, a name in the wrong case
/// (`europe/warsaw`) or a city alone (`Warsaw`, `new york`).
fn nearest(written: &str) -> Option<&'static str> {
    let names: Vec<&'static str> = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect();
    let as_name = written.trim().replace(' ', "_");
    if let Some(name) = names.iter().find(|n| n.eq_ignore_ascii_case(&as_name)) {
        return Some(name);
    }
    let city = |name: &str| name.rsplit('/').next().unwrap_or(name).to_ascii_lowercase();
    let wanted = city(&as_name);
    let by_city: Vec<&'static str> = names
        .iter()
        .copied()
        .filter(|n| n.contains('/') && city(n) == wanted)
        .collect();
    // A city of one zone; `Etc/...` and old aliases (`US/...`) aside.
    let modern = |n: &str| !n.starts_with("Etc/") && !n.starts_with("US/");
    if let Some(name) = by_city.into_iter().find(|n| modern(n)) {
        return Some(name);
    }
    did_you_mean(&as_name, &names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn warsaw() -> Timezone {
        Timezone("Europe/Warsaw".parse().expect("zone"))
    }

    fn local(date: (i32, u32, u32), h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(date.0, date.1, date.2)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .expect("date and time")
    }

    #[test]
    fn local_times_follow_summer_time() {
        let winter = warsaw().place(local((2026, 12, 2), 14, 0));
        assert_eq!(winter.utc, local((2026, 12, 2), 13, 0));
        let summer = warsaw().place(local((2026, 7, 1), 14, 0));
        assert_eq!(summer.utc, local((2026, 7, 1), 12, 0));
        assert!(!winter.skipped && !summer.skipped);
    }

    #[test]
    fn a_skipped_time_lands_after_the_change_and_a_doubled_one_is_the_first() {
        // 29 March 2026: clocks go from 02:00 to 03:00 in Warsaw.
        let skipped = warsaw().place(local((2026, 3, 29), 2, 30));
        assert_eq!(
            skipped,
            Placed {
                utc: local((2026, 3, 29), 1, 30),
                skipped: true
            }
        );
        // 25 October 2026: 02:30 happens at 00:30 and at 01:30 UTC.
        let twice = warsaw().place(local((2026, 10, 25), 2, 30));
        assert_eq!(twice.utc, local((2026, 10, 25), 0, 30));
    }

    #[test]
    fn a_misspelt_zone_gets_the_name_meant() {
        for (written, meant) in [
            ("Europe/Warsw", Some("Europe/Warsaw")),
            ("europe/warsaw", Some("Europe/Warsaw")),
            ("Warsaw", Some("Europe/Warsaw")),
            ("new york", Some("America/New_York")),
            ("Europe/Londn", Some("Europe/London")),
            ("Mars/Olympus_Mons", None),
        ] {
            assert_eq!(nearest(written), meant, "{written}");
        }
    }
}
