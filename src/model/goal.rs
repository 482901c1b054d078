//! A program goal: what it measures, where it starts and aims, and where
//! its results come from (typed in, or computed from the program's data).

use crate::diagnostic::Span;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    pub id: String,
    pub title: String,
    pub metric: String,
    pub unit: String,
    pub description: String,
    pub baseline: Option<f64>,
    /// When the baseline was measured; `None` for the program's start.
    pub baseline_date: Option<NaiveDate>,
    pub target: Option<f64>,
    /// When the target should be reached: with it, the goal has an
    /// expected path from baseline to target.
    pub due: Option<NaiveDate>,
    /// Typed results, oldest first; empty when `source` computes them.
    pub results: Vec<GoalResult>,
    /// Where the results come from. `progress::goal_series` is the one
    /// place that turns a goal into its dated points.
    pub source: GoalSource,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GoalResult {
    pub date: NaiveDate,
    pub value: f64,
}

/// Where a goal's results come from: `results:` as typed, or a metric
/// computed from the sessions at each month end (`source:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoalSource {
    Typed,
    /// Share (%) of active pairs that held a session in the month.
    MetLastMonth,
    /// Share (%) of meeting pairs that are on track.
    OnTrack,
    /// Sessions held per active pair.
    SessionsPerPair,
    /// Share (%) of started pairs that withdrew.
    EarlyEnding,
    /// A survey question's figure at each round: the question names the
    /// goal (`goal:` on a `kind: surveys` page), and `model::read` marks
    /// the goal so.
    Survey,
}

impl GoalSource {
    /// Whether the measure is better lower: the early-ending rate, which
    /// a goal with no baseline would otherwise "reach" by rising.
    pub fn aims_down(self) -> bool {
        matches!(self, GoalSource::EarlyEnding)
    }

    /// Every metric a goal's `source:` may name, as written.
    pub const METRICS: [(&'static str, GoalSource); 4] = [
        ("met-last-month", GoalSource::MetLastMonth),
        ("on-track", GoalSource::OnTrack),
        ("sessions-per-pair", GoalSource::SessionsPerPair),
        ("early-ending", GoalSource::EarlyEnding),
    ];

    /// The name `source:` gives it; empty for typed results.
    pub fn name(self) -> &'static str {
        GoalSource::METRICS
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("", |(name, _)| name)
    }
}
