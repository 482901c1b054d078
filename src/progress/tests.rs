use super::*;
use crate::model::{GoalResult, PairOverride};

fn d(s: &str) -> NaiveDate {
    crate::source::fields::parse_date(s).expect("test date")
}

fn schedule(start: &str, cadence: Cadence) -> Schedule {
    Schedule {
        start: Some(d(start)),
        end: None,
        cadence,
        status: None,
    }
}

fn held(dates: &[&str]) -> Vec<(NaiveDate, SessionStatus)> {
    dates.iter().map(|s| (d(s), SessionStatus::Held)).collect()
}

fn status(s: Schedule, sessions: &[(NaiveDate, SessionStatus)], as_of: &str) -> PairStatus {
    pair_progress(s, sessions, d(as_of), Thresholds::default()).status
}

#[test]
fn each_cadence_counts_expected_sessions() {
    let as_of = d("2026-03-01");
    let count =
        |c, start| pair_progress(schedule(start, c), &[], as_of, Thresholds::default()).expected;
    assert_eq!(count(Cadence::Weekly, "2026-02-01"), 4);
    assert_eq!(count(Cadence::Biweekly, "2026-02-01"), 2);
    assert_eq!(count(Cadence::Monthly, "2026-01-01"), 2);
    assert_eq!(count(Cadence::Days(10), "2026-02-01"), 2);
}

#[test]
fn a_session_is_due_on_the_last_day_of_its_period_not_before() {
    let s = schedule("2026-03-02", Cadence::Weekly);
    let expected = |as_of| pair_progress(s, &[], d(as_of), Thresholds::default()).expected;
    assert_eq!(expected("2026-03-08"), 0);
    assert_eq!(expected("2026-03-09"), 1);
}

#[test]
fn monthly_cadence_follows_the_calendar_through_leap_years() {
    // 31 January + 1 month is the last day of February.
    assert_eq!(
        Cadence::Monthly.after(d("2024-01-31"), 1),
        Some(d("2024-02-29"))
    );
    assert_eq!(
        Cadence::Monthly.after(d("2025-01-31"), 1),
        Some(d("2025-02-28"))
    );
    assert_eq!(
        periods_between(Cadence::Monthly, d("2024-01-31"), d("2024-02-28")),
        0
    );
    assert_eq!(
        periods_between(Cadence::Monthly, d("2024-01-31"), d("2024-02-29")),
        1
    );
    assert_eq!(
        periods_between(Cadence::Weekly, d("2024-02-22"), d("2024-03-01")),
        1
    );
    assert_eq!(
        periods_between(Cadence::Weekly, d("2023-02-22"), d("2023-03-01")),
        1
    );
    assert_eq!(
        periods_between(Cadence::Days(366), d("2024-01-01"), d("2025-01-01")),
        1
    );
}

#[test]
fn not_started_before_the_start_and_before_the_first_session_is_due() {
    let s = schedule("2026-03-02", Cadence::Biweekly);
    assert_eq!(status(s, &[], "2026-03-01"), PairStatus::NotStarted);
    assert_eq!(status(s, &[], "2026-03-15"), PairStatus::NotStarted);
    assert_eq!(status(s, &[], "2026-03-16"), PairStatus::AtRisk);
}

#[test]
fn on_track_when_held_keeps_up_with_expected() {
    let s = schedule("2026-03-02", Cadence::Biweekly);
    let sessions = held(&["2026-03-05", "2026-03-19"]);
    let p = pair_progress(s, &sessions, d("2026-03-30"), Thresholds::default());
    assert_eq!((p.held, p.expected, p.status), (2, 2, PairStatus::OnTrack));
    assert_eq!(p.last_met, Some(d("2026-03-19")));
}

#[test]
fn at_risk_when_behind_the_expected_count() {
    let s = schedule("2026-03-02", Cadence::Weekly);
    let sessions = held(&["2026-03-03", "2026-03-20"]);
    let p = pair_progress(s, &sessions, d("2026-03-23"), Thresholds::default());
    assert_eq!((p.held, p.expected, p.status), (2, 3, PairStatus::AtRisk));
}

#[test]
fn stalled_only_after_more_than_two_periods_without_a_session() {
    let s = schedule("2026-01-05", Cadence::Weekly);
    let sessions = held(&["2026-01-10"]);
    // Exactly two weeks after the last session: at risk, not yet stalled.
    assert_eq!(status(s, &sessions, "2026-01-24"), PairStatus::AtRisk);
    assert_eq!(status(s, &sessions, "2026-01-25"), PairStatus::Stalled);
}

#[test]
fn a_pair_that_never_met_stalls_counting_from_its_start() {
    let s = schedule("2026-01-05", Cadence::Weekly);
    assert_eq!(status(s, &[], "2026-01-19"), PairStatus::AtRisk);
    assert_eq!(status(s, &[], "2026-01-20"), PairStatus::Stalled);
}

