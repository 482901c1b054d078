//! A round's CSV, exported from a form tool, into its answers: a header
//! line (`person`, `date`, a column per question, optionally `comment`),
//! then a row per respondent. Every problem is told at its line and column.
//! Comments are recognised and dropped here: they never enter the model.

use super::{Answers, Response, Scale, Survey};
use crate::diagnostic::{Code, Diagnostic, Span};
use crate::source::csv_rows::{Header, Row, Table};
use crate::source::fields::{Spanned, bad_date, did_you_mean, parse_date};
use crate::source::load::SourceFile;
use crate::suggest::Suggestions;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Where rounds' files are, below the site folder.
pub const SURVEYS_FOLDER: &str = "data/surveys/";

/// Columns every round's file may have besides its questions.
const PERSON: &str = "person";
const DATE: &str = "date";
const COMMENT: &str = "comment";
pub const RESERVED: &[&str] = &[PERSON, DATE, COMMENT];

/// Reads each round's file of `surveys` from `data` into its answers, and
/// reports the files under `data/surveys/` that no round names.
pub fn attach_answers(
    surveys: Vec<&mut Survey>,
    data: &[SourceFile],
    people: &HashSet<&str>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let files: Vec<&SourceFile> = data
        .iter()
        .filter(|f| f.path.starts_with(SURVEYS_FOLDER))
        .collect();
    let names: Vec<&str> = files
        .iter()
        .map(|f| &f.path[SURVEYS_FOLDER.len()..])
        .collect();
    let mut named = HashSet::new();
    let mut people_sorted: Vec<&str> = people.iter().copied().collect();
    people_sorted.sort_unstable();
    // Thousands of unknown respondents against thousands of people would
    // compare millions of names: one budget for the run.
    let mut suggestions = Suggestions::default();
    let mut known = Known {
        sorted: &people_sorted,
        set: people,
        suggestions: &mut suggestions,
    };
    for survey in surveys {
        for r in 0..survey.rounds.len() {
            let Some(file) = &survey.rounds[r].file else {
                continue;
            };
            let Some(at) = names.iter().position(|n| *n == file.value) else {
                diagnostics.push(missing_file(file, &names));
                continue;
            };
            named.insert(at);
            let answers = read_round(survey, files[at], &mut known, diagnostics);
            survey.rounds[r].answers = answers;
        }
    }
    for (i, file) in files.iter().enumerate() {
        if !named.contains(&i) && file.path.ends_with(".csv") {
            diagnostics.push(
                Diagnostic::warning(
                    Code::UnknownData,
                    Span::file(&file.path),
                    "no survey round names this file: its answers are not read",
                )
                .with_hint(
                    "name it in a round's `file:` on the `kind: surveys` page, or move it out of data/surveys/",
                ),
            );
        }
    }
}

fn missing_file(file: &Spanned<String>, names: &[&str]) -> Diagnostic {
    let hint = match did_you_mean(&file.value, names) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!(
            "export the round's answers as CSV to {SURVEYS_FOLDER}{}, or fix `file:`",
            file.value
        ),
    };
    Diagnostic::error(
        Code::UnknownData,
        file.span.clone(),
        format!("there is no file {SURVEYS_FOLDER}{}", file.value),
    )
    .with_hint(hint)
}

/// The people a respondent may be, and the "did you mean" budget.
struct Known<'a> {
    sorted: &'a [&'a str],
    set: &'a HashSet<&'a str>,
    suggestions: &'a mut Suggestions,
}

