//! Ids and URLs that must be unique: session templates, pairs, people and
//! goals each need their own id, and no two pages (nor a page and a page
//! mentorbook generates) may be written to the same address.

use super::page_span;
use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::{Kind, Playbook};
use crate::urls::{RESERVED_URLS, pair_url};
use std::collections::HashMap;

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
    // address as a pair file would have.
    for pair in playbook.pairs.iter().filter(|p| p.page.is_none()) {
        let url = pair_url(&pair.id.value);
        if let Some(other) = taken.get(url.as_str()) {
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
}

fn display_url(url: &str) -> &str {
    if url.is_empty() { "/" } else { url }
}
