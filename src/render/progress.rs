//! `progress.html`: the dashboard: counts by status, the most urgent pairs
//! needing attention (the rest on `progress/attention/`), one row per
//! cohort linking its page, launch guides and goals. It never lists every
//! pair: each cohort's page does, so no page grows with the program.

use super::attention::{AttentionView, ON_DASHBOARD};
use super::context::{Context, Rendering};
use super::goals::GoalRow;
use super::guide::GuideSummary;
use super::nav::root_of;
use super::views::{StatusCount, status_counts};
use crate::i18n::Messages;
use crate::model::Kind;
use crate::progress::{CohortSummary, cohort_summaries};
use crate::urls;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize)]
pub struct DashboardView {
    pub counts: Vec<StatusCount>,
    /// The most urgent pairs needing attention, with a link to all.
    pub attention: AttentionView,
    pub guides: Vec<GuideSummary>,
    pub goals: Vec<GoalRow>,
    /// The cohorts side by side (draft rosters' pairs never count).
    pub cohorts: Vec<CohortRow>,
    /// On the site's dashboard of a site with programs, one row per
    /// program (`super::programs`); else empty.
    pub programs: Vec<super::views::ProgramRow>,
    /// Before the exports' links: on a program's dashboard it says they
    /// hold every program's pairs, as the exports are the site's.
    pub downloads_label: String,
}

/// A cohort's figures as the dashboard shows them: counts, and shares
/// and rates as text (`50%`, `4.5`), empty where nothing started.
#[derive(Debug, Clone, Serialize)]
pub struct CohortRow {
    pub cohort: String,
    /// The cohort's roster page, which lists its pairs.
    pub href: Option<String>,
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

fn cohort_row(m: &Messages, c: CohortSummary, href: Option<String>) -> CohortRow {
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
        href,
        pairs: c.pairs,
        started: c.started,
        completed: c.completed,
        withdrawn: c.withdrawn,
    }
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
        let rosters = self.published_rosters(scope);
        let program = scope.map_or("", |p| self.playbook.program_id(p));
        self.dashboard(&urls::program_progress_url(program), &rosters, scope)
    }

    /// The roster pages the build publishes, in page order: of program
    /// `scope`, or every one with `None`.
    pub(super) fn published_rosters(&self, scope: Option<usize>) -> Vec<usize> {
        (0..self.playbook.pages.len())
            .filter(|&i| {
                self.published[i]
                    && matches!(self.playbook.pages[i].kind, Kind::Roster(_))
                    && self.in_scope(i, scope)
            })
            .collect()
    }

    /// The counted pairs (no draft roster's) of `rosters` (page indices).
    pub(super) fn pairs_of_rosters(&self, rosters: &[usize]) -> Vec<usize> {
        rosters
            .iter()
            .filter_map(|&r| match &self.playbook.pages[r].kind {
                Kind::Roster(roster) => Some(&roster.pairs),
                _ => None,
            })
            .flatten()
            .copied()
            .filter(|&p| self.pair_published[p] && !self.pairs[p].draft)
            .collect()
    }

    /// The dashboard at `url` of the pairs of `rosters` (page indices): the
    /// site's (`scope` `None`), or program `scope`'s.
    pub(super) fn dashboard(
        &self,
        url: &str,
        rosters: &[usize],
        scope: Option<usize>,
    ) -> Rendering {
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
        let section = self.dashboard_section(url);
        view.sidebar = self.nav.sidebar_html(section, url, &root);
        view.breadcrumbs = self.nav.breadcrumbs(section, true, &root);
        let pairs = self.pairs_of_rosters(rosters);
        let order = self.attention_order(&pairs);
        let mut attention = self.attention_view(&order, 0..ON_DASHBOARD, &root);
        attention.more_href =
            (order.len() > ON_DASHBOARD).then(|| format!("{root}{}", urls::attention_url(url, 0)));
        // A cohort's row links the first of its rosters.
        let mut roster_of: HashMap<(&str, &str), String> = HashMap::new();
        for &r in rosters.iter().rev() {
            let page = &self.playbook.pages[r];
            if let Kind::Roster(roster) = &page.kind {
                let program = page.program.map_or("", |p| self.playbook.program_id(p));
                let href = format!("{root}{}", page.url);
                roster_of.insert((program, roster.cohort.as_str()), href);
            }
        }
        view.of_kind = Some(DashboardPage {
            progress: DashboardView {
                attention,
                counts: status_counts(pairs.iter().map(|&i| &self.pair_progress[i].status)),
                guides: self.guides(&root, scope),
                goals: self.all_goal_rows(scope),
                programs: match scope {
                    None => self.program_rows(&root),
                    Some(_) => Vec::new(),
                },
                downloads_label: self.playbook.messages.get(match scope {
                    Some(_) if self.playbook.has_programs() => "ui-download-every-program",
                    _ => "ui-download",
                }),
                cohorts: cohort_summaries(&self.program(scope), self.options.as_of)
                    .into_iter()
                    .filter_map(|mut c| {
                        let href = roster_of.get(&(c.program.as_str(), c.cohort.as_str()))?;
                        let href = Some(href.clone());
                        if scope.is_none() && self.playbook.has_programs() {
                            // The site's overview holds every program's cohorts.
                            c.cohort = format!("{} ({})", c.cohort, self.program_title(&c.program));
                        }
                        Some(cohort_row(&self.playbook.messages, c, href))
                    })
                    .collect(),
            },
        });
        Ok((self.finish("progress.html", url, &view, "content")?, None))
    }
}
