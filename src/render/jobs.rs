//! The pages a render makes, one job each, and which page builder makes
//! each; what `serve` needs to tell which pages an edit changes.

use super::context::{Context, Rendering};
use super::nav::root_of;
use crate::model::Kind;
use std::hash::{Hash, Hasher};

pub enum Job {
    Content(usize),
    Pair(usize),
    /// A listing for a section without a published `_index.md`.
    Section(usize),
    Progress,
    People,
    /// A person's page, by index in `Playbook::people`.
    Person(usize),
    NotFound,
}

impl<'a> Context<'a> {
    pub fn jobs(&self) -> Vec<Job> {
        let mut jobs: Vec<Job> = (0..self.playbook.pages.len())
            .filter(|&i| self.published[i] && !matches!(self.playbook.pages[i].kind, Kind::Pair(_)))
            .map(Job::Content)
            .collect();
        jobs.extend(
            (0..self.pairs.len())
                .filter(|&i| self.pair_published[i])
                .map(Job::Pair),
        );
        jobs.extend(
            (0..self.playbook.sections.len())
                .filter(|&s| {
                    let section = &self.playbook.sections[s];
                    (s == 0 || self.nav.section_visible(s))
                        && !section.index.is_some_and(|i| self.published[i])
                })
                .map(Job::Section),
        );
        jobs.push(Job::Progress);
        if self.published_people().next().is_some() {
            jobs.push(Job::People);
        }
        jobs.extend(self.published_people().map(Job::Person));
        jobs.push(Job::NotFound);
        jobs
    }

    /// The content file whose Markdown body `job`'s page shows: an edit to
    /// that body alone changes this page (and the search index) only.
    pub fn body_of(&self, job: &Job) -> Option<&'a str> {
        let page = match *job {
            Job::Content(page) => Some(page),
            Job::Pair(pair) => self.pairs[pair].file,
            _ => None,
        };
        page.map(|p| self.playbook.pages[p].file.as_str())
    }

    /// A hash of everything `job`'s page shows, for pages that show
    /// nothing of other pages but navigation (plain, non-index pages);
    /// `None` for the others, which must be rendered again after any edit
    /// to front matter. A plain page whose fingerprint is unchanged renders
    /// to the same bytes.
    pub fn fingerprint(&self, job: &Job) -> Option<u64> {
        let Job::Content(index) = *job else {
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

    pub fn render(&self, job: &Job) -> Rendering {
        match *job {
            Job::Content(page) => self.content_page(page),
            Job::Pair(pair) => self.pair_page(pair),
            Job::Section(section) => self.section_page(section),
            Job::Progress => self.progress_page(),
            Job::People => self.people_page(),
            Job::Person(person) => self.person_page(person),
            Job::NotFound => self.not_found_page(),
        }
    }
}
