//! `mentorbook diff`: what a change does to the program, for a reviewer:
//! pairs added, removed or changing status, sessions logged, steps done,
//! pages renamed (`renames`), added or removed. Markdown, to paste as a
//! pull-request comment.
//! Every id, title and path in it comes from content, so each passes
//! `markdown_text` and reads as itself: no heading, link, image, HTML,
//! @mention or issue reference can be written into the comment.

mod renames;

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
    /// (file before, file after) of pages that moved, by the file after.
    pub pages_renamed: Vec<(String, String)>,
    pub pages_added: Vec<String>,
    pub pages_removed: Vec<String>,
    /// (old address, the file that should keep it as an alias, if known):
    /// pages whose address a rename changed or a removal dropped.
    pub aliases_to_add: Vec<(String, Option<String>)>,
}

impl Summary {
    pub fn is_empty(&self) -> bool {
        *self == Summary::default()
    }
}

/// Each pair by how the summary names it: its id, followed by its
/// program's in a site with programs (`zoe-and-tomas (leaders)`), where
/// ids are unique only within a program.
fn statuses(playbook: &Playbook, as_of: NaiveDate) -> BTreeMap<String, (&Pair, PairStatus)> {
    playbook
        .pairs
        .iter()
        .map(|pair| {
            let p = progress::of_pair(pair, as_of, playbook.thresholds_of(pair));
            let name = if playbook.has_programs() {
                format!("{} ({})", pair.id.value, playbook.program_id(pair.program))
            } else {
                pair.id.value.clone()
            };
            (name, (pair, p.status))
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
    let renamed = renames::renames(base, head);
    let old_steps = steps(base);
    for (file, (title, status)) in steps(head) {
        let old_file = renamed.get(&file).unwrap_or(&file);
        let was_done = old_steps
            .get(old_file)
            .is_some_and(|(_, s)| *s == StepStatus::Done);
        if status == StepStatus::Done && !was_done {
            summary.steps_done.push(title);
        }
    }
    let files = |playbook: &Playbook| -> BTreeSet<String> {
        playbook.pages.iter().map(|p| p.file.clone()).collect()
    };
    let (old_files, new_files) = (files(base), files(head));
    let moved_from: BTreeSet<&String> = renamed.values().collect();
    summary.pages_added = (new_files.difference(&old_files))
        .filter(|file| !renamed.contains_key(*file))
        .cloned()
        .collect();
    summary.pages_removed = (old_files.difference(&new_files))
        .filter(|file| !moved_from.contains(file))
        .cloned()
        .collect();
    summary.aliases_to_add = aliases_to_add(base, head, &renamed, &summary.pages_removed);
    summary.pages_renamed = renamed.into_iter().map(|(to, from)| (from, to)).collect();
    summary
}

/// Old addresses that links (in e-mails, invites, other intranet pages)
/// may still use: of a renamed page whose address changed, unless the
/// renamed page already keeps it in `aliases:`, and of a removed page.
/// Drafts and pair files aside: nobody links to a draft, and a pair's page
/// is at its id, whatever its file is called.
fn aliases_to_add(
    base: &Playbook,
    head: &Playbook,
    renamed: &BTreeMap<String, String>,
    removed: &[String],
) -> Vec<(String, Option<String>)> {
    fn linked<'a>(playbook: &'a Playbook, file: &str) -> Option<&'a crate::model::Page> {
        (playbook.page_of_file(file).map(|i| &playbook.pages[i]))
            .filter(|p| !p.draft && !matches!(p.kind, Kind::Pair(_)) && !p.url.is_empty())
    }
    let mut out = Vec::new();
    for (to, from) in renamed {
        if let (Some(old), Some(new)) = (linked(base, from), linked(head, to))
            && old.url != new.url
            && !new.aliases.iter().any(|a| a.address == old.url)
        {
            out.push((old.url.clone(), Some(new.file.clone())));
        }
    }
    let kept = |url: &str| {
        head.pages
            .iter()
            .any(|p| p.aliases.iter().any(|a| a.address == url))
    };
    for file in removed {
        if let Some(old) = linked(base, file)
            && !kept(&old.url)
        {
            out.push((old.url.clone(), None));
        }
    }
    out
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
            .map(|i| markdown_text(i))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !summary.pairs_added.is_empty()
        || !summary.pairs_removed.is_empty()
        || !summary.status_changes.is_empty()
    {
        out.push_str("| pair | change |\n| --- | --- |\n");
        for (id, status) in &summary.pairs_added {
            let _ = writeln!(
                out,
                "| {} | added ({}) |",
                markdown_text(id),
                status.label()
            );
        }
        for id in &summary.pairs_removed {
            let _ = writeln!(out, "| {} | removed |", markdown_text(id));
        }
        for (id, from, to) in &summary.status_changes {
            let _ = writeln!(
                out,
                "| {} | {} → {} |",
                markdown_text(id),
                from.label(),
                to.label()
            );
        }
        out.push('\n');
    }
    if !summary.sessions_logged.is_empty() {
        let total: usize = summary.sessions_logged.iter().map(|(_, n)| n).sum();
        let pairs: Vec<String> = summary
            .sessions_logged
            .iter()
            .map(|(id, n)| format!("{} ({n})", markdown_text(id)))
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
            list(&summary.steps_done)
        );
    }
    if !summary.pages_renamed.is_empty() {
        let moves: Vec<String> = summary
            .pages_renamed
            .iter()
            .map(|(from, to)| format!("{} → {}", markdown_text(from), markdown_text(to)))
            .collect();
        let _ = writeln!(out, "- **Pages renamed:** {}", moves.join(", "));
    }
    if !summary.pages_added.is_empty() {
        let _ = writeln!(out, "- **Pages added:** {}", list(&summary.pages_added));
    }
    if !summary.pages_removed.is_empty() {
        let _ = writeln!(out, "- **Pages removed:** {}", list(&summary.pages_removed));
    }
    for (old, file) in &summary.aliases_to_add {
        let alias = markdown_text(&format!("aliases: [{old}]"));
        let _ = match file {
            Some(file) => writeln!(
                out,
                "- **Keep old links:** add {alias} to {} so old links keep working",
                markdown_text(file)
            ),
            None => writeln!(
                out,
                "- **Keep old links:** {} is gone; add {alias} to the page that replaces it so old links keep working",
                markdown_text(old)
            ),
        };
    }
    out
}

