//! The goals chart: a row per goal on its own scale, showing baseline,
//! target and every result (the latest emphasised). No script, no external
//! file. Each row is its goal's title in HTML over an inline SVG whose
//! horizontal positions are percentages and whose text is sized by the
//! stylesheet: the SVG is never scaled down, so on a phone its labels stay
//! as large as on a laptop (a single scaled SVG shrank them to about 6 px).
//! Text equivalents: each row's SVG is labelled in words, and the goals
//! table sits beside the chart.

use super::GoalRow;
use crate::i18n::Messages;
use crate::model::Goal;
use crate::render::markdown::escape;
use crate::render::views::number;
use std::fmt::Write as _;

/// Where the axis starts and ends, in % of the row's width.
const LEFT: f64 = 4.0;
const RIGHT: f64 = 96.0;
/// Vertical layout of a row, in CSS pixels: the latest value's label above
/// the axis, the baseline and target labels below it, in a second lane
/// when they would overlap.
const AXIS_Y: f64 = 26.0;
const LANE_Y: [f64; 2] = [54.0, 72.0];
const HEIGHT: [f64; 2] = [62.0, 80.0];
/// The narrowest row the labels are kept apart for, and a label's
/// character width there (the stylesheet sets 13 px text): a label's share
/// of that width is what two labels must not both cover.
const NARROWEST_PX: f64 = 280.0;
const CHAR_PX: f64 = 7.8;

pub fn goals_chart(goals: &[&Goal], rows: &[GoalRow], m: &Messages) -> String {
    if goals.is_empty() {
        return String::new();
    }
    let mut html = String::from("<div class=\"goals-chart\">");
    for (goal, row) in goals.iter().zip(rows) {
        goal_row(&mut html, goal, &summary(row, m), m);
    }
    html.push_str("</div>");
    html
}

/// One goal's row in words, for its SVG's label.
fn summary(row: &GoalRow, m: &Messages) -> String {
    // The row's numbers are written for the exports; shown, they take
    // the locale's separators.
    let local = |n: &str| {
        n.parse::<f64>()
            .map_or_else(|_| n.to_string(), |v| m.number(v, None))
    };
    let latest = if row.latest.is_empty() {
        m.get("ui-chart-no-result")
    } else {
        m.text(
            "ui-chart-latest",
            &[
                ("value", local(&row.latest).into()),
                ("unit", row.unit.as_str().into()),
            ],
        )
        .trim_end()
        .to_string()
    };
    m.text(
        "ui-chart-summary",
        &[
            ("goal", row.title.as_str().into()),
            ("baseline", local(&row.baseline).into()),
            ("target", local(&row.target).into()),
            ("latest", latest.into()),
        ],
    )
}

/// One goal's row: its title, then its axis with the baseline and target
/// marks and its results.
fn goal_row(html: &mut String, goal: &Goal, label: &str, m: &Messages) {
    let scale = Scale::of(goal);
    let marks: Vec<(&str, f64, f64)> = [("baseline", goal.baseline), ("target", goal.target)]
        .into_iter()
        .filter_map(|(kind, value)| value.map(|v| (kind, v, scale.x(v))))
        .collect();
    let lanes = lanes(&marks);
    let height = HEIGHT[usize::from(lanes.contains(&1))];
    let _ = write!(
        html,
        "<div class=\"chart-row\"><p class=\"chart-title\">{}{}</p>\
         <svg class=\"chart-scale\" role=\"img\" aria-label=\"{}\" width=\"100%\" height=\"{height}\">\
         <line class=\"chart-axis\" x1=\"{LEFT}%\" x2=\"{RIGHT}%\" y1=\"{AXIS_Y}\" y2=\"{AXIS_Y}\"/>",
        escape(&goal.title),
        if goal.unit.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"chart-unit\">{}</span>", escape(&goal.unit))
        },
        escape(label),
    );
    for (&(kind, value, x), lane) in marks.iter().zip(lanes) {
        let half = if kind == "target" { 12.0 } else { 10.0 };
        let text = m.text(
            if kind == "target" {
                "ui-chart-target"
            } else {
                "ui-chart-baseline"
            },
            &[("value", m.number(value, None).into())],
        );
        let _ = write!(
            html,
            "<line class=\"chart-{kind}\" x1=\"{x:.1}%\" x2=\"{x:.1}%\" y1=\"{:.1}\" y2=\"{:.1}\"/>\
             <text class=\"chart-label\" x=\"{x:.1}%\" y=\"{}\" text-anchor=\"{}\">{}</text>",
            AXIS_Y - half,
            AXIS_Y + half,
            LANE_Y[lane],
            anchor(x),
            escape(&text)
        );
    }
    results(html, goal, &scale, m);
    html.push_str("</svg></div>");
}

