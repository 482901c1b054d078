//! Sources -> Playbook: reads every front matter field into the model,
//! merges pair files into their roster entries and builds the section tree.

use super::*;
use crate::config;
use crate::diagnostic::{Diagnostic, Span};
use crate::fields::{Ctx, Fields};
use crate::load::{self, SourceFile, Sources};
use crate::markdown;
use crate::yaml::{Node, Value};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

const KIND_FIELDS: &[(&str, &[&str])] = &[
    ("goals", &["goals"]),
    ("step", &["step", "owner", "due", "status"]),
    (
        "session",
        &["duration", "order", "week", "agenda", "prepare", "prompts"],
    ),
    (
        "roster",
        &["cohort", "start", "end", "cadence", "people", "pairs"],
    ),
    (
        "pair",
        &[
            "mentor",
            "mentee",
            "topics",
            "goals",
            "start",
            "end",
            "cadence",
            "status",
            "confidential",
            "sessions",
        ],
    ),
];

/// Explains a field that belongs to another kind of page.
fn field_of_other_kind(key: &str) -> Option<String> {
    let kinds: Vec<&str> = KIND_FIELDS
        .iter()
        .filter(|(_, fields)| fields.contains(&key))
        .map(|(kind, _)| *kind)
        .collect();
    (!kinds.is_empty()).then(|| {
        format!(
            "`{key}` is a field of `kind: {}` pages",
            kinds.join("` or `kind: ")
        )
    })
}

/// A pair as written in one place (a roster entry or a pair file): unset
/// fields stay `None` so the two can be merged field by field.
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
    pub(super) sessions: Option<Vec<Session>>,
}

/// One file read on its own (in parallel with the others).
#[derive(Clone)]
struct FileRead {
    page: Page,
    roster_pairs: Vec<PairDraft>,
    pair_file: Option<PairDraft>,
    people: Vec<Person>,
    diagnostics: Vec<Diagnostic>,
}

pub fn read(sources: &Sources) -> (Playbook, Vec<Diagnostic>) {
    let reads: Vec<FileRead> = sources.content.par_iter().map(read_file).collect();
    let data: Vec<DataRead> = sources.data.iter().map(read_data).collect();
    assemble(sources, reads, data)
}

/// Files as last read, so that `serve` re-parses only the files that
/// changed (YAML parsing is most of the model stage on a large program).
#[derive(Default)]
pub struct ReadCache {
    content: HashMap<String, (Arc<str>, FileRead)>,
    data: HashMap<String, (Arc<str>, DataRead)>,
}

/// `read`, re-reading only the files whose text differs from the cache's.
pub fn read_cached(sources: &Sources, cache: &mut ReadCache) -> (Playbook, Vec<Diagnostic>) {
    let reads = reuse(&mut cache.content, &sources.content, read_file);
    let data = reuse(&mut cache.data, &sources.data, read_data);
    assemble(sources, reads, data)
}

/// Each file's read from the cache when its text is unchanged, else
/// `read` afresh (and cached); files that are gone leave the cache.
fn reuse<T: Clone + Send + Sync>(
    cache: &mut HashMap<String, (Arc<str>, T)>,
    files: &[SourceFile],
    read: impl Fn(&SourceFile) -> T + Sync,
) -> Vec<T> {
    let reads: Vec<(T, bool)> = files
        .par_iter()
        .map(|file| match cache.get(&file.path) {
            Some((text, known)) if *text == file.text => (known.clone(), false),
            _ => (read(file), true),
        })
        .collect();
    let present: std::collections::HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    cache.retain(|path, _| present.contains(path.as_str()));
    files
        .iter()
        .zip(reads)
        .map(|(file, (read, fresh))| {
            if fresh {
                cache.insert(file.path.clone(), (file.text.clone(), read.clone()));
            }
            read
        })
        .collect()
}

