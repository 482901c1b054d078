//! A goal's chart over time, hand-written inline SVG (no script, no file):
//! its results on a time axis joined by a line, starting from the baseline
//! at its date; the target as a labelled line; with a `due` date, the
//! expected path from baseline to target, dotted. Sized by its `viewBox`
//! (the page's CSS sets its width and the text's size in its units) and
//! styled by classes, so dark mode and print restyle it. The `<title>` and
//! `<desc>` give it in words; the page puts the data table beside it.
//!
//! Every point carries `data-date` and `data-value`: the tests (and any
//! reader's tools) check its position against them.

use super::frame::{BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH};
use super::labels::place_labels;
use super::words;
use crate::i18n::Messages;
use crate::progress::{GoalProgress, Point};
use crate::render::markdown::escape;
use chrono::{Datelike, Months, NaiveDate};
use std::fmt::Write as _;

/// A goal's scales: dates across, values up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scales {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
}

impl Scales {
    /// Every date and value the chart shows fits: the baseline, each
    /// result, the target and its due date, and the as-of date.
    pub fn of(progress: &GoalProgress, as_of: NaiveDate) -> Scales {
        let path = &progress.path;
        let mut dates: Vec<NaiveDate> = progress.series.iter().map(|p| p.0).collect();
        dates.extend(path.baseline_point().map(|b| b.0));
        dates.extend(path.due);
        dates.push(as_of);
        let from = dates.iter().copied().min().unwrap_or(as_of);
        let to = dates.iter().copied().max().unwrap_or(as_of);
        let to = if to <= from {
            from + chrono::Days::new(30)
        } else {
            to
        };
        let mut values: Vec<f64> = progress.series.iter().map(|p| p.1).collect();
        values.extend(path.baseline_point().map(|b| b.1));
        values.extend(path.target);
        values.retain(|v| v.is_finite());
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (lo, hi) = if !lo.is_finite() {
            (0.0, 1.0)
        } else if hi - lo < 1e-9 {
            (lo - lo.abs().max(1.0) * 0.1, hi + hi.abs().max(1.0) * 0.1)
        } else {
            (lo, hi)
        };
        let step = nice_step((hi - lo) / 3.0);
        let (lo, hi) = ((lo / step).floor() * step, (hi / step).ceil() * step);
        let (lo, hi) = if hi > lo && (hi - lo).is_finite() {
            (lo, hi)
        } else {
            (0.0, 1.0)
        };
        Scales {
            from,
            to,
            lo,
            hi,
            step: if step.is_finite() { step } else { 1.0 },
        }
    }

    pub fn x(&self, date: NaiveDate) -> f64 {
        let days = (date - self.from).num_days() as f64;
        let span = (self.to - self.from).num_days().max(1) as f64;
        round1(LEFT + days / span * (RIGHT - LEFT))
    }

    pub fn y(&self, value: f64) -> f64 {
        let y = BOTTOM - (value - self.lo) / (self.hi - self.lo) * (BOTTOM - TOP);
        if y.is_finite() {
            round1(y.clamp(TOP - 8.0, BOTTOM + 8.0))
        } else {
            BOTTOM
        }
    }

    /// The value lines' heights: from `lo` to `hi` by `step`.
    fn ticks(&self) -> Vec<f64> {
        let count = ((self.hi - self.lo) / self.step).round();
        if !(1.0..=10.0).contains(&count) {
            return vec![self.lo, self.hi];
        }
        (0..=count as u32)
            .map(|i| self.lo + f64::from(i) * self.step)
            .collect()
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw * 0.999)
        .unwrap_or(10.0 * power)
}

/// The first days of months to label across `from`..=`to`: at most four
/// or so, every 1, 2, 3, 6 or 12 months (or more years), on round months.
fn month_ticks(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    let every = [1, 2, 3, 6, 12]
        .into_iter()
        .find(|e| months / e <= 4)
        .unwrap_or_else(|| 12 * (months / 36 + 1));
    let step = |day: NaiveDate, n: i32| day.checked_add_months(Months::new(n.max(1) as u32));
    let mut ticks = Vec::new();
    let Some(mut day) = from.with_day(1) else {
        return ticks;
    };
    if day < from {
        let Some(next) = step(day, 1) else {
            return ticks;
        };
        day = next;
    }
    // On round months: quarters start in January, April, ...
    while day.month0() as i32 % every.min(12) != 0 {
        let Some(next) = step(day, 1) else {
            return ticks;
        };
        day = next;
    }
    while day <= to && ticks.len() < 6 {
        ticks.push(day);
        let Some(next) = step(day, every) else { break };
        day = next;
    }
    ticks
}

