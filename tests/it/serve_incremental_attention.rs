//! After a roster edit, `serve` renders an attention page, or a page of the
//! people directory, again only when what it shows changed: a session
//! logged by a pair that needs no attention leaves them (300 KB at 500
//! rows) as they were, and a row that changes is never missed.

use crate::serve_incremental::{assert_same_site, generated, options, rosters};
use crate::support::Site;
use mentorbook::commands::serve::LiveSite;
use std::collections::BTreeMap;
use std::sync::Arc;

const ATTENTION: &str = "progress/attention/index.html";

fn attention(site: &LiveSite) -> Arc<Vec<u8>> {
    Arc::clone(&site.current().files[ATTENTION])
}

/// The people directory's pages by initial.
fn initials(site: &LiveSite) -> BTreeMap<String, Arc<Vec<u8>>> {
    site.current()
        .files
        .iter()
        .filter(|(path, _)| path.starts_with("people/initial/"))
        .map(|(path, bytes)| (path.to_string(), Arc::clone(bytes)))
        .collect()
}

/// The pages of `before` that are no longer the same file in `after`.
fn rendered_again(
    before: &BTreeMap<String, Arc<Vec<u8>>>,
    after: &BTreeMap<String, Arc<Vec<u8>>>,
) -> Vec<String> {
    before
        .iter()
        .filter(|(path, bytes)| after.get(*path).is_none_or(|now| !Arc::ptr_eq(bytes, now)))
        .map(|(path, _)| path.clone())
        .collect()
}

/// `change` made to the first pair of `file` that `pick` accepts (its
/// entry in the roster, from `  - id:` on), rebuilt as the watcher would.
fn edit_pair(
    sources: &Site,
    site: &LiveSite,
    file: &str,
    pick: impl Fn(&str) -> bool,
    mut change: impl FnMut(&str) -> String,
) {
    sources.edit(file, |text| {
        let mut entries: Vec<String> = text.split("\n  - id: ").map(str::to_string).collect();
        let at = (1..entries.len())
            .find(|&i| pick(&entries[i]))
            .expect("a pair to edit");
        entries[at] = change(&entries[at]);
        entries.join("\n  - id: ")
    });
    let outcome = site.rebuild_edited(&[sources.path(file)]);
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert!(outcome.partial, "the edit rendered every page");
}

#[test]
fn an_attention_page_is_rendered_again_only_when_its_rows_change() {
    let sources = generated(&["--pairs", "120"]);
    let site = LiveSite::new(sources.root(), options());
    let first = site.rebuild();
    assert!(first.error.is_none(), "{:?}", first.error);
    let roster = rosters(&sources).remove(0);

    let before = attention(&site);
    let people = initials(&site);
    assert!(!people.is_empty(), "no people directory pages");
    edit_pair(
        &sources,
        &site,
        &roster,
        |pair| pair.contains("\n    status: completed\n") && pair.contains("\n    sessions:\n"),
        |pair| {
            pair.replacen(
                "\n    sessions:\n",
                "\n    sessions:\n      - {date: 2026-11-20, template: kickoff, status: held}\n",
                1,
            )
        },
    );
    assert!(
        Arc::ptr_eq(&before, &attention(&site)),
        "a session of a completed pair rendered the attention page again"
    );
    let again = rendered_again(&people, &initials(&site));
    assert!(
        again.is_empty(),
        "a session of a completed pair rendered {again:?} again"
    );
    assert_same_site(&site, sources.root(), "a session of a completed pair");

    // A pair the page lists is withdrawn: its row goes.
    let page = String::from_utf8_lossy(&before).into_owned();
    let listed = |pair: &str| {
        let id = pair.lines().next().unwrap_or_default();
        page.contains(&format!("pairs/{id}/")) && !pair.contains("\n    status: ")
    };
    let mut withdrawn = String::new();
    edit_pair(&sources, &site, &roster, listed, |pair| {
        let (id, rest) = pair.split_once('\n').expect("an entry's lines");
        withdrawn = id.to_string();
        format!("{id}\n    status: withdrawn\n{rest}")
    });
    assert!(
        !rendered_again(&people, &initials(&site)).is_empty(),
        "the people of the withdrawn pair {withdrawn} are listed as before"
    );
    let after = attention(&site);
    assert!(
        !String::from_utf8_lossy(&after).contains(&format!("pairs/{withdrawn}/")),
        "{withdrawn} is still listed as needing attention"
    );
    assert_same_site(&site, sources.root(), "a listed pair withdrawn");
}
