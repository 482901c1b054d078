//! One content file as a page: its id, URL and prefix from its path, the
//! front matter every kind shares (`title`, `kind`, `weight`...), and the
//! dispatch to the reader of its kind.

use super::Scans;
use super::failed::{FailedRead, Why, failed_read, meant_kind};
use super::pair::{PairDraft, read_aliases, read_pair_fields};
use super::{goals, roster, session, step, surveys};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Kind, Page, Person};
use crate::source::fields::{Ctx, Fields, Spanned};
use crate::source::include::{self, Snippets};
use crate::source::load::{self, Document, SourceFile};
use crate::source::markdown;
use crate::yaml::{Node, Value};

const KIND_FIELDS: &[(&str, &[&str])] = &[
    ("goals", &["goals"]),
    ("surveys", &["surveys"]),
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
            "public_title",
            "sessions",
            "reporting_line_exception",
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

/// One file read on its own (in parallel with the others).
#[derive(Clone)]
pub(super) struct FileRead {
    pub(super) page: Page,
    pub(super) roster_pairs: Vec<PairDraft>,
    pub(super) pair_file: Option<PairDraft>,
    pub(super) people: Vec<Person>,
    pub(super) diagnostics: Vec<Diagnostic>,
    /// Set when the front matter could not be read.
    pub(super) failed: Option<FailedRead>,
}

pub(super) fn read_file(file: &SourceFile, snippets: &Snippets, scans: Scans) -> FileRead {
    let mut diagnostics = Vec::new();
    let (document, split_error) = load::split(file);
    let had_yaml_error = split_error.is_some();
    diagnostics.extend(split_error);
    let (body, include_problems) =
        include::expand(document.body, document.body_line, &file.path, snippets);
    diagnostics.extend(include_problems);
    let mut read = FileRead {
        page: page_of(file, &document, &body),
        roster_pairs: Vec::new(),
        pair_file: None,
        people: Vec::new(),
        diagnostics: Vec::new(),
        failed: None,
    };
    if scans == Scans::Later && plain_and_titled(document.front_matter.as_ref()) {
        read.page.scan_pending = Some(body.places.into());
    } else {
        let mut scan = markdown::scan(&body.text, body.places.scan_first_line());
        body.places.apply(&mut scan);
        diagnostics.extend(scan.nesting_problem(&file.path));
        read.page.scan = scan.into();
    }
    let empty = Node {
        value: Value::Null,
        pos: crate::yaml::Pos { line: 1, col: 1 },
        len: 0,
    };
    let mut ctx = Ctx {
        file: &file.path,
        diagnostics: &mut diagnostics,
    };
    let why = if had_yaml_error {
        // The fields are unknown; keep the page usable for the other checks.
        read.page.title = read.page.id.clone();
        Some(Why::Syntax)
    } else {
        read_front_matter(
            document.front_matter.as_ref().unwrap_or(&empty),
            &mut read,
            &mut ctx,
        )
    };
    read.failed = why.map(|why| failed_read(file, &read.page, &why, &diagnostics));
    read.diagnostics = diagnostics;
    read
}

/// The page as its path and body (its includes replaced) make it, before
/// its front matter is read.
fn page_of(file: &SourceFile, document: &Document, body: &include::Expanded) -> Page {
    let rel = file.path.strip_prefix("content/").unwrap_or(&file.path);
    let (folder, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let is_index = stem == "_index";
    let (prefix, bare) = split_prefix(if is_index {
        folder.rsplit('/').next().unwrap_or("")
    } else {
        stem
    });
    Page {
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
        id_span: None,
        title: String::new(),
        description: String::new(),
        weight: 0,
        prefix,
        draft: false,
        kind: Kind::Page,
        body: crate::model::Body::of(file, &body.text),
        body_line: document.body_line,
        scan: Default::default(),
        scan_pending: None,
        section: 0,
        program: None,
        is_index,
        aliases: Vec::new(),
    }
}

/// Whether a page is plain (no `kind`, or `kind: page`) with a string
/// `title` in its front matter, each written once: then nothing reads its
/// body's scan before render (the title falls back to the body's first
/// heading, and only steps' checklists show elsewhere). Anything else is
/// scanned while read.
fn plain_and_titled(front_matter: Option<&Node>) -> bool {
    let Some(Node {
        value: Value::Map(entries),
        ..
    }) = front_matter
    else {
        return false;
    };
    let values = |key: &str| -> Vec<&Value> {
        entries
            .iter()
            .filter(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
            .map(|(_, v)| &v.value)
            .collect()
    };
    let plain = match values("kind")[..] {
        [] => true,
        [Value::Str(kind)] => kind == "page",
        _ => false,
    };
    plain && matches!(values("title")[..], [Value::Str(_)])
}

/// `01-define-goals` -> (Some(1), "define-goals").
pub(super) fn split_prefix(name: &str) -> (Option<u64>, &str) {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < name.len() && matches!(name.as_bytes()[digits], b'-' | b'_' | b'.') {
        (name[..digits].parse().ok(), &name[digits + 1..])
    } else {
        (None, name)
    }
}

/// Reads the page's fields; `Some` when its kind is unknown, and then
/// only the fields no kind knows are reported: the others may well be
/// right for the kind that was meant, and are read once `kind:` is.
fn read_front_matter(node: &Node, read: &mut FileRead, ctx: &mut Ctx) -> Option<Why> {
    let mut f = Fields::new(node, "front matter", ctx)?;
    let kind_name = read_common(&mut f, &mut read.page, ctx);
    let mut why = None;
    read.page.kind = match read_kind(kind_name.as_ref(), &mut f, read, ctx) {
        Ok(kind) => kind,
        Err(meant) => {
            for (kind, fields) in KIND_FIELDS {
                if meant.is_none_or(|m| m == *kind) {
                    for field in *fields {
                        f.node(field);
                    }
                }
            }
            why = Some(Why::UnknownKind(meant));
            Kind::Page
        }
    };
    f.finish(ctx, &field_of_other_kind);
    why
}

/// The fields of every kind of page; returns the `kind` as written.
fn read_common(f: &mut Fields, page: &mut Page, ctx: &mut Ctx) -> Option<Spanned<String>> {
    let kind_name = f.string("kind", ctx);
    if let Some(id) = f.string("id", ctx) {
        page.id = id.value;
        page.id_span = Some(id.span);
    }
    if let Some(weight) = f.int("weight", ctx) {
        page.weight = weight.value;
    }
    page.draft = f.bool("draft", ctx).unwrap_or(false);
    if let Some(d) = f.string("description", ctx) {
        page.description = d.value;
    }
    let title = f.string("title", ctx);
    let kind = kind_name
        .as_ref()
        .map_or(Some("page"), |k| meant_kind(&k.value));
    // A pair file's aliases are its pair's, read with its other fields.
    if kind != Some("pair") {
        page.aliases = read_aliases(f, ctx, false);
    }
    match title {
        Some(t) => page.title = t.value,
        None => match page.scan.headings.iter().find(|h| h.level == 1) {
            Some(h) => page.title = h.text.clone(),
            // A pair page without a title is named after its two people.
            None if kind == Some("pair") => {}
            None => {
                let span = ctx.span(f.pos());
                ctx.push(
                    Diagnostic::error(Code::MissingField, span, "the page has no `title`")
                        .with_hint("add `title: ...` to the front matter (or start the body with a `# Heading`)"),
                );
            }
        },
    }
    kind_name
}

/// The fields of the page's kind, read by that kind's reader; for a kind
/// no reader knows, `Err` with the kind nearest to it.
fn read_kind(
    kind_name: Option<&Spanned<String>>,
    f: &mut Fields,
    read: &mut FileRead,
    ctx: &mut Ctx,
) -> Result<Kind, Option<&'static str>> {
    let page = &mut read.page;
    Ok(match kind_name.map_or("page", |k| k.value.as_str()) {
        "page" => Kind::Page,
        "guide" => {
            if !page.is_index {
                guide_not_index(kind_name, f, ctx);
            }
            Kind::Guide
        }
        "goals" => Kind::Goals(goals::read_goals(f, ctx)),
        "surveys" => Kind::Surveys(surveys::read_surveys(f, ctx)),
        "step" => Kind::Step(step::read_step(f, ctx, page)),
        "session" => Kind::Session(session::read_session(f, ctx, page)),
        "roster" => Kind::Roster(roster::read_roster(
            f,
            ctx,
            page,
            &mut read.people,
            &mut read.roster_pairs,
        )),
        "pair" => {
            let draft = read_pair_file(f, ctx, page);
            read.pair_file = Some(draft);
            Kind::Pair(page.id.clone())
        }
        other => {
            let meant = meant_kind(other);
            if let Some(k) = kind_name {
                unknown_kind(other, meant, k, ctx);
            }
            return Err(meant);
        }
    })
}

fn guide_not_index(kind_name: Option<&Spanned<String>>, f: &Fields, ctx: &mut Ctx) {
    let span = kind_name.map_or_else(|| ctx.span(f.pos()), |k| k.span.clone());
    ctx.push(
        Diagnostic::error(
            Code::GuideNotIndex,
            span,
            "a guide must be a section's `_index.md`",
        )
        .with_hint("move this file to `<guide folder>/_index.md` and put its steps beside it"),
    );
}

/// A pair file: its pair's fields, merged later into the roster entry
/// with the same id; the page takes the pair's id and URL.
fn read_pair_file(f: &mut Fields, ctx: &mut Ctx, page: &mut Page) -> PairDraft {
    let mut draft = read_pair_fields(f, ctx, false);
    draft.span = Some(ctx.span(f.pos()));
    if draft.id.is_none() {
        draft.id = Some(Spanned::new(page.id.clone(), ctx.span(f.pos())));
    }
    let id = draft
        .id
        .as_ref()
        .map_or_else(String::new, |i| i.value.clone());
    // The URL names the pair's program, known once playbook.yaml is read
    // (`super::programs`).
    page.url = crate::urls::pair_url("", &id);
    page.id = id;
    // A pair file named `_index.md` still describes its pair, never its
    // folder: as a section's index its title and description would show
    // in listings, around `Pair::public`.
    page.is_index = false;
    draft
}

fn unknown_kind(
    other: &str,
    meant: Option<&'static str>,
    kind_name: &Spanned<String>,
    ctx: &mut Ctx,
) {
    let hint = meant.map_or_else(
        || format!("use one of: {}", Kind::NAMES.join(", ")),
        |near| format!("did you mean `{near}`?"),
    );
    ctx.push(
        Diagnostic::error(
            Code::UnknownKind,
            kind_name.span.clone(),
            format!("unknown kind `{other}`"),
        )
        .with_hint(hint),
    );
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
}