/// What one file under `data/` holds.
#[derive(Clone, Default)]
struct DataRead {
    people: Vec<Person>,
    pairs: Vec<(Spanned<String>, PairDraft)>,
    diagnostics: Vec<Diagnostic>,
}

fn read_data(file: &SourceFile) -> DataRead {
    let mut read = DataRead::default();
    if file.path.ends_with(".csv") {
        super::csv_data::read(
            file,
            &mut read.people,
            &mut read.pairs,
            &mut read.diagnostics,
        );
    } else {
        read_data_file(file, &mut read.people, &mut read.diagnostics);
    }
    read
}

fn assemble(
    sources: &Sources,
    reads: Vec<FileRead>,
    data: Vec<DataRead>,
) -> (Playbook, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let config = config::read(sources.config.as_ref(), &mut diagnostics);

    let mut playbook = Playbook {
        config,
        ..Playbook::default()
    };
    let mut csv_pairs = Vec::new();
    for read in data {
        playbook.people.extend(read.people);
        csv_pairs.extend(read.pairs);
        diagnostics.extend(read.diagnostics);
    }
    let mut roster_drafts: Vec<(usize, Vec<PairDraft>)> = Vec::new();
    let mut pair_files: Vec<(usize, PairDraft)> = Vec::new();
    for (index, read) in reads.into_iter().enumerate() {
        diagnostics.extend(read.diagnostics);
        playbook.people.extend(read.people);
        if !read.roster_pairs.is_empty() {
            roster_drafts.push((index, read.roster_pairs));
        }
        if let Some(draft) = read.pair_file {
            pair_files.push((index, draft));
        }
        playbook.pages.push(read.page);
    }
    attach_csv_pairs(&playbook, csv_pairs, &mut roster_drafts, &mut diagnostics);
    merge_pairs(&mut playbook, roster_drafts, pair_files, &mut diagnostics);
    build_sections(&mut playbook);
    (playbook, diagnostics)
}

