//! The commands, on top of the pipeline: the only code that prints to the
//! terminal or chooses an exit code (0 done, 1 problems in the content, 2
//! usage error or unreadable folder). `main.rs` only parses the command
//! line and calls one of these.

pub mod build;
pub mod check;
pub mod cli_docs;
pub mod diff;
pub mod init;
pub mod match_pairs;
pub mod serve;
pub mod shown_paths;

use crate::pipeline::Timings;
use chrono::NaiveDate;
use std::process::ExitCode;

/// The date progress is computed for: `--as-of`, else the date of
/// `SOURCE_DATE_EPOCH` (the reproducible-builds convention), else today.
/// An unusable `SOURCE_DATE_EPOCH` is a usage error, never a silent today.
pub fn as_of(given: Option<NaiveDate>) -> Result<NaiveDate, ExitCode> {
    if let Some(date) = given {
        return Ok(date);
    }
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
            .map(|t| t.date_naive())
            .ok_or_else(|| usage_error("SOURCE_DATE_EPOCH is not a number of seconds")),
        Err(_) => Ok(today()),
    }
}

/// Today in UTC: the default start of a cohort or a starter program.
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Writes `bytes` to stdout; a closed pipe (`| head`) ends the command
/// quietly instead of panicking as `println!` does.
pub fn print(bytes: &[u8]) -> ExitCode {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => usage_error(format!("cannot write to stdout: {e}")),
    }
}

/// Prints `error: message` and gives exit code 2.
pub fn usage_error(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// Each stage's time on stderr, when `MENTORBOOK_TIMINGS` is set.
pub fn print_timings(timings: &Timings) {
    if std::env::var_os("MENTORBOOK_TIMINGS").is_none() {
        return;
    }
    let mut total = 0.0;
    for (stage, took) in &timings.laps {
        let ms = took.as_secs_f64() * 1000.0;
        total += ms;
        eprintln!("timing: {stage:<8} {ms:>7.1} ms (total {total:>7.1} ms)");
    }
}
