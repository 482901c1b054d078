//! Flow collections (`[a, b]`, `{a: 1}`) around a parser error: a bracket
//! left open on an earlier line, or text after a closed one (`title: [Draft]
//! plan`), which the parser reports only where it gives up.

use super::{Explained, quoted_example, skip_markers, value_start};

/// An unclosed `[` or `{` before the error, or text after a closed one on
/// the error's line (`title: [draft] plan`).
pub(super) fn flow_problem(lines: &[&str], line: usize, col: usize) -> Option<Explained> {
    let mut open: Vec<(char, usize, usize)> = Vec::new();
    // The indentation of a `key: |` whose more indented lines are text.
    let mut block_text: Option<usize> = None;
    for (index, text) in lines.iter().enumerate().take(line) {
        let n = index + 1;
        let chars: Vec<char> = text.chars().collect();
        let indent = chars.iter().take_while(|c| **c == ' ').count();
        if let Some(block) = block_text {
            if indent > block || text.trim().is_empty() {
                continue;
            }
            block_text = None;
        }
        let end = if n == line {
            col.min(chars.len())
        } else {
            chars.len()
        };
        let mut i = if open.is_empty() {
            let start = value_start(text).unwrap_or_else(|| skip_markers(&chars));
            match chars.get(start) {
                Some('[' | '{') => start,
                Some('|' | '>') => {
                    block_text = Some(indent);
                    continue;
                }
                _ => continue,
            }
        } else {
            0
        };
        let mut token_start = true;
        while i < end {
            let c = chars[i];
            match c {
                '[' | '{' => open.push((c, n, i)),
                ']' | '}' => {
                    open.pop();
                    if open.is_empty() {
                        if let Some(problem) = text_after(&chars, i + 1, n, line, c) {
                            return Some(problem);
                        }
                        break;
                    }
                }
                '"' | '\'' if token_start => i = skip_quoted(&chars, i),
                '#' if i > 0 && chars[i - 1] == ' ' => break,
                _ => {}
            }
            token_start = matches!(c, '[' | '{' | ',' | ':' | ' ');
            i += 1;
        }
    }
    let &(bracket, n, c) = open.first()?;
    let close = if bracket == '[' { ']' } else { '}' };
    let kind = if bracket == '[' { "list" } else { "mapping" };
    Some(Explained {
        line: n,
        col: c,
        len: 1,
        message: format!("the `{bracket}` that starts this {kind} is not closed"),
        hint: format!(
            "close the {kind} with `{close}`, or quote the value if it is text that starts with `{bracket}`"
        ),
    })
}

/// After a flow collection closed at `chars[from - 1]` on line `n`: text on
/// the error's own line means the author wrote text that starts with `[`.
fn text_after(
    chars: &[char],
    from: usize,
    n: usize,
    error_line: usize,
    close: char,
) -> Option<Explained> {
    let spaces = chars[from..]
        .iter()
        .take_while(|c| c.is_whitespace())
        .count();
    let rest: String = chars[from + spaces..].iter().collect();
    if n != error_line || rest.is_empty() || rest.starts_with('#') || rest.starts_with(',') {
        return None;
    }
    let line: String = chars.iter().collect();
    let open = if close == ']' { '[' } else { '{' };
    Some(Explained {
        line: n,
        col: from + spaces,
        len: rest.trim_end().chars().count(),
        message: format!(
            "the value starts with `{open}`, so YAML reads it as a list or mapping that ends at `{close}`, and then finds more text"
        ),
        hint: format!(
            "if the value is text, put it in quotes: {}",
            quoted_example(&line)
        ),
    })
}

/// The index of the closing quote of the quoted scalar opening at `i` (or
/// the line's end): a doubled `''` or an escaped `\"` does not close it.
fn skip_quoted(chars: &[char], i: usize) -> usize {
    let quote = chars[i];
    let mut j = i + 1;
    while j < chars.len() {
        if quote == '"' && chars[j] == '\\' {
            j += 2;
            continue;
        }
        if chars[j] == quote {
            if quote == '\'' && chars.get(j + 1) == Some(&'\'') {
                j += 2;
                continue;
            }
            return j;
        }
        j += 1;
    }
    chars.len()
}
