//! A pair's fields as written in a roster entry or a pair file: people by
//! id or inline, topics, goals, dates, cadence, status and sessions.

use super::cadence::read_cadence;
use crate::config::web_address_problem;
use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::{
    Alias, Cadence, Location, PairGoal, PairOverride, Person, PersonRef, Session, SessionStatus,
};
use crate::source::fields::{Ctx, Fields, OneOf, Spanned};
use crate::yaml::{Node, Value};
use chrono::NaiveDate;

/// A pair as written in one place (a roster entry, a pair file or a row of
/// `data/pairs.csv`): unset fields stay `None` so that a roster entry and
/// its pair file can be merged field by field.
#[derive(Debug, Clone, Default)]
pub(super) struct PairDraft {
    pub(super) id: Option<Spanned<String>>,
    pub(super) span: Option<Span>,
    pub(super) mentor: Option<PersonRef>,
    pub(super) mentee: Option<PersonRef>,
    pub(super) topics: Option<Vec<String>>,
    pub(super) goals: Option<Vec<PairGoal>>,
    pub(super) start: Option<Spanned<NaiveDate>>,
    pub(super) end: Option<Spanned<NaiveDate>>,
    pub(super) cadence: Option<Cadence>,
    pub(super) status: Option<PairOverride>,
    pub(super) confidential: Option<bool>,
    pub(super) public_title: Option<Spanned<String>>,
    pub(super) sessions: Option<Vec<Session>>,
    /// Why this pair may be in one reporting line (empty when written
    /// without a reason, which is reported here).
    pub(super) reporting_line_exception: Option<Spanned<String>>,
    pub(super) aliases: Option<Vec<Alias>>,
}

/// The words of a pair's `status`: only overrides, as the other statuses
/// are computed from the sessions.
pub(super) const PAIR_STATUS_WORDS: &[(&str, PairOverride)] = &[
    ("paused", PairOverride::Paused),
    ("completed", PairOverride::Completed),
    ("withdrawn", PairOverride::Withdrawn),
];

const PAIR_STATUS: OneOf<PairOverride> = OneOf {
    field: "a pair's `status`",
    values: PAIR_STATUS_WORDS,
    hint: "`status` only overrides: use `paused`, `completed` or `withdrawn`; other statuses are computed from the sessions",
};

const SESSION_STATUS: OneOf<SessionStatus> = OneOf {
    field: "a session's `status`",
    values: &[
        ("held", SessionStatus::Held),
        ("planned", SessionStatus::Planned),
        ("cancelled", SessionStatus::Cancelled),
        ("canceled", SessionStatus::Cancelled),
        ("missed", SessionStatus::Missed),
    ],
    hint: "use `held`, `planned`, `cancelled` or `missed`, or leave it out: then a session is held once its date has come, planned before",
};

/// The fields of one pair; the caller sets `span` and checks for unknown
/// fields. A roster entry must have an `id`; a pair file may take its own.
pub(super) fn read_pair_fields(p: &mut Fields, ctx: &mut Ctx, id_required: bool) -> PairDraft {
    let id = if id_required {
        p.required_string("id", ctx)
    } else {
        p.string("id", ctx)
    };
    let status = p.one_of("status", &PAIR_STATUS, ctx).map(|s| s.value);
    let goals = p
        .node("goals")
        .map(|_| read_pair_goals(p.list("goals", ctx), ctx));
    let sessions = p
        .node("sessions")
        .map(|_| read_sessions(p.list("sessions", ctx), ctx));
    let reporting_line_exception = read_exception(p, id.as_ref(), ctx);
    PairDraft {
        id,
        span: None,
        mentor: read_person_ref(p, "mentor", ctx),
        mentee: read_person_ref(p, "mentee", ctx),
        topics: p.node("topics").map(|_| {
            p.strings("topics", ctx)
                .into_iter()
                .map(|s| s.value)
                .collect()
        }),
        goals,
        start: p.date("start", ctx),
        end: p.date("end", ctx),
        cadence: read_cadence(p, ctx),
        status,
        confidential: p.bool("confidential", ctx),
        public_title: p.string("public_title", ctx),
        sessions,
        reporting_line_exception,
        aliases: p.node("aliases").map(|_| read_aliases(p, ctx, true)),
    }
}

/// `aliases:`, a page's or pair's old addresses: each one that is no plain
/// path of this site is reported here, where it is written, and dropped.
pub(super) fn read_aliases(f: &mut Fields, ctx: &mut Ctx, pair: bool) -> Vec<Alias> {
    let mut aliases = Vec::new();
    for raw in f.strings("aliases", ctx) {
        match crate::urls::alias_address(&raw.value, pair) {
            Ok(address) => aliases.push(Alias {
                address,
                span: raw.span,
            }),
            Err(problem) => ctx.push(
                Diagnostic::error(
                    Code::BadAlias,
                    raw.span,
                    format!("alias `{}`: {problem}", crate::urls::quote(&raw.value)),
                )
                .with_hint(if pair {
                    "write the pair's old id (`ana-bo`) or the old path of its page (`pairs/ana-bo/`)"
                } else {
                    "write the page's old path from the site's root, e.g. `launch/04-pair-people/` or `launch/04-pair-people.md`"
                }),
            ),
        }
    }
    aliases
}

