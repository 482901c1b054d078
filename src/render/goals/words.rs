//! The goals' words, from the `goals-` messages of the site's catalogue
//! (`themes/default/i18n/<locale>/goals.ftl`): the chart's labels and its
//! text alternative, in the site's language and number format.

use crate::i18n::{Arg, DateStyle, Messages};
use crate::progress::{GoalProgress, GoalStatus};
use chrono::{Datelike, NaiveDate};

/// A month's short name under the axis: `Mar`, `mar`, `März`.
pub fn month(m: &Messages, day: NaiveDate) -> String {
    m.text("goals-month", &[("month", Arg::from(day.month()))])
}

pub fn status(m: &Messages, status: GoalStatus) -> String {
    m.get(&format!("goals-status-{}", status.slug()))
}

/// A value with its unit when the unit is short enough to follow a
/// number (`70%`, `70 %` in German); longer units (`score (1-5)`) are in
/// the title.
pub fn with_unit(m: &Messages, value: f64, unit: &str) -> String {
    match unit.trim() {
        "%" => m.percent_as_written(value),
        short if !short.is_empty() && short.chars().count() <= 3 => {
            format!("{} {short}", m.number(value, None))
        }
        _ => m.number(value, None),
    }
}

/// A value as the goals table shows it: with a short unit joined (`%` as
/// the locale writes a percentage), without a long one, which the table
/// prints after it on a line of its own (`unit_after`).
pub fn table_value(m: &Messages, value: f64, unit: &str) -> String {
    match unit_after(unit) {
        "" => with_unit(m, value, unit),
        _ => m.number(value, None),
    }
}

/// The unit printed after a value rather than joined to it: one longer
/// than `with_unit` joins (`score (1-5)`), else nothing.
pub fn unit_after(unit: &str) -> &str {
    match unit.trim() {
        short if short.chars().count() <= 3 => "",
        long => long,
    }
}

fn value<'a>(m: &Messages, v: f64, unit: &str) -> (&'a str, Arg<'a>) {
    ("value", Arg::from(with_unit(m, v, unit)))
}

pub fn baseline_tip(m: &Messages, v: f64, unit: &str) -> String {
    m.text("goals-chart-baseline", &[value(m, v, unit)])
}

/// The target line's label: `target 85% by Feb 2027`.
pub fn target_label(m: &Messages, target: f64, unit: &str, due: Option<NaiveDate>) -> String {
    match due {
        Some(due) => m.text(
            "goals-chart-target-by",
            &[
                value(m, target, unit),
                ("month", Arg::from(m.date(due, DateStyle::Month))),
            ],
        ),
        None => m.text("goals-chart-target", &[value(m, target, unit)]),
    }
}

/// The chart in words, for its `<desc>`.
pub fn summary(m: &Messages, unit: &str, progress: &GoalProgress, as_of: NaiveDate) -> String {
    let path = &progress.path;
    let date = |d: NaiveDate| ("date", Arg::from(m.date_label(d)));
    let mut parts = Vec::new();
    if let Some((d, v)) = path.baseline_point() {
        parts.push(m.text("goals-summary-baseline", &[value(m, v, unit), date(d)]));
    }
    if let Some(target) = path.target {
        parts.push(match path.due {
            Some(due) => m.text(
                "goals-summary-target-by",
                &[value(m, target, unit), date(due)],
            ),
            None => m.text("goals-summary-target", &[value(m, target, unit)]),
        });
    }
    let results: Vec<String> = progress
        .series
        .iter()
        .map(|&(d, v)| m.text("goals-summary-result", &[value(m, v, unit), date(d)]))
        .collect();
    parts.push(if results.is_empty() {
        m.get("goals-summary-no-results")
    } else {
        m.text(
            "goals-summary-results",
            &[("results", Arg::from(results.join(", ")))],
        )
    });
    if let Some(expected) = progress.expected {
        let expected = (expected * 10.0).round() / 10.0;
        parts.push(m.text(
            "goals-summary-expected",
            &[value(m, expected, unit), date(as_of)],
        ));
    }
    parts.push(m.text(
        "goals-summary-status",
        &[("status", Arg::from(status(m, progress.status)))],
    ));
    parts.join("; ")
}
