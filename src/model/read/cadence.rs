//! How often a pair meets, as written in a roster, a pair file or a CSV
//! cell: a word or a number of days. Read here once for all three.

use crate::diagnostic::Diagnostic;
use crate::model::Cadence;
use crate::source::fields::{Ctx, Fields, Spanned, bad_value};
use crate::yaml::Value;

const HINT: &str = "use `weekly`, `biweekly`, `monthly` or a number of days such as `10`";

/// The `cadence` field of a roster or pair, if set and valid.
pub(super) fn read_cadence(f: &mut Fields, ctx: &mut Ctx) -> Option<Cadence> {
    let node = f.node("cadence")?;
    let span = ctx.span_of(node);
    let bad = |ctx: &mut Ctx, found: String| {
        ctx.push(bad_value(span.clone(), "`cadence`", &found, HINT));
        None
    };
    match &node.value {
        Value::Int(n) => parse_cadence(&n.to_string()).or_else(|| bad(ctx, format!("`{n}`"))),
        Value::Str(s) => parse_cadence(s).or_else(|| bad(ctx, format!("`{s}`"))),
        other => bad(ctx, other.type_name().to_string()),
    }
}

/// A `cadence` cell of `data/pairs.csv`.
pub(super) fn cadence_cell(
    cell: Spanned<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Cadence> {
    let cadence = parse_cadence(&cell.value);
    if cadence.is_none() {
        let found = format!("`{}`", cell.value);
        diagnostics.push(bad_value(cell.span, "`cadence`", &found, HINT));
    }
    cadence
}

/// `weekly`, `biweekly` (or `fortnightly`), `monthly`, or 1 to 366 days.
fn parse_cadence(text: &str) -> Option<Cadence> {
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
