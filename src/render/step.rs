//! `step.html`: one step of a launch guide, with its owner and guide.

use super::context::Context;
use super::guide::StepRow;
use super::views::Link;
use crate::model::{Kind, Page, Step};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub row: StepRow,
    pub owner_href: Option<String>,
    pub guide: Option<Link>,
}

impl Context<'_> {
    pub(super) fn step_view(&self, page: &Page, step: &Step, root: &str) -> StepView {
        let guide_index = self.playbook.sections[page.section]
            .index
            .filter(|&i| self.published[i] && matches!(self.playbook.pages[i].kind, Kind::Guide));
        StepView {
            row: self.step_row(page, step, root),
            owner_href: self.person_href(&step.owner, root),
            guide: guide_index.map(|i| Link {
                title: self.playbook.pages[i].title.clone(),
                href: format!("{root}{}", self.playbook.pages[i].url),
            }),
        }
    }
}
