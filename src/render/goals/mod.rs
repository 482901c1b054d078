//! `goals.html`: the goals table and, per goal, its chart over time beside
//! its data table; goal rows are also shown on the dashboard and exported.

mod bar;
mod chart;
mod frame;
mod labels;
mod words;
use super::context::Context;
use super::views::number;
use crate::i18n::{Arg, Messages};
use crate::model::{Goal, Kind};
use crate::progress::{self, GoalProgress, Program};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct GoalRow {
    pub id: String,
    pub title: String,
    pub metric: String,
    pub unit: String,
    pub description: String,
    /// The metric `source:` names (`met-last-month`), empty when typed.
    pub source: String,
    pub baseline: String,
    /// The baseline as the table shows it: a percentage as the locale
    /// writes one (`58%`, `58 %` in German), a long unit apart in
    /// `unit_after`.
    pub baseline_label: String,
    /// A unit too long to join the values (`score (1-5)`), printed after
    /// each of them on a line of its own; empty when the values hold it.
    pub unit_after: String,
    pub baseline_date: String,
    /// Whether the data table starts with the baseline: not when a result
    /// shares its date (it is the baseline measurement itself).
    pub baseline_row: bool,
    pub target: String,
    pub target_label: String,
    pub due: String,
    pub latest: String,
    pub latest_label: String,
    pub latest_date: String,
    /// Where the expected path is on the as-of date; empty without `due`.
    pub expected: String,
    /// In the site's language (`goals-status-*`).
    pub status: String,
    pub status_slug: &'static str,
    /// Share of the way from baseline to target, 0 to 100.
    pub percent: u32,
    /// The results on or before the as-of date (typed or computed).
    pub results: Vec<ResultRow>,
    /// The chart over time (inline SVG, print `| safe`).
    pub chart: String,
    /// The table's compact baseline-to-latest bar (inline SVG, `| safe`).
    pub bar: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResultRow {
    pub date: String,
    pub value: String,
    /// The expected path's value on that date; empty without `due`.
    pub expected: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalsView {
    pub rows: Vec<GoalRow>,
}

pub fn goal_row(m: &Messages, goal: &Goal, progress: &GoalProgress, as_of: NaiveDate) -> GoalRow {
    let (latest, latest_date) = progress
        .latest
        .map_or((String::new(), String::new()), |(d, v)| {
            (number(v), d.to_string())
        });
    let percent = progress
        .fraction
        .map_or(0, |f| (f.clamp(0.0, 1.0) * 100.0).round() as u32);
    let labelled = |v: Option<f64>| {
        v.map(|v| words::table_value(m, v, &goal.unit))
            .unwrap_or_default()
    };
    let expected_at = |date| {
        progress
            .path
            .expected_at(date)
            .map(|v| number((v * 10.0).round() / 10.0))
            .unwrap_or_default()
    };
    GoalRow {
        id: goal.id.clone(),
        title: goal.title.clone(),
        metric: goal.metric.clone(),
        unit: goal.unit.clone(),
        description: goal.description.clone(),
        source: goal.source.name().to_string(),
        baseline: goal.baseline.map(number).unwrap_or_default(),
        baseline_label: labelled(goal.baseline),
        unit_after: words::unit_after(&goal.unit).to_string(),
        baseline_date: progress
            .path
            .baseline_point()
            .map(|(d, _)| d.to_string())
            .unwrap_or_default(),
        baseline_row: progress
            .path
            .baseline_point()
            .is_some_and(|(date, _)| progress.series.iter().all(|p| p.0 != date)),
        target: goal.target.map(number).unwrap_or_default(),
        target_label: labelled(goal.target),
        due: goal.due.map(|d| d.to_string()).unwrap_or_default(),
        latest,
        latest_label: labelled(progress.latest.map(|(_, v)| v)),
        latest_date,
        expected: expected_at(as_of),
        status: words::status(m, progress.status),
        status_slug: progress.status.slug(),
        percent,
        results: progress
            .series
            .iter()
            .map(|&(date, value)| ResultRow {
                date: date.to_string(),
                value: number(value),
                expected: expected_at(date),
            })
            .collect(),
        chart: chart::goal_chart(m, &goal.id, &goal.title, &goal.unit, progress, as_of),
        bar: bar::progress_bar(
            progress.fraction,
            &m.text(
                "goals-bar-label",
                &[
                    ("title", Arg::from(goal.title.as_str())),
                    (
                        "percent",
                        Arg::from(m.percent(f64::from(percent) / 100.0, None)),
                    ),
                ],
            ),
        ),
    }
}

/// Every goal's row, its progress computed from `program` as of `as_of`.
pub fn goal_rows<'g>(
    m: &Messages,
    goals: impl Iterator<Item = &'g Goal>,
    program: &Program,
    as_of: NaiveDate,
) -> Vec<GoalRow> {
    goals
        .map(|g| goal_row(m, g, &progress::goal_progress(g, program, as_of), as_of))
        .collect()
}

impl Context<'_> {
    /// A goals page's goals, computed from its own program's pairs.
    pub(super) fn goals_view(&self, goals: &[Goal], scope: Option<usize>) -> GoalsView {
        let program = self.program(scope);
        GoalsView {
            rows: goal_rows(
                &self.playbook.messages,
                goals.iter(),
                &program,
                self.options.as_of,
            ),
        }
    }

    /// The goals of program `scope`'s goals pages (every page's with
    /// `None`), each computed from its own page's program.
    pub(super) fn all_goal_rows(&self, scope: Option<usize>) -> Vec<GoalRow> {
        let mut rows = Vec::new();
        for (i, page) in self.playbook.pages.iter().enumerate() {
            let Kind::Goals(goals) = &page.kind else {
                continue;
            };
            if !self.published[i] || !self.in_scope(i, scope) {
                continue;
            }
            rows.extend(goal_rows(
                &self.playbook.messages,
                goals.iter(),
                &self.program(page.program),
                self.options.as_of,
            ));
        }
        rows
    }
}
