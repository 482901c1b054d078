//! A corpus of broken input: every case gives a diagnostic that names the
//! file and a line, none panics, none takes more than a second. Cases that
//! are awkward to keep as files (huge, binary, symlink loops) are made here.

use crate::support::Site;
use mentorbook::diagnostic::Severity;
use mentorbook::pipeline::load_and_check;
use std::time::{Duration, Instant};

mod corpus;
mod injection;
mod limits;
mod markup;
mod paths;

pub(super) struct Case {
    pub(super) name: &'static str,
    /// (path under the site, bytes)
    pub(super) files: Vec<(&'static str, Vec<u8>)>,
    /// The file the first error must name.
    pub(super) expect_file: &'static str,
}

pub(super) fn md(front: &str, body: &str) -> Vec<u8> {
    format!("---\n{front}---\n{body}").into_bytes()
}

pub(super) fn case(name: &'static str, path: &'static str, bytes: Vec<u8>) -> Case {
    Case {
        name,
        files: vec![(path, bytes)],
        expect_file: path,
    }
}

pub(super) fn roster(rest: &str) -> Vec<u8> {
    let mut text = String::from(
        "---\ntitle: R\nkind: roster\nstart: 2026-03-02\npeople:\n  - {id: a, name: A}\n  - {id: b, name: B}\n",
    );
    text.push_str(rest);
    text.into_bytes()
}

/// Every case, from each area's list.
fn cases() -> Vec<Case> {
    [
        corpus::cases(),
        paths::cases(),
        limits::cases(),
        markup::cases(),
        injection::cases(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A site of `files`, plus a page so that sites whose only file is data/
/// or playbook.yaml still have content.
fn write_site(files: &[(&str, Vec<u8>)]) -> Site {
    let site = Site::empty();
    site.write("content/index-page.md", "---\ntitle: Home\n---\n");
    for (path, bytes) in files {
        site.write(path, bytes);
    }
    site
}

#[test]
fn every_bad_input_gets_a_diagnostic_with_a_place_and_none_panics_or_hangs() {
    let cases = cases();
    assert!(cases.len() >= 40, "the corpus has {} cases", cases.len());
    // A second per case in an optimised build (tests/run-all.sh runs this
    // module with --release too); unoptimised debug code is several times
    // slower, so debug runs only catch hangs and quadratic blow-ups.
    let budget = if cfg!(debug_assertions) {
        Duration::from_secs(8)
    } else {
        Duration::from_secs(1)
    };
    let mut failures = Vec::new();
    for case in cases {
        let site = write_site(&case.files);
        let root = site.root();
        let started = Instant::now();
        let result = std::panic::catch_unwind(|| load_and_check(root));
        let elapsed = started.elapsed();
        let checked = match result {
            Err(_) => {
                failures.push(format!("{}: panicked", case.name));
                continue;
            }
            Ok(Err(message)) => {
                failures.push(format!("{}: could not load ({message})", case.name));
                continue;
            }
            Ok(Ok(checked)) => checked,
        };
        if elapsed > budget {
            failures.push(format!("{}: took {elapsed:?}", case.name));
        }
        let errors: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        match errors.iter().find(|d| *d.span.file == *case.expect_file) {
            Some(d) if d.span.line >= 1 && d.span.col >= 1 && !d.message.is_empty() => {}
            _ => failures.push(format!(
                "{}: no error in {} (got: {:?})",
                case.name,
                case.expect_file,
                checked
                    .diagnostics
                    .iter()
                    .map(|d| format!("{}:{} {}", d.span.file, d.span.line, d.message))
                    .collect::<Vec<_>>()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_not_followed_forever() {
    let site = write_site(&[("content/a.md", md("title: A\n", ""))]);
    std::os::unix::fs::symlink("..", site.path("content/loop")).expect("link");
    let started = Instant::now();
    let checked = load_and_check(site.root()).expect("load");
    assert!(started.elapsed() < Duration::from_secs(1));
    let loop_warning = checked.diagnostics.iter().find(|d| d.code == "unreadable");
    assert!(
        loop_warning
            .is_some_and(|d| d.message.contains("loop") && d.span.file.starts_with("content/loop")),
        "{:?}",
        checked.diagnostics
    );
}

#[test]
fn bom_crlf_and_unusual_file_names_are_fine_when_the_content_is() {
    let site = write_site(&[
            ("content/café au lait.md", b"\xef\xbb\xbf---\r\ntitle: Caf\xc3\xa9\r\n---\r\nSee [the other](%D0%BD%D0%B0%D1%81%D1%82%D0%B0%D0%B2%D0%BD%D0%B8%D0%BA.md).\r\n".to_vec()),
            ("content/наставник.md", md("title: Наставник\n", "")),
    ]);
    let checked = load_and_check(site.root()).expect("load");
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
}
