//! The pages a render makes, one job each, and which page builder makes
//! each; what `serve` needs to tell which pages an edit changes.

use super::PageRecord;
use super::context::{Context, Rendering};
use super::nav::root_of;
use crate::model::Kind;
use crate::model::directory::PEOPLE_PER_PAGE;
use crate::model::site::BuiltPage;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

mod change;
pub use change::{Change, PairPrint};

/// A page to render: one of the pages `model::site` says the build
/// publishes (so `check` knows every address a link may name).
pub type Job = BuiltPage;

impl<'a> Context<'a> {
    pub fn jobs(&self) -> Vec<Job> {
        let mut jobs = self.publishes.pages_built(self.playbook);
        jobs.extend(super::attention::extra_pages(
            self,
            &self.attention_pairs(None),
        ));
        // Each program's dashboard has its own attention pages.
        if self.playbook.has_programs() {
            for program in 0..self.playbook.programs.len() {
                let pairs = self.attention_pairs(Some(program));
                jobs.extend(
                    (1..self.attention_page_count(&pairs))
                        .map(|k| BuiltPage::ProgramAttention(program, k)),
                );
            }
        }
        jobs
    }

    /// The content file whose Markdown body `job`'s page shows: an edit to
    /// that body alone changes this page (and the search index) only.
    pub fn body_of(&self, job: &Job) -> Option<&'a str> {
        let page = match *job {
            BuiltPage::Content(page) => Some(page),
            BuiltPage::Pair(pair) => self.pairs[pair].file,
            _ => None,
        };
        page.map(|p| self.playbook.pages[p].file.as_str())
    }

    /// Whether `job`'s page shows the Markdown body of content file
    /// `file`: its own page does, and so does `print/` for every page it
    /// prints.
    pub fn shows_body_of(&self, job: &Job, file: &str) -> bool {
        match job {
            BuiltPage::Print => self
                .playbook
                .page_of_file(file)
                .is_some_and(|p| self.printed(p)),
            _ => self.body_of(job) == Some(file),
        }
    }

    /// A hash of everything `job`'s page shows, for plain, non-index pages
    /// (which show nothing of other pages but navigation), attention pages
    /// and the people directory's pages (`views::view_fingerprint`);
    /// `None` for the others, which must be rendered again after any edit
    /// that can change them. A page whose fingerprint is unchanged renders
    /// to the same bytes.
    pub fn fingerprint(&self, job: &Job) -> Option<u64> {
        let index = match *job {
            BuiltPage::Content(index) => index,
            BuiltPage::Attention(k) => return Some(self.attention_print(None, k)),
            BuiltPage::ProgramAttention(program, k) => {
                return Some(self.attention_print(Some(program), k));
            }
            BuiltPage::PeopleInitial(letter, k) => {
                return Some(self.people_initial_fingerprint(letter, k));
            }
            _ => return None,
        };
        let page = &self.playbook.pages[index];
        if !matches!(page.kind, Kind::Page) || page.is_index || page.url.is_empty() {
            return None;
        }
        let root = root_of(&page.url);
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (
            &page.file,
            &page.url,
            &page.title,
            &page.description,
            &*page.body,
            page.section,
        )
            .hash(&mut hasher);
        self.updated.get(&page.file).hash(&mut hasher);
        self.nav
            .sidebar_fingerprint(page.section, &root)
            .hash(&mut hasher);
        self.nav
            .breadcrumbs(page.section, true, &root)
            .hash(&mut hasher);
        self.nav.prev_next(index, &root).hash(&mut hasher);
        Some(hasher.finish())
    }

    /// Whether a plain page must be rendered again after an edit to the
    /// plain pages `changed`: it shows one of their bodies, or what it
    /// shows of the others changed (see `fingerprint`).
    pub fn plain_page_changed(
        &self,
        job: &Job,
        changed: &HashSet<String>,
        before: Option<&PageRecord>,
    ) -> bool {
        self.body_of(job).is_some_and(|f| changed.contains(f))
            || self
                .fingerprint(job)
                .is_none_or(|now| before.and_then(|b| b.fingerprint) != Some(now))
    }

    /// Whether `job`'s page can show something `change` changed. Every
    /// kind of page is decided here, one arm each and no catch-all: a new
    /// kind of page does not compile until it says what it shows.
    pub fn touched(&self, job: &Job, change: &Change, before: &PageRecord) -> bool {
        let changed = |page: usize| change.files.contains(&self.playbook.pages[page].file);
        match *job {
            BuiltPage::Content(i) => {
                let page = &self.playbook.pages[i];
                match &page.kind {
                    // Plain pages show nothing of pairs, steps or goals.
                    Kind::Page => self.plain_page_changed(job, change.files, Some(before)),
                    // Goals' figures come from every pair and step.
                    Kind::Goals(_) => true,
                    // A guide shows its steps' status and checklists; a
                    // step, its guide's progress.
                    Kind::Guide | Kind::Step(_) => {
                        changed(i) || change.guides.contains(&page.section)
                    }
                    // A session template counts the pairs using it: it
                    // changes with a changed pair naming it, before or after.
                    Kind::Session(_) => changed(i) || change.templates.contains(page.id.as_str()),
                    Kind::Roster(_) => changed(i) || change.rosters.contains(&i),
                    // Pair files are rendered as their pair's page.
                    Kind::Pair(_) => changed(i),
                    // Survey results are split by cohort and role.
                    Kind::Surveys(_) => true,
                }
            }
            // A later page of a roster's pairs, as the roster's own.
            BuiltPage::RosterPage(i, _) => changed(i) || change.rosters.contains(&i),
            BuiltPage::Pair(p) => {
                change.pairs.contains(&p)
                    || change.neighbours.contains(&p)
                    || self.pairs[p].file.is_some_and(changed)
            }
            // The home listing shows the program's figures.
            BuiltPage::Section(_) => true,
            BuiltPage::Progress => true,
            // The pairs needing attention, from every pair's progress:
            // a page whose rows are as they were is left as it was.
            BuiltPage::Attention(_) => {
                !change.rosters.is_empty() && self.fingerprint(job) != before.fingerprint
            }
            // A program's dashboard and attention pages, as the site's.
            BuiltPage::ProgramProgress(_) => true,
            BuiltPage::ProgramAttention(..) => {
                !change.rosters.is_empty() && self.fingerprint(job) != before.fingerprint
            }
            // Who is in which pair, with each pair's status.
            BuiltPage::People => true,
            // One initial's people, each with their pairs.
            BuiltPage::PeopleInitial(letter, k) => {
                self.lists_any(letter, k, &change.people)
                    && self.fingerprint(job) != before.fingerprint
            }
            BuiltPage::Person(p) => change.people.contains(&p),
            // It prints goals, guides and steps.
            BuiltPage::Print => true,
            // Navigation only, which a data edit leaves as it was.
            BuiltPage::NotFound => false,
        }
    }

    /// Whether page `k` of the people directory's `letter` lists one of
    /// `people` (a page the directory no longer has: yes).
    fn lists_any(&self, letter: Option<char>, k: usize, people: &HashSet<usize>) -> bool {
        self.publishes
            .initials
            .iter()
            .find(|g| g.letter == letter)
            .is_none_or(|g| {
                g.people
                    .iter()
                    .skip(k * PEOPLE_PER_PAGE)
                    .take(PEOPLE_PER_PAGE)
                    .any(|p| people.contains(p))
            })
    }

    pub fn render(&self, job: &Job) -> Rendering {
        match *job {
            BuiltPage::Content(page) => self.content_page(page),
            BuiltPage::Pair(pair) => self.pair_page(pair),
            BuiltPage::RosterPage(page, k) => self.roster_page(page, k),
            BuiltPage::Section(section) => self.section_page(section),
            BuiltPage::Progress => self.progress_page(None),
            BuiltPage::ProgramProgress(program) => self.progress_page(Some(program)),
            BuiltPage::Attention(k) => {
                let (progress_url, pairs) = self.attention_of(None);
                self.attention_page(&progress_url, &pairs, k)
            }
            BuiltPage::ProgramAttention(program, k) => {
                let (progress_url, pairs) = self.attention_of(Some(program));
                self.attention_page(&progress_url, &pairs, k)
            }
            BuiltPage::People => self.people_page(),
            BuiltPage::PeopleInitial(letter, k) => self.people_initial_page(letter, k),
            BuiltPage::Person(person) => self.person_page(person),
            BuiltPage::Print => self.print_page(),
            BuiltPage::NotFound => self.not_found_page(),
        }
    }

    /// The address of the site's dashboard (program `scope`'s), and the
    /// pairs its attention pages pick from.
    fn attention_of(&self, scope: Option<usize>) -> (String, Vec<usize>) {
        let progress_url = match scope {
            None => crate::urls::progress_url().to_string(),
            Some(program) => crate::urls::program_progress_url(self.playbook.program_id(program)),
        };
        (progress_url, self.attention_pairs(scope))
    }

    /// The pairs the attention pages of the site's dashboard (program
    /// `scope`'s) pick from.
    fn attention_pairs(&self, scope: Option<usize>) -> Vec<usize> {
        self.pairs_of_rosters(&self.published_rosters(scope))
    }

    /// `attention_fingerprint` of the dashboard's (program `scope`'s)
    /// attention page `k`.
    fn attention_print(&self, scope: Option<usize>, k: usize) -> u64 {
        let (progress_url, pairs) = self.attention_of(scope);
        self.attention_fingerprint(&progress_url, &pairs, k)
    }
}
