//! Files for HR's spreadsheets: `progress.csv`, `progress.json`,
//! `goals.csv` (the calendars, made from the same `Input`, are
//! `calendars.rs`'s). Pairs arrive as `PublicPair`s, so confidential pairs'
//! topics and notes and anything `private` never reach them; a draft
//! roster's pairs (built with `--drafts`) are in no program-wide file.

use super::OutputFile;
use super::goals::goal_row;
use super::views::number;
use crate::model::survey::SurveyReport;
use crate::model::{Kind, PersonRef, Playbook, PublicPair};
use crate::progress::{self, Next, PairProgress};
use crate::urls;
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

pub struct Input<'a> {
    pub playbook: &'a Playbook,
    pub published: &'a [bool],
    pub pairs: &'a [PublicPair<'a>],
    pub pair_published: &'a [bool],
    pub pair_progress: &'a [PairProgress],
    /// Surveys' published figures, for the goals they feed.
    pub surveys: &'a [SurveyReport],
    pub as_of: NaiveDate,
    /// Program `scope`'s facts (every program's with `None`), with the
    /// survey figures that feed goals: the render's, worked out once for
    /// its pages and these files alike (`Context::program`).
    pub programs: &'a (dyn Fn(Option<usize>) -> Arc<progress::Program> + Sync),
}

impl Input<'_> {
    pub fn program(&self, scope: Option<usize>) -> Arc<progress::Program> {
        (self.programs)(scope)
    }
}

/// One row per pair; the column order is part of the format (README).
#[derive(Debug, Serialize)]
struct PairRecord {
    /// The pair's program, only in a site with programs (a one-program
    /// site's files are as they always were).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
    pub roster: String,
    pub cohort: String,
    pub pair: String,
    pub mentor: String,
    pub mentee: String,
    pub start: String,
    pub end: String,
    pub cadence: String,
    pub sessions_held: u32,
    /// Due by the as-of date, the first on the start date.
    pub sessions_expected_to_date: u32,
    /// Due over the whole pairing; empty without an end date.
    pub sessions_in_plan: Option<u32>,
    /// With `status: planned` (or none), from the as-of date on.
    pub sessions_planned: u32,
    /// Still `planned` though their date has passed.
    pub sessions_to_update: usize,
    pub last_met: String,
    pub next_session: String,
    /// `planned` (a session in the log) or `due` (by the cadence).
    pub next_session_kind: &'static str,
    pub status: &'static str,
    pub confidential: bool,
    pub topics: String,
}

#[derive(Debug, Serialize)]
struct GoalRecord {
    /// The goal's program, only in a site with programs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
    pub goal: String,
    pub title: String,
    pub metric: String,
    pub unit: String,
    pub baseline: String,
    pub target: String,
    pub latest: String,
    pub latest_date: String,
    pub progress_percent: String,
    pub status: &'static str,
}

fn name(playbook: &Playbook, person: Option<&PersonRef>) -> String {
    match person {
        Some(PersonRef::Id(id)) => playbook
            .person(&id.value)
            .map_or_else(|| id.value.clone(), |p| p.name.clone()),
        Some(PersonRef::Inline(p)) => p.name.clone(),
        None => String::new(),
    }
}

/// The `program` column's value: `None` (no column) in a site without
/// programs, else the program's id (empty for a site-wide page).
fn program_column(playbook: &Playbook, program: Option<usize>) -> Option<String> {
    playbook.has_programs().then(|| {
        program
            .map(|p| playbook.program_id(p).to_string())
            .unwrap_or_default()
    })
}

