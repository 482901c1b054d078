//! Stage 5: progress as of one date. Pure functions of the model, so every
//! status and boundary is testable without files.

use crate::config::Thresholds;
use crate::model::{Cadence, Goal, Pair, PairOverride, Playbook, SessionStatus, Step, StepStatus};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PairStatus {
    // Declaration order is the dashboard's order: the pairs that need
    // attention first.
    Stalled,
    AtRisk,
    NotStarted,
    OnTrack,
    Paused,
    Completed,
    Withdrawn,
}

impl PairStatus {
    pub const ALL: [PairStatus; 7] = [
        PairStatus::Stalled,
        PairStatus::AtRisk,
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
            PairStatus::Paused => "paused",
            PairStatus::Completed => "completed",
            PairStatus::Withdrawn => "withdrawn",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PairProgress {
    /// Sessions held on or before the as-of date.
    pub held: u32,
    /// Sessions due by the as-of date: the k-th is due k cadence periods
    /// after the start, and none after the end.
    pub expected: u32,
    /// Sessions due over the whole pairing (start to end), if it has an end.
    pub planned: Option<u32>,
    pub last_met: Option<NaiveDate>,
    /// The first planned session on or after the as-of date.
    pub next: Option<NaiveDate>,
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

/// Everything time-dependent about the playbook's pairs as of one date,
/// computed once, before render (which only shows it).
#[derive(Debug, Clone)]
pub struct Progress {
    /// Each pair's, in the model's order.
    pub pairs: Vec<PairProgress>,
}

impl Progress {
    pub fn of(playbook: &Playbook, as_of: NaiveDate) -> Progress {
        let thresholds = playbook.config.progress;
        Progress {
            pairs: playbook
                .pairs
                .iter()
                .map(|pair| of_pair(pair, as_of, thresholds))
                .collect(),
        }
    }
}

/// A pair's progress straight from the model.
pub fn of_pair(pair: &Pair, as_of: NaiveDate, thresholds: Thresholds) -> PairProgress {
    let sessions: Vec<(NaiveDate, SessionStatus)> = pair
        .sessions
        .iter()
        .map(|s| (s.date.value, s.status))
        .collect();
    pair_progress(Schedule::of(pair), &sessions, as_of, thresholds)
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

pub fn pair_progress(
    schedule: Schedule,
    sessions: &[(NaiveDate, SessionStatus)],
    as_of: NaiveDate,
    thresholds: Thresholds,
) -> PairProgress {
    let held_dates = sessions
        .iter()
        .filter(|(d, s)| *s == SessionStatus::Held && *d <= as_of)
        .map(|(d, _)| *d);
    let held = held_dates.clone().count() as u32;
    let last_met = held_dates.max();
    let next = sessions
        .iter()
        .filter(|(d, s)| *s == SessionStatus::Planned && *d >= as_of)
        .map(|(d, _)| *d)
        .min();
    let (expected, planned) = match schedule.start {
        None => (0, None),
        Some(start) => {
            let until = schedule.end.map_or(as_of, |end| end.min(as_of));
            (
                periods_between(schedule.cadence, start, until),
                schedule
                    .end
                    .map(|end| periods_between(schedule.cadence, start, end)),
            )
        }
    };
    let status = pair_status(schedule, held, expected, last_met, as_of, thresholds);
    PairProgress {
        held,
        expected,
        planned,
        last_met,
        next,
        status,
    }
}

/// The first that applies wins: an explicit status, not started, stalled,
/// at risk, on track.
fn pair_status(
    schedule: Schedule,
    held: u32,
    expected: u32,
    last_met: Option<NaiveDate>,
    as_of: NaiveDate,
    thresholds: Thresholds,
) -> PairStatus {
    match schedule.status {
        Some(PairOverride::Paused) => return PairStatus::Paused,
        Some(PairOverride::Completed) => return PairStatus::Completed,
        Some(PairOverride::Withdrawn) => return PairStatus::Withdrawn,
        None => {}
    }
    let Some(start) = schedule.start else {
        return if held == 0 {
            PairStatus::NotStarted
        } else {
            PairStatus::OnTrack
        };
    };
    if as_of < start || (held == 0 && expected == 0) {
        return PairStatus::NotStarted;
    }
    let since = last_met.unwrap_or(start).max(start);
    // Stalled means *more than* N periods without a session.
    let quiet_too_long = schedule
        .cadence
        .after(since, thresholds.stalled_after_periods)
        .is_some_and(|limit| as_of > limit);
    let ended = schedule.end.is_some_and(|end| end < as_of);
    if quiet_too_long && !ended {
        return PairStatus::Stalled;
    }
    if expected >= held + thresholds.at_risk_behind {
        return PairStatus::AtRisk;
    }
    PairStatus::OnTrack
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GuideProgress {
    pub steps: usize,
    pub done: usize,
    pub doing: usize,
    pub todo: usize,
    /// Not done and past their due date.
    pub overdue: usize,
    pub checklist_done: usize,
    pub checklist_total: usize,
}

impl GuideProgress {
    pub fn percent_done(&self) -> u32 {
        percent(self.done, self.steps)
    }
}

pub fn percent(part: usize, whole: usize) -> u32 {
    (part * 100 + whole / 2)
        .checked_div(whole)
        .map_or(0, |p| p as u32)
}

pub fn step_is_overdue(step: &Step, as_of: NaiveDate) -> bool {
    step.status != StepStatus::Done && step.due.is_some_and(|due| due < as_of)
}

/// `steps` pairs each step with its checklist (done, total).
pub fn guide_progress(steps: &[(&Step, (usize, usize))], as_of: NaiveDate) -> GuideProgress {
    let mut progress = GuideProgress {
        steps: steps.len(),
        ..GuideProgress::default()
    };
    for (step, (done, total)) in steps {
        match step.status {
            StepStatus::Done => progress.done += 1,
            StepStatus::Doing => progress.doing += 1,
            StepStatus::Todo => progress.todo += 1,
        }
        progress.overdue += usize::from(step_is_overdue(step, as_of));
        progress.checklist_done += done;
        progress.checklist_total += total;
    }
    progress
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoalStatus {
    Reached,
    Improving,
    NoChange,
    Worse,
    NoData,
}

impl GoalStatus {
    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::Reached => "reached",
            GoalStatus::Improving => "improving",
            GoalStatus::NoChange => "no change",
            GoalStatus::Worse => "worse",
            GoalStatus::NoData => "no data",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            GoalStatus::Reached => "reached",
            GoalStatus::Improving => "improving",
            GoalStatus::NoChange => "no-change",
            GoalStatus::Worse => "worse",
            GoalStatus::NoData => "no-data",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalProgress {
    pub latest: Option<(NaiveDate, f64)>,
    /// Share of the way from baseline to target (1.0 = reached; may be
    /// negative or above 1). Works for targets below the baseline too.
    pub fraction: Option<f64>,
    pub status: GoalStatus,
}

pub fn goal_progress(goal: &Goal, as_of: NaiveDate) -> GoalProgress {
    let latest = goal
        .results
        .iter()
        .filter(|r| r.date <= as_of)
        .max_by_key(|r| r.date)
        .map(|r| (r.date, r.value));
    let Some((_, value)) = latest else {
        return GoalProgress {
            latest,
            fraction: None,
            status: GoalStatus::NoData,
        };
    };
    let (baseline, target) = match (goal.baseline, goal.target) {
        (Some(b), Some(t)) => (b, t),
        (None, Some(t)) => {
            let reached = value >= t;
            return GoalProgress {
                latest,
                fraction: None,
                status: if reached {
                    GoalStatus::Reached
                } else {
                    GoalStatus::Improving
                },
            };
        }
        _ => {
            return GoalProgress {
                latest,
                fraction: None,
                status: GoalStatus::NoData,
            };
        }
    };
    let fraction = if target == baseline {
        if value == target { 1.0 } else { 0.0 }
    } else {
        (value - baseline) / (target - baseline)
    };
    let status = if fraction >= 1.0 {
        GoalStatus::Reached
    } else if fraction > 0.0 {
        GoalStatus::Improving
    } else if fraction == 0.0 {
        GoalStatus::NoChange
    } else {
        GoalStatus::Worse
    };
    GoalProgress {
        latest,
        fraction: Some(fraction),
        status,
    }
}

#[cfg(test)]
mod tests;
