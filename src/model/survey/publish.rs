//! The one way out of a survey's answers: aggregates per round, question
//! and group of respondents (everyone, mentors, mentees, each cohort),
//! each shown only when at least `privacy.min_group_size` people answered.
//! A report holds figures and counts, never an answer, a respondent's id
//! or a date of one answer, so whatever shows it cannot leak them.

use super::members::{Group, Members, Role, Shown, Split};
use super::{Aggregate, Response, Scale, Survey};
use crate::model::{Kind, Playbook};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// One question's figure for one round and group.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "shown", rename_all = "snake_case")]
pub enum Cell {
    /// The aggregate of `n` answers, `n` at least the minimum group size.
    Shown { value: f64, n: usize },
    /// Some answers, fewer than the minimum group size: nothing shown.
    TooFew,
    /// Enough answers, but another group of the same split (or, for a
    /// cohort, a combination of role and cohort) has too few: shown, this
    /// figure and the others would give that group's.
    Withheld,
    /// No answer (yet).
    NoAnswers,
}

/// How many answered a round, as far as it may be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "shown", content = "n", rename_all = "snake_case")]
pub enum Count {
    Shown(usize),
    TooFew,
    Withheld,
    NoAnswers,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoundHead {
    pub id: String,
    pub title: String,
    /// The round's `date`, else the first day of the month of its median
    /// answer (only when enough people answered for any figure to show).
    pub date: Option<NaiveDate>,
    /// It has an answers file and its date has come: `false` for a round
    /// still to be asked.
    pub asked: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionRow {
    pub id: String,
    pub text: String,
    #[serde(serialize_with = "aggregate_slug")]
    pub aggregate: Aggregate,
    #[serde(skip)]
    pub scale: Scale,
    pub goal: Option<String>,
    pub goal_group: Role,
    /// One per round.
    pub cells: Vec<Cell>,
}

fn aggregate_slug<S: serde::Serializer>(a: &Aggregate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(a.slug())
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupReport {
    pub group: Group,
    /// Respondents per round.
    pub respondents: Vec<Count>,
    pub questions: Vec<QuestionRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SurveyReport {
    /// The `kind: surveys` page that defines it.
    #[serde(skip)]
    pub page: usize,
    pub id: String,
    pub title: String,
    pub min_group_size: usize,
    pub rounds: Vec<RoundHead>,
    /// Everyone first, then mentors, mentees and cohorts that have any
    /// respondent (a page shows cohorts' tables only with two or more).
    pub groups: Vec<GroupReport>,
}

/// A dated figure a question supplies to a goal's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalPoint {
    pub goal: String,
    pub date: NaiveDate,
    pub value: f64,
}

impl SurveyReport {
    /// The latest shown Net Promoter Score of `group` (of the survey's
    /// first `nps` question), rounded as reports show it.
    pub fn latest_nps(&self, group: &Group) -> Option<f64> {
        let report = self.groups.iter().find(|g| g.group == *group)?;
        let question = report
            .questions
            .iter()
            .find(|q| q.aggregate == Aggregate::Nps)?;
        question.cells.iter().rev().find_map(|c| match c {
            Cell::Shown { value, .. } => Some(Aggregate::Nps.rounded(*value)),
            _ => None,
        })
    }

    /// The figure of each question that feeds a goal, from the group its
    /// `goal_group` names, per round with a date and a shown figure.
    pub fn goal_points(&self) -> Vec<GoalPoint> {
        let mut points = Vec::new();
        let Some(all) = self.groups.first() else {
            return points;
        };
        for (q, question) in all.questions.iter().enumerate() {
            let Some(goal) = &question.goal else { continue };
            let group = question.goal_group.group();
            let Some(row) = self
                .groups
                .iter()
                .find(|g| g.group == group)
                .and_then(|g| g.questions.get(q))
            else {
                continue;
            };
            for (round, cell) in self.rounds.iter().zip(&row.cells) {
                if let (Some(date), Cell::Shown { value, .. }) = (round.date, cell) {
                    points.push(GoalPoint {
                        goal: goal.clone(),
                        date,
                        value: question.aggregate.rounded(*value),
                    });
                }
            }
        }
        points
    }
}

/// Every survey's report as of `as_of` (answers dated later are not
/// counted, nor rounds dated later), in page order.
pub fn publish(playbook: &Playbook, as_of: NaiveDate) -> Vec<SurveyReport> {
    if !playbook
        .pages
        .iter()
        .any(|p| matches!(p.kind, Kind::Surveys(_)))
    {
        // Who is in which cohort walks every pair: 3 ms of every roster
        // edit at 5,000 pairs, for a site without surveys.
        return Vec::new();
    }
    let min = playbook.config.min_group_size.max(1);
    let members = Members::of(playbook);
    let mut reports = Vec::new();
    for (page, p) in playbook.pages.iter().enumerate() {
        let Kind::Surveys(surveys) = &p.kind else {
            continue;
        };
        for survey in surveys {
            reports.push(report(survey, page, &members, min, as_of));
        }
    }
    reports
}

fn report(
    survey: &Survey,
    page: usize,
    members: &Members,
    min: usize,
    as_of: NaiveDate,
) -> SurveyReport {
    // Each round's responses counted as of the date.
    let counted: Vec<Vec<&Response>> = survey
        .rounds
        .iter()
        .map(|round| {
            if round.date.is_some_and(|d| d > as_of) {
                return Vec::new();
            }
            round
                .answers
                .rows
                .iter()
                .filter(|r| r.date <= as_of)
                .collect()
        })
        .collect();
    let rounds = survey
        .rounds
        .iter()
        .zip(&counted)
        .map(|(round, rows)| RoundHead {
            id: round.id.clone(),
            title: round.title.clone(),
            date: round
                .date
                .or_else(|| (rows.len() >= min).then(|| median_date(rows)).flatten()),
            asked: round.file.is_some() && round.date.is_none_or(|d| d <= as_of),
        })
        .collect();
    let groups = members.groups();
    // Who answered each question in each round, and who answered at all.
    let answering = |round: usize, question: Option<usize>| -> Vec<&str> {
        counted[round]
            .iter()
            .filter(|r| question.is_none_or(|q| r.values.get(q).copied().flatten().is_some()))
            .map(|r| r.person.as_str())
            .collect()
    };
    // Which splits may be shown, per round and question (`None`: the
    // respondents' count), worked out once rather than per group.
    let questions = survey.questions.len();
    let shown: Vec<Vec<Shown>> = (0..counted.len())
        .map(|round| {
            std::iter::once(None)
                .chain((0..questions).map(Some))
                .map(|q| members.shown_splits(&answering(round, q), min))
                .collect()
        })
        .collect();
    let safe = |split: Option<Split>, round: usize, question: Option<usize>| {
        let column = question.map_or(0, |q| q + 1);
        shown[round][column].allows(split)
    };
    let mut reports = Vec::new();
    for group in &groups {
        let in_group: Vec<Vec<&Response>> = counted
            .iter()
            .map(|rows| {
                rows.iter()
                    .copied()
                    .filter(|r| members.belongs(group, &r.person))
                    .collect()
            })
            .collect();
        if *group != Group::All && in_group.iter().all(Vec::is_empty) {
            continue;
        }
        let split = group.split();
        let questions = survey
            .questions
            .iter()
            .enumerate()
            .map(|(q, question)| QuestionRow {
                id: question.id.clone(),
                text: question.text.clone(),
                aggregate: question.aggregate,
                scale: question.scale,
                goal: question.goal.as_ref().map(|g| g.value.clone()),
                goal_group: question.goal_group,
                cells: in_group
                    .iter()
                    .enumerate()
                    .map(|(round, rows)| {
                        let values: Vec<u8> = rows
                            .iter()
                            .filter_map(|r| r.values.get(q).copied().flatten())
                            .collect();
                        let shown = cell(&values, question.aggregate, question.scale, min);
                        match shown {
                            Cell::Shown { .. } if !safe(split, round, Some(q)) => Cell::Withheld,
                            other => other,
                        }
                    })
                    .collect(),
            })
            .collect();
        let respondents = in_group
            .iter()
            .enumerate()
            .map(|(round, rows)| match count(rows.len(), min) {
                Count::Shown(_) if !safe(split, round, None) => Count::Withheld,
                other => other,
            })
            .collect();
        reports.push(GroupReport {
            group: group.clone(),
            respondents,
            questions,
        });
    }
    SurveyReport {
        page,
        id: survey.id.clone(),
        title: survey.title.clone(),
        min_group_size: min,
        rounds,
        groups: reports,
    }
}

/// The small-group rule, for one figure: shown only from `min` answers.
fn cell(values: &[u8], aggregate: Aggregate, scale: Scale, min: usize) -> Cell {
    match (values.len(), aggregate.of(values, scale)) {
        (0, _) | (_, None) => Cell::NoAnswers,
        (n, _) if n < min => Cell::TooFew,
        (n, Some(value)) => Cell::Shown { value, n },
    }
}

fn count(n: usize, min: usize) -> Count {
    match n {
        0 => Count::NoAnswers,
        n if n < min => Count::TooFew,
        n => Count::Shown(n),
    }
}

/// The first day of the month of the middle answer (the earlier of the two
/// middle ones): an answer's own date is part of one person's row, so only
/// its month is published, and never a day after any answer of that month.
fn median_date(rows: &[&Response]) -> Option<NaiveDate> {
    let mut dates: Vec<NaiveDate> = rows.iter().map(|r| r.date).collect();
    dates.sort_unstable();
    let middle = dates.get(dates.len().checked_sub(1)? / 2)?;
    middle.with_day(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_needs_the_minimum_number_of_answers() {
        let likert = Scale::LIKERT;
        assert_eq!(
            cell(&[4, 4, 5, 3], Aggregate::Mean, likert, 5),
            Cell::TooFew
        );
        assert_eq!(
            cell(&[4, 4, 5, 3, 4], Aggregate::Mean, likert, 5),
            Cell::Shown { value: 4.0, n: 5 }
        );
        assert_eq!(cell(&[], Aggregate::Agree, likert, 5), Cell::NoAnswers);
        assert_eq!(count(4, 5), Count::TooFew);
        assert_eq!(count(5, 5), Count::Shown(5));
        assert_eq!(count(0, 5), Count::NoAnswers);
    }
}
