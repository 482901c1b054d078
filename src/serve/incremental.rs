//! Which pages an edit can change. Most edits while previewing are to the
//! prose of one page: when only Markdown bodies changed (same files, same
//! front matter, same checklist counts, same data and settings), only the
//! pages showing those bodies and the search index are rendered again.
//! Anything else renders the whole site, which is always correct.

use crate::load::{self, SourceFile, Sources};
use crate::model::Playbook;
use std::collections::{HashMap, HashSet};

/// What the last good build was made from.
pub struct Basis {
    sources: Sources,
    /// Checklist counts per content file: they are shown on the guide
    /// page, so a ticked box changes more than its own page.
    tasks: HashMap<String, (usize, usize)>,
}

pub enum Plan {
    Everything,
    /// Only the bodies of these content files changed.
    Bodies(HashSet<String>),
}

fn tasks_of(playbook: &Playbook) -> HashMap<&str, (usize, usize)> {
    playbook
        .pages
        .iter()
        .map(|p| (p.file.as_str(), (p.scan.tasks_done, p.scan.tasks_total)))
        .collect()
}

impl Basis {
    pub fn new(sources: Sources, playbook: &Playbook) -> Basis {
        let tasks = tasks_of(playbook)
            .into_iter()
            .map(|(file, counts)| (file.to_string(), counts))
            .collect();
        Basis { sources, tasks }
    }

    pub fn plan(&self, sources: &Sources, playbook: &Playbook) -> Plan {
        let old = &self.sources;
        let same = |a: &[SourceFile], b: &[SourceFile]| {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a.path == b.path)
        };
        if sources.config.as_ref().map(|f| &f.text) != old.config.as_ref().map(|f| &f.text)
            || !same(&sources.data, &old.data)
            || sources
                .data
                .iter()
                .zip(&old.data)
                .any(|(a, b)| a.text != b.text)
            || !same(&sources.content, &old.content)
        {
            return Plan::Everything;
        }
        let tasks = tasks_of(playbook);
        let mut changed = HashSet::new();
        for (file, before) in sources.content.iter().zip(&old.content) {
            if file.text == before.text {
                continue;
            }
            let now = tasks.get(file.path.as_str());
            if front_matter(&file.text) != front_matter(&before.text)
                || now != self.tasks.get(&file.path)
            {
                return Plan::Everything;
            }
            changed.insert(file.path.clone());
        }
        if changed.is_empty() {
            // The sources are as they were: a template or asset changed.
            return Plan::Everything;
        }
        Plan::Bodies(changed)
    }
}

/// The text before the body: the front matter with its fences.
fn front_matter(text: &str) -> &str {
    let file = SourceFile {
        path: String::new(),
        text: text.into(),
    };
    let body_len = load::split(&file).0.body.len();
    &text[..text.len() - body_len]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(files: &[(&str, &str)]) -> Sources {
        Sources {
            content: files
                .iter()
                .map(|(path, text)| SourceFile {
                    path: path.to_string(),
                    text: text.to_string().into(),
                })
                .collect(),
            ..Sources::default()
        }
    }

    fn plan(before: &[(&str, &str)], after: &[(&str, &str)]) -> Option<Vec<String>> {
        let before = sources(before);
        let (old_playbook, _) = crate::model::read(&before);
        let basis = Basis::new(before, &old_playbook);
        let after = sources(after);
        let (playbook, _) = crate::model::read(&after);
        match basis.plan(&after, &playbook) {
            Plan::Everything => None,
            Plan::Bodies(files) => {
                let mut files: Vec<String> = files.into_iter().collect();
                files.sort();
                Some(files)
            }
        }
    }

    const STEP: &str = "---\ntitle: Pair people\n---\nMatch them.\n\n- [ ] ask\n";

    #[test]
    fn a_body_edit_renders_that_page_only() {
        let edited = "---\ntitle: Pair people\n---\nMatch them well.\n\n- [ ] ask\n";
        assert_eq!(
            plan(
                &[("content/a.md", STEP), ("content/b.md", STEP)],
                &[("content/a.md", edited), ("content/b.md", STEP)]
            ),
            Some(vec!["content/a.md".to_string()])
        );
    }

    #[test]
    fn front_matter_checklists_new_files_and_templates_render_everything() {
        let retitled = STEP.replace("Pair people", "Pair them");
        assert_eq!(
            plan(&[("content/a.md", STEP)], &[("content/a.md", &retitled)]),
            None
        );
        let ticked = STEP.replace("[ ]", "[x]");
        assert_eq!(
            plan(&[("content/a.md", STEP)], &[("content/a.md", &ticked)]),
            None
        );
        assert_eq!(
            plan(
                &[("content/a.md", STEP)],
                &[("content/a.md", STEP), ("content/b.md", STEP)]
            ),
            None
        );
        assert_eq!(
            plan(&[("content/a.md", STEP)], &[("content/b.md", STEP)]),
            None
        );
        // Nothing in the sources changed: a template or asset did.
        assert_eq!(
            plan(&[("content/a.md", STEP)], &[("content/a.md", STEP)]),
            None
        );
    }
}