fn read_file(file: &SourceFile) -> FileRead {
    let mut diagnostics = Vec::new();
    let (document, split_error) = load::split(file);
    let had_yaml_error = split_error.is_some();
    diagnostics.extend(split_error);
    let scan = markdown::scan(document.body, document.body_line);
    let rel = file.path.strip_prefix("content/").unwrap_or(&file.path);
    let (folder, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let is_index = stem == "_index";
    let (prefix, bare) = split_prefix(if is_index {
        folder.rsplit('/').next().unwrap_or("")
    } else {
        stem
    });
    let page = Page {
        file: file.path.clone(),
        url: if is_index {
            if folder.is_empty() {
                String::new()
            } else {
                format!("{folder}/")
            }
        } else {
            format!("{}/", rel.rsplit_once('.').map_or(rel, |(s, _)| s))
        },
        id: if bare.is_empty() {
            "home".into()
        } else {
            bare.to_string()
        },
        title: String::new(),
        description: String::new(),
        weight: 0,
        prefix,
        draft: false,
        kind: Kind::Page,
        body: document.body.into(),
        body_line: document.body_line,
        scan: scan.into(),
        section: 0,
        is_index,
    };
    let mut read = FileRead {
        page,
        roster_pairs: Vec::new(),
        pair_file: None,
        people: Vec::new(),
        diagnostics: Vec::new(),
    };
    let empty = Node {
        value: Value::Null,
        pos: crate::yaml::Pos { line: 1, col: 1 },
    };
    let mut ctx = Ctx {
        file: &file.path,
        diagnostics: &mut diagnostics,
    };
    if had_yaml_error {
        // The fields are unknown; keep the page usable for the other checks.
        read.page.title = read.page.id.clone();
    } else {
        read_front_matter(
            document.front_matter.as_ref().unwrap_or(&empty),
            &mut read,
            &mut ctx,
        );
    }
    read.diagnostics = diagnostics;
    read
}

/// `01-define-goals` -> (Some(1), "define-goals").
pub fn split_prefix(name: &str) -> (Option<u64>, &str) {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < name.len() && matches!(name.as_bytes()[digits], b'-' | b'_' | b'.') {
        (name[..digits].parse().ok(), &name[digits + 1..])
    } else {
        (None, name)
    }
}

fn read_front_matter(node: &Node, read: &mut FileRead, ctx: &mut Ctx) {
    let Some(mut f) = Fields::new(node, "front matter", ctx) else {
        return;
    };
    let page = &mut read.page;
    let kind_name = f.string("kind", ctx);
    if let Some(id) = f.string("id", ctx) {
        page.id = id.value;
    }
    if let Some(weight) = f.int("weight", ctx) {
        page.weight = weight.value;
    }
    page.draft = f.bool("draft", ctx).unwrap_or(false);
    if let Some(d) = f.string("description", ctx) {
        page.description = d.value;
    }
    let title = f.string("title", ctx);
    let kind = kind_name.as_ref().map_or("page", |k| k.value.as_str());
    match title {
        Some(t) => page.title = t.value,
        None => match page.scan.headings.iter().find(|h| h.level == 1) {
            Some(h) => page.title = h.text.clone(),
            None if kind == "pair" => {}
            None => {
                let span = ctx.span(f.pos());
                ctx.push(
                    Diagnostic::error("missing-field", span, "the page has no `title`")
                        .with_hint("add `title: ...` to the front matter (or start the body with a `# Heading`)"),
                );
            }
        },
    }
    page.kind = match kind {
        "page" => Kind::Page,
        "guide" => {
            if !page.is_index {
                let span = kind_name
                    .as_ref()
                    .map_or_else(|| ctx.span(f.pos()), |k| k.span.clone());
                ctx.push(
                    Diagnostic::error(
                        "guide-not-index",
                        span,
                        "a guide must be a section's `_index.md`",
                    )
                    .with_hint(
                        "move this file to `<guide folder>/_index.md` and put its steps beside it",
                    ),
                );
            }
            Kind::Guide
        }
        "goals" => Kind::Goals(read_goals(&mut f, ctx)),
        "step" => Kind::Step(read_step(&mut f, ctx, page)),
        "session" => Kind::Session(read_session(&mut f, ctx, page)),
        "roster" => {
            let roster = read_roster(&mut f, ctx, page, &mut read.people, &mut read.roster_pairs);
            Kind::Roster(roster)
        }
        "pair" => {
            let mut draft = read_pair_fields(&mut f, ctx, false);
            draft.span = Some(ctx.span(f.pos()));
            if draft.id.is_none() {
                draft.id = Some(Spanned::new(page.id.clone(), ctx.span(f.pos())));
            }
            let id = draft
                .id
                .as_ref()
                .map_or_else(String::new, |i| i.value.clone());
            page.id = id.clone();
            page.url = format!("pairs/{id}/");
            read.pair_file = Some(draft);
            Kind::Pair(id)
        }
        other => {
            if let Some(k) = &kind_name {
                let kinds = [
                    "page", "goals", "guide", "step", "session", "roster", "pair",
                ];
                let hint = crate::fields::did_you_mean(other, &kinds).map_or_else(
                    || format!("use one of: {}", kinds.join(", ")),
                    |near| format!("did you mean `{near}`?"),
                );
                ctx.push(
                    Diagnostic::error(
                        "unknown-kind",
                        k.span.clone(),
                        format!("unknown kind `{other}`"),
                    )
                    .with_hint(hint),
                );
            }
            Kind::Page
        }
    };
    f.finish(ctx, &field_of_other_kind);
}

fn read_goals(f: &mut Fields, ctx: &mut Ctx) -> Vec<Goal> {
    let mut goals = Vec::new();
    for item in f.list("goals", ctx) {
        let Some(mut g) = Fields::new(item, "goal", ctx) else {
            continue;
        };
        let id = g.required_string("id", ctx);
        let title = g.required_string("title", ctx);
        let mut goal = Goal {
            id: id.map(|i| i.value).unwrap_or_default(),
            title: title.map(|t| t.value).unwrap_or_default(),
            metric: g.string("metric", ctx).map(|v| v.value).unwrap_or_default(),
            unit: g.string("unit", ctx).map(|v| v.value).unwrap_or_default(),
            description: g
                .string("description", ctx)
                .map(|v| v.value)
                .unwrap_or_default(),
            baseline: g.number("baseline", ctx).map(|v| v.value),
            target: g.required_number("target", ctx).map(|v| v.value),
            results: Vec::new(),
            span: ctx.span(item.pos),
        };
        for result in g.list("results", ctx) {
            let Some(mut r) = Fields::new(result, "result", ctx) else {
                continue;
            };
            let date = r.required_date("date", ctx);
            let value = r.required_number("value", ctx);
            if let (Some(date), Some(value)) = (date, value) {
                goal.results.push(GoalResult {
                    date: date.value,
                    value: value.value,
                });
            }
            r.finish(ctx, &|_| None);
        }
        goal.results.sort_by_key(|r| r.date);
        g.finish(ctx, &|_| None);
        goals.push(goal);
    }
    goals
}

fn read_step(f: &mut Fields, ctx: &mut Ctx, page: &mut Page) -> Step {
    let order = f.int("step", ctx).map(|v| v.value);
    if let Some(order) = order
        && !f.has("weight")
    {
        page.weight = order;
    }
    let status = match f.string("status", ctx) {
        None => StepStatus::Todo,
        Some(s) => match s.value.as_str() {
            "todo" => StepStatus::Todo,
            "doing" => StepStatus::Doing,
            "done" => StepStatus::Done,
            other => {
                ctx.push(
                    Diagnostic::error(
                        "bad-value",
                        s.span,
                        format!("step `status` cannot be `{other}`"),
                    )
                    .with_hint("use `todo`, `doing` or `done`"),
                );
                StepStatus::Todo
            }
        },
    };
    Step {
        order,
        owner: f.string("owner", ctx).map(|v| v.value).unwrap_or_default(),
        due: f.date("due", ctx).map(|v| v.value),
        status,
    }
}

fn read_session(f: &mut Fields, ctx: &mut Ctx, page: &mut Page) -> SessionTemplate {
    let order = f.int("order", ctx).map(|v| v.value);
    let week = f.int("week", ctx).map(|v| v.value);
    if !f.has("weight")
        && let Some(w) = order.or(week)
    {
        page.weight = w;
    }
    let mut agenda = Vec::new();
    for item in f.list("agenda", ctx) {
        let Some(mut a) = Fields::new(item, "agenda item", ctx) else {
            continue;
        };
        let minutes = a.count("minutes", ctx);
        let text = a.required_string("item", ctx);
        if !a.has("minutes") {
            let span = ctx.span(a.pos());
            ctx.push(
                Diagnostic::error(
                    "missing-field",
                    span,
                    "agenda item is missing the required field `minutes`",
                )
                .with_hint("add `minutes: 10`"),
            );
        }
        a.finish(ctx, &|_| None);
        if let (Some(minutes), Some(text)) = (minutes, text) {
            agenda.push(AgendaItem {
                minutes: minutes.value,
                item: text.value,
            });
        }
    }
    SessionTemplate {
        duration: f.count("duration", ctx),
        order,
        week,
        agenda,
        prepare: f
            .strings("prepare", ctx)
            .into_iter()
            .map(|s| s.value)
            .collect(),
        prompts: f
            .strings("prompts", ctx)
            .into_iter()
            .map(|s| s.value)
            .collect(),
    }
}

fn read_cadence(f: &mut Fields, ctx: &mut Ctx) -> Option<Cadence> {
    let node = f.node("cadence")?;
    let span = ctx.span(node.pos);
    let bad = |ctx: &mut Ctx, what: String| {
        ctx.push(
            Diagnostic::error(
                "bad-value",
                span.clone(),
                format!("`cadence` cannot be {what}"),
            )
            .with_hint("use `weekly`, `biweekly`, `monthly` or a number of days such as `10`"),
        );
        None
    };
    match &node.value {
        Value::Int(n) => parse_cadence(&n.to_string()).or_else(|| bad(ctx, format!("`{n}`"))),
        Value::Str(s) => parse_cadence(s).or_else(|| bad(ctx, format!("`{s}`"))),
        other => bad(ctx, other.type_name().to_string()),
    }
}

/// `weekly`, `biweekly` (or `fortnightly`), `monthly`, or 1 to 366 days.
pub(super) fn parse_cadence(text: &str) -> Option<Cadence> {
    match text.trim() {
        "weekly" => Some(Cadence::Weekly),
        "biweekly" | "fortnightly" => Some(Cadence::Biweekly),
        "monthly" => Some(Cadence::Monthly),
        other => other
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=366).contains(n))
            .map(Cadence::Days),
    }
}

