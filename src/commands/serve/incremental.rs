//! Which pages an edit can change. Most edits while previewing are to the
//! prose of one page: when only Markdown bodies changed (same files, same
//! front matter, same checklist counts, same data and settings), only the
//! pages showing those bodies and the search index are rendered again.
//! An edit to a roster, a pair file, a step or a goals file that leaves
//! every page's place and title in navigation as they were is a data edit:
//! render compares the pairs before and after and renders the pages
//! showing what changed (`render::Plan::Data`). Anything else renders the
//! whole site, which is always correct.

use crate::model::{Kind, Playbook};
use crate::render::Plan;
use crate::source::load::{self, SourceFile, Sources};
use std::collections::{HashMap, HashSet};

/// What the last good build was made from.
pub struct Basis {
    sources: Sources,
    /// Checklist counts per content file: they are shown on the guide
    /// page, so a ticked box changes more than its own page.
    tasks: HashMap<String, (usize, usize)>,
    /// Content files that are plain pages (not goals, steps, rosters...).
    plain: HashSet<String>,
    /// What navigation and other pages show of each roster, pair file,
    /// step and goals file, besides what it holds (`nav_key`).
    data: HashMap<String, String>,
}

/// Whether `kind`'s front matter holds data other pages show (pairs, a
/// step's status, goals) that render can follow from the model.
fn is_data(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Roster(_) | Kind::Pair(_) | Kind::Step(_) | Kind::Goals(_)
    )
}

/// What every page may show of a page besides its data: its place, title
/// and kind, a roster's cohort name (on every pair page and attention
/// row) and the people it declares (on person pages, the directory and
/// search, which a pair's fingerprint does not follow): a change there
/// renders everything.
fn nav_key(page: &crate::model::Page, declared: &[String]) -> String {
    let aliases: Vec<&str> = page.aliases.iter().map(|a| a.address.as_str()).collect();
    let cohort = match &page.kind {
        Kind::Roster(roster) => roster.cohort.as_str(),
        _ => "",
    };
    format!(
        "{:?}",
        (
            &page.url,
            &page.id,
            &page.title,
            &page.description,
            page.weight,
            page.prefix,
            page.draft,
            page.kind.name(),
            page.section,
            page.is_index,
            (aliases, cohort, declared),
        )
    )
}

/// What the people page, person pages and search show of a person:
/// part of the key of the file declaring them.
fn person_key(person: &crate::model::Person) -> String {
    format!(
        "{:?}",
        (
            &person.id,
            &person.name,
            &person.role,
            &person.team,
            &person.email,
            person.reports_to.as_ref().map(|r| &r.value),
        )
    )
}

fn data_pages(playbook: &Playbook) -> impl Iterator<Item = (&str, String)> {
    // People by the file declaring them, once: not a scan of everyone per page.
    let mut declared: HashMap<&str, Vec<String>> = HashMap::new();
    for person in &playbook.people {
        declared
            .entry(&*person.span.file)
            .or_default()
            .push(person_key(person));
    }
    playbook
        .pages
        .iter()
        .filter(|p| is_data(&p.kind))
        .map(move |p| {
            let people = declared.get(p.file.as_str()).map_or(&[][..], Vec::as_slice);
            (p.file.as_str(), nav_key(p, people))
        })
}

/// `data_pages`' key of the one file `path`, when it is a data page: an
/// edit's plan asks for the edited files' only (at 5,000 pairs, keying
/// every roster's 10,000 people cost a roster edit 5 ms before its page
/// was shown).
fn data_key(playbook: &Playbook, path: &str) -> Option<String> {
    let page = &playbook.pages[playbook.page_of_file(path)?];
    if !is_data(&page.kind) {
        return None;
    }
    let declared: Vec<String> = playbook
        .people
        .iter()
        .filter(|p| &*p.span.file == path)
        .map(person_key)
        .collect();
    Some(nav_key(page, &declared))
}

