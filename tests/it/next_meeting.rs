//! Sessions with a time and a place: the pair page's "Next meeting" panel,
//! the calendars read back with the `ical` crate, and the diagnostics for a
//! bad `time` or `timezone`.

use crate::support::{Built, Site};

const AS_OF: &str = "2026-04-01";

/// The valid fixture in Warsaw, published at an intranet address: Dana and
/// Farah meet on a video call at 14:00 on 8 April and in a room at 9:30 on
/// 22 April (summer time both: UTC+2); the confidential pair meets at a
/// place that must stay unpublished.
fn site() -> Site {
    let site = Site::from_fixture("valid").as_of(AS_OF);
    site.edit("playbook.yaml", |text| {
        format!("{text}timezone: Europe/Warsaw\nbase_url: https://intranet.example/mentoring/\n")
    });
    site.edit("content/cohort.md", |text| {
        text.replace(
            "{date: 2026-04-08, template: tools, status: planned}",
            "{date: 2026-04-08, time: 14:00, template: tools, status: planned, location: \"https://meet.example/dana-farah\"}\n      - {date: 2026-04-22, time: 9:30, duration: 45, template: kickoff, location: \"Room 2, floor 3; north wing\"}",
        )
        .replace(
            "{date: 2026-03-04, template: kickoff, notes: FixtureConfidentialNote}",
            "{date: 2026-03-04, template: kickoff, notes: FixtureConfidentialNote}\n      - {date: 2026-04-15, time: 9:30, template: tools, location: FixtureConfidentialRoom, notes: FixtureConfidentialPlan}\n      - {date: 2026-04-29, time: 9:30, template: tools, location: \"https://meet.example/FixtureConfidentialCall\"}",
        )
    });
    site
}

fn events(built: &Built, file: &str) -> Vec<ical::parser::ical::component::IcalEvent> {
    let bytes = built.bytes(file);
    let mut calendars = ical::IcalParser::new(bytes.as_slice());
    let calendar = calendars.next().expect("a calendar").expect("valid");
    assert!(calendars.next().is_none(), "{file}: one calendar");
    calendar.events
}

/// A property's value and its parameters, as the parser read them.
fn property<'a>(
    event: &'a ical::parser::ical::component::IcalEvent,
    name: &str,
) -> (Option<&'a str>, Vec<(String, Vec<String>)>) {
    let found = event.properties.iter().find(|p| p.name == name);
    (
        found.and_then(|p| p.value.as_deref()),
        found.and_then(|p| p.params.clone()).unwrap_or_default(),
    )
}

fn value<'a>(event: &'a ical::parser::ical::component::IcalEvent, name: &str) -> Option<&'a str> {
    property(event, name).0
}

#[test]
fn the_pair_page_opens_with_the_next_meeting_its_place_and_its_template() {
    let built = site().build();
    let doc = built.doc("pairs/dana-and-farah/");
    // Under the title, before everything else of the pair.
    let html = built.page("pairs/dana-and-farah/");
    let panel_at = html.find("class=\"next-meeting\"").expect("a panel");
    assert!(panel_at < html.find("class=\"pair-people\"").expect("people"));
    assert_eq!(
        doc.text(".next-meeting .next-when"),
        "8 Apr 2026, 14:00–15:00 (Europe/Warsaw time)"
    );
    assert_eq!(
        doc.attrs(".next-meeting time", "datetime"),
        ["2026-04-08T14:00"]
    );
    assert_eq!(
        doc.attrs(".next-meeting .next-where a", "href"),
        ["https://meet.example/dana-farah"]
    );
    assert_eq!(
        doc.text(".next-meeting .next-template"),
        "Session: Digital tools"
    );
    assert_eq!(
        doc.text(".next-meeting .next-agenda"),
        "60 min Try a tool together"
    );
    assert_eq!(
        doc.attrs(".next-meeting .downloads a", "href"),
        ["../../pairs/dana-and-farah/sessions.ics"]
    );
    // The timeline shows each session's time and place too.
    let timeline = doc.text(".timeline");
    assert!(timeline.contains("22 Apr 2026, 09:30"), "{timeline}");
    assert!(
        timeline.contains("Room 2, floor 3; north wing"),
        "{timeline}"
    );
}

