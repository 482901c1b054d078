//! "Last updated" from git and "Edit this page" links, on a real repository
//! made for the test with two commits.

use crate::support::Site;
use std::path::{Path, PathBuf};
use std::process::Command;

fn git(dir: &Path, date: &str, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .status()
        .expect("git");
    assert!(status.success(), "git {args:?}");
}

/// The valid fixture site in `<tmp>/repo/<folder>`: (site, repo).
fn fixture_in_repo(folder: &str) -> (Site, PathBuf) {
    let site = Site::from_fixture("valid").in_folder(&format!("repo/{folder}"));
    let repo = site.tmp().join("repo");
    (site, repo)
}

/// `git init` and a first commit of everything, dated 2026-01-10.
fn first_commit(repo: &Path) {
    git(repo, "2026-01-10T12:00:00Z", &["init", "-q"]);
    git(repo, "2026-01-10T12:00:00Z", &["add", "."]);
    git(
        repo,
        "2026-01-10T12:00:00Z",
        &["commit", "-q", "-m", "first"],
    );
}

#[test]
fn pages_show_their_last_change_in_git_and_an_edit_link() {
    // The site sits in a subfolder of the repository, as playbooks often do.
    let (site, repo) = fixture_in_repo("playbook");
    site.edit("playbook.yaml", |t| {
        format!("{t}edit_url: https://git.example.org/hr/repo/edit/main/playbook/\n")
    });
    first_commit(&repo);
    site.edit("content/goals.md", |t| format!("{t}\nA new paragraph.\n"));
    git(
        &repo,
        "2026-03-05T09:00:00Z",
        &["commit", "-q", "-am", "second"],
    );

    let built = site.clone().as_of("2026-04-01").build_to("out");
    let page = built.page("goals/");
    assert!(
        page.contains("Last updated <time datetime=\"2026-03-05\">5 Mar 2026</time>"),
        "{page}"
    );
    assert!(page.contains("href=\"https://git.example.org/hr/repo/edit/main/playbook/content/goals.md\">Edit this page"), "edit link");
    let home = built.page("");
    assert!(home.contains("<time datetime=\"2026-01-10\">10 Jan 2026</time>"));
    // Pair pages point at the file the pair comes from.
    let pair = built.page("pairs/ari-and-tomas/");
    assert!(pair.contains("content/cohort.md\">Edit this page"));

    // As of a date before the second commit, the page shows the first.
    let page = site.as_of("2026-02-01").build_to("earlier").page("goals/");
    assert!(
        page.contains("<time datetime=\"2026-01-10\">10 Jan 2026</time>"),
        "{page}"
    );
}

#[test]
fn outside_a_repository_there_is_no_date_and_no_error() {
    let page = Site::from_fixture("valid")
        .as_of("2026-04-01")
        .build_to("out")
        .page("goals/");
    assert!(!page.contains("Last updated"));
    assert!(!page.contains("Edit this page"));
}

#[test]
fn a_shallow_clone_dates_only_what_its_history_shows() {
    let (site, repo) = fixture_in_repo("site");
    let append = |file: &str| site.edit(file, |t| t.to_string() + "\nMore.\n");
    first_commit(&repo);
    append("content/goals.md");
    git(
        &repo,
        "2026-02-10T12:00:00Z",
        &["commit", "-q", "-am", "second"],
    );
    append("content/_index.md");
    git(
        &repo,
        "2026-03-05T09:00:00Z",
        &["commit", "-q", "-am", "third"],
    );
    let clone = site.tmp().join("clone");
    let url = format!("file://{}", repo.display());
    git(
        site.tmp(),
        "2026-03-06T00:00:00Z",
        &[
            "clone",
            "-q",
            "--depth",
            "2",
            &url,
            clone.to_str().expect("utf8"),
        ],
    );
    let built = Site::in_place(&clone.join("site"))
        .as_of("2026-04-01")
        .build();
    let goals = built.page("goals/");
    // The oldest fetched commit shows every file as added, goals.md too: its
    // real last change cannot be told apart, so the page claims no date.
    assert!(!goals.contains("Last updated"), "{goals}");
    let home = built.page("");
    assert!(
        home.contains("Last updated <time datetime=\"2026-03-05\">"),
        "{home}"
    );
}
