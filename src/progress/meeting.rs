//! A pair's next meeting as its page (and a person's) shows it: when it is,
//! which session it is, and which template it will follow; and how long a
//! session lasts and when it starts on the world's clock, which the
//! calendars use too.

use super::{Next, PairProgress, PairStatus, session_status};
use crate::config::Timezone;
use crate::model::{Kind, Playbook, PublicPair, PublicSession, SessionStatus};
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

/// How long a session lasts when neither it nor its template says.
pub const DEFAULT_MINUTES: u32 = 60;

/// The next meeting of a pair that is meant to meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextMeeting<'a> {
    pub date: NaiveDate,
    /// The session planned for it; `None` when none is, and `date` is the
    /// date the cadence makes one due by.
    pub session: Option<&'a PublicSession<'a>>,
    /// The session template it will follow (a page index): the planned
    /// session's, else the series' next after the last one held.
    pub template: Option<usize>,
}

/// The pair's next meeting: none once it has ended, completed or been
/// withdrawn, or while it has nothing planned or due (paused).
pub fn next_meeting<'a>(
    playbook: &Playbook,
    pair: &'a PublicPair<'a>,
    progress: &PairProgress,
    as_of: NaiveDate,
) -> Option<NextMeeting<'a>> {
    if matches!(
        progress.status,
        PairStatus::Ended | PairStatus::Completed | PairStatus::Withdrawn
    ) {
        return None;
    }
    let (date, session) = match progress.next? {
        // The first planned on that date: sessions are in date and time order.
        Next::Planned(date) => (
            date,
            pair.sessions.iter().find(|s| {
                s.date == date && session_status(s.status, s.date, as_of) == SessionStatus::Planned
            }),
        ),
        Next::Due(date) => (date, None),
    };
    let template = session
        .and_then(|s| s.template)
        .and_then(|id| playbook.session_template_index(pair.program, id))
        .or_else(|| series_next(playbook, pair, as_of));
    Some(NextMeeting {
        date,
        session,
        template,
    })
}

/// The template after the last one of a series held (see
/// `Playbook::next_in_series`); the series' first before any was held.
fn series_next(playbook: &Playbook, pair: &PublicPair, as_of: NaiveDate) -> Option<usize> {
    let last_held = pair
        .sessions
        .iter()
        .rev()
        .filter(|s| session_status(s.status, s.date, as_of) == SessionStatus::Held)
        .filter_map(|s| {
            s.template
                .and_then(|id| playbook.session_template_index(pair.program, id))
        })
        .find(|&page| match &playbook.pages[page].kind {
            Kind::Session(t) => t.order.or(t.week).is_some(),
            _ => false,
        });
    playbook.next_in_series(last_held)
}

/// A session's length in minutes: its own `duration`, else its template's,
/// else its template's agenda added up, else [`DEFAULT_MINUTES`]. The
/// template is the one program `program`'s pairs name.
pub fn session_minutes(playbook: &Playbook, program: usize, session: &PublicSession) -> u32 {
    let template = session
        .template
        .and_then(|id| playbook.session_template(program, id))
        .and_then(|page| match &page.kind {
            Kind::Session(t) => Some(t),
            _ => None,
        });
    session
        .duration
        .or_else(|| template.and_then(|t| t.duration.as_ref().map(|d| d.value)))
        .or_else(|| template.map(|t| t.total_minutes()).filter(|&m| m > 0))
        .unwrap_or(DEFAULT_MINUTES)
}

/// When a session with a `time` starts and ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    /// On the world's clock, in UTC: the playbook names its `timezone`.
    Utc {
        start: NaiveDateTime,
        end: NaiveDateTime,
    },
    /// Local clock times in no known zone.
    Floating {
        start: NaiveDateTime,
        end: NaiveDateTime,
    },
}

/// The session's start and end, when it has a `time`.
pub fn session_timing(
    playbook: &Playbook,
    zone: Option<Timezone>,
    program: usize,
    session: &PublicSession,
) -> Option<Timing> {
    let local = session.date.and_time(session.time?);
    let length = TimeDelta::minutes(i64::from(session_minutes(playbook, program, session)));
    Some(match zone {
        Some(zone) => {
            let start = zone.place(local).utc;
            Timing::Utc {
                start,
                end: start + length,
            }
        }
        None => Timing::Floating {
            start: local,
            end: local + length,
        },
    })
}
