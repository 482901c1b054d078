//! `person.html`: one person's page (`people/<id>/`): who they are, whom
//! they report to and who reports to them, their pairs with status and
//! next session, and their own calendar (`people/<id>/sessions.ics`).
//!
//! Pairs arrive as `PublicPair`s, so a confidential pair shows here what
//! it shows on its own page (its title as `Pair::public` gives it, its
//! status and dates) and its sessions reach the calendar as they reach the
//! pair's own calendar: the events are the pair calendar's, made by
//! `calendars::pair_events`.

use super::calendars::pair_events;
use super::context::{Context, Rendering};
use super::nav::root_of;
use super::views::{Link, PairRow, PersonView, pair_row, person_view};
use super::{OutputFile, ics, search};
use crate::model::Person;
use crate::urls;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct PersonPageView {
    pub id: String,
    pub name: String,
    pub role: String,
    pub team: String,
    /// Only when `people.show_emails` is on.
    pub email: Option<String>,
    /// Whom they report to (`reports_to`).
    pub manager: Option<Link>,
    /// Who reports to them, by name.
    pub reports: Vec<Link>,
    /// Their pairs, as mentor or mentee, in roster order.
    pub pairs: Vec<PersonPair>,
    /// Their calendar file, relative to the page (`sessions.ics`), when
    /// they are in a pair that has one.
    pub calendar: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonPair {
    /// The pair's title as every output shows it (`Pair::public`).
    pub title: String,
    pub href: String,
    /// `mentor` or `mentee`: this person's side of the pair.
    pub side: &'static str,
    /// The other person of the pair.
    pub with: PersonView,
    /// A pair of a draft roster (built with `--drafts` only).
    pub draft: bool,
    /// Its program's title, in a site with programs; else empty.
    pub program: String,
    pub row: PairRow,
}

/// A person page's own part of the context, under `person`.
#[derive(Debug, Serialize)]
struct PersonPage {
    person: PersonPageView,
}

impl Context<'_> {
    /// The page of the published person `id`, from `root`: `None` for an
    /// id no published person has (a name typed as a step's owner, a
    /// person only a draft roster declares).
    pub(super) fn person_href(&self, id: &str, root: &str) -> Option<String> {
        let i = self.playbook.person_index(id)?;
        self.publishes.persons[i].then(|| format!("{root}{}", urls::person_url(id)))
    }

    pub(super) fn person_page(&self, i: usize) -> Rendering {
        let person = &self.playbook.people[i];
        let url = urls::person_url(&person.id);
        let root = root_of(&url);
        let mut view = self.blank::<PersonPage>(&url, person.name.clone(), "person");
        view.draft = self
            .playbook
            .declared_in(person)
            .is_some_and(|page| self.playbook.pages[page].draft);
        view.sidebar = self.nav.sidebar_html_within(0, urls::people_url(), &root);
        view.breadcrumbs = self.nav.breadcrumbs(0, true, &root);
        view.breadcrumbs.push(Link {
            title: self.playbook.messages.get("ui-people"),
            href: format!("{root}{}", urls::people_url()),
        });
        let link = |other: &Person| Link {
            title: other.name.clone(),
            href: format!("{root}{}", urls::person_url(&other.id)),
        };
        let manager = person
            .reports_to
            .as_ref()
            .and_then(|r| self.playbook.person_index(&r.value))
            .filter(|&m| self.publishes.persons[m])
            .map(|m| link(&self.playbook.people[m]));
        let pairs: Vec<PersonPair> = self
            .people
            .pairs_of(i)
            .iter()
            .map(|&(p, side)| self.person_pair(p, side, &root))
            .collect();
        let page = PersonPageView {
            id: person.id.clone(),
            name: person.name.clone(),
            role: person.role.clone(),
            team: person.team.clone(),
            email: (self.playbook.config.show_emails && !person.email.is_empty())
                .then(|| person.email.clone()),
            manager,
            reports: self
                .people
                .reports_of(i)
                .iter()
                .map(|&r| link(&self.playbook.people[r]))
                .collect(),
            pairs,
            calendar: self.publishes.person_calendars[i].then(|| "sessions.ics".to_string()),
        };
        view.description = [person.role.as_str(), person.team.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        let text = view.description.clone();
        view.of_kind = Some(PersonPage { person: page });
        let source = &*person.span.file;
        self.source_facts(&mut view, source);
        let file = self.finish("person.html", &url, &view, source)?;
        let entry = search::entry(
            search::Found::Person,
            &person.name,
            &self.playbook.messages.get("ui-people"),
            &url,
            &[],
            &[&text],
        );
        Ok((file, Some(entry)))
    }

    fn person_pair(&self, p: usize, side: &'static str, root: &str) -> PersonPair {
        let pair = &self.pairs[p];
        let other = if side == "mentor" {
            pair.mentee
        } else {
            pair.mentor
        };
        PersonPair {
            title: self.pair_title(pair),
            href: format!("{root}{}", self.playbook.pair_url(pair.program, pair.id)),
            side,
            with: person_view(self.playbook, other, root),
            draft: pair.draft,
            program: if self.playbook.has_programs() {
                self.playbook
                    .programs
                    .get(pair.program)
                    .map_or_else(String::new, |p| p.title.clone())
            } else {
                String::new()
            },
            row: pair_row(self.playbook, pair, &self.pair_progress[p], root),
        }
    }

    /// `people/<id>/sessions.ics` of every person `model::site` gives a
    /// calendar: the events of their pairs' own calendars, together, but a
    /// draft roster's proposals, which have their own calendar only.
    pub(super) fn person_calendars(&self) -> Vec<OutputFile> {
        let as_of = self.options.as_of;
        (0..self.playbook.people.len())
            .filter(|&i| self.publishes.person_calendars[i])
            .map(|i| {
                let events: Vec<ics::Event> = self
                    .people
                    .pairs_of(i)
                    .iter()
                    .map(|&(p, _)| &self.pairs[p])
                    .filter(|pair| !pair.draft)
                    .flat_map(|pair| pair_events(self.playbook, self.published, pair, as_of))
                    .collect();
                let person = &self.playbook.people[i];
                let name = self
                    .playbook
                    .messages
                    .text("ui-ics-calendar", &[("name", person.name.as_str().into())]);
                OutputFile {
                    path: urls::person_calendar_path(&person.id),
                    bytes: ics::calendar(&name, as_of, &events).into_bytes(),
                }
            })
            .collect()
    }
}
