//! `mentorbook check`: every problem of the site at once, in the format a
//! person or a CI system reads.

use super::shown_paths::ShownPaths;
use super::usage_error;
use crate::diagnostic::Format;
use crate::pipeline;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// `as_of`: the date sessions and pairs are checked for (see
/// `commands::as_of`); `root`: the folder paths are printed from (see
/// `ShownPaths`).
pub fn run(
    dir: &Path,
    root: Option<&Path>,
    format: Format,
    as_of: Option<chrono::NaiveDate>,
) -> ExitCode {
    let as_of = match super::as_of(as_of) {
        Ok(date) => date,
        Err(code) => return code,
    };
    let checked = match pipeline::load_and_check(dir) {
        Ok(checked) => checked.as_of(as_of),
        Err(message) => return usage_error(message),
    };
    super::print_timings(&checked.timings);
    let text = ShownPaths::new(dir, root).render(&checked.diagnostics, format, &checked.sources);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if checked.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
