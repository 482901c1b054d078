//! A goal as of a date: its dated points, the path expected of it from
//! baseline to target, and its status.
//!
//! `goal_series` is the one place a goal's points come from: typed
//! `results:`, or a metric computed from the sessions (`source:`, see
//! `metrics`), or a survey question's published figures (`Program::
//! survey_series`); the chart, the table, the status and the
//! exports all read the series, never `Goal::results` directly.

use super::metrics::{Program, metric_history};
use crate::model::{Goal, GoalSource};
use chrono::NaiveDate;
use serde::Serialize;

/// A dated value: a result, or the baseline.
pub type Point = (NaiveDate, f64);

/// How far behind the expected path a goal may be and still be on track:
/// a share of the way from baseline to target (5 %), so that a result
/// rounded in the same way as the target is not called behind.
pub const TOLERANCE: f64 = 0.05;

/// With no result yet, a goal is `too early` for this many days after its
/// baseline date (a quarter, the usual interval between measurements),
/// and `no data` after.
pub const FIRST_RESULT_DAYS: i64 = 92;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoalStatus {
    Reached,
    OnTrack,
    Behind,
    NoData,
    TooEarly,
}

impl GoalStatus {
    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::Reached => "reached",
            GoalStatus::OnTrack => "on track",
            GoalStatus::Behind => "behind",
            GoalStatus::NoData => "no data",
            GoalStatus::TooEarly => "too early",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            GoalStatus::Reached => "reached",
            GoalStatus::OnTrack => "on-track",
            GoalStatus::Behind => "behind",
            GoalStatus::NoData => "no-data",
            GoalStatus::TooEarly => "too-early",
        }
    }
}

/// Where a goal starts and where it should be by when.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Path {
    pub baseline: Option<f64>,
    /// The baseline's date: `baseline_date`, else the program's start.
    pub from: Option<NaiveDate>,
    pub target: Option<f64>,
    pub due: Option<NaiveDate>,
    /// Set when what the goal measures is better lower whatever its numbers
    /// say (the early-ending rate): without a baseline, the direction
    /// cannot be read from baseline and target.
    pub aims_down: bool,
}

impl Path {
    pub fn of(goal: &Goal, program: &Program) -> Path {
        Path {
            baseline: goal.baseline,
            from: goal.baseline_date.or(program.start),
            target: goal.target,
            due: goal.due,
            aims_down: goal.source.aims_down(),
        }
    }

    /// The baseline at its date, the chart's first point.
    pub fn baseline_point(&self) -> Option<Point> {
        self.from.zip(self.baseline)
    }

    /// Whether the goal aims down (a target below its baseline, or a
    /// measure that is better lower).
    pub fn lower_is_better(&self) -> bool {
        self.aims_down || matches!((self.baseline, self.target), (Some(b), Some(t)) if t < b)
    }

    /// The share of the way from baseline to target that the path expects
    /// by `date`: 0 at the baseline date, 1 from the due date on. `None`
    /// without a due date (then nothing is expected by a date).
    pub fn expected_share(&self, date: NaiveDate) -> Option<f64> {
        let from = self.from?;
        let due = self.due?;
        let span = (due - from).num_days();
        if span <= 0 {
            return Some(1.0);
        }
        Some(((date - from).num_days() as f64 / span as f64).clamp(0.0, 1.0))
    }

    /// The value the path expects by `date`.
    pub fn expected_at(&self, date: NaiveDate) -> Option<f64> {
        let b = self.baseline?;
        let t = self.target?;
        self.expected_share(date).map(|e| b + e * (t - b))
    }

    /// The share of the way from baseline to target that `value` is
    /// (1 = reached; below 0 = worse than the baseline), either direction.
    pub fn share(&self, value: f64) -> Option<f64> {
        let b = self.baseline?;
        let t = self.target?;
        Some(if t == b {
            if value == t { 1.0 } else { 0.0 }
        } else {
            (value - b) / (t - b)
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalProgress {
    /// The goal's points on or before the as-of date, oldest first.
    pub series: Vec<Point>,
    #[serde(skip)]
    pub path: Path,
    pub latest: Option<Point>,
    /// Share of the way from baseline to target (1.0 = reached; may be
    /// negative or above 1). Works for targets below the baseline too.
    pub fraction: Option<f64>,
    /// The value the expected path is at on the as-of date.
    pub expected: Option<f64>,
    pub status: GoalStatus,
}

/// The goal's points on or before `as_of`, oldest first: the one place
/// that knows where they come from (see the module's docs).
pub fn goal_series(goal: &Goal, program: &Program, as_of: NaiveDate) -> Vec<Point> {
    match goal.source {
        GoalSource::Typed => goal
            .results
            .iter()
            .filter(|r| r.date <= as_of)
            .map(|r| (r.date, r.value))
            .collect(),
        GoalSource::Survey => program.survey_series(&goal.id, as_of),
        metric => metric_history(metric, program, as_of),
    }
}

pub fn goal_progress(goal: &Goal, program: &Program, as_of: NaiveDate) -> GoalProgress {
    let series = goal_series(goal, program, as_of);
    let path = Path::of(goal, program);
    let latest = series.last().copied();
    let status = goal_status(&path, latest, as_of);
    GoalProgress {
        fraction: latest.and_then(|(_, v)| path.share(v)),
        expected: path.expected_at(as_of),
        series,
        path,
        latest,
        status,
    }
}

/// The goal's status as of `as_of`, from its latest result there. The
/// first that applies wins (README, "Goals over time"):
/// `too early` before the baseline date, or with no result yet within
/// `FIRST_RESULT_DAYS` of it; `no data` with no result (or no target);
/// `reached` at or past the target in the goal's direction; `on track`
/// without a baseline (there is no path to be behind); with a `due` date,
/// `on track` when the result is no more than `TOLERANCE` of the way short
/// of where the path expects it on the as-of date, else `behind`; without
/// one, `on track` when the result has moved from the baseline towards the
/// target, else `behind`.
pub fn goal_status(path: &Path, latest: Option<Point>, as_of: NaiveDate) -> GoalStatus {
    let started = path.from;
    if started.is_some_and(|from| as_of < from) {
        return GoalStatus::TooEarly;
    }
    let (Some((_, value)), Some(target)) = (latest, path.target) else {
        let recent = started.is_some_and(|from| (as_of - from).num_days() < FIRST_RESULT_DAYS);
        return if recent && path.target.is_some() {
            GoalStatus::TooEarly
        } else {
            GoalStatus::NoData
        };
    };
    let reached = if path.lower_is_better() {
        value <= target
    } else {
        value >= target
    };
    if reached {
        return GoalStatus::Reached;
    }
    let Some(share) = path.share(value) else {
        return GoalStatus::OnTrack;
    };
    let on_track = match path.expected_share(as_of) {
        Some(expected) => share >= expected - TOLERANCE,
        None => share > 0.0,
    };
    if on_track {
        GoalStatus::OnTrack
    } else {
        GoalStatus::Behind
    }
}

#[cfg(test)]
mod tests;
