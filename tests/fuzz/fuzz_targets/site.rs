//! Any bytes as a whole small site: the input is cut at `SEPARATOR` bytes
//! into the files of `FILES` (a missing or empty part gets a small valid
//! default), then loaded, modelled and checked; each file with an error is
//! swapped for its default and the rest checked again, so most inputs reach
//! render; a clean site is rendered into memory as `serve` does.
//! Nothing may panic; every diagnostic points at a real line of its file
//! and prints in every format (one GitHub command per diagnostic, valid
//! JSON); a site that checks clean renders; and what is rendered is safe:
//! every path stays in the output folder, every page passes the allow-list
//! the integration tests use, calendars are well-formed RFC 5545 lines,
//! spreadsheet cells cannot run as formulas, and the JSON and search
//! scripts parse.
#![no_main]

#[path = "../../it/support/allow_list.rs"]
mod allow_list;

use libfuzzer_sys::fuzz_target;
use mentorbook::diagnostic::{self, Diagnostic, Format, Severity};
use mentorbook::model::ReadCache;
use mentorbook::pipeline::{BuildError, Checked, load_and_check_with, render_in_memory};
use mentorbook::render::{Options, OutputFile, Plan};
use mentorbook::source::load::{SourceFile, Sources, decode};
use std::path::Path;

/// Cuts the input into files: the ASCII record separator, one byte the
/// mutator inserts and removes easily and that no real file holds.
const SEPARATOR: u8 = 0x1e;

/// A site folder that does not exist, so the theme is the built-in one
/// and nothing is read from disk.
const ROOT: &str = "/nonexistent/mentorbook-fuzz-site";

/// Each part of the input in turn, and what a missing or empty part is.
/// The defaults refer to each other (people, the roster, the template, the
/// pair file) so that a change to one part meets the others' checks.
const FILES: [(&str, &str); 9] = [
    (
        "content/_index.md",
        "---\ntitle: Home\n---\nSee [the cohort](cohort.md) and the [agenda](sessions/01-kickoff.md#agenda).\n\n<!-- include: rules.md -->\n",
    ),
    (
        "content/cohort.md",
        "---\ntitle: Cohort\nkind: roster\nstart: 2026-01-05\nend: 2026-12-18\ncadence: biweekly\npeople:\n  - {id: ann, name: Ann, reports_to: cy}\npairs:\n  - id: ann-bo\n    mentor: ann\n    mentee: bo\n    topics: [Chat]\n    goals:\n      - {title: Video calls, done: true}\n    sessions:\n      - {date: 2026-01-05, template: kickoff, notes: Hi}\n      - {date: 2026-07-01, template: kickoff, status: planned}\n---\n## Notes\n",
    ),
    (
        "content/pairs/ann-bo.md",
        "---\nkind: pair\nid: ann-bo\ntitle: Ann and Bo\nsessions:\n  - {date: 2026-02-02, template: kickoff}\n---\nWe meet on Mondays.\n",
    ),
    (
        "content/sessions/01-kickoff.md",
        "---\ntitle: Kickoff\nkind: session\nduration: 45\norder: 1\nagenda:\n  - {minutes: 15, item: Introductions}\n  - {minutes: 30, item: Goals}\nprepare: Read the goals\nprompts: [What do you hope to learn?]\n---\n## Agenda\n",
    ),
    (
        "playbook.yaml",
        "title: Fuzz\nbase_url: https://example.org/book/\nedit_url: https://example.org/edit/\n",
    ),
    (
        "data/people.csv",
        "id,name,role,team,email,reports_to\nbo,Bo,Lead,Ops,bo@example.org,\ncy,Cy,Director,Sales,,\ndee,Dee,Analyst,Ops,,cy\n",
    ),
    (
        "data/pairs.csv",
        "roster,id,mentor,mentee,start,end,cadence,topics,status,confidential\ncohort,dee-bo,dee,bo,2026-02-02,,monthly,=Sheets;Docs,,false\n",
    ),
    (
        "snippets/rules.md",
        "## Ground rules\n\n> [!TIP]\n> Bring the [agenda](sessions/01-kickoff.md#agenda).\n\n<!-- include: team/more.md -->\n",
    ),
    (
        "snippets/team/more.md",
        "- [ ] Agree when to meet {#when}\n\n> [!WARNING]\n> Never pair someone with their manager.\n",
    ),
];

