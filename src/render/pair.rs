//! `pair.html`: one pair's page: mentor and mentee, topics, goals, the
//! session timeline, progress and the pair file's notes.

use super::context::{Context, Rendering};
use super::nav::root_of;
use super::search;
use super::views::{Link, PairRow, PersonView, cohort_of, date_label, pair_row, person_view};
use crate::model::{Kind, Pair, Playbook};
use crate::progress;
use crate::urls;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct SessionRow {
    pub date: String,
    pub date_label: String,
    pub template: Option<Link>,
    pub status: &'static str,
    pub notes: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PairView {
    pub id: String,
    pub roster: Link,
    pub cohort: String,
    pub mentor: PersonView,
    pub mentee: PersonView,
    /// Topics, goals, notes and the pair's own text are left out when set.
    pub confidential: bool,
    pub topics: Vec<String>,
    pub goals: Vec<crate::model::PairGoal>,
    pub sessions: Vec<SessionRow>,
    pub row: PairRow,
    pub start: String,
    pub end: String,
    pub cadence: String,
    /// Progress bar: held out of `bar_max` (planned, else expected).
    pub bar_max: u32,
    pub percent: u32,
}

pub fn session_rows(playbook: &Playbook, pair: &Pair, root: &str) -> Vec<SessionRow> {
    pair.sessions
        .iter()
        .map(|s| SessionRow {
            date: s.date.value.to_string(),
            date_label: date_label(s.date.value),
            template: s.template.as_ref().and_then(|t| {
                playbook.session_template(&t.value).map(|page| Link {
                    title: page.title.clone(),
                    href: format!("{root}{}", page.url),
                })
            }),
            status: s.status.label(),
            notes: if pair.confidential {
                String::new()
            } else {
                s.notes.clone()
            },
        })
        .collect()
}

/// A pair page's own part of the context, under `pair`.
#[derive(Debug, Serialize)]
struct PairPage {
    pair: PairView,
}

impl Context<'_> {
    pub(super) fn pair_page(&self, index: usize) -> Rendering {
        let pair = &self.playbook.pairs[index];
        let url = urls::pair_url(&pair.id.value);
        let root = root_of(&url);
        let progress = &self.pair_progress[index];
        let mentor = person_view(self.playbook, pair.mentor.as_ref(), &root);
        let mentee = person_view(self.playbook, pair.mentee.as_ref(), &root);
        let own_page = pair
            .page
            .filter(|&p| self.published[p])
            .map(|p| &self.playbook.pages[p]);
        let title = self.pair_title(pair);
        let mut view = self.blank::<PairPage>(&url, title.clone(), "pair");
        let roster_page = &self.playbook.pages[pair.roster];
        let mut text = String::new();
        if let Some(page) = own_page.filter(|_| !pair.confidential) {
            let rendered = self.markdown(page, &root);
            view.content = rendered.html;
            view.toc = rendered.toc;
            view.description = page.description.clone();
            text = rendered.text;
        }
        view.sidebar = self
            .nav
            .sidebar_html_within(roster_page.section, &roster_page.url, &root);
        view.breadcrumbs = self.nav.breadcrumbs(roster_page.section, true, &root);
        view.breadcrumbs.push(Link {
            title: roster_page.title.clone(),
            href: format!("{root}{}", roster_page.url),
        });
        if let Kind::Roster(roster) = &roster_page.kind {
            let at = roster.pairs.iter().position(|&p| p == index);
            let link = |p: usize| {
                let other = &self.playbook.pairs[p];
                Link {
                    title: self.pair_title(other),
                    href: format!("{root}{}", urls::pair_url(&other.id.value)),
                }
            };
            if let Some(at) = at {
                view.prev = at.checked_sub(1).map(|i| link(roster.pairs[i]));
                view.next = roster.pairs.get(at + 1).map(|&p| link(p));
            }
        }
        let bar_max = progress
            .planned
            .unwrap_or(progress.expected)
            .max(progress.held)
            .max(1);
        let (start, end) = (
            pair.start
                .as_ref()
                .map(|s| date_label(s.value))
                .unwrap_or_default(),
            pair.end.map(date_label).unwrap_or_default(),
        );
        view.of_kind = Some(PairPage {
            pair: PairView {
                id: pair.id.value.clone(),
                roster: Link {
                    title: roster_page.title.clone(),
                    href: format!("{root}{}", roster_page.url),
                },
                cohort: cohort_of(self.playbook, pair),
                confidential: pair.confidential,
                topics: if pair.confidential {
                    Vec::new()
                } else {
                    pair.topics.clone()
                },
                goals: if pair.confidential {
                    Vec::new()
                } else {
                    pair.goals.clone()
                },
                sessions: session_rows(self.playbook, pair, &root),
                row: pair_row(self.playbook, pair, progress, &root),
                start,
                end,
                cadence: pair.cadence.label(),
                bar_max,
                percent: progress::percent(progress.held as usize, bar_max as usize),
                mentor: mentor.clone(),
                mentee: mentee.clone(),
            },
        });
        let source = own_page.map_or(roster_page.file.as_str(), |p| p.file.as_str());
        self.source_facts(&mut view, source);
        let file = self.finish("pair.html", &url, &view, source)?;
        if !pair.confidential {
            text.push(' ');
            text.push_str(&pair.topics.join(" "));
        }
        let entry = search::entry(&title, &roster_page.title, &url, &[], &text);
        Ok((file, Some(entry)))
    }

    /// A pair page's title: its own file's title, else both names.
    pub(super) fn pair_title(&self, pair: &Pair) -> String {
        pair.page
            .filter(|&p| self.published[p])
            .map(|p| self.playbook.pages[p].title.clone())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| {
                format!(
                    "{} and {}",
                    person_view(self.playbook, pair.mentor.as_ref(), "").name,
                    person_view(self.playbook, pair.mentee.as_ref(), "").name
                )
            })
    }
}
