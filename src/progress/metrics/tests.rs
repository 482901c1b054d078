//! The metrics against a small program counted by hand: five monthly
//! pairs, their sessions written out below, as of mid-April.

use super::*;
use crate::progress::cohort_summaries;
use SessionStatus::{Missed, Planned};

fn d(s: &str) -> NaiveDate {
    crate::source::fields::parse_date(s).expect("test date")
}

fn pair(
    cohort: &str,
    start: &str,
    status: Option<PairOverride>,
    sessions: &[(&str, Option<SessionStatus>)],
) -> PairFacts {
    PairFacts {
        schedule: Schedule {
            start: Some(d(start)),
            end: None,
            cadence: crate::model::Cadence::Monthly,
            status,
        },
        sessions: sessions
            .iter()
            .map(|(date, status)| Logged {
                date: d(date),
                status: *status,
            })
            .collect(),
        cohort: cohort.into(),
        program: String::new(),
    }
}

/// A meets every month. B met in January, then missed February and March.
/// C withdrew after a missed session on 2 March. D started on 16 March
/// and has not met. E paused after its kickoff (its next session is in
/// April, after the as-of date's months).
fn program() -> Program {
    Program::new(
        vec![
            pair(
                "one",
                "2026-01-05",
                None,
                &[
                    ("2026-01-05", None),
                    ("2026-02-10", None),
                    ("2026-03-20", None),
                ],
            ),
            pair(
                "one",
                "2026-01-12",
                None,
                &[
                    ("2026-01-12", None),
                    ("2026-02-15", Some(Missed)),
                    ("2026-03-16", Some(Missed)),
                ],
            ),
            pair(
                "one",
                "2026-02-02",
                Some(PairOverride::Withdrawn),
                &[("2026-02-02", None), ("2026-03-02", Some(Missed))],
            ),
            pair("two", "2026-03-16", None, &[]),
            pair(
                "two",
                "2026-01-05",
                Some(PairOverride::Paused),
                &[("2026-01-05", None), ("2026-04-20", Some(Planned))],
            ),
        ],
        Thresholds::default(),
    )
}

fn history(metric: GoalSource, as_of: &str) -> Vec<(NaiveDate, f64)> {
    metric_history(metric, &program(), d(as_of))
}

fn at(values: &[(&str, f64)]) -> Vec<(NaiveDate, f64)> {
    values.iter().map(|(date, v)| (d(date), *v)).collect()
}

#[test]
fn the_program_starts_with_its_first_pair() {
    assert_eq!(program().start, Some(d("2026-01-05")));
}

#[test]
fn month_ends_run_from_the_start_to_the_as_of_date() {
    let ends = month_ends(d("2026-01-05"), d("2026-04-15"));
    assert_eq!(ends, [d("2026-01-31"), d("2026-02-28"), d("2026-03-31")]);
    assert_eq!(month_ends(d("2026-01-05"), d("2026-03-31")).len(), 3);
    assert!(month_ends(d("2026-01-05"), d("2026-01-30")).is_empty());
    let long = month_ends(d("1900-01-01"), d("2026-04-15"));
    assert_eq!(long.len(), MAX_MONTHS);
    assert_eq!(long.last(), Some(&d("2026-03-31")));
}

#[test]
fn met_last_month_counts_the_pairs_running_that_month() {
    // January: A, B, E met (3 of 3). February: A and C met, B missed
    // (2 of 3; E paused after January). March: only A met; B and C
    // missed, D had not met (1 of 4).
    assert_eq!(
        history(GoalSource::MetLastMonth, "2026-04-15"),
        at(&[
            ("2026-01-31", 100.0),
            ("2026-02-28", 66.7),
            ("2026-03-31", 25.0)
        ])
    );
    // As of 20 February only January has ended.
    assert_eq!(
        history(GoalSource::MetLastMonth, "2026-02-20"),
        at(&[("2026-01-31", 100.0)])
    );
}

#[test]
fn sessions_per_pair_divides_the_held_sessions_by_the_running_pairs() {
    // January 3 / 3; February (A 2, B 1, C 1) 4 / 3; March (A 3, B 1,
    // C 1, D 0) 5 / 4 = 1.25, rounded to one decimal.
    assert_eq!(
        history(GoalSource::SessionsPerPair, "2026-04-15"),
        at(&[
            ("2026-01-31", 1.0),
            ("2026-02-28", 1.3),
            ("2026-03-31", 1.3)
        ])
    );
}

#[test]
fn on_track_is_a_share_of_the_pairs_meant_to_be_meeting() {
    // March: A and C on track, B stalled (nothing since 12 January), D not
    // started yet and so not counted: 2 of 3.
    assert_eq!(
        history(GoalSource::OnTrack, "2026-04-15"),
        at(&[
            ("2026-01-31", 100.0),
            ("2026-02-28", 100.0),
            ("2026-03-31", 66.7)
        ])
    );
}

#[test]
fn early_ending_is_withdrawn_over_started() {
    // C stopped on 2 March: 1 of the 5 pairs started by the end of March.
    assert_eq!(
        history(GoalSource::EarlyEnding, "2026-04-15"),
        at(&[
            ("2026-01-31", 0.0),
            ("2026-02-28", 0.0),
            ("2026-03-31", 20.0)
        ])
    );
}

#[test]
fn a_program_without_pairs_has_no_history() {
    let empty = Program::new(Vec::new(), Thresholds::default());
    assert!(metric_history(GoalSource::MetLastMonth, &empty, d("2026-04-15")).is_empty());
}

#[test]
fn cohorts_side_by_side() {
    let rows = cohort_summaries(&program(), d("2026-04-15"));
    let one = &rows[0];
    assert_eq!((one.cohort.as_str(), one.pairs, one.started), ("one", 3, 3));
    assert_eq!((one.completed, one.withdrawn), (0, 1));
    assert_eq!(one.early_ending_percent, Some(33.3));
    // Held: A 3, B 1, C 1.
    assert_eq!(one.sessions_per_pair, Some(1.7));
    assert_eq!(one.three_sessions_percent, Some(33.3));
    let two = &rows[1];
    assert_eq!((two.pairs, two.started, two.withdrawn), (2, 2, 0));
    assert_eq!(two.sessions_per_pair, Some(0.5));
    assert_eq!(two.three_sessions_percent, Some(0.0));
    // Before D starts, "two" has one pair started.
    let early = cohort_summaries(&program(), d("2026-03-01"));
    assert_eq!((early[1].pairs, early[1].started), (2, 1));
}
