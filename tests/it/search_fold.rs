//! Search folds letters the same way in the build and in the browser:
//! src/text/fold.rs and search.js's folding part (run under node) agree on
//! every word of tests/fixtures/fold-cases.json, and a built site's index
//! finds "Łódź" as "lodz", "Straße" as "strasse" and "Müller" as both
//! "muller" and "mueller".

use crate::search_index::data_of;
use crate::support::{Built, Site};
use serde::Deserialize;
use std::path::Path;
use std::process::Command;

#[derive(Deserialize)]
struct Case {
    text: String,
    fold: String,
    /// The second spelling of a text with umlauts ("mueller").
    umlauts_as_e: Option<String>,
}

fn repo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn cases() -> Vec<Case> {
    let json = std::fs::read_to_string(repo("tests/fixtures/fold-cases.json")).expect("cases");
    serde_json::from_str(&json).expect("cases are JSON")
}

#[test]
fn the_build_folds_every_case_of_the_shared_table() {
    for case in cases() {
        assert_eq!(
            mentorbook::text::fold(&case.text),
            case.fold,
            "{}",
            case.text
        );
        assert_eq!(
            mentorbook::text::umlauts_as_e(&case.text),
            case.umlauts_as_e,
            "{}",
            case.text
        );
    }
}

/// search.js's part between `fold: begin` and `fold: end`, run on every
/// case: each case's `[fold, foldUmlautsAsE]`.
const NODE_SCRIPT: &str = r#"
const fs = require('fs');
const src = fs.readFileSync(process.argv[1], 'utf8');
const begin = src.indexOf('/* fold: begin');
const end = src.indexOf('/* fold: end */');
if (begin < 0 || end < begin) throw new Error('search.js has no fold: begin/end part');
const api = new Function(src.slice(begin, end) +
  '\nreturn { fold: fold, foldUmlautsAsE: foldUmlautsAsE };')();
const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
process.stdout.write(JSON.stringify(cases.map(c => [api.fold(c.text), api.foldUmlautsAsE(c.text)])));
"#;

#[test]
fn the_browser_folds_every_case_of_the_shared_table_as_the_build() {
    let run = Command::new("node")
        .arg("-e")
        .arg(NODE_SCRIPT)
        .arg(repo("themes/default/static/search.js"))
        .arg(repo("tests/fixtures/fold-cases.json"))
        .output();
    let Ok(run) = run else {
        // The browser tests need node too; without it there is no JS to run.
        eprintln!("node is not installed: search.js's folding is not checked");
        return;
    };
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let folded: Vec<(String, String)> = serde_json::from_slice(&run.stdout).expect("node's JSON");
    let cases = cases();
    assert_eq!(folded.len(), cases.len());
    for (case, (fold, as_e)) in cases.iter().zip(folded) {
        assert_eq!(fold, case.fold, "search.js's fold of {:?}", case.text);
        let expected = case.umlauts_as_e.as_ref().unwrap_or(&case.fold);
        assert_eq!(
            &as_e, expected,
            "search.js's foldUmlautsAsE of {:?}",
            case.text
        );
    }
}

/// The URLs of the pages the index gives for `term`, as search.js finds
/// them: every word starting with the term (after its folding).
fn found(built: &Built, term: &str) -> Vec<String> {
    let term = mentorbook::text::fold(term);
    let meta = data_of(built, "search/index.js");
    let block = meta["block"].as_u64().expect("block") as usize;
    let mut pages = Vec::new();
    for file in built.files() {
        if !file.starts_with("search/w/") {
            continue;
        }
        let words = data_of(built, &file);
        for (word, list) in words.as_object().expect("a shard maps words") {
            if !word.starts_with(&term) {
                continue;
            }
            let mut page = 0;
            for n in list.as_array().expect("postings") {
                page += n.as_u64().expect("a number") as usize >> 4;
                pages.push(page);
            }
        }
    }
    pages.sort_unstable();
    pages.dedup();
    pages
        .into_iter()
        .map(|page| {
            let rows = data_of(built, &format!("search/p/{}.js", page / block));
            rows[page % block][2].as_str().expect("url").to_string()
        })
        .collect()
}

#[test]
fn polish_and_german_words_are_found_as_typed_without_their_letters() {
    let built = Site::from_fixture("polish-search")
        .as_of("2026-11-24")
        .build();
    for typed in [
        "lodz", "Łódź", "LODZ", "zolw", "strasse", "Straße", "grusse", "gruesse",
    ] {
        assert_eq!(found(&built, typed), ["biura/"], "{typed}");
    }
    for typed in ["muller", "mueller", "Müller", "juergen"] {
        assert_eq!(found(&built, typed), ["people/jurgen/"], "{typed}");
    }
    // The second spelling is only for umlauts: "mue" is no prefix of Polish words.
    assert!(found(&built, "lodze").is_empty());
}
