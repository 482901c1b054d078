//! Links between pages: a link to a Markdown file must name a page, and an
//! anchor must name one of the target's headings or an anchor its template
//! generates. Resolving a link is `crate::urls`'s, the same as render's.

use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::{Page, Playbook};
use crate::source::fields::did_you_mean;
use crate::source::markdown::Link;
use crate::urls::{LinkTarget, classify_link, generated_anchors, relative_link};

pub(super) fn links(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let files: Vec<&str> = playbook.pages.iter().map(|p| p.file.as_str()).collect();
    for page in &playbook.pages {
        for link in &page.scan.links {
            if let Some((target, anchor)) = anchored_target(playbook, page, link, &files, out)
                && !anchor.is_empty()
                && !has_anchor(target, anchor)
            {
                let span = Span::new(&page.file, link.line, link.col).with_len(link.len);
                out.push(broken_anchor(target, anchor, span));
            }
        }
    }
}

/// The page and anchor `link` points at, when it has an anchor to check;
/// reports a link to a Markdown file that is no page.
fn anchored_target<'a>(
    playbook: &'a Playbook,
    page: &'a Page,
    link: &'a Link,
    files: &[&str],
    out: &mut Vec<Diagnostic>,
) -> Option<(&'a Page, &'a str)> {
    match classify_link(&page.file, &link.dest) {
        LinkTarget::External | LinkTarget::Other => None,
        LinkTarget::Anchor(anchor) => Some((page, anchor)),
        LinkTarget::Page { file, anchor } => match playbook.page_of_file(&file) {
            Some(target) => anchor.map(|anchor| (&playbook.pages[target], anchor)),
            None => {
                let hint = did_you_mean(&file, files).map_or_else(
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

fn broken_anchor(target: &Page, anchor: &str, span: Span) -> Diagnostic {
    let ids: Vec<&str> = target.scan.headings.iter().map(|h| h.id.as_str()).collect();
    let hint = did_you_mean(anchor, &ids).map_or_else(
        || {
            if ids.is_empty() {
                format!("{} has no headings to link to", target.file)
            } else {
                format!("headings of {}: #{}", target.file, ids.join(", #"))
            }
        },
        |near| format!("did you mean `#{near}`?"),
    );
    Diagnostic::error(
        Code::BrokenAnchor,
        span,
        format!(
            "`{}` has no heading with the anchor `#{anchor}`",
            target.file
        ),
    )
    .with_hint(hint)
}

fn has_anchor(page: &Page, anchor: &str) -> bool {
    page.scan.headings.iter().any(|h| h.id == anchor)
        || generated_anchors(page.kind.name()).contains(&anchor)
        || anchor.starts_with("fn-")
        || matches!(anchor, "main" | "top")
}
