//! Names sort by the alphabet of the site's `language:`: in Polish Ł comes
//! after L, Ś after S and Ż after Z (code points would put them after Z);
//! in German Ä sorts with A and ß as ss.

use crate::support::{Built, Site};

/// The people directory's rows, by the person each links to.
fn people_order(built: &Built) -> Vec<String> {
    let page = built.page("people/");
    let rows = page.split("<tbody>").nth(1).expect("a table body");
    rows.split("<tr")
        .skip(1)
        .filter_map(|row| {
            let start = row.find("people/")? + "people/".len();
            let id = &row[start..];
            Some(id[..id.find('/')?].to_string())
        })
        .collect()
}

#[test]
fn the_people_directory_follows_the_polish_alphabet() {
    let built = Site::from_fixture("polish-search")
        .as_of("2026-11-24")
        .build();
    assert_eq!(
        people_order(&built),
        [
            "jurgen",
            "lucyna",
            "lucja",
            "szymon",
            "swietoslaw",
            "zofia",
            "zaneta"
        ]
    );
    // Who reports to Żaneta, on her page, in the same order.
    let page = built.page("people/zaneta/");
    let at = |name: &str| page.find(name).unwrap_or_else(|| panic!("{name}"));
    assert!(at("Lucyna Lis") < at("Łucja Łukasiewicz"));
    assert!(at("Łucja Łukasiewicz") < at("Szymon Sowa"));
    assert!(at("Szymon Sowa") < at("Świętosław Śliwa"));
    assert!(at("Świętosław Śliwa") < at("Zofia Zawada"));
}

#[test]
fn german_sorts_umlauts_with_their_letter() {
    let site = Site::from_fixture("polish-search").as_of("2026-11-24");
    site.edit("playbook.yaml", |yaml| {
        yaml.replace("language: pl", "language: de")
    });
    site.edit("data/people.yaml", |yaml| {
        yaml.replace("Łucja Łukasiewicz", "Ärne Adler")
            .replace("Lucyna Lis", "Anton Zeller")
            .replace("Świętosław Śliwa", "Öko Ostrowski")
    });
    // Ärne between Anton and Jürgen, Öko before Szymon, Żaneta as
    // Zaneta: nothing after Z because of its accent.
    assert_eq!(
        people_order(&site.build()),
        [
            "lucyna",
            "lucja",
            "jurgen",
            "swietoslaw",
            "szymon",
            "zaneta",
            "zofia"
        ]
    );
}
