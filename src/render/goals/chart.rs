//! The goals chart: one inline SVG, a row per goal on its own scale, showing
//! baseline, target and every result (the latest emphasised). No script, no
//! external file; text equivalents sit in the SVG's description and in the
//! goals table beside it.

use super::GoalRow;
use crate::model::Goal;
use crate::render::markdown::escape;
use crate::render::views::number;
use std::fmt::Write as _;

const WIDTH: f64 = 640.0;
const ROW: f64 = 78.0;
const LEFT: f64 = 24.0;
const RIGHT: f64 = 616.0;

pub fn goals_chart(goals: &[&Goal], rows: &[GoalRow]) -> String {
    if goals.is_empty() {
        return String::new();
    }
    let height = ROW * goals.len() as f64 + 8.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"goals-chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">\
         <title id=\"chart-title\">Goals: baseline, target and results</title><desc id=\"chart-desc\">{}</desc>",
        escape(&summary(rows))
    );
    for (i, goal) in goals.iter().enumerate() {
        goal_row(&mut svg, goal, 8.0 + ROW * i as f64);
    }
    svg.push_str("</svg>");
    svg
}

/// The chart in words, for the SVG's description: one sentence per goal.
fn summary(rows: &[GoalRow]) -> String {
    let sentences: Vec<String> = rows
        .iter()
        .map(|r| {
            let latest = if r.latest.is_empty() {
                "no result yet".to_string()
            } else {
                format!("latest {} {}", r.latest, r.unit)
            };
            format!(
                "{}: baseline {}, target {}, {latest}",
                r.title, r.baseline, r.target
            )
        })
        .collect();
    sentences.join("; ")
}

/// One goal's row, starting `y` from the top: its title, its axis, the
/// baseline and target marks, and its results.
fn goal_row(svg: &mut String, goal: &Goal, y: f64) {
    let axis_y = y + 40.0;
    let scale = Scale::of(goal);
    let _ = write!(
        svg,
        "<g class=\"chart-row\"><text class=\"chart-label\" x=\"0\" y=\"{:.1}\">{}</text>\
         <line class=\"chart-axis\" x1=\"{LEFT}\" x2=\"{RIGHT}\" y1=\"{axis_y:.1}\" y2=\"{axis_y:.1}\"/>",
        y + 14.0,
        escape(&goal.title)
    );
    if let Some(b) = goal.baseline {
        mark(svg, "baseline", 10.0, scale.x(b), axis_y, b);
    }
    if let Some(t) = goal.target {
        mark(svg, "target", 12.0, scale.x(t), axis_y, t);
    }
    results(svg, goal, &scale, axis_y);
    svg.push_str("</g>");
}

/// A row's horizontal scale: every value of the goal fits, with a margin,
/// so goals with different units each fill the width.
struct Scale {
    lo: f64,
    hi: f64,
    pad: f64,
}

impl Scale {
    fn of(goal: &Goal) -> Scale {
        let mut values: Vec<f64> = goal.results.iter().map(|r| r.value).collect();
        values.extend(goal.baseline);
        values.extend(goal.target);
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        // No values, or a single one: a range around it (and zero).
        let (lo, hi) = if !lo.is_finite() || (hi - lo).abs() < f64::EPSILON {
            (lo.min(0.0) - 1.0, hi.max(0.0) + 1.0)
        } else {
            (lo, hi)
        };
        let pad = (hi - lo) * 0.06;
        Scale { lo, hi, pad }
    }

    /// Always a coordinate on the axis: a value (or a range) too large for
    /// f64 arithmetic gives the axis' middle rather than `NaN` or `inf`,
    /// which browsers refuse to draw. Reading keeps values far from that
    /// (`fields::MAX_NUMBER`); the chart does not rely on it.
    fn x(&self, v: f64) -> f64 {
        let (lo, hi, pad) = (self.lo, self.hi, self.pad);
        let x = LEFT + (v - (lo - pad)) / ((hi + pad) - (lo - pad)) * (RIGHT - LEFT);
        if x.is_finite() {
            x.clamp(LEFT, RIGHT)
        } else {
            (LEFT + RIGHT) / 2.0
        }
    }
}

/// A vertical tick across the axis at `x`, `half` above and below it,
/// labelled `kind` and `value` underneath (`kind` is also its CSS class).
fn mark(svg: &mut String, kind: &str, half: f64, x: f64, axis_y: f64, value: f64) {
    let _ = write!(
        svg,
        "<line class=\"chart-{kind}\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"/>\
         <text class=\"chart-label chart-small\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{kind} {}</text>",
        axis_y - half,
        axis_y + half,
        axis_y + 24.0,
        escape(&number(value))
    );
}

/// A dot per result on the axis, each with its date as a tooltip; the
/// latest is larger and has its value written above it.
fn results(svg: &mut String, goal: &Goal, scale: &Scale, axis_y: f64) {
    let last = goal.results.len().saturating_sub(1);
    for (j, r) in goal.results.iter().enumerate() {
        let rx = scale.x(r.value);
        let (radius, class) = if j == last {
            (6.0, "chart-result chart-latest")
        } else {
            (3.5, "chart-result")
        };
        let _ = write!(
            svg,
            "<circle class=\"{class}\" cx=\"{rx:.1}\" cy=\"{axis_y:.1}\" r=\"{radius}\"><title>{}: {}</title></circle>",
            r.date,
            escape(&number(r.value))
        );
        if j == last {
            let _ = write!(
                svg,
                "<text class=\"chart-label chart-value\" x=\"{rx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                axis_y - 12.0,
                escape(&number(r.value))
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;
    use crate::model::GoalResult;
    use chrono::NaiveDate;

    fn goal(baseline: f64, target: f64, results: &[f64]) -> Goal {
        Goal {
            id: "g".into(),
            title: "G".into(),
            metric: String::new(),
            unit: String::new(),
            description: String::new(),
            baseline: Some(baseline),
            target: Some(target),
            results: results
                .iter()
                .map(|&value| GoalResult {
                    date: NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
                    value,
                })
                .collect(),
            span: Span::file("content/goals.md"),
        }
    }

    /// Reading refuses such values; the chart must still draw whatever
    /// it is given, since a browser drops an SVG with a NaN coordinate.
    #[test]
    fn coordinates_stay_finite_whatever_the_values() {
        for g in [
            goal(-1.7e308, 1.7e308, &[1.7e308, -1.7e308]),
            goal(f64::MAX, f64::MAX, &[f64::MIN]),
            goal(f64::NAN, f64::INFINITY, &[f64::NEG_INFINITY, 1.0]),
        ] {
            let mut svg = String::new();
            goal_row(&mut svg, &g, 8.0);
            for attribute in ["x1", "x2", "cx", "x"] {
                for value in svg.split(&format!(" {attribute}=\"")).skip(1) {
                    let number = value.split('"').next().unwrap_or("");
                    let parsed: f64 = number.parse().expect("a number");
                    assert!(
                        parsed.is_finite() && (0.0..=WIDTH).contains(&parsed),
                        "{attribute}={number} in {svg}"
                    );
                }
            }
        }
    }
}
