//! Ids and links that would write or read outside the site: what an author
//! who controls an id or commits a symbolic link gets (an error or a
//! warning at the right place; nothing written outside `--out`, nothing
//! read from outside its folder), and what an interrupted build leaves.

use crate::support::{Ran, Site, files_under};
use std::path::Path;

/// A roster of two people and one pair whose entry is `pair`.
fn site_with_pair(pair: &str) -> Site {
    let site = Site::empty();
    site.write("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n");
    site.write(
        "content/cohort.md",
        format!(
            "---\ntitle: Cohort\nkind: roster\nstart: 2026-03-02\npeople:\n  - {{id: ana, name: Ana}}\n  - {{id: bo, name: Bo}}\npairs:\n  - {pair}\n---\n"
        ),
    );
    site
}

/// Every file under the folder holding the site and its output, except
/// the site's own: what a build wrote, wherever it wrote it.
fn written_beside(site: &Site) -> Vec<String> {
    files_under(site.tmp())
        .iter()
        .filter(|p| !p.starts_with(site.root()))
        .map(|p| p.display().to_string())
        .collect()
}

fn assert_bad_id_at(site: &Site, place: &str) {
    let ran = site.check();
    assert_eq!(ran.status().code(), Some(1), "{}", ran.stdout());
    let out = ran.stdout();
    assert!(
        out.lines().any(|l| l.contains("error[bad-id]")) && out.contains(place),
        "expected a bad-id error at {place}:\n{out}"
    );
}

#[test]
fn a_pair_id_that_climbs_out_of_the_site_is_an_error_and_nothing_is_written() {
    for id in ["../../../x", "\"..\""] {
        let site = site_with_pair(&format!("{{id: {id}, mentor: ana, mentee: bo}}"));
        assert_bad_id_at(&site, "content/cohort.md:9:10");
        // Deep enough that `../../../x` from the staging folder stays
        // inside the test's folder, where it can be seen.
        let out = site.tmp().join("a/b/public");
        let built = Ran::of(site.command("build", ["--out".as_ref(), out.as_os_str()]));
        assert_eq!(built.status().code(), Some(1), "{}", built.stderr());
        assert_eq!(written_beside(&site), Vec::<String>::new());
        assert!(!site.tmp().join("a/x").exists());
    }
}

#[test]
fn a_person_id_with_a_slash_is_an_error_at_its_cell() {
    let site = site_with_pair("{id: ana-bo, mentor: ana, mentee: bo}");
    site.write(
        "data/people.csv",
        "id,name,email\ncarl,Carl,carl@example.com\n../../x/y,Dee,dee@example.com\n",
    );
    assert_bad_id_at(&site, "data/people.csv:3:1");
    let built = site.try_build();
    assert!(!built.status().success());
    assert_eq!(written_beside(&site), Vec::<String>::new());
}

/// On macOS and Windows, `GOALS/` and `goals/` are one folder, and so are
/// `pairs/ſtep/` and `pairs/step/` (`ſ` is a lower-case `s`) or a Hangul
/// syllable and its letters: the second page written replaced the first.
#[test]
fn two_pages_that_are_one_folder_on_macos_or_windows_are_an_error() {
    let site = site_with_pair(
        "{id: ſtep, mentor: ana, mentee: bo}\n  - {id: step, mentor: bo, mentee: ana}",
    );
    site.write("content/goals.md", "---\ntitle: Goals\n---\nOurs.\n");
    site.write("content/GOALS.md", "---\ntitle: Shouting\n---\nTheirs.\n");
    site.write("content/\u{d55c}.md", "---\ntitle: Syllable\n---\n");
    site.write(
        "content/\u{1112}\u{1161}\u{11ab}.md",
        "---\ntitle: Letters\n---\n",
    );
    let check = site.check();
    assert_eq!(check.status().code(), Some(1), "{}", check.stdout());
    let out = check.stdout() + &check.stderr();
    for expected in [
        "pairs `step` and `ſtep` would both be written to `pairs/step/`",
        "would both be written to `goals/` (as `GOALS/`: macOS and Windows take the two for one folder)",
        "would both be written to `\u{d55c}/`",
    ] {
        assert!(out.contains(expected), "{expected}\n{out}");
    }
    assert_eq!(out.matches("duplicate-url").count(), 3, "{out}");
    assert!(!site.try_build().status().success());
}

