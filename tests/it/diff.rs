//! `mentorbook diff` on two versions of a fixture: the summary a reviewer
//! reads in the pull request.

use crate::support::{Ran, command, fixture};

/// `mentorbook diff` from one side of tests/fixtures/diff to another.
fn diff(base: &str, head: &str) -> String {
    let mut diff = command(["diff"]);
    diff.arg(fixture("diff").join(base))
        .arg(fixture("diff").join(head))
        .args(["--as-of", "2026-04-01"]);
    Ran::of(diff).expect_success().stdout()
}

#[test]
fn the_summary_lists_pairs_statuses_sessions_steps_and_pages() {
    let summary = diff("base", "head");
    assert_eq!(
        summary,
        "### Playbook changes (statuses as of 2026-04-01)\n\n\
         | pair | change |\n| --- | --- |\n\
         | second-round | added (at risk) |\n\
         | newcomers | removed |\n\
         | ari-and-tomas | at risk → on track |\n\n\
         - **Sessions logged:** 2 held, in ari-and-tomas (1), dana-and-farah (1)\n\
         - **Launch steps completed:** Pair people\n\
         - **Pages added:** content/faq\\.md\n"
    );
}

#[test]
fn the_reverse_change_and_no_change_read_as_such() {
    let reverse = diff("head", "base");
    assert!(
        reverse.contains("| newcomers | added (not started) |"),
        "{reverse}"
    );
    assert!(reverse.contains("| second-round | removed |"));
    assert!(reverse.contains(r"- **Pages removed:** content/faq\.md"));
    assert!(!reverse.contains("Sessions logged"));
    let same = diff("base", "base");
    assert!(same.ends_with("No change to pairs, sessions, steps or pages.\n"));
}
