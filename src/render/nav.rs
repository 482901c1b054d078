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
    /// Sidebar HTML per (section, root), with its hash: pages of one
    /// section share it, so it is built once per section instead of once
    /// per page.
    sidebars: Mutex<HashMap<(usize, String), Sidebar>>,
}

/// A sidebar's HTML and its hash.
type Sidebar = (Arc<String>, u64);

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
    pub fn sidebar(&self, section: usize, current_url: &str, root: &str) -> Vec<NavItem> {
        let chain = self.chain(section);
        let item = |title: String, url: &str, children| NavItem {
            title,
            href: format!("{root}{url}"),
            current: url == current_url,
            children,
        };
        let m = &self.playbook.messages;
        let mut items = vec![item(m.get("ui-home"), &self.section_url(0), Vec::new())];
        items.extend(self.section_items(0, &chain, current_url, root));
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
        root: &str,
    ) -> Vec<NavItem> {
        let s = &self.playbook.sections[section];
        let mut items: Vec<NavItem> = self
            .section_pages(section)
            .into_iter()
            .map(|p| {
                let page = &self.playbook.pages[p];
                NavItem {
                    title: nav_title(page),
                    href: format!("{root}{}", page.url),
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
                self.section_items(child, chain, current_url, root)
            } else {
                Vec::new()
            };
            items.push(NavItem {
                title: self.section_title(child),
                href: format!("{root}{url}"),
                current: url == current_url,
                children,
            });
        }
        items
    }

    /// The sidebar as HTML, the current page marked with `aria-current`.
    pub fn sidebar_html(&self, section: usize, current_url: &str, root: &str) -> String {
        self.sidebar_marked(section, current_url, root, "page")
    }

    /// For a page that is not in the sidebar itself (a pair page): its
    /// nearest entry (the roster) is marked as containing it, not as it.
    pub fn sidebar_html_within(&self, section: usize, parent_url: &str, root: &str) -> String {
        self.sidebar_marked(section, parent_url, root, "true")
    }

    /// The sidebar of `section` as seen from `root`, and its hash.
    fn sidebar_of(&self, section: usize, root: &str) -> Sidebar {
        let key = (section, root.to_string());
        let cached = self.sidebars.lock().ok().and_then(|c| c.get(&key).cloned());
        cached.unwrap_or_else(|| {
            let mut html = String::new();
            write_items(&self.sidebar(section, "\0", root), &mut html);
            let mut hasher = DefaultHasher::new();
            html.hash(&mut hasher);
            let built = (Arc::new(html), hasher.finish());
            if let Ok(mut cache) = self.sidebars.lock() {
                cache.insert(key, built.clone());
            }
            built
        })
    }

    /// Changes exactly when the sidebar of `section` seen from `root`
    /// changes (the marked page aside).
    pub fn sidebar_fingerprint(&self, section: usize, root: &str) -> u64 {
        self.sidebar_of(section, root).1
    }

    fn sidebar_marked(&self, section: usize, current_url: &str, root: &str, mark: &str) -> String {
        let (html, _) = self.sidebar_of(section, root);
        let needle = format!("href=\"{}\"", escape(&format!("{root}{current_url}")));
        match html.find(&needle) {
            Some(at) => {
                let end = at + needle.len();
                format!("{} aria-current=\"{mark}\"{}", &html[..end], &html[end..])
            }
            None => html.as_ref().clone(),
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

fn write_items(items: &[NavItem], out: &mut String) {
    out.push_str("<ul>");
    for item in items {
        out.push_str(if item.children.is_empty() {
            "<li>"
        } else {
            "<li class=\"section\">"
        });
        out.push_str("<a href=\"");
        out.push_str(&escape(&item.href));
        out.push_str("\">");
        out.push_str(&escape(&item.title));
        out.push_str("</a>");
        if !item.children.is_empty() {
            write_items(&item.children, out);
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
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
