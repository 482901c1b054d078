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

/// What a program kept in git needs besides its pages: the build's output
/// and the folders an interrupted build leaves beside it stay out of the
/// repository (CI builds the site).
const GITIGNORE: &str = "\
# mentorbook: the built site (CI builds it; publish it from there)
/public/
# folders an interrupted build leaves beside public/ (the next build removes them)
/.public.new-*/
/.public.old-*/
";

/// The CI recipe of the README's "In CI", as GitHub reads it.
const WORKFLOW: (&str, &str) = (
    ".github/workflows/playbook.yml",
    include_str!("../../examples/ci/github-actions.yml"),
);

/// What `init` did.
#[derive(Debug, Default)]
pub struct Written {
    /// Files written (or, for `.gitignore`, completed).
    pub files: Vec<PathBuf>,
    /// Files that were there already and are left as they were: a CI
    /// workflow of the same name, a `.gitignore` that ignores all we would.
    pub kept: Vec<PathBuf>,
}

/// Writes the starter program into `dir`, with a `.gitignore` and the CI
/// workflow, or writes nothing at all when any file of the program already
/// exists there. An existing `.gitignore` gets the lines it lacks (a
/// repository is often created with one); an existing workflow of the same
/// name is left alone.
pub fn init(dir: &Path, today: NaiveDate) -> Result<Written, String> {
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
    let mut written = Written::default();
    for (path, text) in FILES {
        written
            .files
            .push(write(dir, path, &fill_dates(text, start))?);
    }
    let gitignore = dir.join(".gitignore");
    match std::fs::read_to_string(&gitignore) {
        Ok(text) => match missing_lines(&text) {
            None => written.kept.push(gitignore),
            Some(added) => written.files.push(write(dir, ".gitignore", &added)?),
        },
        Err(_) => written.files.push(write(dir, ".gitignore", GITIGNORE)?),
    }
    let (path, text) = WORKFLOW;
    if dir.join(path).exists() {
        written.kept.push(dir.join(path));
    } else {
        written.files.push(write(dir, path, text)?);
    }
    Ok(written)
}

/// `text` (a `.gitignore`) with the lines of ours it lacks appended, or
/// `None` when it has them all.
fn missing_lines(text: &str) -> Option<String> {
    let has: std::collections::HashSet<&str> = text.lines().map(str::trim).collect();
    let missing: Vec<&str> = GITIGNORE
        .lines()
        .filter(|l| !l.starts_with('#') && !has.contains(l))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("# mentorbook: the built site and an interrupted build's folders\n");
    for line in missing {
        out.push_str(line);
        out.push('\n');
    }
    Some(out)
}

fn write(dir: &Path, path: &str, text: &str) -> Result<PathBuf, String> {
    let target = dir.join(path);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(&target, text).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    Ok(target)
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
    fn a_gitignore_gets_only_the_lines_it_lacks() {
        assert_eq!(missing_lines(GITIGNORE), None);
        let theirs = "target/\n/public/";
        let merged = missing_lines(theirs).expect("lines to add");
        assert!(merged.starts_with("target/\n/public/\n# mentorbook"));
        assert_eq!(merged.matches("/public/").count(), 1);
        assert!(merged.ends_with("/.public.new-*/\n/.public.old-*/\n"));
    }

    #[test]
    fn every_placeholder_is_filled() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 31).expect("date");
        for (path, text) in FILES {
            let filled = fill_dates(text, start);
            assert!(!filled.contains("{{"), "{path} keeps a placeholder");
        }
    }
}
