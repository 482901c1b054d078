//! The goals table's compact bar, inline SVG without text (so it may
//! stretch to its cell): see `progress_bar`.

use crate::render::markdown::escape;

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The goals table's compact bar: the way from baseline (left tick) to
/// target (right tick), filled up to the latest result; past the target it
/// runs on, and below the baseline it runs left, the scale widening to fit.
pub fn progress_bar(fraction: Option<f64>, label: &str) -> String {
    let Some(f) = fraction.filter(|f| f.is_finite()) else {
        return String::new();
    };
    let f = f.clamp(-1.0, 2.0);
    let (lo, hi) = (f.min(0.0), f.max(1.0));
    let x = |v: f64| round1(2.0 + (v - lo) / (hi - lo) * 96.0);
    let (a, b) = (x(0.0_f64.min(f)), x(0.0_f64.max(f)));
    let class = if f < 0.0 {
        "goal-bar-fill goal-bar-worse"
    } else {
        "goal-bar-fill"
    };
    format!(
        "<svg class=\"goal-bar\" viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{}\">\
         <rect class=\"goal-bar-track\" x=\"2\" y=\"3\" width=\"96\" height=\"6\"/>\
         <rect class=\"{class}\" x=\"{a}\" y=\"3\" width=\"{}\" height=\"6\"/>\
         <line class=\"goal-bar-baseline\" x1=\"{}\" x2=\"{}\" y1=\"0\" y2=\"12\"/>\
         <line class=\"goal-bar-target\" x1=\"{}\" x2=\"{}\" y1=\"0\" y2=\"12\"/></svg>",
        escape(label),
        round1(b - a),
        x(0.0),
        x(0.0),
        x(1.0),
        x(1.0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_runs_from_baseline_to_latest() {
        let half = progress_bar(Some(0.5), "x");
        assert!(
            half.contains("class=\"goal-bar-fill\" x=\"2\" y=\"3\" width=\"48\""),
            "{half}"
        );
        let worse = progress_bar(Some(-0.5), "x");
        assert!(worse.contains("goal-bar-worse"), "{worse}");
        assert_eq!(progress_bar(None, "x"), "");
    }
}
