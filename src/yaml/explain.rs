//! yaml-rust2's errors retold in an author's words ("the value contains
//! `: `", "the `[` on line 3 is not closed"), each with a hint that says what
//! to type, and placed where the mistake is rather than where the parser gave
//! up (the opening quote, the unclosed bracket, the tab).
//!
//! It reads the source around the parser's position; every scan here walks
//! the text once, from its start to the error at most.

mod flow;

use super::Pos;
use crate::diagnostic::{Code, Diagnostic, Span};

/// Why a text is not valid YAML, in an author's words, where the mistake
/// is, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub pos: Pos,
    /// The characters to underline from `pos` (0: the word there).
    pub len: usize,
    pub message: String,
    pub hint: String,
}

impl YamlError {
    /// The one wording of "not valid YAML" for every YAML source: `what`
    /// names it ("front matter", "playbook.yaml", "data file").
    pub fn diagnostic(&self, file: &str, what: &str) -> Diagnostic {
        Diagnostic::error(
            Code::YamlSyntax,
            Span::new(file, self.pos.line, self.pos.col).with_len(self.len),
            format!("{what} is not valid YAML: {}", self.message),
        )
        .with_hint(self.hint.as_str())
    }
}

/// A parser error as the author should read it. `line` counts from 1 and
/// `col` from 0, in characters, within the YAML text (not the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Explained {
    pub line: usize,
    pub col: usize,
    /// The characters to underline (0: the word there).
    pub len: usize,
    pub message: String,
    pub hint: String,
}

pub(super) const GENERAL_HINT: &str = "check the indentation (spaces only; the keys of one mapping, and the `- ` of one list, each at the same column) and put values that contain `: ` or start with a special character in quotes";

impl Explained {
    fn new(line: usize, col: usize, message: String, hint: String) -> Explained {
        Explained {
            line,
            col,
            len: 0,
            message,
            hint,
        }
    }

    /// The same, underlining one character (a tab, a quote, a bracket).
    fn one_char(self) -> Explained {
        Explained { len: 1, ..self }
    }
}

/// Where the parser stopped, and what it said.
struct Stop<'t> {
    lines: Vec<&'t str>,
    /// From 1, in the text.
    line: usize,
    /// From 0, in characters.
    col: usize,
    /// The text of `line` ("" past the end).
    this: &'t str,
    info: &'t str,
}

/// Explains the parser's `info` at `line` (from 1) and `col` (from 0).
/// `first_line` is the file line of the text's first line, for hints that
/// name another line.
pub(super) fn explain(
    text: &str,
    first_line: usize,
    line: usize,
    col: usize,
    info: &str,
) -> Explained {
    let lines: Vec<&str> = text.lines().collect();
    let this = lines.get(line.wrapping_sub(1)).copied().unwrap_or("");
    let stop = Stop {
        lines,
        line,
        col,
        this,
        info,
    };
    if let Some(explained) = scanner_words(&stop)
        .or_else(|| flow::flow_problem(&stop.lines, line, col))
        .or_else(|| on_the_line(&stop))
    {
        return explained;
    }
    if INDENTATION.iter().any(|words| info.contains(words))
        && (1..=stop.lines.len()).contains(&line)
    {
        return indentation(&stop.lines, line, first_line.max(1) - 1);
    }
    Explained::new(
        line,
        col,
        "this is not valid YAML".into(),
        GENERAL_HINT.into(),
    )
}

