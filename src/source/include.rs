//! Reusable snippets: `<!-- include: ground-rules.md -->` on a line of its
//! own, outside lists and quotes, is replaced by the Markdown of
//! `snippets/ground-rules.md` before the page is scanned or rendered, so
//! headings, links, the search index and the link check all see the
//! included text as the page's own. GitHub's preview shows the comment as
//! nothing, and the page still reads.
//!
//! Expansion is a loop over an explicit stack, at most [`MAX_DEPTH`]
//! snippets deep, so no input can drive recursion. Each problem is
//! reported once, in the file where its include line is written: a page's
//! own includes when the page is expanded, a snippet's when the snippets
//! are checked on their own ([`Snippets::check`]).

use super::load::SourceFile;
use super::markdown::Scan;
use crate::diagnostic::{Code, Diagnostic, Span};
use std::borrow::Cow;
use std::collections::BTreeMap;

mod directive;
use directive::{Directive, directives, leaves_folder};

/// The site folder snippets are read from; it is never published.
pub use super::load::SNIPPETS as FOLDER;

/// How many snippets may be open inside one another.
pub const MAX_DEPTH: usize = 8;

/// How much included text one page (or snippet) may take in, in bytes,
/// each include also counting [`INCLUDE_COST`]: a snippet including
/// another ten times, eight deep, would otherwise make 10^8 copies.
pub const MAX_INCLUDED: usize = 1 << 20;
const INCLUDE_COST: usize = 64;

/// The site's snippets by their path below `snippets/` (`ground-rules.md`).
#[derive(Default)]
pub struct Snippets<'s> {
    by_name: BTreeMap<&'s str, &'s SourceFile>,
}

impl<'s> Snippets<'s> {
    pub fn new(files: &'s [SourceFile]) -> Snippets<'s> {
        let prefix = format!("{FOLDER}/");
        let by_name = files
            .iter()
            .filter_map(|f| Some((f.path.strip_prefix(&prefix)?, f)))
            .collect();
        Snippets { by_name }
    }

    /// The problems of the snippets' own include lines (a missing or bad
    /// path, a loop back to the snippet), each at its line.
    pub fn check(&self) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        for (name, file) in &self.by_name {
            let root = Frame::new(Some(name), &file.path, &file.text, 1);
            diagnostics.extend(expand_from(root, 1, self).1);
        }
        diagnostics
    }
}

/// A body with its includes replaced, and where each of its lines was
/// written.
pub struct Expanded<'a> {
    pub text: Cow<'a, str>,
    pub places: Places,
}

/// Maps the lines of an expanded body back to the file: the page's own
/// lines to where they are, included lines to the include line.
#[derive(Debug, Clone)]
pub struct Places {
    first_line: usize,
    /// Sorted by `from`; empty when nothing was included.
    segments: Vec<Segment>,
}

#[derive(Debug, Clone)]
struct Segment {
    /// The first line (1-based, of the expanded text) the segment covers.
    from: usize,
    at: At,
}

#[derive(Debug, Clone)]
enum At {
    /// The page's own lines; `from` is this file line.
    Own(usize),
    /// Included text, reported at its include line.
    Include {
        line: usize,
        col: usize,
        len: usize,
        /// The snippet's path, for messages.
        snippet: String,
    },
}

impl Places {
    /// The line to give `markdown::scan` for the expanded text.
    pub fn scan_first_line(&self) -> usize {
        if self.segments.is_empty() {
            self.first_line
        } else {
            1
        }
    }

    /// Moves what `scan` found in the expanded text to the file's places:
    /// a link written in a snippet is reported at the include line.
    pub fn apply(&self, scan: &mut Scan) {
        if self.segments.is_empty() {
            return;
        }
        for link in &mut scan.links {
            let (line, col, len) = self.place(link.line, link.col);
            (link.line, link.col) = (line, col);
            link.len = len.unwrap_or(link.len);
        }
        for heading in &mut scan.headings {
            heading.line = self.place(heading.line, 1).0;
        }
        scan.includes = self
            .segments
            .iter()
            .filter_map(|s| match &s.at {
                At::Include { line, snippet, .. } => Some((*line, snippet.clone())),
                At::Own(_) => None,
            })
            .collect();
        if let Some((line, col)) = scan.too_deep {
            let (line, col, _) = self.place(line, col);
            scan.too_deep = Some((line, col));
        }
    }

    fn place(&self, line: usize, col: usize) -> (usize, usize, Option<usize>) {
        let at = self.segments.partition_point(|s| s.from <= line);
        match self.segments.get(at.wrapping_sub(1)) {
            Some(Segment {
                from,
                at: At::Own(own),
            }) => (own + (line - from), col, None),
            Some(Segment {
                at: At::Include { line, col, len, .. },
                ..
            }) => (*line, *col, Some(*len)),
            None => (line, col, None),
        }
    }
}

