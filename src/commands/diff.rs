//! `mentorbook diff`: what a change does to the program, as Markdown for a
//! pull-request comment. Only versions that check without errors are
//! compared: an error's side effects (a pair dropped because its roster did
//! not parse, a step that lost its status) would read as changes.

use super::shown_paths::ShownPaths;
use super::usage_error;
use crate::diagnostic::{self, Format, Severity};
use crate::pipeline::{self, Checked};
use chrono::NaiveDate;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// `as_of`: the date statuses are computed for (see `commands::as_of`);
/// `root`: the folder errors' paths are printed from (see `ShownPaths`).
pub fn run(base: &Path, dir: &Path, root: Option<&Path>, as_of: Option<NaiveDate>) -> ExitCode {
    let as_of = match super::as_of(as_of) {
        Ok(date) => date,
        Err(code) => return code,
    };
    let load = |side: &str, path: &Path| {
        pipeline::load_and_check(path)
            .map_err(|message| usage_error(format!("cannot read the {side} version: {message}")))
    };
    let (before, after) = match (load("base", base), load("head", dir)) {
        (Ok(before), Ok(after)) => (before, after),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    // Both sides are reported, so one run shows everything to fix.
    let base_broken = refuse("base", base, &before, root);
    let head_broken = refuse("head", dir, &after, root);
    if base_broken || head_broken {
        return ExitCode::from(1);
    }
    let summary = crate::diff::summarize(&before.playbook, &after.playbook, as_of);
    print!("{}", crate::diff::to_markdown(&summary, as_of));
    ExitCode::SUCCESS
}

/// When the `side` version in `dir` has errors, prints them and says that
/// side is not compared, on stderr (stdout stays empty, so a CI job posts
/// no comment). True when it has errors.
fn refuse(side: &str, dir: &Path, checked: &Checked, root: Option<&Path>) -> bool {
    if !checked.has_errors() {
        return false;
    }
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    let text = ShownPaths::new(dir, root).render(&errors, Format::Human, &checked.sources);
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let count = diagnostic::count(&errors, Severity::Error);
    let _ = writeln!(
        stderr,
        "error: the {side} version ({}) has {count} error{}, so it is not compared: what the \
         errors leave out would read as changes; fix {} (`mentorbook check {}`) and run \
         `mentorbook diff` again",
        dir.display(),
        if count == 1 { "" } else { "s" },
        if count == 1 { "it" } else { "them" },
        dir.display(),
    );
    true
}
