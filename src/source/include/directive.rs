//! Finding include lines: `<!-- include: name.md -->` alone on its line,
//! at the top level of a Markdown text.

use crate::source::markdown;
use pulldown_cmark::{Event, Parser, Tag};
use std::ops::Range;

/// An include line: where it is and the path it names.
#[derive(Clone)]
pub(super) struct Directive {
    /// The whole line, its `\n` included.
    pub(super) range: Range<usize>,
    pub(super) name: String,
    /// File line and column of its `<!--`, and its length in characters.
    pub(super) line: usize,
    pub(super) col: usize,
    pub(super) len: usize,
}

/// The include lines of `text`: comments alone on their line, at the top
/// level of the document (not in a list, quote or code block).
pub(super) fn directives(text: &str, first_line: usize) -> Vec<Directive> {
    let mut found = Vec::new();
    if !text.contains("include:") {
        return found;
    }
    let mut depth = 0usize;
    let mut block: Option<(usize, Vec<Range<usize>>)> = None;
    // Lines are counted forward from the last include, once over the text.
    let (mut counted, mut line_in) = (0, 0);
    for (event, range) in Parser::new_ext(text, markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                block = (depth == 0).then(|| (range.start, Vec::new()));
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                let Some((start, lines)) = block.take() else {
                    continue;
                };
                let [_] = lines.as_slice() else { continue };
                let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
                let line_end = text[start..]
                    .find('\n')
                    .map_or(text.len(), |at| start + at + 1);
                let written = text[line_start..line_end].trim();
                let Some(name) = include_name(written) else {
                    continue;
                };
                line_in += text[counted..line_start].matches('\n').count();
                counted = line_start;
                let lead = &text[line_start..line_end];
                let indent = lead.len() - lead.trim_start().len();
                found.push(Directive {
                    range: line_start..line_end,
                    name: name.to_string(),
                    line: first_line + line_in,
                    col: lead[..indent].chars().count() + 1,
                    len: written.chars().count(),
                });
            }
            Event::Html(_) => {
                if let Some((_, lines)) = block.as_mut() {
                    lines.push(range);
                }
            }
            _ => {}
        }
    }
    found
}

/// `ground-rules.md` of `<!-- include: ground-rules.md -->`.
fn include_name(written: &str) -> Option<&str> {
    let inner = written.strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    let name = inner.strip_prefix("include:")?.trim();
    (!name.is_empty()).then_some(name)
}

/// A path that could leave `snippets/` or mean different files on
/// different systems.
pub(super) fn leaves_folder(name: &str) -> bool {
    name.starts_with('/')
        || name.contains(['\\', ':'])
        || name
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
}
