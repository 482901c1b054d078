//! The sign-up list (`data/signups.csv`, a sign-up form's export): its
//! columns, and its rows read into `Signup`s completed from the declared
//! people, every problem reported at its cell.

use super::norm;
use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::Person;
use crate::source::csv_rows::{Header, Row, Table};
use crate::source::fields::{OneOf, Spanned, did_you_mean};
use crate::source::load::SourceFile;
use std::collections::{HashMap, HashSet};

/// The columns of `data/signups.csv`; `id` is required, `name` too unless
/// the id is a declared person.
pub const COLUMNS: &[&str] = &[
    "id",
    "name",
    "role",
    "team",
    "reports_to",
    "side",
    "can_teach",
    "wants_to_learn",
    "interests",
    "work_style",
    "capacity",
    "avoid",
];

/// The default place of the sign-up list, relative to the site folder.
pub const SIGNUPS_FILE: &str = "data/signups.csv";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mentor,
    Mentee,
    Either,
}

/// One row of the sign-up list, completed from the declared people.
#[derive(Debug, Clone, PartialEq)]
pub struct Signup {
    pub id: String,
    pub name: String,
    pub role: String,
    pub team: String,
    pub reports_to: Option<String>,
    pub side: Side,
    pub can_teach: Vec<String>,
    pub wants_to_learn: Vec<String>,
    pub interests: Vec<String>,
    pub work_style: String,
    pub capacity: u32,
    pub avoid: Vec<String>,
}

impl Signup {
    /// `either` counts as a mentor when they can teach something, else as
    /// a mentee.
    pub fn acts_as_mentor(&self) -> bool {
        match self.side {
            Side::Mentor => true,
            Side::Mentee => false,
            Side::Either => !self.can_teach.is_empty(),
        }
    }
}

/// A `;`-separated cell: items trimmed, empty and repeated ones (ignoring
/// case) left out.
fn list(text: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for item in text.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        if !items.iter().any(|i| norm(i) == norm(item)) {
            items.push(item.to_string());
        }
    }
    items
}

/// Reads the sign-up list. Rows with errors are left out (and reported).
pub fn read_signups(
    file: &SourceFile,
    people: &[Person],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Signup> {
    let header = Header {
        known: COLUMNS,
        required: &["id"],
        what: "the sign-up list",
    };
    let Some(table) = Table::read(file, &header, diagnostics) else {
        return Vec::new();
    };
    let declared: HashMap<&str, &Person> = people.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut signups = Vec::new();
    for row in &table.rows {
        let cells = Cells { table: &table, row };
        if let Some(signup) = read_row(&cells, &declared, &mut seen, diagnostics) {
            signups.push(signup);
        }
    }
    let known: HashSet<&str> = declared
        .keys()
        .copied()
        .chain(signups.iter().map(|s| s.id.as_str()))
        .collect();
    check_references(&table, &known, diagnostics);
    signups.sort_by(|a, b| a.id.cmp(&b.id));
    signups
}

/// One row's cells by column name.
struct Cells<'a> {
    table: &'a Table<'a>,
    row: &'a Row,
}

impl Cells<'_> {
    /// The cell of `column` with its place; an empty cell is unset.
    fn get(&self, column: &str) -> Option<Spanned<String>> {
        self.table.cell(self.row, column)
    }

    fn text(&self, column: &str) -> String {
        self.table.text(self.row, column)
    }
}

