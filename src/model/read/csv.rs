//! People and pairs from spreadsheets: `data/people.csv` (exported from an
//! HR system or a sign-up form) and `data/pairs.csv`, read with the csv
//! crate and checked like their YAML forms, with problems at the CSV's
//! line and column.

use super::cadence::cadence_cell;
use super::pair::{PAIR_STATUS_WORDS, PairDraft};
use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::{PairOverride, Person, PersonRef};
use crate::source::csv_rows::{Header, Row, Table};
use crate::source::fields::{OneOf, Spanned, bad_date, parse_date};
use crate::source::load::SourceFile;

const PEOPLE_COLUMNS: &[&str] = &["id", "name", "role", "team", "email", "reports_to"];
const PAIR_COLUMNS: &[&str] = &[
    "roster",
    "id",
    "mentor",
    "mentee",
    "start",
    "end",
    "cadence",
    "topics",
    "status",
    "confidential",
];

const STATUS: OneOf<PairOverride> = OneOf {
    field: "`status`",
    values: PAIR_STATUS_WORDS,
    hint: "`status` only overrides: use `paused`, `completed` or `withdrawn`, or leave it empty",
};

/// Matched lowercased, as spreadsheets write `TRUE` and `Yes`.
const CONFIDENTIAL: OneOf<bool> = OneOf {
    field: "`confidential`",
    values: &[
        ("true", true),
        ("yes", true),
        ("1", true),
        ("false", false),
        ("no", false),
        ("0", false),
    ],
    hint: "use `true` or `false`",
};

pub(super) fn read(
    file: &SourceFile,
    people: &mut Vec<Person>,
    pairs: &mut Vec<(Spanned<String>, PairDraft)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if file.path.starts_with(crate::model::survey::SURVEYS_FOLDER) {
        // Survey rounds' answers: read by `model::survey` with their
        // survey's questions.
        return;
    }
    let name = file.path.rsplit('/').next().unwrap_or("");
    let columns = if name.starts_with("people") {
        PEOPLE_COLUMNS
    } else if name.starts_with("pairs") {
        PAIR_COLUMNS
    } else if name.starts_with("signups") {
        // Sign-ups are read by `mentorbook match` (crate::matching), not
        // the site.
        return;
    } else {
        diagnostics.push(
            Diagnostic::error(
                Code::UnknownData,
                Span::file(&file.path),
                "mentorbook does not know this CSV file",
            )
            .with_hint(
                "name it data/people.csv (people), data/pairs.csv (pairs) or data/signups.csv (sign-ups for `mentorbook match`)",
            ),
        );
        return;
    };
    let header = Header {
        known: columns,
        required: &columns[..2],
        what: "the CSV file",
    };
    let Some(table) = Table::read(file, &header, diagnostics) else {
        return;
    };
    for row in &table.rows {
        if columns == PEOPLE_COLUMNS {
            people.extend(person(&table, row, diagnostics));
        } else if let Some(pair) = pair(&table, row, diagnostics) {
            pairs.push(pair);
        }
    }
}

/// The cell of `column` in `row`, or a `missing-field` problem.
fn required(
    table: &Table,
    row: &Row,
    column: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Spanned<String>> {
    let value = table.cell(row, column);
    if value.is_none() {
        diagnostics.push(
            Diagnostic::error(
                Code::MissingField,
                Span::new(table.file, row.line, 1),
                format!("this row has no `{column}`"),
            )
            .with_hint(format!("fill in the `{column}` column")),
        );
    }
    value
}

fn person(table: &Table, row: &Row, diagnostics: &mut Vec<Diagnostic>) -> Option<Person> {
    let id = required(table, row, "id", diagnostics)?;
    let name = required(table, row, "name", diagnostics)?;
    let text = |column| table.text(row, column);
    Some(Person {
        span: id.span.clone(),
        id: id.value,
        name: name.value,
        role: text("role"),
        team: text("team"),
        email: text("email"),
        reports_to: table.cell(row, "reports_to"),
    })
}

fn pair(
    table: &Table,
    row: &Row,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Spanned<String>, PairDraft)> {
    let roster = required(table, row, "roster", diagnostics)?;
    let id = required(table, row, "id", diagnostics)?;
    let date = |column: &str, diagnostics: &mut Vec<Diagnostic>| {
        let cell = table.cell(row, column)?;
        match parse_date(&cell.value) {
            Ok(date) => Some(Spanned::new(date, cell.span)),
            Err(message) => {
                diagnostics.push(bad_date(cell.span, column, &message));
                None
            }
        }
    };
    let cadence = table
        .cell(row, "cadence")
        .and_then(|c| cadence_cell(c, diagnostics));
    let status = table
        .cell(row, "status")
        .and_then(|c| STATUS.pick(c, diagnostics))
        .map(|s| s.value);
    let confidential = table
        .cell(row, "confidential")
        .and_then(|c| CONFIDENTIAL.pick_as(&c.value.to_lowercase(), c.clone(), diagnostics))
        .map(|c| c.value);
    let draft = PairDraft {
        span: Some(id.span.clone()),
        mentor: table.cell(row, "mentor").map(PersonRef::Id),
        mentee: table.cell(row, "mentee").map(PersonRef::Id),
        topics: table.cell(row, "topics").map(|t| {
            t.value
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        }),
        start: date("start", diagnostics),
        end: date("end", diagnostics),
        cadence,
        status,
        confidential,
        id: Some(id),
        ..PairDraft::default()
    };
    Some((roster, draft))
}
