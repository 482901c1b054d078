//! Stage 4: rules over the whole playbook. Field-level problems were found
//! while reading; here go the ones that need more than one file, one file
//! per family of rules. How addresses are spelt and how a link resolves to a
//! page is `crate::urls`'s, shared with render.

mod aliases;
mod dates;
mod drafts;
mod ids;
mod links;
mod pairs;
mod people;
mod programs;
mod surveys;
mod times;

use crate::diagnostic::{Diagnostic, Span};
use crate::model::site::SiteMap;
use crate::model::{Page, Playbook};

/// Every cross-file problem, family by family. The pipeline sorts them by
/// severity and place with a stable sort, so this order decides ties.
pub fn check(playbook: &Playbook) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // What the build writes, made once: the address rules and the link
    // check all look things up in it.
    let site = SiteMap::of(playbook);
    programs::outside_programs(playbook, &mut out);
    ids::plain_ids(playbook, &mut out);
    ids::duplicate_ids(playbook, &mut out);
    ids::duplicate_urls(playbook, &site, &mut out);
    aliases::aliases(playbook, &site, &mut out);
    let people = people::People::of(playbook);
    people::people(playbook, &people, &mut out);
    pairs::pairs(playbook, &people, &mut out);
    dates::sessions_and_dates(playbook, &mut out);
    times::session_times(playbook, &mut out);
    links::links(playbook, &site, &mut out);
    drafts::drafts(playbook, &mut out);
    surveys::surveys(playbook, &mut out);
    out
}

/// The problems that depend on the date checked for (`--as-of`, else
/// today): sessions still `planned` after their date, pairs past their end
/// that nobody closed. Warnings only, kept apart from `check` so that the
/// rest of a check does not change from one day to the next.
pub fn as_of(playbook: &Playbook, as_of: chrono::NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    dates::sessions_to_update(playbook, as_of, &mut out);
    pairs::ended_pairs(playbook, as_of, &mut out);
    out
}

fn page_span(page: &Page) -> Span {
    Span::file(&page.file)
}
