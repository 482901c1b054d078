//! Sessions and dates: rosters and pairs do not end before they start,
//! sessions are dated within their pair's start and end and name a known
//! session template, and a template's agenda adds up to its duration. As of
//! a date: no session is left `planned` once its date has passed.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Kind, Pair, Playbook, Session, SessionStatus};
use crate::suggest::did_you_mean;
use chrono::NaiveDate;

pub(super) fn sessions_and_dates(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let templates: Vec<(&str, Option<usize>)> = playbook
        .pages
        .iter()
        .filter(|p| matches!(p.kind, Kind::Session(_)))
        .map(|p| (p.id.as_str(), p.program))
        .collect();
    for page in &playbook.pages {
        page_dates(&page.kind, out);
    }
    for pair in &playbook.pairs {
        pair_dates(pair, out);
        for session in &pair.sessions {
            session_rules(playbook, pair, session, &templates, out);
        }
    }
}

fn page_dates(kind: &Kind, out: &mut Vec<Diagnostic>) {
    match kind {
        Kind::Roster(roster) => {
            if let (Some(start), Some(end)) = (&roster.start, &roster.end)
                && end.value < start.value
            {
                out.push(
                    Diagnostic::error(
                        Code::DatesBackwards,
                        end.span.clone(),
                        format!(
                            "the roster ends ({}) before it starts ({})",
                            end.value, start.value
                        ),
                    )
                    .with_hint("swap `start` and `end`, or fix the year"),
                );
            }
        }
        Kind::Session(template) => {
            let total = template.total_minutes();
            if let Some(duration) = &template.duration
                && !template.agenda.is_empty()
                && total != duration.value
            {
                out.push(
                    Diagnostic::warning(
                        Code::AgendaDuration,
                        duration.span.clone(),
                        format!(
                            "the agenda adds up to {total} minutes but `duration` is {}",
                            duration.value
                        ),
                    )
                    .with_hint("make the agenda's minutes add up to the duration"),
                );
            }
        }
        _ => {}
    }
}

fn pair_dates(pair: &Pair, out: &mut Vec<Diagnostic>) {
    if let (Some(start), Some(end)) = (&pair.start, pair.end)
        && end < start.value
    {
        out.push(
            Diagnostic::error(
                Code::DatesBackwards,
                start.span.clone(),
                format!(
                    "pair `{}` starts ({}) after it ends ({end})",
                    pair.id.value, start.value
                ),
            )
            .with_hint("check the pair's `start` and the roster's `end`"),
        );
    }
}

/// `templates`: every template's id and program, for the hint only (the
/// lookup is the playbook's).
fn session_rules(
    playbook: &Playbook,
    pair: &Pair,
    session: &Session,
    templates: &[(&str, Option<usize>)],
    out: &mut Vec<Diagnostic>,
) {
    if let Some(start) = &pair.start
        && session.date.value < start.value
        && session.status.as_ref().map(|s| s.value) != Some(SessionStatus::Cancelled)
    {
        out.push(
            Diagnostic::error(
                Code::SessionBeforeStart,
                session.date.span.clone(),
                format!(
                    "this session ({}) is dated before pair `{}` starts ({})",
                    session.date.value, pair.id.value, start.value
                ),
            )
            .with_hint("fix the date, or set the pair's `start` earlier"),
        );
    }
    if let Some(end) = pair.end
        && session.date.value > end
        && session.status.as_ref().map(|s| s.value) != Some(SessionStatus::Cancelled)
    {
        out.push(
            Diagnostic::warning(
                Code::SessionAfterEnd,
                session.date.span.clone(),
                format!(
                    "this session ({}) is dated after pair `{}` ends ({end}); it is never shown as next",
                    session.date.value, pair.id.value
                ),
            )
            .with_hint("fix the date, or set the pair's `end` later if the pairing goes on"),
        );
    }
    // A template that failed to read says on its own error who uses it.
    if let Some(template) = &session.template
        && playbook
            .session_template(pair.program, &template.value)
            .is_none()
        && playbook.failed.named("session", &template.value).is_none()
    {
        let hint = template_hint(playbook, pair.program, &template.value, templates);
        out.push(
            Diagnostic::error(
                Code::UnknownTemplate,
                template.span.clone(),
                format!("no session template has the id `{}`", template.value),
            )
            .with_hint(hint),
        );
    }
}

/// What to do about a session naming `id`, which pairs of `program` cannot
/// use: only the templates they can use are suggested (their program's and
/// site-wide ones), and a template of that id in another program is named,
/// as "did you mean `id`?" would only repeat what was written.
fn template_hint(
    playbook: &Playbook,
    program: usize,
    id: &str,
    templates: &[(&str, Option<usize>)],
) -> String {
    if let Some(other) = templates
        .iter()
        .find_map(|&(t, p)| p.filter(|&p| t == id && p != program))
    {
        return format!(
            "`{id}` is a session template of program `{}`; a pair's template is looked up in its own program's folder, then among site-wide ones: add one to `content/{}/` or move it out of the programs' folders",
            playbook.program_id(other),
            playbook.program_id(program)
        );
    }
    let usable: Vec<&str> = templates
        .iter()
        .filter(|(_, p)| p.is_none_or(|p| p == program))
        .map(|(t, _)| *t)
        .collect();
    if usable.is_empty() {
        let place = match playbook.program_id(program) {
            "" => String::new(),
            folder => format!(" in `content/{folder}/` or outside the programs' folders"),
        };
        return format!(
            "no session template is{place} yet: session templates are pages with `kind: session`"
        );
    }
    did_you_mean(id, &usable).map_or_else(
        || {
            format!(
                "session templates are pages with `kind: session`; known: {}",
                usable.join(", ")
            )
        },
        |near| format!("did you mean `{near}`?"),
    )
}

/// Sessions still `planned` once their date has passed, as of `as_of`: the
/// log was not updated, and progress cannot count them as held or missed.
pub(super) fn sessions_to_update(playbook: &Playbook, as_of: NaiveDate, out: &mut Vec<Diagnostic>) {
    for pair in &playbook.pairs {
        for session in &pair.sessions {
            let Some(status) = &session.status else {
                continue;
            };
            if !crate::model::still_planned(Some(status.value), session.date.value, as_of) {
                continue;
            }
            out.push(
                Diagnostic::warning(
                    Code::SessionNotUpdated,
                    status.span.clone(),
                    format!(
                        "this session of pair `{}` is still `planned`, but its date ({}) has passed (as of {as_of})",
                        pair.id.value, session.date.value
                    ),
                )
                .with_hint(
                    "was it held? set `status: held`, or `status: cancelled` (or `missed`) if it did not take place",
                ),
            );
        }
    }
}
