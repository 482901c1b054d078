//! Goals over time: each goal's chart puts its points at their dates and
//! values (read back from the SVG against its viewBox), draws the target
//! and the expected path; the status follows the as-of date; a goal can be
//! computed from the session log; and `check` reports a wrong `source`.

use crate::support::{Doc, Site};
use scraper::ElementRef;

/// Baseline 40 on 1 January 2026, target 80 due 1 January 2027 (365
/// days), results 50 on 1 April (day 90) and 60 on 1 July (day 181); and a
/// goal that aims down, from 20 to 10.
const GOALS: &str = "---
title: Goals
kind: goals
goals:
  - id: reach
    title: Reach
    unit: \"%\"
    baseline: 40
    baseline_date: 2026-01-01
    target: 80
    due: 2027-01-01
    results:
      - {date: 2026-04-01, value: 50}
      - {date: 2026-07-01, value: 60}
  - id: cut
    title: Waiting days
    baseline: 20
    baseline_date: 2026-01-01
    target: 10
    due: 2027-01-01
    results:
      - {date: 2026-07-01, value: 15}
---
## How we measure
";

fn site(as_of: &str) -> Doc {
    let site = Site::from_fixture("valid").as_of(as_of);
    site.write("content/goals.md", GOALS);
    site.build().doc("goals/")
}

fn num(e: &ElementRef, name: &str) -> f64 {
    let text = e.value().attr(name).unwrap_or_else(|| panic!("no {name}"));
    text.parse().unwrap_or_else(|_| panic!("{name}={text}"))
}

/// The plot area of the chart's viewBox (`src/render/goals/chart.rs`).
const LEFT: f64 = 44.0;
const RIGHT: f64 = 344.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 150.0;

fn x_of(day: f64) -> f64 {
    LEFT + day / 365.0 * (RIGHT - LEFT)
}

/// Values 40 to 80 fill the height (the scale's round ends are 40 and 80).
fn y_of(value: f64) -> f64 {
    BOTTOM - (value - 40.0) / 40.0 * (BOTTOM - TOP)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.06
}

#[test]
fn the_chart_places_each_point_at_its_date_and_value() {
    let doc = site("2026-10-01");
    let svg = doc.all("#goal-reach svg.goal-chart");
    assert_eq!(svg.len(), 1);
    assert_eq!(svg[0].value().attr("viewBox"), Some("0 0 360 200"));
    let points: Vec<(String, f64, f64, f64)> = doc
        .all("#goal-reach svg circle")
        .iter()
        .map(|c| {
            let date = c.value().attr("data-date").expect("data-date").to_string();
            (date, num(c, "data-value"), num(c, "cx"), num(c, "cy"))
        })
        .collect();
    let expected = [
        ("2026-01-01", 40.0, 0.0),
        ("2026-04-01", 50.0, 90.0),
        ("2026-07-01", 60.0, 181.0),
    ];
    assert_eq!(points.len(), expected.len(), "{points:?}");
    for ((date, value, cx, cy), (want_date, want_value, day)) in points.iter().zip(expected) {
        assert_eq!((date.as_str(), *value), (want_date, want_value));
        assert!(
            close(*cx, x_of(day)),
            "{date}: x {cx}, expected {}",
            x_of(day)
        );
        assert!(
            close(*cy, y_of(*value)),
            "{date}: y {cy}, expected {}",
            y_of(*value)
        );
    }
    // The line joins them in date order, from the baseline.
    let line = doc.all("#goal-reach polyline.chart-result");
    let joined: Vec<String> = points.iter().map(|p| format!("{},{}", p.2, p.3)).collect();
    assert_eq!(
        line[0].value().attr("points"),
        Some(joined.join(" ").as_str())
    );
    // The latest is the one labelled.
    assert_eq!(doc.text("#goal-reach .chart-value"), "60%");
}

