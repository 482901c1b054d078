//! `goals.html`: the goals table and chart; goal rows are also shown on
//! the dashboard and exported.

mod chart;
use super::context::Context;
use super::views::number;
use crate::model::{Goal, Kind};
use crate::progress::{self, GoalProgress};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct GoalRow {
    pub id: String,
    pub title: String,
    pub metric: String,
    pub unit: String,
    pub description: String,
    pub baseline: String,
    pub target: String,
    pub latest: String,
    pub latest_date: String,
    pub status: &'static str,
    pub status_slug: &'static str,
    /// Share of the way from baseline to target, 0 to 100.
    pub percent: u32,
    pub results: Vec<ResultRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResultRow {
    pub date: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalsView {
    pub rows: Vec<GoalRow>,
    /// The chart of baseline, target and results: a row per goal, its
    /// title in HTML over an inline SVG (print `| safe`).
    pub chart: String,
}

pub fn goal_row(goal: &crate::model::Goal, progress: &GoalProgress) -> GoalRow {
    let (latest, latest_date) = progress
        .latest
        .map_or((String::new(), String::new()), |(d, v)| {
            (number(v), d.to_string())
        });
    GoalRow {
        id: goal.id.clone(),
        title: goal.title.clone(),
        metric: goal.metric.clone(),
        unit: goal.unit.clone(),
        description: goal.description.clone(),
        baseline: goal.baseline.map(number).unwrap_or_default(),
        target: goal.target.map(number).unwrap_or_default(),
        latest,
        latest_date,
        status: progress.status.label(),
        status_slug: progress.status.slug(),
        percent: progress
            .fraction
            .map_or(0, |f| (f.clamp(0.0, 1.0) * 100.0).round() as u32),
        results: goal
            .results
            .iter()
            .map(|r| ResultRow {
                date: r.date.to_string(),
                value: number(r.value),
            })
            .collect(),
    }
}

impl Context<'_> {
    pub(super) fn goals_view(&self, goals: &[Goal]) -> GoalsView {
        let refs: Vec<&Goal> = goals.iter().collect();
        let rows: Vec<GoalRow> = refs
            .iter()
            .map(|g| goal_row(g, &progress::goal_progress(g, self.options.as_of)))
            .collect();
        GoalsView {
            chart: chart::goals_chart(&refs, &rows, &self.playbook.messages),
            rows,
        }
    }
    pub(super) fn all_goal_rows(&self) -> Vec<GoalRow> {
        self.playbook
            .pages
            .iter()
            .enumerate()
            .filter(|(i, _)| self.published[*i])
            .flat_map(|(_, p)| match &p.kind {
                Kind::Goals(goals) => goals.iter().collect(),
                _ => Vec::new(),
            })
            .map(|g| goal_row(g, &progress::goal_progress(g, self.options.as_of)))
            .collect()
    }
}
