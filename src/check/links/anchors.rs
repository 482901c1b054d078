//! Anchors: which ids each page a link may name has (its headings, the
//! ids its template adds, the people page's entries), and the errors for
//! an anchor that is none of them.

use super::{At, Links, shown};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::site::{BuiltPage, Published, person_published};
use crate::model::{Page, Playbook};
use crate::source::markdown::Scan;
use crate::urls;
use std::collections::HashSet;

/// Each page's heading ids, in order and as a set, made once: a link is
/// checked in one lookup, not by walking 20,000 headings.
pub(super) struct Headings<'a> {
    ids: Vec<Vec<&'a str>>,
    sets: Vec<HashSet<&'a str>>,
}

impl<'a> Headings<'a> {
    /// From each page's scan, by index.
    pub(super) fn of(scans: &[&'a Scan]) -> Headings<'a> {
        let ids: Vec<Vec<&str>> = scans
            .iter()
            .map(|scan| scan.headings.iter().map(|h| h.id.as_str()).collect())
            .collect();
        let sets = ids
            .iter()
            .map(|ids| ids.iter().copied().collect())
            .collect();
        Headings { ids, sets }
    }

    /// Whether page `index` (a `page`) has the anchor: a heading's, or one
    /// its kind's template adds.
    pub(super) fn has(&self, (index, page): (usize, &Page), anchor: &str) -> bool {
        self.sets[index].contains(anchor) || theme_anchor(page.kind.name(), anchor)
    }
}

/// The people page's anchors, as a set and sorted (for hints).
pub(super) struct People<'a> {
    set: HashSet<&'a str>,
    sorted: Vec<&'a str>,
}

impl<'a> People<'a> {
    /// `anchors` as `person_anchors` gives them.
    pub(super) fn of(anchors: &'a [String]) -> People<'a> {
        People {
            set: anchors.iter().map(String::as_str).collect(),
            sorted: anchors.iter().map(String::as_str).collect(),
        }
    }
}

/// The anchors of the people page's entries, sorted, in a build with or
/// without `--drafts`.
pub(super) fn person_anchors(playbook: &Playbook, drafts: bool) -> Vec<String> {
    let published = Published::of(playbook, drafts);
    let mut anchors: Vec<String> = playbook
        .people
        .iter()
        .filter(|p| person_published(playbook, &published.pages, p))
        .map(|p| urls::person_anchor(&p.id))
        .collect();
    anchors.sort_unstable();
    anchors
}

impl Links<'_> {
    /// Whether page `target` (at `path`) has `anchor`, linked from `page`;
    /// the error when it does not.
    pub(super) fn anchor_on(
        &mut self,
        page: &Page,
        path: &str,
        target: BuiltPage,
        anchor: &str,
        at: At<'_>,
    ) -> Option<Diagnostic> {
        match target {
            BuiltPage::Content(i) => {
                let target = (i, &self.playbook.pages[i]);
                (!self.headings.has(target, anchor)).then(|| self.broken_anchor(i, anchor, at))
            }
            BuiltPage::Pair(i) => {
                let pair = &self.playbook.pairs[i];
                // A confidential pair's page shows none of its file's headings.
                let file = pair.page.filter(|_| !pair.confidential);
                let found = file.is_some_and(|f| self.headings.sets[f].contains(anchor))
                    || theme_anchor("pair", anchor);
                (!found).then(|| match file {
                    Some(f) => self.broken_anchor(f, anchor, at),
                    None => self.fixed_anchor(path, "pair", anchor, at),
                })
            }
            BuiltPage::People | BuiltPage::PeopleInitial(..) => {
                let drafts = usize::from(page.draft);
                let found =
                    self.people[drafts].set.contains(anchor) || theme_anchor("people", anchor);
                (!found).then(|| self.people_anchor(drafts, anchor, at))
            }
            BuiltPage::RosterPage(..) => (!theme_anchor("roster", anchor))
                .then(|| self.fixed_anchor(path, "roster", anchor, at)),
            BuiltPage::Person(_) => (!theme_anchor("person", anchor))
                .then(|| self.fixed_anchor(path, "person", anchor, at)),
            BuiltPage::Progress | BuiltPage::ProgramProgress(_) => {
                (!theme_anchor("progress", anchor))
                    .then(|| self.fixed_anchor(path, "progress", anchor, at))
            }
            BuiltPage::Attention(_) | BuiltPage::ProgramAttention(..) => {
                (!theme_anchor("attention", anchor))
                    .then(|| self.fixed_anchor(path, "attention", anchor, at))
            }
            BuiltPage::Section(_) | BuiltPage::Print | BuiltPage::NotFound => {
                (!theme_anchor("section", anchor))
                    .then(|| self.fixed_anchor(path, "section", anchor, at))
            }
        }
    }

    /// An anchor that is none of page `target`'s headings.
    pub(super) fn broken_anchor(&mut self, target: usize, anchor: &str, at: At<'_>) -> Diagnostic {
        let file = &self.playbook.pages[target].file;
        let ids = &self.headings.ids[target];
        let hint = self.suggestions.near(anchor, ids).map_or_else(
            || {
                let listed = ids[..ids.len().min(LISTED)].join(", #");
                match ids.len() {
                    0 => format!("{file} has no headings to link to"),
                    n if n <= LISTED => format!("headings of {file}: #{listed}"),
                    n => format!("headings of {file}: #{listed} and {} more", n - LISTED),
                }
            },
            |near| format!("did you mean `#{near}`?"),
        );
        Diagnostic::error(
            Code::BrokenAnchor,
            at.span(),
            format!(
                "`{file}` has no heading with the anchor `#{}`",
                urls::quote(anchor)
            ),
        )
        .with_hint(hint)
    }

    /// An anchor that none of a generated page's own ids is.
    fn fixed_anchor(&mut self, path: &str, kind: &str, anchor: &str, at: At<'_>) -> Diagnostic {
        let ids = urls::generated_anchors(kind);
        let hint = self.suggestions.near(anchor, ids).map_or_else(
            || {
                if ids.is_empty() {
                    format!("link to `{}` without an anchor", shown(path))
                } else {
                    format!("its anchors: #{}", ids.join(", #"))
                }
            },
            |near| format!("did you mean `#{near}`?"),
        );
        Diagnostic::error(
            Code::BrokenAnchor,
            at.span(),
            format!(
                "the page at `{}` has no anchor `#{}`",
                shown(path),
                urls::quote(anchor)
            ),
        )
        .with_hint(hint)
    }

    /// An anchor on the people page that is nobody's entry.
    fn people_anchor(&mut self, drafts: usize, anchor: &str, at: At<'_>) -> Diagnostic {
        let known = &self.people[drafts].sorted;
        let hint = self.suggestions.near(anchor, known).map_or_else(
            || "a person's entry is `#person-<their id>`, e.g. `people/#person-ana`".to_string(),
            |near| format!("did you mean `#{near}`?"),
        );
        Diagnostic::error(
            Code::BrokenAnchor,
            at.span(),
            format!("the people page has no entry `#{}`", urls::quote(anchor)),
        )
        .with_hint(hint)
    }
}

/// Headings named in a broken anchor's hint: a page of 20,000 headings
/// would otherwise repeat them all in every such hint.
const LISTED: usize = 20;

/// An id the theme puts on every page of `kind` (or every page at all).
pub(super) fn theme_anchor(kind: &str, anchor: &str) -> bool {
    urls::generated_anchors(kind).contains(&anchor)
        || anchor.starts_with("fn-")
        || matches!(anchor, "main" | "top")
}
