//! Input that would crash or stall check, build or serve: YAML nested
//! thousands deep, numbers past any sane range, agenda minutes that wrap
//! around, and pages whose headings or links cost more than their size.
//! Also how YAML mistakes are told: in an author's words, with a hint.

use crate::support::Site;
use chrono::NaiveDate;
use mentorbook::diagnostic::{self, Format};
use mentorbook::pipeline;
use mentorbook::render::Options;
use serde_json::Value;
use std::time::{Duration, Instant};

/// The bad-input corpus's bound: a second in an optimised build
/// (`tests/run-all.sh` runs these with `--release` too); unoptimised code
/// is several times slower, so debug runs only catch stalls.
fn budget() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_secs(10)
    } else {
        Duration::from_secs(1)
    }
}

fn site(files: &[(&str, &str)]) -> Site {
    let site = Site::empty();
    site.write("content/index.md", "---\ntitle: Home\n---\n");
    for (path, text) in files {
        site.write(path, text);
    }
    site
}

/// `check --format json`'s diagnostics.
fn diagnostics(site: &Site) -> Vec<Value> {
    let ran = site.run("check", ["--format", "json"]);
    ran.json().as_array().expect("a list").clone()
}

fn deep_list() -> String {
    format!("---\ntitle: Deep\nx:\n{}x\n---\n", "- ".repeat(5_000))
}

#[test]
fn yaml_nested_thousands_deep_is_refused_not_a_crash() {
    let site = site(&[("content/a.md", &deep_list())]);
    let checked = site.check();
    // A stack overflow aborts: no exit code 1, no diagnostics.
    assert_eq!(checked.status().code(), Some(1), "{}", checked.stderr());
    let out = checked.stdout();
    assert!(
        out.contains("error[yaml-syntax]: front matter is not valid YAML: lists and mappings are nested deeper than 64 levels")
            && out.contains("--> content/a.md:4:127"),
        "{out}"
    );
    let built = site.try_build();
    assert_eq!(built.status().code(), Some(1), "{}", built.stderr());
    assert!(built.stderr().contains("nested deeper than 64 levels"));
}

#[test]
fn numbers_past_any_sane_range_are_out_of_range() {
    let site = site(&[(
        "content/goals.md",
        "---\ntitle: Goals\nkind: goals\ngoals:\n  - id: a\n    title: A\n    target: 1e999\n  - id: b\n    title: B\n    baseline: -1.7e308\n    target: 50\n    results: [{date: 2026-01-01, value: 1.7e308}]\n---\n",
    )]);
    let found: Vec<(String, u64, String)> = diagnostics(&site)
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let range = "is out of range: it must be a number from -10^15 to 10^15";
    assert_eq!(
        found,
        [
            ("out-of-range".into(), 7, format!("`target` {range}")),
            ("out-of-range".into(), 10, format!("`baseline` {range}")),
            ("out-of-range".into(), 12, format!("`value` {range}")),
        ],
    );
}

#[test]
fn agenda_minutes_cannot_wrap_around() {
    let site = site(&[(
        "content/s.md",
        "---\ntitle: S\nkind: session\nduration: 1\nagenda:\n  - {minutes: 4294967295, item: a}\n  - {minutes: 2, item: b}\n---\n",
    )]);
    let found = diagnostics(&site);
    // It was only a warning that the agenda "adds up to 1 minutes".
    assert_eq!(found[0]["code"], "out-of-range", "{found:?}");
    assert_eq!(
        found[0]["message"],
        "`minutes` is out of range: it must be a whole number from 0 to 1440"
    );
    assert_eq!(
        (found[0]["line"].as_u64(), found[0]["col"].as_u64()),
        (Some(6), Some(15))
    );
    assert!(
        found.iter().all(|d| !d["message"]
            .as_str()
            .unwrap_or("")
            .contains("adds up to 1 ")),
        "{found:?}"
    );
}

/// A common YAML mistake: where it is reported, and what the message and
/// hint say.
struct Mistake {
    name: &'static str,
    yaml: &'static str,
    at: (u64, u64),
    message: &'static str,
    hint: &'static str,
}

