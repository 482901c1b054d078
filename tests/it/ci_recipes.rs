//! The CI recipes in examples/ci run their check commands as written on the
//! default playbook (which must pass) and on a broken fixture (which must
//! fail with a report GitHub or GitLab can read).

use crate::support::{Ran, command, fixture, read, repo, run_in};
use std::path::Path;

/// The default playbook's date (2026-11-24) as SOURCE_DATE_EPOCH, so that
/// the recipe's command runs as written and checks it as of that date.
const PLAYBOOK_EPOCH: &str = "1795478400";

/// A recipe's command run in `dir` as of the default playbook's date.
fn run_as_of_playbook(dir: &Path, args: &[String]) -> Ran {
    let mut command = command(args);
    command
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", PLAYBOOK_EPOCH);
    Ran::of(command)
}

/// `mentorbook check ...` commands of a recipe, cut before any redirection.
fn check_commands(recipe: &str) -> Vec<Vec<String>> {
    let text = read(&repo().join("examples/ci").join(recipe));
    text.lines()
        .filter_map(|line| line.split_once("mentorbook check").map(|(_, rest)| rest))
        .map(|rest| {
            let rest = rest.split(['>', '|']).next().unwrap_or("");
            std::iter::once("check".to_string())
                .chain(rest.split_whitespace().map(String::from))
                .collect()
        })
        .collect()
}

#[test]
fn the_github_recipe_checks_the_default_playbook_and_annotates_problems() {
    let commands = check_commands("github-actions.yml");
    assert_eq!(commands.len(), 1);
    let output = run_as_of_playbook(&repo(), &commands[0]);
    assert_eq!(output.status().code(), Some(0), "{}", output.stdout());
    assert!(
        output.stdout().is_empty(),
        "no annotations on a clean playbook"
    );
    let broken = run_in(&fixture("invalid/unknown-references"), &commands[0]);
    assert_eq!(broken.status().code(), Some(1));
    assert!(broken.stdout().starts_with("::error file=content/"));
}

#[test]
fn the_gitlab_recipe_writes_a_code_quality_report() {
    let commands = check_commands("gitlab-ci.yml");
    assert_eq!(commands.len(), 2);
    let output = run_as_of_playbook(&repo(), &commands[0]);
    assert_eq!(output.status().code(), Some(0));
    assert_eq!(output.json(), serde_json::json!([]));
    let broken = run_in(&fixture("invalid/unknown-references"), &commands[0]);
    assert_eq!(broken.status().code(), Some(1));
    let report = broken.json();
    let issues = report.as_array().expect("array");
    assert_eq!(issues.len(), 5);
    let first = &issues[0];
    assert_eq!(first["check_name"], "unknown-pair");
    assert_eq!(first["severity"], "major");
    assert_eq!(first["location"]["path"], "content/pairs/ana-b.md");
    assert_eq!(first["location"]["lines"]["begin"], 3);
    assert_eq!(first["fingerprint"].as_str().map(str::len), Some(16));
    // The same problem keeps its fingerprint from one pipeline to the next.
    let again = run_in(&fixture("invalid/unknown-references"), &commands[0]).json();
    assert_eq!(again, report);
}
