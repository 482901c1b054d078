//! Pages from content files (`page.html`, `goals.html`, `guide.html`,
//! `step.html`, `session.html`, `roster.html`): the Markdown body, the
//! navigation around it, and the view of the page's kind.

use super::context::{Context, Rendering};
use super::goals::GoalsView;
use super::guide::GuideView;
use super::nav::root_of;
use super::roster::RosterView;
use super::search;
use super::session::SessionView;
use super::step::StepView;
use super::surveys::SurveysView;
use crate::model::{Kind, Page};
use serde::Serialize;

/// What only a content page of one kind shows, under the kind's name.
#[derive(Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum ContentKind {
    Goals(GoalsView),
    Guide(GuideView),
    Step(StepView),
    Session(SessionView),
    Roster(RosterView),
    Surveys(SurveysView),
}

impl Context<'_> {
    pub(super) fn content_page(&self, index: usize) -> Rendering {
        let page = &self.playbook.pages[index];
        let root = root_of(&page.url);
        let rendered = self.markdown(page, &root);
        let mut view = self.blank(&page.url, page.title.clone(), page.kind.name());
        view.description = page.description.clone();
        view.draft = page.draft;
        view.content = rendered.html;
        view.toc = rendered.toc.clone();
        self.source_facts(&mut view, &page.file);
        view.sidebar = self.nav.sidebar_html_of(page.section, &page.url);
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
        } else if let Some(program) = self.program_index(page) {
            view.home = Some(self.home_of(&root, Some(program)));
        }
        view.of_kind = self.kind_view(page, &root);
        let template = format!("{}.html", page.kind.name());
        let file = self.finish(&template, &page.url, &view, &page.file)?;
        let headings: Vec<&str> = rendered.toc.iter().map(|t| t.title.as_str()).collect();
        let entry = search::entry(
            search::Found::Content(&page.kind),
            &page.title,
            &self.section_title(page.section),
            &page.url,
            &headings,
            &[&page.description, &rendered.text],
        );
        Ok((file, Some(entry)))
    }

    /// What only a page of this kind shows; `None` for plain pages.
    pub(super) fn kind_view(&self, page: &Page, root: &str) -> Option<ContentKind> {
        Some(match &page.kind {
            Kind::Goals(goals) => ContentKind::Goals(self.goals_view(goals, page.program)),
            Kind::Guide => ContentKind::Guide(self.guide(page.section, root)),
            Kind::Step(step) => ContentKind::Step(self.step_view(page, step, root)),
            Kind::Session(template) => ContentKind::Session(self.session_view(page, template)),
            Kind::Roster(roster) => ContentKind::Roster(self.roster_view(page, roster, root, 0)),
            Kind::Surveys(_) => ContentKind::Surveys(self.surveys_view(page, root)),
            Kind::Page | Kind::Pair(_) => return None,
        })
    }
}
