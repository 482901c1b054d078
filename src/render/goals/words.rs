//! The goals' words in English, in one place: the chart's labels and its
//! text alternative. (The page's own strings are in `goals.html` and
//! `macros.html`.)

use crate::progress::GoalProgress;
use crate::render::views::number;
use chrono::{Datelike, NaiveDate};

pub const BASELINE: &str = "baseline";

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An axis label: `Mar 2026`.
pub fn month(day: NaiveDate) -> String {
    format!("{} {}", MONTHS[day.month0() as usize % 12], day.year())
}

/// A value with its unit when the unit is short enough to follow a
/// number (`70%`); longer units (`score (1-5)`) are in the title.
pub fn with_unit(value: f64, unit: &str) -> String {
    match unit.trim() {
        "%" => format!("{}%", number(value)),
        short if !short.is_empty() && short.chars().count() <= 3 => {
            format!("{} {short}", number(value))
        }
        _ => number(value),
    }
}

/// The target line's label: `target 85% by Feb 2027`.
pub fn target_label(target: f64, unit: &str, due: Option<NaiveDate>) -> String {
    match due {
        Some(due) => format!("target {} by {}", with_unit(target, unit), month(due)),
        None => format!("target {}", with_unit(target, unit)),
    }
}

/// The chart in words, for its `<desc>`.
pub fn summary(unit: &str, progress: &GoalProgress, as_of: NaiveDate) -> String {
    let path = &progress.path;
    let mut parts = Vec::new();
    if let Some((date, value)) = path.baseline_point() {
        parts.push(format!("baseline {} on {date}", with_unit(value, unit)));
    }
    if let Some(target) = path.target {
        parts.push(match path.due {
            Some(due) => format!("target {} by {due}", with_unit(target, unit)),
            None => format!("target {}", with_unit(target, unit)),
        });
    }
    let results: Vec<String> = progress
        .series
        .iter()
        .map(|(date, value)| format!("{} on {date}", with_unit(*value, unit)))
        .collect();
    parts.push(if results.is_empty() {
        "no results yet".to_string()
    } else {
        format!("results: {}", results.join(", "))
    });
    if let Some(expected) = progress.expected {
        parts.push(format!(
            "expected by {as_of}: {}",
            with_unit(expected, unit)
        ));
    }
    parts.push(format!("status: {}", progress.status.label()));
    parts.join("; ")
}
