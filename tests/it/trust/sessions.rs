//! Session logs, their statuses and what progress counts (issue #16, items
//! 2 to 5): a pair has one session log wherever its sessions are written, a
//! session's status follows its date, pairs end, and the pair page, the
//! dashboard and progress.csv say what they count.
//!
//! Each test is one small cohort, Ana (a graduate) mentoring Bo (a
//! director) every two weeks from Monday 2 March 2026, read back the way a
//! coordinator reads it: the pair page, the dashboard row, the CSV cell and
//! `check`'s warning with its place and hint.

use crate::support::{Built, Doc, Site};
use std::collections::HashMap;

/// The roster's first session line is line 15 of the file.
const ROSTER: &str = "content/cohorts/spring.md";
const PAIR_FILE: &str = "content/pairs/ana-and-bo.md";

/// A site whose one pair logs `sessions` (lines of YAML, each a
/// `{date, template, ...}` mapping) in its roster entry, with the roster's
/// `end` (or none, when empty).
fn cohort(end: &str, sessions: &[&str]) -> Site {
    let site = Site::empty();
    site.write(
        "content/sessions/01-kickoff.md",
        "---\ntitle: Kickoff\nkind: session\norder: 1\n---\nMeet and agree goals.\n",
    );
    site.write(
        "content/sessions/02-catch-up.md",
        "---\ntitle: Catch-up\nkind: session\norder: 2\n---\nWhat changed since last time.\n",
    );
    let end = if end.is_empty() {
        String::new()
    } else {
        format!("end: {end}\n")
    };
    let mut roster = format!(
        "---\ntitle: Spring cohort\nkind: roster\nstart: 2026-03-02\n{end}cadence: biweekly\n\
         people:\n  - {{id: ana, name: Ana Analyst, role: Graduate}}\n  \
         - {{id: bo, name: Bo Boss, role: Director}}\n\
         pairs:\n  - id: ana-and-bo\n    mentor: ana\n    mentee: bo\n"
    );
    if !sessions.is_empty() {
        roster.push_str("    sessions:\n");
        for line in sessions {
            roster.push_str(&format!("      - {line}\n"));
        }
    }
    roster.push_str("---\nThe spring cohort.\n");
    site.write(ROSTER, roster);
    site
}

/// The roster entry's six sessions: every two weeks from the start date.
const SIX_HELD: &[&str] = &[
    "{date: 2026-03-02, template: kickoff}",
    "{date: 2026-03-16, template: catch-up}",
    "{date: 2026-03-30, template: catch-up}",
    "{date: 2026-04-13, template: catch-up}",
    "{date: 2026-04-27, template: catch-up}",
    "{date: 2026-05-11, template: catch-up}",
];

/// A pair file for Ana and Bo logging `sessions`.
fn pair_file(site: &Site, sessions: &[&str]) {
    let mut text = String::from("---\ntitle: Ana and Bo\nkind: pair\nid: ana-and-bo\nsessions:\n");
    for line in sessions {
        text.push_str(&format!("  - {line}\n"));
    }
    text.push_str("---\nOur notes.\n");
    site.write(PAIR_FILE, text);
}

