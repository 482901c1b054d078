//! `surveys.html`: a before/after table per survey and group of
//! respondents (rounds as columns, questions as rows, each cell a figure
//! and its number of answers), from `model::survey`'s reports, which hold
//! only figures of large-enough groups.

use super::context::Context;
use super::views::date_label;
use crate::model::survey::{Aggregate, Cell, Count, Group, GroupReport, QuestionRow, SurveyReport};
use crate::model::{Kind, Page};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct SurveysView {
    pub surveys: Vec<SurveyView>,
}

#[derive(Debug, Serialize)]
pub struct SurveyView {
    pub id: String,
    pub title: String,
    /// "Figures are shown for groups of at least 5 respondents."
    pub rule: String,
    pub rounds: Vec<RoundColumn>,
    pub groups: Vec<GroupView>,
}

#[derive(Debug, Serialize)]
pub struct RoundColumn {
    pub title: String,
    pub date: String,
    pub date_label: String,
}

#[derive(Debug, Serialize)]
pub struct GroupView {
    /// Unique in the page: `<survey>-<group>`.
    pub anchor: String,
    pub caption: String,
    pub respondents: Vec<String>,
    pub rows: Vec<RowView>,
}

#[derive(Debug, Serialize)]
pub struct RowView {
    pub text: String,
    /// What the figures are: "mean (1-5)", "share agreeing", "NPS".
    pub measure: String,
    pub goal: Option<GoalLink>,
    pub cells: Vec<CellView>,
    /// The last shown figure minus the first, when two rounds show one.
    pub change: String,
}

#[derive(Debug, Serialize)]
pub struct GoalLink {
    pub title: String,
    pub href: String,
}

#[derive(Debug, Serialize)]
pub struct CellView {
    /// The figure, or why there is none.
    pub value: String,
    /// "n = 12" under a shown figure; empty otherwise.
    pub n: String,
    pub shown: bool,
}

/// The page's English words, in one place until they move to the
/// message catalogue.
mod words {
    use super::{Aggregate, Group};

    pub(super) fn rule(min: usize) -> String {
        format!(
            "Figures are shown only for groups of at least {min} respondents, and a group's figure is left out where, with everyone's, it would give away a smaller group's. No single answer or comment is published."
        )
    }

    pub(super) fn too_few(min: usize) -> String {
        format!("fewer than {min} answers")
    }

    pub(super) const NO_ANSWERS: &str = "no answers";

    pub(super) const NOT_YET: &str = "not asked yet";

    pub(super) fn withheld(min: usize) -> String {
        format!("not shown: another group has fewer than {min} answers")
    }

    pub(super) fn answers(n: usize) -> String {
        format!("n = {n}")
    }

    pub(super) fn group(group: &Group) -> String {
        match group {
            Group::All => "All respondents".into(),
            Group::Mentors => "Mentors".into(),
            Group::Mentees => "Mentees".into(),
            Group::Cohort(name) => format!("Cohort: {name}"),
        }
    }

    pub(super) fn measure(aggregate: Aggregate, scale: &str) -> String {
        match aggregate {
            Aggregate::Mean => format!("mean ({scale})"),
            Aggregate::Agree => "share agreeing".into(),
            Aggregate::Nps => "Net Promoter Score".into(),
        }
    }
}

/// A figure as a report shows it: means to one decimal, shares as whole
/// per cents, NPS signed.
pub fn figure(aggregate: Aggregate, value: f64) -> String {
    match aggregate {
        Aggregate::Mean => format!("{value:.1}"),
        Aggregate::Agree => format!("{value:.0}%"),
        Aggregate::Nps => signed(value.round()),
    }
}

fn signed(value: f64) -> String {
    if value > 0.0 {
        format!("+{value}")
    } else if value == 0.0 {
        "0".into()
    } else {
        format!("{value}")
    }
}

fn change(row: &QuestionRow) -> String {
    let shown: Vec<f64> = row
        .cells
        .iter()
        .filter_map(|c| match c {
            Cell::Shown { value, .. } => Some(*value),
            _ => None,
        })
        .collect();
    let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
        return String::new();
    };
    if shown.len() < 2 {
        return String::new();
    }
    let diff = last - first;
    match row.aggregate {
        Aggregate::Mean => signed((diff * 10.0).round() / 10.0),
        Aggregate::Agree | Aggregate::Nps => format!("{} pts", signed(diff.round())),
    }
}