#[test]
fn with_nothing_planned_the_panel_says_when_a_session_is_due_and_which_comes_next() {
    let site = site();
    // Dana and Farah have held the kickoff (order 1) and the tools session
    // (order 2) and planned nothing more.
    site.edit("content/cohort.md", |text| {
        text.replace("status: planned, location: \"https://meet.example/dana-farah\"", "status: cancelled")
            .replace("{date: 2026-04-22, time: 9:30, duration: 45, template: kickoff, location: \"Room 2, floor 3; north wing\"}", "{date: 2026-03-06, template: kickoff, status: cancelled}")
    });
    let doc = site.build().doc("pairs/dana-and-farah/");
    assert_eq!(
        doc.text(".next-meeting .next-when"),
        "Nothing is planned yet: a session is due by 2 Apr 2026 (meets every two weeks)."
    );
    assert_eq!(doc.count(".next-meeting .next-where"), 0);
    // The series has nothing after `tools`: no template to follow.
    assert_eq!(doc.count(".next-meeting .next-template"), 0);

    // A pair that has held nothing starts the series at the kickoff.
    let newcomers = site.as_of("2026-03-10").build().doc("pairs/newcomers/");
    assert_eq!(
        newcomers.text(".next-meeting .next-template"),
        "Next in the series: Kickoff"
    );
}

#[test]
fn a_closed_pair_shows_no_panel() {
    let site = site();
    site.edit("content/cohort.md", |text| {
        text.replacen(
            "confidential: true",
            "confidential: true\n    status: withdrawn",
            1,
        )
    });
    let built = site.build();
    assert_eq!(built.doc("pairs/ari-and-tomas/").count(".next-meeting"), 0);
    // Ended: past its end date and nobody closed it.
    let ended = site.as_of("2026-12-30").build();
    assert_eq!(ended.doc("pairs/dana-and-farah/").count(".next-meeting"), 0);
}

#[test]
fn a_confidential_pairs_panel_and_calendar_keep_its_place_and_notes_private() {
    let built = site().build();
    let doc = built.doc("pairs/ari-and-tomas/");
    // When and which session are public, as for every pair.
    assert_eq!(
        doc.text(".next-meeting .next-when"),
        "15 Apr 2026, 09:30–10:30 (Europe/Warsaw time)"
    );
    assert_eq!(
        doc.text(".next-meeting .next-template"),
        "Session: Digital tools"
    );
    assert_eq!(doc.count(".next-meeting .next-where"), 0);
    // Where, and what about, nowhere in the output.
    for secret in [
        "FixtureConfidentialRoom",
        "FixtureConfidentialPlan",
        "FixtureConfidentialCall",
        "FixtureConfidentialNote",
    ] {
        assert_eq!(
            built.files_containing(secret),
            Vec::<String>::new(),
            "{secret}"
        );
    }
    let events = events(&built, "pairs/ari-and-tomas/sessions.ics");
    let planned = &events[1];
    assert_eq!(value(planned, "DTSTART"), Some("20260415T073000Z"));
    assert_eq!(value(planned, "LOCATION"), None);
    assert_eq!(
        value(planned, "DESCRIPTION"),
        Some(
            r"Session guide: https://intranet.example/mentoring/sessions/02-tools/\nPair page: https://intranet.example/mentoring/pairs/ari-and-tomas/"
        )
    );
}

