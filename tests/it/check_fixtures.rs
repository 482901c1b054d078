//! Every rule of `mentorbook check` has a fixture site under
//! tests/fixtures/invalid/<case>/ and, beside it, `expected.txt`: the exact
//! diagnostics, one per line, as `severity[code] file:line:col: message (hint)`.
//! `BLESS=1 cargo test --test it check_fixtures` rewrites them; review the
//! diff.

use crate::support::fixture;
use mentorbook::pipeline::load_and_check;
use std::path::Path;

fn describe(dir: &Path) -> String {
    let checked = load_and_check(dir).expect("fixture site loads");
    checked
        .diagnostics
        .iter()
        .map(|d| {
            let hint = d
                .hint
                .as_ref()
                .map_or_else(String::new, |h| format!(" (hint: {h})"));
            format!(
                "{}[{}] {}:{}:{}: {}{hint}\n",
                d.severity.label(),
                d.code,
                d.span.file,
                d.span.line,
                d.span.col,
                d.message
            )
        })
        .collect()
}

#[test]
fn every_invalid_fixture_reports_exactly_its_expected_diagnostics() {
    let root = fixture("invalid");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures")
        .flatten()
        .map(|e| e.path())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 15,
        "expected a fixture per rule, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in cases {
        let actual = describe(&case);
        let expected_path = case.join("expected.txt");
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&expected_path, &actual).expect("write expected.txt");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        assert!(!actual.is_empty(), "{} reports nothing", case.display());
        if actual != expected {
            failures.push(format!(
                "--- {}\nexpected:\n{expected}actual:\n{actual}",
                case.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_valid_fixture_checks_clean() {
    let root = fixture("valid");
    assert_eq!(describe(&root), "");
}

#[test]
fn the_reporting_line_rule_can_be_turned_off() {
    // The same pair as in invalid/reporting-line-warning, with the rule off.
    let root = fixture("reporting-line-off");
    assert_eq!(describe(&root), "");
}

#[test]
fn people_and_pairs_from_csv_join_the_model() {
    let root = fixture("csv-valid");
    assert_eq!(describe(&root), "");
    let checked = load_and_check(&root).expect("load");
    let playbook = &checked.playbook;
    assert_eq!(playbook.people.len(), 4);
    let jun = playbook.person("jun").expect("jun");
    assert_eq!(
        (jun.name.as_str(), jun.team.as_str()),
        ("Jun Junior", "Ops, North")
    );
    assert_eq!(
        playbook
            .person("mid")
            .and_then(|p| p.reports_to.as_ref())
            .map(|r| r.value.as_str()),
        Some("boss")
    );
    let ids: Vec<&str> = playbook.pairs.iter().map(|p| p.id.value.as_str()).collect();
    assert_eq!(ids, ["yaml-pair", "jun-and-bea", "jun-and-mo"]);
    let bea = &playbook.pairs[1];
    let published = vec![true; playbook.pages.len()];
    assert_eq!(bea.public(&published).topics, ["Chat", "Video calls"]);
    assert_eq!(bea.cadence, mentorbook::model::Cadence::Monthly);
    assert_eq!(
        bea.start.as_ref().map(|s| s.value.to_string()).as_deref(),
        Some("2026-03-02")
    );
    let mo = &playbook.pairs[2];
    // Unset cells take the roster's values.
    assert_eq!(mo.cadence, mentorbook::model::Cadence::Weekly);
    assert!(mo.confidential);
    assert_eq!(mo.status, Some(mentorbook::model::PairOverride::Paused));
}
