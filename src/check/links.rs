//! Links between pages: a link to a Markdown file must name a page, and an
//! anchor must name one of the target's headings or an anchor its template
//! generates. Resolving a link is `crate::urls`'s, the same as render's.

use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::{Page, Playbook};
use crate::source::markdown::Link;
use crate::suggest::Suggestions;
use crate::urls::{LinkTarget, classify_link, generated_anchors, relative_link};
use std::collections::HashSet;

pub(super) fn links(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let files: Vec<&str> = playbook.pages.iter().map(|p| p.file.as_str()).collect();
    // Each page's heading ids, in order and as a set, made once: a link is
    // checked in one lookup, not by walking 20,000 headings.
    let ids: Vec<Vec<&str>> = playbook
        .pages
        .iter()
        .map(|p| p.scan.headings.iter().map(|h| h.id.as_str()).collect())
        .collect();
    let id_sets: Vec<HashSet<&str>> = ids
        .iter()
        .map(|ids| ids.iter().copied().collect())
        .collect();
    let mut suggestions = Suggestions::default();
    for (at, page) in playbook.pages.iter().enumerate() {
        for link in &page.scan.links {
            let found = anchored_target(playbook, (at, page), link, &files, &mut suggestions, out);
            if let Some((target, anchor)) = found
                && !anchor.is_empty()
                && !has_anchor(&playbook.pages[target], &id_sets[target], anchor)
            {
                let span = Span::new(&page.file, link.line, link.col).with_len(link.len);
                let file = &playbook.pages[target].file;
                out.push(broken_anchor(
                    file,
                    &ids[target],
                    anchor,
                    span,
                    &mut suggestions,
                ));
            }
        }
    }
}

/// The page (by index) and anchor `link` points at, when it has an anchor
/// to check; reports a link to a Markdown file that is no page.
fn anchored_target<'a>(
    playbook: &'a Playbook,
    (at, page): (usize, &'a Page),
    link: &'a Link,
    files: &[&str],
    suggestions: &mut Suggestions,
    out: &mut Vec<Diagnostic>,
) -> Option<(usize, &'a str)> {
    match classify_link(&page.file, &link.dest) {
        LinkTarget::External | LinkTarget::Other => None,
        LinkTarget::Anchor(anchor) => Some((at, anchor)),
        LinkTarget::Page { file, anchor } => match playbook.page_of_file(&file) {
            Some(target) => anchor.map(|anchor| (target, anchor)),
            None => {
                let hint = suggestions.near(&file, files).map_or_else(
                    || "link to a .md file relative to this one, e.g. `../launch/01-define-goals.md`".to_string(),
                    |near| format!("did you mean `{}`?", relative_link(&page.file, near)),
                );
                out.push(
                    Diagnostic::error(
                        Code::BrokenLink,
                        Span::new(&page.file, link.line, link.col).with_len(link.len),
                        format!(
                            "link to `{}` points at no page (looked for {file})",
                            link.dest
                        ),
                    )
                    .with_hint(hint),
                );
                None
            }
        },
    }
}

/// Headings named in a broken anchor's hint: a page of 20,000 headings
/// would otherwise repeat them all in every such hint.
const LISTED: usize = 20;

/// `ids`: the heading ids of the page `target` (a file).
fn broken_anchor(
    target: &str,
    ids: &[&str],
    anchor: &str,
    span: Span,
    suggestions: &mut Suggestions,
) -> Diagnostic {
    let hint = suggestions.near(anchor, ids).map_or_else(
        || {
            let listed = ids[..ids.len().min(LISTED)].join(", #");
            match ids.len() {
                0 => format!("{} has no headings to link to", target),
                n if n <= LISTED => format!("headings of {}: #{listed}", target),
                n => format!("headings of {}: #{listed} and {} more", target, n - LISTED),
            }
        },
        |near| format!("did you mean `#{near}`?"),
    );
    Diagnostic::error(
        Code::BrokenAnchor,
        span,
        format!("`{}` has no heading with the anchor `#{anchor}`", target),
    )
    .with_hint(hint)
}

fn has_anchor(page: &Page, ids: &HashSet<&str>, anchor: &str) -> bool {
    ids.contains(anchor)
        || generated_anchors(page.kind.name()).contains(&anchor)
        || anchor.starts_with("fn-")
        || matches!(anchor, "main" | "top")
}
