//! `pair.html`: one pair's page: mentor and mentee, topics, goals, the
//! session timeline, progress and the pair file's notes.

use super::context::{Context, Rendering};
use super::nav::root_of;
use super::next_meeting::{LocationView, NextMeetingView, location_view};
use super::search;
use super::views::{Link, PairRow, PersonView, cohort_of, date_label, pair_row, person_view};
use crate::i18n::Messages;
use crate::model::{Kind, Page, Playbook, PublicPair, still_planned};
use crate::progress::{self, PairProgress, PairStatus};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct SessionRow {
    pub date: String,
    pub date_label: String,
    /// `HH:MM`, local, empty without a `time`.
    pub time: String,
    /// `None` when unknown, and always for a confidential pair.
    pub location: Option<LocationView>,
    pub template: Option<Link>,
    /// As of the as-of date: a session without `status` is held once its
    /// date has come, planned before.
    pub status: &'static str,
    /// Still `planned` though its date has passed: was it held?
    pub to_update: bool,
    /// Dated after the pair's end.
    pub after_end: bool,
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
    /// The progress bar: sessions held out of `bar_max`, the sessions in
    /// the plan (else, with no end date, those expected by now), as
    /// `bar_label` says in words.
    pub bar_max: u32,
    pub bar_label: String,
    pub percent: u32,
    /// The end date, when it has passed and the pair is `ended`: it needs
    /// marking `completed` or `withdrawn`.
    pub ended_on: String,
    /// The "Next meeting" panel; `None` when the pair is not meant to meet.
    pub next_meeting: Option<NextMeetingView>,
}

pub fn session_rows(
    playbook: &Playbook,
    pair: &PublicPair,
    root: &str,
    as_of: NaiveDate,
) -> Vec<SessionRow> {
    pair.sessions
        .iter()
        .map(|s| SessionRow {
            date: s.date.to_string(),
            date_label: date_label(&playbook.messages, s.date),
            time: s
                .time
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default(),
            location: s.location.map(location_view),
            template: s.template.and_then(|t| {
                playbook.session_template(pair.program, t).map(|page| Link {
                    title: page.title.clone(),
                    href: format!("{root}{}", page.url),
                })
            }),
            status: progress::session_status(s.status, s.date, as_of).label(),
            to_update: still_planned(s.status, s.date, as_of),
            after_end: pair.end.is_some_and(|end| s.date > end),
            notes: s.notes.to_string(),
        })
        .collect()
}

/// What the bar on a pair page shows: held out of the sessions in the
/// plan, or of those expected by now when the pairing has no end; the
/// label says which, so the bar and the words beside it agree.
fn bar(messages: &Messages, progress: &PairProgress) -> (u32, String) {
    let (max, of_what) = match progress.in_plan {
        Some(in_plan) => (in_plan, "ui-bar-of-plan"),
        None => (progress.expected_to_date, "ui-bar-of-expected"),
    };
    let label = messages.text(
        of_what,
        &[("held", progress.held.into()), ("total", max.into())],
    );
    (max.max(progress.held).max(1), label)
}

/// A pair page's own part of the context, under `pair`.
#[derive(Debug, Serialize)]
struct PairPage {
    pair: PairView,
}

impl Context<'_> {
    pub(super) fn pair_page(&self, index: usize) -> Rendering {
        let pair = &self.pairs[index];
        let url = self.playbook.pair_url(pair.program, pair.id);
        let root = root_of(&url);
        let title = self.pair_title(pair);
        let mut view = self.blank::<PairPage>(&url, title.clone(), "pair");
        let roster_page = &self.playbook.pages[pair.roster];
        view.draft = pair.draft || self.published_file(pair).is_some_and(|p| p.draft);
        let mut text = String::new();
        if let Some(page) = pair.page {
            let page = &self.playbook.pages[page];
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
        (view.prev, view.next) = self.roster_neighbours(index, &root);
        view.of_kind = Some(PairPage {
            pair: self.pair_view(index, &root),
        });
        let source = self
            .published_file(pair)
            .map_or(&roster_page.file, |p| &p.file);
        self.source_facts(&mut view, source);
        let file = self.finish("pair.html", &url, &view, source)?;
        if !pair.topics.is_empty() {
            text.push(' ');
            text.push_str(&pair.topics.join(" "));
        }
        let entry = search::entry(
            search::Found::Pair,
            &title,
            &roster_page.title,
            &url,
            &[],
            &[&text],
        );
        Ok((file, Some(entry)))
    }

    fn pair_view(&self, index: usize, root: &str) -> PairView {
        let pair = &self.pairs[index];
        let progress = &self.pair_progress[index];
        let roster_page = &self.playbook.pages[pair.roster];
        let (bar_max, bar_label) = bar(&self.playbook.messages, progress);
        let as_of = self.options.as_of;
        PairView {
            id: pair.id.to_string(),
            roster: Link {
                title: roster_page.title.clone(),
                href: format!("{root}{}", roster_page.url),
            },
            cohort: cohort_of(self.playbook, pair),
            confidential: pair.confidential,
            topics: pair.topics.to_vec(),
            goals: pair.goals.to_vec(),
            sessions: session_rows(self.playbook, pair, root, as_of),
            row: pair_row(self.playbook, pair, progress, root),
            start: pair
                .start
                .map(|d| date_label(&self.playbook.messages, d))
                .unwrap_or_default(),
            end: pair
                .end
                .map(|d| date_label(&self.playbook.messages, d))
                .unwrap_or_default(),
            cadence: super::views::cadence(&self.playbook.messages, &pair.cadence),
            bar_max,
            bar_label,
            percent: progress::percent(progress.held as usize, bar_max as usize),
            ended_on: match (progress.status, pair.end) {
                (PairStatus::Ended, Some(end)) => date_label(&self.playbook.messages, end),
                _ => String::new(),
            },
            mentor: person_view(self.playbook, pair.mentor, root),
            mentee: person_view(self.playbook, pair.mentee, root),
            next_meeting: self.next_meeting_view(index, root),
        }
    }

    /// The pairs before and after this one in its roster.
    pub(super) fn roster_neighbours(
        &self,
        index: usize,
        root: &str,
    ) -> (Option<Link>, Option<Link>) {
        let Kind::Roster(roster) = &self.playbook.pages[self.pairs[index].roster].kind else {
            return (None, None);
        };
        let Some(at) = roster.pairs.iter().position(|&p| p == index) else {
            return (None, None);
        };
        let link = |p: usize| {
            let other = &self.pairs[p];
            Link {
                title: self.pair_title(other),
                href: format!("{root}{}", self.playbook.pair_url(other.program, other.id)),
            }
        };
        (
            at.checked_sub(1).map(|i| link(roster.pairs[i])),
            roster.pairs.get(at + 1).map(|&p| link(p)),
        )
    }

    /// The pair's own file when published: its place (edit link, last
    /// change) is shown even for a confidential pair, never its title.
    fn published_file(&self, pair: &PublicPair) -> Option<&Page> {
        pair.file.map(|p| &self.playbook.pages[p])
    }

    /// A pair's title wherever it is shown (its page, its neighbours'
    /// prev/next, the search index): the one `Pair::public` offers, else
    /// its two people's names, which are public for every pair.
    pub(super) fn pair_title(&self, pair: &PublicPair) -> String {
        pair.title.map(str::to_string).unwrap_or_else(|| {
            super::views::pair_title(
                &self.playbook.messages,
                &person_view(self.playbook, pair.mentor, "").name,
                &person_view(self.playbook, pair.mentee, "").name,
            )
        })
    }
}