/// `body` (of `file`, starting on file line `first_line`) with its
/// includes replaced, and the problems of its include lines.
pub fn expand<'a>(
    body: &'a str,
    first_line: usize,
    file: &str,
    snippets: &Snippets,
) -> (Expanded<'a>, Vec<Diagnostic>) {
    let root = Frame::new(None, file, body, first_line);
    if root.directives.is_empty() {
        let places = Places {
            first_line,
            segments: Vec::new(),
        };
        return (
            Expanded {
                text: Cow::Borrowed(body),
                places,
            },
            Vec::new(),
        );
    }
    let (text, diagnostics, segments) = expand_from(root, first_line, snippets);
    let places = Places {
        first_line,
        segments,
    };
    (
        Expanded {
            text: Cow::Owned(text),
            places,
        },
        diagnostics,
    )
}

/// One file being copied out: what is left of it and its includes.
struct Frame<'t> {
    /// Its name below `snippets/`; `None` for a page.
    name: Option<&'t str>,
    file: &'t str,
    text: &'t str,
    directives: Vec<Directive>,
    next: usize,
    /// How much of `text` is copied out.
    pos: usize,
}

impl<'t> Frame<'t> {
    fn new(name: Option<&'t str>, file: &'t str, text: &'t str, first_line: usize) -> Frame<'t> {
        Frame {
            name,
            file,
            text,
            directives: directives(text, first_line),
            next: 0,
            pos: 0,
        }
    }
}

fn expand_from(
    root: Frame,
    first_line: usize,
    snippets: &Snippets,
) -> (String, Vec<Diagnostic>, Vec<Segment>) {
    let root_file = root.file;
    let root_name = root.name;
    let mut out = String::with_capacity(root.text.len() * 2);
    let mut lines = 1;
    let mut segments = vec![Segment {
        from: 1,
        at: At::Own(first_line),
    }];
    let mut diagnostics = Vec::new();
    let mut stack = vec![root];
    // The budget spent, whether its error is given, and the root's include
    // line the current snippets were reached through (where it is given).
    let (mut spent, mut over_budget, mut entered) = (0, false, None);
    while let Some(top) = stack.last_mut() {
        let Some(directive) = top.directives.get(top.next).cloned() else {
            copy(&mut out, &top.text[top.pos..], &mut lines);
            stack.pop();
            if stack.is_empty() {
                break;
            }
            if !out.ends_with('\n') {
                copy(&mut out, "\n", &mut lines);
            }
            copy(&mut out, "\n", &mut lines);
            if let [page] = stack.as_slice() {
                let resumed = page.directives[page.next - 1].line + 1;
                segments.push(Segment {
                    from: lines,
                    at: At::Own(resumed),
                });
            }
            continue;
        };
        top.next += 1;
        copy(
            &mut out,
            &top.text[top.pos..directive.range.start],
            &mut lines,
        );
        top.pos = directive.range.end;
        let in_root = stack.len() == 1;
        let span = || {
            Span::new(
                stack.last().map_or(root_file, |f| f.file),
                directive.line,
                directive.col,
            )
            .with_len(directive.len)
        };
        let name = directive.name.as_str();
        if leaves_folder(name) {
            if in_root {
                diagnostics.push(bad_path(span(), name));
            }
            continue;
        }
        let Some((&known, file)) = snippets.by_name.get_key_value(name) else {
            if in_root {
                diagnostics.push(unknown(span(), name, snippets));
            }
            continue;
        };
        if stack.iter().any(|f| f.name == Some(known)) {
            if root_name == Some(known) {
                let chain: Vec<&str> = stack.iter().filter_map(|f| f.name).collect();
                diagnostics.push(include_loop(span(), &chain, known));
            }
            continue;
        }
        if stack.len() > MAX_DEPTH {
            if root_name.is_some() {
                let chain: Vec<&str> = stack.iter().filter_map(|f| f.name).collect();
                diagnostics.push(too_deep(span(), &chain));
            }
            continue;
        }
        spent += file.text.len() + INCLUDE_COST;
        if spent > MAX_INCLUDED {
            if !over_budget {
                over_budget = true;
                diagnostics.push(too_large(entered.clone().unwrap_or_else(span)));
            }
            continue;
        }
        if in_root {
            entered = Some(span());
            segments.push(Segment {
                from: lines,
                at: At::Include {
                    line: directive.line,
                    col: directive.col,
                    len: directive.len,
                    snippet: file.path.clone(),
                },
            });
        }
        copy(&mut out, "\n", &mut lines);
        stack.push(Frame::new(Some(known), &file.path, &file.text, 1));
    }
    (out, diagnostics, segments)
}

/// Appends `text`, counting the lines it adds.
fn copy(out: &mut String, text: &str, lines: &mut usize) {
    out.push_str(text);
    *lines += text.bytes().filter(|b| *b == b'\n').count();
}

fn bad_path(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error(
        Code::BadInclude,
        span,
        format!("the include path `{name}` leaves {FOLDER}/"),
    )
    .with_hint(format!(
        "write the path below {FOLDER}/, without `..`, `.` or a leading `/`: `<!-- include: ground-rules.md -->`"
    ))
}

fn unknown(span: Span, name: &str, snippets: &Snippets) -> Diagnostic {
    let known: Vec<&str> = snippets.by_name.keys().copied().collect();
    let hint = match crate::suggest::did_you_mean(name, &known) {
        Some(meant) => format!("did you mean `{meant}`?"),
        None => {
            format!("add {FOLDER}/{name} (a Markdown file), or name one of the files in {FOLDER}/")
        }
    };
    Diagnostic::error(
        Code::UnknownSnippet,
        span,
        format!("no snippet `{name}` in {FOLDER}/"),
    )
    .with_hint(hint)
}

fn include_loop(span: Span, chain: &[&str], again: &str) -> Diagnostic {
    Diagnostic::error(
        Code::IncludeLoop,
        span,
        format!(
            "snippets include each other in a loop: {} -> {again}",
            chain.join(" -> ")
        ),
    )
    .with_hint("remove one of these includes: each would repeat the others forever")
}

fn too_large(span: Span) -> Diagnostic {
    Diagnostic::error(
        Code::BadInclude,
        span,
        format!(
            "includes add more than {} MB to this file",
            MAX_INCLUDED >> 20
        ),
    )
    .with_hint("include each snippet fewer times, or split the page")
}

fn too_deep(span: Span, chain: &[&str]) -> Diagnostic {
    Diagnostic::error(
        Code::BadInclude,
        span,
        format!(
            "includes nest more than {MAX_DEPTH} deep: {}",
            chain.join(" -> ")
        ),
    )
    .with_hint("include the inner snippets from the page instead of from each other")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::markdown;

    fn files(list: &[(&str, &str)]) -> Vec<SourceFile> {
        list.iter()
            .map(|(path, text)| SourceFile {
                path: format!("{FOLDER}/{path}"),
                text: (*text).into(),
            })
            .collect()
    }

    #[test]
    fn includes_are_replaced_and_lines_map_back() {
        let files = files(&[("rules.md", "Be kind.\n\n[faq](faq.md)\n")]);
        let snippets = Snippets::new(&files);
        let body = "Intro\n\n<!-- include: rules.md -->\n[after](x.md)\n\n```\n<!-- include: rules.md -->\n```\n";
        let (expanded, problems) = expand(body, 5, "content/a.md", &snippets);
        assert!(problems.is_empty());
        assert_eq!(
            expanded.text.matches("Be kind.").count(),
            1,
            "{}",
            expanded.text
        );
        let mut scan = markdown::scan(&expanded.text, expanded.places.scan_first_line());
        expanded.places.apply(&mut scan);
        let places: Vec<_> = scan
            .links
            .iter()
            .map(|l| (l.dest.as_str(), l.line, l.col, l.len))
            .collect();
        assert_eq!(places, [("faq.md", 7, 1, 26), ("x.md", 8, 9, 4)]);
    }

    #[test]
    fn includes_multiplying_past_the_budget_stop_with_one_error() {
        let ten = |name: &str| format!("<!-- include: {name} -->\n\n").repeat(10);
        let mut list: Vec<(String, String)> = (0..8)
            .map(|i| (format!("s{i}.md"), ten(&format!("s{}.md", i + 1))))
            .collect();
        list.push(("s8.md".into(), "x".repeat(100)));
        let refs: Vec<(&str, &str)> = list.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let files = files(&refs);
        let snippets = Snippets::new(&files);
        let (expanded, problems) =
            expand("<!-- include: s0.md -->\n", 4, "content/p.md", &snippets);
        assert!(expanded.text.len() < 2 * MAX_INCLUDED);
        let seen: Vec<String> = problems
            .iter()
            .map(|d| format!("{}:{} {}", d.span.file, d.span.line, d.code))
            .collect();
        assert_eq!(seen, ["content/p.md:4 bad-include"]);
    }

    #[test]
    fn missing_bad_and_looping_includes_are_reported_where_written() {
        let files = files(&[
            ("a.md", "<!-- include: b.md -->\n"),
            ("b.md", "B\n\n<!-- include: a.md -->\n"),
            ("ground-rules.md", "Rules\n"),
        ]);
        let snippets = Snippets::new(&files);
        let body = "<!-- include: ground-rule.md -->\n\n  <!-- include: ../x.md -->\n\n<!-- include: a.md -->\n";
        let (expanded, problems) = expand(body, 3, "content/p.md", &snippets);
        let seen: Vec<String> = problems
            .iter()
            .map(|d| format!("{}:{}:{} {}", d.span.file, d.span.line, d.span.col, d.code))
            .collect();
        assert_eq!(
            seen,
            [
                "content/p.md:3:1 unknown-snippet",
                "content/p.md:5:3 bad-include"
            ]
        );
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("did you mean `ground-rules.md`?")
        );
        assert!(expanded.text.contains('B'));
        let loops: Vec<String> = snippets
            .check()
            .iter()
            .map(|d| format!("{}:{} {}", d.span.file, d.span.line, d.message))
            .collect();
        assert_eq!(
            loops,
            [
                "snippets/b.md:3 snippets include each other in a loop: a.md -> b.md -> a.md",
                "snippets/a.md:1 snippets include each other in a loop: b.md -> a.md -> b.md",
            ]
        );
    }
}
