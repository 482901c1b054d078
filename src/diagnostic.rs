//! Problems found in a playbook, each tied to a place in a file, and the
//! four ways `check` prints them (human, GitHub annotations, GitLab Code
//! Quality, JSON).

mod code;
mod snippet;

pub use code::Code;

use serde::Serialize;
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// Information that never fails `check`: a rule a pair is allowed to
    /// break, with the reason given (a reporting-line exception).
    Note,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }

    /// The word of GitHub's workflow command (`::notice` for a note).
    fn github(self) -> &'static str {
        match self {
            Severity::Note => "notice",
            other => other.label(),
        }
    }
}

/// A place in a source file: `path` is relative to the site folder and uses
/// `/`, lines and columns count from 1, columns in characters. `len` is how
/// many characters the offending text spans on that line (0: unknown); only
/// the human format uses it, to underline exactly that text.
///
/// Spans are equal and ordered by their place alone, so sorting and
/// de-duplicating diagnostics never depend on how much was underlined.
#[derive(Debug, Clone, Serialize)]
pub struct Span {
    /// Shared: a file's spans are cloned with what they locate (at 5,000
    /// pairs, `serve` clones every pair and session of the rosters an
    /// edit left alone, spans and all).
    pub file: std::sync::Arc<str>,
    pub line: usize,
    pub col: usize,
    #[serde(skip)]
    pub len: usize,
}

impl Span {
    pub fn new(file: impl AsRef<str>, line: usize, col: usize) -> Span {
        Span {
            file: std::sync::Arc::from(file.as_ref()),
            line: line.max(1),
            col: col.max(1),
            len: 0,
        }
    }

    /// For problems about a whole file (unreadable, empty, ...).
    pub fn file(file: impl AsRef<str>) -> Span {
        Span::new(file, 1, 1)
    }

    /// The same place, spanning `len` characters (0: unknown).
    pub fn with_len(mut self, len: usize) -> Span {
        self.len = len;
        self
    }

    fn place(&self) -> (&str, usize, usize) {
        (&self.file, self.line, self.col)
    }
}

impl PartialEq for Span {
    fn eq(&self, other: &Span) -> bool {
        self.place() == other.place()
    }
}

impl Eq for Span {}

impl PartialOrd for Span {
    fn partial_cmp(&self, other: &Span) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Span {
    fn cmp(&self, other: &Span) -> std::cmp::Ordering {
        self.place().cmp(&other.place())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The rule broken; serialised as its stable, kebab-case name.
    pub code: Code,
    #[serde(flatten)]
    pub span: Span,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            span,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn note(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(code, span, message)
        }
    }

    pub fn with_severity(mut self, severity: Severity) -> Diagnostic {
        self.severity = severity;
        self
    }
}

/// Errors first, then warnings, then notes; each group by file, line and column, so a
/// contributor reads them top to bottom like the files themselves.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics
        .sort_by(|a, b| (a.severity, &a.span, &a.message).cmp(&(b.severity, &b.span, &b.message)));
    diagnostics.dedup();
}

pub fn count(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Github,
    /// GitLab's Code Quality report (JSON), shown on merge requests.
    Gitlab,
    Json,
}

/// Renders diagnostics in `format`. `source_of` returns a file's text (as
/// loaded) so the human format can quote the offending line.
pub fn render<'a>(
    diagnostics: &[Diagnostic],
    format: Format,
    source_of: &dyn Fn(&str) -> Option<&'a str>,
) -> String {
    match format {
        Format::Human => render_human(diagnostics, source_of),
        Format::Github => render_github(diagnostics),
        Format::Gitlab => render_gitlab(diagnostics),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(diagnostics).unwrap_or_default();
            json.push('\n');
            json
        }
    }
}

