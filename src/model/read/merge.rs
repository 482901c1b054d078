//! Pairs from their three places into `Playbook::pairs`: rows of
//! `data/pairs.csv` join the roster they name, each pair file is merged into
//! the roster entry with its id, and unset fields fall back to the roster's.
//! A pair has one session log: the sessions of its roster entry and of its
//! pair file together, by date, each session once.

use super::failed::Uses;
use super::pair::PairDraft;
use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::{Kind, Pair, Playbook, Session};
use crate::source::fields::Spanned;
use crate::suggest::did_you_mean;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::HashMap;

/// Pairs from `data/pairs.csv` join the roster their `roster` column names.
pub(super) fn attach_csv_pairs(
    playbook: &Playbook,
    csv_pairs: Vec<(Spanned<String>, PairDraft)>,
    roster_drafts: &mut Vec<(usize, Vec<PairDraft>)>,
    uses: &mut Uses,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let rosters: Vec<(usize, &str)> = playbook
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.kind, Kind::Roster(_)))
        .map(|(i, p)| (i, p.id.as_str()))
        .collect();
    // Lookups, so that a long data/pairs.csv costs rows, not rows x rosters.
    // Roster ids are unique within a program only: an id may name one
    // roster in each program.
    let mut pages_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for &(page, id) in &rosters {
        pages_of.entry(id).or_default().push(page);
    }
    let mut drafts_of: HashMap<usize, usize> = HashMap::new();
    for (at, (page, _)) in roster_drafts.iter().enumerate() {
        drafts_of.entry(*page).or_insert(at);
    }
    for (roster, draft) in csv_pairs {
        let page = match super::roster_cell::csv_roster(playbook, &pages_of, &roster) {
            Ok(page) => page,
            Err(Some(ambiguous)) => {
                diagnostics.push(ambiguous);
                continue;
            }
            Err(None) => {
                let id = roster.value.rsplit('/').next().unwrap_or("");
                if let Some(failed) = playbook.failed.named("roster", id) {
                    let pair = draft.id.as_ref().map(|id| id.value.as_str());
                    uses.csv_row(failed, &roster.span, pair);
                    continue;
                }
                diagnostics.push(super::roster_cell::unknown_roster(
                    playbook, &rosters, &roster,
                ));
                continue;
            }
        };
        match drafts_of.get(&page) {
            Some(&at) => roster_drafts[at].1.push(draft),
            None => {
                drafts_of.insert(page, roster_drafts.len());
                roster_drafts.push((page, vec![draft]));
            }
        }
    }
}

/// The pair file merged into each roster entry, by (position of its
/// roster in `roster_drafts`, position in that roster's entries). Kept
/// apart from the entries, which stay where they were read: a list of
/// every entry with room for a pair file beside it held two drafts per
/// pair, and growing it was a third of a roster edit's model stage at
/// 5,000 pairs.
type Matched = HashMap<(usize, usize), (usize, PairDraft)>;

/// A roster entry as a pair (`None` without an id), and what it found.
type Made = (Option<Pair>, Vec<Diagnostic>);

/// Every roster entry becomes a pair, in roster order, with its pair file
/// merged in; each roster lists its pairs' indices.
pub(super) fn merge_pairs(
    playbook: &mut Playbook,
    roster_drafts: Vec<(usize, Vec<PairDraft>)>,
    pair_files: Vec<(usize, PairDraft)>,
    uses: &mut Uses,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let files = match_pair_files(playbook, &roster_drafts, pair_files, uses, diagnostics);
    let mut files_of: Vec<HashMap<usize, (usize, PairDraft)>> =
        roster_drafts.iter().map(|_| HashMap::new()).collect();
    for ((at, k), file) in files {
        files_of[at].insert(k, file);
    }
    // Each roster's entries on their own, rosters on every core (at 5,000
    // pairs this was a fifth of a roster edit's model stage); then in
    // roster order.
    let made: Vec<(usize, Vec<Made>)> = roster_drafts
        .into_par_iter()
        .zip(files_of)
        .map(|((roster_page, drafts), mut files)| {
            let pairs = drafts
                .into_iter()
                .enumerate()
                .filter(|(_, draft)| draft.id.is_some())
                .map(|(k, draft)| {
                    let mut found = Vec::new();
                    let file = files.remove(&k);
                    let pair = pair_of(playbook, roster_page, draft, file, &mut found);
                    (pair, found)
                })
                .collect();
            (roster_page, pairs)
        })
        .collect();
    playbook
        .pairs
        .reserve(made.iter().map(|(_, pairs)| pairs.len()).sum());
    for (roster_page, pairs) in made {
        for (pair, found) in pairs {
            diagnostics.extend(found);
            let Some(pair) = pair else { continue };
            let index = playbook.pairs.len();
            playbook.pairs.push(pair);
            if let Kind::Roster(roster) = &mut playbook.pages[roster_page].kind {
                roster.pairs.push(index);
            }
        }
    }
}