fn cell_view(cell: Cell, aggregate: Aggregate, asked: bool, min: usize) -> CellView {
    let (value, n) = match cell {
        _ if !asked => (words::NOT_YET.into(), String::new()),
        Cell::Shown { value, n } => (figure(aggregate, value), words::answers(n)),
        Cell::TooFew => (words::too_few(min), String::new()),
        Cell::Withheld => (words::withheld(min), String::new()),
        Cell::NoAnswers => (words::NO_ANSWERS.into(), String::new()),
    };
    CellView {
        shown: !n.is_empty(),
        value,
        n,
    }
}

impl Context<'_> {
    pub(super) fn surveys_view(&self, page: &Page, root: &str) -> SurveysView {
        SurveysView {
            surveys: self
                .surveys
                .iter()
                .filter(|r| {
                    self.playbook
                        .pages
                        .get(r.page)
                        .is_some_and(|p| p.file == page.file)
                })
                .map(|r| self.survey_view(r, root))
                .collect(),
        }
    }

    fn survey_view(&self, report: &SurveyReport, root: &str) -> SurveyView {
        let min = report.min_group_size;
        // With one cohort, its table would repeat everyone's.
        let by_cohort = report
            .groups
            .iter()
            .filter(|g| matches!(g.group, Group::Cohort(_)))
            .count()
            > 1;
        SurveyView {
            id: report.id.clone(),
            title: report.title.clone(),
            rule: words::rule(min),
            rounds: report
                .rounds
                .iter()
                .map(|r| RoundColumn {
                    title: r.title.clone(),
                    date: r.date.map(|d| d.to_string()).unwrap_or_default(),
                    date_label: r.date.map(date_label).unwrap_or_default(),
                })
                .collect(),
            groups: report
                .groups
                .iter()
                .filter(|g| !matches!(g.group, Group::Cohort(_)) || by_cohort)
                .map(|g| self.group_view(report, g, root))
                .collect(),
        }
    }

    fn group_view(&self, report: &SurveyReport, group: &GroupReport, root: &str) -> GroupView {
        let min = report.min_group_size;
        let slug = match &group.group {
            Group::All => "all".to_string(),
            Group::Mentors => "mentors".into(),
            Group::Mentees => "mentees".into(),
            Group::Cohort(name) => format!("cohort-{}", crate::urls::slugify(name)),
        };
        GroupView {
            anchor: format!("{}-{slug}", report.id),
            caption: format!("{}: {}", report.title, words::group(&group.group)),
            respondents: group
                .respondents
                .iter()
                .zip(&report.rounds)
                .map(|(c, round)| match c {
                    _ if !round.asked => words::NOT_YET.into(),
                    Count::Shown(n) => words::answers(*n),
                    Count::TooFew => words::too_few(min),
                    Count::Withheld => words::withheld(min),
                    Count::NoAnswers => words::NO_ANSWERS.into(),
                })
                .collect(),
            rows: group
                .questions
                .iter()
                .map(|q| RowView {
                    text: q.text.clone(),
                    measure: words::measure(q.aggregate, &q.scale.label()),
                    // Said where the goal's figures come from.
                    goal: q
                        .goal
                        .as_deref()
                        .filter(|_| q.goal_group.group() == group.group)
                        .and_then(|id| self.goal_link(id, root)),
                    cells: q
                        .cells
                        .iter()
                        .zip(&report.rounds)
                        .map(|(c, round)| cell_view(*c, q.aggregate, round.asked, min))
                        .collect(),
                    change: change(q),
                })
                .collect(),
        }
    }

    /// A link to the goal `id` on its published goals page.
    fn goal_link(&self, id: &str, root: &str) -> Option<GoalLink> {
        self.playbook
            .pages
            .iter()
            .enumerate()
            .filter(|(i, _)| self.published[*i])
            .find_map(|(_, page)| match &page.kind {
                Kind::Goals(goals) => goals.iter().find(|g| g.id == id).map(|g| GoalLink {
                    title: g.title.clone(),
                    href: format!("{root}{}#goal-{}", page.url, g.id),
                }),
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_hr_reports_write_them() {
        assert_eq!(figure(Aggregate::Mean, 3.64), "3.6");
        assert_eq!(figure(Aggregate::Agree, 66.666), "67%");
        assert_eq!(figure(Aggregate::Nps, 20.0), "+20");
        assert_eq!(figure(Aggregate::Nps, -12.5), "-13");
        assert_eq!(figure(Aggregate::Nps, 0.0), "0");
    }
}
