//! The pages a render makes, one job each, and which page builder makes
//! each; what `serve` needs to tell which pages an edit changes.

use super::PageRecord;
use super::context::{Context, Rendering};
use super::nav::root_of;
use crate::model::directory::PEOPLE_PER_PAGE;
use crate::model::site::BuiltPage;
use crate::model::{Kind, PersonRef, Playbook};
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// A page to render: one of the pages `model::site` says the build
/// publishes (so `check` knows every address a link may name).
pub type Job = BuiltPage;

impl<'a> Context<'a> {
    pub fn jobs(&self) -> Vec<Job> {
        let mut jobs = self.publishes.pages_built(self.playbook);
        let pairs = self.pairs_of_rosters(&self.published_rosters(None));
        jobs.extend(super::attention::extra_pages(self, &pairs));
        // Each program's dashboard has its own attention pages.
        if self.playbook.has_programs() {
            for program in 0..self.playbook.programs.len() {
                let pairs = self.pairs_of_rosters(&self.published_rosters(Some(program)));
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

    /// A hash of everything `job`'s page shows, for pages that show
    /// nothing of other pages but navigation (plain, non-index pages);
    /// `None` for the others, which must be rendered again after any edit
    /// to front matter. A plain page whose fingerprint is unchanged renders
    /// to the same bytes.
    pub fn fingerprint(&self, job: &Job) -> Option<u64> {
        let BuiltPage::Content(index) = *job else {
            return None;
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
            // The pairs needing attention, from every pair's progress.
            BuiltPage::Attention(_) => !change.rosters.is_empty(),
            // A program's dashboard and attention pages, as the site's.
            BuiltPage::ProgramProgress(_) => true,
            BuiltPage::ProgramAttention(..) => !change.rosters.is_empty(),
            // Who is in which pair, with each pair's status.
            BuiltPage::People => true,
            // One initial's people, each with their pairs.
            BuiltPage::PeopleInitial(letter, k) => self.lists_any(letter, k, &change.people),
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

    /// What each pair's pages and exports show of it, in pair order.
    pub fn pair_prints(&self) -> Vec<PairPrint> {
        (0..self.pairs.len()).map(|i| self.pair_print(i)).collect()
    }

    /// `pair_prints` after an edit to the content files `changed`, from
    /// those `before` it: a pair is read from its roster and its own file
    /// only (people, templates and settings are as they were, or
    /// everything is rendered), so the pairs of other files are as they
    /// were and only the pairs of the changed files are compared.
    pub fn pair_prints_after(
        &self,
        before: &[PairPrint],
        changed: &HashSet<String>,
    ) -> Vec<PairPrint> {
        let old: HashMap<&str, &PairPrint> = before.iter().map(|p| (p.id.as_str(), p)).collect();
        let file_changed = |page: Option<usize>| {
            page.is_some_and(|p| changed.contains(&self.playbook.pages[p].file))
        };
        // A pair's page shows its roster neighbours' titles: the pairs of
        // a roster holding a changed pair are compared again too.
        let rosters: HashSet<usize> = (0..self.pairs.len())
            .filter(|&i| {
                file_changed(Some(self.pairs[i].roster))
                    || file_changed(self.playbook.pairs[i].page)
            })
            .map(|i| self.pairs[i].roster)
            .collect();
        (0..self.pairs.len())
            .map(|i| {
                let pair = &self.pairs[i];
                match old.get(BuiltPage::Pair(i).address(self.playbook).as_str()) {
                    Some(print) if !rosters.contains(&pair.roster) => PairPrint::clone(print),
                    _ => self.pair_print(i),
                }
            })
            .collect()
    }

    fn pair_print(&self, i: usize) -> PairPrint {
        let pair = &self.pairs[i];
        let person = |p: Option<&PersonRef>| match p {
            Some(PersonRef::Id(id)) => Some(id.value.clone()),
            Some(PersonRef::Inline(person)) => Some(person.id.clone()),
            None => None,
        };
        let people = [person(pair.mentor), person(pair.mentee)];
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        // Where things were written (spans) is not shown, so a pair
        // whose lines merely moved is unchanged; inline people are
        // hashed whole, rarely used as they are.
        let inline = |p: Option<&PersonRef>| match p {
            Some(PersonRef::Inline(person)) => format!("{person:?}"),
            _ => String::new(),
        };
        (
            pair.id,
            pair.roster,
            pair.published,
            pair.draft,
            pair.title,
            &people,
        )
            .hash(&mut hasher);
        (
            inline(pair.mentor),
            inline(pair.mentee),
            pair.start,
            pair.end,
            pair.confidential,
            pair.topics,
            pair.page,
            pair.file,
        )
            .hash(&mut hasher);
        let aliases: Vec<&str> = pair.aliases.iter().map(|a| a.address.as_str()).collect();
        aliases.hash(&mut hasher);
        format!(
            "{:?}{:?}{:?}{:?}{:?}",
            pair.cadence, pair.status, pair.goals, pair.sessions, self.pair_progress[i]
        )
        .hash(&mut hasher);
        self.pair_published[i].hash(&mut hasher);
        let mut around = std::collections::hash_map::DefaultHasher::new();
        let (prev, next) = self.roster_neighbours(i, "");
        for link in [prev, next] {
            link.map(|l| (l.title, l.href)).hash(&mut around);
        }
        let mut templates: Vec<String> = pair
            .sessions
            .iter()
            .filter_map(|s| s.template.map(str::to_string))
            .collect();
        templates.sort_unstable();
        templates.dedup();
        PairPrint {
            id: BuiltPage::Pair(i).address(self.playbook),
            hash: hasher.finish(),
            around: around.finish(),
            roster: pair.roster,
            people,
            templates,
        }
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
                let pairs = self.pairs_of_rosters(&self.published_rosters(None));
                self.attention_page(crate::urls::progress_url(), &pairs, k)
            }
            BuiltPage::ProgramAttention(program, k) => {
                let pairs = self.pairs_of_rosters(&self.published_rosters(Some(program)));
                let url = crate::urls::program_progress_url(self.playbook.program_id(program));
                self.attention_page(&url, &pairs, k)
            }
            BuiltPage::People => self.people_page(),
            BuiltPage::PeopleInitial(letter, k) => self.people_initial_page(letter, k),
            BuiltPage::Person(person) => self.person_page(person),
            BuiltPage::Print => self.print_page(),
            BuiltPage::NotFound => self.not_found_page(),
        }
    }
}

/// What a render keeps of a pair to tell whether an edit changed it.
#[derive(Debug, Clone)]
pub struct PairPrint {
    /// Its page's address: what tells a pair from every other (an id
    /// alone would not, were ids unique only within a part of the site).
    id: String,
    /// Of everything outputs show of the pair, its progress included.
    hash: u64,
    /// Of the pairs before and after it in its roster, which its page
    /// links to by title.
    around: u64,
    /// The roster page listing it.
    roster: usize,
    /// Its mentor's and mentee's ids.
    people: [Option<String>; 2],
    /// The ids of the session templates its sessions name.
    templates: Vec<String>,
}

/// What a data edit changed, found by comparing each pair as it was with
/// the pair as it is (not by the files edited: one roster holds many
/// pairs, and a pair file changes its pair).
pub struct Change<'c> {
    /// The content files whose text changed.
    pub files: &'c HashSet<String>,
    /// Pairs (by index now) that changed or are new.
    pub pairs: HashSet<usize>,
    /// Pairs whose neighbours in their roster changed.
    pub neighbours: HashSet<usize>,
    /// Roster pages that list, or listed, a pair that changed, came or went.
    pub rosters: HashSet<usize>,
    /// People who are, or were, in such a pair.
    pub people: HashSet<usize>,
    /// Sections holding a step whose file changed: its guide's pages.
    pub guides: HashSet<usize>,
    /// Session templates (by id) that a pair which changed, came or went
    /// names, as it is or as it was.
    pub templates: HashSet<&'c str>,
}

impl<'c> Change<'c> {
    pub fn between(
        playbook: &Playbook,
        before: &'c [PairPrint],
        now: &'c [PairPrint],
        files: &'c HashSet<String>,
    ) -> Change<'c> {
        let old: HashMap<&str, &PairPrint> = before.iter().map(|p| (p.id.as_str(), p)).collect();
        let ids: HashSet<&str> = now.iter().map(|p| p.id.as_str()).collect();
        let mut change = Change {
            files,
            pairs: HashSet::new(),
            neighbours: HashSet::new(),
            rosters: HashSet::new(),
            people: HashSet::new(),
            guides: HashSet::new(),
            templates: HashSet::new(),
        };
        let touch = |print: &'c PairPrint, change: &mut Change<'c>| {
            change.rosters.insert(print.roster);
            change
                .templates
                .extend(print.templates.iter().map(String::as_str));
            for id in print.people.iter().flatten() {
                change.people.extend(playbook.person_index(id));
            }
        };
        for (i, print) in now.iter().enumerate() {
            let was = old.get(print.id.as_str());
            if was.is_none_or(|was| was.around != print.around) {
                change.neighbours.insert(i);
                // Moved in its roster: its people list their pairs in
                // roster order.
                for id in print.people.iter().flatten() {
                    change.people.extend(playbook.person_index(id));
                }
            }
            if was.is_some_and(|was| was.hash == print.hash) {
                continue;
            }
            change.pairs.insert(i);
            touch(print, &mut change);
            if let Some(was) = was {
                touch(was, &mut change);
            }
        }
        for gone in before.iter().filter(|p| !ids.contains(p.id.as_str())) {
            touch(gone, &mut change);
        }
        change.guides = playbook
            .pages
            .iter()
            .filter(|p| matches!(p.kind, Kind::Step(_)) && files.contains(&p.file))
            .map(|p| p.section)
            .collect();
        change
    }
}