/// Text from the playbook as Markdown that shows exactly that text, on one
/// line, wherever it is put in a line (a table cell included): ASCII
/// punctuation is backslash-escaped (CommonMark reads `\x` as a literal `x`
/// for all of them, so no `#` heading, `![..](..)` image, `[..](..)` link,
/// `<tag>`, `&entity;`, `*emphasis*`, `http://` autolink or `|` cell break
/// survives); `@` and `#` are followed by a zero-width joiner, which GitHub
/// and GitLab do not read as part of a name or number, so `@everyone` and
/// `#12` notify and link nobody; line breaks and other control characters
/// become spaces; bidirectional overrides are dropped, so text cannot show
/// reversed. `/`, and `-` past the first character, mean nothing inside a
/// line, so ids and paths stay readable in the raw text.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (i, c) in text.chars().enumerate() {
        match c {
            '/' => out.push(c),
            '-' if i > 0 => out.push(c),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => out.push(' '),
            '@' | '#' => {
                out.push('\\');
                out.push(c);
                out.push('\u{200D}');
            }
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Options, Parser, TagEnd};

    /// What a Markdown reader makes of the comment: the elements it opens
    /// and the text it shows. Every extension but smart punctuation, which
    /// GitHub and GitLab do not apply.
    fn read(markdown: &str) -> (Vec<String>, String) {
        let mut elements = Vec::new();
        let mut text = String::new();
        let options = Options::all() - Options::ENABLE_SMART_PUNCTUATION;
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Start(tag) => elements.push(format!("{tag:?}")),
                Event::End(TagEnd::TableCell) => text.push('|'),
                Event::End(TagEnd::TableRow | TagEnd::TableHead) => text.push('\n'),
                Event::Text(t) => text.push_str(&t),
                Event::Code(_) | Event::Html(_) | Event::InlineHtml(_) => {
                    elements.push(format!("{event:?}"))
                }
                _ => {}
            }
        }
        (elements, text)
    }

    #[test]
    fn content_in_the_summary_reads_as_text_only() {
        let pwned = "# Pwned ![x](http://evil/x.png) @everyone";
        let summary = Summary {
            pairs_added: vec![("a|b\n\n# Heading\r\n| --- |".into(), PairStatus::OnTrack)],
            pairs_removed: vec!["`code` <img src=x> &#64;team #123 \\|".into()],
            steps_done: vec![pwned.into()],
            pages_added: vec!["content/[link](http://evil.example).md".into()],
            pages_renamed: vec![("content/@team.md".into(), "content/<b>x</b>#1.md".into())],
            ..Summary::default()
        };
        let markdown = to_markdown(&summary, NaiveDate::default());
        let (elements, text) = read(&markdown);
        let allowed = [
            "Heading",
            "Table",
            "TableHead",
            "TableRow",
            "TableCell",
            "List",
            "Item",
            "Strong",
            "Paragraph",
        ];
        for element in &elements {
            assert!(
                allowed.iter().any(|a| element.starts_with(a)),
                "{element} in\n{markdown}"
            );
        }
        let headings = elements.iter().filter(|e| e.starts_with("Heading")).count();
        assert_eq!(headings, 1, "{markdown}");
        let zwj = '\u{200D}';
        assert!(
            text.contains(&format!(
                "\na|b  #{zwj} Heading  | --- ||added (on track)|\n"
            )),
            "{text:?}"
        );
        assert!(
            text.contains(&format!(
                "\n`code` <img src=x> &#{zwj}64;team #{zwj}123 \\||removed|"
            )),
            "{text:?}"
        );
        assert!(
            text.contains(&format!(
                "#{zwj} Pwned ![x](http://evil/x.png) @{zwj}everyone"
            )),
            "{text:?}"
        );
        assert!(text.contains("content/[link](http://evil.example).md"));
        assert!(!text.contains("@everyone") && !text.contains("#123"));
        assert!(
            text.contains(&format!(
                "content/@{zwj}team.md → content/<b>x</b>#{zwj}1.md"
            )),
            "{text:?}"
        );
        assert!(markdown.contains("\\#\u{200D}"), "{markdown}");
    }
}
