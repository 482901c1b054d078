//! `surveys.html`: a before/after table per survey and group of
//! respondents (rounds as columns, questions as rows, each cell a figure
//! and its number of answers), from `model::survey`'s reports, which hold
//! only figures of large-enough groups.

use super::context::Context;
use super::views::date_label;
use crate::i18n::Messages;
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

/// The page's words, from `surveys.ftl` in the site's language.
struct Words<'m> {
    m: &'m Messages,
    min: usize,
}

impl Words<'_> {
    fn rule(&self) -> String {
        self.m.count("surveys-rule", self.min as f64)
    }

    fn too_few(&self) -> String {
        self.m.count("surveys-too-few", self.min as f64)
    }

    fn withheld(&self) -> String {
        self.m.count("surveys-withheld", self.min as f64)
    }

    fn answers(&self, n: usize) -> String {
        self.m.count("surveys-answers", n as f64)
    }

    fn group(&self, group: &Group) -> String {
        match group {
            Group::All => self.m.get("surveys-group-all"),
            Group::Mentors => self.m.get("surveys-group-mentors"),
            Group::Mentees => self.m.get("surveys-group-mentees"),
            Group::Cohort(name) => self
                .m
                .text("surveys-group-cohort", &[("name", name.as_str().into())]),
        }
    }

    fn measure(&self, aggregate: Aggregate, scale: &str) -> String {
        match aggregate {
            Aggregate::Mean => self
                .m
                .text("surveys-measure-mean", &[("scale", scale.into())]),
            Aggregate::Agree => self.m.get("surveys-measure-agree"),
            Aggregate::Nps => self.m.get("surveys-measure-nps"),
        }
    }

    /// A figure as a report shows it: means to one decimal, shares as
    /// whole per cents, NPS signed.
    fn figure(&self, aggregate: Aggregate, value: f64) -> String {
        let value = aggregate.rounded(value);
        match aggregate {
            Aggregate::Mean => self.m.number(value, Some(1)),
            Aggregate::Agree => self.m.percent(value / 100.0, None),
            Aggregate::Nps => signed(self.m, value),
        }
    }

    fn change(&self, row: &QuestionRow) -> String {
        let shown: Vec<f64> = row
            .cells
            .iter()
            .filter_map(|c| match c {
                Cell::Shown { value, .. } => Some(row.aggregate.rounded(*value)),
                _ => None,
            })
            .collect();
        let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
            return String::new();
        };
        if shown.len() < 2 {
            return String::new();
        }
        let diff = row.aggregate.rounded(last - first);
        match row.aggregate {
            Aggregate::Mean => signed(self.m, diff),
            Aggregate::Agree | Aggregate::Nps => self
                .m
                .text("surveys-points", &[("value", signed(self.m, diff).into())]),
        }
    }

    fn cell(&self, cell: Cell, aggregate: Aggregate, asked: bool) -> CellView {
        let (value, n) = match cell {
            _ if !asked => (self.m.get("surveys-not-yet"), String::new()),
            Cell::Shown { value, n } => (self.figure(aggregate, value), self.answers(n)),
            Cell::TooFew => (self.too_few(), String::new()),
            Cell::Withheld => (self.withheld(), String::new()),
            Cell::NoAnswers => (self.m.get("surveys-no-answers"), String::new()),
        };
        CellView {
            shown: !n.is_empty(),
            value,
            n,
        }
    }

    fn count(&self, count: Count, asked: bool) -> String {
        match count {
            _ if !asked => self.m.get("surveys-not-yet"),
            Count::Shown(n) => self.answers(n),
            Count::TooFew => self.too_few(),
            Count::Withheld => self.withheld(),
            Count::NoAnswers => self.m.get("surveys-no-answers"),
        }
    }
}

/// A Net Promoter Score or a change, with its sign: `+40`, `0`, `-0,3`.
fn signed(m: &Messages, value: f64) -> String {
    let decimals = (value.fract() != 0.0).then_some(1);
    let text = m.number(value, decimals);
    if value > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// The cohort table's NPS figure, written as the survey page writes it.
pub fn nps_figure(m: &Messages, value: f64) -> String {
    Words { m, min: 0 }.figure(Aggregate::Nps, value)
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
        let words = Words {
            m: &self.playbook.messages,
            min: report.min_group_size,
        };
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
            rule: words.rule(),
            rounds: report
                .rounds
                .iter()
                .map(|r| RoundColumn {
                    title: r.title.clone(),
                    date: r.date.map(|d| d.to_string()).unwrap_or_default(),
                    date_label: r.date.map(|d| date_label(words.m, d)).unwrap_or_default(),
                })
                .collect(),
            groups: report
                .groups
                .iter()
                .filter(|g| !matches!(g.group, Group::Cohort(_)) || by_cohort)
                .map(|g| self.group_view(&words, report, g, root))
                .collect(),
        }
    }

    fn group_view(
        &self,
        words: &Words,
        report: &SurveyReport,
        group: &GroupReport,
        root: &str,
    ) -> GroupView {
        let slug = match &group.group {
            Group::All => "all".to_string(),
            Group::Mentors => "mentors".into(),
            Group::Mentees => "mentees".into(),
            Group::Cohort(name) => format!("cohort-{}", crate::urls::slugify(name)),
        };
        GroupView {
            anchor: format!("{}-{slug}", report.id),
            caption: words.m.text(
                "surveys-caption",
                &[
                    ("survey", report.title.as_str().into()),
                    ("group", words.group(&group.group).into()),
                ],
            ),
            respondents: group
                .respondents
                .iter()
                .zip(&report.rounds)
                .map(|(c, round)| words.count(*c, round.asked))
                .collect(),
            rows: group
                .questions
                .iter()
                .map(|q| RowView {
                    text: q.text.clone(),
                    measure: words.measure(q.aggregate, &q.scale.label()),
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
                        .map(|(c, round)| words.cell(*c, q.aggregate, round.asked))
                        .collect(),
                    change: words.change(q),
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
    fn figures_read_as_hr_reports_write_them_in_each_language() {
        let en = Messages::builtin("en");
        let words = Words { m: &en, min: 5 };
        assert_eq!(words.figure(Aggregate::Mean, 3.64), "3.6");
        assert_eq!(words.figure(Aggregate::Mean, 4.0), "4.0");
        assert_eq!(words.figure(Aggregate::Agree, 66.666), "67%");
        assert_eq!(words.figure(Aggregate::Nps, 20.0), "+20");
        assert_eq!(words.figure(Aggregate::Nps, -12.5), "-13");
        assert_eq!(words.figure(Aggregate::Nps, 0.0), "0");
        assert_eq!(words.too_few(), "fewer than 5 answers");
        let de = Messages::builtin("de");
        let words = Words { m: &de, min: 5 };
        assert_eq!(words.figure(Aggregate::Mean, 3.64), "3,6");
        assert_eq!(words.figure(Aggregate::Agree, 50.0), "50\u{a0}%");
        assert_eq!(words.too_few(), "weniger als 5 Antworten");
        let pl = Messages::builtin("pl");
        assert!(Words { m: &pl, min: 5 }.rule().contains("5 osób"));
        assert!(Words { m: &pl, min: 3 }.rule().contains("3 osoby"));
        assert_eq!(Words { m: &pl, min: 5 }.answers(1), "n = 1");
    }
}
