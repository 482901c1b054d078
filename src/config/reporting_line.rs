//! `rules.reporting_line`: how strictly a mentor and mentee in one
//! reporting line are treated, and how many levels apart count. The one
//! reading of it for `check` and `match`; who is above whom is
//! `model::org`'s.

use super::{LEVELS, RuleLevel};
use crate::source::fields::{Ctx, Fields, OneOf, Spanned, bad_value};
use crate::yaml::{Node, Value};
use serde::Serialize;

/// `rules.reporting_line`: how strictly a pair in one reporting line is
/// treated, and how many levels apart counts as "in one line". Written as
/// a level alone (`reporting_line: warning`, the depth staying 2) or as
/// `reporting_line: {level: error, depth: 1}`. `check` and `match` both
/// read it, so a draft `match` writes never breaks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReportingLine {
    pub level: RuleLevel,
    pub depth: Depth,
}

impl Default for ReportingLine {
    /// The line manager and the skip-level, either way: what programs mean
    /// by "outside reporting lines", and a junior may mentor the CEO.
    fn default() -> Self {
        ReportingLine {
            level: RuleLevel::Error,
            depth: Depth::Levels(2),
        }
    }
}

impl ReportingLine {
    /// The depth the rule enforces, `None` when it is off.
    pub fn enforced(&self) -> Option<Depth> {
        self.level.severity().map(|_| self.depth)
    }
}

/// How far the rule reaches: people in one reporting line at most this
/// many levels apart are kept apart. 1 is the line manager only, 2 adds
/// the skip-level, `All` is the whole line up to the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Depth {
    Levels(u32),
    All,
}

impl Depth {
    /// Whether people `levels` apart (1: one reports to the other) are
    /// within this depth.
    pub fn covers(self, levels: usize) -> bool {
        match self {
            Depth::Levels(max) => levels <= max as usize,
            Depth::All => true,
        }
    }
}

/// `rules.reporting_line`: a level alone, or `{level, depth}`.
pub(super) fn read(node: &Node, rule: &mut ReportingLine, ctx: &mut Ctx) {
    if !matches!(node.value, Value::Map(_)) {
        let span = ctx.span_of(node);
        match scalar_word(node) {
            Some(word) => {
                let text = Spanned::new(word, span);
                if let Some(level) = REPORTING_LINE.pick(text, ctx.diagnostics) {
                    rule.level = level.value;
                }
            }
            None => ctx.push(bad_value(
                span,
                REPORTING_LINE.field,
                node.value.type_name(),
                REPORTING_LINE.hint,
            )),
        }
        return;
    }
    let Some(mut r) = Fields::new(node, "`rules.reporting_line`", ctx) else {
        return;
    };
    if let Some(level) = r.one_of("level", &REPORTING_LINE, ctx) {
        rule.level = level.value;
    }
    if let Some(depth) = r.node("depth") {
        match &depth.value {
            Value::Int(n) if *n >= 1 => {
                rule.depth = Depth::Levels(u32::try_from(*n).unwrap_or(u32::MAX));
            }
            Value::Str(word) if word.trim() == "all" => rule.depth = Depth::All,
            _ => {
                let found = scalar_word(depth).map_or_else(
                    || depth.value.type_name().to_string(),
                    |word| format!("`{word}`"),
                );
                ctx.push(bad_value(
                    ctx.span_of(depth),
                    "`rules.reporting_line.depth`",
                    &found,
                    DEPTH_HINT,
                ));
            }
        }
    }
    r.finish(ctx, &|_| None);
}

/// A scalar as written (`off`, `false`, `3`); `None` for a list or mapping.
fn scalar_word(node: &Node) -> Option<String> {
    match &node.value {
        Value::Str(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Int(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Null | Value::Seq(_) | Value::Map(_) => None,
    }
}

const DEPTH_HINT: &str = "use 1 (the line manager only), 2 (and the skip-level: the default), a larger whole number, or `all` (the whole line up to the top); to turn the rule off, use `level: off`";

const REPORTING_LINE: OneOf<RuleLevel> = OneOf {
    field: "`reporting_line`",
    values: LEVELS,
    hint: "use `error`, `warning` or `off`, or `{level: error, depth: 2}` to say how many levels apart count as one reporting line",
};
