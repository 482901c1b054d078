//! `aliases:`: every old address a redirect page is written at must be
//! free, in every build: not a page (content or generated), not a file the
//! build writes or a folder the theme fills, not another alias, also as
//! macOS and Windows compare names (`urls::same_file_key`). What a build
//! writes is `model::site`'s `SiteMap`, the one list render writes from.
//! A confidential pair's aliases are not written (`Pair::public`): a
//! warning says so, so the coordinator is not surprised by a dead link.

use super::ids::{files_written, folder_problem};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::site::{BuiltPage, Published, SiteMap, Target};
use crate::model::{Alias, Playbook};
use crate::urls::{quote, same_file_key};
use std::collections::HashMap;

pub(super) fn aliases(playbook: &Playbook, site: &SiteMap, out: &mut Vec<Diagnostic>) {
    let taken: HashMap<String, (&str, Target)> = site
        .paths()
        .filter(|(_, a)| !matches!(a.target, Target::Redirect(_)))
        .map(|(path, a)| (same_file_key(path), (path, a.target)))
        .collect();
    let files = files_written(site);
    // Every alias any build writes: `--drafts` writes a superset.
    let everything = Published::of(playbook, true);
    let mut seen: HashMap<String, (&Alias, BuiltPage)> = HashMap::new();
    for redirect in everything.redirects(playbook) {
        let alias = redirect.alias;
        let key = same_file_key(&alias.address);
        let own = redirect.to.address(playbook);
        let problem = if let Some((path, target)) = taken.get(&key) {
            Some(if same_file_key(&own) == key {
                "it is the page's own address".to_string()
            } else {
                format!("`{path}` is {}", what(playbook, *target))
            })
        } else if let Some(problem) = folder_problem(&key, &files) {
            Some(problem)
        } else if let Some((other, to)) = seen.get(&key) {
            Some(format!(
                "{}:{}:{} already makes it an alias of {}",
                other.span.file,
                other.span.line,
                other.span.col,
                what(playbook, Target::Page(*to))
            ))
        } else {
            seen.insert(key, (alias, redirect.to));
            None
        };
        if let Some(problem) = problem {
            out.push(
                Diagnostic::error(
                    Code::DuplicateUrl,
                    alias.span.clone(),
                    format!(
                        "alias `{}` cannot be written: {problem}",
                        quote(&alias.address)
                    ),
                )
                .with_hint("remove the alias, or keep only the one that old links mean"),
            );
        }
    }
    for pair in &playbook.pairs {
        for alias in pair.withheld_aliases() {
            out.push(
                Diagnostic::warning(
                    Code::BadAlias,
                    alias.span.clone(),
                    format!(
                        "pair `{}` is confidential: no redirect is written at `{}`",
                        pair.id.value,
                        quote(&alias.address)
                    ),
                )
                .with_hint("an old id or path can name what the pair talks about, and a redirect would publish it; remove the alias"),
            );
        }
    }
}

/// What is at an address, as a message names it.
fn what(playbook: &Playbook, target: Target) -> String {
    match target {
        Target::Page(BuiltPage::Content(i)) => format!("the page {}", playbook.pages[i].file),
        Target::Page(BuiltPage::Pair(i)) => format!("pair `{}`'s page", playbook.pairs[i].id.value),
        Target::Page(BuiltPage::Section(s)) => {
            format!("the listing of {}/", playbook.sections[s].path)
        }
        Target::Page(_) => "a page mentorbook generates".to_string(),
        Target::File | Target::Redirect(_) => "a file the build writes".to_string(),
    }
}
