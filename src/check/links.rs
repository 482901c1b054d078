//! Links and images in content: every relative one must name something the
//! build writes (a page, by its `.md` file or its address; a generated
//! page; an export; a file of `static/`), and an anchor must name an
//! element of the target page where its ids are known. A page published
//! without `--drafts` may not link to what only `--drafts` builds. How a
//! link resolves is `crate::urls`'s, the same as render's; what the build
//! writes is `crate::model::site`'s, the same as render's.

mod anchors;
mod nearest;
mod raw_html;

use anchors::{Headings, People, person_anchors};

use crate::config::RawHtml;
use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::site::{Address, BuiltPage, SiteMap, Target};
use crate::model::{Kind, Page, Playbook};
use crate::source::markdown::{Link, Origin, Scan};
use crate::suggest::Suggestions;
use crate::urls::{self, LinkTarget, classify_link, relative_link, relative_url};
use nearest::Candidates;
use raw_html::rooted_in_html;

/// Checks every page's links; `scans` holds each page's scan, by index
/// (`page.scan` but where a build's render made it).
pub(super) fn links(
    playbook: &Playbook,
    scans: &[&Scan],
    site: &SiteMap,
    out: &mut Vec<Diagnostic>,
) {
    let entries = [false, true].map(|drafts| person_anchors(playbook, drafts));
    let mut links = Links {
        playbook,
        site,
        headings: Headings::of(scans),
        suggestions: Suggestions::default(),
        pages: None,
        addresses: None,
        people: entries.each_ref().map(|anchors| People::of(anchors)),
    };
    for (index, (page, scan)) in playbook.pages.iter().zip(scans).enumerate() {
        for link in &scan.links {
            if let Some(mut problem) = links.check((index, page), link) {
                // Reported at the include line, since where the link leads
                // depends on the page: say which file it is written in.
                if let Some(snippet) = scan.included_at(link.line) {
                    problem
                        .message
                        .push_str(&format!(" (written in {snippet})"));
                }
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
    headings: Headings<'a>,
    /// "Did you mean" for anchors, within one budget per check.
    suggestions: Suggestions,
    pages: Option<Candidates<'a>>,
    addresses: Option<Candidates<'a>>,
    /// The people page's entries: [without `--drafts`, with it].
    people: [People<'a>; 2],
}

impl<'a> Links<'a> {
    fn check(&mut self, (index, page): (usize, &Page), link: &Link) -> Option<Diagnostic> {
        let at = At {
            file: &page.file,
            link,
        };
        let target = classify_link(&page.file, &page.url, &link.dest);
        if let Origin::Html { trusted } = link.origin {
            if trusted && self.playbook.config.raw_html != RawHtml::Allow {
                return None; // the sanitiser drops its element
            }
            if let LinkTarget::Page { file, .. } = &target {
                return Some(self.page_file_in_html(page, link, file, at));
            }
        }
        match target {
            LinkTarget::External => None,
            LinkTarget::Anchor(anchor) => (!anchor.is_empty()
                && !self.headings.has((index, page), anchor))
            .then(|| self.broken_anchor(index, anchor, at)),
            LinkTarget::Page { file, anchor } => match self.playbook.page_of_file(&file) {
                // A pair file no published roster lists is not built: its
                // own error (or its roster's) says so.
                Some(target) if self.unbuilt_pair_file(target) => None,
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
                rooted,
            } => self
                .check_address(page, link, &path, anchor, at)
                .or_else(|| {
                    (rooted && link.origin != Origin::Markdown)
                        .then(|| rooted_in_html(page, link, &path, at))
                }),
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
            if self.of_failed_roster(path) {
                return None; // the roster's error is the one to fix
            }
            return Some(self.missing_address(page, link, path, at));
        };
        if address.drafts_only && !page.draft {
            return Some(draft_target(self.playbook, link, address, at));
        }
        if let Target::Redirect(to) = address.target {
            return Some(self.to_alias(page, link, to, at));
        }
        let anchor = anchor.filter(|a| !a.is_empty())?;
        let Target::Page(target) = address.target else {
            return None; // a file's fragment (`x.pdf#page=2`) is the viewer's
        };
        self.anchor_on(page, path, target, anchor, at)
    }

    /// A link to an alias's address works, through a redirect page, but a
    /// reader waits for it and the old path shows in the address bar: the
    /// page's own address is better, and is suggested.
    fn to_alias(&self, page: &Page, link: &Link, to: BuiltPage, at: At<'_>) -> Diagnostic {
        let anchor = anchor_of(&link.dest);
        let better = match to {
            BuiltPage::Content(i) => relative_link(&page.file, &self.playbook.pages[i].file),
            other => relative_url(&page.url, &other.address(self.playbook)),
        };
        Diagnostic::warning(
            Code::LinkToAlias,
            at.span(),
            format!(
                "link to `{}` goes through a redirect: the page has moved",
                urls::quote(&link.dest)
            ),
        )
        .with_hint(format!("link to where it is now: `{better}{anchor}`"))
    }

    /// Page `index` is a pair file whose pair is not built at all (no
    /// roster lists it, or its roster failed to read), drafts aside.
    fn unbuilt_pair_file(&self, index: usize) -> bool {
        let page = &self.playbook.pages[index];
        matches!(page.kind, Kind::Pair(_)) && self.site.get(&page.url).is_none()
    }

    /// `path` is in the folder of a pair that a roster which failed to
    /// read may list.
    fn of_failed_roster(&self, path: &str) -> bool {
        urls::pair_of_path(path)
            .is_some_and(|id| self.playbook.failed.holding("roster", id).is_some())
    }

    /// A `.md` link to a file that is no page.
    fn missing_page(&mut self, page: &Page, link: &Link, file: &str, at: At<'_>) -> Diagnostic {
        let anchor = anchor_of(&link.dest);
        let hint = self.nearest_file(file, page.draft).map_or_else(
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

    /// The content file nearest `file`, as "did you mean" ranks them.
    fn nearest_file(&mut self, file: &str, draft: bool) -> Option<&'a str> {
        let playbook = self.playbook;
        let candidates = self.pages.get_or_insert_with(|| {
            Candidates::new(playbook.pages.iter().map(|p| (p.file.as_str(), p.draft)))
        });
        candidates.nearest(file, draft)
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
        if wanted == urls::FORMER_CALENDAR {
            return self.former_calendar(page);
        }
        let site = self.site;
        let candidates = self.addresses.get_or_insert_with(|| {
            Candidates::new(
                site.paths()
                    .filter(|(_, a)| !matches!(a.target, Target::Redirect(_)))
                    .map(|(path, a)| (path, a.drafts_only)),
            )
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

impl Links<'_> {
    /// Where the sessions a link to the former `calendar.ics` meant are
    /// now: each cohort's calendar, the first one's written from `page`.
    fn former_calendar(&self, page: &Page) -> String {
        let cohort = self
            .playbook
            .pages
            .iter()
            .find(|p| matches!(p.kind, crate::model::Kind::Roster(_)) && !p.draft);
        match cohort {
            Some(roster) => format!(
                "the whole program's calendar is no longer written (it grew with the program): each cohort has its own, link `{}` (`{}`'s)",
                relative_url(&page.url, &urls::roster_calendar_path(&roster.url)),
                urls::quote(&roster.title)
            ),
            None => "the whole program's calendar is no longer written (it grew with the program): each cohort's page links its own calendar, `sessions.ics` beside it".to_string(),
        }
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
        include_str!("../../themes/default/templates/attention.html"),
        include_str!("../../themes/default/templates/people.html"),
        include_str!("../../themes/default/templates/macros.html"),
        include_str!("../../themes/default/templates/base.html"),
    ];

    #[test]
    fn every_anchor_a_link_may_name_is_an_id_of_the_theme() {
        let kinds = [
            "session",
            "roster",
            "guide",
            "goals",
            "pair",
            "progress",
            "attention",
            "people",
        ];
        for kind in kinds {
            for anchor in urls::generated_anchors(kind) {
                // Written as is, or by a macro that `print.html` gives a
                // prefix (`id="{{ prefix }}agenda"`).
                let ids = [
                    format!("id=\"{anchor}\""),
                    format!("id=\"{{{{ prefix }}}}{anchor}\""),
                ];
                assert!(
                    TEMPLATES
                        .iter()
                        .any(|t| ids.iter().any(|id| t.contains(id))),
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
