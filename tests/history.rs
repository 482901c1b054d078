//! "Last updated" from git and "Edit this page" links, on a real repository
//! made for the test with two commits.

mod common;
use common::{build_ok, copy_dir};

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

/// The valid fixture site copied to `<tmp>/repo/<folder>`: (repo, site).
fn fixture_in_repo(tmp: &Path, folder: &str) -> (PathBuf, PathBuf) {
    let repo = tmp.join("repo");
    let site = repo.join(folder);
    std::fs::create_dir_all(&site).expect("mkdir");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid"),
        &site,
    );
    (repo, site)
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

fn build(site: &Path, out: &Path, as_of: &str) -> String {
    build_ok(site, out, as_of, &[]);
    std::fs::read_to_string(out.join("goals/index.html")).expect("goals page")
}

#[test]
fn pages_show_their_last_change_in_git_and_an_edit_link() {
    let tmp = tempfile::tempdir().expect("tmp");
    // The site sits in a subfolder of the repository, as playbooks often do.
    let (repo, site) = fixture_in_repo(tmp.path(), "playbook");
    let config = site.join("playbook.yaml");
    let mut text = std::fs::read_to_string(&config).expect("config");
    text.push_str("edit_url: https://git.example.org/hr/repo/edit/main/playbook/\n");
    std::fs::write(&config, text).expect("config");
    first_commit(&repo);
    let goals = site.join("content/goals.md");
    let mut text = std::fs::read_to_string(&goals).expect("goals");
    text.push_str("\nA new paragraph.\n");
    std::fs::write(&goals, text).expect("edit");
    git(
        &repo,
        "2026-03-05T09:00:00Z",
        &["commit", "-q", "-am", "second"],
    );

    let out = tmp.path().join("out");
    let page = build(&site, &out, "2026-04-01");
    assert!(
        page.contains("Last updated <time datetime=\"2026-03-05\">5 Mar 2026</time>"),
        "{page}"
    );
    assert!(page.contains("href=\"https:&#x2F;&#x2F;git.example.org&#x2F;hr&#x2F;repo&#x2F;edit&#x2F;main&#x2F;playbook&#x2F;content&#x2F;goals.md\">Edit this page"), "edit link");
    let home = std::fs::read_to_string(out.join("index.html")).expect("home");
    assert!(home.contains("<time datetime=\"2026-01-10\">10 Jan 2026</time>"));
    // Pair pages point at the file the pair comes from.
    let pair = std::fs::read_to_string(out.join("pairs/ari-and-tomas/index.html")).expect("pair");
    assert!(pair.contains("content&#x2F;cohort.md\">Edit this page"));

    // As of a date before the second commit, the page shows the first.
    let page = build(&site, &tmp.path().join("earlier"), "2026-02-01");
    assert!(
        page.contains("<time datetime=\"2026-01-10\">10 Jan 2026</time>"),
        "{page}"
    );
}

#[test]
fn outside_a_repository_there_is_no_date_and_no_error() {
    let tmp = tempfile::tempdir().expect("tmp");
    let site = tmp.path().join("site");
    std::fs::create_dir_all(&site).expect("mkdir");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid"),
        &site,
    );
    let page = build(&site, &tmp.path().join("out"), "2026-04-01");
    assert!(!page.contains("Last updated"));
    assert!(!page.contains("Edit this page"));
}

#[test]
fn a_shallow_clone_dates_only_what_its_history_shows() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (repo, site) = fixture_in_repo(tmp.path(), "site");
    let append = |file: &str| {
        let path = site.join(file);
        let text = std::fs::read_to_string(&path).expect("read") + "\nMore.\n";
        std::fs::write(&path, text).expect("edit");
    };
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
    let clone = tmp.path().join("clone");
    let url = format!("file://{}", repo.display());
    git(
        tmp.path(),
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
    let goals = build(&clone.join("site"), &tmp.path().join("out"), "2026-04-01");
    // The oldest fetched commit shows every file as added, goals.md too: its
    // real last change cannot be told apart, so the page claims no date.
    assert!(!goals.contains("Last updated"), "{goals}");
    let home = std::fs::read_to_string(tmp.path().join("out/index.html")).expect("home");
    assert!(
        home.contains("Last updated <time datetime=\"2026-03-05\">"),
        "{home}"
    );
}
