//! What of a pair may be published: the one place the confidentiality rule
//! (and, for pairs, the drafts rule) is written, so that every output (pair
//! page, its neighbours' prev/next, roster table, dashboard, home figures,
//! exports, calendars, search index, people page, person pages and their
//! calendars) shows a pair through `Pair::public`.

use super::{
    Alias, Cadence, Location, Pair, PairGoal, PairOverride, PersonRef, Session, SessionStatus,
};
use chrono::{NaiveDate, NaiveTime};

/// A pair as any output may show it.
///
/// A `confidential: true` pair stays visible as a pair: who (mentor and
/// mentee), where (its roster), when (dates, cadence, each session's date,
/// template, status, time and duration) and how it is going (its status
/// and counts). What the two talk about, and where they meet, is left out:
/// its `topics` and `goals` are empty, its sessions' `notes` are empty and
/// their `location` is `None` (a room can say what a meeting is about, and
/// a video call's address lets anyone who reads it join), its pair file's body and description are
/// not offered (`page` is `None`), and so is its pair file's title
/// (coordinators put the topic there): it goes by its `public_title`, else
/// by its two people's names. Its `aliases` (old ids or paths) are left
/// out too, so no redirect is written for it: an old id is often what the
/// pair worked on (`ana-bo-burnout`), and a redirect file would publish it
/// as a folder name. Its current id is public, as its page is.
///
/// A pair of a `draft: true` roster is published only when its roster is
/// (`--drafts`), and even then `draft` tells outputs not to count it.
#[derive(Debug, Clone)]
pub struct PublicPair<'a> {
    pub id: &'a str,
    /// The roster page that lists the pair.
    pub roster: usize,
    /// Its program, by index into `Playbook::programs`.
    pub program: usize,
    /// Whether the pair is published at all: its roster page is (a draft
    /// roster only with `--drafts`).
    pub published: bool,
    /// Its roster is a draft (a proposal): even when built with `--drafts`,
    /// home figures, the dashboard and the program-wide exports leave it
    /// out.
    pub draft: bool,
    /// The title outputs show: `public_title` when set; else, unless the
    /// pair is confidential, its published pair file's title; `None` when
    /// neither, and the pair goes by its two people's names.
    pub title: Option<&'a str>,
    pub mentor: Option<&'a PersonRef>,
    pub mentee: Option<&'a PersonRef>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub cadence: Cadence,
    pub status: Option<PairOverride>,
    /// So that pages can say what they leave out.
    pub confidential: bool,
    /// Empty when confidential.
    pub topics: &'a [String],
    /// Empty when confidential.
    pub goals: &'a [PairGoal],
    /// Every session, with its notes emptied when confidential.
    pub sessions: Vec<PublicSession<'a>>,
    /// The pair file whose body and description may be shown: `None` when
    /// confidential, or when the pair has no published file.
    pub page: Option<usize>,
    /// The pair file when it is published, whatever the pair: for its
    /// place only (edit link, last updated), never its body or title.
    pub file: Option<usize>,
    /// Old addresses where a redirect to its page is written: empty when
    /// confidential.
    pub aliases: &'a [Alias],
}

/// A session as any output may show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicSession<'a> {
    pub date: NaiveDate,
    /// The local time it starts, in `playbook.yaml`'s `timezone`.
    pub time: Option<NaiveTime>,
    /// Minutes, as written; `None` for the template's.
    pub duration: Option<u32>,
    /// `None` when the pair is confidential.
    pub location: Option<&'a Location>,
    /// The session template's id, as written.
    pub template: Option<&'a str>,
    /// As written; `None` when left out (`progress::session_status` says
    /// what it is as of a date).
    pub status: Option<SessionStatus>,
    /// Empty when the pair is confidential.
    pub notes: &'a str,
}

impl Pair {
    /// Whether the pair is published at all, given which pages are: when
    /// its roster page is (a draft roster only with `--drafts`).
    pub fn published(&self, published: &[bool]) -> bool {
        published.get(self.roster).copied().unwrap_or(false)
    }

    /// The pair as it may be published (see `PublicPair`), given which
    /// pages are published (by page index: drafts only with `--drafts`).
    pub fn public(&self, published: &[bool]) -> PublicPair<'_> {
        let open = !self.confidential;
        let is_published = |page: usize| published.get(page).copied().unwrap_or(false);
        let file = self.page.filter(|&p| is_published(p));
        let own_title = (!self.title.is_empty() && file.is_some()).then_some(self.title.as_str());
        PublicPair {
            id: &self.id.value,
            roster: self.roster,
            program: self.program,
            published: self.published(published),
            draft: self.draft,
            title: self.public_title.as_deref().or(own_title.filter(|_| open)),
            mentor: self.mentor.as_ref(),
            mentee: self.mentee.as_ref(),
            start: self.start.as_ref().map(|s| s.value),
            end: self.end,
            cadence: self.cadence,
            status: self.status,
            confidential: self.confidential,
            topics: if open { &self.topics } else { &[] },
            goals: if open { &self.goals } else { &[] },
            sessions: self
                .sessions
                .iter()
                .map(|s| public_session(s, open))
                .collect(),
            page: file.filter(|_| open),
            file,
            aliases: if open { &self.aliases } else { &[] },
        }
    }

    /// The aliases a confidential pair has but `public` leaves out, for
    /// `check` to say they are not written.
    pub fn withheld_aliases(&self) -> &[Alias] {
        if self.confidential {
            &self.aliases
        } else {
            &[]
        }
    }
}

