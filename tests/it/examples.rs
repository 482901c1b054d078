//! Every example under examples/ checks clean and builds, and the synthetic
//! generator makes valid, reproducible programs.

use crate::support::{Built, Site, repo};
use std::path::Path;
use std::process::Command;

/// Checked and built as of the date the examples are written for: later,
/// their planned sessions are overdue for an update.
fn check_clean_and_build(site: Site) -> Built {
    let site = site.as_of("2026-11-24");
    assert_eq!(
        site.check().stdout(),
        "0 errors, 0 warnings\n",
        "{} does not check clean",
        site.root().display()
    );
    let built = site.build();
    assert!(built.path("index.html").is_file());
    built
}

#[test]
fn the_minimal_example_builds() {
    let built = check_clean_and_build(Site::from_dir("examples/minimal"));
    assert!(built.path("progress/index.html").is_file());
}

#[test]
fn the_traditional_mentoring_example_builds_with_every_kind_of_page() {
    let built = check_clean_and_build(Site::from_dir("examples/traditional-mentoring"));
    let dashboard = built.page("cohorts/2026-autumn/");
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

#[test]
fn the_two_programs_example_builds_and_stays_clean_into_january() {
    let built = check_clean_and_build(Site::from_dir("examples/two-programs"));
    for page in [
        "leaders/progress/",
        "buddies/progress/",
        "leaders/pairs/zoe-and-tomas/",
    ] {
        assert!(built.path(&format!("{page}index.html")).is_file(), "{page}");
    }
    for date in ["2026-12-02", "2027-01-29"] {
        assert_eq!(
            Site::from_dir("examples/two-programs")
                .as_of(date)
                .check()
                .stdout(),
            "0 errors, 0 warnings\n",
            "as of {date}"
        );
    }
}

fn generate(pairs: &str, out: &Path) {
    generate_with(&["--pairs", pairs], out);
}

fn generate_with(args: &[&str], out: &Path) {
    let status = Command::new("python3")
        .arg(repo().join("examples/synthetic/generate.py"))
        .args(args)
        .args(["--out", out.to_str().expect("utf8")])
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
    let built = check_clean_and_build(Site::in_place(&a));
    let pages = std::fs::read_dir(built.path("pairs"))
        .expect("pairs")
        .count();
    assert_eq!(pages, 120);
    let diff = Command::new("diff")
        .args(["-r", a.to_str().expect("utf8"), b.to_str().expect("utf8")])
        .status()
        .expect("diff");
    assert!(diff.success(), "the same arguments gave different programs");
}

/// One cohort is one roster file, and mentorbook reads at most 200,000 YAML
/// values from a file: `--cohorts 1 --pairs 8000` used to write a roster of
/// 631,193 values that failed `check`. The generator now refuses it before
/// writing anything and names a number of cohorts that works.
#[test]
fn the_synthetic_generator_refuses_a_cohort_too_large_for_one_roster() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("big");
    let refused = Command::new("python3")
        .arg(repo().join("examples/synthetic/generate.py"))
        .args(["--pairs", "3000", "--cohorts", "1", "--out"])
        .arg(&out)
        .output()
        .expect("python3");
    assert_eq!(refused.status.code(), Some(2));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("more than the 200,000 mentorbook reads from one file"),
        "{said}"
    );
    assert!(!out.exists(), "files were written");
    let cohorts = said
        .split("use more cohorts (--cohorts ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .expect("a number of cohorts is suggested");
    generate_with(&["--pairs", "3000", "--cohorts", cohorts], &out);
    assert_eq!(
        Site::in_place(&out).as_of("2026-11-24").check().stdout(),
        "0 errors, 0 warnings\n",
        "the suggested --cohorts {cohorts} does not check clean"
    );
}

/// Large organisations try mentorbook with the generator's output first, so it
/// must check clean at every size: at 20,000 pairs it wrote more people than
/// a YAML file may hold (40,001 `unknown-person` errors) until it wrote CSV.
#[test]
fn the_synthetic_generator_checks_clean_at_every_size() {
    let tmp = tempfile::tempdir().expect("tmp");
    for pairs in ["1", "7", "1000", "20000"] {
        let dir = tmp.path().join(pairs);
        generate(pairs, &dir);
        assert_eq!(
            Site::in_place(&dir).as_of("2026-11-24").check().stdout(),
            "0 errors, 0 warnings\n",
            "the generator's {pairs}-pair program does not check clean"
        );
    }
    // Several programs sharing the people: each program's pages in its
    // folder, and as clean.
    let dir = tmp.path().join("programs");
    generate_with(&["--pairs", "600", "--programs", "3"], &dir);
    let site = Site::in_place(&dir).as_of("2026-11-24");
    assert_eq!(site.check().stdout(), "0 errors, 0 warnings\n");
    let built = site.build();
    for program in ["leaders", "graduates", "new-hires"] {
        assert!(
            built
                .path(&format!("{program}/progress/index.html"))
                .is_file()
        );
        assert!(
            built.path(&format!("{program}/pairs")).is_dir(),
            "{program}"
        );
    }
}
