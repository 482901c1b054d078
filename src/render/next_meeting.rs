//! The "Next meeting" panel: when and where a pair meets next, the session
//! template it will follow with its agenda, preparation and prompts, and
//! the pair's calendar. The pair page shows it under its title; any page
//! that shows a pair's next meeting builds it here.

use super::context::Context;
use super::views::date_label;
use crate::model::{AgendaItem, Kind, Location};
use crate::progress::{self, NextMeeting};
use chrono::TimeDelta;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct NextMeetingView {
    /// `YYYY-MM-DD`, and as shown.
    pub date: String,
    pub date_label: String,
    /// Nothing is planned: `date` is when a session is due by, by the
    /// pair's cadence, and there is no time or place.
    pub due: bool,
    /// Due, and the date has passed: the pair is behind.
    pub overdue: bool,
    /// `HH:MM` local start and end, empty without a `time`; with one,
    /// `datetime` is `YYYY-MM-DDTHH:MM` for the `<time>` element.
    pub time: String,
    pub end_time: String,
    pub datetime: String,
    /// The zone the times are in (`Europe/London`), empty when the
    /// playbook names none.
    pub timezone: String,
    /// The session's length, when it has a time.
    pub minutes: Option<u32>,
    /// `None` when unknown, and always for a confidential pair.
    pub location: Option<LocationView>,
    /// The planned session's notes (empty for a confidential pair).
    pub notes: String,
    pub template: Option<TemplateBrief>,
    /// The pair's `sessions.ics`, relative to the page.
    pub calendar_href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocationView {
    pub text: String,
    /// A video call's address, to link; `None` for a place.
    pub href: Option<String>,
}

/// A session template, inline.
#[derive(Debug, Clone, Serialize)]
pub struct TemplateBrief {
    pub title: String,
    pub href: String,
    /// The planned session names it (else it is the series' next).
    pub planned: bool,
    pub agenda: Vec<AgendaItem>,
    pub total_minutes: u32,
    pub prepare: Vec<String>,
    pub prompts: Vec<String>,
}

/// A place as text; a video call's address as a link too.
pub fn location_view(location: &Location) -> LocationView {
    match location {
        Location::Place(text) => LocationView {
            text: text.clone(),
            href: None,
        },
        Location::Call(url) => LocationView {
            text: url.clone(),
            href: Some(url.clone()),
        },
    }
}

impl Context<'_> {
    /// Pair `index`'s next meeting, for a page at `root` from the site
    /// root; `None` when it is not meant to meet (ended, completed,
    /// withdrawn, or paused with nothing planned).
    pub(super) fn next_meeting_view(&self, index: usize, root: &str) -> Option<NextMeetingView> {
        let pair = &self.pairs[index];
        let as_of = self.options.as_of;
        let next = progress::next_meeting(self.playbook, pair, &self.pair_progress[index], as_of)?;
        let NextMeeting {
            date,
            session,
            template,
        } = next;
        let mut view = NextMeetingView {
            date: date.to_string(),
            date_label: date_label(&self.playbook.messages, date),
            due: session.is_none(),
            overdue: session.is_none() && date < as_of,
            time: String::new(),
            end_time: String::new(),
            datetime: String::new(),
            timezone: String::new(),
            minutes: None,
            location: None,
            notes: String::new(),
            template: template.and_then(|page| {
                let named = session.is_some_and(|s| s.template.is_some());
                self.template_brief(page, root, named)
            }),
            calendar_href: format!(
                "{root}{}",
                self.playbook.pair_calendar_path(pair.program, pair.id)
            ),
        };
        let Some(session) = session else {
            return Some(view);
        };
        if let Some(time) = session.time {
            let minutes = progress::session_minutes(self.playbook, pair.program, session);
            let end = time
                .overflowing_add_signed(TimeDelta::minutes(i64::from(minutes)))
                .0;
            view.time = time.format("%H:%M").to_string();
            view.end_time = end.format("%H:%M").to_string();
            view.datetime = format!("{date}T{}", view.time);
            view.minutes = Some(minutes);
            view.timezone = self
                .playbook
                .config
                .timezone
                .map(|z| z.name().to_string())
                .unwrap_or_default();
        }
        view.location = session.location.map(location_view);
        view.notes = session.notes.to_string();
        Some(view)
    }

    /// A published session template's agenda, preparation and prompts.
    fn template_brief(&self, page: usize, root: &str, planned: bool) -> Option<TemplateBrief> {
        if !self.published.get(page).copied().unwrap_or(false) {
            return None;
        }
        let page = &self.playbook.pages[page];
        let Kind::Session(template) = &page.kind else {
            return None;
        };
        Some(TemplateBrief {
            title: page.title.clone(),
            href: format!("{root}{}", page.url),
            planned,
            agenda: template.agenda.clone(),
            total_minutes: template.total_minutes(),
            prepare: template.prepare.clone(),
            prompts: template.prompts.clone(),
        })
    }
}
