//! Every example under examples/ checks clean and builds, and the synthetic
//! generator makes valid, reproducible programs.

mod common;
use common::build_ok;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check_clean_and_build(site: &Path) -> (tempfile::TempDir, PathBuf) {
    let site_arg = site.to_str().expect("utf8");
    let check = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .args(["check", site_arg])
        .output()
        .expect("check");
    assert_eq!(
        String::from_utf8_lossy(&check.stdout),
        "0 errors, 0 warnings\n",
        "{} does not check clean",
        site.display()
    );
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    build_ok(site, &out, "2026-11-24", &[]);
    assert!(out.join("index.html").is_file());
    (tmp, out)
}

#[test]
fn the_minimal_example_builds() {
    let (_tmp, out) = check_clean_and_build(&repo().join("examples/minimal"));
    assert!(out.join("progress/index.html").is_file());
}

#[test]
fn the_traditional_mentoring_example_builds_with_every_kind_of_page() {
    let (_tmp, out) = check_clean_and_build(&repo().join("examples/traditional-mentoring"));
    let dashboard = std::fs::read_to_string(out.join("progress/index.html")).expect("dashboard");
    for status in [
        "on-track",
        "at-risk",
        "stalled",
        "not-started",
        "paused",
        "completed",
    ] {
        assert!(
            dashboard.contains(&format!("data-status=\"{status}\"")),
            "no {status} pair"
        );
    }
}

fn generate(pairs: &str, out: &Path) {
    let status = Command::new("python3")
        .arg(repo().join("examples/synthetic/generate.py"))
        .args(["--pairs", pairs, "--out", out.to_str().expect("utf8")])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3");
    assert!(status.success());
}

#[test]
fn the_synthetic_generator_makes_valid_reproducible_programs() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    generate("120", &a);
    generate("120", &b);
    let (_tmp, out) = check_clean_and_build(&a);
    let pages = std::fs::read_dir(out.join("pairs")).expect("pairs").count();
    assert_eq!(pages, 120);
    let diff = Command::new("diff")
        .args(["-r", a.to_str().expect("utf8"), b.to_str().expect("utf8")])
        .status()
        .expect("diff");
    assert!(diff.success(), "the same arguments gave different programs");
}
