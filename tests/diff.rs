//! `mentorbook diff` on two versions of a fixture: the summary a reviewer
//! reads in the pull request.

use std::path::PathBuf;
use std::process::Command;

fn fixture(side: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/diff")
        .join(side)
        .to_string_lossy()
        .into_owned()
}

fn diff(base: &str, head: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .args(["diff", base, head, "--as-of", "2026-04-01"])
        .output()
        .expect("diff");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf8")
}

#[test]
fn the_summary_lists_pairs_statuses_sessions_steps_and_pages() {
    let summary = diff(&fixture("base"), &fixture("head"));
    assert_eq!(
        summary,
        "### Playbook changes (statuses as of 2026-04-01)\n\n\
         | pair | change |\n| --- | --- |\n\
         | `second-round` | added (at risk) |\n\
         | `newcomers` | removed |\n\
         | `ari-and-tomas` | at risk → on track |\n\n\
         - **Sessions logged:** 2 held, in `ari-and-tomas` (1), `dana-and-farah` (1)\n\
         - **Launch steps completed:** Pair people\n\
         - **Pages added:** `content/faq.md`\n"
    );
}

#[test]
fn the_reverse_change_and_no_change_read_as_such() {
    let reverse = diff(&fixture("head"), &fixture("base"));
    assert!(
        reverse.contains("| `newcomers` | added (not started) |"),
        "{reverse}"
    );
    assert!(reverse.contains("| `second-round` | removed |"));
    assert!(reverse.contains("- **Pages removed:** `content/faq.md`"));
    assert!(!reverse.contains("Sessions logged"));
    let same = diff(&fixture("base"), &fixture("base"));
    assert!(same.ends_with("No change to pairs, sessions, steps or pages.\n"));
}