#[test]
fn a_page_whose_folder_is_a_file_the_build_writes_is_an_error_in_check() {
    // Each passed `check` and then failed `build` with the system's "Is a
    // directory", naming no file of the site.
    let site = site_with_pair("{id: ana-bo, mentor: ana, mentee: bo}");
    site.write("content/progress.csv.md", "---\ntitle: A\n---\n");
    site.write("content/404.html.md", "---\ntitle: B\n---\n");
    site.write("content/search/index.js.md", "---\ntitle: C\n---\n");
    site.write("content/static/logo.md", "---\ntitle: D\n---\n");
    let check = site.check();
    assert_eq!(check.status().code(), Some(1), "{}", check.stdout());
    let out = check.stdout() + &check.stderr();
    for expected in [
        "content/progress.csv.md:1:1",
        "written to `progress.csv/index.html`, but the build writes the file `progress.csv` there",
        "written to `404.html/index.html`, but the build writes the file `404.html` there",
        "content/search/index.js.md:1:1",
        "`search/` is the theme's folder",
        "`static/` is the theme's folder",
    ] {
        assert!(out.contains(expected), "{expected}\n{out}");
    }
    assert!(!site.try_build().status().success());
}

#[test]
fn the_writer_refuses_a_path_out_of_the_site_whoever_asks() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = tmp.path().join("public");
    let evil = mentorbook::render::OutputFile {
        path: "../x".into(),
        bytes: b"evil".to_vec(),
    };
    let err = mentorbook::write::write_site(&[evil], &out).expect_err("refused");
    assert!(err.contains("refused to write `../x`"), "{err}");
    let left: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(unix)]
fn link(target: impl AsRef<Path>, at: &Path) {
    std::fs::create_dir_all(at.parent().expect("parent")).expect("mkdir");
    std::os::unix::fs::symlink(target, at).expect("link");
}