/// The lane (0, or 1 further down) of each mark's label: the second label
/// goes down when the two would overlap on the narrowest row.
fn lanes(marks: &[(&str, f64, f64)]) -> Vec<usize> {
    let extent = |&(kind, value, x): &(&str, f64, f64)| {
        let chars = kind.len() + 1 + number(value).chars().count();
        let width = chars as f64 * CHAR_PX / NARROWEST_PX * 100.0;
        match anchor(x) {
            "start" => (x, x + width),
            "end" => (x - width, x),
            _ => (x - width / 2.0, x + width / 2.0),
        }
    };
    match marks {
        [a, b] => {
            let ((a0, a1), (b0, b1)) = (extent(a), extent(b));
            let overlap = a0 < b1 + 2.0 && b0 < a1 + 2.0;
            vec![0, usize::from(overlap)]
        }
        _ => vec![0; marks.len()],
    }
}

/// How a label at `x` (in %) is anchored so that it stays inside the row.
fn anchor(x: f64) -> &'static str {
    if x < 20.0 {
        "start"
    } else if x > 80.0 {
        "end"
    } else {
        "middle"
    }
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

    /// Always a position on the axis, in %: a value (or a range) too large
    /// for f64 arithmetic gives the axis' middle rather than `NaN` or
    /// `inf`, which browsers refuse to draw. Reading keeps values far from
    /// that (`fields::MAX_NUMBER`); the chart does not rely on it.
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

/// A dot per result on the axis, each with its date as a tooltip; the
/// latest is larger and has its value written above it.
fn results(html: &mut String, goal: &Goal, scale: &Scale, m: &Messages) {
    let last = goal.results.len().saturating_sub(1);
    for (j, r) in goal.results.iter().enumerate() {
        let x = scale.x(r.value);
        let (radius, class) = if j == last {
            (6.0, "chart-result chart-latest")
        } else {
            (3.5, "chart-result")
        };
        let _ = write!(
            html,
            "<circle class=\"{class}\" cx=\"{x:.1}%\" cy=\"{AXIS_Y}\" r=\"{radius}\"><title>{}: {}</title></circle>",
            m.date_label(r.date),
            escape(&m.number(r.value, None))
        );
        if j == last {
            let _ = write!(
                html,
                "<text class=\"chart-label chart-value\" x=\"{x:.1}%\" y=\"{:.1}\" text-anchor=\"{}\">{}</text>",
                AXIS_Y - 12.0,
                anchor(x),
                escape(&m.number(r.value, None))
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

    fn row(goal: &Goal) -> String {
        let mut html = String::new();
        goal_row(&mut html, goal, "G", Messages::english());
        html
    }

    /// The numbers of every `attribute="..%"` in `html`.
    fn percents(html: &str, attribute: &str) -> Vec<f64> {
        html.split(&format!(" {attribute}=\""))
            .skip(1)
            .map(|value| {
                let number = value.split('"').next().unwrap_or("");
                number
                    .strip_suffix('%')
                    .and_then(|n| n.parse().ok())
                    .unwrap_or_else(|| panic!("{attribute}={number} is no percentage"))
            })
            .collect()
    }

    /// Reading refuses such values; the chart must still draw whatever
    /// it is given, since a browser drops an SVG with a NaN coordinate.
    #[test]
    fn positions_stay_on_the_axis_whatever_the_values() {
        for g in [
            goal(-1.7e308, 1.7e308, &[1.7e308, -1.7e308]),
            goal(f64::MAX, f64::MAX, &[f64::MIN]),
            goal(f64::NAN, f64::INFINITY, &[f64::NEG_INFINITY, 1.0]),
        ] {
            let html = row(&g);
            for attribute in ["x1", "x2", "cx", "x"] {
                for x in percents(&html, attribute) {
                    assert!(x.is_finite() && (0.0..=100.0).contains(&x), "{html}");
                }
            }
        }
    }

    /// No `viewBox`: nothing scales the text down on a narrow screen.
    #[test]
    fn the_svg_is_never_scaled() {
        let html = row(&goal(2.6, 3.8, &[3.0, 3.5]));
        assert!(!html.contains("viewBox"), "{html}");
        assert!(html.contains("width=\"100%\" height=\"62\""), "{html}");
    }

    #[test]
    fn close_baseline_and_target_labels_take_two_lanes() {
        let far = row(&goal(10.0, 90.0, &[]));
        assert!(far.contains("height=\"62\""), "{far}");
        // The results spread the scale, so baseline and target sit close.
        let close = row(&goal(50.0, 52.0, &[0.0, 100.0]));
        assert!(close.contains("height=\"80\""), "{close}");
        assert!(close.contains(&format!("y=\"{}\"", LANE_Y[1])), "{close}");
    }
}
