//! What a build publishes, and at which address: which pages, pairs,
//! sections and people a build with or without `--drafts` shows, the pages
//! it renders (render's job list is `Published::pages_built`), and the map
//! of every path it writes that a link may name (`SiteMap`), which
//! `check` looks links up in. One owner, so that the links `check` accepts
//! are the files `build` writes.

use super::{Alias, Kind, Person, PersonRef, Playbook};
use crate::urls;
use rayon::prelude::*;
use std::collections::HashMap;

/// Which pages, pairs and sections a build publishes, and whether it has
/// a people page.
#[derive(Debug, Clone)]
pub struct Published {
    /// By page index: drafts only with `--drafts`.
    pub pages: Vec<bool>,
    /// By pair index: a pair is published when its roster is.
    pub pairs: Vec<bool>,
    /// By section index: a section shows in navigation (and gets a
    /// listing when it has no published `_index.md`) when it holds a
    /// published page that is not a pair file, itself or below.
    pub sections: Vec<bool>,
    /// Some published person: the people page is built.
    pub people: bool,
    /// By person index: the person has a page (`people/<id>/`), as they
    /// are on the people page.
    pub persons: Vec<bool>,
    /// The people directory's pages: the published people by initial.
    pub initials: Vec<super::directory::Initial>,
    /// By person index: their calendar (`people/<id>/sessions.ics`) is
    /// written: they are in a published pair that is no draft roster's
    /// proposal (which, like every proposal, has its own calendar only).
    pub person_calendars: Vec<bool>,
}

/// A page a build renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltPage {
    /// A content file (not a pair file) at its `url`.
    Content(usize),
    /// A pair's page, by pair index, whether or not it has a file.
    Pair(usize),
    /// Page `k` (from 1: page 0 is the roster's own) of a roster's pairs,
    /// by page index, when it has more than `ROSTER_PER_PAGE`.
    RosterPage(usize, usize),
    /// A listing for a section without a published `_index.md` (the home
    /// page for section 0).
    Section(usize),
    Progress,
    /// A program's own dashboard (`<program>/progress/`), in a site with
    /// programs.
    ProgramProgress(usize),
    /// Page `k` (from 0) of the dashboard's pairs needing attention. The
    /// first is always built (content may link it); how many more depends
    /// on progress, so render adds those (`render::attention`).
    Attention(usize),
    /// Page `k` of a program's dashboard's pairs needing attention
    /// (`<program>/progress/attention/`), as `Attention` is the site's.
    ProgramAttention(usize, usize),
    /// The people directory: its initials, with counts.
    People,
    /// Page `k` (from 0) of the people whose names start with a letter
    /// (`None`: with no letter); `Published::initials` holds them.
    PeopleInitial(Option<char>, usize),
    /// A person's page, by person index.
    Person(usize),
    /// The whole playbook on one page, to print.
    Print,
    NotFound,
}

impl Published {
    pub fn of(playbook: &Playbook, drafts: bool) -> Published {
        let pages: Vec<bool> = playbook.pages.iter().map(|p| drafts || !p.draft).collect();
        let pairs = playbook.pairs.iter().map(|p| p.published(&pages)).collect();
        let sections = visible_sections(playbook, &pages);
        // On every core: 10,000 people at 5,000 pairs, on each edit.
        let persons: Vec<bool> = playbook
            .people
            .par_iter()
            .map(|p| person_published(playbook, &pages, p))
            .collect();
        let mut person_calendars = vec![false; persons.len()];
        for (pair, _) in playbook
            .pairs
            .iter()
            .zip(&pairs)
            .filter(|(pair, published): &(&super::Pair, &bool)| **published && !pair.draft)
        {
            for person in [&pair.mentor, &pair.mentee] {
                if let Some(PersonRef::Id(id)) = person
                    && let Some(i) = playbook.person_index(&id.value)
                {
                    person_calendars[i] = persons[i];
                }
            }
        }
        Published {
            initials: super::directory::initials(playbook, &persons),
            pages,
            pairs,
            sections,
            people: persons.contains(&true),
            persons,
            person_calendars,
        }
    }