#[test]
fn calendars_hold_timed_events_in_utc_and_all_day_ones_read_back_by_a_parser() {
    let built = site().build();
    let dana = events(&built, "pairs/dana-and-farah/sessions.ics");
    assert_eq!(dana.len(), 4);
    // Held without a time: all day.
    let (start, params) = property(&dana[0], "DTSTART");
    assert_eq!(start, Some("20260305"));
    assert_eq!(params, [("VALUE".to_string(), vec!["DATE".to_string()])]);
    assert_eq!(value(&dana[0], "DTEND"), Some("20260306"));
    assert_eq!(value(&dana[0], "LOCATION"), None);
    // 14:00 in Warsaw on 8 April (summer time, UTC+2) for the tools
    // template's 60 minutes; the zone is applied, so no TZID is needed.
    let video = &dana[2];
    let (start, params) = property(video, "DTSTART");
    assert_eq!(start, Some("20260408T120000Z"));
    assert!(params.is_empty(), "{params:?}");
    assert_eq!(value(video, "DTEND"), Some("20260408T130000Z"));
    assert_eq!(
        value(video, "LOCATION"),
        Some("https://meet.example/dana-farah")
    );
    assert_eq!(
        value(video, "URL"),
        Some("https://intranet.example/mentoring/pairs/dana-and-farah/")
    );
    assert!(
        value(video, "DESCRIPTION").is_some_and(|d| d
            .ends_with(r"\nPair page: https://intranet.example/mentoring/pairs/dana-and-farah/")),
        "{:?}",
        value(video, "DESCRIPTION")
    );
    assert_eq!(value(video, "TRANSP"), Some("OPAQUE"));
    // Its own 45 minutes, and a place whose commas and semicolons are
    // escaped (RFC 5545 TEXT).
    let room = &dana[3];
    assert_eq!(value(room, "DTSTART"), Some("20260422T073000Z"));
    assert_eq!(value(room, "DTEND"), Some("20260422T081500Z"));
    assert_eq!(
        value(room, "LOCATION"),
        Some(r"Room 2\, floor 3\; north wing")
    );
    // The cohort's calendar has the same events.
    let all = events(&built, "cohort/sessions.ics");
    assert!(
        all.iter()
            .any(|e| value(e, "DTSTART") == Some("20260408T120000Z"))
    );
}

#[test]
fn without_a_timezone_times_are_floating_and_check_says_so() {
    let site = site();
    site.edit("playbook.yaml", |text| {
        text.replace("timezone: Europe/Warsaw\n", "")
    });
    let dana = events(&site.build(), "pairs/dana-and-farah/sessions.ics");
    assert_eq!(value(&dana[2], "DTSTART"), Some("20260408T140000"));
    assert_eq!(value(&dana[2], "DTEND"), Some("20260408T150000"));
    let check = site.check();
    assert!(
        check.status().success(),
        "a warning only: {}",
        check.stdout()
    );
    let out = check.stdout();
    assert!(
        out.contains("content/cohort.md:18:34")
            && out.contains("session-timezone")
            && out.contains("playbook.yaml names no `timezone`")
            && out.contains("timezone: Europe/London"),
        "{out}"
    );
}

#[test]
fn a_bad_time_or_timezone_is_an_error_at_its_place_with_the_value_meant() {
    let site = site();
    site.edit("playbook.yaml", |text| {
        text.replace("Europe/Warsaw", "Europe/Warsw")
    });
    site.edit("content/cohort.md", |text| {
        text.replace("time: 14:00", "time: 2pm")
            .replace("time: 9:30, duration", "time: 25:00, duration")
    });
    let check = site.run("check", ["--as-of", AS_OF, "--format", "json"]);
    assert_eq!(check.status().code(), Some(1));
    let json = check.json();
    let found: Vec<(String, String, u64, u64, String)> = json
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
                d["col"].as_u64().unwrap_or_default(),
                d["hint"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let place = |f: &(String, String, u64, u64, String)| (f.0.clone(), f.1.clone(), f.2, f.3);
    assert_eq!(
        found.iter().map(place).collect::<Vec<_>>(),
        [
            (
                "bad-time".to_string(),
                "content/cohort.md".to_string(),
                18,
                34
            ),
            (
                "bad-time".to_string(),
                "content/cohort.md".to_string(),
                19,
                34
            ),
            (
                "bad-timezone".to_string(),
                "playbook.yaml".to_string(),
                4,
                11
            ),
        ],
        "{json}"
    );
    assert!(
        found[0].4.starts_with("did you mean `14:00`?"),
        "{}",
        found[0].4
    );
    // One root cause, one problem: no warning that the zone is missing.
    assert!(!check.stdout().contains("names no `timezone`"), "{json}");
    assert!(
        found[2].4.starts_with("did you mean `Europe/Warsaw`?"),
        "{}",
        found[2].4
    );
}
