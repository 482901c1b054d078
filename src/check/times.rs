//! Sessions' times against `playbook.yaml`'s `timezone`: a `time` means a
//! time in some zone, so without one `check` says where calendars will
//! place it; with one, a time that the zone's clock change skips is told.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Playbook;

pub(super) fn session_times(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let timed = playbook
        .pairs
        .iter()
        .flat_map(|pair| &pair.sessions)
        .filter_map(|s| s.time.as_ref().map(|t| (s.date.value, t)));
    let Some(zone) = playbook.config.timezone else {
        if playbook.config.timezone_written {
            return;
        }
        // One warning for the whole playbook, at the first time written.
        let count = timed.clone().count();
        if let Some((_, first)) = timed.min_by(|a, b| a.1.span.cmp(&b.1.span)) {
            let others = match count {
                1 => String::new(),
                2 => " (and 1 more session)".to_string(),
                n => format!(" (and {} more sessions)", n - 1),
            };
            out.push(
                Diagnostic::warning(
                    Code::SessionTimezone,
                    first.span.clone(),
                    format!(
                        "this session{others} has a `time` but playbook.yaml names no `timezone`: calendars show {} in each reader's own zone",
                        first.value.format("%H:%M")
                    ),
                )
                .with_hint("add the zone the times are in to playbook.yaml, e.g. `timezone: Europe/London`"),
            );
        }
        return;
    };
    for (date, time) in timed {
        let placed = zone.place(date.and_time(time.value));
        if placed.skipped {
            out.push(
                Diagnostic::warning(
                    Code::SessionTimezone,
                    time.span.clone(),
                    format!(
                        "{} does not exist in {} on {date}: the clocks go forward; calendars show {}",
                        time.value.format("%H:%M"),
                        zone.name(),
                        zone.local(placed.utc).format("%H:%M")
                    ),
                )
                .with_hint("choose a time outside the clock change"),
            );
        }
    }
}
