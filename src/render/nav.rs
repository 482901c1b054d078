//! Navigation: the sidebar (sections, with only the current section's
//! pages expanded, so its size does not grow with the site), breadcrumbs
//! and prev/next within a section.

use super::markdown::escape;
use super::views::{Link, NavItem};
use crate::model::{Kind, Page, Playbook};
use crate::urls::{people_url, progress_url};
use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

/// Which pages appear in navigation, and where sections link to.
pub struct Nav<'a> {
    playbook: &'a Playbook,
    published: &'a [bool],
    visible_sections: &'a [bool],
    has_people: bool,
    /// Sidebar HTML per (section, [`Links`] key), with its hash: pages of
    /// one section share it, so it is built once per section instead of
    /// once per page.
    sidebars: Mutex<HashMap<(usize, String), Sidebar>>,
}

/// A sidebar's HTML and its hash.
type Sidebar = (Arc<Built>, u64);

/// A sidebar's HTML, and where to mark each link in it: after the closing
/// quote of the first `href` to each address, so that marking the page
/// shown is a lookup and one copy, not a search through the sidebar.
#[derive(Debug)]
struct Built {
    html: String,
    marks: HashMap<String, usize>,
}

/// How a sidebar's links are written.
#[derive(Clone, Copy)]
enum Links<'s> {
    /// From the site's root: `../../../x/` (pages outside the sidebar,
    /// whose root is not their folder's, like 404.html's).
    Root(&'s str),
    /// From the folder holding the page at this (non-empty) address:
    /// `../p2/` for a page beside it, which is shorter on the many pages
    /// of a large section. Pages of one folder share the sidebar.
    Folder(&'s str),
}

impl Links<'_> {
    /// The sidebar cache's key: pages with equal keys have equal links.
    fn key(self) -> String {
        match self {
            Links::Root(root) => root.to_string(),
            Links::Folder(url) => format!("\u{1}{}", folder_of(url)),
        }
    }

    fn href(self, to: &str) -> String {
        match self {
            Links::Root(root) => format!("{root}{to}"),
            Links::Folder(url) => relative(folder_of(url), to),
        }
    }
}

/// `a/b/p/` -> `a/b/`; `a/` -> ``.
fn folder_of(url: &str) -> &str {
    let trimmed = url.strip_suffix('/').unwrap_or(url);
    trimmed.rfind('/').map_or("", |i| &url[..=i])
}

/// The link to `to` from a page in `folder` (both site addresses): up to
/// the folder, up to what it shares with `to`, then down. Never empty,
/// which would mean "this page".
fn relative(folder: &str, to: &str) -> String {
    let mut shared = 0; // bytes of `to` within the common folders
    let mut shared_folders = 0;
    for (a, b) in folder.split_terminator('/').zip(to.split_terminator('/')) {
        // (A last segment without its `/` is written out again.)
        if a != b || shared + a.len() + 1 > to.len() {
            break;
        }
        shared += a.len() + 1;
        shared_folders += 1;
    }
    let up = folder.split_terminator('/').count() + 1 - shared_folders;
    let mut href = "../".repeat(up);
    href.push_str(&to[shared..]);
    href
}

impl<'a> Nav<'a> {
    /// `visible_sections` as `model::site::visible_sections` gives them
    /// for `published`.
    pub fn new(
        playbook: &'a Playbook,
        published: &'a [bool],
        visible_sections: &'a [bool],
        has_people: bool,
    ) -> Self {
        Nav {
            playbook,
            published,
            visible_sections,
            has_people,
            sidebars: Mutex::new(HashMap::new()),
        }
    }

    /// Pair pages are reached from rosters, never from the sidebar.
    fn page_visible(&self, page: usize) -> bool {
        self.published[page] && !matches!(self.playbook.pages[page].kind, Kind::Pair(_))
    }

    pub fn section_visible(&self, section: usize) -> bool {
        self.visible_sections[section]
    }

    /// The URL of a section: its `_index.md`, or the generated listing.
    pub fn section_url(&self, section: usize) -> String {
        let s = &self.playbook.sections[section];
        match s.index.filter(|&i| self.published[i]) {
            Some(i) => self.playbook.pages[i].url.clone(),
            None if s.path.is_empty() => String::new(),
            None => format!("{}/", s.path),
        }
    }

