//! Links and images in content: every relative one must name something the
//! build writes (a page, by its `.md` file or its address; a generated
//! page; an export; a file of `static/`), and an anchor must name an
//! element of the target page where its ids are known. A page published
//! without `--drafts` may not link to what only `--drafts` builds. How a
//! link resolves is `crate::urls`'s, the same as render's; what the build
//! writes is `crate::model::site`'s, the same as render's.

mod nearest;

use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::site::{Address, BuiltPage, Published, SiteMap, Target, person_published};
use crate::model::{Page, Playbook};
use crate::source::fields::did_you_mean;
use crate::source::markdown::Link;
use crate::urls::{self, LinkTarget, classify_link, relative_link, relative_url};
use nearest::Candidates;
use std::collections::HashSet;

pub(super) fn links(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let site = SiteMap::of(playbook);
    let mut links = Links {
        playbook,
        site: &site,
        pages: None,
        addresses: None,
        people: None,
    };
    for page in &playbook.pages {
        for link in &page.scan.links {
            if let Some(problem) = links.check(page, link) {
                out.push(problem);
            }
        }
    }
}

/// What the links of a playbook are checked against, built once per
/// check; the suggestions' candidates only when a link is broken.
struct Links<'a> {
    playbook: &'a Playbook,
    site: &'a SiteMap,
    pages: Option<Candidates<'a>>,
    addresses: Option<Candidates<'a>>,
    /// Anchors of the people page, and whether only `--drafts` shows them.
    people: Option<Vec<HashSet<String>>>,
}

impl<'a> Links<'a> {
    fn check(&mut self, page: &Page, link: &Link) -> Option<Diagnostic> {
        let at = At {
            file: &page.file,
            link,
        };
        match classify_link(&page.file, &page.url, &link.dest) {
            LinkTarget::External => None,
            LinkTarget::Anchor(anchor) => (!anchor.is_empty() && !has_anchor(page, anchor))
                .then(|| broken_anchor(page, anchor, at)),
            LinkTarget::Page { file, anchor } => match self.playbook.page_of_file(&file) {
                Some(target) => {
                    let target = &self.playbook.pages[target];
                    self.check_address(page, link, &target.url, anchor, at)
                }
                None => Some(self.missing_page(page, link, &file, at)),
            },
            LinkTarget::Output { path: None, .. } => Some(self.above_root(page, link, at)),
            LinkTarget::Output {
                path: Some(path),
                anchor,
                ..
            } => self.check_address(page, link, &path, anchor, at),
        }
    }

    /// A link to `path` of the built site, with its anchor.
    fn check_address(
        &mut self,
        page: &Page,
        link: &Link,
        path: &str,
        anchor: Option<&str>,
        at: At<'_>,
    ) -> Option<Diagnostic> {
        let Some(address) = self.site.get(path) else {
            return Some(self.missing_address(page, link, path, at));
        };
        if address.drafts_only && !page.draft {
            return Some(draft_target(self.playbook, link, address, at));
        }
        let anchor = anchor.filter(|a| !a.is_empty())?;
        let Target::Page(target) = address.target else {
            return None; // a file's fragment (`x.pdf#page=2`) is the viewer's
        };
        match target {
            BuiltPage::Content(i) => {
                let target = &self.playbook.pages[i];
                (!has_anchor(target, anchor)).then(|| broken_anchor(target, anchor, at))
            }
            BuiltPage::Pair(i) => {
                let pair = &self.playbook.pairs[i];
                // A confidential pair's page shows none of its file's headings.
                let file = pair.page.filter(|_| !pair.confidential);
                let file = file.map(|p| &self.playbook.pages[p]);
                let found =
                    file.is_some_and(|f| has_anchor(f, anchor)) || theme_anchor("pair", anchor);
                (!found).then(|| match file {
                    Some(f) => broken_anchor(f, anchor, at),
                    None => fixed_anchor(path, "pair", anchor, at),
                })
            }
            BuiltPage::People => {
                let drafts = usize::from(page.draft);
                let people = self.people_anchors();
                let found = people[drafts].contains(anchor) || theme_anchor("people", anchor);
                (!found).then(|| people_anchor(&people[drafts], anchor, at))
            }
            BuiltPage::Progress => (!theme_anchor("progress", anchor))
                .then(|| fixed_anchor(path, "progress", anchor, at)),
            BuiltPage::Section(_) | BuiltPage::NotFound => (!theme_anchor("section", anchor))
                .then(|| fixed_anchor(path, "section", anchor, at)),
        }
    }

