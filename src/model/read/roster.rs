//! `kind: roster` pages: a cohort with its dates and cadence, the people it
//! declares and its pairs (each pair's fields are read by `pair`).

use super::cadence::read_cadence;
use super::pair::{PairDraft, read_pair_fields};
use super::people::read_person;
use crate::model::{Cadence, Page, Person, Roster};
use crate::source::fields::{Ctx, Fields};

pub(super) fn read_roster(
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
