//! What a build publishes, and at which address: which pages, pairs,
//! sections and people a build with or without `--drafts` shows, the pages
//! it renders (render's job list is `Published::pages_built`), and the map
//! of every path it writes that a link may name (`SiteMap`), which
//! `check` looks links up in. One owner, so that the links `check` accepts
//! are the files `build` writes.

use super::{Alias, Kind, Person, PersonRef, Playbook};
use crate::urls;
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
    /// A listing for a section without a published `_index.md` (the home
    /// page for section 0).
    Section(usize),
    Progress,
    /// A program's own dashboard (`<program>/progress/`), in a site with
    /// programs.
    ProgramProgress(usize),
    People,
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
        let persons: Vec<bool> = playbook
            .people
            .iter()
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
        built.extend(
            (0..playbook.sections.len())
                .filter(|&s| self.section_listed(playbook, s))
                .map(BuiltPage::Section),
        );
        built.push(BuiltPage::Progress);
        if playbook.has_programs() {
            built.extend((0..playbook.programs.len()).map(BuiltPage::ProgramProgress));
        }
        if self.people {
            built.push(BuiltPage::People);
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
            BuiltPage::Section(s) => section_listing_url(&playbook.sections[s].path),
            BuiltPage::Progress => urls::progress_url().to_string(),
            BuiltPage::ProgramProgress(p) => urls::program_progress_url(playbook.program_id(p)),
            BuiltPage::People => urls::people_url().to_string(),
            BuiltPage::Person(i) => urls::person_url(&playbook.people[i].id),
            BuiltPage::Print => urls::print_url().to_string(),
            BuiltPage::NotFound => urls::NOT_FOUND.to_string(),
        }
    }
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
        for drafts in [false, true] {
            let published = Published::of(playbook, drafts);
            for page in published.pages_built(playbook) {
                map.add(page.address(playbook), Target::Page(page), drafts);
            }
            for export in [
                urls::PROGRESS_CSV,
                urls::GOALS_CSV,
                urls::PROGRESS_JSON,
                urls::CALENDAR,
            ] {
                map.add(export.to_string(), Target::File, drafts);
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
mod tests {
    use super::*;
    use crate::source::load::Sources;

    fn playbook(files: &[(&str, &str)]) -> Playbook {
        let sources = Sources {
            assets: vec!["img/team.png".into()],
            ..Sources::of_content(files)
        };
        crate::model::read(&sources).0
    }

    #[test]
    fn the_map_holds_what_each_build_writes() {
        let site = SiteMap::of(&playbook(&[
            ("content/about/faq.md", "---\ntitle: FAQ\n---\n"),
            (
                "content/notes/idea.md",
                "---\ntitle: Idea\ndraft: true\n---\n",
            ),
            (
                "content/cohorts/next.md",
                "---\ntitle: Next\nkind: roster\ndraft: true\npeople:\n  - {id: a, name: A}\n  - {id: b, name: B}\npairs:\n  - {id: a-b, mentor: a, mentee: b}\n---\n",
            ),
        ]));
        let at = |path: &str| site.get(path).map(|a| (a.target, a.drafts_only));
        let page = |p| Some((Target::Page(p), false));
        assert_eq!(at(""), page(BuiltPage::Section(0)));
        assert_eq!(at("index.html"), at(""));
        assert_eq!(at("about/"), at("about/index.html"));
        assert!(matches!(
            at("about/faq/"),
            Some((Target::Page(BuiltPage::Content(_)), false))
        ));
        assert_eq!(at("about/faq/index.html"), at("about/faq/"));
        assert_eq!(at("about/faq"), None);
        assert_eq!(at("progress/"), page(BuiltPage::Progress));
        assert_eq!(at("404.html"), page(BuiltPage::NotFound));
        assert_eq!(at("print/"), page(BuiltPage::Print));
        for file in ["progress.csv", "progress.json", "goals.csv", "calendar.ics"] {
            assert_eq!(at(file), Some((Target::File, false)), "{file}");
        }
        assert_eq!(at("static/img/team.png"), Some((Target::File, false)));
        // Only --drafts builds the draft page, its folder's listing, the
        // draft roster's pair and the people only it declares.
        assert!(matches!(at("notes/idea/"), Some((_, true))));
        assert!(matches!(at("notes/"), Some((_, true))));
        assert_eq!(
            at("pairs/a-b/"),
            Some((Target::Page(BuiltPage::Pair(0)), true))
        );
        assert_eq!(at("pairs/a-b/sessions.ics"), Some((Target::File, true)));
        assert_eq!(at("people/"), Some((Target::Page(BuiltPage::People), true)));
        assert_eq!(
            at("people/a/"),
            Some((Target::Page(BuiltPage::Person(0)), true))
        );
        // A proposal's people have no calendar of their own, even then.
        assert_eq!(at("people/a/sessions.ics"), None);
        assert_eq!(at("search/index.js"), None);
    }
}
