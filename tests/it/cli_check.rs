//! `mentorbook check` as a contributor and as CI run it: exit codes and the
//! three output formats. Each runs in a folder, with a path relative to it.

use crate::support::{fixture, repo, run_in};

#[test]
fn a_clean_site_exits_zero_and_checks_the_current_folder_by_default() {
    // As of the date the fixture is written for: later, its planned
    // sessions are overdue for an update.
    let output = run_in(&fixture("valid"), ["check", "--as-of", "2026-04-01"]);
    assert_eq!(output.status().code(), Some(0));
    assert_eq!(output.stdout(), "0 errors, 0 warnings\n");
}

#[test]
fn errors_exit_one_with_a_snippet_caret_and_hint() {
    let output = run_in(&fixture(""), ["check", "invalid/unknown-field"]);
    assert_eq!(output.status().code(), Some(1));
    let text = output.stdout();
    assert!(
        text.contains("error[unknown-field]: unknown field `descriptoin` in front matter"),
        "{text}"
    );
    assert!(
        text.contains("--> invalid/unknown-field/content/a.md:3:1"),
        "{text}"
    );
    assert!(text.contains("3 | descriptoin: typo"), "{text}");
    assert!(text.contains("^^^^^^^^^^^"), "{text}");
    assert!(text.contains("help: did you mean `description`?"), "{text}");
    assert!(text.ends_with("1 error, 0 warnings\n"), "{text}");
}

#[test]
fn warnings_alone_do_not_fail_the_check() {
    let output = run_in(&fixture(""), ["check", "invalid/reporting-line-warning"]);
    assert_eq!(output.status().code(), Some(0));
    assert!(output.stdout().contains("warning[reporting-line]"));
}

#[test]
fn github_format_gives_one_annotation_per_problem() {
    let output = run_in(
        &fixture(""),
        ["check", "--format", "github", "invalid/bad-date"],
    );
    assert_eq!(output.status().code(), Some(1));
    let text = output.stdout();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("::error file=invalid/bad-date/content/launch/01-a.md,line=4,col=6,title=bad-date::`due`: `2026-02-30` is not a date"),
        "{text}"
    );
}

#[test]
fn json_format_is_machine_readable() {
    let output = run_in(
        &fixture(""),
        ["check", "--format", "json", "invalid/unknown-references"],
    );
    assert_eq!(output.status().code(), Some(1));
    let value = output.json();
    let items = value.as_array().expect("array");
    assert_eq!(items.len(), 5);
    let first = &items[0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "unknown-pair");
    assert_eq!(
        first["file"],
        "invalid/unknown-references/content/pairs/ana-b.md"
    );
    assert_eq!(first["line"], 3);
    assert_eq!(first["col"], 5);
    assert_eq!(first["hint"], "did you mean `ana-bo`?");
}

#[test]
fn a_folder_that_is_not_a_site_exits_two() {
    let output = run_in(&fixture(""), ["check", "no-such-folder"]);
    assert_eq!(output.status().code(), Some(2));
    assert!(output.stderr().contains("no-such-folder is not a folder"));
    let output = run_in(&fixture("valid"), ["check", "--format", "yaml"]);
    assert_eq!(output.status().code(), Some(2));
}

#[test]
fn the_default_playbook_checks_clean() {
    // As of the date the default playbook is written for (as every build
    // of it in the tests).
    let output = run_in(&repo(), ["check", "--as-of", "2026-11-24"]);
    assert_eq!(output.status().code(), Some(0), "{}", output.stdout());
    assert_eq!(output.stdout(), "0 errors, 0 warnings\n");
}
