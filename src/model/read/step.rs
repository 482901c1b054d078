//! `kind: step` pages: one step of a guide, with its owner, due date and
//! status.

use crate::model::{Page, Step, StepStatus};
use crate::source::fields::{Ctx, Fields, OneOf};

const STATUS: OneOf<StepStatus> = OneOf {
    field: "step `status`",
    values: &[
        ("todo", StepStatus::Todo),
        ("doing", StepStatus::Doing),
        ("done", StepStatus::Done),
    ],
    hint: "use `todo`, `doing` or `done`",
};

pub(super) fn read_step(f: &mut Fields, ctx: &mut Ctx, page: &mut Page) -> Step {
    let order = f.int("step", ctx).map(|v| v.value);
    if let Some(order) = order
        && !f.has("weight")
    {
        page.weight = order;
    }
    let status = f
        .one_of("status", &STATUS, ctx)
        .map_or(StepStatus::Todo, |s| s.value);
    Step {
        order,
        owner: f.text("owner", ctx),
        due: f.date("due", ctx).map(|v| v.value),
        status,
    }
}
