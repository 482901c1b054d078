use super::*;
use crate::model::GoalResult;

fn d(s: &str) -> NaiveDate {
    crate::source::fields::parse_date(s).expect("test date")
}

/// Baseline 40 on 1 January, target 80 due 1 January next year (365 days).
fn path(due: Option<&str>) -> Path {
    Path {
        baseline: Some(40.0),
        from: Some(d("2026-01-01")),
        target: Some(80.0),
        due: due.map(d),
        aims_down: false,
    }
}

fn status(path: &Path, latest: Option<(&str, f64)>, as_of: &str) -> GoalStatus {
    goal_status(path, latest.map(|(date, v)| (d(date), v)), d(as_of))
}

use GoalStatus::{Behind, NoData, OnTrack, Reached, TooEarly};

#[test]
fn the_expected_path_runs_from_baseline_to_target_by_the_due_date() {
    let p = path(Some("2027-01-01"));
    assert_eq!(p.expected_at(d("2026-01-01")), Some(40.0));
    // 2026-07-02 is day 182 of 365.
    let mid = p.expected_at(d("2026-07-02")).expect("expected");
    assert!((mid - (40.0 + 40.0 * 182.0 / 365.0)).abs() < 1e-9, "{mid}");
    assert_eq!(p.expected_at(d("2027-06-01")), Some(80.0));
    assert_eq!(path(None).expected_at(d("2026-07-02")), None);
}

#[test]
fn status_compares_the_latest_result_with_the_path_as_of_the_date() {
    let p = path(Some("2027-01-01"));
    // Halfway through the year the path expects 60: 59 is within 5% of
    // the way (2 points), 57 is not.
    let latest = Some(("2026-06-30", 59.0));
    assert_eq!(status(&p, latest, "2026-07-02"), OnTrack);
    assert_eq!(status(&p, Some(("2026-06-30", 57.0)), "2026-07-02"), Behind);
    // The same 59 falls behind as the path moves on without a new result.
    assert_eq!(status(&p, latest, "2026-10-01"), Behind);
    assert_eq!(
        status(&p, Some(("2026-10-01", 80.0)), "2026-10-01"),
        Reached
    );
    assert_eq!(
        status(&p, Some(("2026-10-01", 95.0)), "2026-10-01"),
        Reached
    );
}

#[test]
fn without_a_due_date_moving_towards_the_target_is_on_track() {
    let p = path(None);
    assert_eq!(
        status(&p, Some(("2026-06-01", 41.0)), "2026-12-01"),
        OnTrack
    );
    assert_eq!(status(&p, Some(("2026-06-01", 40.0)), "2026-12-01"), Behind);
    assert_eq!(status(&p, Some(("2026-06-01", 30.0)), "2026-12-01"), Behind);
}

#[test]
fn lower_is_better_when_the_target_is_below_the_baseline() {
    let p = Path {
        baseline: Some(20.0),
        from: Some(d("2026-01-01")),
        target: Some(10.0),
        due: Some(d("2027-01-01")),
        aims_down: false,
    };
    assert!(p.lower_is_better());
    assert_eq!(p.share(15.0), Some(0.5));
    assert_eq!(
        status(&p, Some(("2026-07-01", 15.0)), "2026-07-02"),
        OnTrack
    );
    assert_eq!(status(&p, Some(("2026-07-01", 18.0)), "2026-07-02"), Behind);
    assert_eq!(status(&p, Some(("2026-07-01", 9.0)), "2026-07-02"), Reached);
    assert_eq!(status(&p, Some(("2026-07-01", 25.0)), "2026-07-02"), Behind);
}

#[test]
fn no_result_is_too_early_for_a_quarter_then_no_data() {
    let p = path(Some("2027-01-01"));
    assert_eq!(status(&p, None, "2025-12-01"), TooEarly);
    assert_eq!(status(&p, None, "2026-03-01"), TooEarly);
    assert_eq!(status(&p, None, "2026-04-03"), NoData);
    // Even with a result, nothing is judged before the baseline date.
    assert_eq!(
        status(&p, Some(("2025-11-01", 90.0)), "2025-12-01"),
        TooEarly
    );
}

fn goal(results: &[(&str, f64)]) -> Goal {
    Goal {
        id: "g".into(),
        title: "G".into(),
        metric: String::new(),
        unit: String::new(),
        description: String::new(),
        baseline: Some(2.0),
        baseline_date: None,
        target: Some(4.0),
        due: None,
        results: results
            .iter()
            .map(|(date, value)| GoalResult {
                date: d(date),
                value: *value,
            })
            .collect(),
        source: GoalSource::Typed,
        span: crate::diagnostic::Span::file("x"),
    }
}

#[test]
fn typed_results_after_the_as_of_date_are_not_there_yet() {
    let program = Program::new(Vec::new(), Default::default());
    let g = goal(&[("2026-03-01", 3.0), ("2026-09-01", 4.5)]);
    let before = goal_progress(&g, &program, d("2026-02-01"));
    assert_eq!((before.series.len(), before.status), (0, NoData));
    let mid = goal_progress(&g, &program, d("2026-06-01"));
    assert_eq!((mid.status, mid.fraction), (OnTrack, Some(0.5)));
    assert_eq!(mid.series, [(d("2026-03-01"), 3.0)]);
    let after = goal_progress(&g, &program, d("2026-09-01"));
    assert_eq!((after.status, after.series.len()), (Reached, 2));
}

#[test]
fn the_baseline_is_dated_by_the_goal_or_else_the_program_start() {
    let program = Program {
        start: Some(d("2026-03-02")),
        ..Program::new(Vec::new(), Default::default())
    };
    let mut g = goal(&[]);
    assert_eq!(
        Path::of(&g, &program).baseline_point(),
        Some((d("2026-03-02"), 2.0))
    );
    g.baseline_date = Some(d("2026-01-15"));
    assert_eq!(
        Path::of(&g, &program).baseline_point(),
        Some((d("2026-01-15"), 2.0))
    );
}

/// An early-ending rate of 40% against a target of 10% is not "reached"
/// for want of a baseline to tell the direction by.
#[test]
fn a_measure_that_is_better_lower_aims_down_without_a_baseline() {
    let p = Path {
        baseline: None,
        from: Some(d("2026-01-01")),
        target: Some(10.0),
        due: None,
        aims_down: true,
    };
    assert!(p.lower_is_better());
    assert_ne!(
        status(&p, Some(("2026-07-01", 40.0)), "2026-07-02"),
        Reached
    );
    assert_eq!(status(&p, Some(("2026-07-01", 8.0)), "2026-07-02"), Reached);
    assert!(GoalSource::EarlyEnding.aims_down() && !GoalSource::MetLastMonth.aims_down());
}
