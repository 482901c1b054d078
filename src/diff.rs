//! `mentorbook diff`: what a change does to the program, for a reviewer:
//! pairs added, removed or changing status, sessions logged, steps done,
//! pages added or removed. Markdown, to paste as a pull-request comment.

use crate::model::{Kind, Pair, Playbook, SessionStatus, StepStatus};
use crate::progress::{self, PairStatus};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub pairs_added: Vec<(String, PairStatus)>,
    pub pairs_removed: Vec<String>,
    /// (pair, before, after)
    pub status_changes: Vec<(String, PairStatus, PairStatus)>,
    /// (pair, sessions held newly logged)
    pub sessions_logged: Vec<(String, usize)>,
    /// Titles of steps that became done.
    pub steps_done: Vec<String>,
    pub pages_added: Vec<String>,
    pub pages_removed: Vec<String>,
}

impl Summary {
    pub fn is_empty(&self) -> bool {
        *self == Summary::default()
    }
}

fn statuses(playbook: &Playbook, as_of: NaiveDate) -> BTreeMap<&str, (&Pair, PairStatus)> {
    playbook
        .pairs
        .iter()
        .map(|pair| {
            let p = progress::of_pair(pair, as_of, playbook.config.progress);
            (pair.id.value.as_str(), (pair, p.status))
        })
        .collect()
}

fn held(pair: &Pair, as_of: NaiveDate) -> BTreeSet<NaiveDate> {
    pair.sessions
        .iter()
        .filter(|s| {
            progress::session_status(s.status.as_ref().map(|st| st.value), s.date.value, as_of)
                == SessionStatus::Held
        })
        .map(|s| s.date.value)
        .collect()
}

pub fn summarize(base: &Playbook, head: &Playbook, as_of: NaiveDate) -> Summary {
    let mut summary = Summary::default();
    let (before, after) = (statuses(base, as_of), statuses(head, as_of));
    for (id, (pair, status)) in &after {
        match before.get(id) {
            None => summary.pairs_added.push((id.to_string(), *status)),
            Some((old, old_status)) => {
                if old_status != status {
                    summary
                        .status_changes
                        .push((id.to_string(), *old_status, *status));
                }
                let new_sessions = held(pair, as_of).difference(&held(old, as_of)).count();
                if new_sessions > 0 {
                    summary.sessions_logged.push((id.to_string(), new_sessions));
                }
            }
        }
    }
    summary.pairs_removed = before
        .keys()
        .filter(|id| !after.contains_key(*id))
        .map(|id| id.to_string())
        .collect();
    let steps = |playbook: &Playbook| -> BTreeMap<String, (String, StepStatus)> {
        playbook
            .pages
            .iter()
            .filter_map(|p| match &p.kind {
                Kind::Step(step) => Some((p.file.clone(), (p.title.clone(), step.status))),
                _ => None,
            })
            .collect()
    };
    let old_steps = steps(base);
    for (file, (title, status)) in steps(head) {
        let was_done = old_steps
            .get(&file)
            .is_some_and(|(_, s)| *s == StepStatus::Done);
        if status == StepStatus::Done && !was_done {
            summary.steps_done.push(title);
        }
    }
    let files = |playbook: &Playbook| -> BTreeSet<String> {
        playbook.pages.iter().map(|p| p.file.clone()).collect()
    };
    let (old_files, new_files) = (files(base), files(head));
    summary.pages_added = new_files.difference(&old_files).cloned().collect();
    summary.pages_removed = old_files.difference(&new_files).cloned().collect();
    summary
}

pub fn to_markdown(summary: &Summary, as_of: NaiveDate) -> String {
    let mut out = format!("### Playbook changes (statuses as of {as_of})\n\n");
    if summary.is_empty() {
        out.push_str("No change to pairs, sessions, steps or pages.\n");
        return out;
    }
    let list = |items: &[String]| {
        items
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !summary.pairs_added.is_empty()
        || !summary.pairs_removed.is_empty()
        || !summary.status_changes.is_empty()
    {
        out.push_str("| pair | change |\n| --- | --- |\n");
        for (id, status) in &summary.pairs_added {
            let _ = writeln!(out, "| `{id}` | added ({}) |", status.label());
        }
        for id in &summary.pairs_removed {
            let _ = writeln!(out, "| `{id}` | removed |");
        }
        for (id, from, to) in &summary.status_changes {
            let _ = writeln!(out, "| `{id}` | {} → {} |", from.label(), to.label());
        }
        out.push('\n');
    }
    if !summary.sessions_logged.is_empty() {
        let total: usize = summary.sessions_logged.iter().map(|(_, n)| n).sum();
        let pairs: Vec<String> = summary
            .sessions_logged
            .iter()
            .map(|(id, n)| format!("`{id}` ({n})"))
            .collect();
        let _ = writeln!(
            out,
            "- **Sessions logged:** {total} held, in {}",
            pairs.join(", ")
        );
    }
    if !summary.steps_done.is_empty() {
        let _ = writeln!(
            out,
            "- **Launch steps completed:** {}",
            summary.steps_done.join(", ")
        );
    }
    if !summary.pages_added.is_empty() {
        let _ = writeln!(out, "- **Pages added:** {}", list(&summary.pages_added));
    }
    if !summary.pages_removed.is_empty() {
        let _ = writeln!(out, "- **Pages removed:** {}", list(&summary.pages_removed));
    }
    out
}
