//! `mentorbook init` gives a new user a program that checks and builds, a
//! `.gitignore` that keeps the built site out of git, and the CI workflow.

use crate::support::{Site, read, repo, run};
use std::path::Path;
use std::process::Command;

#[test]
fn init_writes_a_program_that_checks_clean_and_builds() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("programme");
    let dir_arg = dir.to_str().expect("utf8");
    let init = run(["init", dir_arg]).expect_success();
    // What to do next: preview, check, build, each with the folder.
    for command in ["serve", "check", "build"] {
        assert!(
            init.stdout()
                .contains(&format!("mentorbook {command} {dir_arg} ")),
            "{}",
            init.stdout()
        );
    }

    let check = run(["check", dir_arg]);
    assert_eq!(check.stdout(), "0 errors, 0 warnings\n");
    assert_eq!(check.status().code(), Some(0));

    // No --out: the site goes to public/ in the program's folder.
    run(["build", dir_arg]).expect_success();
    for page in [
        "index.html",
        "goals/index.html",
        "launch/index.html",
        "launch/03-review/index.html",
        "sessions/02-digital-tools/index.html",
        "cohorts/first-cohort/index.html",
        "pairs/ria-and-jo/index.html",
        "progress/index.html",
        "people/ria/index.html",
    ] {
        assert!(dir.join("public").join(page).is_file(), "{page} missing");
    }
    // The starter's pairs show different statuses from the first day.
    let dashboard = read(&dir.join("public/cohorts/first-cohort/index.html"));
    for status in ["on-track", "at-risk", "not-started"] {
        assert!(
            dashboard.contains(&format!("data-status=\"{status}\"")),
            "no {status} pair"
        );
    }
}

/// `git status` of `dir`: every path git would add, one per line.
fn untracked(dir: &Path) -> Vec<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["status", "--porcelain", "--untracked-files=all"])
        .output()
        .expect("git");
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| l.trim_start_matches("?? ").to_string())
        .collect()
}

#[test]
fn the_built_site_and_a_broken_builds_folders_stay_out_of_git() {
    let site = Site::empty();
    let status = Command::new("git")
        .args(["init", "-q"])
        .arg(site.root())
        .status()
        .expect("git");
    assert!(status.success());
    site.run("init", std::iter::empty::<&str>())
        .expect_success();
    site.run("build", std::iter::empty::<&str>())
        .expect_success();
    assert!(site.path("public/index.html").is_file());
    // What an interrupted build leaves beside the output.
    site.write(".public.new-4242/index.html", "half");
    site.write(".public.old-4242/index.html", "old");

    let paths = untracked(site.root());
    assert!(paths.contains(&".gitignore".to_string()), "{paths:?}");
    assert!(
        paths.contains(&".github/workflows/playbook.yml".to_string()),
        "{paths:?}"
    );
    assert!(paths.contains(&"content/goals.md".to_string()), "{paths:?}");
    let built: Vec<&String> = paths.iter().filter(|p| p.contains("public")).collect();
    assert!(built.is_empty(), "git would commit {built:?}");
}

#[test]
fn the_workflow_init_writes_is_the_ci_recipe() {
    let site = Site::empty();
    site.run("init", std::iter::empty::<&str>())
        .expect_success();
    assert_eq!(
        site.read(".github/workflows/playbook.yml"),
        read(&repo().join("examples/ci/github-actions.yml"))
    );
}

#[test]
fn init_completes_a_gitignore_and_keeps_a_workflow_it_finds() {
    let site = Site::empty();
    site.write(".gitignore", "target/\n/public/");
    site.write(".github/workflows/playbook.yml", "name: ours\n");
    let init = site
        .run("init", std::iter::empty::<&str>())
        .expect_success();
    assert!(
        init.stdout().contains("Kept ") && init.stdout().contains("playbook.yml as it was"),
        "{}",
        init.stdout()
    );
    assert_eq!(site.read(".github/workflows/playbook.yml"), "name: ours\n");
    let gitignore = site.read(".gitignore");
    assert!(gitignore.starts_with("target/\n/public/\n"), "{gitignore}");
    assert_eq!(gitignore.matches("/public/").count(), 1, "{gitignore}");
    assert!(gitignore.contains("/.public.new-*/"), "{gitignore}");
}

#[test]
fn init_never_overwrites_a_file() {
    let site = Site::empty();
    site.write("content/goals.md", "mine");
    let output = run(["init", site.root().to_str().expect("utf8")]);
    assert_eq!(output.status().code(), Some(2));
    assert!(output.stderr().contains("not overwriting existing files"));
    assert_eq!(site.read("content/goals.md"), "mine");
    for file in ["playbook.yaml", ".gitignore", ".github"] {
        assert!(
            !site.path(file).exists(),
            "{file}: nothing else is written either"
        );
    }
}