/// `check --as-of DATE --format json`: every problem, as
/// (code, "file:line:col", hint).
fn warnings(site: &Site, as_of: &str) -> Vec<(String, String, String)> {
    let ran = site.run("check", ["--as-of", as_of, "--format", "json"]);
    assert_eq!(ran.status().code(), Some(0), "{}", ran.stdout());
    ran.json()
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                format!(
                    "{}:{}:{}",
                    d["file"].as_str().unwrap_or(""),
                    d["line"],
                    d["col"]
                ),
                d["hint"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// The pair's row of progress.csv, by column name.
fn csv_row(built: &Built) -> HashMap<String, String> {
    let bytes = built.bytes("progress.csv");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let row = reader.records().next().expect("one pair").expect("row");
    header
        .into_iter()
        .zip(row.iter().map(String::from))
        .collect()
}

fn pair_page(built: &Built) -> Doc {
    built.doc("pairs/ana-and-bo/")
}

/// The `dd` of the pair page's fact `dt`.
fn fact(page: &Doc, dt: &str) -> String {
    let facts = page.all(".facts div");
    let found = facts.iter().find(|div| {
        div.select(&crate::support::selector("dt"))
            .next()
            .is_some_and(|d| d.text().collect::<String>().trim() == dt)
    });
    found
        .and_then(|div| div.select(&crate::support::selector("dd")).next())
        .map(|dd| dd.text().collect::<Vec<_>>().join(" "))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| panic!("no fact {dt:?}"))
}

#[test]
fn a_session_logged_in_the_pair_file_adds_to_the_roster_log() {
    // Six sessions in the roster; the pair logs its seventh in its own file.
    // Before, the pair file's one session replaced the six: 1 held, at risk.
    let site = cohort("2026-08-28", SIX_HELD).as_of("2026-05-26");
    pair_file(&site, &["{date: 2026-05-25, template: catch-up}"]);
    assert_eq!(warnings(&site, "2026-05-26"), []);
    let built = site.build();
    let page = pair_page(&built);
    assert_eq!(page.text(".page-header .status"), "on track");
    assert_eq!(page.count(".timeline-item"), 7);
    assert_eq!(fact(&page, "Held"), "7");
    // On track: on its cohort's page, and no longer on the dashboard's
    // list of pairs needing attention.
    assert_eq!(
        built
            .doc("cohorts/spring/")
            .attrs("#pairs tbody tr", "data-status"),
        ["on-track"]
    );
    assert_eq!(built.doc("progress/").count("#pairs tbody tr"), 0);
    assert_eq!(csv_row(&built)["sessions_held"], "7");
}

#[test]
fn the_same_session_logged_twice_is_a_warning_at_the_second_and_counts_once() {
    let site = cohort("2026-08-28", SIX_HELD).as_of("2026-05-26");
    // The 11 May catch-up again, in the pair file (line 6, its date at column 12).
    pair_file(
        &site,
        &["{date: 2026-05-11, template: catch-up, notes: Again}"],
    );
    let found = warnings(&site, "2026-05-26");
    assert_eq!(found.len(), 1, "{found:?}");
    let (code, place, hint) = &found[0];
    assert_eq!(code, "duplicate-session");
    assert_eq!(place, &format!("{PAIR_FILE}:6:12"));
    assert!(hint.contains("keep each session in one place"), "{hint}");
    let ran = site.run("check", ["--as-of", "2026-05-26"]);
    assert!(
        ran.stdout()
            .contains(&format!("already logged at {ROSTER}:20; it counts once")),
        "{}",
        ran.stdout()
    );
    let built = site.build();
    assert_eq!(pair_page(&built).count(".timeline-item"), 6);
    assert_eq!(csv_row(&built)["sessions_held"], "6");
}

#[test]
fn a_session_without_status_is_held_once_its_date_has_come_and_planned_before() {
    // Logged ahead, with no status: before, the 30 March session counted
    // as neither held nor next ("Next session —").
    let site = cohort(
        "2026-08-28",
        &[
            "{date: 2026-03-02, template: kickoff}",
            "{date: 2026-03-16, template: catch-up}",
            "{date: 2026-03-30, template: catch-up}",
        ],
    );
    let before = site.clone().as_of("2026-03-20").build();
    let page = pair_page(&before);
    assert_eq!(fact(&page, "Held"), "2");
    assert_eq!(fact(&page, "Next session"), "30 Mar 2026");
    assert_eq!(
        page.attrs(".timeline-item", "class"),
        [
            "timeline-item status-held",
            "timeline-item status-held",
            "timeline-item status-planned"
        ]
    );
    let row = csv_row(&before);
    assert_eq!(
        (&*row["sessions_planned"], &*row["next_session"]),
        ("1", "2026-03-30")
    );
    let after = site.as_of("2026-03-31").build();
    assert_eq!(fact(&pair_page(&after), "Held"), "3");
}

#[test]
fn a_planned_session_whose_date_has_passed_is_a_warning_and_needs_an_update_on_the_dashboard() {
    let site = cohort(
        "2026-08-28",
        &[
            "{date: 2026-03-02, template: kickoff}",
            "{date: 2026-03-16, template: catch-up, status: planned}",
        ],
    )
    .as_of("2026-03-20");
    let found = warnings(&site, "2026-03-20");
    assert_eq!(found.len(), 1, "{found:?}");
    let (code, place, hint) = &found[0];
    assert_eq!(code, "session-not-updated");
    // The `planned` of the second session line.
    assert_eq!(place, &format!("{ROSTER}:16:56"));
    assert!(
        hint.starts_with("was it held? set `status: held`"),
        "{hint}"
    );
    assert!(hint.contains("`status: cancelled`"), "{hint}");

    let built = site.build();
    let dashboard = built.doc("progress/");
    assert_eq!(
        dashboard.text("#to-update + p + ul li"),
        "Ana Analyst and Bo Boss: still planned on 16 Mar 2026"
    );
    let page = pair_page(&built);
    assert_eq!(
        page.text(".timeline-item.status-planned .log-note"),
        "its date has passed: was it held?"
    );
    assert_eq!(fact(&page, "Planned"), "0");
    assert_eq!(csv_row(&built)["sessions_to_update"], "1");
    // Not a warning before its date.
    assert_eq!(warnings(&site, "2026-03-16"), []);
}

#[test]
fn a_session_after_the_pair_end_is_a_warning_and_never_shown_as_next() {
    let site = cohort(
        "2026-05-29",
        &[
            "{date: 2026-03-02, template: kickoff}",
            "{date: 2026-03-16, template: catch-up}",
            "{date: 2026-03-30, template: catch-up}",
            "{date: 2026-04-13, template: catch-up}",
            "{date: 2026-04-27, template: catch-up}",
            "{date: 2026-05-11, template: catch-up}",
            "{date: 2026-06-08, template: catch-up, status: planned}",
        ],
    )
    .as_of("2026-05-20");
    let found = warnings(&site, "2026-05-20");
    assert_eq!(found.len(), 1, "{found:?}");
    let (code, place, hint) = &found[0];
    assert_eq!(code, "session-after-end");
    assert_eq!(place, &format!("{ROSTER}:21:16"));
    assert!(hint.contains("set the pair's `end` later"), "{hint}");

    let built = site.build();
    // The last session of the plan is due on 25 May, within the pairing.
    assert_eq!(
        fact(&pair_page(&built), "Next session"),
        "due by 25 May 2026"
    );
    let row = csv_row(&built);
    assert_eq!(
        (&*row["next_session"], &*row["next_session_kind"]),
        ("2026-05-25", "due")
    );
}

#[test]
fn a_pair_past_its_end_is_ended_with_a_hint_to_close_it() {
    // Three months after the cohort's end; before, the pair showed at risk.
    let site = cohort("2026-05-29", &SIX_HELD[..4]).as_of("2026-08-31");
    let found = warnings(&site, "2026-08-31");
    assert_eq!(found.len(), 1, "{found:?}");
    let (code, place, hint) = &found[0];
    assert_eq!(code, "pair-ended");
    // The roster entry's `id: ana-and-bo`.
    assert_eq!(place, &format!("{ROSTER}:11:9"));
    assert!(
        hint.contains("`status: completed` (or `status: withdrawn`)"),
        "{hint}"
    );

    let built = site.build();
    let page = pair_page(&built);
    assert_eq!(page.text(".page-header .status"), "ended");
    assert!(
        page.text(".callout")
            .starts_with("This pairing ended on 29 May 2026"),
        "{}",
        page.text(".callout")
    );
    assert_eq!(fact(&page, "Next session"), "—");
    let dashboard = built.doc("progress/");
    assert_eq!(dashboard.attrs("#pairs tbody tr", "data-status"), ["ended"]);
    assert_eq!(
        dashboard.text("#to-update + p + ul li"),
        "Ana Analyst and Bo Boss: ended 29 May 2026, not yet marked completed or withdrawn"
    );
    assert_eq!(csv_row(&built)["status"], "ended");

    // Marked completed, it is closed: no warning, no prompt.
    site.edit(ROSTER, |text| {
        text.replace(
            "    mentee: bo\n",
            "    mentee: bo\n    status: completed\n",
        )
    });
    assert_eq!(warnings(&site, "2026-08-31"), []);
    let built = site.build();
    assert_eq!(pair_page(&built).text(".page-header .status"), "completed");
    assert_eq!(built.doc("progress/").count("#to-update"), 0);
}

#[test]
fn the_kickoff_on_the_start_date_is_expected_and_each_column_says_what_it_counts() {
    // Kickoff on the start date, a catch-up two weeks later: before, the
    // page read "2 sessions held of 1 expected by now".
    let site = cohort(
        "2026-08-28",
        &[
            "{date: 2026-03-02, template: kickoff}",
            "{date: 2026-03-16, template: catch-up}",
            "{date: 2026-04-13, template: catch-up, status: planned}",
            "{date: 2026-04-27, template: catch-up, status: planned}",
        ],
    )
    .as_of("2026-03-20");
    let built = site.build();
    let page = pair_page(&built);
    assert_eq!(fact(&page, "Held"), "2");
    assert!(fact(&page, "Expected by now").starts_with("2 "));
    // 2 March to 28 August, every two weeks: 13 sessions.
    assert_eq!(fact(&page, "In the plan"), "13 (start to end)");
    assert_eq!(fact(&page, "Planned"), "2");
    let row = csv_row(&built);
    let columns = [
        "sessions_held",
        "sessions_expected_to_date",
        "sessions_in_plan",
        "sessions_planned",
        "sessions_to_update",
    ];
    let cells: Vec<&str> = columns.iter().map(|c| row[*c].as_str()).collect();
    assert_eq!(cells, ["2", "2", "13", "2", "0"]);
    let cohort = built.doc("cohorts/spring/");
    assert_eq!(
        cohort.text("#pairs tbody td.num + td.num"),
        "2 of 13 in plan"
    );
}

#[test]
fn the_pair_page_bar_shows_held_of_the_plan_and_its_words_say_so() {
    // Six held of six due by now, twelve in the plan: a half-full bar must
    // not sit next to "6 held of 6 expected".
    let site = cohort("2026-08-16", SIX_HELD).as_of("2026-05-20");
    let page = pair_page(&site.build());
    let bar = &page.all("progress.bar")[0];
    assert_eq!(
        (bar.value().attr("value"), bar.value().attr("max")),
        (Some("6"), Some("12"))
    );
    assert_eq!(
        bar.value().attr("aria-label"),
        Some("6 of the 12 sessions in the plan held")
    );
    assert_eq!(
        page.text(".progress-summary"),
        "6 of the 12 sessions in the plan held; 6 expected by now."
    );
}

#[test]
fn with_nothing_planned_next_is_the_date_a_session_is_due_by() {
    let site = cohort(
        "2026-08-28",
        &[
            "{date: 2026-03-02, template: kickoff}",
            "{date: 2026-03-16, template: catch-up}",
        ],
    )
    .as_of("2026-03-20");
    let built = site.build();
    assert_eq!(
        fact(&pair_page(&built), "Next session"),
        "due by 30 Mar 2026"
    );
    let cohort = built.doc("cohorts/spring/");
    assert_eq!(
        cohort.text("#pairs tbody td:last-child"),
        "due by 30 Mar 2026"
    );
    let row = csv_row(&built);
    assert_eq!(
        (&*row["next_session"], &*row["next_session_kind"]),
        ("2026-03-30", "due")
    );
}
