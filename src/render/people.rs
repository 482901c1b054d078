//! `people.html`: everyone declared, each linked to their own page, with
//! whom they report to and their pairs, by name.

use super::context::{Context, Rendering};
use super::nav::root_of;
use super::views::Link;
use crate::model::PairOverride;
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

#[derive(Debug, Clone, Serialize)]
pub struct PeopleView {
    pub rows: Vec<PersonRow>,
    /// Some row has an email to show (`people.show_emails` is on).
    pub show_emails: bool,
}

/// The people page's own part of the context, under `people`.
#[derive(Debug, Serialize)]
struct PeoplePage {
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
        let people = &self.playbook.people;
        let mut order: Vec<usize> = self.published_people().collect();
        let collation = Collation::of_language(&self.playbook.config.language);
        order.sort_by_cached_key(|&i| (collation.key(&people[i].name), people[i].id.clone()));
        let rows: Vec<PersonRow> = order
            .into_iter()
            .map(|i| {
                let p = &people[i];
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
                            href: self.person_href(&boss.id, &root)?,
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
                            href: format!(
                                "{root}{}",
                                self.playbook.pair_url(pair.program, pair.id)
                            ),
                        })
                        .collect(),
                }
            })
            .collect();
        let show_emails = rows.iter().any(|r| r.email.is_some());
        view.of_kind = Some(PeoplePage {
            people: PeopleView { rows, show_emails },
        });
        Ok((self.finish("people.html", url, &view, "data")?, None))
    }
}
