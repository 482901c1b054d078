//! `mentorbook match` run on a small site in a temporary folder: the draft
//! it writes, `--explain`, and its exit codes.

use super::HEADER;
use crate::support::{Ran, Site, read, repo};

/// A site with declared people and one running pair; sign-ups are kept
/// outside `data/` (see `--signups`).
fn site() -> Site {
    let site = Site::empty();
    site.write(
        "playbook.yaml",
        "title: Test\nmatching:\n  weights: {skill_gap: 3}\n",
    )
    .write("content/_index.md", "---\ntitle: Home\n---\n")
    .write(
        "data/people.csv",
        "id,name,role,team,email,reports_to\n\
         ceo,Cee Eo,CEO,Exec,,\n\
         cfo,Cee Fo,CFO,Finance,,ceo\n\
         ana,Ana,Analyst,Finance,,cfo\n\
         bo,Bo,Apprentice,Finance,,cfo\n\
         ops,Oh Ps,COO,Operations,,ceo\n",
    )
    .write(
        "content/cohorts/pilot.md",
        "---\ntitle: Pilot\nkind: roster\nstart: 2026-01-05\npairs:\n  - {id: ana-ops, mentor: ana, mentee: ops}\n---\n",
    )
    .write(
        "signups.csv",
        format!(
            "{HEADER}ana,,,,,mentor,Excel;AI,,,,2,\n\
             bo,,,,,mentor,Excel,,,,1,\n\
             cfo,,,,,mentee,,Excel;AI,,,,\n\
             new-head,New Head,Head of Sales,Sales,ceo,mentee,,AI,,,,\n\
             ops,,,,,mentee,,AI,,,,\n"
        ),
    );
    site
}

/// `mentorbook match <site> --cohort "2027 Spring" --start 2027-03-01
/// --signups <site>/signups.csv EXTRA`.
fn run_match(site: &Site, extra: &[&str]) -> Ran {
    let signups = site.path("signups.csv");
    let mut args = vec![
        "--cohort",
        "2027 Spring",
        "--start",
        "2027-03-01",
        "--signups",
        signups.to_str().unwrap(),
    ];
    args.extend(extra);
    site.run("match", args)
}

#[test]
fn the_draft_passes_check_and_is_deterministic() {
    let site = site();
    let out = run_match(&site, &[]);
    assert!(out.status().success(), "{}", out.stderr());
    let draft = site.read("content/cohorts/2027-spring-draft.md");
    // cfo: ana and bo report to cfo; ceo is already a mentee; new-head is
    // not a declared person, so the draft declares them.
    assert!(draft.contains("kind: roster"));
    assert!(draft.contains("start: 2027-03-01"));
    assert!(draft.contains("  - id: \"new-head\""), "{draft}");
    assert!(
        draft.contains("mentor: \"ana\"\n    mentee: \"new-head\""),
        "{draft}"
    );
    assert!(draft.contains("Cee Fo (`cfo`, mentee): no eligible partner: every candidate is in their reporting line"), "{draft}");
    assert!(
        draft.contains("Oh Ps (`ops`, mentee): already a mentee in an active pair"),
        "{draft}"
    );
    assert!(draft.contains("# why: skills AI"), "{draft}");
    let check = site.check();
    let stdout = check.stdout();
    assert!(check.status().success(), "{stdout}");
    assert!(stdout.contains("0 errors, 0 warnings"), "{stdout}");

    // Refuses to overwrite.
    let again = run_match(&site, &[]);
    assert_eq!(again.status().code(), Some(2));
    assert_eq!(site.read("content/cohorts/2027-spring-draft.md"), draft);

    // Same input, same bytes; the order of the rows does not matter.
    let other = site.path("other.md");
    let out = run_match(&site, &["--out", other.to_str().unwrap()]);
    assert!(out.status().success());
    assert_eq!(std::fs::read(&other).unwrap(), draft.as_bytes());
    let text = site.read("signups.csv");
    let mut lines: Vec<&str> = text.lines().collect();
    lines[1..].reverse();
    site.write("signups.csv", lines.join("\n") + "\n");
    let third = site.path("third.md");
    assert!(
        run_match(&site, &["--out", third.to_str().unwrap()])
            .status()
            .success()
    );
    assert_eq!(std::fs::read(&third).unwrap(), draft.as_bytes());
}

#[test]
fn explain_names_the_excluding_rule() {
    let site = site();
    let out = run_match(&site, &["--explain", "cfo"]);
    assert!(out.status().success());
    let text = out.stdout();
    assert!(text.contains("ana: excluded by `reporting_line`"), "{text}");
    assert!(text.contains("bo: excluded by `reporting_line`"), "{text}");
    let text = run_match(&site, &["--explain", "new-head"]).stdout();
    assert!(text.contains("ana: skills AI"), "{text}");
    assert!(text.contains("Proposed: with ana"), "{text}");
    let out = run_match(&site, &["--explain", "nobody"]);
    assert_eq!(out.status().code(), Some(2));
}

#[test]
fn a_bad_sign_up_list_stops_with_its_place() {
    let site = site();
    site.write("signups.csv", format!("{HEADER}x,X,,,,mentr,,,,,,\n"));
    let out = run_match(&site, &[]);
    assert_eq!(out.status().code(), Some(1));
    let err = out.stderr();
    assert!(err.contains("`side` cannot be `mentr`"), "{err}");
    assert!(err.contains("signups.csv:2:"), "{err}");
}

#[test]
fn the_default_playbook_draft_is_what_match_proposes() {
    // content/cohorts/2027-spring-draft.md was written by `mentorbook match`
    // from data/signups.csv (the default sign-up list); regenerate it into a
    // temporary file and compare.
    let site = Site::from_repo();
    let out = site.tmp().join("draft.md");
    let out_arg = out.to_str().unwrap();
    let status = site.run(
        "match",
        [
            "--cohort",
            "2027 spring",
            "--start",
            "2027-03-01",
            "--out",
            out_arg,
        ],
    );
    assert!(status.status().success(), "{}", status.stderr());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        read(&repo().join("content/cohorts/2027-spring-draft.md"))
    );
}
