//! The part of a source line the human format quotes, and where its caret
//! goes. Each file is split into lines once, however many problems it has;
//! a line longer than a terminal (minified data, a generated table, 10,000
//! links on one line) is cut to a window around the problem, with the
//! character offsets of that line found once, so a problem costs the same
//! whatever the length of its line.

use super::Span;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// Lines with more bytes than this are quoted in part.
const LONG: usize = 200;
/// When a line is cut: characters kept before the problem, and in all.
const BEFORE: usize = 40;
const WINDOW: usize = 100;
const CUT: &str = "...";

/// What to quote for one problem.
pub(super) struct Quote<'a> {
    pub text: Cow<'a, str>,
    /// The bytes of `text` to underline (at least one character when the
    /// text has one).
    pub caret: Range<usize>,
    /// When the line was cut: the column the snippet renderer will print
    /// (it counts from the start of `text`), to be replaced by the span's.
    pub shown_col: Option<usize>,
}

/// Source lines by file, and the character offsets of long lines.
pub(super) struct Sources<'a, 'f> {
    source_of: &'f dyn Fn(&str) -> Option<&'a str>,
    lines: HashMap<std::sync::Arc<str>, Vec<&'a str>>,
    long: HashMap<(std::sync::Arc<str>, usize), Vec<usize>>,
}

impl<'a, 'f> Sources<'a, 'f> {
    pub fn new(source_of: &'f dyn Fn(&str) -> Option<&'a str>) -> Self {
        Sources {
            source_of,
            lines: HashMap::new(),
            long: HashMap::new(),
        }
    }

    /// The quote for `span`, or `None` when its line is not in the source.
    pub fn quote(&mut self, span: &Span) -> Option<Quote<'a>> {
        if !self.lines.contains_key(&span.file) {
            let lines = (self.source_of)(&span.file).map_or_else(Vec::new, |s| s.lines().collect());
            self.lines.insert(span.file.clone(), lines);
        }
        let text = *self.lines.get(&span.file)?.get(span.line.checked_sub(1)?)?;
        if text.len() <= LONG {
            return Some(whole(text, span));
        }
        let key = (span.file.clone(), span.line);
        let starts = self
            .long
            .entry(key)
            .or_insert_with(|| text.char_indices().map(|(i, _)| i).collect());
        Some(window(text, starts, span))
    }
}

/// A line short enough to quote whole.
fn whole<'a>(text: &'a str, span: &Span) -> Quote<'a> {
    let start = byte_of_col(text, span.col);
    let end = match span.len {
        0 => token_end(text, start),
        len => byte_of_col(text, span.col + len).max(start),
    };
    Quote {
        text: Cow::Borrowed(text),
        caret: start..end,
        shown_col: None,
    }
}

/// Up to `WINDOW` characters of a long line around the span's column;
/// `starts` holds the byte offset of each of the line's characters.
fn window<'a>(text: &'a str, starts: &[usize], span: &Span) -> Quote<'a> {
    let chars = starts.len();
    let byte = |c: usize| starts.get(c).copied().unwrap_or(text.len());
    let col = (span.col - 1).min(chars);
    let from = col.saturating_sub(BEFORE);
    let to = (from + WINDOW).min(chars);
    let prefix = if from > 0 { CUT } else { "" };
    let middle = &text[byte(from)..byte(to)];
    let start = prefix.len() + byte(col) - byte(from);
    let end = match span.len {
        0 => prefix.len() + token_end(middle, byte(col) - byte(from)),
        len => prefix.len() + byte((col + len).min(to)) - byte(from),
    };
    let mut quoted = String::with_capacity(middle.len() + 2 * CUT.len());
    quoted.push_str(prefix);
    quoted.push_str(middle);
    if to < chars {
        quoted.push_str(CUT);
    }
    let shown = prefix.len() + col - from + 1;
    Quote {
        text: Cow::Owned(quoted),
        caret: start..end.max(start),
        shown_col: (shown != span.col).then_some(shown),
    }
}

fn byte_of_col(text: &str, col: usize) -> usize {
    text.char_indices()
        .nth(col.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i)
}

/// Underlines the word or value starting at `start` (at least one character).
fn token_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let len: usize = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || matches!(c, ':' | ',' | ']' | '}' | ')'))
        .map_or(rest.len(), |(i, _)| i);
    if len == 0 {
        start + rest.chars().next().map_or(0, char::len_utf8)
    } else {
        start + len
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_quoted_around_the_problem() {
        let line = format!("{}[bad](x.md){}", "é".repeat(300), "y".repeat(300));
        let span = Span::new("a.md", 1, 301).with_len(11);
        let quote = window(
            &line,
            &line.char_indices().map(|(i, _)| i).collect::<Vec<_>>(),
            &span,
        );
        assert!(quote.text.starts_with("...éé"), "{}", quote.text);
        assert!(quote.text.ends_with("yy..."), "{}", quote.text);
        assert_eq!(&quote.text[quote.caret.clone()], "[bad](x.md)");
        assert_eq!(quote.text.chars().count(), WINDOW + 2 * CUT.len());
        assert_eq!(quote.shown_col, Some(CUT.len() + BEFORE + 1));
    }

    #[test]
    fn the_start_of_a_long_line_is_quoted_from_its_first_character() {
        let line = "x".repeat(500);
        let span = Span::new("a.md", 1, 3);
        let quote = window(&line, &(0..500).collect::<Vec<_>>(), &span);
        assert_eq!(quote.text.len(), WINDOW + CUT.len());
        assert_eq!(quote.caret, 2..WINDOW);
        assert_eq!(quote.shown_col, None);
    }
}
