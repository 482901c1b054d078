use super::*;
use crate::config::Thresholds;
use crate::model::{Cadence, PairOverride, SessionStatus};

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

fn ending(start: &str, end: &str, cadence: Cadence) -> Schedule {
    Schedule {
        end: Some(d(end)),
        ..schedule(start, cadence)
    }
}

fn logged(date: &str, status: Option<SessionStatus>) -> Logged {
    Logged {
        date: d(date),
        status,
    }
}

/// Sessions logged with no `status`: held once their date has come.
fn met(dates: &[&str]) -> Vec<Logged> {
    dates.iter().map(|s| logged(s, None)).collect()
}

fn progress(s: Schedule, sessions: &[Logged], as_of: &str) -> PairProgress {
    pair_progress(s, sessions, d(as_of), Thresholds::default())
}

fn status(s: Schedule, sessions: &[Logged], as_of: &str) -> PairStatus {
    progress(s, sessions, as_of).status
}

use SessionStatus::{Cancelled, Held, Missed, Planned};

#[test]
fn a_session_without_status_is_held_once_its_date_has_come_and_planned_before() {
    let on = d("2026-03-10");
    assert_eq!(session_status(None, on, d("2026-03-09")), Planned);
    assert_eq!(session_status(None, on, d("2026-03-10")), Held);
    assert_eq!(session_status(None, on, d("2026-03-11")), Held);
}

#[test]
fn a_session_after_the_as_of_date_is_planned_as_of_then_unless_cancelled() {
    let on = d("2026-03-10");
    let before = d("2026-03-01");
    assert_eq!(session_status(Some(Held), on, before), Planned);
    assert_eq!(session_status(Some(Missed), on, before), Planned);
    assert_eq!(session_status(Some(Cancelled), on, before), Cancelled);
    // On or after its date, a written status stands.
    for written in [Held, Missed, Cancelled, Planned] {
        assert_eq!(session_status(Some(written), on, on), written);
    }
}

#[test]
fn only_held_sessions_count_as_held() {
    let s = schedule("2026-03-02", Cadence::Weekly);
    let sessions = [
        logged("2026-03-02", None),
        logged("2026-03-09", Some(Held)),
        logged("2026-03-16", Some(Cancelled)),
        logged("2026-03-23", Some(Missed)),
        logged("2026-03-30", Some(Planned)),
        logged("2026-04-06", None),
    ];
    let p = progress(s, &sessions, "2026-04-01");
    assert_eq!((p.held, p.last_met), (2, Some(d("2026-03-09"))));
}

#[test]
fn the_first_session_is_expected_on_the_start_date() {
    // The pair: a kickoff on the start date and a session a period
    // later read "2 held, 1 expected" before; both were expected.
    let s = schedule("2026-03-02", Cadence::Biweekly);
    let p = progress(s, &met(&["2026-03-02", "2026-03-16"]), "2026-03-20");
    assert_eq!((p.held, p.expected_to_date), (2, 2));
    assert_eq!(sessions_due_by(s, d("2026-03-01")), 0);
    assert_eq!(sessions_due_by(s, d("2026-03-02")), 1);
}

#[test]
fn each_cadence_counts_expected_sessions() {
    let as_of = d("2026-03-01");
    let count = |c, start| sessions_due_by(schedule(start, c), as_of);
    assert_eq!(count(Cadence::Weekly, "2026-02-01"), 5);
    assert_eq!(count(Cadence::Biweekly, "2026-02-01"), 3);
    assert_eq!(count(Cadence::Monthly, "2026-01-01"), 3);
    assert_eq!(count(Cadence::Days(10), "2026-02-01"), 3);
}