/// The pair file of each roster entry's id; a pair file that matches no
/// entry, or an entry that already has one, is reported, unless a roster
/// that failed to read may list it: then that roster's error tells.
fn match_pair_files(
    playbook: &Playbook,
    roster_drafts: &[(usize, Vec<PairDraft>)],
    pair_files: Vec<(usize, PairDraft)>,
    uses: &mut Uses,
    diagnostics: &mut Vec<Diagnostic>,
) -> Matched {
    // Pair ids are unique within a program: a pair file joins the entry
    // of its own program's rosters (the first entry of an id).
    let mut by_id: HashMap<(Option<usize>, &str), (usize, usize)> = HashMap::new();
    for (at, (page, drafts)) in roster_drafts.iter().enumerate() {
        for (k, draft) in drafts.iter().enumerate() {
            let Some(id) = &draft.id else { continue };
            by_id
                .entry((playbook.pages[*page].program, id.value.as_str()))
                .or_insert((at, k));
        }
    }
    let mut matched = Matched::new();
    for (page, file_draft) in pair_files {
        let id = file_draft
            .id
            .as_ref()
            .map_or_else(String::new, |i| i.value.clone());
        let file = &playbook.pages[page].file;
        let program = playbook.pages[page].program;
        match by_id.get(&(program, id.as_str())) {
            Some(&entry) if !matched.contains_key(&entry) => {
                matched.insert(entry, (page, file_draft));
            }
            Some(_) => diagnostics.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    file_draft.span.unwrap_or_else(|| Span::file(file)),
                    format!("pair `{id}` already has a pair file"),
                )
                .with_hint("merge the two pair files into one"),
            ),
            None => match playbook
                .failed
                .holding("roster", &id)
                .or_else(|| uses.csv_pair(&id))
            {
                Some(failed) => uses.pair_file(failed, file),
                None => {
                    let known: Vec<&str> = by_id
                        .keys()
                        .filter(|(p, _)| *p == program)
                        .map(|(_, id)| *id)
                        .collect();
                    diagnostics.push(unknown_pair(&id, &file_draft, file, &known));
                }
            },
        }
    }
    matched
}

fn unknown_pair(id: &str, file_draft: &PairDraft, file: &str, known: &[&str]) -> Diagnostic {
    let hint = did_you_mean(id, known).map_or_else(
        || "a pair file adds to a pair listed in a roster: add the pair to a roster's `pairs:` or set `id:` to its id".to_string(),
        |near| format!("did you mean `{near}`?"),
    );
    Diagnostic::error(
        Code::UnknownPair,
        file_draft
            .id
            .as_ref()
            .map_or_else(|| Span::file(file), |i| i.span.clone()),
        format!("no roster lists a pair `{id}`"),
    )
    .with_hint(hint)
}