fn read_roster(
    f: &mut Fields,
    ctx: &mut Ctx,
    page: &Page,
    people: &mut Vec<Person>,
    pairs: &mut Vec<PairDraft>,
) -> Roster {
    let roster = Roster {
        cohort: f
            .string("cohort", ctx)
            .map_or_else(|| page.title.clone(), |v| v.value),
        start: f.date("start", ctx),
        end: f.date("end", ctx),
        cadence: read_cadence(f, ctx).unwrap_or(Cadence::Biweekly),
        pairs: Vec::new(),
    };
    for item in f.list("people", ctx) {
        people.extend(read_person(item, ctx));
    }
    for item in f.list("pairs", ctx) {
        let Some(mut p) = Fields::new(item, "pair", ctx) else {
            continue;
        };
        let mut draft = read_pair_fields(&mut p, ctx, true);
        draft.span = Some(ctx.span(item.pos));
        p.finish(ctx, &|_| None);
        pairs.push(draft);
    }
    roster
}

fn read_pair_fields(p: &mut Fields, ctx: &mut Ctx, id_required: bool) -> PairDraft {
    let id = if id_required {
        p.required_string("id", ctx)
    } else {
        p.string("id", ctx)
    };
    let status = p.string("status", ctx).and_then(|s| match s.value.as_str() {
        "paused" => Some(PairOverride::Paused),
        "completed" => Some(PairOverride::Completed),
        "withdrawn" => Some(PairOverride::Withdrawn),
        other => {
            ctx.push(
                Diagnostic::error("bad-value", s.span, format!("a pair's `status` cannot be `{other}`"))
                    .with_hint("`status` only overrides: use `paused`, `completed` or `withdrawn`; other statuses are computed from the sessions"),
            );
            None
        }
    });
    let goals = p.node("goals").map(|_| {
        let mut goals = Vec::new();
        for item in p.list("goals", ctx) {
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
    });
    let sessions = p.node("sessions").map(|_| {
        let mut sessions = Vec::new();
        for item in p.list("sessions", ctx) {
            let Some(mut s) = Fields::new(item, "session", ctx) else {
                continue;
            };
            let date = s.required_date("date", ctx);
            let template = s.string("template", ctx);
            let status = match s.string("status", ctx) {
                None => SessionStatus::Held,
                Some(v) => match v.value.as_str() {
                    "held" => SessionStatus::Held,
                    "planned" => SessionStatus::Planned,
                    "cancelled" | "canceled" => SessionStatus::Cancelled,
                    "missed" => SessionStatus::Missed,
                    other => {
                        ctx.push(
                            Diagnostic::error(
                                "bad-value",
                                v.span,
                                format!("a session's `status` cannot be `{other}`"),
                            )
                            .with_hint(
                                "use `held` (the default), `planned`, `cancelled` or `missed`",
                            ),
                        );
                        SessionStatus::Held
                    }
                },
            };
            let notes = s.string("notes", ctx).map(|v| v.value).unwrap_or_default();
            s.finish(ctx, &|_| None);
            if let Some(date) = date {
                sessions.push(Session {
                    date,
                    template,
                    status,
                    notes,
                });
            }
        }
        sessions.sort_by_key(|s| s.date.value);
        sessions
    });
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
        sessions,
    }
}

