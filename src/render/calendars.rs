//! The calendars: `pairs/<id>/sessions.ics` per pair and
//! `<roster>/sessions.ics` per cohort (a program-wide calendar grew with
//! the program: 87 MB at 50,000 pairs). A session is an event: timed when it has a
//! `time` (in UTC, from `playbook.yaml`'s `timezone`; floating without
//! one), all-day otherwise. Pairs arrive as `PublicPair`s, so a
//! confidential pair's notes and locations never reach a calendar; a draft
//! roster's pairs (built with `--drafts`) get their own calendar only.

use super::OutputFile;
use super::exports::Input;
use super::ics::{self, Event, When};
use super::views::person_view;
use crate::model::site::Published;
use crate::model::{Playbook, PublicPair, PublicSession, SessionStatus};
use crate::progress;
use crate::urls;
use chrono::NaiveDate;
use std::collections::HashMap;

pub(super) fn files(input: &Input, site: &Published) -> Vec<OutputFile> {
    let mut files = Vec::new();
    // By roster page: its pairs' events, in roster order.
    let mut by_roster: HashMap<usize, Vec<Event>> = HashMap::new();
    for (i, pair) in input.pairs.iter().enumerate() {
        if !input.pair_published[i] {
            continue;
        }
        let events = pair_events(input.playbook, input.published, pair, input.as_of);
        let title = input.playbook.messages.text(
            "ui-ics-calendar",
            &[("name", people_of(input.playbook, pair).into())],
        );
        files.push(OutputFile {
            path: input.playbook.pair_calendar_path(pair.program, pair.id),
            bytes: ics::calendar(&title, input.as_of, &events).into_bytes(),
        });
        if !pair.draft {
            by_roster.entry(pair.roster).or_default().extend(events);
        }
    }
    for roster in site.cohort_calendars(input.playbook) {
        let page = &input.playbook.pages[roster];
        let events = by_roster.remove(&roster).unwrap_or_default();
        let title = format!("{}: {}", input.playbook.config.title, page.title);
        files.push(OutputFile {
            path: urls::roster_calendar_path(&page.url),
            bytes: ics::calendar(&title, input.as_of, &events).into_bytes(),
        });
    }
    files
}

/// "Ana Analyst and Bo Boss".
fn people_of(playbook: &Playbook, pair: &PublicPair) -> String {
    super::views::pair_title(
        &playbook.messages,
        &person_view(playbook, pair.mentor, "").name,
        &person_view(playbook, pair.mentee, "").name,
    )
}

/// A pair's held, planned and cancelled sessions as events (any calendar
/// of them: the pair's, the program's, a person's). `published` says which
/// pages are (by index), so a draft template's guide is not linked.
pub fn pair_events(
    playbook: &Playbook,
    published: &[bool],
    pair: &PublicPair,
    as_of: NaiveDate,
) -> Vec<Event> {
    let base = playbook.config.base_url.trim_end_matches('/');
    let host = base
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .filter(|h| !h.is_empty())
        .unwrap_or("mentorbook");
    let who = people_of(playbook, pair);
    // Pair ids are unique within a program: a site with programs names it
    // in the UID, so two programs' `ana-and-bo` are two calendars' events.
    let program = playbook.program_id(pair.program);
    let uid_pair = if program.is_empty() {
        pair.id.to_string()
    } else {
        format!("{program}/{}", pair.id)
    };
    let m = &playbook.messages;
    let mut per_day: HashMap<NaiveDate, usize> = HashMap::new();
    let status = |s: &PublicSession| progress::session_status(s.status, s.date, as_of);
    pair.sessions
        .iter()
        .filter(|s| status(s) != SessionStatus::Missed)
        .map(|session| {
            let date = session.date;
            let n = per_day.entry(date).or_default();
            *n += 1;
            let template = session.template.map(|id| {
                let page = playbook.session_template_index(pair.program, id);
                let title =
                    page.map_or_else(|| id.to_string(), |p| playbook.pages[p].title.clone());
                let guide = page
                    .filter(|&p| published.get(p).copied().unwrap_or(false) && !base.is_empty())
                    .map(|p| format!("{base}/{}", playbook.pages[p].url));
                (title, guide)
            });
            let page = (!base.is_empty())
                .then(|| format!("{base}/{}", playbook.pair_url(pair.program, pair.id)));
            let mut description: Vec<String> = Vec::new();
            if !session.notes.is_empty() {
                description.push(session.notes.to_string());
            }
            // Percent-encoded as the URL property is, so that a calendar
            // program that links addresses in text links all of it.
            if let Some((_, Some(guide))) = &template {
                description.push(m.text("ui-ics-guide", &[("url", ics::uri(guide).into())]));
            }
            if let Some(page) = &page {
                description.push(m.text("ui-ics-pair-page", &[("url", ics::uri(page).into())]));
            }
            Event {
                uid: format!("{uid_pair}-{}-{}@{host}", date.format("%Y%m%d"), n),
                when: progress::session_timing(
                    playbook,
                    playbook.config.timezone,
                    pair.program,
                    session,
                )
                .map_or(When::Day(date), When::At),
                summary: match template {
                    Some((title, _)) => m.text(
                        "ui-ics-session",
                        &[
                            ("title", title.as_str().into()),
                            ("who", who.as_str().into()),
                        ],
                    ),
                    None => m.text("ui-ics-session-untitled", &[("who", who.as_str().into())]),
                },
                description: description.join("\n"),
                location: session.location.map(|l| l.text().to_string()),
                url: page,
                cancelled: status(session) == SessionStatus::Cancelled,
            }
        })
        .collect()
}
