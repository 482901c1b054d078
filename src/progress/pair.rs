//! A pair's progress as of a date: what each session's status is, how many
//! sessions were held, expected by now and in the plan, when the pair last
//! met and meets next, and its status. One function per rule, each pure so
//! that it is tested without files (`progress/tests.rs`); the README's
//! "Progress, as of a date" states the same rules in words.

use crate::config::Thresholds;
use crate::model::{Cadence, Pair, PairOverride, SessionStatus, still_planned};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PairStatus {
    // Declaration order is the dashboard's order: the pairs that need
    // attention first (an ended pair needs closing).
    Stalled,
    AtRisk,
    Ended,
    NotStarted,
    OnTrack,
    Paused,
    Completed,
    Withdrawn,
}

impl PairStatus {
    pub const ALL: [PairStatus; 8] = [
        PairStatus::Stalled,
        PairStatus::AtRisk,
        PairStatus::Ended,
        PairStatus::NotStarted,
        PairStatus::OnTrack,
        PairStatus::Paused,
        PairStatus::Completed,
        PairStatus::Withdrawn,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PairStatus::NotStarted => "not started",
            PairStatus::OnTrack => "on track",
            PairStatus::AtRisk => "at risk",
            PairStatus::Stalled => "stalled",
            PairStatus::Ended => "ended",
            PairStatus::Paused => "paused",
            PairStatus::Completed => "completed",
            PairStatus::Withdrawn => "withdrawn",
        }
    }

    /// The CSS class suffix: `not-started`, `on-track`, ...
    pub fn slug(self) -> &'static str {
        match self {
            PairStatus::NotStarted => "not-started",
            PairStatus::OnTrack => "on-track",
            PairStatus::AtRisk => "at-risk",
            PairStatus::Stalled => "stalled",
            PairStatus::Ended => "ended",
            PairStatus::Paused => "paused",
            PairStatus::Completed => "completed",
            PairStatus::Withdrawn => "withdrawn",
        }
    }

    /// Whether the pairing is still meant to meet: only then is a next
    /// session due by the cadence.
    pub fn is_running(self) -> bool {
        matches!(
            self,
            PairStatus::NotStarted | PairStatus::OnTrack | PairStatus::AtRisk | PairStatus::Stalled
        )
    }
}

/// The pair's next session: one planned, or else the date the cadence
/// makes the next one due by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "date")]
pub enum Next {
    Planned(NaiveDate),
    Due(NaiveDate),
}