/// Mistakes the scanner names itself: nesting, a tab, a quote.
fn scanner_words(stop: &Stop) -> Option<Explained> {
    let Stop {
        line, col, info, ..
    } = *stop;
    // The scanner reads up to 255 brackets ahead before the tree's own
    // depth limit sees the 65th.
    if info.contains("recursion limit") {
        return Some(Explained::new(
            line,
            col,
            super::too_deep(),
            super::TOO_DEEP_HINT.into(),
        ));
    }
    if info.contains("tab") {
        let (line, col) = find_tab(&stop.lines, line).unwrap_or((line, col));
        let message = "a tab is used where YAML allows only spaces";
        let hint = "indent with spaces, never tabs (many editors can turn tabs into spaces)";
        return Some(Explained::new(line, col, message.into(), hint.into()).one_char());
    }
    if info.contains("quoted scalar") && !info.contains("trailing") {
        let quote = char_at(stop.this, col)
            .filter(|c| matches!(c, '"' | '\''))
            .unwrap_or('"');
        let message = format!("the quote `{quote}` that starts this value is not closed");
        let hint = format!(
            "end the value with a matching `{quote}` on the same line, or remove the opening one"
        );
        return Some(Explained::new(line, col, message, hint).one_char());
    }
    info.contains("trailing content after").then(|| {
        Explained::new(
            line,
            col,
            "text follows the closing quote of a quoted value".into(),
            format!(
                "quote the whole value, e.g. {}, or remove the quotes",
                quoted_example(stop.this)
            ),
        )
    })
}

/// Mistakes seen in the line itself: `: ` in a value, a list after its
/// key, a special first character.
fn on_the_line(stop: &Stop) -> Option<Explained> {
    let Stop {
        line,
        col,
        this,
        info,
        ..
    } = *stop;
    let before: String = this.chars().take(col).collect();
    let has_key_before = value_start(&before).is_some();
    if info.contains("mapping values are not allowed") && has_key_before {
        return Some(Explained::new(
            line,
            col,
            "the value contains `: `, which YAML reads as the start of another key".into(),
            format!("put the value in quotes: {}", quoted_example(this)),
        ));
    }
    if info.contains("block sequence entries are not allowed") && has_key_before {
        return Some(Explained::new(
            line,
            col,
            "a list cannot start on the same line as its key".into(),
            "put each item on a line of its own under the key, starting with `- `, or quote the value if it is text".into(),
        ));
    }
    let special = char_at(this, col).filter(|c| SPECIAL.contains(*c))?;
    let names_it = [
        "unexpected character",
        "anchor",
        "alias",
        "block scalar",
        "cannot start any token",
    ]
    .iter()
    .any(|words| info.contains(words));
    names_it.then(|| {
        Explained::new(
            line,
            col,
            format!("YAML gives `{special}` a special meaning at the start of a value"),
            format!("put the value in quotes: {}", quoted_example(this)),
        )
    })
}

/// Characters that mean something at the start of a plain value.
const SPECIAL: &str = "@`%*&!|>";

/// The parser's words for a line that does not line up with its neighbours.
const INDENTATION: [&str; 5] = [
    "did not find expected key",
    "did not find expected '-' indicator",
    "mapping values are not allowed",
    "block sequence entries are not allowed",
    "invalid indentation",
];

fn char_at(line: &str, col: usize) -> Option<char> {
    line.chars().nth(col)
}

/// The first tab on `line` (from 1) or the few lines after it: the parser
/// may stop at the value before the line the tab indents.
fn find_tab(lines: &[&str], line: usize) -> Option<(usize, usize)> {
    (line.max(1)..=line + 2).find_map(|n| {
        let text = lines.get(n - 1)?;
        text.chars().position(|c| c == '\t').map(|col| (n, col))
    })
}

/// Where the value of the `key: ` that `line` holds starts (in characters,
/// after any `- ` list markers), when it holds one.
fn value_start(line: &str) -> Option<usize> {
    let chars: Vec<char> = line.chars().collect();
    let mut i = skip_markers(&chars);
    if matches!(chars.get(i), Some('"' | '\'' | '[' | '{' | '#') | None) {
        return None;
    }
    while i < chars.len() {
        if chars[i] == ':' && chars.get(i + 1).is_none_or(|c| c.is_whitespace()) {
            let mut j = i + 1;
            while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            return Some(j);
        }
        if chars[i] == '#' && i > 0 && chars[i - 1].is_whitespace() {
            return None;
        }
        i += 1;
    }
    None
}

