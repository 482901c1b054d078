//! The people directory: `people.html` at `people/`, the initials of
//! everyone declared with how many people each has, and
//! `people-initial.html`, the people of one initial (paged), each linked to
//! their own page, with whom they report to and their pairs, by name. No
//! page lists the whole organisation.

use super::attention::Pager;
use super::context::{Context, Rendering};
use super::nav::root_of;
use super::views::{Link, PageView};
use crate::model::PairOverride;
use crate::model::directory::{Initial, PEOPLE_PER_PAGE};
use crate::text::Collation;
use crate::urls::{self, person_anchor};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct PersonRow {
    pub id: String,
    pub anchor: String,
    /// The person's own page.
    pub href: String,
    pub name: String,
    pub role: String,
    pub team: String,
    /// Only when `people.show_emails` is on.
    pub email: Option<String>,
    pub reports_to: Option<Link>,
    pub pairs: Vec<Link>,
}

/// One initial on the directory's index.
#[derive(Debug, Clone, Serialize)]
pub struct InitialLink {
    /// "A", or "Other" for names that start with no letter.
    pub label: String,
    pub href: String,
    pub count: usize,
    /// The page shown is this initial's.
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeopleIndexView {
    pub initials: Vec<InitialLink>,
    pub total: usize,
    /// Everyone, when they fit on one page (a small program's directory
    /// reads as one table); empty otherwise.
    pub rows: Vec<PersonRow>,
    pub show_emails: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeopleView {
    pub rows: Vec<PersonRow>,
    /// Some row has an email to show (`people.show_emails` is on).
    pub show_emails: bool,
    pub initials: Vec<InitialLink>,
    pub pager: Option<Pager>,
}

/// The directory index's own part of the context, under `people`.
#[derive(Debug, Serialize)]
struct PeoplePage {
    people: PeopleIndexView,
}

/// An initial's page's own part of the context, under `people`.
#[derive(Debug, Serialize)]
struct InitialPage {
    people: PeopleView,
}

impl Context<'_> {
    pub(super) fn people_page(&self) -> Rendering {
        let url = urls::people_url();
        let root = root_of(url);
        let mut view =
            self.blank::<PeoplePage>(url, self.playbook.messages.get("ui-people"), "people");
        view.sidebar = self.nav.sidebar_html(0, url, &root);
        view.breadcrumbs = self.nav.breadcrumbs(0, true, &root);
        let total = self.publishes.initials.iter().map(|g| g.people.len()).sum();
        let rows: Vec<PersonRow> = if total <= PEOPLE_PER_PAGE {
            let mut everyone: Vec<usize> = self
                .publishes
                .initials
                .iter()
                .flat_map(|g| g.people.iter().copied())
                .collect();
            // By name across initials ("Other" is last among initials).
            let collation = Collation::of_language(&self.playbook.config.language);
            let people = &self.playbook.people;
            everyone
                .sort_by_cached_key(|&i| (collation.key(&people[i].name), people[i].id.clone()));
            everyone
                .into_iter()
                .map(|i| self.person_row(i, &root))
                .collect()
        } else {
            Vec::new()
        };
        view.of_kind = Some(PeoplePage {
            people: PeopleIndexView {
                initials: self.initial_links(&root, None),
                total,
                show_emails: rows.iter().any(|r| r.email.is_some()),
                rows,
            },
        });
        Ok((self.finish("people.html", url, &view, "data")?, None))
    }

    fn initial_links(&self, root: &str, current: Option<Option<char>>) -> Vec<InitialLink> {
        self.publishes
            .initials
            .iter()
            .map(|g| InitialLink {
                label: self.initial_label(g),
                href: format!("{root}{}", urls::people_initial_url(g.letter, 0)),
                count: g.people.len(),
                current: current == Some(g.letter),
            })
            .collect()
    }

    fn initial_label(&self, initial: &Initial) -> String {
        initial.letter.map_or_else(
            || self.playbook.messages.get("ui-people-other"),
            String::from,
        )
    }

    /// Page `k` (from 0) of the people filed under `letter`.
    pub(super) fn people_initial_page(&self, letter: Option<char>, k: usize) -> Rendering {
        let (url, view) = self.people_initial_view(letter, k);
        Ok((
            self.finish("people-initial.html", &url, &view, "data")?,
            None,
        ))
    }

    /// A hash of everything page `k` of initial `letter`'s people shows
    /// (`views::view_fingerprint`): a roster edit renders it again only
    /// when a row it lists changed, not for every session of its people.
    pub(super) fn people_initial_fingerprint(&self, letter: Option<char>, k: usize) -> u64 {
        let (url, view) = self.people_initial_view(letter, k);
        super::views::view_fingerprint(&url, &view)
    }

    fn people_initial_view(
        &self,
        letter: Option<char>,
        k: usize,
    ) -> (String, PageView<'_, InitialPage>) {
        let url = urls::people_initial_url(letter, k);
        let root = root_of(&url);
        let empty = Initial {
            letter,
            people: Vec::new(),
        };
        let initial = self
            .publishes
            .initials
            .iter()
            .find(|g| g.letter == letter)
            .unwrap_or(&empty);
        let label = self.initial_label(initial);
        let pages = initial.pages();
        let m = &self.playbook.messages;
        let title = if pages > 1 {
            m.text(
                "ui-people-initial-page",
                &[
                    ("initial", label.as_str().into()),
                    ("page", (k + 1).into()),
                    ("pages", pages.into()),
                ],
            )
        } else {
            m.text("ui-people-initial", &[("initial", label.as_str().into())])
        };
        let mut view = self.blank::<InitialPage>(&url, title, "people");
        view.sidebar = self.nav.sidebar_html_within(0, urls::people_url(), &root);
        view.breadcrumbs = self.nav.breadcrumbs(0, true, &root);
        view.breadcrumbs.push(Link {
            title: m.get("ui-people"),
            href: format!("{root}{}", urls::people_url()),
        });
        let start = (k * PEOPLE_PER_PAGE).min(initial.people.len());
        let end = ((k + 1) * PEOPLE_PER_PAGE).min(initial.people.len());
        let rows: Vec<PersonRow> = initial.people[start..end]
            .iter()
            .map(|&i| self.person_row(i, &root))
            .collect();
        let show_emails = rows.iter().any(|r| r.email.is_some());
        view.of_kind = Some(InitialPage {
            people: PeopleView {
                rows,
                show_emails,
                initials: self.initial_links(&root, Some(letter)),
                pager: (pages > 1)
                    .then(|| Pager::new(k, pages, &root, |k| urls::people_initial_url(letter, k))),
            },
        });
        (url, view)
    }

    fn person_row(&self, i: usize, root: &str) -> PersonRow {
        let p = &self.playbook.people[i];
        PersonRow {
            id: p.id.clone(),
            anchor: person_anchor(&p.id),
            href: format!("{root}{}", urls::person_url(&p.id)),
            name: p.name.clone(),
            role: p.role.clone(),
            team: p.team.clone(),
            email: (self.playbook.config.show_emails && !p.email.is_empty())
                .then(|| p.email.clone()),
            reports_to: p.reports_to.as_ref().and_then(|r| {
                let boss = self.playbook.person(&r.value)?;
                Some(Link {
                    title: boss.name.clone(),
                    href: self.person_href(&boss.id, root)?,
                })
            }),
            pairs: self
                .people
                .pairs_of(i)
                .iter()
                .map(|&(pair, _)| &self.pairs[pair])
                .filter(|pair| pair.status != Some(PairOverride::Withdrawn))
                .map(|pair| Link {
                    title: self.pair_title(pair),
                    href: format!("{root}{}", self.playbook.pair_url(pair.program, pair.id)),
                })
                .collect(),
        }
    }
}