/// The chart of one goal: `id` makes its `<title>`/`<desc>` ids unique.
pub fn goal_chart(
    m: &Messages,
    id: &str,
    title: &str,
    unit: &str,
    progress: &GoalProgress,
    as_of: NaiveDate,
) -> String {
    let s = Scales::of(progress, as_of);
    let path = &progress.path;
    let mut svg = String::new();
    let mut labels = String::new();
    let _ = write!(
        svg,
        "<svg class=\"goal-chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-labelledby=\"chart-{id}-title chart-{id}-desc\">\
         <title id=\"chart-{id}-title\">{}</title><desc id=\"chart-{id}-desc\">{}</desc>",
        escape(title),
        escape(&words::summary(m, unit, progress, as_of)),
    );
    for value in s.ticks() {
        let y = s.y(value);
        let _ = write!(
            svg,
            "<line class=\"chart-grid\" x1=\"{LEFT}\" x2=\"{RIGHT}\" y1=\"{y}\" y2=\"{y}\"/>\
             <text class=\"chart-tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LEFT - 6.0,
            y + 4.0,
            escape(&m.number(value, None))
        );
    }
    let _ = write!(
        svg,
        "<line class=\"chart-axis\" x1=\"{LEFT}\" x2=\"{RIGHT}\" y1=\"{BOTTOM}\" y2=\"{BOTTOM}\"/>"
    );
    // The month under each tick, and the year under the first and under
    // each January: short labels that stay apart on a phone.
    for (i, day) in month_ticks(s.from, s.to).into_iter().enumerate() {
        let x = s.x(day);
        let anchor = if x > WIDTH - 24.0 { "end" } else { "middle" };
        let _ = write!(
            svg,
            "<line class=\"chart-axis\" x1=\"{x}\" x2=\"{x}\" y1=\"{BOTTOM}\" y2=\"{}\"/>\
             <text class=\"chart-tick\" x=\"{x}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
            BOTTOM + 4.0,
            BOTTOM + 20.0,
            escape(&words::month(m, day))
        );
        if i == 0 || day.month() == 1 {
            let _ = write!(
                svg,
                "<text class=\"chart-tick\" x=\"{x}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
                BOTTOM + 38.0,
                day.year()
            );
        }
    }
    if let Some(target) = path.target {
        let y = s.y(target);
        let _ = write!(
            svg,
            "<line class=\"chart-target\" x1=\"{LEFT}\" x2=\"{RIGHT}\" y1=\"{y}\" y2=\"{y}\" data-value=\"{target}\"/>"
        );
    }
    if let (Some(base), Some(target), Some(due)) = (path.baseline_point(), path.target, path.due) {
        let _ = write!(
            svg,
            "<line class=\"chart-expected\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" \
             data-from=\"{}\" data-to=\"{due}\"/>",
            s.x(base.0),
            s.y(base.1),
            s.x(due),
            s.y(target),
            base.0,
        );
    }
    let line: Vec<Point> = path
        .baseline_point()
        .into_iter()
        .chain(progress.series.iter().copied())
        .collect();
    if line.len() > 1 {
        let points: Vec<String> = line
            .iter()
            .map(|p| format!("{},{}", s.x(p.0), s.y(p.1)))
            .collect();
        let _ = write!(
            svg,
            "<polyline class=\"chart-result\" points=\"{}\"/>",
            points.join(" ")
        );
    }
    if let Some(base) = path.baseline_point() {
        point(
            &mut svg,
            &s,
            "chart-baseline",
            base,
            4.5,
            &words::baseline_tip(m, base.1, unit),
        );
    }
    let last = progress.series.len().saturating_sub(1);
    for (i, &p) in progress.series.iter().enumerate() {
        let latest = i == last;
        let class = if latest {
            "chart-result chart-latest"
        } else {
            "chart-result"
        };
        point(
            &mut svg,
            &s,
            class,
            p,
            if latest { 5.5 } else { 3.5 },
            &words::with_unit(m, p.1, unit),
        );
    }
    // Drawn last, over the lines, and kept apart from each other.
    let target = path
        .target
        .map(|t| (s.y(t), words::target_label(m, t, unit, path.due)));
    let latest = progress
        .series
        .last()
        .map(|&(date, v)| (s.x(date), s.y(v), words::with_unit(m, v, unit)));
    let (target_y, value_at) = place_labels(
        target.as_ref().map(|(y, text)| (*y, text.as_str())),
        latest.as_ref().map(|(x, y, text)| (*x, *y, text.as_str())),
    );
    if let (Some((_, text)), Some(y)) = (&target, target_y) {
        let _ = write!(
            labels,
            "<text class=\"chart-label chart-target-label\" x=\"{}\" y=\"{y}\">{}</text>",
            LEFT + 6.0,
            escape(text)
        );
    }
    if let (Some((x, _, text)), Some((y, anchor))) = (&latest, value_at) {
        let _ = write!(
            labels,
            "<text class=\"chart-label chart-value\" x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\">{}</text>",
            escape(text)
        );
    }
    svg.push_str(&labels);
    svg.push_str("</svg>");
    svg
}

fn point(svg: &mut String, s: &Scales, class: &str, (date, value): Point, r: f64, tip: &str) {
    let _ = write!(
        svg,
        "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"{r}\" data-date=\"{date}\" data-value=\"{value}\">\
         <title>{date}: {}</title></circle>",
        s.x(date),
        s.y(value),
        escape(tip)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::source::fields::parse_date(s).expect("date")
    }

    #[test]
    fn value_steps_are_round_numbers() {
        assert_eq!(nice_step(9.0), 10.0);
        assert_eq!(nice_step(0.4), 0.5);
        assert_eq!(nice_step(13.0), 20.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
    }

    #[test]
    fn month_labels_are_few_and_inside_the_axis() {
        let ticks = month_ticks(d("2026-03-02"), d("2027-02-26"));
        assert!(ticks.len() <= 5 && ticks.len() >= 3, "{ticks:?}");
        assert!(
            ticks
                .iter()
                .all(|t| *t >= d("2026-03-02") && *t <= d("2027-02-26"))
        );
        assert_eq!(month_ticks(d("2026-03-02"), d("2026-05-20")).len(), 2);
    }
}
