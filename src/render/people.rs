//! `people.html`: everyone declared, with reporting lines and pairs.

use super::context::{Context, Rendering};
use super::nav::root_of;
use super::views::Link;
use crate::model::PairOverride;
use crate::urls::{self, person_anchor};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize)]
pub struct PersonRow {
    pub id: String,
    pub anchor: String,
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
        let mut view = self.blank::<PeoplePage>(url, "People".into(), "people");
        view.sidebar = self.nav.sidebar_html(0, url, &root);
        view.breadcrumbs = self.nav.breadcrumbs(0, true, &root);
        let mut pairs_of: HashMap<&str, Vec<Link>> = HashMap::new();
        for (_, pair) in self.published_pairs() {
            if pair.status == Some(PairOverride::Withdrawn) {
                continue;
            }
            for person in [pair.mentor, pair.mentee] {
                if let Some(crate::model::PersonRef::Id(id)) = person {
                    pairs_of.entry(id.value.as_str()).or_default().push(Link {
                        title: pair.id.to_string(),
                        href: format!("{root}{}", urls::pair_url(pair.id)),
                    });
                }
            }
        }
        let mut people: Vec<&crate::model::Person> = self.published_people().collect();
        people.sort_by_key(|p| (p.name.to_lowercase(), p.id.clone()));
        let rows: Vec<PersonRow> = people
            .into_iter()
            .map(|p| PersonRow {
                id: p.id.clone(),
                anchor: person_anchor(&p.id),
                name: p.name.clone(),
                role: p.role.clone(),
                team: p.team.clone(),
                email: (self.playbook.config.show_emails && !p.email.is_empty())
                    .then(|| p.email.clone()),
                reports_to: p
                    .reports_to
                    .as_ref()
                    .and_then(|r| self.playbook.person(&r.value))
                    .map(|boss| Link {
                        title: boss.name.clone(),
                        href: format!("#{}", person_anchor(&boss.id)),
                    }),
                pairs: pairs_of.remove(p.id.as_str()).unwrap_or_default(),
            })
            .collect();
        let show_emails = rows.iter().any(|r| r.email.is_some());
        view.of_kind = Some(PeoplePage {
            people: PeopleView { rows, show_emails },
        });
        Ok((self.finish("people.html", url, &view, "data")?, None))
    }
}
