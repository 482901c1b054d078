//! The sites in other languages: the Polish example program
//! (examples/odwrocony-mentoring) and the German fixture (tests/fixtures/i18n-de)
//! check clean and build, every page says its language, and the theme's
//! words on them take the plural form each count needs, dates the month's
//! case, and numbers the decimal comma.

use crate::support::{Built, Doc, Site};

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

fn assert_every_page_says(built: &Built, lang: &str) {
    let pages: Vec<String> = built
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect();
    assert!(pages.len() > 5, "only {} pages", pages.len());
    let tag = format!("<html lang=\"{lang}\"");
    let wrong: Vec<&String> = pages
        .iter()
        .filter(|p| !built.file(p).contains(&tag))
        .collect();
    assert!(wrong.is_empty(), "pages without {tag}: {wrong:?}");
}

/// The text of the first `css` match on the page at `url`.
fn text(built: &Built, url: &str, css: &str) -> String {
    built.doc(url).text(css)
}

/// What a reader sees of a page: its text, whitespace collapsed.
fn visible(built: &Built, url: &str) -> String {
    let doc: Doc = built.doc(url);
    doc.text("body")
}

#[test]
fn the_polish_example_checks_clean_and_every_page_is_in_polish() {
    let built = check_clean_and_build(polish());
    assert_every_page_says(&built, "pl");
    assert_eq!(
        std::fs::read_dir(built.path("pairs"))
            .expect("pairs")
            .count(),
        8
    );
    let people = visible(&built, "people/");
    for name in ["Żaneta Świątek", "Łukasz Górecki", "Małgorzata Zielińska"] {
        assert!(people.contains(name), "{name} is not on the people page");
    }
}

