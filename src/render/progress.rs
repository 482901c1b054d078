//! `progress.html`: the dashboard: counts by status, what needs an update
//! (sessions left `planned`, pairs past their end), every pair (those
//! needing attention first), launch guides and goals.

use super::context::{Context, Rendering};
use super::goals::GoalRow;
use super::guide::GuideSummary;
use super::nav::root_of;
use super::views::{PairRow, StatusCount, date_label, pair_row, status_counts};
use crate::i18n::Messages;
use crate::progress::{CohortSummary, PairStatus, cohort_summaries};
use crate::urls;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct DashboardView {
    pub counts: Vec<StatusCount>,
    /// Pairs whose log or status the as-of date has overtaken, in the
    /// order of `rows`.
    pub to_update: Vec<ToUpdate>,
    /// Every pair, those needing attention first.
    pub rows: Vec<PairRow>,
    pub guides: Vec<GuideSummary>,
    pub goals: Vec<GoalRow>,
    /// The cohorts side by side (draft rosters' pairs never count).
    pub cohorts: Vec<CohortRow>,
    /// On the site's dashboard of a site with programs, one row per
    /// program (`super::programs`); else empty.
    pub programs: Vec<super::views::ProgramRow>,
}

/// A cohort's figures as the dashboard shows them: counts, and shares
/// and rates as text (`50%`, `4.5`), empty where nothing started.
#[derive(Debug, Clone, Serialize)]
pub struct CohortRow {
    pub cohort: String,
    pub pairs: usize,
    pub started: usize,
    pub not_started: usize,
    pub completed: usize,
    pub withdrawn: usize,
    pub early_ending: String,
    pub sessions_per_pair: String,
    pub three_sessions: String,
    /// The latest survey NPS shown for the cohort ("+58"), empty without.
    pub survey_nps: String,
}

fn cohort_row(m: &Messages, c: CohortSummary) -> CohortRow {
    let percent = |v: Option<f64>| v.map(|v| m.percent(v / 100.0, None)).unwrap_or_default();
    CohortRow {
        not_started: c.pairs - c.started,
        early_ending: percent(c.early_ending_percent),
        sessions_per_pair: c
            .sessions_per_pair
            .map(|v| m.number(v, None))
            .unwrap_or_default(),
        three_sessions: percent(c.three_sessions_percent),
        survey_nps: c
            .survey_nps
            .map(|v| super::surveys::nps_figure(m, v))
            .unwrap_or_default(),
        cohort: c.cohort,
        pairs: c.pairs,
        started: c.started,
        completed: c.completed,
        withdrawn: c.withdrawn,
    }
}

/// A pair that needs an update in its file: sessions still `planned`
/// though their date has passed (was each held?), or, when `ended_on` is
/// set, an end date passed without a `completed` or `withdrawn` status.
#[derive(Debug, Clone, Serialize)]
pub struct ToUpdate {
    pub title: String,
    pub href: String,
    /// `[{date, label}]` of the sessions still `planned`.
    pub sessions: Vec<DateLabel>,
    pub ended_on: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DateLabel {
    pub date: String,
    pub label: String,
}

/// The dashboard's own part of the context, under `progress`.
#[derive(Debug, Serialize)]
struct DashboardPage {
    progress: DashboardView,
}

impl Context<'_> {
    /// The dashboard of program `scope` (`<program>/progress/`), or with
    /// `None` the site's (`progress/`), of every program's pairs.
    pub(super) fn progress_page(&self, scope: Option<usize>) -> Rendering {
        let program = scope.map_or("", |p| self.playbook.program_id(p));
        let url = &urls::program_progress_url(program);
        let root = root_of(url);
        let mut title = self.playbook.messages.get("ui-progress");
        if let Some(p) = scope.and_then(|p| self.playbook.programs.get(p)) {
            title = format!("{title}: {}", p.title);
        }
        let mut view = self.blank::<DashboardPage>(url, title, "progress");
        view.description = self.playbook.messages.text(
            "ui-progress-description",
            &[("date", self.site.as_of_label.as_str().into())],
        );
        view.sidebar = self.nav.sidebar_html(0, url, &root);
        view.breadcrumbs = self.nav.breadcrumbs(0, true, &root);
        let mut rows: Vec<PairRow> = self
            .counted_pairs_in(scope)
            .map(|(i, pair)| pair_row(self.playbook, pair, &self.pair_progress[i], &root))
            .collect();
        // Attention first: by status, then those who met longest ago.
        rows.sort_by(|a, b| {
            (a.status_rank, &a.last_met, &a.id).cmp(&(b.status_rank, &b.last_met, &b.id))
        });
        let to_update = self.to_update(&rows, &root);
        view.of_kind = Some(DashboardPage {
            progress: DashboardView {
                to_update,
                counts: status_counts(
                    self.counted_pairs_in(scope)
                        .map(|(i, _)| &self.pair_progress[i].status),
                ),
                rows,
                guides: self.guides(&root, scope),
                goals: self.all_goal_rows(scope),
                programs: match scope {
                    None => self.program_rows(&root),
                    Some(_) => Vec::new(),
                },
                cohorts: cohort_summaries(&self.program(scope), self.options.as_of)
                    .into_iter()
                    .map(|c| cohort_row(&self.playbook.messages, c))
                    .collect(),
            },
        });
        Ok((self.finish("progress.html", url, &view, "content")?, None))
    }
}

impl Context<'_> {
    /// The pairs of `rows` (in their order) that need an update.
    fn to_update(&self, rows: &[PairRow], root: &str) -> Vec<ToUpdate> {
        // By address: pair ids are unique only within a program.
        let index: std::collections::HashMap<String, usize> = self
            .published_pairs()
            .map(|(i, pair)| (self.playbook.pair_url(pair.program, pair.id), i))
            .collect();
        rows.iter()
            .filter_map(|row| {
                let i = *index.get(row.href.strip_prefix(root)?)?;
                let progress = &self.pair_progress[i];
                let ended_on = match (progress.status, self.pairs[i].end) {
                    (PairStatus::Ended, Some(end)) => date_label(&self.playbook.messages, end),
                    _ => String::new(),
                };
                if progress.to_update.is_empty() && ended_on.is_empty() {
                    return None;
                }
                Some(ToUpdate {
                    title: self.playbook.messages.text(
                        "ui-pair-title",
                        &[
                            ("mentor", row.mentor.as_str().into()),
                            ("mentee", row.mentee.as_str().into()),
                        ],
                    ),
                    href: row.href.clone(),
                    sessions: progress
                        .to_update
                        .iter()
                        .map(|d| DateLabel {
                            date: d.to_string(),
                            label: date_label(&self.playbook.messages, *d),
                        })
                        .collect(),
                    ended_on,
                })
            })
            .collect()
    }
}
