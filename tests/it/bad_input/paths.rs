//! Ids that would become paths outside the site, links that leave it:
//! every id that is not plain is a `bad-id` error at its place.

use super::{Case, case, md, roster, write_site};
use mentorbook::pipeline::load_and_check;

fn pair_with_id(id: &str) -> Vec<u8> {
    roster(&format!(
        "pairs:\n  - {{id: {id}, mentor: a, mentee: b}}\n---\n"
    ))
}

pub(super) fn cases() -> Vec<Case> {
    let r = "content/r.md";
    let mut cases = vec![
        case("pair id climbing out", r, pair_with_id("../../../x")),
        case("pair id is ..", r, pair_with_id("\"..\"")),
        case("pair id is .", r, pair_with_id("\".\"")),
        case("pair id absolute", r, pair_with_id("/etc/x")),
        case("pair id with backslashes", r, pair_with_id("'..\\..\\x'")),
        case("pair id with a drive", r, pair_with_id("\"c:x\"")),
        case("pair id percent-encoded", r, pair_with_id("\"%2e%2e\"")),
        case("pair id with a query", r, pair_with_id("\"a?b\"")),
        case("pair id with a line break", r, pair_with_id("\"a\\r\\nb\"")),
        case("pair id with a NUL", r, pair_with_id("\"a\\0b\"")),
        case("pair id with a space", r, pair_with_id("\"ana bo\"")),
        case("pair id in capitals", r, pair_with_id("Ana-Bo")),
        case("pair id starting with -", r, pair_with_id("\"-x\"")),
        case("pair id empty", r, pair_with_id("\"\"")),
        case("pair id too long", r, pair_with_id(&"a".repeat(200))),
        case(
            "pair file id climbing out",
            "content/pairs/x.md",
            md(
                "title: X\nkind: pair\nid: ../../x\nmentor: a\nmentee: b\n",
                "",
            ),
        ),
        case(
            "session template id with a slash",
            "content/sessions/kickoff.md",
            md("title: Kickoff\nkind: session\nid: a/b\n", ""),
        ),
        case(
            "roster id with a dot",
            r,
            roster("id: r.1\npairs: []\n---\n"),
        ),
        case(
            "goal id with a hash",
            "content/goals.md",
            md(
                "title: G\nkind: goals\ngoals:\n  - {id: \"a#b\", title: A, target: 1}\n",
                "",
            ),
        ),
        case(
            "person id with a slash in YAML",
            "data/people.yaml",
            b"- {id: x/y, name: X}\n".to_vec(),
        ),
        case(
            "person id with a slash in CSV",
            "data/people.csv",
            b"id,name\n../../x,X\n".to_vec(),
        ),
        case(
            "person id with a colon",
            "data/people.yaml",
            b"- {id: \"c:x\", name: C}\n".to_vec(),
        ),
    ];
    cases.push(Case {
        name: "pair id with a slash in pairs.csv",
        files: vec![
            (r, roster("pairs: []\n---\n")),
            (
                "data/pairs.csv",
                b"roster,id,mentor,mentee\nr,x/y,a,b\n".to_vec(),
            ),
        ],
        expect_file: "data/pairs.csv",
    });
    cases
}

/// The corpus only asks for an error in the right file; these must be
/// the id rule's own.
#[test]
fn every_bad_id_case_is_a_bad_id_error_at_the_id() {
    for case in cases() {
        let site = write_site(&case.files);
        let checked = load_and_check(site.root()).expect("load");
        let found = checked
            .diagnostics
            .iter()
            .any(|d| d.code == "bad-id" && *d.span.file == *case.expect_file);
        assert!(found, "{}: {:?}", case.name, checked.diagnostics);
    }
}