    /// The people page's anchors: [without `--drafts`, with it].
    fn people_anchors(&mut self) -> &[HashSet<String>] {
        let playbook = self.playbook;
        self.people.get_or_insert_with(|| {
            [false, true]
                .map(|drafts| {
                    let published = Published::of(playbook, drafts);
                    playbook
                        .people
                        .iter()
                        .filter(|p| person_published(playbook, &published.pages, p))
                        .map(|p| urls::person_anchor(&p.id))
                        .collect()
                })
                .into()
        })
    }

    /// A `.md` link to a file that is no page.
    fn missing_page(&mut self, page: &Page, link: &Link, file: &str, at: At<'_>) -> Diagnostic {
        let playbook = self.playbook;
        let candidates = self.pages.get_or_insert_with(|| {
            Candidates::new(playbook.pages.iter().map(|p| (p.file.as_str(), p.draft)))
        });
        let anchor = anchor_of(&link.dest);
        let hint = candidates.nearest(file, page.draft).map_or_else(
            || {
                "link to a .md file relative to this one, e.g. `../launch/01-define-goals.md`"
                    .to_string()
            },
            |near| {
                format!(
                    "did you mean `{}{anchor}`?",
                    relative_link(&page.file, near)
                )
            },
        );
        Diagnostic::error(
            Code::BrokenLink,
            at.span(),
            format!(
                "link to `{}` points at no page (looked for {file})",
                urls::quote(&link.dest)
            ),
        )
        .with_hint(hint)
    }

    /// A link to a path the build does not write.
    fn missing_address(&mut self, page: &Page, link: &Link, path: &str, at: At<'_>) -> Diagnostic {
        let dest = urls::quote(&link.dest);
        let folder = format!("{path}/");
        if !path.is_empty() && !path.ends_with('/') && self.site.get(&folder).is_some() {
            return Diagnostic::error(
                Code::BrokenLink,
                at.span(),
                format!("link to `{dest}` names the page `{folder}` without its final `/`"),
            )
            .with_hint(format!(
                "write `{}`: without the `/` the link breaks when the site is opened from disk",
                with_slash(&link.dest)
            ));
        }
        let hint = self.suggestion(page, path, link);
        Diagnostic::error(
            Code::BrokenLink,
            at.span(),
            format!(
                "link to `{dest}` points at nothing the site publishes (looked for `{}` in the built site)",
                urls::quote(shown(path))
            ),
        )
        .with_hint(hint)
    }

    /// A link with more `..` than the page has folders above it.
    fn above_root(&mut self, page: &Page, link: &Link, at: At<'_>) -> Diagnostic {
        let written = link.dest.split(['#', '?']).next().unwrap_or("");
        let wanted = written.trim_start_matches(['.', '/']);
        let hint = self.suggestion(page, wanted, link);
        Diagnostic::error(
            Code::BrokenLink,
            at.span(),
            format!(
                "link to `{}` climbs above the site's root: this page is at `{}`",
                urls::quote(&link.dest),
                urls::quote(shown(&page.url))
            ),
        )
        .with_hint(hint)
    }

    /// "Did you mean" the nearest address, written from this page; else
    /// how links are written.
    fn suggestion(&mut self, page: &Page, wanted: &str, link: &Link) -> String {
        let site = self.site;
        let candidates = self.addresses.get_or_insert_with(|| {
            Candidates::new(site.paths().map(|(path, a)| (path, a.drafts_only)))
        });
        if let Some(near) = candidates.nearest(wanted, page.draft) {
            let anchor = anchor_of(&link.dest);
            return format!("did you mean `{}{anchor}`?", relative_url(&page.url, near));
        }
        let static_dir = urls::STATIC_DIR;
        if wanted.starts_with(static_dir) {
            return format!("add the file `{wanted}` to the site folder, or correct the path");
        }
        let name = wanted.rsplit('/').next().unwrap_or("");
        if name.contains('.') {
            let written = link.dest.split(['#', '?']).next().unwrap_or("");
            let kept = written.trim_start_matches(['.', '/']);
            return format!(
                "files are published from the site's {static_dir} folder: put it at `{static_dir}{kept}` and link `{}`",
                relative_url(&page.url, &format!("{static_dir}{kept}"))
            );
        }
        format!(
            "links are relative to this page's address, `{}`: the dashboard is `{}`, the people page `{}`; link a page by its .md file",
            shown(&page.url),
            relative_url(&page.url, urls::progress_url()),
            relative_url(&page.url, urls::people_url()),
        )
    }
}

/// `dest`'s `#anchor`, to keep in a suggestion; empty when it has none.
fn anchor_of(dest: &str) -> &str {
    dest.find('#').map_or("", |at| &dest[at..])
}

