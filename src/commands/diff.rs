//! `mentorbook diff`: what a change does to the program, as Markdown for a
//! pull-request comment.

use super::usage_error;
use crate::pipeline;
use chrono::NaiveDate;
use std::path::Path;
use std::process::ExitCode;

/// `as_of`: the date statuses are computed for (see `commands::as_of`).
pub fn run(base: &Path, dir: &Path, as_of: Option<NaiveDate>) -> ExitCode {
    let as_of = match super::as_of(as_of) {
        Ok(date) => date,
        Err(code) => return code,
    };
    match (
        pipeline::load_and_check(base),
        pipeline::load_and_check(dir),
    ) {
        (Ok(before), Ok(after)) => {
            let summary = crate::diff::summarize(&before.playbook, &after.playbook, as_of);
            print!("{}", crate::diff::to_markdown(&summary, as_of));
            ExitCode::SUCCESS
        }
        (Err(message), _) | (_, Err(message)) => usage_error(message),
    }
}
