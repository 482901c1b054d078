//! `session.html`: a session template's agenda, preparation and prompts,
//! and how many pairs use it.

use super::context::Context;
use crate::model::{Page, SessionStatus, SessionTemplate};
use serde::Serialize;
use std::collections::HashMap;

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
            .template_uses
            .get_or_init(|| self.count_template_uses())
            .get(page.id.as_str())
            .copied()
            .unwrap_or(0);
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

    /// By template id: how many published pairs have held or planned a
    /// session of it, counted in one walk of every session (print/ shows
    /// every template, and walked them all once per template).
    fn count_template_uses(&self) -> HashMap<String, usize> {
        let mut uses: HashMap<String, usize> = HashMap::new();
        let mut used: Vec<&str> = Vec::new();
        for (pair, _) in self
            .pairs
            .iter()
            .zip(self.pair_published)
            .filter(|(_, p)| **p)
        {
            used.clear();
            used.extend(pair.sessions.iter().filter_map(|s| {
                let status = crate::progress::session_status(s.status, s.date, self.options.as_of);
                s.template.filter(|_| counts_sessions_as_use(status))
            }));
            used.sort_unstable();
            used.dedup();
            for template in &used {
                *uses.entry((*template).to_string()).or_default() += 1;
            }
        }
        uses
    }
}
