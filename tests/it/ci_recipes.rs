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

/// A recipe read as YAML, as the CI service reads it.
fn recipe_yaml(recipe: &str) -> yaml_rust2::Yaml {
    let text = read(&repo().join("examples/ci").join(recipe));
    let mut docs = yaml_rust2::YamlLoader::load_from_str(&text).expect("valid YAML");
    docs.remove(0)
}

/// The lines of a recipe that are not comments.
fn recipe_code(recipe: &str) -> String {
    read(&repo().join("examples/ci").join(recipe))
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What installs mentorbook in both recipes: the commit named by a
/// variable, from the source named by another; never an address made up
/// for the example.
const INSTALL: &str = "--git \"$MENTORBOOK_GIT\" --rev \"$MENTORBOOK_REV\" mentorbook";

/// Runs a recipe's install script with the variables unset, as on a
/// first run before anyone set them: it must stop and say what to set.
fn install_without_variables(script: &str) -> Ran {
    let mut command = std::process::Command::new("bash");
    command
        .args(["-c", script])
        .env_remove("MENTORBOOK_GIT")
        .env_remove("MENTORBOOK_REV")
        // No mentorbook on the path, so the GitLab script tries to install.
        .env("PATH", "/usr/bin:/bin")
        .env("CI_PROJECT_DIR", "/nonexistent");
    Ran::of(command)
}

#[test]
fn the_github_recipe_installs_a_pinned_mentorbook_once_per_version() {
    for placeholder in ["your-org", "example.com"] {
        assert!(!recipe_code("github-actions.yml").contains(placeholder));
    }
    let workflow = recipe_yaml("github-actions.yml");
    let steps = workflow["jobs"]["check-and-build"]["steps"]
        .as_vec()
        .expect("steps");
    let position =
        |pred: &dyn Fn(&yaml_rust2::Yaml) -> bool| steps.iter().position(pred).expect("a step");
    let cache = position(&|s| s["uses"].as_str() == Some("actions/cache@v4"));
    let install = position(&|s| s["name"].as_str() == Some("Install mentorbook"));
    let check = position(&|s| s["name"].as_str() == Some("Check the playbook"));
    assert!(cache < install && install < check);
    let key = steps[cache]["with"]["key"].as_str().expect("a cache key");
    assert!(key.contains("vars.MENTORBOOK_REV"), "{key}");
    assert_eq!(
        steps[cache]["with"]["path"].as_str(),
        Some("~/.cargo/bin/mentorbook")
    );
    let id = steps[cache]["id"].as_str().expect("the cache step's id");
    assert_eq!(
        steps[install]["if"].as_str(),
        Some(format!("steps.{id}.outputs.cache-hit != 'true'").as_str()),
        "compiled only when the cache has no binary for this version"
    );
    let script = steps[install]["run"].as_str().expect("a script");
    assert!(
        script.contains(&format!("cargo install --locked {INSTALL}")),
        "{script}"
    );
    assert_eq!(
        workflow["env"]["MENTORBOOK_GIT"].as_str(),
        Some("${{ vars.MENTORBOOK_GIT }}")
    );
    let first_run = install_without_variables(script);
    assert_eq!(first_run.status().code(), Some(1));
    assert!(
        first_run
            .stdout()
            .contains("::error::set the repository variables MENTORBOOK_GIT and MENTORBOOK_REV"),
        "{}",
        first_run.stdout()
    );
}

#[test]
fn the_gitlab_recipe_installs_a_pinned_mentorbook_once_per_version() {
    for placeholder in ["your-org", "your-group", "example.com"] {
        assert!(!recipe_code("gitlab-ci.yml").contains(placeholder));
    }
    let pipeline = recipe_yaml("gitlab-ci.yml");
    let job = &pipeline[".mentorbook"];
    assert_eq!(
        job["cache"]["key"].as_str(),
        Some("mentorbook-$MENTORBOOK_REV")
    );
    let cached = job["cache"]["paths"][0].as_str().expect("a cached path");
    let scripts = job["before_script"].as_vec().expect("before_script");
    let script = scripts
        .iter()
        .filter_map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        script.contains(&format!(
            "cargo install --locked --root \"$CI_PROJECT_DIR/{}\" {INSTALL}",
            cached.trim_end_matches('/')
        )),
        "{script}"
    );
    assert!(script.contains("if ! command -v mentorbook"), "{script}");
    let first_run = install_without_variables(&script);
    assert_eq!(first_run.status().code(), Some(1));
    assert!(
        first_run
            .stdout()
            .contains("set the CI/CD variables MENTORBOOK_GIT and MENTORBOOK_REV"),
        "{}",
        first_run.stdout()
    );
}