impl Next {
    pub fn date(self) -> NaiveDate {
        match self {
            Next::Planned(date) | Next::Due(date) => date,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PairProgress {
    /// Sessions held on or before the as-of date.
    pub held: u32,
    /// Sessions due by the as-of date: the k-th (from 0) is due k cadence
    /// periods after the start, the first on the start date itself, and
    /// none after the end.
    pub expected_to_date: u32,
    /// Sessions due over the whole pairing, start to end, when it has an end.
    pub in_plan: Option<u32>,
    /// Sessions planned from the as-of date on.
    pub planned: u32,
    /// Sessions still `planned` though their date has passed: the log
    /// needs an update (was each held?).
    pub to_update: Vec<NaiveDate>,
    pub last_met: Option<NaiveDate>,
    pub next: Option<Next>,
    pub status: PairStatus,
}

/// The plain facts progress needs about a pair.
#[derive(Debug, Clone, Copy)]
pub struct Schedule {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub cadence: Cadence,
    pub status: Option<PairOverride>,
}

impl Schedule {
    pub fn of(pair: &Pair) -> Schedule {
        Schedule {
            start: pair.start.as_ref().map(|s| s.value),
            end: pair.end,
            cadence: pair.cadence,
            status: pair.status,
        }
    }
}

/// A session as progress sees it: its date and its status as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Logged {
    pub date: NaiveDate,
    pub status: Option<SessionStatus>,
}

/// A pair's progress straight from the model.
pub fn of_pair(pair: &Pair, as_of: NaiveDate, thresholds: Thresholds) -> PairProgress {
    let sessions: Vec<Logged> = pair
        .sessions
        .iter()
        .map(|s| Logged {
            date: s.date.value,
            status: s.status.as_ref().map(|st| st.value),
        })
        .collect();
    pair_progress(Schedule::of(pair), &sessions, as_of, thresholds)
}

/// A session's status as of a date. Left out, it follows the date: held
/// once its date has come, planned before. A session dated after the as-of
/// date had not happened yet then, so it is planned whatever it says,
/// unless it was cancelled.
pub fn session_status(
    written: Option<SessionStatus>,
    date: NaiveDate,
    as_of: NaiveDate,
) -> SessionStatus {
    match written {
        Some(SessionStatus::Cancelled) => SessionStatus::Cancelled,
        _ if date > as_of => SessionStatus::Planned,
        Some(status) => status,
        None => SessionStatus::Held,
    }
}

/// How many periods have fully passed between `start` and `date`.
pub fn periods_between(cadence: Cadence, start: NaiveDate, date: NaiveDate) -> u32 {
    if date < start {
        return 0;
    }
    // Count up with `after` so months follow the calendar (and leap days).
    let mut estimate = ((date - start).num_days() / i64::from(cadence.days())).max(0) as u32;
    while estimate > 0 && cadence.after(start, estimate).is_none_or(|d| d > date) {
        estimate -= 1;
    }
    while cadence
        .after(start, estimate + 1)
        .is_some_and(|d| d <= date)
    {
        estimate += 1;
    }
    estimate
}

/// Sessions due from the start up to `date` (and not after the end): the
/// first is due on the start date, so a pair that has started expects one.
pub fn sessions_due_by(schedule: Schedule, date: NaiveDate) -> u32 {
    let Some(start) = schedule.start else {
        return 0;
    };
    let until = schedule.end.map_or(date, |end| end.min(date));
    if until < start {
        return 0;
    }
    periods_between(schedule.cadence, start, until) + 1
}

/// Sessions due over the whole pairing, when it has an end.
pub fn sessions_in_plan(schedule: Schedule) -> Option<u32> {
    schedule.end.map(|end| sessions_due_by(schedule, end))
}

/// Sessions late as of the date: each due session not held by the time the
/// next one is due. The one due in the current period is not late yet.
pub fn sessions_late(expected_to_date: u32, held: u32) -> u32 {
    expected_to_date.saturating_sub(1).saturating_sub(held)
}

pub fn pair_progress(
    schedule: Schedule,
    sessions: &[Logged],
    as_of: NaiveDate,
    thresholds: Thresholds,
) -> PairProgress {
    let status_of = |s: &Logged| session_status(s.status, s.date, as_of);
    let held_dates = sessions
        .iter()
        .filter(|s| status_of(s) == SessionStatus::Held)
        .map(|s| s.date);
    let held = held_dates.clone().count() as u32;
    let last_met = held_dates.max();
    let upcoming = sessions
        .iter()
        .filter(|s| status_of(s) == SessionStatus::Planned && s.date >= as_of);
    let planned = upcoming.clone().count() as u32;
    let to_update = sessions
        .iter()
        .filter(|s| still_planned(s.status, s.date, as_of))
        .map(|s| s.date)
        .collect();
    let expected_to_date = sessions_due_by(schedule, as_of);
    let status = pair_status(
        schedule,
        held,
        expected_to_date,
        last_met,
        as_of,
        thresholds,
    );
    let next_planned = upcoming
        .map(|s| s.date)
        .filter(|d| schedule.end.is_none_or(|end| *d <= end))
        .min();
    PairProgress {
        held,
        expected_to_date,
        in_plan: sessions_in_plan(schedule),
        planned,
        to_update,
        last_met,
        next: next_session(schedule, status, last_met, next_planned),
        status,
    }
}

/// The next planned session within the pairing; if none, while the pair is
/// running, the date the cadence makes the next session due by: a period
/// after the last session held, or the start date before any. A completed,
/// withdrawn, paused or ended pair is not due to meet, and nothing is due
/// after the end.
pub fn next_session(
    schedule: Schedule,
    status: PairStatus,
    last_met: Option<NaiveDate>,
    next_planned: Option<NaiveDate>,
) -> Option<Next> {
    if matches!(status, PairStatus::Completed | PairStatus::Withdrawn) {
        return None;
    }
    if let Some(date) = next_planned {
        return Some(Next::Planned(date));
    }
    if !status.is_running() {
        return None;
    }
    let due = match last_met {
        Some(met) => schedule.cadence.after(met, 1),
        None => schedule.start,
    };
    due.filter(|due| schedule.end.is_none_or(|end| *due <= end))
        .map(Next::Due)
}

/// The first that applies wins: `completed` or `withdrawn` as the pair's
/// `status` says; ended (after its end date, paused or not); `paused` as
/// its `status` says; not started; stalled; at risk; on track.
pub fn pair_status(
    schedule: Schedule,
    held: u32,
    expected_to_date: u32,
    last_met: Option<NaiveDate>,
    as_of: NaiveDate,
    thresholds: Thresholds,
) -> PairStatus {
    match schedule.status {
        Some(PairOverride::Completed) => return PairStatus::Completed,
        Some(PairOverride::Withdrawn) => return PairStatus::Withdrawn,
        _ if schedule.end.is_some_and(|end| end < as_of) => return PairStatus::Ended,
        Some(PairOverride::Paused) => return PairStatus::Paused,
        None => {}
    }
    let Some(start) = schedule.start else {
        return if held == 0 {
            PairStatus::NotStarted
        } else {
            PairStatus::OnTrack
        };
    };
    let late = sessions_late(expected_to_date, held);
    // The first period is for the kickoff: nothing is late before it ends.
    if as_of < start || (held == 0 && expected_to_date <= 1) {
        return PairStatus::NotStarted;
    }
    let since = last_met.unwrap_or(start).max(start);
    // Stalled means *more than* N periods without a session.
    let quiet_too_long = schedule
        .cadence
        .after(since, thresholds.stalled_after_periods)
        .is_some_and(|limit| as_of > limit);
    if quiet_too_long {
        return PairStatus::Stalled;
    }
    if late >= thresholds.at_risk_behind {
        return PairStatus::AtRisk;
    }
    PairStatus::OnTrack
}
