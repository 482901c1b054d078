//! Who may mentor whom across the reporting line: `rules.reporting_line`
//! keeps apart a manager and the skip-level by default (either way), so a
//! junior may mentor the chief executive; its depth is configurable; a pair
//! may carry a reasoned exception, shown as a note; `match` follows the
//! same rule; and a deep org chart costs no more than a flat one.

use crate::support::Site;
use std::time::{Duration, Instant};

/// The header of a sign-up list, every column in order.
const HEADER: &str = "id,name,role,team,reports_to,side,can_teach,wants_to_learn,interests,work_style,capacity,avoid\n";

/// ceo <- cto <- lead <- dev; ceo <- coo.
const PEOPLE: &str = "id,name,role,team,email,reports_to\n\
    ceo,Helen Hart,Chief Executive,Exec,,\n\
    cto,Tariq Chen,Chief Technology Officer,Tech,,ceo\n\
    lead,Lee Park,Team Lead,Tech,,cto\n\
    dev,Sam Diaz,Junior Developer,Tech,,lead\n\
    coo,Olu Ade,Chief Operating Officer,Ops,,ceo\n";

/// A site with `PEOPLE`, `playbook` as playbook.yaml and one roster whose
/// `pairs:` are `pairs` (YAML lines, indented by two spaces).
fn site(playbook: &str, pairs: &str) -> Site {
    let site = Site::empty();
    site.write("playbook.yaml", format!("title: Test\n{playbook}"))
        .write("content/_index.md", "---\ntitle: Home\n---\n")
        .write("data/people.csv", PEOPLE)
        .write(
            "content/cohorts/pilot.md",
            format!("---\ntitle: Pilot\nkind: roster\nstart: 2026-03-02\npairs:\n{pairs}---\n"),
        );
    site
}