fn plain_pages(playbook: &Playbook) -> impl Iterator<Item = &str> {
    playbook
        .pages
        .iter()
        // A page with aliases has redirect files, which only a full
        // render writes: an edit to its front matter renders everything.
        .filter(|p| matches!(p.kind, Kind::Page) && p.aliases.is_empty())
        .map(|p| p.file.as_str())
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
        let plain = plain_pages(playbook).map(str::to_string).collect();
        let data = data_pages(playbook)
            .map(|(file, key)| (file.to_string(), key))
            .collect();
        Basis {
            sources,
            tasks,
            plain,
            data,
        }
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
            || !same(&sources.snippets, &old.snippets)
            || sources
                .snippets
                .iter()
                .zip(&old.snippets)
                .any(|(a, b)| a.text != b.text)
        {
            return Plan::Everything;
        }
        let tasks = tasks_of(playbook);
        let plain: HashSet<&str> = plain_pages(playbook).collect();
        let mut changed = HashSet::new();
        let mut bodies_only = true;
        let mut data_edit = false;
        let mut plain_front_matter = false;
        for (file, before) in sources.content.iter().zip(&old.content) {
            if file.text == before.text {
                continue;
            }
            let now = tasks.get(file.path.as_str());
            if load::front_matter_text(&file.text) != load::front_matter_text(&before.text)
                || now != self.tasks.get(&file.path)
            {
                // Other pages show this one's title, description or place
                // (and, for goals, steps or rosters, much more).
                let path = file.path.as_str();
                if data_key(playbook, path).is_some_and(|now| self.data.get(path) == Some(&now)) {
                    data_edit = true;
                } else if !(plain.contains(path) && self.plain.contains(path)) {
                    return Plan::Everything;
                } else {
                    plain_front_matter = true;
                }
                bodies_only = false;
            }
            changed.insert(file.path.clone());
        }
        if changed.is_empty() {
            // The sources are as they were: a template or asset changed.
            return Plan::Everything;
        }
        if data_edit && plain_front_matter {
            // A plain page's title is in every page's navigation, which a
            // data edit's pages do not follow (a save-all or a pull
            // brings both at once).
            Plan::Everything
        } else if data_edit {
            Plan::Data(changed)
        } else if bodies_only {
            Plan::Bodies(changed)
        } else {
            Plan::PlainPages(changed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(files: &[(&str, &str)]) -> Sources {
        Sources::of_content(files)
    }

    /// The plan's kind and files, sorted.
    fn plan(before: &[(&str, &str)], after: &[(&str, &str)]) -> (&'static str, Vec<String>) {
        let before = sources(before);
        let (old_playbook, _) = crate::model::read(&before);
        let basis = Basis::new(before, &old_playbook);
        let after = sources(after);
        let (playbook, _) = crate::model::read(&after);
        let (kind, files) = match basis.plan(&after, &playbook) {
            Plan::Everything => ("everything", HashSet::new()),
            Plan::Bodies(files) => ("bodies", files),
            Plan::PlainPages(files) => ("plain pages", files),
            Plan::Data(files) => ("data", files),
        };
        let mut files: Vec<String> = files.into_iter().collect();
        files.sort();
        (kind, files)
    }

    const PAGE: &str = "---\ntitle: Pair people\n---\nMatch them.\n\n- [ ] ask\n";
    const STEP: &str =
        "---\ntitle: Pair people\nkind: step\nstatus: todo\n---\nMatch them.\n\n- [ ] ask\n";

    fn plan_of(before: &str, after: &str) -> (&'static str, Vec<String>) {
        plan(&[("content/a.md", before)], &[("content/a.md", after)])
    }

    #[test]
    fn a_body_edit_renders_that_page_only() {
        let edited = PAGE.replace("Match them.", "Match them well.");
        assert_eq!(
            plan(
                &[("content/a.md", PAGE), ("content/b.md", STEP)],
                &[("content/a.md", &edited), ("content/b.md", STEP)]
            ),
            ("bodies", vec!["content/a.md".to_string()])
        );
        let edited = STEP.replace("Match them.", "Match them well.");
        assert_eq!(plan_of(STEP, &edited).0, "bodies");
    }

    #[test]
    fn a_plain_page_front_matter_edit_renders_what_shows_it() {
        let retitled = PAGE.replace("Pair people", "Pair them");
        assert_eq!(
            plan_of(PAGE, &retitled),
            ("plain pages", vec!["content/a.md".to_string()])
        );
        // A plain page's checklist is shown on that page only.
        assert_eq!(plan_of(PAGE, &PAGE.replace("[ ]", "[x]")).0, "plain pages");
    }

    #[test]
    fn a_step_status_or_checklist_edit_is_a_data_edit() {
        let done = STEP.replace("status: todo", "status: done");
        assert_eq!(
            plan_of(STEP, &done),
            ("data", vec!["content/a.md".to_string()])
        );
        // A step's checklist counts are shown on its guide.
        assert_eq!(plan_of(STEP, &STEP.replace("[ ]", "[x]")).0, "data");
    }

    #[test]
    fn other_front_matter_checklists_new_files_and_templates_render_everything() {
        let retitled = STEP.replace("Pair people", "Pair them");
        assert_eq!(plan_of(STEP, &retitled).0, "everything");
        // A page becoming a step, or the reverse.
        assert_eq!(plan_of(PAGE, STEP).0, "everything");
        assert_eq!(
            plan(
                &[("content/a.md", PAGE)],
                &[("content/a.md", PAGE), ("content/b.md", PAGE)]
            )
            .0,
            "everything"
        );
        assert_eq!(
            plan(&[("content/a.md", PAGE)], &[("content/b.md", PAGE)]).0,
            "everything"
        );
        // Nothing in the sources changed: a template or asset did.
        assert_eq!(plan_of(PAGE, PAGE).0, "everything");
    }
}
