//! Paths CI and a terminal can follow (issue #16, item 8): diagnostics name
//! files from the folder the command runs in (or `--root`), so a playbook in
//! a subfolder of a repository is annotated on the pull request. And a
//! `diff` a reviewer can trust (item 10): a version with errors is refused,
//! a renamed page is a rename.

use crate::support::{Ran, Site, command, copy_dir, fixture};
use std::path::Path;

/// The page broken in the tests, and where its mistake is.
const PAGE: &str = "content/launch/01-define-goals.md";

/// The default playbook in `<tmp>/repo/docs/playbook`, with one unknown
/// field at line 2, column 1 of `PAGE`.
fn playbook_in_a_repository() -> Site {
    let site = Site::from_repo().in_folder("repo/docs/playbook");
    site.edit(PAGE, |text| {
        text.replacen("---\n", "---\ndescriptoin: x\n", 1)
    });
    site
}

/// `mentorbook ARGS` in `dir`, as of the default playbook's date.
fn run_in(dir: &Path, args: &[&str]) -> Ran {
    let mut command = command(args);
    command.current_dir(dir).args(["--as-of", "2026-11-24"]);
    Ran::of(command)
}

#[test]
fn github_annotations_name_the_file_from_the_repository_root() {
    let site = playbook_in_a_repository();
    let repo = site.tmp().join("repo");
    let ran = run_in(&repo, &["check", "docs/playbook", "--format", "github"]);
    assert_eq!(ran.status().code(), Some(1));
    assert!(
        ran.stdout().starts_with(&format!(
            "::error file=docs/playbook/{PAGE},line=2,col=1,title=unknown-field::"
        )),
        "{}",
        ran.stdout()
    );
}

#[test]
fn json_gitlab_and_human_name_the_file_from_the_current_folder() {
    let site = playbook_in_a_repository();
    let repo = site.tmp().join("repo");
    let shown = format!("docs/playbook/{PAGE}");
    let json = run_in(&repo, &["check", "docs/playbook", "--format", "json"]).json();
    assert_eq!(json[0]["file"], shown.as_str(), "{json:#}");
    assert_eq!(
        (json[0]["line"].as_u64(), json[0]["col"].as_u64()),
        (Some(2), Some(1))
    );
    let gitlab = run_in(&repo, &["check", "./docs/playbook/", "--format", "gitlab"]).json();
    assert_eq!(gitlab[0]["location"]["path"], shown.as_str(), "{gitlab:#}");
    let human = run_in(&repo, &["check", "docs/playbook"]).stdout();
    assert!(human.contains(&format!("--> {shown}:2:1\n")), "{human}");
    // The line is still quoted from the file.
    assert!(human.contains("2 | descriptoin: x"), "{human}");
}