#[test]
fn the_target_line_is_labelled_and_the_expected_path_runs_to_the_due_date() {
    let doc = site("2026-10-01");
    let target = &doc.all("#goal-reach line.chart-target")[0];
    assert!(close(num(target, "y1"), y_of(80.0)) && close(num(target, "y2"), y_of(80.0)));
    assert_eq!(
        doc.text("#goal-reach .chart-target-label"),
        "target 80% by Jan 2027"
    );
    let path = &doc.all("#goal-reach line.chart-expected")[0];
    let ends = [
        num(path, "x1"),
        num(path, "y1"),
        num(path, "x2"),
        num(path, "y2"),
    ];
    assert!(
        close(ends[0], LEFT) && close(ends[1], y_of(40.0)),
        "{ends:?}"
    );
    assert!(
        close(ends[2], RIGHT) && close(ends[3], y_of(80.0)),
        "{ends:?}"
    );
    // The data table beside it: the baseline, each result with the value
    // the path expects that day, the target.
    let rows: Vec<String> = doc
        .all("#goal-reach table.goal-data tbody tr")
        .iter()
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    // 1 April: 40 + 40 * 90 / 365 = 49.9.
    assert!(rows[1].contains("1 Apr 2026|50|49.9"), "{rows:?}");
}

#[test]
fn a_goal_that_aims_down_draws_its_target_low_and_judges_downwards() {
    let doc = site("2026-07-02");
    let target = &doc.all("#goal-cut line.chart-target")[0];
    let baseline = &doc.all("#goal-cut circle.chart-baseline")[0];
    assert!(
        num(target, "y1") > num(baseline, "cy"),
        "10 is drawn below 20"
    );
    // Halfway through the year the path expects 15: the result is there.
    assert_eq!(doc.text("#goal-cut h2 .status"), "on track");
}

#[test]
fn the_status_follows_the_as_of_date() {
    let status = |as_of: &str| site(as_of).text("#goal-reach h2 .status");
    // No result yet, within a quarter of the baseline date.
    assert_eq!(status("2026-02-01"), "too early");
    // 1 April's 50 is a quarter of the way; by 15 April the path expects
    // 28.5% (less the 5% tolerance: on track), by 1 May 32.9% (behind).
    assert_eq!(status("2026-04-15"), "on track");
    assert_eq!(status("2026-05-01"), "behind");
    assert_eq!(status("2026-07-05"), "on track");
}

#[test]
fn the_default_playbooks_meeting_goal_is_computed_from_the_sessions() {
    let doc = Site::repo().as_of("2026-12-01").build().doc("goals/");
    let dates = doc.attrs("#goal-regular-meetings circle.chart-result", "data-date");
    // Every month end from March (the first pair's start) to November.
    assert_eq!(
        dates,
        [
            "2026-03-31",
            "2026-04-30",
            "2026-05-31",
            "2026-06-30",
            "2026-07-31",
            "2026-08-31",
            "2026-09-30",
            "2026-10-31",
            "2026-11-30"
        ]
    );
    assert!(
        doc.text("#goal-regular-meetings .goal-source")
            .contains("met-last-month")
    );
}

#[test]
fn check_reports_an_unknown_source_and_a_source_with_results() {
    let site = Site::from_fixture("valid");
    site.write(
        "content/goals.md",
        "---
title: Goals
kind: goals
goals:
  - id: meet
    title: Meeting
    target: 80
    source: met-last-mont
  - id: both
    title: Both
    target: 3
    source: sessions-per-pair
    results:
      - {date: 2026-04-01, value: 2}
  - id: backwards
    title: Backwards
    target: 3
    baseline_date: 2026-06-01
    due: 2026-01-01
---
",
    );
    let ran = site.check();
    assert!(!ran.status().success());
    let out = ran.stderr() + &ran.stdout();
    assert!(out.contains("content/goals.md:8:13"), "{out}");
    assert!(
        out.contains("a goal's `source` cannot be `met-last-mont`"),
        "{out}"
    );
    assert!(out.contains("did you mean `met-last-month`?"), "{out}");
    assert!(
        out.contains("a goal with `source: sessions-per-pair` cannot also have `results`"),
        "{out}"
    );
    assert!(
        out.contains("the goal's `due` (2026-01-01) is not after its `baseline_date` (2026-06-01)"),
        "{out}"
    );
}