    /// Every page the build renders, in render's order.
    pub fn pages_built(&self, playbook: &Playbook) -> Vec<BuiltPage> {
        let mut built: Vec<BuiltPage> = (0..playbook.pages.len())
            .filter(|&i| self.pages[i] && !matches!(playbook.pages[i].kind, Kind::Pair(_)))
            .map(BuiltPage::Content)
            .collect();
        built.extend(
            (0..self.pairs.len())
                .filter(|&i| self.pairs[i])
                .map(BuiltPage::Pair),
        );
        for (i, page) in playbook.pages.iter().enumerate() {
            if let (true, Kind::Roster(roster)) = (self.pages[i], &page.kind) {
                let pages = roster_pages(roster.pairs.len());
                built.extend((1..pages).map(|k| BuiltPage::RosterPage(i, k)));
            }
        }
        built.extend(
            (0..playbook.sections.len())
                .filter(|&s| self.section_listed(playbook, s))
                .map(BuiltPage::Section),
        );
        built.push(BuiltPage::Progress);
        built.push(BuiltPage::Attention(0));
        if playbook.has_programs() {
            for program in 0..playbook.programs.len() {
                built.push(BuiltPage::ProgramProgress(program));
                built.push(BuiltPage::ProgramAttention(program, 0));
            }
        }
        if self.people {
            built.push(BuiltPage::People);
        }
        for initial in &self.initials {
            built.extend((0..initial.pages()).map(|k| BuiltPage::PeopleInitial(initial.letter, k)));
        }
        built.extend(
            (0..self.persons.len())
                .filter(|&i| self.persons[i])
                .map(BuiltPage::Person),
        );
        built.push(BuiltPage::Print);
        built.push(BuiltPage::NotFound);
        built
    }

    /// The redirect pages the build writes: one at each alias of a page it
    /// renders from a content file, and of a pair it publishes as
    /// `Pair::public` shows it (a confidential pair's are withheld). A
    /// draft's aliases only with `--drafts`, as the draft itself.
    pub fn redirects<'a>(&self, playbook: &'a Playbook) -> Vec<Redirect<'a>> {
        let pages = (0..playbook.pages.len())
            .filter(|&i| self.pages[i] && !matches!(playbook.pages[i].kind, Kind::Pair(_)))
            .flat_map(|i| {
                playbook.pages[i].aliases.iter().map(move |alias| Redirect {
                    alias,
                    to: BuiltPage::Content(i),
                })
            });
        let pairs = (0..playbook.pairs.len())
            .filter(|&i| self.pairs[i])
            .flat_map(|i| {
                playbook.pairs[i]
                    .public(&self.pages)
                    .aliases
                    .iter()
                    .map(move |alias| Redirect {
                        alias,
                        to: BuiltPage::Pair(i),
                    })
            });
        pages.chain(pairs).collect()
    }

    /// The roster pages whose cohort calendar (`<roster>/sessions.ics`) is
    /// written: published, and no draft (a proposal's pairs have their own
    /// calendars only).
    pub fn cohort_calendars(&self, playbook: &Playbook) -> Vec<usize> {
        (0..playbook.pages.len())
            .filter(|&i| {
                let page = &playbook.pages[i];
                self.pages[i] && !page.draft && matches!(page.kind, Kind::Roster(_))
            })
            .collect()
    }

    /// Whether section `s` gets a generated listing: it is visible (or the
    /// root) and has no published `_index.md` to stand for it.
    fn section_listed(&self, playbook: &Playbook, s: usize) -> bool {
        let section = &playbook.sections[s];
        (s == 0 || self.sections[s]) && !section.index.is_some_and(|i| self.pages[i])
    }
}

impl BuiltPage {
    /// Where the page is written: its address (`launch/`, `""` for the
    /// home page), or a file name (`404.html`).
    pub fn address(self, playbook: &Playbook) -> String {
        match self {
            BuiltPage::Content(i) => playbook.pages[i].url.clone(),
            BuiltPage::Pair(i) => {
                let pair = &playbook.pairs[i];
                playbook.pair_url(pair.program, &pair.id.value)
            }
            BuiltPage::RosterPage(i, k) => urls::roster_page_url(&playbook.pages[i].url, k),
            BuiltPage::Section(s) => section_listing_url(&playbook.sections[s].path),
            BuiltPage::Progress => urls::progress_url().to_string(),
            BuiltPage::ProgramProgress(p) => urls::program_progress_url(playbook.program_id(p)),
            BuiltPage::Attention(k) => urls::attention_url(urls::progress_url(), k),
            BuiltPage::ProgramAttention(p, k) => {
                urls::attention_url(&urls::program_progress_url(playbook.program_id(p)), k)
            }
            BuiltPage::People => urls::people_url().to_string(),
            BuiltPage::PeopleInitial(letter, k) => urls::people_initial_url(letter, k),
            BuiltPage::Person(i) => urls::person_url(&playbook.people[i].id),
            BuiltPage::Print => urls::print_url().to_string(),
            BuiltPage::NotFound => urls::NOT_FOUND.to_string(),
        }
    }
}

/// Pairs per page of a cohort's roster: a row is about 600 bytes.
pub const ROSTER_PER_PAGE: usize = 500;

/// How many pages a roster of `pairs` pairs takes.
pub fn roster_pages(pairs: usize) -> usize {
    pairs.div_ceil(ROSTER_PER_PAGE).max(1)
}

/// The address of a section's generated listing: its folder.
pub fn section_listing_url(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("{path}/")
    }
}

/// A redirect page: at `alias`'s address, to the page `to`.
#[derive(Debug, Clone, Copy)]
pub struct Redirect<'a> {
    pub alias: &'a Alias,
    pub to: BuiltPage,
}

