//! `mentorbook init` gives a new user a program that checks and builds.

use crate::support::{Site, read, run};

#[test]
fn init_writes_a_program_that_checks_clean_and_builds() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("programme");
    let dir_arg = dir.to_str().expect("utf8");
    run(["init", dir_arg]).expect_success();

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
    ] {
        assert!(dir.join("public").join(page).is_file(), "{page} missing");
    }
    // The starter's pairs show different statuses from the first day.
    let dashboard = read(&dir.join("public/progress/index.html"));
    for status in ["on-track", "at-risk", "not-started"] {
        assert!(
            dashboard.contains(&format!("data-status=\"{status}\"")),
            "no {status} pair"
        );
    }
}

#[test]
fn init_never_overwrites_a_file() {
    let site = Site::empty();
    site.write("content/goals.md", "mine");
    let output = run(["init", site.root().to_str().expect("utf8")]);
    assert_eq!(output.status().code(), Some(2));
    assert!(output.stderr().contains("not overwriting existing files"));
    assert_eq!(site.read("content/goals.md"), "mine");
    assert!(
        !site.path("playbook.yaml").exists(),
        "nothing else is written either"
    );
}
