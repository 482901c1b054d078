//! Sessions and dates: rosters and pairs do not end before they start,
//! sessions are not dated before their pair starts and name a known session
//! template, and a template's agenda adds up to its duration.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Kind, Pair, Playbook, Session, SessionStatus};
use crate::source::fields::did_you_mean;

pub(super) fn sessions_and_dates(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let templates: Vec<&str> = playbook
        .pages
        .iter()
        .filter(|p| matches!(p.kind, Kind::Session(_)))
        .map(|p| p.id.as_str())
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

/// `templates`: every template's id, for the hint only (the lookup is the
/// playbook's).
fn session_rules(
    playbook: &Playbook,
    pair: &Pair,
    session: &Session,
    templates: &[&str],
    out: &mut Vec<Diagnostic>,
) {
    if let Some(start) = &pair.start
        && session.date.value < start.value
        && session.status != SessionStatus::Cancelled
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
    if let Some(template) = &session.template
        && playbook.session_template(&template.value).is_none()
    {
        let hint = did_you_mean(&template.value, templates).map_or_else(
            || {
                format!(
                    "session templates are pages with `kind: session`; known: {}",
                    templates.join(", ")
                )
            },
            |near| format!("did you mean `{near}`?"),
        );
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