/// One sign-up, or `None` (reported) when its row cannot be used.
/// `seen` holds the ids read so far, with their lines.
fn read_row(
    cells: &Cells,
    declared: &HashMap<&str, &Person>,
    seen: &mut HashMap<String, usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Signup> {
    let Some(id) = cells.get("id") else {
        diagnostics.push(
            Diagnostic::error(
                Code::MissingField,
                Span::new(cells.table.file, cells.row.line, 1),
                "this row has no `id`",
            )
            .with_hint("fill in the `id` column"),
        );
        return None;
    };
    if let Some(first) = seen.insert(id.value.clone(), cells.row.line) {
        diagnostics.push(
            Diagnostic::error(
                Code::DuplicateId,
                id.span.clone(),
                format!("`{}` signed up twice (first on line {first})", id.value),
            )
            .with_hint("keep one row per person"),
        );
        return None;
    }
    let person = declared.get(id.value.as_str()).copied();
    let or_person = |value: String, from: &dyn Fn(&Person) -> String| {
        if value.is_empty() {
            person.map(from).unwrap_or_default()
        } else {
            value
        }
    };
    let name = or_person(cells.text("name"), &|p| p.name.clone());
    if name.is_empty() {
        diagnostics.push(
            Diagnostic::error(
                Code::MissingField,
                id.span.clone(),
                format!("`{}` has no `name` and is not a declared person", id.value),
            )
            .with_hint("fill in the `name` column"),
        );
        return None;
    }
    let side = read_side(cells, diagnostics)?;
    let capacity = read_capacity(cells, diagnostics)?;
    let reports_to = cells
        .get("reports_to")
        .map(|v| v.value)
        .or_else(|| person.and_then(|p| p.reports_to.as_ref().map(|r| r.value.clone())));
    Some(Signup {
        role: or_person(cells.text("role"), &|p| p.role.clone()),
        team: or_person(cells.text("team"), &|p| p.team.clone()),
        name,
        reports_to,
        side,
        can_teach: list(&cells.text("can_teach")),
        wants_to_learn: list(&cells.text("wants_to_learn")),
        interests: list(&cells.text("interests")),
        work_style: cells.text("work_style"),
        capacity,
        avoid: list(&cells.text("avoid")),
        id: id.value,
    })
}

fn read_side(cells: &Cells, diagnostics: &mut Vec<Diagnostic>) -> Option<Side> {
    let Some(v) = cells.get("side") else {
        return Some(Side::Either);
    };
    SIDE.pick(Spanned::new(norm(&v.value), v.span), diagnostics)
        .map(|side| side.value)
}

const SIDE: OneOf<Side> = OneOf {
    field: "`side`",
    values: &[
        ("mentor", Side::Mentor),
        ("mentee", Side::Mentee),
        ("either", Side::Either),
    ],
    hint: "use `mentor`, `mentee` or `either`",
};

fn read_capacity(cells: &Cells, diagnostics: &mut Vec<Diagnostic>) -> Option<u32> {
    let Some(v) = cells.get("capacity") else {
        return Some(1);
    };
    match v.value.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => {
            diagnostics.push(
                Diagnostic::error(
                    Code::WrongType,
                    v.span,
                    format!("`capacity` must be a whole number, found `{}`", v.value),
                )
                .with_hint("how many mentees this mentor can take, e.g. 1"),
            );
            None
        }
    }
}

/// `avoid` and `reports_to` must name someone known: a declared person or
/// a sign-up read without error.
fn check_references(table: &Table, known: &HashSet<&str>, diagnostics: &mut Vec<Diagnostic>) {
    let mut known_list: Vec<&str> = known.iter().copied().collect();
    known_list.sort_unstable();
    for row in &table.rows {
        for column in ["avoid", "reports_to"] {
            let Some(i) = table.column(column) else {
                continue;
            };
            let Some(value) = row.cells.get(i) else {
                continue;
            };
            for item in list(value) {
                if !known.contains(item.as_str()) {
                    let mut d = Diagnostic::error(
                        Code::UnknownPerson,
                        row.span(table.file, i),
                        format!("`{column}`: nobody has the id `{item}`"),
                    );
                    if let Some(near) = did_you_mean(&item, &known_list) {
                        d = d.with_hint(format!("did you mean `{near}`?"));
                    }
                    diagnostics.push(d);
                }
            }
        }
    }
}