fn read_person_ref(f: &mut Fields, key: &'static str, ctx: &mut Ctx) -> Option<PersonRef> {
    let node = f.node(key)?;
    match &node.value {
        Value::Map(_) => {
            let mut person = read_inline_person(node, key, ctx)?;
            person.id = format!("{}:{}", key, markdown::slugify(&person.name));
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
        role: f.string("role", ctx).map(|v| v.value).unwrap_or_default(),
        team: f.string("team", ctx).map(|v| v.value).unwrap_or_default(),
        email: f.string("email", ctx).map(|v| v.value).unwrap_or_default(),
        reports_to: None,
        span: ctx.span(node.pos),
    };
    f.finish(ctx, &|_| None);
    Some(person)
}

fn read_person(node: &Node, ctx: &mut Ctx) -> Option<Person> {
    let mut f = Fields::new(node, "person", ctx)?;
    let id = f.required_string("id", ctx);
    let name = f.required_string("name", ctx);
    let person = Person {
        id: id.as_ref().map(|i| i.value.clone()).unwrap_or_default(),
        name: name.map(|n| n.value).unwrap_or_default(),
        role: f.string("role", ctx).map(|v| v.value).unwrap_or_default(),
        team: f.string("team", ctx).map(|v| v.value).unwrap_or_default(),
        email: f.string("email", ctx).map(|v| v.value).unwrap_or_default(),
        reports_to: f.string("reports_to", ctx),
        span: id.map_or_else(|| ctx.span(node.pos), |i| i.span),
    };
    f.finish(ctx, &|_| None);
    (!person.id.is_empty()).then_some(person)
}

/// `data/people.yaml` (or any YAML file in `data/` holding a list of
/// people, or a mapping with a `people:` list).
fn read_data_file(file: &SourceFile, people: &mut Vec<Person>, diagnostics: &mut Vec<Diagnostic>) {
    let node = match crate::yaml::parse(&file.text, 1) {
        Ok(node) => node,
        Err(err) => {
            diagnostics.push(
                Diagnostic::error(
                    "yaml-syntax",
                    Span::new(&file.path, err.pos.line, err.pos.col),
                    format!("not valid YAML: {}", err.message),
                )
                .with_hint("check the indentation and quote values that contain `: `"),
            );
            return;
        }
    };
    let mut ctx = Ctx {
        file: &file.path,
        diagnostics,
    };
    let items: &[Node] = match &node.value {
        Value::Seq(items) => items,
        Value::Map(_) => {
            let Some(mut f) = Fields::new(&node, "data file", &mut ctx) else {
                return;
            };
            let items = f.list("people", &mut ctx);
            f.finish(&mut ctx, &|_| None);
            items
        }
        Value::Null => &[],
        other => {
            ctx.push(
                Diagnostic::error(
                    "wrong-type",
                    Span::new(&file.path, node.pos.line, node.pos.col),
                    format!(
                        "a data file must hold a list of people, found {}",
                        other.type_name()
                    ),
                )
                .with_hint("write one `- id: ...` entry per person"),
            );
            &[]
        }
    };
    for item in items {
        people.extend(read_person(item, &mut ctx));
    }
}

/// Pairs from `data/pairs.csv` join the roster their `roster` column names.
fn attach_csv_pairs(
    playbook: &Playbook,
    csv_pairs: Vec<(Spanned<String>, PairDraft)>,
    roster_drafts: &mut Vec<(usize, Vec<PairDraft>)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let rosters: Vec<(usize, &str)> = playbook
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.kind, Kind::Roster(_)))
        .map(|(i, p)| (i, p.id.as_str()))
        .collect();
    for (roster, draft) in csv_pairs {
        let Some(&(page, _)) = rosters.iter().find(|(_, id)| *id == roster.value) else {
            let ids: Vec<&str> = rosters.iter().map(|(_, id)| *id).collect();
            let hint = crate::fields::did_you_mean(&roster.value, &ids).map_or_else(
                || {
                    format!(
                        "the `roster` column names a roster page by its id; rosters: {}",
                        ids.join(", ")
                    )
                },
                |near| format!("did you mean `{near}`?"),
            );
            diagnostics.push(
                Diagnostic::error(
                    "unknown-roster",
                    roster.span,
                    format!("no roster has the id `{}`", roster.value),
                )
                .with_hint(hint),
            );
            continue;
        };
        match roster_drafts.iter_mut().find(|(p, _)| *p == page) {
            Some((_, drafts)) => drafts.push(draft),
            None => roster_drafts.push((page, vec![draft])),
        }
    }
}