    fn section_title(&self, section: usize) -> String {
        if section == 0 {
            return self.playbook.messages.get("ui-home");
        }
        self.playbook.sections[section].title.clone()
    }

    /// The visible pages of a section, in order.
    pub fn section_pages(&self, section: usize) -> Vec<usize> {
        self.playbook.sections[section]
            .pages
            .iter()
            .copied()
            .filter(|&p| self.page_visible(p))
            .collect()
    }

    fn chain(&self, section: usize) -> Vec<usize> {
        let mut chain = vec![section];
        let mut current = section;
        while let Some(parent) = self.playbook.sections[current].parent {
            chain.push(parent);
            current = parent;
        }
        chain.reverse();
        chain
    }

    /// `current_url` marks the page being shown; `section` is the section
    /// whose pages are expanded.
    fn sidebar(&self, section: usize, current_url: &str, links: Links) -> Vec<NavItem> {
        let chain = self.chain(section);
        let item = |title: String, url: &str, children| NavItem {
            title,
            href: links.href(url),
            current: url == current_url,
            children,
        };
        let m = &self.playbook.messages;
        let mut items = vec![item(m.get("ui-home"), &self.section_url(0), Vec::new())];
        items.extend(self.section_items(0, &chain, current_url, links));
        items.push(item(m.get("ui-progress"), progress_url(), Vec::new()));
        if self.has_people {
            items.push(item(m.get("ui-people"), people_url(), Vec::new()));
        }
        items
    }

    fn section_items(
        &self,
        section: usize,
        chain: &[usize],
        current_url: &str,
        links: Links,
    ) -> Vec<NavItem> {
        let s = &self.playbook.sections[section];
        let mut items: Vec<NavItem> = self
            .section_pages(section)
            .into_iter()
            .map(|p| {
                let page = &self.playbook.pages[p];
                NavItem {
                    title: nav_title(page),
                    href: links.href(&page.url),
                    current: page.url == current_url,
                    children: Vec::new(),
                }
            })
            .collect();
        for &child in &s.children {
            if !self.section_visible(child) {
                continue;
            }
            let url = self.section_url(child);
            let children = if chain.contains(&child) {
                self.section_items(child, chain, current_url, links)
            } else {
                Vec::new()
            };
            items.push(NavItem {
                title: self.section_title(child),
                href: links.href(&url),
                current: url == current_url,
                children,
            });
        }
        items
    }

    /// The sidebar as HTML, the current page marked with `aria-current`.
    pub fn sidebar_html(&self, section: usize, current_url: &str, root: &str) -> String {
        self.sidebar_marked(section, current_url, Links::Root(root), "page")
    }

    /// The sidebar of the page at `url`, which is in it, as HTML: its links
    /// start from the page's folder, the page marked with `aria-current`.
    pub fn sidebar_html_of(&self, section: usize, url: &str) -> String {
        let links = if url.is_empty() {
            Links::Root("./")
        } else {
            Links::Folder(url)
        };
        self.sidebar_marked(section, url, links, "page")
    }

    /// For a page that is not in the sidebar itself (a pair page): its
    /// nearest entry (the roster) is marked as containing it, not as it.
    pub fn sidebar_html_within(&self, section: usize, parent_url: &str, root: &str) -> String {
        self.sidebar_marked(section, parent_url, Links::Root(root), "true")
    }

    /// The sidebar of `section` with `links`, and its hash.
    fn sidebar_of(&self, section: usize, links: Links) -> Sidebar {
        let key = (section, links.key());
        let cached = self.sidebars.lock().ok().and_then(|c| c.get(&key).cloned());
        cached.unwrap_or_else(|| {
            let mut built = Built {
                html: String::new(),
                marks: HashMap::new(),
            };
            write_items(&self.sidebar(section, "\0", links), &mut built);
            let mut hasher = DefaultHasher::new();
            built.html.hash(&mut hasher);
            let built = (Arc::new(built), hasher.finish());
            if let Ok(mut cache) = self.sidebars.lock() {
                cache.insert(key, built.clone());
            }
            built
        })
    }

    /// Changes exactly when the sidebar of `section` seen from `root`
    /// changes (the marked page aside).
    /// (Its links from the root: those from a page's folder change with
    /// them, and the page's address is in its fingerprint too.)
    pub fn sidebar_fingerprint(&self, section: usize, root: &str) -> u64 {
        self.sidebar_of(section, Links::Root(root)).1
    }