fn read_round(
    survey: &Survey,
    file: &SourceFile,
    known_people: &mut Known,
    diagnostics: &mut Vec<Diagnostic>,
) -> Answers {
    let ids: Vec<String> = survey
        .questions
        .iter()
        .map(|q| q.id.to_lowercase())
        .collect();
    let known: Vec<&str> = RESERVED
        .iter()
        .copied()
        .chain(ids.iter().map(String::as_str))
        .collect();
    let header = Header {
        known: &known,
        required: &known[..2],
        what: "the survey's answers file",
    };
    let Some(table) = Table::read(file, &header, diagnostics) else {
        return Answers::default();
    };
    for (id, question) in ids.iter().zip(&survey.questions) {
        if table.column(id).is_none() {
            diagnostics.push(
                Diagnostic::warning(
                    Code::MissingQuestion,
                    Span::new(file.path.as_str(), 1, 1),
                    format!("the header has no column for question `{}`", question.id),
                )
                .with_hint(format!(
                    "add a `{id}` column (left empty if this round did not ask it); until then the question counts as unanswered in this round"
                )),
            );
        }
    }
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut rows = Vec::new();
    for row in &table.rows {
        let Some(person) = respondent(&table, row, known_people, diagnostics) else {
            continue;
        };
        if let Some(first) = first_line.get(&person.value) {
            diagnostics.push(
                Diagnostic::error(
                    Code::DuplicateRespondent,
                    person.span.clone(),
                    format!("`{}` answered this round twice (first on line {first})", person.value),
                )
                .with_hint("keep one row per person and round: delete the extra row, or correct the id if it is someone else's; only the first row counts"),
            );
            continue;
        }
        first_line.insert(person.value.clone(), row.line);
        let Some(date) = answer_date(&table, row, diagnostics) else {
            continue;
        };
        let values = ids
            .iter()
            .zip(&survey.questions)
            .map(|(id, q)| {
                table
                    .cell(row, id)
                    .and_then(|c| value(&c, q.scale, diagnostics))
            })
            .collect();
        rows.push(Response {
            person: person.value,
            date,
            values,
        });
    }
    Answers { rows }
}

fn respondent(
    table: &Table,
    row: &Row,
    known: &mut Known,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Spanned<String>> {
    let Some(person) = table.cell(row, PERSON) else {
        diagnostics.push(
            Diagnostic::error(
                Code::MissingField,
                Span::new(table.file, row.line, 1),
                "this answer has no `person`",
            )
            .with_hint("fill in the respondent's person id: answers are grouped by role and cohort through it (and never published one by one)"),
        );
        return None;
    };
    if known.set.contains(person.value.as_str()) {
        return Some(person);
    }
    let near = known.suggestions.near(&person.value, known.sorted);
    let hint = near.map_or_else(
        || "use the id of a person in data/people.csv (or a roster's `people:`)".to_string(),
        |near| format!("did you mean `{near}`?"),
    );
    diagnostics.push(
        Diagnostic::error(
            Code::UnknownPerson,
            person.span.clone(),
            format!("no person has the id `{}`", person.value),
        )
        .with_hint(hint),
    );
    None
}

/// The answer's date: `YYYY-MM-DD`, or a form tool's timestamp starting
/// with one (`2026-03-04 10:22:11`, `2026-03-04T10:22:11Z`).
fn answer_date(table: &Table, row: &Row, diagnostics: &mut Vec<Diagnostic>) -> Option<NaiveDate> {
    let Some(cell) = table.cell(row, DATE) else {
        diagnostics.push(
            Diagnostic::error(
                Code::MissingField,
                Span::new(table.file, row.line, 1),
                "this answer has no `date`",
            )
            .with_hint("fill in the date it was given, as YYYY-MM-DD"),
        );
        return None;
    };
    let text = cell.value.as_str();
    let day = match text.char_indices().nth(10) {
        Some((at, ' ' | 'T')) => &text[..at],
        _ => text,
    };
    match parse_date(day) {
        Ok(date) => Some(date),
        Err(message) => {
            diagnostics.push(bad_date(cell.span, DATE, &message));
            None
        }
    }
}

fn value(cell: &Spanned<String>, scale: Scale, diagnostics: &mut Vec<Diagnostic>) -> Option<u8> {
    let hint = || {
        format!(
            "write a whole number from {} to {}, or leave the cell empty for no answer",
            scale.low, scale.high
        )
    };
    let Ok(number) = cell.value.parse::<u32>() else {
        diagnostics.push(
            Diagnostic::error(
                Code::BadValue,
                cell.span.clone(),
                format!(
                    "`{}` is not an answer on the scale {}",
                    cell.value,
                    scale.label()
                ),
            )
            .with_hint(hint()),
        );
        return None;
    };
    match u8::try_from(number) {
        Ok(v) if scale.contains(v) => Some(v),
        _ => {
            diagnostics.push(
                Diagnostic::error(
                    Code::OutOfRange,
                    cell.span.clone(),
                    format!("`{number}` is outside the scale {}", scale.label()),
                )
                .with_hint(hint()),
            );
            None
        }
    }
}