/// The index after the indentation and any `- ` list markers.
fn skip_markers(chars: &[char]) -> usize {
    let mut i = 0;
    loop {
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
        if chars.get(i) == Some(&'-') && chars.get(i + 1).is_none_or(|c| c.is_whitespace()) {
            i += 1;
        } else {
            return i;
        }
    }
}

/// `key: "the value"` for the line's `key: value` (comment dropped), quoted
/// so that YAML reads it as text whatever it holds.
fn quoted_example(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let key_start = skip_markers(&chars);
    let Some(start) = value_start(line) else {
        return "`\"...\"`".into();
    };
    let key: String = chars[key_start..start].iter().collect();
    let value: String = chars[start..].iter().collect();
    let value = match value.find(" #") {
        Some(comment) => &value[..comment],
        None => value.as_str(),
    }
    .trim_end();
    let quoted = if value.contains('"') || value.contains('\\') {
        format!("'{}'", value.replace('\'', "''"))
    } else {
        format!("\"{value}\"")
    };
    format!("`{}{quoted}`", key.trim_end().to_string() + " ")
}

/// A line that does not line up: names the column of the nearest line above
/// that it should match (its file line is `offset` more than its index),
/// pointing at the line's first character.
fn indentation(lines: &[&str], line: usize, offset: usize) -> Explained {
    let text = lines[line - 1];
    let chars: Vec<char> = text.chars().collect();
    let col = chars.iter().take_while(|c| **c == ' ').count();
    let item = chars.get(col) == Some(&'-');
    let above = lines[..line - 1]
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .find_map(|(index, l)| {
            let chars: Vec<char> = l.chars().collect();
            let indent = chars.iter().take_while(|c| **c == ' ').count();
            let starts_item = chars.get(indent) == Some(&'-');
            match (item, starts_item) {
                (true, true) => Some((index + 1 + offset, indent)),
                (true, false) => None,
                (false, _) => Some((index + 1 + offset, skip_markers(&chars))),
            }
        });
    let hint = match above {
        Some((n, c)) if item => format!(
            "the list item on line {n} starts at column {}: start this `- ` at the same column to add to that list; use spaces only",
            c + 1
        ),
        Some((n, c)) => format!(
            "the key on line {n} is at column {}: put this line's key at the same column to add it to that mapping, or further left to end it; use spaces only",
            c + 1
        ),
        None => GENERAL_HINT.into(),
    };
    Explained {
        line,
        col,
        len: 0,
        message: "the indentation of this line does not line up with the lines above".into(),
        hint,
    }
}

#[cfg(test)]
mod tests {
    use crate::yaml::{YamlError, parse};

    /// The error of `doc` (front matter starting on file line 2), with its
    /// place as (line, column).
    fn error(doc: &str) -> (YamlError, (usize, usize)) {
        let err = parse(doc, 2).expect_err("invalid");
        let at = (err.pos.line, err.pos.col);
        for words in [
            "while parsing",
            "while scanning",
            "did not find",
            "indicator",
            "scalar",
        ] {
            assert!(!err.message.contains(words), "parser words: {err:?}");
        }
        (err, at)
    }

    #[test]
    fn a_key_out_of_line_names_the_column_it_should_have() {
        let (err, at) = error("title: x\ngoals:\n  - id: a\n   title: b\n");
        assert_eq!(at, (5, 4), "{err:?}");
        assert!(err.message.contains("indentation"), "{err:?}");
        assert!(err.hint.contains("key on line 4 is at column 5"), "{err:?}");
    }

    #[test]
    fn a_list_item_out_of_line_names_the_list_it_should_join() {
        let (err, at) = error("pairs:\n  - id: a\n    mentor: b\n - id: c\n");
        assert_eq!(at, (5, 2), "{err:?}");
        assert!(
            err.hint.contains("list item on line 3 starts at column 3"),
            "{err:?}"
        );
    }