#[test]
fn yaml_mistakes_are_told_in_authors_words() {
    let cases = [
        Mistake {
            name: "indentation",
            yaml: "title: x\ngoals:\n  - id: a\n   title: b\n",
            at: (5, 4),
            message: "the indentation of this line does not line up with the lines above",
            hint: "the key on line 4 is at column 5: put this line's key at the same column",
        },
        Mistake {
            name: "tab",
            yaml: "title: x\n\tweight: 2\n",
            at: (3, 1),
            message: "a tab is used where YAML allows only spaces",
            hint: "indent with spaces, never tabs",
        },
        Mistake {
            name: "colon",
            yaml: "title: Mentoring: how to\n",
            at: (2, 17),
            message: "the value contains `: `, which YAML reads as the start of another key",
            hint: "put the value in quotes: `title: \"Mentoring: how to\"`",
        },
        Mistake {
            name: "quote",
            yaml: "title: \"Kick-off\nweight: 2\n",
            at: (2, 8),
            message: "the quote `\"` that starts this value is not closed",
            hint: "end the value with a matching `\"` on the same line",
        },
        Mistake {
            name: "bracket",
            yaml: "topics: [one, two\ntitle: x\n",
            at: (2, 9),
            message: "the `[` that starts this list is not closed",
            hint: "close the list with `]`",
        },
        Mistake {
            name: "special",
            yaml: "title: @home\n",
            at: (2, 8),
            message: "YAML gives `@` a special meaning at the start of a value",
            hint: "put the value in quotes: `title: \"@home\"`",
        },
        Mistake {
            name: "comma",
            yaml: "title: G\nkind: goals\ngoals:\n  - id: g\n    title: G\n    target: 5\n    results:\n      - date: 2026-01-01\n        value: 3,4\n",
            at: (10, 16),
            message: "`value` must be a number, found text",
            hint: "numbers take a decimal point, not a comma: write `3.4`",
        },
        Mistake {
            name: "comma-in-braces",
            yaml: "title: G\nkind: goals\ngoals:\n  - id: g\n    title: G\n    target: 5\n    results: [{date: 2026-01-01, value: 3,4}]\n",
            at: (8, 43),
            message: "result has a key that is not text",
            hint: "write decimal numbers with a point (`3.4`, not `3,4`)",
        },
    ];
    let files: Vec<(String, String)> = cases
        .iter()
        .map(|m| {
            (
                format!("content/{}.md", m.name),
                format!("---\n{}---\n", m.yaml),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let found = diagnostics(&site(&refs));
    for m in cases {
        let file = format!("content/{}.md", m.name);
        let d = found
            .iter()
            .find(|d| d["file"] == file.as_str())
            .unwrap_or_else(|| panic!("{file}: no diagnostic in {found:?}"));
        let text = d["message"].as_str().unwrap_or("");
        assert!(text.ends_with(m.message), "{file}: {d}");
        assert!(
            d["hint"].as_str().is_some_and(|h| h.contains(m.hint)),
            "{file}: {d}"
        );
        assert_eq!(
            (d["line"].as_u64(), d["col"].as_u64()),
            (Some(m.at.0), Some(m.at.1)),
            "{file}: {d}"
        );
    }
}

fn options() -> Options {
    Options {
        as_of: NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"),
        drafts: false,
    }
}

/// Reads, checks and renders `body` as one page, within the budget.
fn render_in_budget(body: &str) -> pipeline::InMemory {
    let site = site(&[("content/a.md", &format!("---\ntitle: A\n---\n{body}"))]);
    let started = Instant::now();
    let rendered = pipeline::render_site(site.root(), &options())
        .unwrap_or_else(|_| panic!("the page does not build"));
    let elapsed = started.elapsed();
    assert!(elapsed < budget(), "took {elapsed:?}");
    rendered
}

fn page(rendered: &pipeline::InMemory) -> String {
    let file = rendered
        .files
        .iter()
        .find(|f| f.path == "a/index.html")
        .expect("the page");
    String::from_utf8_lossy(&file.bytes).into_owned()
}

#[test]
fn twenty_thousand_identical_headings_build_in_budget() {
    // 28 s to check and over 70 s to build: each id was retried from `-1`.
    let body = format!("{}[last](#plan-19999)\n", "## Plan\n\n".repeat(20_000));
    let rendered = render_in_budget(&body);
    // The anchor check and the page agree on the ids.
    assert!(
        rendered.checked.diagnostics.is_empty(),
        "{:?}",
        rendered.checked.diagnostics
    );
    let html = page(&rendered);
    assert!(
        html.contains("<h2 id=\"plan-19999\">"),
        "the last heading's id"
    );
}

#[test]
fn forty_one_thousand_distinct_headings_build_in_budget() {
    // 9 s: each heading's `#` link was inserted into the page's events.
    let body: String = (0..41_000).map(|i| format!("## Step {i}\n")).collect();
    let html = page(&render_in_budget(&body));
    assert!(
        html.contains("<h2 id=\"step-40999\">Step 40999 <a class=\"anchor\" href=\"#step-40999\"")
    );
}

#[test]
fn ten_thousand_broken_links_on_one_line_print_in_budget() {
    // 20 s in the human format: each problem re-read its long line.
    let line = "[x](missing.md) ".repeat(10_000);
    let site = site(&[("content/a.md", &format!("---\ntitle: A\n---\n{line}\n"))]);
    let started = Instant::now();
    let checked = pipeline::load_and_check(site.root()).expect("load");
    let text = diagnostic::render(&checked.diagnostics, Format::Human, &|path| {
        checked.sources.text_of(path)
    });
    let elapsed = started.elapsed();
    assert!(elapsed < budget(), "took {elapsed:?}");
    assert!(
        text.contains("10000 errors"),
        "{}",
        &text[text.len() - 100..]
    );
    // The last link's destination, after its `[x](`.
    assert!(text.contains(" --> content/a.md:4:159989\n"));
    assert!(text.lines().all(|l| l.len() < 200), "a quoted line is cut");
}

/// "Did you mean" compared every broken anchor with every heading at a
/// cost of length times length: 500 headings and 500 broken anchors of 150
/// letters (150 KB) took 13 s to check.
#[test]
fn long_broken_anchors_check_in_budget_and_short_typos_still_get_a_hint() {
    let letters = |seed: usize| -> String {
        (0..150)
            .map(|i| char::from(b'a' + ((seed * 7 + i * i * 13 + i * seed) % 10) as u8))
            .collect()
    };
    let mut body = String::from("## Pairing criteria\n\n[typo](#pairing-critera)\n\n");
    for n in 0..500 {
        body += &format!("## h{}\n", letters(n));
    }
    for n in 500..1000 {
        body += &format!("[y](#k{})\n", letters(n));
    }
    let site = site(&[("content/a.md", &format!("---\ntitle: A\n---\n{body}"))]);
    let started = Instant::now();
    let checked = pipeline::load_and_check(site.root()).expect("load");
    let elapsed = started.elapsed();
    assert!(elapsed < budget(), "took {elapsed:?}");
    let broken = checked
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "broken-anchor");
    assert_eq!(broken.count(), 501);
    assert!(
        checked.diagnostics.iter().any(|d| d
            .hint
            .as_deref()
            .is_some_and(|h| h.contains("did you mean `#pairing-criteria`"))),
        "the first, short typo still gets its hint"
    );
}

/// `serve` rebuilt on save and died of the stack overflow; it must keep
/// answering, and show the error.
#[test]
fn serve_survives_a_deeply_nested_file_saved_while_running() {
    let site = site(&[("content/a.md", "---\ntitle: A\n---\nHello\n")]);
    let mut server = crate::serve::start(&site);
    site.write("content/a.md", deep_list());
    let deadline = Instant::now() + Duration::from_secs(30);
    let (mut status, mut body) = (0, String::new());
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
        assert!(
            server.child.try_wait().expect("status").is_none(),
            "serve died"
        );
        (status, _, body) = crate::serve::get_from(&server.address, "/a/");
        if body.contains("nested deeper than 64 levels") {
            break;
        }
    }
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("nested deeper than 64 levels"), "{body}");
}
