//! The search index's page rows say what each page is and in which section,
//! so the search box can label its results ("session template", "pair").

use crate::support::{Built, Site};

const AS_OF: &str = "2026-11-24";
use serde_json::Value;

/// The data a `search/...js` file hands to `mentorbookSearch(kind, key, data)`.
pub(crate) fn data_of(built: &Built, file: &str) -> Value {
    let text = built.file(file);
    let body = text
        .trim_end()
        .strip_suffix(");")
        .unwrap_or_else(|| panic!("{file} is a call: {text}"));
    // The data follows the kind and key, two JSON strings without commas.
    let start = body
        .match_indices(',')
        .nth(1)
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("{file}: {text}"));
    serde_json::from_str(&body[start..]).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// URL -> (kind code, section title) of every page row.
fn rows(built: &Built) -> Vec<(String, String, String)> {
    let meta = data_of(built, "search/index.js");
    assert_eq!(meta["v"], 3, "{meta}");
    let sections = meta["sections"].as_array().expect("sections").clone();
    let mut rows = Vec::new();
    for file in built.files() {
        if !file.starts_with("search/p/") {
            continue;
        }
        for row in data_of(built, &file).as_array().expect("rows") {
            let section = row[1].as_u64().and_then(|n| sections.get(n as usize));
            rows.push((
                row[2].as_str().unwrap_or_default().to_string(),
                row[5].as_str().unwrap_or_default().to_string(),
                section
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
            ));
        }
    }
    rows
}

#[test]
fn every_page_row_carries_its_kind_and_section() {
    let built = Site::repo().as_of(AS_OF).build();
    let rows = rows(&built);
    let row = |url: &str| {
        rows.iter()
            .find(|(u, _, _)| u == url)
            .map(|(_, kind, section)| (kind.as_str(), section.as_str()))
            .unwrap_or_else(|| panic!("no row for {url}: {rows:?}"))
    };
    assert_eq!(row("sessions/03-social-media/"), ("t", "Session templates"));
    assert_eq!(row("pairs/aisha-and-david/").0, "m");
    assert_eq!(row("goals/").0, "g");
    assert_eq!(row("").0, "p");
    assert_eq!(row("people/richard-hale/"), ("u", "People"));
    // search.js knows every code (a row without one would show no label).
    let known = ["p", "g", "d", "s", "t", "r", "m", "u"];
    for (url, kind, _) in &rows {
        assert!(known.contains(&kind.as_str()), "{url}: {kind:?}");
    }
    let script = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/search.js"),
    )
    .expect("search.js");
    for code in known {
        assert!(
            script.contains(&format!("    {code}: '")),
            "search.js lacks {code}"
        );
    }
}

#[test]
fn the_search_box_speaks_the_sites_language() {
    // One file for the whole site, which every page loads before
    // search.js, rather than the same kilobyte in every page.
    let messages_of = |built: &Built, page: &str| -> Value {
        let doc = built.doc(page);
        assert!(doc.attrs("#search-results", "data-messages").is_empty());
        let scripts = doc.attrs("script[src]", "src");
        let at = |name: &str| scripts.iter().position(|s| s.ends_with(name)).expect(name);
        assert!(at("static/search-messages.js") < at("static/search.js"));
        let file = built.file("static/search-messages.js");
        let json = file
            .strip_prefix("window.mentorbookSearchMessages=")
            .and_then(|rest| rest.strip_suffix(";\n"))
            .expect("an assignment");
        serde_json::from_str(json).expect("JSON")
    };
    let built = Site::from_fixture("polish-search").as_of(AS_OF).build();
    assert_eq!(
        built.doc("biura/").attrs("#search-input", "placeholder"),
        ["Szukaj (naciśnij /)"]
    );
    let messages = messages_of(&built, "biura/");
    assert_eq!(messages["results"]["many"], "{n} wyników");
    assert_eq!(messages["results"]["few"], "{n} wyniki");
    assert_eq!(messages["kinds"]["p"], "strona");
    // The default playbook is English, in the same words as before.
    let messages = messages_of(&Site::repo().as_of(AS_OF).build(), "goals/");
    assert_eq!(messages["results"]["one"], "{n} result");
    assert_eq!(messages["noResults"], "No results for “{query}”");
}

#[test]
fn a_sites_own_search_messages_file_replaces_the_built_one() {
    let site = Site::from_fixture("polish-search").as_of(AS_OF);
    site.write(
        "static/search-messages.js",
        "window.mentorbookSearchMessages={};\n",
    );
    let built = site.build();
    assert_eq!(
        built.file("static/search-messages.js"),
        "window.mentorbookSearchMessages={};\n"
    );
}
