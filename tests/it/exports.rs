//! The exports HR and pairs download, read back with independent parsers
//! (the csv crate, serde_json, the ical crate) and compared with the model.

use crate::support::{Built, Site, fixture};
use mentorbook::pipeline::load_and_check;
use mentorbook::progress;
use mentorbook::render::exports::{GOAL_COLUMNS, PAIR_COLUMNS};
use std::io::BufReader;

const AS_OF: &str = "2026-04-01";

fn site() -> Site {
    Site::from_fixture("valid").as_of(AS_OF)
}

/// A CSV export read back with the csv crate: its header and rows.
fn read_csv(built: &Built, file: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let bytes = built.bytes(file);
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader.records().map(|r| r.expect("row")).collect();
    (header, rows)
}

#[test]
fn progress_csv_has_a_row_per_pair_matching_the_model() {
    let built = site().build();
    let (header, rows) = read_csv(&built, "progress.csv");
    assert_eq!(header, PAIR_COLUMNS);
    let checked = load_and_check(&fixture("valid")).expect("load");
    let as_of = mentorbook::source::fields::parse_date(AS_OF).expect("date");
    assert_eq!(rows.len(), checked.playbook.pairs.len());
    for (row, pair) in rows.iter().zip(&checked.playbook.pairs) {
        let p = progress::of_pair(pair, as_of, checked.playbook.config.progress);
        assert_eq!(&row[2], pair.id.value.as_str());
        assert_eq!(row[8].parse::<u32>().expect("held"), p.held);
        assert_eq!(row[9].parse::<u32>().expect("expected"), p.expected_to_date);
        assert_eq!(&row[16], p.status.label());
    }
    let dana = &rows[0];
    assert_eq!((&dana[3], &dana[4]), ("Dana Developer", "Farah Finance"));
    assert_eq!(&dana[18], "Chat tools; Shared documents");
    let confidential = rows
        .iter()
        .find(|r| &r[2] == "ari-and-tomas")
        .expect("pair");
    assert_eq!((&confidential[17], &confidential[18]), ("true", ""));

    let (header, goal_rows) = read_csv(&built, "goals.csv");
    assert_eq!(header, GOAL_COLUMNS);
    assert_eq!(goal_rows.len(), 2);
    assert_eq!(
        (&goal_rows[0][6], &goal_rows[0][8], &goal_rows[0][9]),
        ("2.5", "25", "on track")
    );
}

#[test]
fn progress_json_carries_the_same_figures() {
    let built = site().build();
    let json: serde_json::Value =
        serde_json::from_slice(&built.bytes("progress.json")).expect("parse");
    assert_eq!(json["as_of"], AS_OF);
    let pairs = json["pairs"].as_array().expect("pairs");
    assert_eq!(pairs.len(), 3);
    assert_eq!(pairs[0]["pair"], "dana-and-farah");
    assert_eq!(pairs[0]["status"], "on track");
    assert_eq!(pairs[0]["sessions_held"], 2);
    assert_eq!(json["goals"].as_array().expect("goals").len(), 2);
}

fn events(built: &Built, file: &str) -> Vec<ical::parser::ical::component::IcalEvent> {
    let reader = BufReader::new(std::fs::File::open(built.path(file)).expect("ics"));
    let mut calendars = ical::IcalParser::new(reader);
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("valid calendar");
    assert!(calendars.next().is_none());
    calendar.events
}

fn property<'a>(
    event: &'a ical::parser::ical::component::IcalEvent,
    name: &str,
) -> Option<&'a str> {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

#[test]
fn each_pair_has_a_calendar_with_stable_uids() {
    let site = site();
    let (a, b) = (site.build_to("a"), site.build_to("b"));
    let first = events(&a, "pairs/dana-and-farah/sessions.ics");
    assert_eq!(first.len(), 3);
    assert_eq!(property(&first[0], "DTSTART"), Some("20260305"));
    assert_eq!(property(&first[0], "DTSTAMP"), Some("20260401T000000Z"));
    assert_eq!(
        property(&first[0], "SUMMARY"),
        Some("Mentoring: Kickoff (Dana Developer and Farah Finance)")
    );
    assert_eq!(property(&first[0], "DESCRIPTION"), Some("Good start"));
    let uids: Vec<_> = first
        .iter()
        .map(|e| property(e, "UID").map(String::from))
        .collect();
    let again: Vec<_> = events(&b, "pairs/dana-and-farah/sessions.ics")
        .iter()
        .map(|e| property(e, "UID").map(String::from))
        .collect();
    assert_eq!(uids, again);
    assert_eq!(
        uids.iter().collect::<std::collections::HashSet<_>>().len(),
        3,
        "UIDs are unique"
    );
    // The pair page links its calendar.
    assert!(
        a.page("pairs/dana-and-farah/")
            .contains("href=\"sessions.ics\"")
    );

    // The cohort's calendar: every session of its pairs, linked from its
    // page; no program-wide one any more (it grew with the program).
    let all = events(&a, "cohort/sessions.ics");
    assert_eq!(all.len(), 4, "every session of every pair");
    assert_eq!(
        a.doc("cohort/").attrs(".downloads a", "href"),
        ["../cohort/sessions.ics"]
    );
    assert!(!a.path("calendar.ics").exists());
    let confidential = events(&a, "pairs/ari-and-tomas/sessions.ics");
    assert_eq!(
        property(&confidential[0], "DESCRIPTION"),
        None,
        "no notes of a confidential pair"
    );
}