fn public_session(session: &Session, open: bool) -> PublicSession<'_> {
    PublicSession {
        date: session.date.value,
        time: session.time.as_ref().map(|t| t.value),
        duration: session.duration.as_ref().map(|d| d.value),
        location: session.location.as_ref().filter(|_| open),
        template: session.template.as_ref().map(|t| t.value.as_str()),
        status: session.status.as_ref().map(|s| s.value),
        notes: if open { &session.notes } else { "" },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;
    use crate::source::fields::Spanned;

    fn date(text: &str) -> NaiveDate {
        crate::source::fields::parse_date(text).expect("test date")
    }

    fn pair(confidential: bool) -> Pair {
        let at = Span::file("content/cohort.md");
        Pair {
            id: Spanned::new("ana-ben".into(), at.clone()),
            roster: 3,
            program: 0,
            page: Some(7),
            mentor: Some(PersonRef::Id(Spanned::new("ana".into(), at.clone()))),
            mentee: Some(PersonRef::Id(Spanned::new("ben".into(), at.clone()))),
            topics: vec!["career moves".into()],
            goals: vec![PairGoal {
                title: "Give a talk".into(),
                done: false,
            }],
            start: Some(Spanned::new(date("2026-03-02"), at.clone())),
            end: Some(date("2026-09-01")),
            cadence: Cadence::Biweekly,
            status: Some(PairOverride::Paused),
            confidential,
            sessions: vec![Session {
                date: Spanned::new(date("2026-03-05"), at.clone()),
                time: Some(Spanned::new(
                    NaiveTime::from_hms_opt(14, 0, 0).expect("time"),
                    at.clone(),
                )),
                duration: Some(Spanned::new(45, at.clone())),
                template: Some(Spanned::new("kickoff".into(), at.clone())),
                status: Some(Spanned::new(SessionStatus::Held, at)),
                location: Some(Location::Place("The reorg war room".into())),
                notes: "Talked about the reorg".into(),
            }],
            title: "Ana coaches Ben through the reorg".into(),
            public_title: None,
            draft: false,
            reporting_line_exception: None,
            aliases: vec![Alias {
                address: "pairs/ana-ben-reorg/".into(),
                span: Span::file("content/cohort.md"),
            }],
        }
    }

    /// Every page published: the roster (3) and the pair file (7) too.
    const ALL: &[bool] = &[true; 8];

    /// What a confidential pair still shows, and what any pair shows.
    fn assert_shared(public: &PublicPair, pair: &Pair) {
        assert_eq!(public.id, "ana-ben");
        assert_eq!(public.roster, 3);
        assert!(matches!(public.mentor, Some(PersonRef::Id(id)) if id.value == "ana"));
        assert!(matches!(public.mentee, Some(PersonRef::Id(id)) if id.value == "ben"));
        assert_eq!(public.start, Some(date("2026-03-02")));
        assert_eq!(public.end, pair.end);
        assert_eq!(public.cadence, Cadence::Biweekly);
        assert_eq!(public.status, Some(PairOverride::Paused));
        assert_eq!(public.file, Some(7));
        assert_eq!(public.sessions.len(), 1);
        let session = public.sessions[0];
        assert_eq!(session.date, date("2026-03-05"));
        assert_eq!(session.template, Some("kickoff"));
        assert_eq!(session.status, Some(SessionStatus::Held));
        assert_eq!(session.time, NaiveTime::from_hms_opt(14, 0, 0));
        assert_eq!(session.duration, Some(45));
    }

    #[test]
    fn an_open_pair_shows_everything() {
        let pair = pair(false);
        let public = pair.public(ALL);
        assert_shared(&public, &pair);
        assert!(public.published);
        assert!(!public.confidential);
        assert_eq!(public.title, Some("Ana coaches Ben through the reorg"));
        assert_eq!(public.topics, ["career moves"]);
        assert_eq!(public.goals.len(), 1);
        assert_eq!(public.sessions[0].notes, "Talked about the reorg");
        assert_eq!(
            public.sessions[0].location,
            Some(&Location::Place("The reorg war room".into()))
        );
        assert_eq!(public.page, Some(7));
        assert_eq!(public.aliases[0].address, "pairs/ana-ben-reorg/");
        assert!(pair.withheld_aliases().is_empty());
    }

    #[test]
    fn a_confidential_pair_hides_what_they_talk_about() {
        let pair = pair(true);
        let public = pair.public(ALL);
        assert_shared(&public, &pair);
        assert!(public.confidential);
        assert!(public.topics.is_empty());
        assert!(public.goals.is_empty());
        assert_eq!(public.sessions[0].notes, "");
        assert_eq!(public.sessions[0].location, None);
        assert_eq!(public.page, None);
        // Its own title names the topic: it goes by its people instead.
        assert_eq!(public.title, None);
        // So may an old id: no redirect is written, and check says so.
        assert!(public.aliases.is_empty());
        assert_eq!(pair.withheld_aliases().len(), 1);
    }

    #[test]
    fn a_public_title_is_the_title_of_any_pair() {
        for confidential in [true, false] {
            let mut pair = pair(confidential);
            pair.public_title = Some("Pair 3 of the pilot".into());
            assert_eq!(pair.public(ALL).title, Some("Pair 3 of the pilot"));
        }
    }

    #[test]
    fn nothing_of_an_unpublished_page_is_offered() {
        let pair = pair(false);
        // The pair file (7) is a draft built without `--drafts`.
        let mut published = ALL.to_vec();
        published[7] = false;
        let public = pair.public(&published);
        assert!(public.published);
        assert_eq!((public.page, public.file, public.title), (None, None, None));
        // The roster (3) is a draft: the pair is not published at all.
        published[3] = false;
        assert!(!pair.public(&published).published);
    }

    #[test]
    fn a_pair_of_a_draft_roster_says_so() {
        let mut pair = pair(false);
        assert!(!pair.public(ALL).draft);
        pair.draft = true;
        assert!(pair.public(ALL).draft);
    }
}