fuzz_target!(|data: &[u8]| {
    let mut parts: Vec<&[u8]> = data.split(|b| *b == SEPARATOR).collect();
    parts.resize(FILES.len(), &[]);
    let Some(mut checked) = checked_clean(&mut parts) else {
        return;
    };
    // One `git log` per input would be most of the time; history is not
    // what is fuzzed here.
    checked.playbook.config.last_updated = false;
    let options = Options {
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default(),
        drafts: data.len() % 2 == 1,
    };
    let site = match render_in_memory(checked, Path::new(ROOT), &options, None, &Plan::Everything) {
        Ok(site) => site,
        Err(BuildError::Invalid(checked)) => {
            panic!(
                "checks clean but does not render: {:?}",
                errors(&checked.diagnostics)
            )
        }
        Err(BuildError::Io(e)) => panic!("checks clean but does not render: {e}"),
    };
    check_diagnostics(&site.checked);
    for file in &site.files {
        check_file(file);
    }
});

/// Loads and checks `parts`; while some file has an error, puts its
/// default in its place and checks again, so that one broken file does
/// not keep the others from being rendered (most mutations break one
/// file). At most one round per file: each round replaces at least one.
fn checked_clean(parts: &mut [&[u8]]) -> Option<Checked> {
    loop {
        let checked = load_and_check_with(
            || Ok((sources_of(parts), Vec::new())),
            &mut ReadCache::default(),
        )
        .unwrap_or_else(|e| panic!("in-memory sources cannot fail to load: {e}"));
        check_diagnostics(&checked);
        if !checked.has_errors() {
            return Some(checked);
        }
        let mut replaced = false;
        for d in checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            let slot = FILES.iter().position(|(path, _)| *path == &*d.span.file);
            if let Some(part) = slot
                .and_then(|i| parts.get_mut(i))
                .filter(|p| !p.is_empty())
            {
                *part = &[];
                replaced = true;
            }
        }
        if !replaced {
            return None;
        }
    }
}

/// The parts of the input as the loader would have read them; an empty
/// part is its file's default.
fn sources_of(parts: &[&[u8]]) -> Sources {
    let mut sources = Sources {
        root: ROOT.into(),
        ..Sources::default()
    };
    for (&(path, default), part) in FILES.iter().zip(parts) {
        let bytes = if part.is_empty() {
            default.as_bytes()
        } else {
            part
        };
        // Bad UTF-8 is the loader's `encoding` error, tested elsewhere;
        // here it would only stop the rest of the file being fuzzed.
        let text = decode(String::from_utf8_lossy(bytes).into_owned().into_bytes())
            .unwrap_or_else(|at| panic!("valid UTF-8 refused at {at:?}"));
        let file = SourceFile {
            path: path.to_string(),
            text: text.into(),
        };
        match path.split('/').next() {
            Some("content") => sources.content.push(file),
            Some("data") => sources.data.push(file),
            Some("snippets") => sources.snippets.push(file),
            _ => sources.config = Some(file),
        }
    }
    sources.content.sort_by(|a, b| a.path.cmp(&b.path));
    sources.data.sort_by(|a, b| a.path.cmp(&b.path));
    sources.snippets.sort_by(|a, b| a.path.cmp(&b.path));
    sources
}

fn errors(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            format!(
                "{}:{}:{} {}",
                d.span.file, d.span.line, d.span.col, d.message
            )
        })
        .collect()
}