    fn sidebar_marked(
        &self,
        section: usize,
        current_url: &str,
        links: Links,
        mark: &str,
    ) -> String {
        let (built, _) = self.sidebar_of(section, links);
        let html = &built.html;
        match built.marks.get(&links.href(current_url)) {
            Some(&end) => {
                let mut marked = String::with_capacity(html.len() + 24);
                marked.push_str(&html[..end]);
                marked.push_str(" aria-current=\"");
                marked.push_str(mark);
                marked.push('"');
                marked.push_str(&html[end..]);
                marked
            }
            None => html.clone(),
        }
    }

    /// Home, then each enclosing section; the page itself is not included.
    pub fn breadcrumbs(&self, section: usize, include_section: bool, root: &str) -> Vec<Link> {
        let mut chain = self.chain(section);
        if !include_section {
            chain.pop();
        }
        chain
            .into_iter()
            .map(|s| Link {
                title: self.section_title(s),
                href: format!("{root}{}", self.section_url(s)),
            })
            .collect()
    }

    /// Reading order within a section: its index page, then its pages.
    pub fn prev_next(&self, page: usize, root: &str) -> (Option<Link>, Option<Link>) {
        let p = &self.playbook.pages[page];
        let mut order: Vec<usize> = Vec::new();
        if let Some(index) = self.playbook.sections[p.section]
            .index
            .filter(|&i| self.page_visible(i))
        {
            order.push(index);
        }
        order.extend(self.section_pages(p.section));
        let link = |i: usize| {
            let target = &self.playbook.pages[i];
            Link {
                title: nav_title(target),
                href: format!("{root}{}", target.url),
            }
        };
        match order.iter().position(|&i| i == page) {
            Some(at) => (
                at.checked_sub(1).map(|i| link(order[i])),
                order.get(at + 1).map(|&i| link(i)),
            ),
            None => (None, None),
        }
    }
}

fn write_items(items: &[NavItem], built: &mut Built) {
    built.html.push_str("<ul>");
    for item in items {
        let out = &mut built.html;
        out.push_str(if item.children.is_empty() {
            "<li>"
        } else {
            "<li class=\"section\">"
        });
        out.push_str("<a href=\"");
        out.push_str(&escape(&item.href));
        out.push('"');
        let end = out.len();
        built.marks.entry(item.href.clone()).or_insert(end);
        let out = &mut built.html;
        out.push('>');
        out.push_str(&escape(&item.title));
        out.push_str("</a>");
        if !item.children.is_empty() {
            write_items(&item.children, built);
        }
        built.html.push_str("</li>");
    }
    built.html.push_str("</ul>");
}

/// Steps read as "1. Define goals" in navigation.
pub fn nav_title(page: &Page) -> String {
    match &page.kind {
        Kind::Step(step) => match step.order {
            Some(n) => format!("{n}. {}", page.title),
            None => page.title.clone(),
        },
        _ => page.title.clone(),
    }
}

/// `launch/01-define-goals/` -> `../../`; the root itself is `./` (an
/// empty `href` would mean "this page").
pub fn root_of(url: &str) -> String {
    match url.matches('/').count() {
        0 => "./".to_string(),
        depth => "../".repeat(depth),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_from_a_pages_folder_go_up_only_as_far_as_needed() {
        let from = |url: &str, to: &str| Links::Folder(url).href(to);
        assert_eq!(from("a/b/p1/", "a/b/p2/"), "../p2/");
        assert_eq!(from("a/b/p1/", "a/b/p1/"), "../p1/");
        assert_eq!(from("a/b/p1/", "a/b/"), "../");
        assert_eq!(from("a/b/p1/", "a/"), "../../");
        assert_eq!(from("a/b/p1/", "a/c/"), "../../c/");
        assert_eq!(from("a/b/p1/", ""), "../../../");
        assert_eq!(from("a/b/p1/", "progress/"), "../../../progress/");
        assert_eq!(from("a/", "a/"), "../a/");
        assert_eq!(from("a/", "b/x/"), "../b/x/");
        assert_eq!(from("a/b/", "a"), "../../a");
        // Pages of one folder share their sidebar; a section's own page
        // is in the folder above.
        assert_eq!(
            Links::Folder("a/b/p1/").key(),
            Links::Folder("a/b/p2/").key()
        );
        assert_ne!(Links::Folder("a/b/").key(), Links::Folder("a/b/p1/").key());
    }
}