fn merge_pairs(
    playbook: &mut Playbook,
    roster_drafts: Vec<(usize, Vec<PairDraft>)>,
    pair_files: Vec<(usize, PairDraft)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut by_id: HashMap<String, usize> = HashMap::new();
    // (roster page, roster entry, the pair file merged into it)
    type Entry = (usize, PairDraft, Option<(usize, PairDraft)>);
    let mut drafts: Vec<Entry> = Vec::new();
    for (page, entries) in roster_drafts {
        for draft in entries {
            let Some(id) = &draft.id else { continue };
            by_id.entry(id.value.clone()).or_insert(drafts.len());
            drafts.push((page, draft, None));
        }
    }
    for (page, file_draft) in pair_files {
        let id = file_draft
            .id
            .as_ref()
            .map_or_else(String::new, |i| i.value.clone());
        match by_id.get(&id) {
            Some(&i) if drafts[i].2.is_none() => drafts[i].2 = Some((page, file_draft)),
            Some(_) => diagnostics.push(
                Diagnostic::error(
                    "duplicate-id",
                    file_draft
                        .span
                        .clone()
                        .unwrap_or_else(|| Span::file(&playbook.pages[page].file)),
                    format!("pair `{id}` already has a pair file"),
                )
                .with_hint("merge the two pair files into one"),
            ),
            None => {
                let known: Vec<&str> = by_id.keys().map(String::as_str).collect();
                let hint = crate::fields::did_you_mean(&id, &known).map_or_else(
                    || "a pair file adds to a pair listed in a roster: add the pair to a roster's `pairs:` or set `id:` to its id".to_string(),
                    |near| format!("did you mean `{near}`?"),
                );
                diagnostics.push(
                    Diagnostic::error(
                        "unknown-pair",
                        file_draft.id.as_ref().map_or_else(
                            || Span::file(&playbook.pages[page].file),
                            |i| i.span.clone(),
                        ),
                        format!("no roster lists a pair `{id}`"),
                    )
                    .with_hint(hint),
                );
            }
        }
    }
    for (roster_page, roster_draft, file) in drafts {
        let Kind::Roster(roster) = &playbook.pages[roster_page].kind else {
            continue;
        };
        let (roster_start, roster_end, roster_cadence) =
            (roster.start.clone(), roster.end.clone(), roster.cadence);
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
        let Some(id) = draft.id else { continue };
        let pair = Pair {
            id,
            roster: roster_page,
            page,
            mentor: draft.mentor,
            mentee: draft.mentee,
            topics: draft.topics.unwrap_or_default(),
            goals: draft.goals.unwrap_or_default(),
            start: draft.start.or(roster_start),
            end: draft.end.or(roster_end).map(|e| e.value),
            cadence: draft.cadence.unwrap_or(roster_cadence),
            status: draft.status,
            confidential: draft.confidential.unwrap_or(false),
            sessions: draft.sessions.unwrap_or_default(),
        };
        let index = playbook.pairs.len();
        playbook.pairs.push(pair);
        if let Kind::Roster(roster) = &mut playbook.pages[roster_page].kind {
            roster.pairs.push(index);
        }
    }
}

