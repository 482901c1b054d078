//! CSV records with their places: each cell's line and column in the file,
//! so problems in a spreadsheet export point where a reader looks. Shared by
//! the people and pairs files and by the sign-up list of `mentorbook match`.

use crate::diagnostic::{Code, Diagnostic, Span};
use crate::source::fields::{Spanned, did_you_mean};
use crate::source::load::SourceFile;

pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
    /// 1-based character column where each cell starts.
    pub cols: Vec<usize>,
    /// How many characters each cell spans, quotes included (0: unknown).
    pub lens: Vec<usize>,
}

impl Row {
    /// Where cell `i` is written in `file`.
    pub fn span(&self, file: &str, i: usize) -> Span {
        let col = self.cols.get(i).copied().unwrap_or(1);
        let len = self.lens.get(i).copied().unwrap_or(0);
        Span::new(file, self.line, col).with_len(len)
    }
}

/// What a table's header line must hold.
pub struct Header<'c> {
    /// Every column mentorbook reads (any other is reported).
    pub known: &'c [&'c str],
    /// Columns without which no row can be read.
    pub required: &'c [&'c str],
    /// The file as problems name it: "the sign-up list".
    pub what: &'c str,
}

/// A CSV file whose first line names its columns (in any order and case),
/// with its rows that hold anything.
pub struct Table<'a> {
    pub file: &'a str,
    columns: Vec<String>,
    pub rows: Vec<Row>,
}

impl<'a> Table<'a> {
    /// Reads `file`; `None` (reported) when it is not valid CSV, is empty,
    /// or its header names an unknown column or lacks a required one: then
    /// no row can be read reliably.
    pub fn read(
        file: &'a SourceFile,
        header: &Header,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Table<'a>> {
        let records = match read(file) {
            Ok(records) => records,
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                return None;
            }
        };
        let known = header.known;
        let Some(head) = records.first() else {
            diagnostics.push(
                Diagnostic::error(
                    Code::MissingField,
                    Span::file(&file.path),
                    format!("{} is empty", header.what),
                )
                .with_hint(format!("start with a header line: {}", known.join(","))),
            );
            return None;
        };
        let columns: Vec<String> = head.cells.iter().map(|c| c.to_lowercase()).collect();
        let mut ok = true;
        for (i, column) in columns.iter().enumerate() {
            if !known.contains(&column.as_str()) {
                ok = false;
                let hint = did_you_mean(column, known).map_or_else(
                    || format!("known columns: {}", known.join(", ")),
                    |near| format!("did you mean `{near}`?"),
                );
                diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownField,
                        head.span(&file.path, i),
                        format!("unknown column `{column}`"),
                    )
                    .with_hint(hint),
                );
            }
        }
        for required in header.required {
            if !columns.iter().any(|h| h == required) {
                ok = false;
                diagnostics.push(
                    Diagnostic::error(
                        Code::MissingField,
                        Span::new(file.path.as_str(), head.line, 1),
                        format!("the header has no `{required}` column"),
                    )
                    .with_hint(format!("columns: {}", known.join(","))),
                );
            }
        }
        if !ok {
            return None;
        }
        let rows = records
            .into_iter()
            .skip(1)
            .filter(|r| r.cells.iter().any(|c| !c.is_empty()))
            .collect();
        Some(Table {
            file: &file.path,
            columns,
            rows,
        })
    }

    /// The position of `column` among the cells, if the header has it.
    pub fn column(&self, column: &str) -> Option<usize> {
        self.columns.iter().position(|h| h == column)
    }

    /// The text of `column` in `row`; empty when unset.
    pub fn text(&self, row: &Row, column: &str) -> String {
        self.cell(row, column).map(|v| v.value).unwrap_or_default()
    }

    /// The cell of `column` in `row`, if filled, with its place.
    pub fn cell(&self, row: &Row, column: &str) -> Option<Spanned<String>> {
        let i = self.column(column)?;
        let value = row.cells.get(i).filter(|v| !v.is_empty())?;
        Some(Spanned::new(value.clone(), row.span(self.file, i)))
    }
}

/// Every record of the file, header included; cells are trimmed.
pub fn read(file: &SourceFile) -> Result<Vec<Row>, Diagnostic> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(file.text.as_bytes());
    let lines: Vec<&str> = file.text.lines().collect();
    let mut rows = Vec::new();
    for result in reader.records() {
        match result {
            Ok(record) => {
                let line = record.position().map_or(1, |p| p.line() as usize);
                let text = lines.get(line.saturating_sub(1)).copied().unwrap_or("");
                let (cols, lens) = cell_extents(text, record.len()).into_iter().unzip();
                rows.push(Row {
                    line,
                    cols,
                    lens,
                    cells: record.iter().map(str::to_string).collect(),
                });
            }
            Err(err) => {
                let line = err.position().map_or(1, |p| p.line() as usize);
                return Err(Diagnostic::error(
                    Code::CsvSyntax,
                    Span::new(file.path.as_str(), line, 1),
                    format!("not valid CSV: {err}"),
                )
                .with_hint(
                    "check the quotes: a cell that holds a comma or a quote must be quoted, with quotes doubled",
                ));
            }
        }
    }
    Ok(rows)
}

/// Where each cell of a one-line record starts (quotes respected) and how
/// many characters it spans, without the blanks `trim` removed, so the
/// caret lands on the value and underlines all of it. A record that goes on
/// to the next line (a quoted cell holding a line break) has lengths 0 from
/// that cell on.
fn cell_extents(line: &str, cells: usize) -> Vec<(usize, usize)> {
    let chars: Vec<char> = line.chars().collect();
    // Index of each cell's first character, and of the end of the line.
    let mut bounds = vec![0];
    let mut quoted = false;
    for (i, c) in chars.iter().enumerate() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => bounds.push(i + 1),
            _ => {}
        }
    }
    let last = bounds.len() - 1;
    let mut extents: Vec<(usize, usize)> = bounds
        .iter()
        .enumerate()
        .map(|(k, &from)| {
            let to = bounds.get(k + 1).map_or(chars.len(), |next| next - 1);
            let mut start = from;
            while start < to && chars[start] == ' ' {
                start += 1;
            }
            let mut end = to;
            while end > start && chars[end - 1].is_whitespace() {
                end -= 1;
            }
            let len = if quoted && k == last { 0 } else { end - start };
            (start + 1, len)
        })
        .collect();
    extents.resize(cells.max(extents.len()), (1, 0));
    extents
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_columns_respect_quotes_and_blanks() {
        let cols =
            |line, cells| -> Vec<usize> { cell_extents(line, cells).iter().map(|e| e.0).collect() };
        assert_eq!(cols("a,b,c", 3), vec![1, 3, 5]);
        assert_eq!(cols("\"x, y\", z,w", 3), vec![1, 9, 11]);
    }

    #[test]
    fn a_cell_spans_its_value_quotes_included_blanks_not() {
        assert_eq!(
            cell_extents("ana , \"Bo, B.\" ,  , x", 4),
            vec![(1, 3), (7, 8), (19, 0), (21, 1)]
        );
        // The quoted cell goes on to the next line: its end is not here.
        assert_eq!(cell_extents("a,\"b", 2), vec![(1, 1), (3, 0)]);
    }
}
