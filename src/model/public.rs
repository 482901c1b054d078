//! What of a pair may be published: the one place the confidentiality rule
//! is written, so that every output (pair page, roster table, exports,
//! calendar, search index) shows a pair through `Pair::public`.

use super::{Cadence, Pair, PairGoal, PairOverride, PersonRef, Session, SessionStatus};
use chrono::NaiveDate;

/// A pair as any output may show it.
///
/// A `confidential: true` pair stays visible as a pair: who (mentor and
/// mentee), where (its roster), when (dates, cadence, each session's date,
/// template and status) and how it is going (its status). What the two talk
/// about is left out: its `topics` and `goals` are empty, its sessions'
/// `notes` are empty, and its pair file's body and description are not
/// offered (`page` is `None`). Of the pair file only `file` remains, for its
/// title and its place (edit link, last updated), as before this rule had
/// an owner.
#[derive(Debug, Clone)]
pub struct PublicPair<'a> {
    pub id: &'a str,
    /// The roster page that lists the pair.
    pub roster: usize,
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
    /// confidential (or when the pair has no file).
    pub page: Option<usize>,
    /// The pair file whatever the pair: for its title and its place only,
    /// never its body.
    pub file: Option<usize>,
}

/// A session as any output may show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicSession<'a> {
    pub date: NaiveDate,
    /// The session template's id, as written.
    pub template: Option<&'a str>,
    /// As written; `None` when left out (`progress::session_status` says
    /// what it is as of a date).
    pub status: Option<SessionStatus>,
    /// Empty when the pair is confidential.
    pub notes: &'a str,
}

impl Pair {
    /// The pair as it may be published (see `PublicPair`).
    pub fn public(&self) -> PublicPair<'_> {
        let open = !self.confidential;
        PublicPair {
            id: &self.id.value,
            roster: self.roster,
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
            page: self.page.filter(|_| open),
            file: self.page,
        }
    }
}

fn public_session(session: &Session, open: bool) -> PublicSession<'_> {
    PublicSession {
        date: session.date.value,
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
                template: Some(Spanned::new("kickoff".into(), at.clone())),
                status: Some(Spanned::new(SessionStatus::Held, at)),
                notes: "Talked about the reorg".into(),
            }],
        }
    }

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
    }

    #[test]
    fn an_open_pair_shows_everything() {
        let pair = pair(false);
        let public = pair.public();
        assert_shared(&public, &pair);
        assert!(!public.confidential);
        assert_eq!(public.topics, ["career moves"]);
        assert_eq!(public.goals.len(), 1);
        assert_eq!(public.sessions[0].notes, "Talked about the reorg");
        assert_eq!(public.page, Some(7));
    }

    #[test]
    fn a_confidential_pair_hides_what_they_talk_about() {
        let pair = pair(true);
        let public = pair.public();
        assert_shared(&public, &pair);
        assert!(public.confidential);
        assert!(public.topics.is_empty());
        assert!(public.goals.is_empty());
        assert_eq!(public.sessions[0].notes, "");
        assert_eq!(public.page, None);
    }
}