/// Every diagnostic about a source file is at one of its lines (or the
/// line after the last, where a missing closing `---` is), and every
/// format prints them all.
fn check_diagnostics(checked: &Checked) {
    let sources = &checked.sources;
    for d in &checked.diagnostics {
        if let Some(text) = sources.text_of(&d.span.file) {
            let lines = text.lines().count().max(1) + 1;
            assert!(
                d.span.line >= 1 && d.span.line <= lines,
                "{d:?} beyond {lines} lines"
            );
            assert!(d.span.col >= 1, "{d:?} at column 0");
        }
    }
    let source_of = |p: &str| sources.text_of(p);
    let diagnostics = &checked.diagnostics;
    let _ = diagnostic::render(diagnostics, Format::Human, &source_of);
    // A workflow command per line: a line break in a message or path
    // would let a content author write a command of their own.
    let github = diagnostic::render(diagnostics, Format::Github, &source_of);
    assert_eq!(github.lines().count(), diagnostics.len(), "{github}");
    assert!(github.lines().all(|l| l.starts_with("::")), "{github}");
    for format in [Format::Json, Format::Gitlab] {
        let json = diagnostic::render(diagnostics, format, &source_of);
        let parsed: serde_json::Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e} in {json}"));
        assert_eq!(
            parsed.as_array().map(Vec::len),
            Some(diagnostics.len()),
            "{json}"
        );
    }
}

fn check_file(file: &OutputFile) {
    let path = file.path.as_str();
    if let Some(problem) = mentorbook::urls::output_path_problem(path) {
        panic!("output path {path:?}: {problem}");
    }
    let text = || std::str::from_utf8(&file.bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    match path.rsplit_once('.').map_or("", |(_, ext)| ext) {
        "html" => allow_list::assert_allow_listed(path, text()),
        "ics" => check_calendar(path, text()),
        "csv" => check_spreadsheet(path, &file.bytes),
        "json" => {
            serde_json::from_str::<serde_json::Value>(text())
                .unwrap_or_else(|e| panic!("{path}: {e}"));
        }
        "js" if path.starts_with("search/") => check_search_script(path, text()),
        _ => {}
    }
}

/// RFC 5545: CRLF line ends, at most 75 octets a line, and each line
/// either a folded continuation or `NAME[;PARAM...]:value`; no bare CR or
/// LF anywhere, so no value can start a property of its own.
fn check_calendar(path: &str, text: &str) {
    let Some(body) = text.strip_suffix("\r\n") else {
        panic!("{path} does not end in CRLF")
    };
    for line in body.split("\r\n") {
        assert!(
            !line.contains(['\r', '\n']),
            "{path}: bare CR or LF in {line:?}"
        );
        assert!(
            line.len() <= 75,
            "{path}: {} octets in {line:?}",
            line.len()
        );
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let name_end = line
            .find([':', ';'])
            .unwrap_or_else(|| panic!("{path}: no `:` in {line:?}"));
        let name = &line[..name_end];
        assert!(
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
            "{path}: property name {name:?} in {line:?}"
        );
        assert!(
            line[name_end..].contains(':'),
            "{path}: no value in {line:?}"
        );
    }
}

/// OWASP's rule for CSV injection: a cell a spreadsheet would take for a
/// formula is a plain number or starts with `'`.
fn check_spreadsheet(path: &str, bytes: &[u8]) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{path}: {e}"));
        for cell in &record {
            let formula_like = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
            assert!(
                !formula_like || is_plain_number(cell),
                "{path}: cell {cell:?}"
            );
        }
    }
}

/// `-3`, `2.5`: what a spreadsheet reads as a number and nothing more.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    [whole, fraction]
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A search file is one call, `mentorbookSearch(kind, key, data);`, whose
/// arguments are JSON: text from the pages cannot end it early or add code.
fn check_search_script(path: &str, text: &str) {
    let args = text
        .strip_prefix("mentorbookSearch(")
        .and_then(|t| t.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("{path} is not one call: {text}"));
    let parsed: serde_json::Value = serde_json::from_str(&format!("[{args}]"))
        .unwrap_or_else(|e| panic!("{path}: {e} in {text}"));
    assert_eq!(parsed.as_array().map(Vec::len), Some(3), "{path}: {text}");
    assert!(!text.contains("</"), "{path}: `</` in {text}");
}