#[test]
fn explicit_status_wins_over_everything() {
    for (over, expected) in [
        (PairOverride::Paused, PairStatus::Paused),
        (PairOverride::Completed, PairStatus::Completed),
        (PairOverride::Withdrawn, PairStatus::Withdrawn),
    ] {
        let s = Schedule {
            status: Some(over),
            ..schedule("2020-01-01", Cadence::Weekly)
        };
        assert_eq!(status(s, &[], "2026-01-01"), expected);
    }
}

#[test]
fn sessions_after_the_as_of_date_do_not_count_yet() {
    let s = schedule("2026-03-02", Cadence::Weekly);
    let mut sessions = held(&["2026-03-05", "2026-03-12"]);
    sessions.push((d("2026-03-20"), SessionStatus::Planned));
    sessions.push((d("2026-03-10"), SessionStatus::Cancelled));
    let p = pair_progress(s, &sessions, d("2026-03-09"), Thresholds::default());
    assert_eq!(
        (p.held, p.last_met, p.next),
        (1, Some(d("2026-03-05")), Some(d("2026-03-20")))
    );
}

#[test]
fn the_end_date_caps_what_is_expected() {
    let s = Schedule {
        end: Some(d("2026-03-30")),
        ..schedule("2026-03-02", Cadence::Weekly)
    };
    let sessions = held(&["2026-03-05", "2026-03-12", "2026-03-19", "2026-03-26"]);
    let p = pair_progress(s, &sessions, d("2026-06-01"), Thresholds::default());
    assert_eq!(
        (p.expected, p.planned, p.status),
        (4, Some(4), PairStatus::OnTrack)
    );
}

#[test]
fn thresholds_come_from_the_configuration() {
    let s = schedule("2026-01-05", Cadence::Weekly);
    let lenient = Thresholds {
        stalled_after_periods: 4,
        at_risk_behind: 2,
    };
    let sessions = held(&["2026-01-10"]);
    let p = pair_progress(s, &sessions, d("2026-01-27"), lenient);
    assert_eq!((p.expected, p.status), (3, PairStatus::AtRisk));
    let p = pair_progress(s, &sessions, d("2026-01-20"), lenient);
    assert_eq!((p.expected, p.status), (2, PairStatus::OnTrack));
}

fn step(status: StepStatus, due: &str) -> Step {
    Step {
        order: None,
        owner: String::new(),
        due: Some(d(due)),
        status,
    }
}

#[test]
fn guide_progress_counts_steps_checklists_and_overdue() {
    let steps = [
        step(StepStatus::Done, "2026-01-01"),
        step(StepStatus::Doing, "2026-02-01"),
        step(StepStatus::Todo, "2026-06-01"),
    ];
    let with_lists: Vec<_> = steps.iter().zip([(3, 3), (1, 4), (0, 2)]).collect();
    let p = guide_progress(&with_lists, d("2026-03-01"));
    assert_eq!((p.done, p.doing, p.todo, p.overdue), (1, 1, 1, 1));
    assert_eq!((p.checklist_done, p.checklist_total), (4, 9));
    assert_eq!(p.percent_done(), 33);
}

fn goal(baseline: f64, target: f64, results: &[(&str, f64)]) -> Goal {
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
            .map(|(date, value)| GoalResult {
                date: d(date),
                value: *value,
            })
            .collect(),
        span: crate::diagnostic::Span::file("x"),
    }
}

#[test]
fn goal_status_from_the_latest_result_as_of_the_date() {
    let g = goal(2.0, 4.0, &[("2026-03-01", 3.0), ("2026-09-01", 4.5)]);
    assert_eq!(
        goal_progress(&g, d("2026-02-01")).status,
        GoalStatus::NoData
    );
    let mid = goal_progress(&g, d("2026-06-01"));
    assert_eq!(
        (mid.status, mid.fraction),
        (GoalStatus::Improving, Some(0.5))
    );
    assert_eq!(
        goal_progress(&g, d("2026-09-01")).status,
        GoalStatus::Reached
    );
}

#[test]
fn goals_that_aim_downwards_work_too() {
    let g = goal(20.0, 10.0, &[("2026-03-01", 15.0)]);
    assert_eq!(goal_progress(&g, d("2026-04-01")).fraction, Some(0.5));
    let worse = goal(20.0, 10.0, &[("2026-03-01", 25.0)]);
    assert_eq!(
        goal_progress(&worse, d("2026-04-01")).status,
        GoalStatus::Worse
    );
    let flat = goal(20.0, 10.0, &[("2026-03-01", 20.0)]);
    assert_eq!(
        goal_progress(&flat, d("2026-04-01")).status,
        GoalStatus::NoChange
    );
}
