//! `roster.html`: a cohort and its pairs, those needing attention first.

use super::context::Context;
use super::views::{PairRow, StatusCount, date_label, pair_row, status_counts};
use crate::model::{Page, Roster};
use crate::urls;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct RosterView {
    pub cohort: String,
    pub start: String,
    pub end: String,
    pub cadence: String,
    pub rows: Vec<PairRow>,
    pub counts: Vec<StatusCount>,
    /// The cohort's calendar (`sessions.ics` beside the page); none for a
    /// draft roster, a proposal.
    pub calendar: Option<String>,
}

impl Context<'_> {
    pub(super) fn roster_view(&self, page: &Page, roster: &Roster, root: &str) -> RosterView {
        let mut rows: Vec<PairRow> = roster
            .pairs
            .iter()
            .map(|&p| pair_row(self.playbook, &self.pairs[p], &self.pair_progress[p], root))
            .collect();
        rows.sort_by_key(|r| r.status_rank);
        RosterView {
            cohort: roster.cohort.clone(),
            start: roster
                .start
                .as_ref()
                .map(|d| date_label(&self.playbook.messages, d.value))
                .unwrap_or_default(),
            end: roster
                .end
                .as_ref()
                .map(|d| date_label(&self.playbook.messages, d.value))
                .unwrap_or_default(),
            cadence: super::views::cadence(&self.playbook.messages, &roster.cadence),
            calendar: (!page.draft)
                .then(|| format!("{root}{}", urls::roster_calendar_path(&page.url))),
            counts: status_counts(roster.pairs.iter().map(|&p| &self.pair_progress[p].status)),
            rows,
        }
    }
}
