//! Stage 5: progress as of one date. Pure functions of the model, so every
//! status and boundary is testable without files: pairs' in `pair`, guides'
//! and goals' here.

mod meeting;
mod pair;

pub use meeting::{
    DEFAULT_MINUTES, NextMeeting, Timing, next_meeting, session_minutes, session_timing,
};
pub use pair::{
    Logged, Next, PairProgress, PairStatus, Schedule, next_session, of_pair, pair_progress,
    pair_status, periods_between, session_status, sessions_due_by, sessions_in_plan, sessions_late,
};

use crate::model::survey::{self, SurveyReport};
use crate::model::{Goal, Playbook, Step, StepStatus};
use chrono::NaiveDate;
use serde::Serialize;

/// Everything time-dependent about the playbook's pairs as of one date,
/// computed once, before render (which only shows it).
#[derive(Debug, Clone)]
pub struct Progress {
    /// Each pair's, in the model's order.
    pub pairs: Vec<PairProgress>,
    /// Each survey's figures, large-enough groups only
    /// (`model::survey::publish`, the one owner of that rule).
    pub surveys: Vec<SurveyReport>,
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
            surveys: survey::publish(playbook, as_of),
        }
    }
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
