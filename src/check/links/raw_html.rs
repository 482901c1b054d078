//! Addresses in raw HTML are published as written: render points only
//! Markdown links to `.md` files at their pages, and makes only Markdown
//! links starting with `/` relative. So in raw HTML a `.md` file leads
//! nowhere (the site has none), and `/people/` works only on a site served
//! at a host's root, never opened from disk or under a path. Both are
//! reported with the address to write instead; everything else about such
//! an address is checked as any link's.

use super::{At, Links, anchor_of};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Page;
use crate::source::markdown::Link;
use crate::urls::{self, relative_url};

impl Links<'_> {
    /// A `.md` file named in raw HTML: `file` is the content file it names.
    pub(super) fn page_file_in_html(
        &mut self,
        page: &Page,
        link: &Link,
        file: &str,
        at: At<'_>,
    ) -> Diagnostic {
        let playbook = self.playbook;
        let target = playbook.page_of_file(file).or_else(|| {
            let near = self.nearest_file(file, page.draft)?;
            playbook.page_of_file(near)
        });
        let anchor = anchor_of(&link.dest);
        let hint = match target {
            Some(target) => format!(
                "write the page's address, `{}{anchor}`, or make it a Markdown link (`[text]({})`), which the build points at the page",
                relative_url(&page.url, &playbook.pages[target].url),
                urls::quote(&link.dest),
            ),
            None => format!(
                "write the address of the page in the built site, relative to this page's, `{}`",
                super::shown(&page.url)
            ),
        };
        Diagnostic::error(
            Code::BrokenLink,
            at.span(),
            format!(
                "`{}` in raw HTML is published as written and leads nowhere: the built site has no .md files",
                urls::quote(&link.dest)
            ),
        )
        .with_hint(hint)
    }
}

/// A link from the site's root (`/people/`) in raw HTML, to `path`, which
/// exists.
pub(super) fn rooted_in_html(page: &Page, link: &Link, path: &str, at: At<'_>) -> Diagnostic {
    Diagnostic::error(
        Code::BrokenLink,
        at.span(),
        format!(
            "`{}` in raw HTML is published as written: from the host's root, it breaks when the site is opened from disk or served under a path",
            urls::quote(&link.dest)
        ),
    )
    .with_hint(format!(
        "write it relative to this page's address, `{}{}`",
        relative_url(&page.url, path),
        anchor_of(&link.dest)
    ))
}
