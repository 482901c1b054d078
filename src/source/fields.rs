//! Typed reading of YAML mappings, field by field, collecting every problem
//! (unknown key with "did you mean", wrong type, missing field, bad date)
//! instead of stopping at the first as serde's derive would.

mod date;
mod number;
mod one_of;
mod time;

/// The one "did you mean" ranking (`crate::suggest`), re-exported for the
/// readers that already take it from here.
pub use crate::suggest::did_you_mean;
pub use date::parse_date;
pub use number::{MAX_COUNT, MAX_MINUTES, MAX_NUMBER};
pub use one_of::{OneOf, bad_date, bad_value};
pub use time::{BadTime, bad_time, parse_time};

use crate::diagnostic::{Code, Diagnostic, Span};
use crate::yaml::{Node, Pos, Value};
use chrono::NaiveDate;
use std::collections::HashSet;

/// A value with the place it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// The file being read and where its problems go.
pub struct Ctx<'a> {
    pub file: &'a str,
    pub diagnostics: &'a mut Vec<Diagnostic>,
}

impl Ctx<'_> {
    pub fn span(&self, pos: Pos) -> Span {
        Span::new(self.file, pos.line, pos.col)
    }

    /// Where `node` is written, with its length when the parser knows it.
    pub fn span_of(&self, node: &Node) -> Span {
        self.span(node.pos).with_len(node.len)
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub fn wrong_type(&mut self, key: &str, node: &Node, expected: &str) {
        let span = self.span_of(node);
        self.push(
            Diagnostic::error(
                Code::WrongType,
                span,
                format!(
                    "`{key}` must be {expected}, found {}",
                    node.value.type_name()
                ),
            )
            .with_hint(format!("write `{key}` as {expected}")),
        );
    }
}

/// The keys of one YAML mapping, read one by one; `finish` reports the keys
/// nobody asked for.
pub struct Fields<'n> {
    what: String,
    pos: Pos,
    entries: Vec<(&'n Node, &'n Node)>,
    used: Vec<&'static str>,
}

/// Keys every mapping may hold: coordinators keep notes under `private`,
/// which is never rendered, indexed or exported.
pub const PRIVATE_KEY: &str = "private";

