//! `kind: session` pages: a session template with its agenda, what to
//! prepare and the prompts to talk through.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{AgendaItem, Page, SessionTemplate};
use crate::source::fields::{Ctx, Fields};
use crate::yaml::Node;

pub(super) fn read_session(f: &mut Fields, ctx: &mut Ctx, page: &mut Page) -> SessionTemplate {
    let order = f.int("order", ctx).map(|v| v.value);
    let week = f.int("week", ctx).map(|v| v.value);
    if !f.has("weight")
        && let Some(w) = order.or(week)
    {
        page.weight = w;
    }
    let agenda = read_agenda(f.list("agenda", ctx), ctx);
    SessionTemplate {
        duration: f.minutes("duration", ctx),
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

impl SessionTemplate {
    /// The agenda's minutes added up, for `check` and the session page
    /// alike. Each item is at most a day, so only an agenda of millions of
    /// items could reach the cap; it saturates rather than wraps around.
    pub fn total_minutes(&self) -> u32 {
        self.agenda
            .iter()
            .fold(0u32, |total, item| total.saturating_add(item.minutes))
    }
}

fn read_agenda(items: &[Node], ctx: &mut Ctx) -> Vec<AgendaItem> {
    let mut agenda = Vec::new();
    for item in items {
        let Some(mut a) = Fields::new(item, "agenda item", ctx) else {
            continue;
        };
        let minutes = a.minutes("minutes", ctx);
        let text = a.required_string("item", ctx);
        if !a.has("minutes") {
            let span = ctx.span(a.pos());
            ctx.push(
                Diagnostic::error(
                    Code::MissingField,
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
    agenda
}
