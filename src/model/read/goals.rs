//! `kind: goals` pages: the program's goals, each with its target and the
//! results measured so far.

use crate::model::{Goal, GoalResult};
use crate::source::fields::{Ctx, Fields};
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
        let mut goal = Goal {
            id: id.map(|i| i.value).unwrap_or_default(),
            title: title.map(|t| t.value).unwrap_or_default(),
            metric: g.text("metric", ctx),
            unit: g.text("unit", ctx),
            description: g.text("description", ctx),
            baseline: g.number("baseline", ctx).map(|v| v.value),
            target: g.required_number("target", ctx).map(|v| v.value),
            results: Vec::new(),
            span,
        };
        goal.results = read_results(g.list("results", ctx), ctx);
        g.finish(ctx, &|_| None);
        goals.push(goal);
    }
    goals
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