impl<'n> Fields<'n> {
    /// `what` names the mapping in messages ("pair", "front matter").
    /// A missing (null) mapping reads as empty; anything else is an error.
    pub fn new(node: &'n Node, what: impl Into<String>, ctx: &mut Ctx) -> Option<Fields<'n>> {
        let what = what.into();
        let entries = match &node.value {
            Value::Map(entries) => entries.iter().map(|(k, v)| (k, v)).collect(),
            Value::Null => Vec::new(),
            other => {
                let span = ctx.span_of(node);
                ctx.push(
                    Diagnostic::error(
                        Code::WrongType,
                        span,
                        format!(
                            "{what} must be a mapping of `key: value` lines, found {}",
                            other.type_name()
                        ),
                    )
                    .with_hint("write one `key: value` per line"),
                );
                return None;
            }
        };
        // Parsers mark a block mapping's start oddly (after its first key);
        // its first key is where a reader looks for it.
        let pos = entries.first().map_or(node.pos, |(k, _)| k.pos);
        Some(Fields {
            what,
            pos,
            entries,
            used: vec![PRIVATE_KEY],
        })
    }

    pub fn pos(&self) -> Pos {
        self.pos
    }

    pub fn has(&self, key: &str) -> bool {
        self.entries
            .iter()
            .any(|(k, v)| key_text(k) == Some(key) && v.value != Value::Null)
    }

    /// The value under `key`; an empty value (`key:`) counts as absent.
    pub fn node(&mut self, key: &'static str) -> Option<&'n Node> {
        self.used.push(key);
        self.entries
            .iter()
            .find(|(k, _)| key_text(k) == Some(key))
            .map(|(_, v)| *v)
            .filter(|v| v.value != Value::Null)
    }

    fn missing(&self, key: &str, ctx: &mut Ctx) {
        let span = ctx.span(self.pos);
        ctx.push(
            Diagnostic::error(
                Code::MissingField,
                span,
                format!("{} is missing the required field `{key}`", self.what),
            )
            .with_hint(format!("add `{key}: ...`")),
        );
    }

    /// Text; numbers and booleans are taken as written (a title `2026`).
    pub fn string(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<Spanned<String>> {
        let node = self.node(key)?;
        match scalar_text(node) {
            Some(text) => Some(Spanned::new(text, ctx.span_of(node))),
            None => {
                ctx.wrong_type(key, node, "text");
                None
            }
        }
    }

    /// Optional text without its place: empty when unset (or reported).
    pub fn text(&mut self, key: &'static str, ctx: &mut Ctx) -> String {
        self.string(key, ctx).map(|v| v.value).unwrap_or_default()
    }

    /// `read`'s value of `key`, reporting the key as missing when absent.
    fn required<T>(
        &mut self,
        key: &'static str,
        ctx: &mut Ctx,
        read: fn(&mut Self, &'static str, &mut Ctx) -> Option<T>,
    ) -> Option<T> {
        let present = self.has(key);
        let value = read(self, key, ctx);
        if !present {
            self.missing(key, ctx);
        }
        value
    }

    pub fn required_string(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<Spanned<String>> {
        self.required(key, ctx, Self::string)
    }

    pub fn bool(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<bool> {
        let node = self.node(key)?;
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                ctx.wrong_type(key, node, "`true` or `false`");
                None
            }
        }
    }

    pub fn date(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<Spanned<NaiveDate>> {
        let node = self.node(key)?;
        let span = ctx.span_of(node);
        match scalar_text(node).map(|t| parse_date(&t)) {
            Some(Ok(date)) => Some(Spanned::new(date, span)),
            Some(Err(message)) => {
                ctx.push(bad_date(span, key, &message));
                None
            }
            None => {
                ctx.wrong_type(key, node, "a date (YYYY-MM-DD)");
                None
            }
        }
    }

    pub fn required_date(
        &mut self,
        key: &'static str,
        ctx: &mut Ctx,
    ) -> Option<Spanned<NaiveDate>> {
        self.required(key, ctx, Self::date)
    }

    /// A list of texts; a single text is a list of one.
    pub fn strings(&mut self, key: &'static str, ctx: &mut Ctx) -> Vec<Spanned<String>> {
        let Some(node) = self.node(key) else {
            return Vec::new();
        };
        let items: Vec<&Node> = match &node.value {
            Value::Seq(items) => items.iter().collect(),
            _ => vec![node],
        };
        items
            .into_iter()
            .filter_map(|item| match scalar_text(item) {
                Some(text) => Some(Spanned::new(text, ctx.span_of(item))),
                None => {
                    ctx.wrong_type(key, item, "text (or a list of texts)");
                    None
                }
            })
            .collect()
    }

    /// The items of a list of mappings (or of anything the caller reads).
    pub fn list(&mut self, key: &'static str, ctx: &mut Ctx) -> &'n [Node] {
        let Some(node) = self.node(key) else {
            return &[];
        };
        match &node.value {
            Value::Seq(items) => items,
            _ => {
                ctx.wrong_type(key, node, "a list (lines starting with `- `)");
                &[]
            }
        }
    }

    /// Reports keys that were never read, and keys written twice. `elsewhere`
    /// may explain a key that belongs to another kind of page.
    pub fn finish(self, ctx: &mut Ctx, elsewhere: &dyn Fn(&str) -> Option<String>) {
        // Each key is reported once, however often it repeats: a generated
        // file may repeat one key thousands of times.
        let mut seen: HashSet<&str> = HashSet::new();
        let mut repeated: HashSet<&str> = HashSet::new();
        for (i, (key_node, _)) in self.entries.iter().enumerate() {
            let Some(key) = key_text(key_node) else {
                let span = ctx.span_of(key_node);
                let previous = i.checked_sub(1).map(|p| self.entries[p].1);
                let hint = number::comma_split_number(previous, key_node).unwrap_or_else(|| {
                    "keys are words such as `title`; put a key that is a number or a list in quotes".into()
                });
                ctx.push(
                    Diagnostic::error(
                        Code::WrongType,
                        span,
                        format!("{} has a key that is not text", self.what),
                    )
                    .with_hint(hint),
                );
                continue;
            };
            let span = ctx.span_of(key_node);
            if !seen.insert(key) {
                if repeated.insert(key) {
                    ctx.push(
                        Diagnostic::error(
                            Code::DuplicateKey,
                            span,
                            format!("`{key}` is written twice in {}", self.what),
                        )
                        .with_hint("keep one of them; YAML would silently use only one"),
                    );
                }
                continue;
            }
            if self.used.contains(&key) {
                continue;
            }
            // `private` is always allowed, but offered only to words that
            // start like it.
            let offered: Vec<&str> = self
                .used
                .iter()
                .copied()
                .filter(|k| *k != PRIVATE_KEY || key.to_lowercase().starts_with("priv"))
                .collect();
            let hint = match did_you_mean(key, &offered) {
                Some(near) => format!("did you mean `{near}`?"),
                None => elsewhere(key).unwrap_or_else(|| {
                    let mut known: Vec<&str> = self
                        .used
                        .iter()
                        .copied()
                        .filter(|k| *k != PRIVATE_KEY)
                        .collect();
                    known.sort_unstable();
                    known.dedup();
                    format!("known fields: {}", known.join(", "))
                }),
            };
            ctx.push(
                Diagnostic::error(
                    Code::UnknownField,
                    span,
                    format!("unknown field `{key}` in {}", self.what),
                )
                .with_hint(hint),
            );
        }
    }
}

fn key_text(node: &Node) -> Option<&str> {
    match &node.value {
        Value::Str(s) => Some(s),
        _ => None,
    }
}

fn scalar_text(node: &Node) -> Option<String> {
    match &node.value {
        Value::Str(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse;

    fn read(yaml: &str, f: impl FnOnce(&mut Fields, &mut Ctx)) -> Vec<Diagnostic> {
        let node = parse(yaml, 2).expect("yaml");
        let mut diagnostics = Vec::new();
        let mut ctx = Ctx {
            file: "content/a.md",
            diagnostics: &mut diagnostics,
        };
        let mut fields = Fields::new(&node, "front matter", &mut ctx).expect("map");
        f(&mut fields, &mut ctx);
        fields.finish(&mut ctx, &|_| None);
        diagnostics
    }

    #[test]
    fn unknown_fields_suggest_the_nearest() {
        let ds = read("titel: x\n", |f, c| {
            f.string("title", c);
        });
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].message, "unknown field `titel` in front matter");
        assert_eq!(ds[0].hint.as_deref(), Some("did you mean `title`?"));
        assert_eq!((ds[0].span.line, ds[0].span.col), (2, 1));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let ds = read("weight: heavy\ndue: 2026-02-30\nfoo: 1\n", |f, c| {
            f.int("weight", c);
            f.date("due", c);
            f.required_string("title", c);
        });
        let codes: Vec<&str> = ds.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(
            codes,
            ["wrong-type", "bad-date", "missing-field", "unknown-field"]
        );
        assert_eq!(
            ds[1].message,
            "`due`: `2026-02-30` is not a date: that month has 28 days"
        );
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let ds = read("title: a\ntitle: b\n", |f, c| {
            f.string("title", c);
        });
        assert_eq!(ds[0].code, "duplicate-key");
        assert_eq!(ds[0].span.line, 3);
    }

    #[test]
    fn private_is_always_allowed() {
        assert!(read("private: {note: x}\n", |_, _| {}).is_empty());
    }

    #[test]
    fn values_and_keys_carry_their_length() {
        let node = parse("title: Tea with the CEO  # hi\ntitel: x\n", 2).expect("yaml");
        let mut diagnostics = Vec::new();
        let mut ctx = Ctx {
            file: "content/a.md",
            diagnostics: &mut diagnostics,
        };
        let mut fields = Fields::new(&node, "front matter", &mut ctx).expect("map");
        let title = fields.string("title", &mut ctx).expect("title");
        assert_eq!((title.span.col, title.span.len), (8, 16));
        fields.finish(&mut ctx, &|_| None);
        assert_eq!((diagnostics[0].span.col, diagnostics[0].span.len), (1, 5));
    }
}
