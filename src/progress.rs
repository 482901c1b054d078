//! Stage 5: progress as of one date. Pure functions of the model, so every
//! status and boundary is testable without files: pairs' in `pair`, goals'
//! in `goals`, the metrics computed from the sessions in `metrics`, the
//! cohorts side by side in `cohorts`, guides' here.

mod cohorts;
mod goals;
mod meeting;
mod metrics;
mod pair;

pub use cohorts::{CohortSummary, cohort_summaries};
pub use goals::{GoalProgress, GoalStatus, Path, Point, goal_progress, goal_series, goal_status};
pub use metrics::{PairFacts, Program, metric_at, metric_history, month_ends};

pub use meeting::{
    DEFAULT_MINUTES, NextMeeting, Timing, next_meeting, session_minutes, session_timing,
};
pub use pair::{
    Logged, Next, PairProgress, PairStatus, Schedule, next_session, of_pair, pair_progress,
    pair_status, periods_between, session_status, sessions_due_by, sessions_in_plan, sessions_late,
};

use crate::model::survey::{self, SurveyReport};
use crate::model::{Playbook, Step, StepStatus};
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
        Progress {
            pairs: playbook
                .pairs
                .iter()
                .map(|pair| of_pair(pair, as_of, playbook.thresholds_of(pair)))
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

/// `part` of `whole` in percent, to one decimal; `None` of nothing.
pub fn percent_of(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| metrics::one_decimal(part as f64 * 100.0 / whole as f64))
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

#[cfg(test)]
mod tests;
