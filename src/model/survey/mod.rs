//! Surveys: a `kind: surveys` page defines them (questions, scale, rounds),
//! each round's answers come from a CSV under `data/surveys/`.
//!
//! Privacy has one owner here: the answers of a round are private to this
//! module (`Answers`), and the only way out is `publish`, which turns them
//! into aggregates of groups of at least `privacy.min_group_size`
//! respondents. No page, export or index can reach a single answer, a
//! respondent's id or a comment (comments are never even kept).

pub mod aggregate;
mod answers;
mod members;
mod publish;

pub use aggregate::Aggregate;
pub use answers::{RESERVED as RESERVED_COLUMNS, SURVEYS_FOLDER, attach_answers};
pub use members::{Group, Role};
pub use publish::{
    Cell, Count, GoalPoint, GroupReport, QuestionRow, RoundHead, SurveyReport, publish,
};

use crate::diagnostic::Span;
use crate::source::fields::Spanned;
use chrono::NaiveDate;

/// One survey as its page defines it.
#[derive(Debug, Clone)]
pub struct Survey {
    pub id: String,
    pub title: String,
    pub questions: Vec<Question>,
    pub rounds: Vec<Round>,
    /// Where its `id` is written.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Question {
    /// The CSV column holding its answers.
    pub id: String,
    pub text: String,
    pub scale: Scale,
    pub aggregate: Aggregate,
    /// The goal whose results its aggregate supplies, with where it is named.
    pub goal: Option<Spanned<String>>,
    /// Whose answers the goal takes: everyone's, mentors' or mentees'.
    pub goal_group: Role,
    pub span: Span,
}

/// The answers a question allows, whole numbers from `low` to `high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub low: u8,
    pub high: u8,
}

impl Scale {
    pub const LIKERT: Scale = Scale { low: 1, high: 5 };

    /// `1-5`, `0-10`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Scale> {
        let (low, high) = text.trim().split_once('-')?;
        let low: u8 = low.trim().parse().ok()?;
        let high: u8 = high.trim().parse().ok()?;
        (low < high && high - low <= 100).then_some(Scale { low, high })
    }

    pub fn contains(self, value: u8) -> bool {
        (self.low..=self.high).contains(&value)
    }

    pub fn label(self) -> String {
        format!("{}-{}", self.low, self.high)
    }
}

/// One round of a survey: its answers file and when it was asked.
#[derive(Debug, Clone)]
pub struct Round {
    pub id: String,
    pub title: String,
    /// The file under `data/surveys/`, as `file:` names it; `None` for a
    /// round not asked yet.
    pub file: Option<Spanned<String>>,
    /// When the round was asked; without it, the first day of the month of
    /// the median answer.
    pub date: Option<NaiveDate>,
    /// Private: read only by `publish`.
    answers: Answers,
}

impl Round {
    pub fn new(
        id: String,
        title: String,
        file: Option<Spanned<String>>,
        date: Option<NaiveDate>,
    ) -> Round {
        Round {
            id,
            title,
            file,
            date,
            answers: Answers::default(),
        }
    }
}

/// A round's answers, one per respondent. Nothing outside this module
/// reads them.
#[derive(Debug, Clone, Default)]
struct Answers {
    rows: Vec<Response>,
}

#[derive(Debug, Clone)]
struct Response {
    person: String,
    date: NaiveDate,
    /// Per question of the survey, in its order; `None`: not answered.
    values: Vec<Option<u8>>,
}