fn render_human<'a>(
    diagnostics: &[Diagnostic],
    source_of: &dyn Fn(&str) -> Option<&'a str>,
) -> String {
    use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
    let renderer = Renderer::plain();
    let mut out = String::new();
    let mut sources = snippet::Sources::new(source_of);
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Note => Level::NOTE,
        };
        let title = level
            .clone()
            .primary_title(d.message.as_str())
            .id(d.code.as_str());
        let quote = sources.quote(&d.span);
        let mut report = Vec::new();
        match &quote {
            Some(quote) => report.push(
                title.element(
                    Snippet::source(quote.text.as_ref())
                        .line_start(d.span.line)
                        .path(&*d.span.file)
                        .annotation(AnnotationKind::Primary.span(quote.caret.clone())),
                ),
            ),
            None => report.push(
                title.element(
                    Snippet::<annotate_snippets::Annotation>::source("")
                        .line_start(d.span.line)
                        .path(&*d.span.file),
                ),
            ),
        }
        if let Some(hint) = &d.hint {
            report.push(Group::with_title(
                Level::HELP.secondary_title(hint.as_str()),
            ));
        }
        let mut rendered = renderer.render(&report);
        // A cut line starts later than the line does: the renderer counts
        // the caret's column from the cut, the file's column is the span's.
        if let Some(shown) = quote.and_then(|q| q.shown_col)
            && let Some(arrow) = rendered.find("--> ")
        {
            let place = |col| format!("--> {}:{}:{col}", d.span.file, d.span.line);
            let fixed = rendered[arrow..].replacen(&place(shown), &place(d.span.col), 1);
            rendered.replace_range(arrow.., &fixed);
        }
        let _ = writeln!(out, "{rendered}\n");
    }
    let errors = count(diagnostics, Severity::Error);
    let warnings = count(diagnostics, Severity::Warning);
    let notes = count(diagnostics, Severity::Note);
    let _ = writeln!(out, "{}", summary(errors, warnings, notes));
    out
}

/// "2 errors, 1 warning", with ", 1 note" only when there are notes.
pub fn summary(errors: usize, warnings: usize, notes: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut text = format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    if notes > 0 {
        text.push_str(&format!(", {}", plural(notes, "note")));
    }
    text
}

/// GitHub workflow commands: each line becomes an annotation on the pull
/// request's diff. Messages are escaped as the runner expects.
fn render_github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let mut message = d.message.clone();
        if let Some(hint) = &d.hint {
            message.push_str("\nhint: ");
            message.push_str(hint);
        }
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},title={}::{}",
            d.severity.github(),
            escape_property(&d.span.file),
            d.span.line,
            d.span.col,
            escape_property(d.code.as_str()),
            escape_data(&message)
        );
    }
    out
}

/// GitLab Code Quality: `[{description, check_name, fingerprint, severity,
/// location: {path, lines: {begin}}}]`. The fingerprint identifies a problem
/// across pipelines, so GitLab can tell new problems from fixed ones.
fn render_gitlab(diagnostics: &[Diagnostic]) -> String {
    let issues: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            let description = match &d.hint {
                Some(hint) => format!("{} ({hint})", d.message),
                None => d.message.clone(),
            };
            serde_json::json!({
                "description": description,
                "check_name": d.code.as_str(),
                "fingerprint": fingerprint(&[d.code.as_str(), &d.span.file, &d.message]),
                "severity": match d.severity { Severity::Error => "major", Severity::Warning => "minor", Severity::Note => "info" },
                "location": { "path": d.span.file, "lines": { "begin": d.span.line } },
            })
        })
        .collect();
    let mut json = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".into());
    json.push('\n');
    json
}

