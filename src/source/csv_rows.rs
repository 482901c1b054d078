//! CSV records with their places: each cell's line and column in the file,
//! so problems in a spreadsheet export point where a reader looks. Shared by
//! the people and pairs files and by the sign-up list of `mentorbook match`.

use crate::diagnostic::{Code, Diagnostic, Span};
use crate::source::load::SourceFile;

pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
    /// 1-based character column where each cell starts.
    pub cols: Vec<usize>,
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
                rows.push(Row {
                    line,
                    cols: cell_columns(text, record.len()),
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

/// Where each cell of a one-line record starts (quotes respected).
fn cell_columns(line: &str, cells: usize) -> Vec<usize> {
    let mut cols = vec![1];
    let mut quoted = false;
    for (i, c) in line.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => cols.push(i + 2),
            _ => {}
        }
    }
    // Skip the blanks `trim` removed, so the caret lands on the value.
    let chars: Vec<char> = line.chars().collect();
    for col in &mut cols {
        while chars.get(*col - 1).is_some_and(|c| *c == ' ') {
            *col += 1;
        }
    }
    cols.resize(cells.max(cols.len()), 1);
    cols
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_columns_respect_quotes_and_blanks() {
        assert_eq!(cell_columns("a,b,c", 3), vec![1, 3, 5]);
        assert_eq!(cell_columns("\"x, y\", z,w", 3), vec![1, 9, 11]);
    }
}
