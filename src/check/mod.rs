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
use crate::source::markdown::Scan;

/// Every cross-file problem, family by family. The pipeline sorts them by
/// severity and place with a stable sort, so this order decides ties.
pub fn check(playbook: &Playbook) -> Vec<Diagnostic> {
    rules(playbook, true)
}

/// `check` but for the link rule, for a build that reads its pages' links
/// while rendering them (`model::read_leaving_scans`): [`links`] follows.
pub fn all_but_links(playbook: &Playbook) -> Vec<Diagnostic> {
    rules(playbook, false)
}

/// The link rule alone, with `scans` standing for the pages' own where
/// given (by page index: those a build's render made).
pub fn links(playbook: &Playbook, scans: &[Option<Scan>]) -> Vec<Diagnostic> {
    let scans: Vec<&Scan> = playbook
        .pages
        .iter()
        .enumerate()
        .map(|(i, page)| scans.get(i).and_then(Option::as_ref).unwrap_or(&page.scan))
        .collect();
    let mut found = Vec::new();
    links::links(playbook, &scans, &SiteMap::of(playbook), &mut found);
    found
}

fn rules(playbook: &Playbook, with_links: bool) -> Vec<Diagnostic> {
    // What the build writes, made once: the address rules and the link
    // check all look things up in it. They run beside the rules that do
    // not (rayon), each rule into its own list, joined in this order
    // whatever finishes first.
    let (with_site, [first, middle, last]) = rayon::join(
        || {
            let site = SiteMap::of(playbook);
            let mut urls = Vec::new();
            ids::duplicate_urls(playbook, &site, &mut urls);
            aliases::aliases(playbook, &site, &mut urls);
            let mut links = Vec::new();
            if with_links {
                let scans: Vec<&Scan> = playbook.pages.iter().map(|p| &*p.scan).collect();
                links::links(playbook, &scans, &site, &mut links);
            }
            (urls, links)
        },
        || {
            let mut first = Vec::new();
            programs::outside_programs(playbook, &mut first);
            ids::plain_ids(playbook, &mut first);
            ids::duplicate_ids(playbook, &mut first);
            let mut middle = Vec::new();
            let people = people::People::of(playbook);
            people::people(playbook, &people, &mut middle);
            pairs::pairs(playbook, &people, &mut middle);
            dates::sessions_and_dates(playbook, &mut middle);
            times::session_times(playbook, &mut middle);
            let mut last = Vec::new();
            drafts::drafts(playbook, &mut last);
            surveys::surveys(playbook, &mut last);
            [first, middle, last]
        },
    );
    let (urls, links) = with_site;
    [first, urls, middle, links, last].concat()
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