/// Which sections show in navigation, given which pages are published:
/// those with a published page that is not a pair file (pair pages are
/// reached from rosters, never from the sidebar), themselves or below.
pub fn visible_sections(playbook: &Playbook, published: &[bool]) -> Vec<bool> {
    let page_visible = |p: usize| published[p] && !matches!(playbook.pages[p].kind, Kind::Pair(_));
    let mut visible = vec![false; playbook.sections.len()];
    // Children come after parents in `sections`, so walk backwards.
    for s in (0..playbook.sections.len()).rev() {
        let section = &playbook.sections[s];
        visible[s] = section.index.is_some_and(page_visible)
            || section.pages.iter().any(|&p| page_visible(p))
            || section.children.iter().any(|&c| visible[c]);
    }
    visible
}

/// Whether the people page lists `person`: not when only a roster that is
/// not published (a draft without `--drafts`) declares them.
pub fn person_published(playbook: &Playbook, published: &[bool], person: &Person) -> bool {
    playbook
        .declared_in(person)
        .is_none_or(|page| published[page])
}

/// What is at an address of the built site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Page(BuiltPage),
    /// An export, a pair's calendar or a static file.
    File,
    /// A redirect page (an alias's address) to this page.
    Redirect(BuiltPage),
}

/// An address and whether only a build with `--drafts` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Address {
    pub target: Target,
    pub drafts_only: bool,
}

/// Every path a build writes that content may link to, with or without
/// `--drafts`: pages by their address (`about/faq/`, `""` for the home
/// page), other files by their path (`progress.csv`, `static/x.png`),
/// redirect pages by their alias's address unless something else is there
/// (`check` reports the collision). The search index is left out: its
/// files are the theme's business.
#[derive(Debug, Default)]
pub struct SiteMap {
    addresses: HashMap<String, Address>,
}

impl SiteMap {
    /// Built once per check: every page, export and static file of a build
    /// without `--drafts`, then what `--drafts` adds (marked so).
    pub fn of(playbook: &Playbook) -> SiteMap {
        let mut map = SiteMap::default();
        // The two builds' pages are worked out side by side; the map is
        // filled in the same order as ever (the first build to write a
        // path decides what is there).
        let (without, with) = rayon::join(
            || Published::of(playbook, false),
            || Published::of(playbook, true),
        );
        for (drafts, published) in [(false, without), (true, with)] {
            for page in published.pages_built(playbook) {
                map.add(page.address(playbook), Target::Page(page), drafts);
            }
            for export in [urls::PROGRESS_CSV, urls::GOALS_CSV, urls::PROGRESS_JSON] {
                map.add(export.to_string(), Target::File, drafts);
            }
            for roster in published.cohort_calendars(playbook) {
                let url = &playbook.pages[roster].url;
                map.add(urls::roster_calendar_path(url), Target::File, drafts);
            }
            for (pair, _) in playbook
                .pairs
                .iter()
                .zip(&published.pairs)
                .filter(|(_, p)| **p)
            {
                map.add(
                    playbook.pair_calendar_path(pair.program, &pair.id.value),
                    Target::File,
                    drafts,
                );
            }
            for (person, _) in playbook
                .people
                .iter()
                .zip(&published.person_calendars)
                .filter(|(_, c)| **c)
            {
                map.add(urls::person_calendar_path(&person.id), Target::File, drafts);
            }
            for redirect in published.redirects(playbook) {
                let target = Target::Redirect(redirect.to);
                map.add(redirect.alias.address.clone(), target, drafts);
            }
        }
        if !playbook.config.base_url.is_empty() {
            map.add(urls::SITEMAP.to_string(), Target::File, false);
        }
        for asset in &playbook.assets {
            map.add(format!("{}{asset}", urls::STATIC_DIR), Target::File, false);
        }
        let messages = urls::SEARCH_MESSAGES_FILE;
        map.add(
            format!("{}{messages}", urls::STATIC_DIR),
            Target::File,
            false,
        );
        map
    }

    /// The first build to write `path` decides what is there.
    fn add(&mut self, path: String, target: Target, drafts_only: bool) {
        self.addresses.entry(path).or_insert(Address {
            target,
            drafts_only,
        });
    }

    /// What is at `path` (site-relative, without a leading `/`): a page
    /// by its address or its `index.html`, or a file.
    pub fn get(&self, path: &str) -> Option<Address> {
        let page = match path.strip_suffix("index.html") {
            Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
            _ => path,
        };
        self.addresses.get(page).copied()
    }

    /// Every address, in no particular order (suggestions rank them).
    pub fn paths(&self) -> impl Iterator<Item = (&str, Address)> {
        self.addresses.iter().map(|(path, a)| (path.as_str(), *a))
    }
}

#[cfg(test)]
mod tests;
