//! `session.html`: a session template's agenda, preparation and prompts,
//! and how many pairs use it.

use super::context::Context;
use crate::model::{Page, SessionStatus, SessionTemplate};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct SessionView {
    pub duration: Option<u32>,
    pub order: Option<i64>,
    pub week: Option<i64>,
    pub agenda: Vec<crate::model::AgendaItem>,
    pub total_minutes: u32,
    pub prepare: Vec<String>,
    pub prompts: Vec<String>,
    /// How many pairs have held or planned this session.
    pub used_by: usize,
}

pub fn counts_sessions_as_use(status: SessionStatus) -> bool {
    matches!(status, SessionStatus::Held | SessionStatus::Planned)
}

impl Context<'_> {
    pub(super) fn session_view(&self, page: &Page, template: &SessionTemplate) -> SessionView {
        let used_by = self
            .pairs
            .iter()
            .zip(self.pair_published)
            .filter(|(pair, published)| {
                **published
                    && pair.sessions.iter().any(|s| {
                        let status =
                            crate::progress::session_status(s.status, s.date, self.options.as_of);
                        counts_sessions_as_use(status) && s.template == Some(page.id.as_str())
                    })
            })
            .count();
        SessionView {
            duration: template.duration.as_ref().map(|d| d.value),
            order: template.order,
            week: template.week,
            agenda: template.agenda.clone(),
            total_minutes: template.total_minutes(),
            prepare: template.prepare.clone(),
            prompts: template.prompts.clone(),
            used_by,
        }
    }
}
