//! `mentorbook init` gives a new user a program that checks and builds.

use std::process::Command;

fn mentorbook(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .args(args)
        .output()
        .expect("run mentorbook")
}

#[test]
fn init_writes_a_program_that_checks_clean_and_builds() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("programme");
    let dir_arg = dir.to_str().expect("utf8");
    let output = mentorbook(&["init", dir_arg]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let check = mentorbook(&["check", dir_arg]);
    assert_eq!(
        String::from_utf8_lossy(&check.stdout),
        "0 errors, 0 warnings\n"
    );
    assert_eq!(check.status.code(), Some(0));

    let build = mentorbook(&["build", dir_arg]);
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
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
    let dashboard =
        std::fs::read_to_string(dir.join("public/progress/index.html")).expect("dashboard");
    for status in ["on-track", "at-risk", "not-started"] {
        assert!(
            dashboard.contains(&format!("data-status=\"{status}\"")),
            "no {status} pair"
        );
    }
}

#[test]
fn init_never_overwrites_a_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let goals = tmp.path().join("content/goals.md");
    std::fs::create_dir_all(goals.parent().expect("parent")).expect("mkdir");
    std::fs::write(&goals, "mine").expect("write");
    let output = mentorbook(&["init", tmp.path().to_str().expect("utf8")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not overwriting existing files"));
    assert_eq!(std::fs::read_to_string(&goals).expect("read"), "mine");
    assert!(
        !tmp.path().join("playbook.yaml").exists(),
        "nothing else is written either"
    );
}
