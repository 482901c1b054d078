//! `guide.html`: a launch guide's steps and progress; guide summaries for
//! the dashboard and home page.

use super::context::Context;
use super::views::opt_date;
use crate::model::{Kind, Page};
use crate::progress::{self, GuideProgress};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct StepRow {
    pub number: String,
    pub title: String,
    pub href: String,
    pub owner: String,
    pub due: String,
    pub due_label: String,
    pub status: &'static str,
    pub overdue: bool,
    pub checklist_done: usize,
    pub checklist_total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct GuideView {
    pub steps: Vec<StepRow>,
    pub progress: GuideProgress,
    pub percent: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct GuideSummary {
    pub title: String,
    pub href: String,
    pub progress: GuideProgress,
    pub percent: u32,
}

impl Context<'_> {
    pub(super) fn step_row(&self, page: &Page, step: &crate::model::Step, root: &str) -> StepRow {
        let (due, due_label) = opt_date(&self.playbook.messages, step.due);
        StepRow {
            number: step.order.map(|n| n.to_string()).unwrap_or_default(),
            title: page.title.clone(),
            href: format!("{root}{}", page.url),
            owner: self
                .playbook
                .person(&step.owner)
                .map_or_else(|| step.owner.clone(), |p| p.name.clone()),
            due,
            due_label,
            status: step.status.label(),
            overdue: progress::step_is_overdue(step, self.options.as_of),
            checklist_done: page.scan.tasks_done,
            checklist_total: page.scan.tasks_total,
        }
    }
    pub(super) fn guide_steps(&self, section: usize) -> Vec<usize> {
        self.nav
            .section_pages(section)
            .into_iter()
            .filter(|&p| matches!(self.playbook.pages[p].kind, Kind::Step(_)))
            .collect()
    }

    pub(super) fn guide_progress(&self, section: usize) -> GuideProgress {
        let steps: Vec<_> = self
            .guide_steps(section)
            .into_iter()
            .filter_map(|p| {
                let page = &self.playbook.pages[p];
                match &page.kind {
                    Kind::Step(step) => Some((step, (page.scan.tasks_done, page.scan.tasks_total))),
                    _ => None,
                }
            })
            .collect();
        progress::guide_progress(&steps, self.options.as_of)
    }

    pub(super) fn guide(&self, section: usize, root: &str) -> GuideView {
        let steps = self
            .guide_steps(section)
            .into_iter()
            .filter_map(|p| {
                let page = &self.playbook.pages[p];
                match &page.kind {
                    Kind::Step(step) => Some(self.step_row(page, step, root)),
                    _ => None,
                }
            })
            .collect();
        let progress = self.guide_progress(section);
        GuideView {
            steps,
            percent: progress.percent_done(),
            progress,
        }
    }

    /// The guides of program `scope` (every guide with `None`).
    pub(super) fn guides(&self, root: &str, scope: Option<usize>) -> Vec<GuideSummary> {
        self.playbook
            .pages
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                self.published[*i] && matches!(p.kind, Kind::Guide) && self.in_scope(*i, scope)
            })
            .map(|(_, page)| {
                let progress = self.guide_progress(page.section);
                GuideSummary {
                    title: page.title.clone(),
                    href: format!("{root}{}", page.url),
                    percent: progress.percent_done(),
                    progress,
                }
            })
            .collect()
    }
}
