//! Ids and URLs: the ids of session templates, rosters, pairs, people and
//! goals must be plain (`urls::id_problem`) and each its own, and no two
//! pages (nor a page and a page mentorbook generates) may be written to the
//! same address, nor into a folder where the build writes a file
//! (`progress.csv/`) or that the theme fills (`search/`, `static/`).

use super::page_span;
use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::site::{SiteMap, Target};
use crate::model::{Kind, Playbook};
use crate::urls::{self, RESERVED_URLS, pair_url, person_url, same_file_key};
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
    // Session templates are unique within a program, and among the
    // site-wide ones: a program's own shadows a site-wide one.
    let mut template_spans: Vec<(Option<usize>, &str, Span)> = playbook
        .pages
        .iter()
        .filter(|p| matches!(p.kind, Kind::Session(_)))
        .map(|p| (p.program, p.id.as_str(), page_span(p)))
        .collect();
    template_spans.sort_by_key(|(program, ..)| *program);
    for group in template_spans.chunk_by(|a, b| a.0 == b.0) {
        duplicate(
            out,
            "session template",
            group.iter().map(|(_, id, s)| (*id, s)),
        );
    }
    // Pair ids are unique within a program (their pages are apart).
    let mut by_program: Vec<Vec<&crate::model::Pair>> =
        vec![Vec::new(); playbook.programs.len().max(1)];
    for pair in &playbook.pairs {
        if let Some(pairs) = by_program.get_mut(pair.program) {
            pairs.push(pair);
        }
    }
    for pairs in by_program {
        duplicate(
            out,
            "pair",
            pairs.into_iter().map(|p| (p.id.value.as_str(), &p.id.span)),
        );
    }
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
            Kind::Surveys(surveys) => {
                for survey in surveys.iter().filter(|s| !s.id.is_empty()) {
                    not_plain(out, "survey", &survey.id, Some(&survey.span), "");
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

pub(super) fn duplicate_urls(playbook: &Playbook, site: &SiteMap, out: &mut Vec<Diagnostic>) {
    // Keyed as macOS and Windows see file names: `GOALS.md` would be
    // written over `goals.md`'s page there.
    let mut taken: HashMap<String, (&str, &str)> = HashMap::new();
    let mut reserved: Vec<String> = RESERVED_URLS.iter().map(|u| same_file_key(u)).collect();
    // Each program's dashboard.
    reserved.extend(
        playbook
            .programs
            .iter()
            .filter(|p| !p.id.is_empty())
            .map(|p| same_file_key(&urls::program_progress_url(&p.id))),
    );
    let files = files_written(site);
    for page in &playbook.pages {
        let key = same_file_key(&page.url);
        if let Some(problem) = folder_problem(&key, &files) {
            out.push(
                Diagnostic::error(
                    Code::DuplicateUrl,
                    page_span(page),
                    format!(
                        "this page would be written to `{}index.html`, but {problem}",
                        display_url(&page.url)
                    ),
                )
                .with_hint("rename the file or its folder"),
            );
        }
        if reserved.contains(&key) {
            out.push(
                Diagnostic::error(
                    Code::DuplicateUrl,
                    page_span(page),
                    format!(
                        "`{}` is a page mentorbook generates",
                        page.url.to_lowercase()
                    ),
                )
                .with_hint("rename the file or its folder"),
            );
        }
        if let Some((other, url)) = taken.insert(key, (page.file.as_str(), page.url.as_str())) {
            out.push(
                Diagnostic::error(
                    Code::DuplicateUrl,
                    page_span(page),
                    format!(
                        "this page and {other} would both be written to `{}`{}",
                        display_url(&page.url),
                        spelt_otherwise(url, &page.url)
                    ),
                )
                .with_hint(format!(
                    "rename one of the files (pair files are written to {})",
                    pair_url(playbook.program_id(page.program.unwrap_or(0)), "<id>")
                )),
            );
        }
    }
    // Pairs without a file of their own get a generated page at the same
    // address as a pair file would have. A pair file that failed to read
    // is there too: its own error says whose page it is.
    let mut generated: HashMap<String, &str> = HashMap::new();
    for pair in playbook.pairs.iter().filter(|p| p.page.is_none()) {
        let url = playbook.pair_url(pair.program, &pair.id.value);
        let key = same_file_key(&url);
        if let Some((other, other_url)) = taken.get(&key)
            && !failed_pair_file(playbook, other)
        {
            out.push(
                Diagnostic::error(
                    Code::DuplicateUrl,
                    pair.id.span.clone(),
                    format!(
                        "pair `{}` and {other} would both be written to `{url}`{}",
                        pair.id.value,
                        spelt_otherwise(other_url, &url)
                    ),
                )
                .with_hint("rename the page, or make it the pair's file with `kind: pair`"),
            );
        }
        // The same id twice is a `duplicate-id`; ids that differ only as
        // macOS and Windows do not see are one folder there.
        match generated.insert(key, &pair.id.value) {
            Some(other) if other != pair.id.value => out.push(
                Diagnostic::error(
                    Code::DuplicateUrl,
                    pair.id.span.clone(),
                    format!(
                        "pairs `{}` and `{other}` would both be written to `{url}`{}",
                        pair.id.value,
                        spelt_otherwise(&playbook.pair_url(pair.program, other), &url)
                    ),
                )
                .with_hint("give one of the pairs another id"),
            ),
            _ => {}
        }
    }
    person_pages_taken(playbook, &taken, out);
}

/// Every declared person gets a page at `people/<id>/`: a content page
/// there (`taken`, keyed by `same_file_key`) would take it. The page is
/// reported, as it is what can move.
fn person_pages_taken(
    playbook: &Playbook,
    taken: &HashMap<String, (&str, &str)>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen = HashSet::new();
    for person in &playbook.people {
        let url = person_url(&person.id);
        let key = same_file_key(&url);
        let Some(&(file, page_url)) = taken.get(&key) else {
            continue;
        };
        let Some(page) = playbook.page_of_file(file).map(|i| &playbook.pages[i]) else {
            continue;
        };
        if !seen.insert(key) {
            continue;
        }
        out.push(
            Diagnostic::error(
                Code::DuplicateUrl,
                page_span(page),
                format!(
                    "this page and the page of person `{}` ({}:{}) would both be written to `{url}`{}",
                    person.id,
                    person.span.file,
                    person.span.line,
                    spelt_otherwise(page_url, &url)
                ),
            )
            .with_hint(format!(
                "move or rename the file: {} is each person's own page",
                person_url("<id>")
            )),
        );
    }
}

/// Says why two addresses spelt differently are one folder.
fn spelt_otherwise(one: &str, other: &str) -> String {
    if one == other {
        String::new()
    } else {
        format!(
            " (as `{}`: macOS and Windows take the two for one folder)",
            display_url(one)
        )
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

/// Every file (not page) the build writes, keyed as `same_file_key` keys
/// paths: a page's folder may not have the same name.
pub(super) fn files_written(site: &SiteMap) -> HashSet<String> {
    site.paths()
        .filter(|(_, address)| address.target == Target::File)
        .map(|(path, _)| same_file_key(path))
        .chain([same_file_key(urls::NOT_FOUND)])
        .collect()
}

/// Why a page whose address has `key` cannot be written, if it cannot:
/// its folder is a file the build writes, or lies in a folder the theme's
/// files go to (`search/index.js.md` would be the folder `search/index.js/`
/// beside the index's own `search/index.js`).
pub(super) fn folder_problem(key: &str, files: &HashSet<String>) -> Option<String> {
    let folder = key.strip_suffix('/')?;
    if files.contains(folder) {
        return Some(format!("the build writes the file `{folder}` there"));
    }
    [urls::SEARCH_DIR, urls::STATIC_DIR]
        .into_iter()
        .find(|dir| key.len() > dir.len() && key.starts_with(&same_file_key(dir)))
        .map(|dir| format!("`{dir}` is the theme's folder (search index and assets)"))
}
