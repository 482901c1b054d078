//! Section listings: `section.html` for a folder without `_index.md` (and
//! the home page when there is no `content/_index.md`), and the list of a
//! section's pages under any `_index.md`.

use super::context::{Context, Rendering};
use super::nav::{nav_title, root_of};
use super::views::{NoKind, PageSummary};

impl Context<'_> {
    pub(super) fn section_page(&self, section: usize) -> Rendering {
        let url = self.nav.section_url(section);
        let root = root_of(&url);
        let title = if section == 0 {
            self.site.title.clone()
        } else {
            self.playbook.sections[section].title.clone()
        };
        let mut view = self.blank::<NoKind>(&url, title, "section");
        view.sidebar = self.nav.sidebar_html_of(section, &url);
        if section != 0 {
            view.breadcrumbs = self.nav.breadcrumbs(section, false, &root);
        } else {
            view.home = Some(self.home(&root));
            view.description = self.site.description.clone();
        }
        view.section = Some(self.section_summaries(section, &root));
        Ok((self.finish("section.html", &url, &view, "content")?, None))
    }
    pub(super) fn section_summaries(&self, section: usize, root: &str) -> Vec<PageSummary> {
        let mut list: Vec<PageSummary> = self
            .nav
            .section_pages(section)
            .into_iter()
            .map(|p| {
                let page = &self.playbook.pages[p];
                PageSummary {
                    title: nav_title(page),
                    href: format!("{root}{}", page.url),
                    description: page.description.clone(),
                }
            })
            .collect();
        for &child in &self.playbook.sections[section].children {
            if self.nav.section_visible(child) {
                let s = &self.playbook.sections[child];
                list.push(PageSummary {
                    title: s.title.clone(),
                    href: format!("{root}{}", self.nav.section_url(child)),
                    description: s
                        .index
                        .map(|i| self.playbook.pages[i].description.clone())
                        .unwrap_or_default(),
                });
            }
        }
        list
    }
}
