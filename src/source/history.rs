//! When each source file last changed, from git: one `git log` per build
//! (never one per page). Off, quietly, when the site is not in a git
//! repository or git is missing; in a shallow clone, files whose last change
//! is outside the fetched history simply get no date.

use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

/// Site-relative path (`content/faq.md`) -> date of the last commit that
/// changed it, on or before `as_of` (so a build as of a past date shows the
/// dates it would have shown then).
pub fn last_updated(site_root: &Path, as_of: NaiveDate) -> HashMap<String, NaiveDate> {
    let prefix = match git(site_root, &["rev-parse", "--show-prefix"]) {
        Some(prefix) => prefix.trim().to_string(),
        None => return HashMap::new(),
    };
    let until = as_of.succ_opt().unwrap_or(as_of);
    let log = git(
        site_root,
        &[
            "log",
            "--format=%x00%cs",
            "--name-only",
            "--no-renames",
            &format!("--until={until}T00:00:00Z"),
            "--",
            "content",
            "data",
        ],
    );
    let Some(log) = log else {
        return HashMap::new();
    };
    let mut dates = parse_log(&log, &prefix);
    // In a shallow clone the oldest fetched commit shows every file as new:
    // its date says nothing about those files, so they get none.
    let shallow = git(site_root, &["rev-parse", "--is-shallow-repository"])
        .is_some_and(|s| s.trim() == "true");
    if shallow {
        let oldest = log.rsplit('\0').next().unwrap_or("");
        for line in oldest.lines().skip(1) {
            if let Some(path) = line.trim().strip_prefix(prefix.as_str())
                && first_seen_in_oldest(&log, line.trim())
            {
                dates.remove(path);
            }
        }
    }
    dates
}

/// The path appears in no commit but the oldest one of the log.
fn first_seen_in_oldest(log: &str, path: &str) -> bool {
    let blocks: Vec<&str> = log.split('\0').filter(|b| !b.is_empty()).collect();
    blocks
        .iter()
        .take(blocks.len().saturating_sub(1))
        .all(|block| !block.lines().skip(1).any(|l| l.trim() == path))
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Parses `git log --format=%x00%cs --name-only` (newest first): the first
/// date seen for a file is its last change. Paths are relative to the
/// repository; `prefix` is the site folder's path within it.
fn parse_log(log: &str, prefix: &str) -> HashMap<String, NaiveDate> {
    let mut dates = HashMap::new();
    let mut current: Option<NaiveDate> = None;
    for line in log.lines() {
        if let Some(date) = line.strip_prefix('\0') {
            current = crate::source::fields::parse_date(date.trim()).ok();
            continue;
        }
        let (Some(date), Some(path)) = (current, line.trim().strip_prefix(prefix)) else {
            continue;
        };
        if !path.is_empty() {
            dates.entry(path.to_string()).or_insert(date);
        }
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_commit_touching_a_file_gives_its_date() {
        let log = "\0 2026-05-02\n\nsite/content/a.md\n\0 2026-03-01\n\nsite/content/a.md\nsite/content/b.md\nother/x.md\n";
        let dates = parse_log(&log.replace("\0 ", "\0"), "site/");
        assert_eq!(
            dates
                .get("content/a.md")
                .map(ToString::to_string)
                .as_deref(),
            Some("2026-05-02")
        );
        assert_eq!(
            dates
                .get("content/b.md")
                .map(ToString::to_string)
                .as_deref(),
            Some("2026-03-01")
        );
        assert!(!dates.contains_key("x.md"));
        assert_eq!(dates.len(), 2);
    }
}
