//! The sites in other languages: the Polish example program and the German
//! fixture check clean, build, and every page they build says its language.

use crate::support::{Built, Site};

/// The date both sites' statuses and counts are written for.
const AS_OF: &str = "2026-11-24";

fn polish() -> Site {
    Site::from_dir("examples/odwrocony-mentoring").as_of(AS_OF)
}

fn german() -> Site {
    Site::from_fixture("i18n-de").as_of(AS_OF)
}

fn check_clean_and_build(site: Site) -> Built {
    assert_eq!(
        site.check().stdout(),
        "0 errors, 0 warnings\n",
        "{} does not check clean",
        site.root().display()
    );
    site.build()
}

/// Every HTML page of a build (redirects included: they are pages too).
fn html_pages(built: &Built) -> Vec<String> {
    built
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect()
}

fn assert_every_page_says(built: &Built, lang: &str) {
    let pages = html_pages(built);
    assert!(pages.len() > 5, "only {} pages", pages.len());
    let tag = format!("<html lang=\"{lang}\"");
    let wrong: Vec<&String> = pages
        .iter()
        .filter(|p| !built.file(p).contains(&tag))
        .collect();
    assert!(wrong.is_empty(), "pages without {tag}: {wrong:?}");
}

#[test]
fn the_polish_example_checks_clean_and_every_page_is_in_polish() {
    let built = check_clean_and_build(polish());
    assert_every_page_says(&built, "pl");
    // Its eight pairs, people with Polish letters, and every kind of page.
    assert_eq!(
        std::fs::read_dir(built.path("pairs"))
            .expect("pairs")
            .count(),
        8
    );
    let people = built.page("people/");
    for name in ["Żaneta Świątek", "Łukasz Górecki", "Małgorzata Zielińska"] {
        assert!(people.contains(name), "{name} is not on the people page");
    }
    for page in [
        "cele/",
        "launch/",
        "sessions/06-podsumowanie/",
        "about/faq/",
    ] {
        assert!(built.page(page).contains("lang=\"pl\""), "{page}");
    }
}

#[test]
fn the_polish_example_stays_clean_after_its_planned_dates() {
    // Its planned sessions leave `status` out, so a coordinator checking it
    // in December or January sees no "was it held?" warnings.
    for date in ["2026-12-02", "2027-01-15"] {
        let site = Site::from_dir("examples/odwrocony-mentoring").as_of(date);
        assert_eq!(
            site.check().stdout(),
            "0 errors, 0 warnings\n",
            "as of {date}"
        );
    }
}

#[test]
fn the_german_fixture_checks_clean_and_every_page_is_in_german() {
    let built = check_clean_and_build(german());
    assert_every_page_says(&built, "de");
    assert!(built.page("people/").contains("Tobias Straßer"));
}