/// A second cohort beside the fixture's "Pilot 2026" (3 pairs: 2 held
/// sessions, 1 and none as of 1 April): one pair with 3 sessions, one that
/// withdrew after 1, one not started yet.
const AUTUMN: &str = "---
title: Autumn
kind: roster
cohort: Autumn 2026
start: 2026-01-05
cadence: monthly
pairs:
  - id: a1
    mentor: {name: A One, role: Analyst}
    mentee: {name: B One, role: Director}
    sessions:
      - {date: 2026-01-05, template: kickoff}
      - {date: 2026-02-02, template: kickoff}
      - {date: 2026-03-02, template: kickoff}
  - id: a2
    mentor: {name: A Two, role: Analyst}
    mentee: {name: B Two, role: Director}
    status: withdrawn
    sessions:
      - {date: 2026-01-05, template: kickoff}
  - id: a3
    mentor: {name: A Three, role: Analyst}
    mentee: {name: B Three, role: Director}
    start: 2026-06-01
---
";

#[test]
fn the_dashboard_and_progress_json_set_cohorts_side_by_side() {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    site.write("content/autumn.md", AUTUMN);
    let built = site.build();
    let json: serde_json::Value =
        serde_json::from_slice(&built.bytes("progress.json")).expect("json");
    // In the rosters' order: `autumn.md` comes before `cohort.md`.
    let autumn = &json["cohorts"][0];
    assert_eq!(autumn["cohort"], "Autumn 2026");
    assert_eq!(
        (autumn["pairs"].as_u64(), autumn["started"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(
        (autumn["completed"].as_u64(), autumn["withdrawn"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(autumn["early_ending_percent"], 50.0);
    // 3 + 1 sessions over the 2 started pairs; 1 of 2 has 3 or more.
    assert_eq!(autumn["sessions_per_pair"], 2.0);
    assert_eq!(autumn["three_sessions_percent"], 50.0);
    assert_eq!(json["cohorts"][1]["cohort"], "Pilot 2026");

    let dashboard = built.doc("progress/");
    let rows: Vec<String> = dashboard
        .all("#cohort-comparison + .table-wrap tbody tr")
        .iter()
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0], "Autumn 2026| |(1 not started)|2|0|1|50%|2|50%");
    // Each cohort's row links its page, which lists its pairs.
    assert_eq!(
        dashboard.attrs("#cohort-comparison + .table-wrap tbody tr a", "href"),
        ["../autumn/", "../cohort/"]
    );
}

#[test]
fn the_goals_speak_the_sites_language() {
    let site = Site::from_fixture("valid").as_of("2026-07-02");
    site.write("content/goals.md", GOALS);
    // Its third pair starts after the as-of date here.
    site.write(
        "content/autumn.md",
        AUTUMN.replace("2026-06-01", "2026-09-01"),
    );
    site.edit("playbook.yaml", |y| format!("{y}\nlanguage: pl\n"));
    let built = site.build();
    let goals = built.doc("goals/");
    assert_eq!(goals.text("#goal-cut h2 .status"), "zgodnie z planem");
    assert_eq!(
        goals.text("#goal-reach .chart-target-label"),
        "cel 80% (termin: styczeń 2027)"
    );
    let ticks = goals.all("#goal-reach text.chart-tick");
    let months: Vec<String> = ticks.iter().map(|t| t.text().collect()).collect();
    assert!(months.contains(&"lip".to_string()), "{months:?}");
    // Polish plurals: one pair not started yet.
    let dashboard = built.doc("progress/");
    assert!(
        dashboard
            .text("#cohort-comparison + .table-wrap tbody")
            .contains("(1 para jeszcze nie zaczęła)"),
        "{}",
        dashboard.text("#cohort-comparison + .table-wrap tbody")
    );

    site.edit("playbook.yaml", |y| {
        y.replace("language: pl", "language: de")
    });
    let goals = site.build().doc("goals/");
    assert_eq!(
        goals.text("#goal-reach .chart-target-label"),
        "Ziel 80 % bis Januar 2027"
    );
    assert_eq!(goals.text("#goal-cut h2 .status"), "im Plan");
}