/// FNV-1a, 64 bits, as hex: stable across runs and platforms.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_format_escapes_newlines_and_separators() {
        let d = Diagnostic::error(
            Code::BadValue,
            Span::new("content/a,b.md", 3, 7),
            "bad\nthing",
        )
        .with_hint("fix: it");
        let out = render_github(&[d]);
        assert_eq!(
            out,
            "::error file=content/a%2Cb.md,line=3,col=7,title=bad-value::bad%0Athing%0Ahint: fix: it\n"
        );
    }

    #[test]
    fn notes_are_notices_on_github_and_counted_apart() {
        let note = Diagnostic::note(Code::ReportingLine, Span::new("a.md", 4, 2), "allowed");
        assert_eq!(
            render_github(std::slice::from_ref(&note)),
            "::notice file=a.md,line=4,col=2,title=reporting-line::allowed\n"
        );
        let out = render_human(std::slice::from_ref(&note), &|_| Some("a\nb\nc\nxy: z\n"));
        assert!(out.contains("note[reporting-line]: allowed"), "{out}");
        assert!(out.contains("0 errors, 0 warnings, 1 note"), "{out}");
        assert!(render_gitlab(&[note]).contains("\"severity\": \"info\""));
        assert_eq!(summary(1, 2, 0), "1 error, 2 warnings");
    }

    #[test]
    fn errors_sort_before_warnings_then_by_place() {
        let mut ds = vec![
            Diagnostic::note(Code::ReportingLine, Span::new("a.md", 1, 1), "n"),
            Diagnostic::warning(Code::AgendaDuration, Span::new("a.md", 1, 1), "w"),
            Diagnostic::error(Code::BadDate, Span::new("b.md", 9, 1), "e2"),
            Diagnostic::error(Code::BadDate, Span::new("b.md", 2, 1), "e1"),
        ];
        sort(&mut ds);
        let order: Vec<&str> = ds.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(order, ["e1", "e2", "w", "n"]);
    }

    #[test]
    fn human_format_quotes_the_line_with_a_caret() {
        let d = Diagnostic::error(
            Code::UnknownField,
            Span::new("content/a.md", 2, 1),
            "unknown field `titel`",
        )
        .with_hint("did you mean `title`?");
        let out = render_human(&[d], &|_| Some("---\ntitel: Hi\n---\n"));
        assert!(out.contains("content/a.md:2:1"), "{out}");
        assert!(out.contains("titel: Hi"), "{out}");
        assert!(out.contains("^^^^^"), "{out}");
        assert!(out.contains("did you mean `title`?"), "{out}");
        assert!(out.contains("1 error, 0 warnings"), "{out}");
    }

    #[test]
    fn human_format_underlines_exactly_a_known_length() {
        let source = "---\ntitle: Tea with the CEO\nweight: heavy\n---\n";
        let span = Span::new("content/a.md", 2, 8).with_len(16);
        let d = Diagnostic::error(Code::WrongType, span, "too long");
        let out = render_human(&[d], &|_| Some(source));
        let carets: Vec<&str> = out.lines().filter(|l| l.contains('^')).collect();
        assert_eq!(carets, ["  |        ^^^^^^^^^^^^^^^^"], "{out}");
        // Unknown length: the first word, as before.
        let d = Diagnostic::error(Code::WrongType, Span::new("content/a.md", 2, 8), "x");
        let out = render_human(&[d], &|_| Some(source));
        let carets: Vec<&str> = out.lines().filter(|l| l.contains('^')).collect();
        assert_eq!(carets, ["  |        ^^^"], "{out}");
    }

    #[test]
    fn a_long_line_is_quoted_around_the_problem_at_its_real_column() {
        let line = "[x](missing.md) ".repeat(10_000);
        let source = format!("---\ntitle: T\n---\n{line}\n");
        let d = Diagnostic::error(
            Code::BrokenLink,
            Span::new("content/a.md", 4, 80_001).with_len(15),
            "link to `missing.md` points at no page",
        );
        let out = render_human(&[d], &|_| Some(source.as_str()));
        assert!(out.contains(" --> content/a.md:4:80001\n"), "{out}");
        let quoted = out.lines().find(|l| l.starts_with("4 |")).expect("quote");
        assert!(quoted.len() < 120, "{quoted}");
        assert!(
            quoted.starts_with("4 | ...") && quoted.ends_with("..."),
            "{quoted}"
        );
        let carets = out.lines().find(|l| l.contains('^')).expect("carets");
        let at = carets.find('^').expect("caret");
        assert_eq!(carets.matches('^').count(), 15, "{out}");
        assert_eq!(&quoted[at..at + 15], "[x](missing.md)", "{out}");
    }

    #[test]
    fn sorting_and_dedup_ignore_the_length() {
        let at = |len| Span::new("a.md", 2, 3).with_len(len);
        let mut ds = vec![
            Diagnostic::error(Code::BadValue, at(5), "b"),
            Diagnostic::error(Code::BadValue, at(0), "a"),
            Diagnostic::error(Code::BadValue, at(9), "b"),
        ];
        sort(&mut ds);
        let order: Vec<&str> = ds.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(order, ["a", "b"]);
        let json = serde_json::to_string(&ds[0]).expect("json");
        assert!(!json.contains("len"), "{json}");
    }
}