/// The pair file's fields win; a field set in both places is worth a
/// warning, since one of the two values is silently ignored otherwise.
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
        sessions: pick!(sessions),
    };
    if !both.is_empty() {
        let roster_place = roster
            .span
            .map_or_else(String::new, |s| format!(" ({}:{})", s.file, s.line));
        diagnostics.push(
            Diagnostic::warning(
                "pair-overridden",
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

fn build_sections(playbook: &mut Playbook) {
    let mut sections = vec![Section {
        path: String::new(),
        title: playbook.config.title.clone(),
        weight: 0,
        prefix: None,
        index: None,
        pages: Vec::new(),
        children: Vec::new(),
        parent: None,
    }];
    let mut by_path: HashMap<String, usize> = HashMap::from([(String::new(), 0)]);
    for page_index in 0..playbook.pages.len() {
        let rel = playbook.pages[page_index]
            .file
            .strip_prefix("content/")
            .unwrap_or("");
        let folder = rel.rsplit_once('/').map_or("", |(f, _)| f);
        let section = section_for(folder, &mut sections, &mut by_path);
        let page = &mut playbook.pages[page_index];
        page.section = section;
        if page.is_index {
            let s = &mut sections[section];
            s.index = Some(page_index);
            s.weight = page.weight;
            if !page.title.is_empty() && section != 0 {
                s.title = page.title.clone();
            }
        } else {
            sections[section].pages.push(page_index);
        }
    }
    let pages = &playbook.pages;
    let page_key = |&i: &usize| {
        let p = &pages[i];
        (
            p.weight,
            p.prefix.unwrap_or(u64::MAX),
            p.title.to_lowercase(),
            p.file.clone(),
        )
    };
    for s in &mut sections {
        s.pages.sort_by_cached_key(page_key);
    }
    let keys: Vec<_> = sections
        .iter()
        .map(|s| {
            (
                s.weight,
                s.prefix.unwrap_or(u64::MAX),
                s.title.to_lowercase(),
                s.path.clone(),
            )
        })
        .collect();
    for s in &mut sections {
        s.children.sort_by_key(|&c| keys[c].clone());
    }
    playbook.sections = sections;
}

fn section_for(
    folder: &str,
    sections: &mut Vec<Section>,
    by_path: &mut HashMap<String, usize>,
) -> usize {
    if let Some(&i) = by_path.get(folder) {
        return i;
    }
    let (parent_path, name) = folder.rsplit_once('/').unwrap_or(("", folder));
    let parent = section_for(parent_path, sections, by_path);
    let (prefix, bare) = split_prefix(name);
    let index = sections.len();
    sections.push(Section {
        path: folder.to_string(),
        title: humanize(bare),
        weight: 0,
        prefix,
        index: None,
        pages: Vec::new(),
        children: Vec::new(),
        parent: Some(parent),
    });
    sections[parent].children.push(index);
    by_path.insert(folder.to_string(), index);
    index
}

/// `launch-guide` -> `Launch guide`.
fn humanize(name: &str) -> String {
    let text = name.replace(['-', '_'], " ");
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_prefixes_are_split_off() {
        assert_eq!(split_prefix("01-kickoff"), (Some(1), "kickoff"));
        assert_eq!(split_prefix("2026-pilot"), (Some(2026), "pilot"));
        assert_eq!(split_prefix("faq"), (None, "faq"));
        assert_eq!(split_prefix("42"), (None, "42"));
    }

    #[test]
    fn folder_names_read_as_titles() {
        assert_eq!(humanize("launch-guide"), "Launch guide");
    }
}
