//! Any bytes as a page of a site: splitting the front matter, parsing the
//! YAML, reading every field and running every check must not panic, and
//! every diagnostic must point at a real line of the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentorbook::source::load::{SourceFile, Sources};

fuzz_target!(|data: &[u8]| {
    // As the loader reads a file: BOM dropped, line endings normalised.
    let Ok(text) = mentorbook::source::load::decode(data.to_vec()) else {
        return;
    };
    // A second file that the fuzzed one can refer to (people, templates).
    let roster = "---\ntitle: R\nkind: roster\nstart: 2026-01-05\npeople:\n  - {id: a, name: A}\n  - {id: b, name: B, reports_to: a}\npairs:\n  - {id: p, mentor: a, mentee: b}\n---\n";
    let sources = Sources {
        root: std::path::PathBuf::from("."),
        config: None,
        content: vec![
            SourceFile {
                path: "content/fuzzed.md".into(),
                text: text.into(),
            },
            SourceFile {
                path: "content/roster.md".into(),
                text: roster.into(),
            },
        ],
        ..Sources::default()
    };
    let (playbook, mut diagnostics) = mentorbook::model::read(&sources);
    diagnostics.extend(mentorbook::check::check(&playbook));
    let lines = sources.content[0].text.lines().count().max(1) + 1;
    for d in diagnostics
        .iter()
        .filter(|d| &*d.span.file == "content/fuzzed.md")
    {
        assert!(
            d.span.line >= 1 && d.span.line <= lines,
            "{d:?} beyond {lines} lines"
        );
    }
    // The human format quotes the line: it must cope with any position.
    let _ =
        mentorbook::diagnostic::render(&diagnostics, mentorbook::diagnostic::Format::Human, &|p| {
            sources.text_of(p)
        });
});
