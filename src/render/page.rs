//! Pages from content files (`page.html`, `goals.html`, `guide.html`,
//! `step.html`, `session.html`, `roster.html`): the Markdown body, the
//! navigation around it, and the view of the page's kind.

use super::context::{Context, Rendering};
use super::nav::root_of;
use super::search;
use super::views::KindView;
use crate::model::{Kind, Page};

impl Context<'_> {
    pub(super) fn content_page(&self, index: usize) -> Rendering {
        let page = &self.playbook.pages[index];
        let root = root_of(&page.url);
        let rendered = self.markdown(page, &root);
        let mut view = self.blank(&page.url, page.title.clone(), page.kind.name());
        view.description = page.description.clone();
        view.content = rendered.html;
        view.toc = rendered.toc.clone();
        self.source_facts(&mut view, &page.file);
        view.sidebar = self.nav.sidebar_html(page.section, &page.url, &root);
        view.breadcrumbs = if page.url.is_empty() {
            Vec::new()
        } else {
            self.nav.breadcrumbs(page.section, !page.is_index, &root)
        };
        (view.prev, view.next) = self.nav.prev_next(index, &root);
        if page.is_index {
            view.section = Some(self.section_summaries(page.section, &root));
        }
        if page.url.is_empty() {
            view.home = Some(self.home(&root));
        }
        view.of_kind = self.kind_view(page, &root);
        let template = format!("{}.html", page.kind.name());
        let file = self.finish(&template, &page.url, &view, &page.file)?;
        let headings: Vec<String> = rendered.toc.iter().map(|t| t.title.clone()).collect();
        let mut text = page.description.clone();
        text.push(' ');
        text.push_str(&rendered.text);
        let entry = search::entry(
            &page.title,
            &self.section_title(page.section),
            &page.url,
            &headings,
            &text,
        );
        Ok((file, Some(entry)))
    }

    /// What only a page of this kind shows; `None` for plain pages.
    fn kind_view(&self, page: &Page, root: &str) -> Option<KindView> {
        Some(match &page.kind {
            Kind::Goals(goals) => KindView::Goals(self.goals_view(goals)),
            Kind::Guide => KindView::Guide(self.guide(page.section, root)),
            Kind::Step(step) => KindView::Step(self.step_view(page, step, root)),
            Kind::Session(template) => KindView::Session(self.session_view(page, template)),
            Kind::Roster(roster) => KindView::Roster(self.roster_view(roster, root)),
            Kind::Page | Kind::Pair(_) => return None,
        })
    }
}