/// One roster entry as a pair: its pair file's fields win, the roster's
/// dates and cadence fill what neither sets.
fn pair_of(
    playbook: &Playbook,
    roster_page: usize,
    roster_draft: PairDraft,
    file: Option<(usize, PairDraft)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Pair> {
    let Kind::Roster(roster) = &playbook.pages[roster_page].kind else {
        return None;
    };
    let (page, draft) = match file {
        Some((page, file_draft)) => (
            Some(page),
            merge(
                roster_draft,
                file_draft,
                &playbook.pages[page].file,
                diagnostics,
            ),
        ),
        None => (None, roster_draft),
    };
    let id = draft.id?;
    Some(Pair {
        id,
        roster: roster_page,
        program: playbook.pages[roster_page].program.unwrap_or(0),
        page,
        mentor: draft.mentor,
        mentee: draft.mentee,
        topics: draft.topics.unwrap_or_default(),
        goals: draft.goals.unwrap_or_default(),
        start: draft.start.or_else(|| roster.start.clone()),
        end: draft.end.or_else(|| roster.end.clone()).map(|e| e.value),
        cadence: draft.cadence.unwrap_or(roster.cadence),
        status: draft.status,
        confidential: draft.confidential.unwrap_or(false),
        sessions: one_log(draft.sessions.unwrap_or_default(), diagnostics),
        title: page.map_or_else(String::new, |p| playbook.pages[p].title.clone()),
        public_title: draft
            .public_title
            .map(|t| t.value)
            .filter(|t| !t.trim().is_empty()),
        draft: playbook.pages[roster_page].draft,
        reporting_line_exception: draft.reporting_line_exception,
        aliases: draft.aliases.unwrap_or_default(),
    })
}

/// The pair's sessions by date, then time (a session without one first).
/// The sort is stable, so sessions of one day and time keep the order they
/// were written in (the roster entry's before the pair
/// file's). A session with the date and template of an earlier one is the
/// same session logged twice: it is reported and counted once, the first.
fn one_log(mut sessions: Vec<Session>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Session> {
    sessions.sort_by_key(|s| (s.date.value, s.time.as_ref().map(|t| t.value)));
    if sessions.len() < 2 {
        return sessions;
    }
    // Which to keep, by borrowed keys: copying every session's template
    // to look it up cost a roster edit at 5,000 pairs a few ms.
    let mut first: HashMap<(NaiveDate, Option<&str>), usize> =
        HashMap::with_capacity(sessions.len());
    let mut keep = Vec::with_capacity(sessions.len());
    for (i, session) in sessions.iter().enumerate() {
        let template = session.template.as_ref().map(|t| t.value.as_str());
        match first.get(&(session.date.value, template)) {
            Some(&earlier) => {
                diagnostics.push(duplicate_session(session, &sessions[earlier].date.span));
                keep.push(false);
            }
            None => {
                first.insert((session.date.value, template), i);
                keep.push(true);
            }
        }
    }
    drop(first);
    let mut keep = keep.into_iter();
    sessions.retain(|_| keep.next().unwrap_or(true));
    sessions
}

fn duplicate_session(session: &Session, earlier: &Span) -> Diagnostic {
    let what = session
        .template
        .as_ref()
        .map_or_else(String::new, |t| format!(" `{}`", t.value));
    let hint = if earlier.file == session.date.span.file {
        "remove one of the two entries, or fix this one's date or template if it is another session"
    } else {
        "keep each session in one place, the roster entry or the pair file: remove one of the two"
    };
    Diagnostic::warning(
        Code::DuplicateSession,
        session.date.span.clone(),
        format!(
            "session{what} on {} is already logged at {}:{}; it counts once, as logged there",
            session.date.value, earlier.file, earlier.line
        ),
    )
    .with_hint(hint)
}

/// The pair file's fields win; a field set in both places is worth a
/// warning, since one of the two values is silently ignored otherwise.
/// Sessions are the exception: both places' sessions make the one log.
fn merge(
    roster: PairDraft,
    file: PairDraft,
    file_path: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> PairDraft {
    let span = file.span.clone().unwrap_or_else(|| Span::file(file_path));
    let mut both = Vec::new();
    macro_rules! pick {
        ($field:ident) => {{
            if roster.$field.is_some() && file.$field.is_some() {
                both.push(stringify!($field));
            }
            file.$field.or(roster.$field)
        }};
    }
    let merged = PairDraft {
        id: roster.id.clone(),
        span: roster.span.clone(),
        mentor: pick!(mentor),
        mentee: pick!(mentee),
        topics: pick!(topics),
        goals: pick!(goals),
        start: pick!(start),
        end: pick!(end),
        cadence: pick!(cadence),
        status: pick!(status),
        confidential: pick!(confidential),
        public_title: pick!(public_title),
        sessions: match (roster.sessions, file.sessions) {
            (Some(mut both), Some(more)) => {
                both.extend(more);
                Some(both)
            }
            (one, other) => one.or(other),
        },
        reporting_line_exception: pick!(reporting_line_exception),
        aliases: pick!(aliases),
    };
    if !both.is_empty() {
        let roster_place = roster
            .span
            .map_or_else(String::new, |s| format!(" ({}:{})", s.file, s.line));
        diagnostics.push(
            Diagnostic::warning(
                Code::PairOverridden,
                span,
                format!(
                    "`{}` set both here and in the roster{roster_place}; this file's value is used",
                    both.join("`, `")
                ),
            )
            .with_hint("keep each field in one place"),
        );
    }
    merged
}