    #[test]
    fn a_tab_is_named_where_it_is() {
        let (err, at) = error("title: x\n\tweight: 2\n");
        assert_eq!(at, (3, 1), "{err:?}");
        assert!(err.message.contains("tab"), "{err:?}");
        assert!(err.hint.contains("spaces"), "{err:?}");
        let (err, at) = error("goals:\n\t- id: a\n");
        assert_eq!(at, (3, 1), "{err:?}");
        assert!(err.message.contains("tab"), "{err:?}");
    }

    #[test]
    fn a_colon_in_a_value_is_told_to_be_quoted() {
        let (err, at) = error("title: Mentoring: how to  # the first\n");
        assert_eq!(at, (2, 17), "{err:?}");
        assert!(err.message.contains("contains `: `"), "{err:?}");
        assert!(
            err.hint.contains(r#"`title: "Mentoring: how to"`"#),
            "{err:?}"
        );
        let (err, _) = error("goals:\n  - title: Say \"hi\": now\n");
        assert!(err.hint.contains(r#"`title: 'Say "hi": now'`"#), "{err:?}");
    }

    #[test]
    fn an_unclosed_quote_points_at_the_opening_quote() {
        let (err, at) = error("a: 1\ntitle: \"abc\n");
        assert_eq!(at, (3, 8), "{err:?}");
        assert!(err.message.contains("not closed"), "{err:?}");
        let (err, at) = error("title: 'abc\nweight: 2\n");
        assert_eq!(at, (2, 8), "{err:?}");
        assert!(err.hint.contains("matching `'`"), "{err:?}");
    }

    #[test]
    fn text_after_a_quoted_value_is_told_to_be_quoted_whole() {
        let (err, _) = error("title: \"Draft\" plan\n");
        assert!(err.message.contains("follows the closing quote"), "{err:?}");
        assert!(err.hint.contains(r#"`title: '"Draft" plan'`"#), "{err:?}");
    }

    #[test]
    fn an_unclosed_bracket_points_at_the_bracket() {
        let (err, at) = error("a: 1\ntags: [a, b\ntitle: x\nc: 2\n");
        assert_eq!(at, (3, 7), "{err:?}");
        assert!(
            err.message
                .contains("`[` that starts this list is not closed"),
            "{err:?}"
        );
        let (err, at) = error("m: {a: 1\n");
        assert_eq!(at, (2, 4), "{err:?}");
        assert!(err.hint.contains("`}`"), "{err:?}");
        // At the end of the document, where the parser gives up.
        let (_, at) = error("tags: [a, b\n");
        assert_eq!(at, (2, 7));
    }

    #[test]
    fn text_starting_with_a_bracket_is_told_to_be_quoted() {
        let (err, at) = error("title: [Draft] plan\n");
        assert_eq!(at, (2, 16), "{err:?}");
        assert!(err.hint.contains(r#"`title: "[Draft] plan"`"#), "{err:?}");
    }

    #[test]
    fn a_special_first_character_is_told_to_be_quoted() {
        for (doc, c) in [
            ("title: @home\n", '@'),
            ("title: `code`\n", '`'),
            ("title: *bold*\n", '*'),
            ("title: & co\n", '&'),
        ] {
            let (err, at) = error(doc);
            assert_eq!(at, (2, 8), "{err:?}");
            assert!(err.message.contains(&format!("`{c}`")), "{err:?}");
            assert!(err.hint.contains("put the value in quotes"), "{err:?}");
        }
    }

    #[test]
    fn a_list_on_its_key_line_is_told_to_move() {
        let (err, _) = error("topics: - a\n");
        assert!(err.message.contains("same line as its key"), "{err:?}");
    }

    #[test]
    fn brackets_inside_block_text_and_quotes_are_not_taken_for_lists() {
        let (err, at) = error("notes: |\n  [not a list\ntitle: \"open\n");
        assert!(err.message.contains("quote"), "{err:?}");
        assert_eq!(at, (4, 8));
        let (err, _) = error("tags: [\"a]\", b\nc: 1\n");
        assert!(err.message.contains("`[`"), "{err:?}");
    }
}
