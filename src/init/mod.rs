//! `mentorbook init`: a small working program to start from. Dates are set
//! around the day it runs, so the starter's pairs show live statuses.

use chrono::{Days, NaiveDate};
use std::path::{Path, PathBuf};

macro_rules! starter {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("starter/", $path)))),*]
    };
}

const FILES: &[(&str, &str)] = starter!(
    "playbook.yaml",
    "content/_index.md",
    "content/goals.md",
    "content/launch/_index.md",
    "content/launch/01-define-goals.md",
    "content/launch/02-pair-people.md",
    "content/launch/03-review.md",
    "content/sessions/01-kickoff.md",
    "content/sessions/02-digital-tools.md",
    "content/cohorts/first-cohort.md",
);

/// Writes the starter program into `dir`, or writes nothing at all when any
/// of its files already exists there.
pub fn init(dir: &Path, today: NaiveDate) -> Result<Vec<PathBuf>, String> {
    let existing: Vec<String> = FILES
        .iter()
        .map(|(path, _)| dir.join(path))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(format!(
            "not overwriting existing files: {}; choose an empty folder",
            existing.join(", ")
        ));
    }
    // The cohort started four weeks ago and runs for six months.
    let start = today.checked_sub_days(Days::new(28)).unwrap_or(today);
    let mut written = Vec::new();
    for (path, text) in FILES {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let text = fill_dates(text, start);
        std::fs::write(&target, text)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        written.push(target);
    }
    Ok(written)
}

fn fill_dates(text: &str, start: NaiveDate) -> String {
    let shift = |days: i64| {
        let moved = if days >= 0 {
            start.checked_add_days(Days::new(days as u64))
        } else {
            start.checked_sub_days(Days::new(days.unsigned_abs()))
        };
        moved.unwrap_or(start).to_string()
    };
    let mut out = text
        .replace("{{START}}", &shift(0))
        .replace("{{END}}", &shift(182));
    for days in [2, 3, 16, 30] {
        out = out.replace(&format!("{{{{START_PLUS_{days}}}}}"), &shift(days));
    }
    for days in [7, 21] {
        out = out.replace(&format!("{{{{START_MINUS_{days}}}}}"), &shift(-days));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_filled() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 31).expect("date");
        for (path, text) in FILES {
            let filled = fill_dates(text, start);
            assert!(!filled.contains("{{"), "{path} keeps a placeholder");
        }
    }
}
