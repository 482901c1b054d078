//! `kind: goals` pages: the program's goals, each with its target and the
//! results measured so far (typed, or named by `source:` to be computed).

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Goal, GoalResult, GoalSource};
use crate::source::fields::{Ctx, Fields, Spanned, bad_value, did_you_mean};
use crate::yaml::Node;

pub(super) fn read_goals(f: &mut Fields, ctx: &mut Ctx) -> Vec<Goal> {
    let mut goals = Vec::new();
    for item in f.list("goals", ctx) {
        let Some(mut g) = Fields::new(item, "goal", ctx) else {
            continue;
        };
        let id = g.required_string("id", ctx);
        let title = g.required_string("title", ctx);
        // A goal is named by its id: problems with it point there.
        let span = id
            .as_ref()
            .map_or_else(|| ctx.span(item.pos), |i| i.span.clone());
        let baseline_date = g.date("baseline_date", ctx);
        let due = g.date("due", ctx);
        if let (Some(from), Some(to)) = (&baseline_date, &due)
            && to.value <= from.value
        {
            ctx.push(
                Diagnostic::error(
                    Code::DatesBackwards,
                    to.span.clone(),
                    format!(
                        "the goal's `due` ({}) is not after its `baseline_date` ({})",
                        to.value, from.value
                    ),
                )
                .with_hint("the target is due after the baseline is measured"),
            );
        }
        let mut goal = Goal {
            id: id.map(|i| i.value).unwrap_or_default(),
            title: title.map(|t| t.value).unwrap_or_default(),
            metric: g.text("metric", ctx),
            unit: g.text("unit", ctx),
            description: g.text("description", ctx),
            baseline: g.number("baseline", ctx).map(|v| v.value),
            baseline_date: baseline_date.map(|d| d.value),
            target: g.required_number("target", ctx).map(|v| v.value),
            due: due.map(|d| d.value),
            results: Vec::new(),
            source: GoalSource::Typed,
            span,
        };
        let items = g.list("results", ctx);
        let typed = !items.is_empty();
        goal.results = read_results(items, ctx);
        if let Some(source) = g.string("source", ctx) {
            goal.source = read_source(source, typed, ctx);
        }
        g.finish(ctx, &|_| None);
        goals.push(goal);
    }
    goals
}

/// The metric `source:` names; typed results (and a diagnostic) when it
/// names none, or when the goal also types `results:`, which one of the
/// two would silently override.
fn read_source(source: Spanned<String>, typed: bool, ctx: &mut Ctx) -> GoalSource {
    let names: Vec<&str> = GoalSource::METRICS.iter().map(|(n, _)| *n).collect();
    let Some(&(_, metric)) = GoalSource::METRICS
        .iter()
        .find(|(name, _)| *name == source.value)
    else {
        let hint = did_you_mean(&source.value, &names).map_or_else(
            || format!("use one of {}", quoted(&names)),
            |near| format!("did you mean `{near}`? (metrics: {})", quoted(&names)),
        );
        let found = format!("`{}`", source.value);
        ctx.push(bad_value(source.span, "a goal's `source`", &found, &hint));
        return GoalSource::Typed;
    };
    if typed {
        ctx.push(
            Diagnostic::error(
                Code::BadValue,
                source.span,
                format!(
                    "a goal with `source: {}` cannot also have `results`: they are computed",
                    source.value
                ),
            )
            .with_hint("remove `results:` to compute them, or `source:` to type them"),
        );
        return GoalSource::Typed;
    }
    metric
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A goal's results, oldest first.
fn read_results(items: &[Node], ctx: &mut Ctx) -> Vec<GoalResult> {
    let mut results = Vec::new();
    for result in items {
        let Some(mut r) = Fields::new(result, "result", ctx) else {
            continue;
        };
        let date = r.required_date("date", ctx);
        let value = r.required_number("value", ctx);
        if let (Some(date), Some(value)) = (date, value) {
            results.push(GoalResult {
                date: date.value,
                value: value.value,
            });
        }
        r.finish(ctx, &|_| None);
    }
    results.sort_by_key(|r| r.date);
    results
}