#[cfg(unix)]
#[test]
fn content_and_data_links_out_of_the_site_are_skipped_with_a_warning() {
    let site = site_with_pair("{id: ana-bo, mentor: ana, mentee: bo}");
    let outside = site.tmp().join("outside");
    std::fs::create_dir_all(&outside).expect("mkdir");
    std::fs::write(
        outside.join("secret.md"),
        "---\ntitle: Outside page\n---\nOUTSIDE-MARKDOWN\n",
    )
    .expect("write");
    std::fs::write(
        outside.join("hr.csv"),
        "id,name,email\nzed,Zed Outsider,zed@hr.example\n",
    )
    .expect("write");
    link(&outside, &site.path("content/shared"));
    link(outside.join("hr.csv"), &site.path("data/people.csv"));
    let built = site.build();
    assert!(built.files_containing("OUTSIDE-MARKDOWN").is_empty());
    assert!(built.files_containing("Outsider").is_empty());
    assert!(built.files_containing("hr.example").is_empty());
    let warnings = built.stderr();
    for at in ["content/shared", "data/people.csv"] {
        assert!(
            warnings.contains("warning[outside-site]") && warnings.contains(at),
            "no warning for {at}:\n{warnings}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_content_link_to_a_data_file_inside_the_site_publishes_nothing_of_it() {
    let site = site_with_pair("{id: ana-bo, mentor: ana, mentee: bo}");
    // A heading-like comment would make the YAML a titled page.
    site.write(
        "data/people.yaml",
        "# People\n- {id: carl, name: Carl, email: carl@private.example}\n",
    );
    link("../data/people.yaml", &site.path("content/people-list.md"));
    let built = site.build();
    assert!(built.files_containing("private.example").is_empty());
    assert!(built.stderr().contains("content/people-list.md"));
}

#[cfg(unix)]
#[test]
fn a_static_link_to_people_data_is_not_published() {
    for static_link in ["static/people.csv", "static"] {
        let site = site_with_pair("{id: ana-bo, mentor: ana, mentee: bo}");
        site.write(
            "data/people.csv",
            "id,name,email\ncarl,Carl,carl@private.example\n",
        );
        site.write("content/more.md", "---\ntitle: More\n---\n");
        let target = if static_link == "static" {
            "data"
        } else {
            "../data/people.csv"
        };
        link(target, &site.path(static_link));
        let built = site.build();
        assert!(
            built.files_containing("private.example").is_empty(),
            "{static_link}: an email was published"
        );
        assert!(!built.path("static/people.csv").exists());
        assert!(built.stderr().contains(static_link), "{}", built.stderr());
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_link_to_the_environment_never_prints_it() {
    // Lower case: messages may lower-case what they quote.
    const CANARY: &str = "canary-7f3a9e-secret-token";
    for at in [
        "data/people.csv",
        "content/env.md",
        "playbook.yaml",
        "data/people.yaml",
    ] {
        let site = site_with_pair("{id: ana-bo, mentor: ana, mentee: bo}");
        link("/proc/self/environ", &site.path(at));
        for format in ["human", "json", "github"] {
            let ran = Ran::of({
                let mut command = site.command("check", ["--format", format]);
                command.env("MENTORBOOK_TEST_CANARY", CANARY);
                command
            });
            let all = format!("{}{}", ran.stdout(), ran.stderr()).to_lowercase();
            assert!(
                !all.contains(CANARY),
                "{at} ({format}) printed the environment:\n{all}"
            );
            assert!(all.contains(at), "{at} ({format}) is not named:\n{all}");
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_fifo_is_skipped_with_a_warning_not_waited_on() {
    let site = site_with_pair("{id: ana-bo, mentor: ana, mentee: bo}");
    for at in ["content/pipe.md", "static/pipe.css"] {
        std::fs::create_dir_all(site.path(at).parent().expect("parent")).expect("mkdir");
        let made = std::process::Command::new("mkfifo")
            .arg(site.path(at))
            .status()
            .expect("mkfifo");
        assert!(made.success());
    }
    let started = std::time::Instant::now();
    let built = site.build();
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    for at in ["content/pipe.md", "static/pipe.css"] {
        assert!(
            built.stderr().contains(at) && built.stderr().contains("not a regular file"),
            "{at}: {}",
            built.stderr()
        );
    }
}

/// `playbook.yaml` is read by its name, not found by the walk, so its
/// file type is only known once it is opened: the open must not wait for a
/// writer as a FIFO's does, and a socket, which cannot be opened at all, is
/// still a warning, not an error that stops the build.
#[cfg(target_os = "linux")]
#[test]
fn a_fifo_or_socket_as_the_settings_file_is_skipped_not_waited_on() {
    for kind in ["fifo", "socket"] {
        let site = site_with_pair("{id: ana-bo, mentor: ana, mentee: bo}");
        let settings = site.path("playbook.yaml");
        // The fixture may have none.
        let _ = std::fs::remove_file(&settings);
        let _socket = if kind == "fifo" {
            let made = std::process::Command::new("mkfifo")
                .arg(&settings)
                .status()
                .expect("mkfifo");
            assert!(made.success());
            None
        } else {
            Some(std::os::unix::net::UnixListener::bind(&settings).expect("bind"))
        };
        let started = std::time::Instant::now();
        let built = site.build();
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        assert!(
            built.stderr().contains("playbook.yaml")
                && built.stderr().contains("not a regular file"),
            "{kind}: {}",
            built.stderr()
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn the_next_build_removes_what_interrupted_builds_left_and_nothing_else() {
    let site = site_with_pair("{id: ana-bo, mentor: ana, mentee: bo}");
    let dead = {
        let mut child = std::process::Command::new("true").spawn().expect("spawn");
        let pid = child.id();
        child.wait().expect("wait");
        pid
    };
    let tmp = site.tmp();
    let leftover = |name: &str, marker: bool| {
        let dir = tmp.join(name);
        std::fs::create_dir_all(dir.join("pairs/a")).expect("mkdir");
        std::fs::write(dir.join("pairs/a/index.html"), vec![b'x'; 4096]).expect("write");
        if marker {
            std::fs::write(dir.join(".mentorbook-build"), "").expect("marker");
        }
        dir
    };
    let new = leftover(&format!(".out.new-{dead}"), true);
    let old = leftover(&format!(".out.old-{dead}"), true);
    let keep = leftover(".out.keep", true);
    let not_ours = leftover(&format!(".out.new-{}", dead + 1_000_000), false);
    site.build_to("out");
    assert!(!new.exists(), "{}", new.display());
    assert!(!old.exists(), "{}", old.display());
    assert!(keep.join("pairs/a/index.html").exists());
    assert!(not_ours.join("pairs/a/index.html").exists());
    assert!(tmp.join("out/index.html").exists());
}