/// `dest` with a `/` after its path, before any `?` or `#`.
fn with_slash(dest: &str) -> String {
    let at = dest.find(['?', '#']).unwrap_or(dest.len());
    format!("{}/{}", &dest[..at], &dest[at..])
}

/// Where a link's destination is written; a `Span` is made only for a
/// problem, not for each of a large site's links.
#[derive(Clone, Copy)]
struct At<'a> {
    file: &'a str,
    link: &'a Link,
}

impl At<'_> {
    fn span(self) -> Span {
        Span::new(self.file, self.link.line, self.link.col).with_len(self.link.len)
    }
}

/// An address as messages show it: the home page is `/`.
fn shown(path: &str) -> &str {
    if path.is_empty() { "/" } else { path }
}

/// A link from a published page to what only `--drafts` builds.
fn draft_target(playbook: &Playbook, link: &Link, address: Address, at: At<'_>) -> Diagnostic {
    let what = match address.target {
        Target::Page(BuiltPage::Content(i)) => format!("{} is a draft", playbook.pages[i].file),
        Target::Page(BuiltPage::Pair(i)) => {
            let roster = &playbook.pages[playbook.pairs[i].roster];
            format!("its pair is in {}, a draft roster", roster.file)
        }
        _ => "it is built only from drafts".to_string(),
    };
    Diagnostic::error(
        Code::BrokenLink,
        at.span(),
        format!(
            "link to `{}` is broken in every build without --drafts: {what}",
            urls::quote(&link.dest)
        ),
    )
    .with_hint("publish the target (remove its `draft: true`), or link to it only from draft pages")
}

fn broken_anchor(target: &Page, anchor: &str, at: At<'_>) -> Diagnostic {
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
        at.span(),
        format!(
            "`{}` has no heading with the anchor `#{}`",
            target.file,
            urls::quote(anchor)
        ),
    )
    .with_hint(hint)
}

/// An anchor that none of a generated page's own ids is.
fn fixed_anchor(path: &str, kind: &str, anchor: &str, at: At<'_>) -> Diagnostic {
    let ids = urls::generated_anchors(kind);
    let hint = did_you_mean(anchor, ids).map_or_else(
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

/// An anchor on the people page that is nobody's.
fn people_anchor(people: &HashSet<String>, anchor: &str, at: At<'_>) -> Diagnostic {
    // Past a few thousand people a suggestion per broken link would cost
    // more than the rest of the check.
    let mut known: Vec<&str> = if people.len() <= 2000 {
        people.iter().map(String::as_str).collect()
    } else {
        Vec::new()
    };
    known.sort_unstable();
    let hint = did_you_mean(anchor, &known).map_or_else(
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

fn has_anchor(page: &Page, anchor: &str) -> bool {
    page.scan.headings.iter().any(|h| h.id == anchor) || theme_anchor(page.kind.name(), anchor)
}

/// An id the theme puts on every page of `kind` (or every page at all).
fn theme_anchor(kind: &str, anchor: &str) -> bool {
    urls::generated_anchors(kind).contains(&anchor)
        || anchor.starts_with("fn-")
        || matches!(anchor, "main" | "top")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The theme's templates, where the anchors pages are promised are.
    const TEMPLATES: &[&str] = &[
        include_str!("../../themes/default/templates/session.html"),
        include_str!("../../themes/default/templates/roster.html"),
        include_str!("../../themes/default/templates/guide.html"),
        include_str!("../../themes/default/templates/goals.html"),
        include_str!("../../themes/default/templates/pair.html"),
        include_str!("../../themes/default/templates/progress.html"),
        include_str!("../../themes/default/templates/people.html"),
        include_str!("../../themes/default/templates/macros.html"),
        include_str!("../../themes/default/templates/base.html"),
    ];

    #[test]
    fn every_anchor_a_link_may_name_is_an_id_of_the_theme() {
        let kinds = [
            "session", "roster", "guide", "goals", "pair", "progress", "people",
        ];
        for kind in kinds {
            for anchor in urls::generated_anchors(kind) {
                let id = format!("id=\"{anchor}\"");
                assert!(
                    TEMPLATES.iter().any(|t| t.contains(&id)),
                    "{kind}: #{anchor}"
                );
            }
        }
        assert!(TEMPLATES.iter().any(|t| t.contains("id=\"main\"")));
    }

    #[test]
    fn a_suggested_folder_link_keeps_its_anchor() {
        assert_eq!(with_slash("../faq#a"), "../faq/#a");
        assert_eq!(with_slash("../faq?x"), "../faq/?x");
        assert_eq!(anchor_of("a.md#b"), "#b");
        assert_eq!(shown(""), "/");
    }
}
