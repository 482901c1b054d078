//! Ids and URLs: the ids of session templates, rosters, pairs, people and
//! goals must be plain (`urls::id_problem`) and each its own, and no two
//! pages (nor a page and a page mentorbook generates) may be written to the
//! same address.

use super::page_span;
use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::{Kind, Page, Playbook};
use crate::urls::{self, RESERVED_URLS, pair_url, person_url};
use std::collections::{HashMap, HashSet};

fn duplicate<'a>(
    out: &mut Vec<Diagnostic>,
    what: &str,
    items: impl Iterator<Item = (&'a str, &'a Span)>,
) {
    let mut first: HashMap<&str, &Span> = HashMap::new();
    for (id, span) in items {
        if let Some(earlier) = first.get(id) {
            out.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    span.clone(),
                    format!("{what} id `{id}` is used twice"),
                )
                .with_hint(format!(
                    "it is first used at {}:{}; give each {what} its own id",
                    earlier.file, earlier.line
                )),
            );
        } else {
            first.insert(id, span);
        }
    }
}

pub(super) fn duplicate_ids(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let template_spans: Vec<(&str, Span)> = playbook
        .pages
        .iter()
        .filter(|p| matches!(p.kind, Kind::Session(_)))
        .map(|p| (p.id.as_str(), page_span(p)))
        .collect();
    duplicate(
        out,
        "session template",
        template_spans.iter().map(|(id, s)| (*id, s)),
    );
    duplicate(
        out,
        "pair",
        playbook
            .pairs
            .iter()
            .map(|p| (p.id.value.as_str(), &p.id.span)),
    );
    duplicate(
        out,
        "person",
        playbook.people.iter().map(|p| (p.id.as_str(), &p.span)),
    );
    for page in &playbook.pages {
        if let Kind::Goals(goals) = &page.kind {
            duplicate(out, "goal", goals.iter().map(|g| (g.id.as_str(), &g.span)));
        }
    }
}

/// Every id that becomes a folder name, an anchor or part of a URL must be
/// plain: a pair's is its page's folder (`pairs/<id>/`), a goal's an
/// anchor, a person's an anchor and a key of `data/pairs.csv`, a session
/// template's and a roster's what other files name them by. Checked where
/// each is written, before anything is rendered.
pub(super) fn plain_ids(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    for pair in &playbook.pairs {
        not_plain(out, "pair", &pair.id.value, Some(&pair.id.span), "");
    }
    // A pair file merged into its roster entry was checked there.
    let merged: HashSet<usize> = playbook.pairs.iter().filter_map(|p| p.page).collect();
    for (index, page) in playbook.pages.iter().enumerate() {
        let what = match &page.kind {
            Kind::Session(_) => "session template",
            Kind::Roster(_) => "roster",
            Kind::Pair(_) if !merged.contains(&index) => "pair",
            Kind::Goals(goals) => {
                // A goal without `id` was reported as missing one.
                for goal in goals.iter().filter(|g| !g.id.is_empty()) {
                    not_plain(out, "goal", &goal.id, Some(&goal.span), "");
                }
                continue;
            }
            _ => continue,
        };
        not_plain(out, what, &page.id, page.id_span.as_ref(), &page.file);
    }
    for person in &playbook.people {
        not_plain(out, "person", &person.id, Some(&person.span), "");
    }
}

/// Reports `id` if it is not plain, at `span` (its `id:` value), or at
/// `file` when the id is that file's name.
fn not_plain(out: &mut Vec<Diagnostic>, what: &str, id: &str, span: Option<&Span>, file: &str) {
    let Some(problem) = urls::id_problem(id) else {
        return;
    };
    let quoted = urls::quote(id);
    let plain = urls::plain_id(id);
    let (span, whose, fix) = match span {
        Some(span) => (
            span.clone(),
            format!("{what} id `{quoted}`"),
            format!("write `{plain}`"),
        ),
        None => (
            Span::file(file),
            format!("the {what} id `{quoted}` (the file's name)"),
            format!("rename the file, or give it `id: {plain}`"),
        ),
    };
    out.push(
        Diagnostic::error(
            Code::BadId,
            span,
            format!("{whose} is not a plain id: {problem}"),
        )
        .with_hint(format!(
            "ids become folder names and links, so they hold only lower-case letters, digits, `-` and `_`: {fix}"
        )),
    );
}

pub(super) fn duplicate_urls(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let mut taken: HashMap<&str, &str> = HashMap::new();
    for page in &playbook.pages {
        if RESERVED_URLS.contains(&page.url.as_str()) {
            out.push(
                Diagnostic::error(
                    Code::DuplicateUrl,
                    page_span(page),
                    format!("`{}` is a page mentorbook generates", page.url),
                )
                .with_hint("rename the file or its folder"),
            );
        }
        if let Some(other) = taken.insert(page.url.as_str(), page.file.as_str()) {
            out.push(
                Diagnostic::error(
                    Code::DuplicateUrl,
                    page_span(page),
                    format!(
                        "this page and {other} would both be written to `{}`",
                        display_url(&page.url)
                    ),
                )
                .with_hint(format!(
                    "rename one of the files (pair files are written to {})",
                    pair_url("<id>")
                )),
            );
        }
    }
    // Pairs without a file of their own get a generated page at the same
    // address as a pair file would have. A pair file that failed to read
    // is there too: its own error says whose page it is.
    for pair in playbook.pairs.iter().filter(|p| p.page.is_none()) {
        let url = pair_url(&pair.id.value);
        if let Some(other) = taken.get(url.as_str())
            && !failed_pair_file(playbook, other)
        {
            out.push(
                Diagnostic::error(
                    Code::DuplicateUrl,
                    pair.id.span.clone(),
                    format!(
                        "pair `{}` and {other} would both be written to `{url}`",
                        pair.id.value
                    ),
                )
                .with_hint("rename the page, or make it the pair's file with `kind: pair`"),
            );
        }
    }
    person_pages_taken(playbook, out);
}

/// Every declared person gets a page at `people/<id>/`: a content page
/// there would take it. The page is reported, as it is what can move.
fn person_pages_taken(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let at_url: HashMap<&str, &Page> = playbook
        .pages
        .iter()
        .map(|page| (page.url.as_str(), page))
        .collect();
    let mut seen = HashSet::new();
    for person in &playbook.people {
        let url = person_url(&person.id);
        let Some(page) = at_url.get(url.as_str()) else {
            continue;
        };
        if !seen.insert(url.clone()) {
            continue;
        }
        out.push(
            Diagnostic::error(
                Code::DuplicateUrl,
                page_span(page),
                format!(
                    "this page and the page of person `{}` ({}:{}) would both be written to `{url}`",
                    person.id, person.span.file, person.span.line
                ),
            )
            .with_hint(format!(
                "move or rename the file: {} is each person's own page",
                person_url("<id>")
            )),
        );
    }
}

fn failed_pair_file(playbook: &Playbook, file: &str) -> bool {
    playbook
        .page_of_file(file)
        .is_some_and(|page| playbook.failed.page("pair", page).is_some())
}

fn display_url(url: &str) -> &str {
    if url.is_empty() { "/" } else { url }
}