/// `reporting_line_exception`: the reason a pair may break
/// `rules.reporting_line`. A reason is the point of it, so an empty one is
/// an error (and still counts as an exception, so the pair gets one error).
fn read_exception(
    p: &mut Fields,
    id: Option<&Spanned<String>>,
    ctx: &mut Ctx,
) -> Option<Spanned<String>> {
    const KEY: &str = "reporting_line_exception";
    // `key:` alone counts as unwritten, as for every field: the pair's
    // reporting line, if any, is then an error naming this field.
    let reason = p.string(KEY, ctx)?;
    if reason.value.trim().is_empty() {
        ctx.push(
            Diagnostic::error(
                Code::ReportingLine,
                reason.span.clone(),
                match id {
                    Some(id) => format!("pair `{}`: `{KEY}` needs a reason", id.value),
                    None => format!("`{KEY}` needs a reason"),
                },
            )
            .with_hint(format!(
                "say why this pair may be in one reporting line and who agreed, e.g. `{KEY}: \"CEO sponsors the program; agreed by HR on 2026-10-01\"`, or remove it"
            )),
        );
    }
    Some(reason)
}

/// A pair's goals: a title alone, or `title` and `done`.
fn read_pair_goals(items: &[Node], ctx: &mut Ctx) -> Vec<PairGoal> {
    let mut goals = Vec::new();
    for item in items {
        if let Value::Str(title) = &item.value {
            goals.push(PairGoal {
                title: title.clone(),
                done: false,
            });
            continue;
        }
        let Some(mut g) = Fields::new(item, "pair goal", ctx) else {
            continue;
        };
        let title = g.required_string("title", ctx);
        let done = g.bool("done", ctx).unwrap_or(false);
        g.finish(ctx, &|_| None);
        if let Some(title) = title {
            goals.push(PairGoal {
                title: title.value,
                done,
            });
        }
    }
    goals
}

/// A pair's sessions, in the order written (merging sorts them by date).
fn read_sessions(items: &[Node], ctx: &mut Ctx) -> Vec<Session> {
    let mut sessions = Vec::new();
    for item in items {
        let Some(mut s) = Fields::new(item, "session", ctx) else {
            continue;
        };
        let date = s.required_date("date", ctx);
        let time = s.time("time", ctx);
        let duration = s.minutes("duration", ctx);
        let template = s.string("template", ctx);
        let status = s.one_of("status", &SESSION_STATUS, ctx);
        let location = read_location(&mut s, ctx);
        let notes = s.text("notes", ctx);
        s.finish(ctx, &|_| None);
        if let Some(date) = date {
            sessions.push(Session {
                date,
                time,
                duration,
                template,
                status,
                location,
                notes,
            });
        }
    }
    sessions
}

/// `location`: a place in words, or a video call's address. Text that is
/// meant as an address (`scheme://...`, or a scheme that runs code or reads
/// files, `javascript:`) must be a web address, as `base_url` must: it
/// becomes a link.
fn read_location(s: &mut Fields, ctx: &mut Ctx) -> Option<Location> {
    let text = s.string("location", ctx)?;
    let value = text.value.trim();
    if value.is_empty() {
        return None;
    }
    if !looks_like_address(value) {
        return Some(Location::Place(value.to_string()));
    }
    match web_address_problem(value) {
        None => Some(Location::Call(value.to_string())),
        Some(problem) => {
            ctx.push(
                Diagnostic::error(Code::BadValue, text.span, format!("`location` {problem}"))
                    .with_hint("a video call's address starts with `https://` (copy the meeting's join link); write a place in words, e.g. `Room 2.14, head office`"),
            );
            None
        }
    }
}

fn looks_like_address(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
    let runs_or_reads = ["javascript", "vbscript", "data", "file"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme));
    is_scheme && (rest.starts_with("//") || runs_or_reads)
}

fn read_person_ref(f: &mut Fields, key: &'static str, ctx: &mut Ctx) -> Option<PersonRef> {
    let node = f.node(key)?;
    match &node.value {
        Value::Map(_) => {
            let mut person = read_inline_person(node, key, ctx)?;
            person.id = format!("{}:{}", key, crate::urls::slugify(&person.name));
            Some(PersonRef::Inline(person))
        }
        _ => f.string(key, ctx).map(PersonRef::Id),
    }
}

fn read_inline_person(node: &Node, what: &str, ctx: &mut Ctx) -> Option<Person> {
    let mut f = Fields::new(node, format!("`{what}`"), ctx)?;
    let name = f.required_string("name", ctx);
    let person = Person {
        id: String::new(),
        name: name.map(|n| n.value).unwrap_or_default(),
        role: f.text("role", ctx),
        team: f.text("team", ctx),
        email: f.text("email", ctx),
        reports_to: None,
        span: ctx.span(node.pos),
    };
    f.finish(ctx, &|_| None);
    Some(person)
}