#[test]
fn a_reader_of_the_polish_example_sees_no_english_the_theme_added() {
    let built = polish().build();
    super::languages::assert_no_english_on(&built, "pl");
    // Words written in Rust rather than the catalogue escape the scan
    // above ("Every pair, launch step and goal as of" did, and every
    // heading's "Link to this section"): English function words, which
    // the example's Polish never uses, find them.
    let mut found = Vec::new();
    for file in built.files().iter().filter(|f| f.ends_with(".html")) {
        let seen = super::languages::visible_text(&built.file(file)).to_lowercase();
        for word in [
            " the ", " and ", " of ", " with ", " this ", " your ", " as of ",
        ] {
            if let Some(at) = seen.find(word) {
                let from = (0..=at.saturating_sub(30))
                    .rev()
                    .find(|i| seen.is_char_boundary(*i))
                    .unwrap_or(0);
                let around: String = seen[from..].chars().take(70).collect();
                found.push(format!("{file}: {around:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "English on Polish pages:\n{}",
        found.join("\n")
    );
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
fn polish_counts_take_one_few_and_many() {
    let built = polish().build();
    // How many pairs use each session template: one, few (2-4) and many.
    let used_by: Vec<String> = [
        "06-podsumowanie",
        "03-media-spolecznosciowe",
        "04-dzien-w-terenie",
        "05-informacja-zwrotna",
        "02-narzedzia-cyfrowe",
        "01-spotkanie-otwierajace",
    ]
    .iter()
    .map(|t| text(&built, &format!("sessions/{t}/"), ".used-by dd"))
    .collect();
    assert_eq!(
        used_by,
        ["1 para", "2 pary", "4 pary", "5 par", "7 par", "8 par"]
    );
    // Sessions held of those in the plan, and expected by now: 1, 2, 5, 12,
    // 22 and 25 ("2 oczekiwane" and "22 oczekiwane", few; "5 oczekiwanych", many).
    let summaries: Vec<String> = [
        "zofia-i-wojciech",
        "julia-i-ewa",
        "szymon-i-tadeusz",
        "kacper-i-malgorzata",
        "oliwia-i-jolanta",
        "lukasz-i-grzegorz",
    ]
    .iter()
    .map(|p| text(&built, &format!("pairs/{p}/"), ".progress-summary"))
    .collect();
    assert_eq!(
        summaries,
        [
            "1 z 8 zaplanowanych spotkań odbytych; 1 oczekiwane do dziś.",
            "2 z 5 zaplanowanych spotkań odbytych; 2 oczekiwane do dziś.",
            "5 z 8 zaplanowanych spotkań odbytych; 5 oczekiwanych do dziś.",
            "12 z 19 zaplanowanych spotkań odbytych; 12 oczekiwanych do dziś.",
            "22 z 36 zaplanowanych spotkań odbytych; 22 oczekiwane do dziś.",
            "25 z 38 zaplanowanych spotkań odbytych; 25 oczekiwanych do dziś.",
        ]
    );
}

#[test]
fn polish_dates_put_the_month_in_the_genitive_and_numbers_take_a_decimal_comma() {
    let built = polish().build();
    // The next session, in Łódź, and the log's first one.
    let pair = visible(&built, "pairs/zofia-i-wojciech/");
    assert!(pair.contains("1 grudnia 2026"), "{pair}");
    assert!(pair.contains("16 listopada 2026"), "{pair}");
    assert!(pair.contains("Łódź, hub przy ul. Pomorskiej"), "{pair}");
    assert!(!pair.contains("Dec 2026") && !pair.contains("grudzień"));
    assert!(visible(&built, "").contains("24 listopada 2026"));
    // Goals: 2.4 -> 3.5 of 3.8 on a 1-5 scale, 87.5 % of pairs meeting.
    let goals = visible(&built, "cele/");
    for shown in [
        "2,4",
        "3,5",
        "3,8",
        "87,5",
        "71,4",
        "22,5",
        "30 października 2026",
    ] {
        assert!(goals.contains(shown), "the goals page lacks {shown}");
    }
    for english in ["3.5", "87.5", "2026-10-30"] {
        assert!(!goals.contains(english), "{english} on the goals page");
    }
    // The table writes a percentage with its decimals and no space in
    // Polish (it once rounded 87.5 to "88%" and printed "55 %").
    let table = text(&built, "cele/", "table.goals-table tbody");
    for shown in ["87,5%", "22,5%", "55%", "2,4 pkt (1–5)"] {
        assert!(
            table.contains(shown),
            "the goals table lacks {shown}: {table}"
        );
    }
}

#[test]
fn the_german_fixture_checks_clean_and_every_page_is_in_german() {
    let built = check_clean_and_build(german());
    assert_every_page_says(&built, "de");
    assert!(visible(&built, "people/").contains("Tobias Straßer"));
}

#[test]
fn german_counts_dates_and_numbers() {
    let built = german().build();
    let used_by: Vec<String> = ["04-rueckmeldung", "03-schattentag", "02-werkzeuge"]
        .iter()
        .map(|t| text(&built, &format!("termine/{t}/"), ".used-by dd"))
        .collect();
    assert_eq!(used_by, ["1 Paar", "2 Paare", "5 Paare"]);
    let summaries: Vec<String> = [
        "felix-und-claudia",
        "marie-und-matthias",
        "aylin-und-juergen",
        "lena-und-dieter",
        "jonas-und-ursula",
        "tobias-und-sabine",
    ]
    .iter()
    .map(|p| text(&built, &format!("pairs/{p}/"), ".progress-summary"))
    .map(|s| s.split(';').next().unwrap_or_default().to_string())
    .collect();
    assert_eq!(
        summaries,
        [
            "1 von 8 geplanten Terminen stattgefunden",
            "2 von 9 geplanten Terminen stattgefunden",
            "5 von 8 geplanten Terminen stattgefunden",
            "12 von 19 geplanten Terminen stattgefunden",
            "22 von 36 geplanten Terminen stattgefunden",
            "25 von 38 geplanten Terminen stattgefunden",
        ]
    );
    let pair = visible(&built, "pairs/felix-und-claudia/");
    assert!(pair.contains("1. Dezember 2026"), "{pair}");
    assert!(pair.contains("16. November 2026"), "{pair}");
    let goals = visible(&built, "ziele/");
    for shown in ["2,5", "3,5", "62,5", "87,5", "30. Oktober 2026"] {
        assert!(goals.contains(shown), "the goals page lacks {shown}");
    }
    assert!(!goals.contains("3.5") && !goals.contains("87.5"));
    // German puts a no-break space before the percent sign.
    let page = built.page("ziele/");
    assert!(page.contains("87,5\u{a0}%") || page.contains("87,5&nbsp;%"));
    assert!(!page.contains("87,5%"));
}
