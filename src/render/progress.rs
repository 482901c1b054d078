//! `progress.html`: the dashboard: counts by status, every pair (those
//! needing attention first), launch guides and goals.

use super::context::{Context, Rendering};
use super::goals::GoalRow;
use super::guide::GuideSummary;
use super::nav::root_of;
use super::views::{PairRow, StatusCount, pair_row, status_counts};
use crate::urls;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct DashboardView {
    pub counts: Vec<StatusCount>,
    /// Every pair, those needing attention first.
    pub rows: Vec<PairRow>,
    pub guides: Vec<GuideSummary>,
    pub goals: Vec<GoalRow>,
}

/// The dashboard's own part of the context, under `progress`.
#[derive(Debug, Serialize)]
struct DashboardPage {
    progress: DashboardView,
}

impl Context<'_> {
    pub(super) fn progress_page(&self) -> Rendering {
        let url = urls::progress_url();
        let root = root_of(url);
        let mut view = self.blank::<DashboardPage>(url, "Progress".into(), "progress");
        view.description = format!(
            "Every pair, launch step and goal as of {}.",
            self.site.as_of_label
        );
        view.sidebar = self.nav.sidebar_html(0, url, &root);
        view.breadcrumbs = self.nav.breadcrumbs(0, true, &root);
        let mut rows: Vec<PairRow> = self
            .counted_pairs()
            .map(|(i, pair)| pair_row(self.playbook, pair, &self.pair_progress[i], &root))
            .collect();
        // Attention first: by status, then those who met longest ago.
        rows.sort_by(|a, b| {
            (a.status_rank, &a.last_met, &a.id).cmp(&(b.status_rank, &b.last_met, &b.id))
        });
        view.of_kind = Some(DashboardPage {
            progress: DashboardView {
                counts: status_counts(
                    self.counted_pairs()
                        .map(|(i, _)| &self.pair_progress[i].status),
                ),
                rows,
                guides: self.guides(&root),
                goals: self.all_goal_rows(),
            },
        });
        Ok((self.finish("progress.html", url, &view, "content")?, None))
    }
}