#[test]
fn a_junior_may_mentor_the_chief_executive_by_default() {
    // dev -> lead -> cto -> ceo: three levels apart.
    let site = site("", "  - {id: sam-helen, mentor: dev, mentee: ceo}\n");
    let check = site.check();
    let out = check.stdout();
    assert!(check.status().success(), "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
}

#[test]
fn a_report_mentoring_their_manager_fails_at_the_pair() {
    let site = site(
        "",
        "  - {id: sam-helen, mentor: dev, mentee: ceo}\n  - {id: sam-lee, mentor: dev, mentee: lead}\n",
    );
    let check = site.check();
    let out = check.stdout();
    assert_eq!(check.status().code(), Some(1), "{out}");
    // Line 7 of the roster is the second pair; its mentee is at column 40.
    assert!(
        out.contains("error[reporting-line]: pair `sam-lee`: Lee Park is Sam Diaz's manager (1 level: `dev` -> `lead`)"),
        "{out}"
    );
    assert!(out.contains("content/cohorts/pilot.md:7:40"), "{out}");
    assert!(out.contains("`rules.reporting_line`"), "{out}");
    assert!(out.contains("reporting_line_exception"), "{out}");
    assert!(out.contains("1 error, 0 warnings"), "{out}");
}

#[test]
fn the_skip_level_fails_by_default_and_passes_with_depth_one() {
    // lead -> cto -> ceo: Helen is Lee's manager's manager, either way.
    let pairs = "  - {id: helen-lee, mentor: ceo, mentee: lead}\n";
    let check = site("", pairs).check();
    let out = check.stdout();
    assert_eq!(check.status().code(), Some(1), "{out}");
    assert!(
        out.contains(
            "Helen Hart is Lee Park's manager's manager (2 levels: `lead` -> `cto` -> `ceo`)"
        ),
        "{out}"
    );
    assert!(out.contains("depth 2, the default"), "{out}");
    for playbook in [
        "rules:\n  reporting_line: {depth: 1}\n",
        "rules:\n  reporting_line:\n    level: error\n    depth: 1\n",
    ] {
        let check = site(playbook, pairs).check();
        let out = check.stdout();
        assert!(check.status().success(), "{playbook}\n{out}");
        assert!(out.contains("0 errors, 0 warnings"), "{out}");
    }
    // The whole line, as before, when a program wants it.
    let check = site(
        "rules:\n  reporting_line: {depth: all}\n",
        "  - {id: sam-helen, mentor: dev, mentee: ceo}\n",
    )
    .check();
    let out = check.stdout();
    assert_eq!(check.status().code(), Some(1), "{out}");
    assert!(
        out.contains("Helen Hart is Sam Diaz's manager's manager's manager (3 levels"),
        "{out}"
    );
}

#[test]
fn old_settings_keep_working_and_a_bad_depth_is_explained() {
    let pairs = "  - {id: sam-lee, mentor: dev, mentee: lead}\n";
    let check = site("rules:\n  reporting_line: warning\n", pairs).check();
    let out = check.stdout();
    assert!(check.status().success(), "{out}");
    assert!(out.contains("warning[reporting-line]"), "{out}");
    let check = site("rules:\n  reporting_line: off\n", pairs).check();
    assert!(check.stdout().contains("0 errors, 0 warnings"));
    let check = site("rules:\n  reporting_line: {depth: 0}\n", pairs).check();
    let out = check.stdout();
    assert_eq!(check.status().code(), Some(1), "{out}");
    assert!(
        out.contains("`rules.reporting_line.depth` cannot be `0`"),
        "{out}"
    );
    assert!(out.contains("playbook.yaml:3:"), "{out}");
    assert!(out.contains("`level: off`"), "{out}");
}

#[test]
fn a_reasoned_exception_is_a_note_and_passes() {
    let pairs = "  - id: sam-lee\n    mentor: dev\n    mentee: lead\n    \
                 reporting_line_exception: \"Lee asked for Sam's view on the new tools; agreed by HR on 2026-02-10\"\n";
    let site = site("", pairs);
    let check = site.check();
    let out = check.stdout();
    assert!(check.status().success(), "{out}");
    assert!(
        out.contains(
            "note[reporting-line]: pair `sam-lee`: Lee Park is Sam Diaz's manager (1 level"
        ),
        "{out}"
    );
    assert!(
        out.contains("allowed by its `reporting_line_exception`: Lee asked for Sam's view"),
        "{out}"
    );
    assert!(out.contains("content/cohorts/pilot.md:9:31"), "{out}");
    assert!(out.contains("0 errors, 0 warnings, 1 note"), "{out}");
    let github = site.run("check", ["--format", "github"]);
    assert!(github.status().success());
    let annotations = github.stdout();
    assert!(
        annotations.starts_with(
            "::notice file=content/cohorts/pilot.md,line=9,col=31,title=reporting-line::pair `sam-lee`"
        ),
        "{annotations}"
    );
    // Never published: HR's record stays out of the built site.
    let built = site.as_of("2026-04-01").build();
    assert!(built.files_containing("agreed by HR").is_empty());
}

#[test]
fn an_exception_without_a_reason_is_an_error() {
    let pairs = "  - id: sam-lee\n    mentor: dev\n    mentee: lead\n    reporting_line_exception: \"  \"\n";
    let check = site("", pairs).check();
    let out = check.stdout();
    assert_eq!(check.status().code(), Some(1), "{out}");
    assert!(
        out.contains(
            "error[reporting-line]: pair `sam-lee`: `reporting_line_exception` needs a reason"
        ),
        "{out}"
    );
    assert!(out.contains("content/cohorts/pilot.md:9:31"), "{out}");
    // One mistake, one error: not also the pair's reporting line.
    assert!(out.contains("1 error, 0 warnings"), "{out}");
    // Nothing after the key is no exception at all: the rule's error,
    // whose hint names the field.
    let pairs =
        "  - id: sam-lee\n    mentor: dev\n    mentee: lead\n    reporting_line_exception:\n";
    let check = site("", pairs).check();
    let out = check.stdout();
    assert_eq!(check.status().code(), Some(1), "{out}");
    assert!(out.contains("Lee Park is Sam Diaz's manager"), "{out}");
    assert!(out.contains("reporting_line_exception: \"<why"), "{out}");
}

#[test]
fn match_proposes_a_junior_for_the_chief_executive() {
    let site = site("", "");
    site.write(
        "signups.csv",
        format!(
            "{HEADER}ceo,,,,,mentee,,AI,,,,\n\
             cto,,,,,mentor,AI,,,,1,\n\
             dev,,,,,mentor,AI,,,,1,\n"
        ),
    );
    let signups = site.path("signups.csv");
    let args = [
        "--cohort",
        "2027 Spring",
        "--start",
        "2027-03-01",
        "--signups",
        signups.to_str().unwrap(),
    ];
    let out = site.run("match", args);
    assert!(out.status().success(), "{}", out.stderr());
    let draft = site.read("content/cohorts/2027-spring-draft.md");
    // The CTO reports to the CEO: excluded. The junior is three levels down.
    assert!(
        draft.contains("mentor: \"dev\"\n    mentee: \"ceo\""),
        "{draft}"
    );
    let mut explain_args = args.to_vec();
    explain_args.extend(["--explain", "ceo"]);
    let text = site.run("match", explain_args).stdout();
    assert!(
        text.contains("cto: excluded by `reporting_line`: one is the other's manager (1 level"),
        "{text}"
    );
    let check = site.check();
    assert!(check.status().success(), "{}", check.stdout());
}

#[test]
fn the_old_skip_level_setting_is_flagged_not_silently_ignored() {
    let check = site("matching:\n  exclude:\n    skip_level: false\n", "").check();
    let out = check.stdout();
    assert!(check.status().success(), "{out}");
    assert!(
        out.contains("`matching.exclude.skip_level` no longer does anything"),
        "{out}"
    );
    assert!(out.contains("`rules.reporting_line: {depth: 1}`"), "{out}");
}

#[test]
fn a_deep_reporting_chain_checks_in_linear_time() {
    // 50,000 people in one chain and 2,000 newcomers outside it, each
    // mentored by someone at the bottom of the chain: a walk up the whole
    // chain per pair (as before) took over a minute in a debug build;
    // the chart answers each pair at once.
    let n = 50_000;
    let mut people = String::from("id,name,role,team,email,reports_to\n");
    for i in 0..n {
        let boss = if i == 0 {
            String::new()
        } else {
            format!("p{}", i - 1)
        };
        people.push_str(&format!("p{i},P {i},,,,{boss}\n"));
    }
    let mut pairs = String::new();
    for k in 0..2_000 {
        people.push_str(&format!("new{k},New {k},,,,\n"));
        pairs.push_str(&format!(
            "  - {{id: x{k}, mentor: p{}, mentee: new{k}}}\n",
            n - 1 - k
        ));
    }
    let site = site("", &pairs);
    site.write("data/people.csv", people);
    let started = Instant::now();
    let check = site.check();
    let took = started.elapsed();
    assert!(check.status().success(), "{}", check.stdout());
    eprintln!("check of a {n}-deep chain with 2,000 pairs: {took:?}");
    // Generous for a debug build on a busy machine.
    assert!(took < Duration::from_secs(20), "took {took:?}");
}
