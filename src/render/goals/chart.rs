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
    let summary: Vec<String> = rows
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
    let _ = write!(
        svg,
        "<svg class=\"goals-chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">\
         <title id=\"chart-title\">Goals: baseline, target and results</title><desc id=\"chart-desc\">{}</desc>",
        escape(&summary.join("; "))
    );
    for (i, goal) in goals.iter().enumerate() {
        let y = 8.0 + ROW * i as f64;
        let axis_y = y + 40.0;
        let mut values: Vec<f64> = goal.results.iter().map(|r| r.value).collect();
        values.extend(goal.baseline);
        values.extend(goal.target);
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (lo, hi) = if !lo.is_finite() || (hi - lo).abs() < f64::EPSILON {
            (lo.min(0.0) - 1.0, hi.max(0.0) + 1.0)
        } else {
            (lo, hi)
        };
        let pad = (hi - lo) * 0.06;
        let x = |v: f64| LEFT + (v - (lo - pad)) / ((hi + pad) - (lo - pad)) * (RIGHT - LEFT);
        let _ = write!(
            svg,
            "<g class=\"chart-row\"><text class=\"chart-label\" x=\"0\" y=\"{:.1}\">{}</text>\
             <line class=\"chart-axis\" x1=\"{LEFT}\" x2=\"{RIGHT}\" y1=\"{axis_y:.1}\" y2=\"{axis_y:.1}\"/>",
            y + 14.0,
            escape(&goal.title)
        );
        if let Some(b) = goal.baseline {
            let bx = x(b);
            let _ = write!(
                svg,
                "<line class=\"chart-baseline\" x1=\"{bx:.1}\" x2=\"{bx:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"/>\
                 <text class=\"chart-label chart-small\" x=\"{bx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">baseline {}</text>",
                axis_y - 10.0,
                axis_y + 10.0,
                axis_y + 24.0,
                escape(&number(b))
            );
        }
        if let Some(t) = goal.target {
            let tx = x(t);
            let _ = write!(
                svg,
                "<line class=\"chart-target\" x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"/>\
                 <text class=\"chart-label chart-small\" x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">target {}</text>",
                axis_y - 12.0,
                axis_y + 12.0,
                axis_y + 24.0,
                escape(&number(t))
            );
        }
        let last = goal.results.len().saturating_sub(1);
        for (j, r) in goal.results.iter().enumerate() {
            let rx = x(r.value);
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
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}