#[test]
fn a_session_is_due_on_its_day_not_before() {
    let s = schedule("2026-03-02", Cadence::Weekly);
    assert_eq!(sessions_due_by(s, d("2026-03-08")), 1);
    assert_eq!(sessions_due_by(s, d("2026-03-09")), 2);
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
fn the_plan_counts_every_session_due_from_start_to_end() {
    // 2, 9, 16, 23 and 30 March: a session on the end date is in the plan.
    let s = ending("2026-03-02", "2026-03-30", Cadence::Weekly);
    assert_eq!(sessions_in_plan(s), Some(5));
    assert_eq!(
        sessions_in_plan(ending("2026-03-02", "2026-03-29", Cadence::Weekly)),
        Some(4)
    );
    assert_eq!(
        sessions_in_plan(schedule("2026-03-02", Cadence::Weekly)),
        None
    );
}

#[test]
fn the_end_date_caps_what_is_expected() {
    let s = ending("2026-03-02", "2026-03-30", Cadence::Weekly);
    assert_eq!(sessions_due_by(s, d("2026-06-01")), 5);
}

#[test]
fn planned_counts_what_is_to_come_and_past_planned_sessions_need_an_update() {
    let s = schedule("2026-03-02", Cadence::Weekly);
    let sessions = [
        logged("2026-03-02", Some(Held)),
        logged("2026-03-09", Some(Planned)),
        logged("2026-03-16", Some(Planned)),
        logged("2026-03-23", None),
        logged("2026-03-30", Some(Cancelled)),
    ];
    let p = progress(s, &sessions, "2026-03-16");
    // 16 March is today: still to come. 23 March has no status yet.
    assert_eq!(p.planned, 2);
    assert_eq!(p.to_update, [d("2026-03-09")]);
}

#[test]
fn next_is_the_first_planned_session_within_the_pairing() {
    let s = ending("2026-03-02", "2026-04-30", Cadence::Weekly);
    let sessions = [
        logged("2026-03-02", None),
        logged("2026-03-05", Some(Planned)), // passed: not next
        logged("2026-03-20", Some(Planned)),
        logged("2026-03-12", Some(Cancelled)),
        logged("2026-05-04", Some(Planned)), // after the end
    ];
    let p = progress(s, &sessions, "2026-03-09");
    assert_eq!(p.next, Some(Next::Planned(d("2026-03-20"))));
    let later = progress(s, &sessions, "2026-03-21");
    assert_eq!(later.next, Some(Next::Due(d("2026-03-09"))));
}

#[test]
fn with_nothing_planned_the_next_session_is_due_a_period_after_the_last() {
    let s = ending("2026-03-02", "2026-03-31", Cadence::Biweekly);
    // Before any is held: due by the start date, even once it has passed.
    assert_eq!(
        progress(s, &[], "2026-02-20").next,
        Some(Next::Due(d("2026-03-02")))
    );
    assert_eq!(
        progress(s, &[], "2026-03-05").next,
        Some(Next::Due(d("2026-03-02")))
    );
    let two = met(&["2026-03-02", "2026-03-17"]);
    assert_eq!(
        progress(s, &two, "2026-03-18").next,
        Some(Next::Due(d("2026-03-31")))
    );
    // None is due after the end.
    let three = met(&["2026-03-02", "2026-03-17", "2026-03-30"]);
    assert_eq!(progress(s, &three, "2026-03-30").next, None);
}

#[test]
fn pairs_that_are_not_running_are_not_due_to_meet() {
    let planned = [logged("2026-06-01", Some(Planned))];
    for (over, next) in [
        (PairOverride::Completed, None),
        (PairOverride::Withdrawn, None),
        (PairOverride::Paused, Some(Next::Planned(d("2026-06-01")))),
    ] {
        let s = Schedule {
            status: Some(over),
            ..schedule("2026-03-02", Cadence::Weekly)
        };
        assert_eq!(progress(s, &planned, "2026-04-01").next, next, "{over:?}");
        assert_eq!(progress(s, &[], "2026-04-01").next, None, "{over:?}");
    }
    let ended = ending("2026-03-02", "2026-03-31", Cadence::Weekly);
    assert_eq!(progress(ended, &planned, "2026-04-01").next, None);
}

#[test]
fn completed_and_withdrawn_win_over_ended_which_wins_over_paused() {
    let with = |over| Schedule {
        status: over,
        ..ending("2026-01-05", "2026-02-27", Cadence::Weekly)
    };
    let after_end = "2026-03-01";
    assert_eq!(
        status(with(Some(PairOverride::Completed)), &[], after_end),
        PairStatus::Completed
    );
    assert_eq!(
        status(with(Some(PairOverride::Withdrawn)), &[], after_end),
        PairStatus::Withdrawn
    );
    assert_eq!(
        status(with(Some(PairOverride::Paused)), &[], after_end),
        PairStatus::Ended
    );
    assert_eq!(
        status(with(Some(PairOverride::Paused)), &[], "2026-02-27"),
        PairStatus::Paused
    );
}

#[test]
fn after_its_end_a_pair_is_ended_never_at_risk_or_stalled() {
    let s = ending("2026-01-05", "2026-02-27", Cadence::Weekly);
    let sessions = met(&["2026-01-05"]);
    // On the end date it still runs (and has stalled); the day after, it ended.
    assert_eq!(status(s, &sessions, "2026-02-27"), PairStatus::Stalled);
    assert_eq!(status(s, &sessions, "2026-02-28"), PairStatus::Ended);
    assert_eq!(status(s, &[], "2026-05-01"), PairStatus::Ended);
}

#[test]
fn not_started_before_the_start_and_while_the_kickoff_is_not_late() {
    let s = schedule("2026-03-02", Cadence::Biweekly);
    assert_eq!(status(s, &[], "2026-03-01"), PairStatus::NotStarted);
    // The kickoff is due on the start date and late once the next is due.
    assert_eq!(status(s, &[], "2026-03-15"), PairStatus::NotStarted);
    assert_eq!(status(s, &[], "2026-03-16"), PairStatus::AtRisk);
}

#[test]
fn at_risk_when_sessions_are_late_the_one_due_this_period_is_not() {
    let s = schedule("2026-03-02", Cadence::Weekly);
    // Due 2, 9, 16 and 23 March; by the 23rd the one of the 16th is late.
    let two = met(&["2026-03-03", "2026-03-10"]);
    let p = progress(s, &two, "2026-03-22");
    assert_eq!((p.held, p.expected_to_date), (2, 3));
    assert_eq!((sessions_late(3, 2), p.status), (0, PairStatus::OnTrack));
    let p = progress(s, &two, "2026-03-23");
    assert_eq!((sessions_late(4, 2), p.status), (1, PairStatus::AtRisk));
}

#[test]
fn on_track_when_held_keeps_up_with_expected() {
    let s = schedule("2026-03-02", Cadence::Biweekly);
    let sessions = met(&["2026-03-02", "2026-03-16", "2026-03-30"]);
    let p = progress(s, &sessions, "2026-04-01");
    assert_eq!(
        (p.held, p.expected_to_date, p.status),
        (3, 3, PairStatus::OnTrack)
    );
}

#[test]
fn stalled_only_after_more_than_two_periods_without_a_session() {
    let s = schedule("2026-01-05", Cadence::Weekly);
    let sessions = met(&["2026-01-10"]);
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
fn thresholds_come_from_the_configuration() {
    let s = schedule("2026-01-05", Cadence::Weekly);
    let lenient = Thresholds {
        stalled_after_periods: 4,
        at_risk_behind: 2,
    };
    let sessions = met(&["2026-01-10"]);
    // 5, 12, 19 and 26 January due: two late by the 27th.
    let p = pair_progress(s, &sessions, d("2026-01-27"), lenient);
    assert_eq!((p.expected_to_date, p.status), (4, PairStatus::AtRisk));
    let p = pair_progress(s, &sessions, d("2026-01-20"), lenient);
    assert_eq!((p.expected_to_date, p.status), (3, PairStatus::OnTrack));
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