/// `columns` with a `program` column first when the site has programs.
fn with_program(playbook: &Playbook, columns: &[&'static str]) -> Vec<&'static str> {
    let program = playbook.has_programs().then_some("program");
    program.into_iter().chain(columns.iter().copied()).collect()
}

fn opt(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn pair_records(input: &Input) -> Vec<PairRecord> {
    let playbook = input.playbook;
    input
        .pairs
        .iter()
        .enumerate()
        // A draft roster's pairs are proposals: never in the figures.
        .filter(|(i, pair)| input.pair_published[*i] && !pair.draft)
        .map(|(i, pair)| {
            let p = &input.pair_progress[i];
            let roster = &playbook.pages[pair.roster];
            PairRecord {
                program: program_column(playbook, Some(pair.program)),
                roster: roster.url.trim_end_matches('/').to_string(),
                cohort: match &roster.kind {
                    Kind::Roster(r) => r.cohort.clone(),
                    _ => String::new(),
                },
                pair: pair.id.to_string(),
                mentor: name(playbook, pair.mentor),
                mentee: name(playbook, pair.mentee),
                start: opt(pair.start),
                end: opt(pair.end),
                cadence: pair.cadence.label(),
                sessions_held: p.held,
                sessions_expected_to_date: p.expected_to_date,
                sessions_in_plan: p.in_plan,
                sessions_planned: p.planned,
                sessions_to_update: p.to_update.len(),
                last_met: opt(p.last_met),
                next_session: opt(p.next.map(Next::date)),
                next_session_kind: match p.next {
                    Some(Next::Planned(_)) => "planned",
                    Some(Next::Due(_)) => "due",
                    None => "",
                },
                status: p.status.label(),
                confidential: pair.confidential,
                topics: pair.topics.join("; "),
            }
        })
        .collect()
}

fn goal_records(input: &Input) -> Vec<GoalRecord> {
    let mut records = Vec::new();
    for (i, page) in input.playbook.pages.iter().enumerate() {
        let Kind::Goals(goals) = &page.kind else {
            continue;
        };
        if !input.published[i] {
            continue;
        }
        // Each goal computed from its own program's pairs.
        let program = input.program(page.program);
        for goal in goals {
            let p = progress::goal_progress(goal, &program, input.as_of);
            // The dashboard's row, so the export and the page agree.
            let row = goal_row(&input.playbook.messages, goal, &p, input.as_of);
            records.push(GoalRecord {
                program: program_column(input.playbook, page.program),
                goal: row.id,
                title: row.title,
                metric: row.metric,
                unit: row.unit,
                baseline: row.baseline,
                target: row.target,
                latest: row.latest,
                latest_date: row.latest_date,
                // Unclamped, one decimal: a goal past its target shows it.
                progress_percent: p
                    .fraction
                    .map(|f| number((f * 1000.0).round() / 10.0))
                    .unwrap_or_default(),
                // English, as the format's other words: scripts key on it.
                status: p.status.label(),
            });
        }
    }
    records
}

/// `records` as CSV with `header`: each record's field named by a column
/// fills that column (the records' field names are the column names).
/// Text cells are made safe for spreadsheets; numbers and booleans are
/// written as they are.
fn csv_of<T: Serialize>(records: &[T], header: &[&str]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    // The header is written even when there are no rows.
    let _ = writer.write_record(header);
    for record in records {
        // Through serde_json so that every cell passes `spreadsheet_cell`:
        // the csv crate writes serialised fields straight out.
        let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(record) else {
            continue;
        };
        let _ = writer.write_record(header.iter().map(|column| match fields.get(*column) {
            Some(serde_json::Value::String(text)) => spreadsheet_cell(text),
            Some(serde_json::Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        }));
    }
    writer.into_inner().unwrap_or_default()
}

/// A text cell as a spreadsheet must not run it (OWASP's advice on CSV
/// injection): text starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return would be taken for a formula by Excel or LibreOffice, so it gets
/// a leading `'` and is shown as text (quote included), never run. A plain
/// decimal number (`-3`, `-2.5`: goals' figures reach here as text) is
/// only a number to the spreadsheet, so it is left as it is.
fn spreadsheet_cell(text: &str) -> String {
    let formula_like = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula_like && !is_plain_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// `-12`, `3.5`: an optional minus, digits, an optional fraction; nothing a
/// spreadsheet could read as more than a number.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    [whole, fraction]
        .iter()
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

pub const PAIR_COLUMNS: &[&str] = &[
    "roster",
    "cohort",
    "pair",
    "mentor",
    "mentee",
    "start",
    "end",
    "cadence",
    "sessions_held",
    "sessions_expected_to_date",
    "sessions_in_plan",
    "sessions_planned",
    "sessions_to_update",
    "last_met",
    "next_session",
    "next_session_kind",
    "status",
    "confidential",
    "topics",
];
pub const GOAL_COLUMNS: &[&str] = &[
    "goal",
    "title",
    "metric",
    "unit",
    "baseline",
    "target",
    "latest",
    "latest_date",
    "progress_percent",
    "status",
];

/// A program in `progress.json`: its id, title and figures.
#[derive(Debug, Serialize)]
struct ProgramRecord {
    id: String,
    title: String,
    #[serde(flatten)]
    figures: super::views::ProgramFigures,
}

fn program_records(input: &Input) -> Vec<ProgramRecord> {
    let playbook = input.playbook;
    if !playbook.has_programs() {
        return Vec::new();
    }
    let counted = input
        .pairs
        .iter()
        .enumerate()
        .filter(|(i, pair)| input.pair_published[*i] && !pair.draft)
        .map(|(i, pair)| (pair.program, &input.pair_progress[i]));
    let figures = super::views::program_figures(playbook.programs.len(), counted);
    playbook
        .programs
        .iter()
        .zip(figures)
        .map(|(p, figures)| ProgramRecord {
            id: p.id.clone(),
            title: p.title.clone(),
            figures,
        })
        .collect()
}

pub fn files(input: &Input) -> Vec<OutputFile> {
    let pairs = pair_records(input);
    let goals = goal_records(input);
    #[derive(Serialize)]
    struct Progress<'a> {
        as_of: String,
        /// Only in a site with programs.
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        programs: &'a [ProgramRecord],
        pairs: &'a [PairRecord],
        goals: &'a [GoalRecord],
        cohorts: &'a [progress::CohortSummary],
    }
    let cohorts = progress::cohort_summaries(&input.program(None), input.as_of);
    let json = serde_json::to_vec_pretty(&Progress {
        as_of: input.as_of.to_string(),
        programs: &program_records(input),
        pairs: &pairs,
        goals: &goals,
        cohorts: &cohorts,
    })
    .unwrap_or_default();
    vec![
        OutputFile {
            path: urls::PROGRESS_CSV.into(),
            bytes: csv_of(&pairs, &with_program(input.playbook, PAIR_COLUMNS)),
        },
        OutputFile {
            path: urls::GOALS_CSV.into(),
            bytes: csv_of(&goals, &with_program(input.playbook, GOAL_COLUMNS)),
        },
        OutputFile {
            path: urls::PROGRESS_JSON.into(),
            bytes: json,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_text_is_quoted_and_numbers_are_not() {
        for formula in [
            "=HYPERLINK(\"http://evil\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "-",
            "-inf",
            "-1e5",
        ] {
            assert_eq!(spreadsheet_cell(formula), format!("'{formula}"));
        }
        for kept in ["-3", "-2.5", "0", "12.75", "Ana", "a=b", "", "'quoted"] {
            assert_eq!(spreadsheet_cell(kept), kept);
        }
    }

    #[test]
    fn every_column_is_a_field_of_its_record() {
        let pair = PairRecord {
            program: None,
            roster: String::new(),
            cohort: String::new(),
            pair: String::new(),
            mentor: String::new(),
            mentee: String::new(),
            start: String::new(),
            end: String::new(),
            cadence: String::new(),
            sessions_held: 0,
            sessions_expected_to_date: 0,
            sessions_in_plan: None,
            sessions_planned: 0,
            sessions_to_update: 0,
            last_met: String::new(),
            next_session: String::new(),
            next_session_kind: "",
            status: "",
            confidential: false,
            topics: String::new(),
        };
        let goal = GoalRecord {
            program: None,
            goal: String::new(),
            title: String::new(),
            metric: String::new(),
            unit: String::new(),
            baseline: String::new(),
            target: String::new(),
            latest: String::new(),
            latest_date: String::new(),
            progress_percent: String::new(),
            status: "",
        };
        let keys = |value: serde_json::Value| -> Vec<String> {
            let mut keys: Vec<String> =
                value.as_object().expect("object").keys().cloned().collect();
            keys.sort();
            keys
        };
        let sorted = |columns: &[&str]| -> Vec<String> {
            let mut columns: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
            columns.sort();
            columns
        };
        assert_eq!(keys(serde_json::json!(pair)), sorted(PAIR_COLUMNS));
        assert_eq!(keys(serde_json::json!(goal)), sorted(GOAL_COLUMNS));
    }
}