#[test]
fn build_names_the_file_from_the_current_folder_too() {
    let site = playbook_in_a_repository();
    let repo = site.tmp().join("repo");
    let out = site.tmp().join("public");
    let ran = run_in(
        &repo,
        &[
            "build",
            "docs/playbook",
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(ran.status().code(), Some(1));
    assert!(
        ran.stderr()
            .contains(&format!("--> docs/playbook/{PAGE}:2:1\n")),
        "{}",
        ran.stderr()
    );
}

#[test]
fn serve_names_the_file_from_the_current_folder_too() {
    use std::io::{BufRead, BufReader};
    let site = playbook_in_a_repository();
    let mut serve = command(["serve", "docs/playbook", "--port", "0"]);
    serve
        .args(["--as-of", "2026-11-24"])
        .current_dir(site.tmp().join("repo"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    let mut child = serve.spawn().expect("start mentorbook serve");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let mut place = String::new();
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(line) if line.contains(" --> ") => {
                place = line;
                break;
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(place, format!(" --> docs/playbook/{PAGE}:2:1"));
}

#[test]
fn from_inside_the_site_paths_are_as_before() {
    let site = playbook_in_a_repository();
    for args in [
        &["check", "--format", "github"][..],
        &["check", ".", "--format", "github"],
    ] {
        let ran = run_in(site.root(), args);
        assert!(
            ran.stdout()
                .starts_with(&format!("::error file={PAGE},line=2,col=1,")),
            "{}",
            ran.stdout()
        );
    }
    let human = run_in(site.root(), &["check"]).stdout();
    assert!(human.contains(&format!(" --> {PAGE}:2:1\n")), "{human}");
}

#[test]
fn root_sets_the_folder_paths_are_named_from() {
    let site = playbook_in_a_repository();
    let tmp = site.tmp();
    let annotation = |dir: &Path, args: &[&str]| {
        let mut args = args.to_vec();
        args.extend(["--format", "github"]);
        let stdout = run_in(dir, &args).stdout();
        let file = stdout.split(',').next().unwrap_or_default().to_string();
        file.trim_start_matches("::error file=").to_string()
    };
    // CI running in another folder than the repository's root.
    assert_eq!(
        annotation(tmp, &["check", "repo/docs/playbook", "--root", "repo"]),
        format!("docs/playbook/{PAGE}")
    );
    assert_eq!(
        annotation(tmp, &["check", "repo/docs/playbook"]),
        format!("repo/docs/playbook/{PAGE}")
    );
    // A site outside the folder: named by the path given.
    let elsewhere = tmp.join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    assert_eq!(
        annotation(&elsewhere, &["check", "../repo/docs/playbook"]),
        format!("../repo/docs/playbook/{PAGE}")
    );
    assert_eq!(
        annotation(tmp, &["check", "repo/docs/playbook", "--root", "elsewhere"]),
        format!("repo/docs/playbook/{PAGE}")
    );
}

/// tests/fixtures/diff's two versions copied to `<tmp>/base` and
/// `<tmp>/head`, to change before `diff` runs.
fn diff_fixture() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    for side in ["base", "head"] {
        copy_dir(&fixture("diff").join(side), &tmp.path().join(side));
    }
    tmp
}

/// `mentorbook diff base head` in `tmp`.
fn diff(tmp: &Path) -> Ran {
    let mut diff = command(["diff", "base", "head", "--as-of", "2026-04-01"]);
    diff.current_dir(tmp);
    Ran::of(diff)
}

const STEP: &str = "content/guide/02-pair-people.md";

/// A step status no step has, at line 7, column 9 of `STEP`.
fn break_step(side: &Path) {
    let path = side.join(STEP);
    let text = std::fs::read_to_string(&path).expect("read");
    let broken = text
        .replace("status: doing", "status: finished")
        .replace("status: done", "status: finished");
    std::fs::write(&path, broken).expect("write");
}

#[test]
fn diff_refuses_a_head_with_errors_and_says_so_on_stderr_only() {
    let tmp = diff_fixture();
    break_step(&tmp.path().join("head"));
    let ran = diff(tmp.path());
    assert_eq!(ran.status().code(), Some(1));
    assert_eq!(ran.stdout(), "", "nothing for CI to post as a comment");
    let stderr = ran.stderr();
    assert!(
        stderr.contains(&format!(
            "error[bad-value]: step `status` cannot be `finished`\n --> head/{STEP}:7:9\n"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: the head version (head) has 1 error, so it is not compared"),
        "{stderr}"
    );
    assert!(!stderr.contains("base version"), "{stderr}");
}

#[test]
fn diff_refuses_a_base_with_errors_likewise() {
    let tmp = diff_fixture();
    break_step(&tmp.path().join("base"));
    let ran = diff(tmp.path());
    assert_eq!(ran.status().code(), Some(1));
    assert_eq!(ran.stdout(), "");
    let stderr = ran.stderr();
    assert!(
        stderr.contains(&format!(" --> base/{STEP}:7:9\n")),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: the base version (base) has 1 error, so it is not compared"),
        "{stderr}"
    );
    assert!(!stderr.contains("head version"), "{stderr}");
}

/// Renames `STEP` in `side` to `to`, and the link to it.
fn rename_step(side: &Path, to: &str) {
    std::fs::rename(side.join(STEP), side.join(to)).expect("rename");
    let link = side.join("content/guide/01-define-goals.md");
    let text = std::fs::read_to_string(&link).expect("read");
    let name = Path::new(to)
        .file_name()
        .and_then(|n| n.to_str())
        .expect("name");
    std::fs::write(&link, text.replace("02-pair-people.md", name)).expect("write");
}

#[test]
fn a_renamed_step_is_a_rename_not_added_removed_and_completed() {
    let tmp = diff_fixture();
    // The head as the base: the step is done on both sides.
    std::fs::remove_dir_all(tmp.path().join("base")).expect("rm");
    copy_dir(&tmp.path().join("head"), &tmp.path().join("base"));
    rename_step(
        &tmp.path().join("head"),
        "content/guide/02-recruit-and-pair.md",
    );
    let ran = diff(tmp.path());
    let summary = ran.expect_success().stdout();
    assert_eq!(
        summary,
        "### Playbook changes (statuses as of 2026-04-01)\n\n\
         - **Pages renamed:** content/guide/02-pair-people\\.md → \
         content/guide/02-recruit-and-pair\\.md\n\
         - **Keep old links:** add aliases\\: \\[guide/02-pair-people/\\] to \
         content/guide/02-recruit-and-pair\\.md so old links keep working\n"
    );
}

#[test]
fn a_renamed_step_that_became_done_is_both() {
    let tmp = diff_fixture();
    rename_step(
        &tmp.path().join("head"),
        "content/guide/02-recruit-and-pair.md",
    );
    let summary = diff(tmp.path()).expect_success().stdout();
    assert!(
        summary.contains("- **Launch steps completed:** Pair people\n"),
        "{summary}"
    );
    assert!(
        summary.contains("- **Pages renamed:** content/guide/02-pair-people\\.md → content/guide/02-recruit-and-pair\\.md\n"),
        "{summary}"
    );
    assert!(
        summary.contains("- **Pages added:** content/faq\\.md\n"),
        "{summary}"
    );
    assert!(!summary.contains("Pages removed"), "{summary}");
}
