//! The site in its readers' language (`language:` in playbook.yaml): the
//! theme's words from the Polish and German catalogues, plural forms,
//! dates and numbers as each language writes them, a site's override of
//! one message, `check`'s diagnostics for a bad override file, and a scan
//! of every built page for English the theme added.

use crate::support::{Built, Doc, Site};

const AS_OF: &str = "2026-12-01";

/// A program in `language` whose counts cover each Polish plural form:
/// session templates of 1, 2, 5, 12, 22 and 25 minutes, each used by as
/// many pairs (pairs of inline people, so no people file is needed), and
/// a goal with decimal values.
fn counting_site(language: &str) -> Site {
    let site = Site::empty().as_of(AS_OF);
    site.write(
        "playbook.yaml",
        format!("title: Program\nlanguage: {language}\n"),
    );
    site.write("content/_index.md", "---\ntitle: Start\n---\nWitamy.\n");
    let counts = [1, 2, 5, 12, 22, 25];
    let mut pairs = String::new();
    for n in counts {
        site.write(
            &format!("content/sessions/s{n}.md"),
            format!("---\ntitle: Szablon {n}\nkind: session\nduration: {n}\n---\nTreść.\n"),
        );
        for i in 0..n {
            pairs.push_str(&format!(
                "  - id: p{n}-{i}\n    mentor: {{name: Mentor {n} {i}}}\n    mentee: {{name: Mentee {n} {i}}}\n    sessions:\n      - {{date: 2026-11-02, template: s{n}}}\n"
            ));
        }
    }
    site.write(
        "content/cohort.md",
        format!(
            "---\ntitle: Edycja\nkind: roster\ncohort: Pilot\nstart: 2026-09-01\nend: 2027-06-30\ncadence: monthly\npairs:\n{pairs}---\n"
        ),
    );
    site.write(
        "content/goals.md",
        "---\ntitle: Cele\nkind: goals\ngoals:\n  - id: confidence\n    title: Pewność\n    baseline: 2.5\n    target: 4.5\n    results:\n      - {date: 2026-06-01, value: 3.25}\n---\n",
    );
    site
}

fn text(built: &Built, url: &str, css: &str) -> String {
    Doc::parse(&built.page(url)).text(css)
}

#[test]
fn polish_pages_use_plural_forms_genitive_months_and_decimal_commas() {
    let built = counting_site("pl").build();
    let used_by: Vec<String> = [1, 2, 5, 12, 22, 25]
        .iter()
        .map(|n| text(&built, &format!("sessions/s{n}/"), ".used-by dd"))
        .collect();
    assert_eq!(
        used_by,
        ["1 para", "2 pary", "5 par", "12 par", "22 pary", "25 par"]
    );
    let durations: Vec<String> = [1, 2, 5, 22]
        .iter()
        .map(|n| text(&built, &format!("sessions/s{n}/"), ".facts dd"))
        .map(|t| t.lines().next().unwrap_or("").trim().to_string())
        .collect();
    assert_eq!(durations, ["1 minuta", "2 minuty", "5 minut", "22 minuty"]);
    let footer = text(&built, "", ".site-footer");
    assert!(
        footer.contains("Postępy na dzień 1 grudnia 2026"),
        "{footer}"
    );
    let goals = built.page("goals/");
    for shown in ["2,5", "4,5", "3,25", "1 czerwca 2026"] {
        assert!(goals.contains(shown), "goals page lacks {shown}");
    }
    assert!(
        !goals.contains(">2.5<"),
        "an English decimal point on the goals page"
    );
    // Calendar event titles name the pair in Polish too.
    let calendar = built.file("cohort/sessions.ics");
    assert!(
        calendar.contains("SUMMARY:Mentoring: Szablon 1 (Mentor 1 0 i Mentee 1 0)"),
        "{calendar}"
    );
    let html = built.page("");
    assert!(html.contains("<html lang=\"pl\">"));
    assert!(html.contains("Przejdź do treści"), "skip link in Polish");
}

#[test]
fn german_pages_use_their_dates_numbers_and_words() {
    let built = counting_site("de").build();
    assert_eq!(text(&built, "sessions/s1/", ".used-by dd"), "1 Paar");
    assert_eq!(text(&built, "sessions/s5/", ".used-by dd"), "5 Paare");
    let footer = text(&built, "", ".site-footer");
    assert!(footer.contains("1. Dezember 2026"), "{footer}");
    let goals = built.page("goals/");
    assert!(
        goals.contains("2,5") && goals.contains("3,25"),
        "German decimal commas"
    );
    assert!(goals.contains("1. Juni 2026"));
    // Percent takes a no-break space in German.
    assert!(goals.contains("38\u{a0}%"), "German percent spacing");
}

#[test]
fn a_regional_tag_falls_back_to_its_language() {
    let built = counting_site("de-AT").build();
    assert!(built.page("").contains("<html lang=\"de-AT\">"));
    assert_eq!(text(&built, "sessions/s2/", ".used-by dd"), "2 Paare");
    assert!(text(&built, "", ".site-footer").contains("1. Dezember 2026"));
}

#[test]
fn a_sites_override_of_one_message_shows_on_its_pages() {
    let site = counting_site("pl");
    site.write(
        "i18n/pl.ftl",
        "ui-skip-to-content = Do treści, proszę\nsite-lost = Zgubiłeś drogę?\n",
    );
    // A site's own template speaks through its own `site-` message.
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block before %}<p class=\"lost\">{{ t(key=\"site-lost\") }}</p>{% endblock before %}",
    );
    let built = site.build();
    assert_eq!(text(&built, "", ".skip-link"), "Do treści, proszę");
    assert_eq!(text(&built, "404.html", ".lost"), "Zgubiłeś drogę?");
    assert!(
        site.check().status().success(),
        "a site- id is no unknown message"
    );
    // The other messages stay the theme's.
    assert_eq!(text(&built, "sessions/s5/", ".used-by dd"), "5 par");
}

#[test]
fn check_reports_a_bad_override_file_with_places_and_hints() {
    let site = counting_site("pl");
    site.write(
        "i18n/pl.ftl",
        "ui-hom = Start\nui-pairs-count = { $n ->\n    [one] jedna para\n   *[other] { $n } par\n}\nui-menu = { $n ->\n  [one] x\n}\n",
    );
    let ran = site.check();
    assert!(!ran.status().success());
    let out = ran.stdout() + &ran.stderr();
    // Fluent that does not parse: where, and what to do.
    assert!(out.contains("i18n/pl.ftl:8:1"), "{out}");
    assert!(out.contains("not valid Fluent"), "{out}");
    // An unknown id, with the id meant.
    assert!(out.contains("i18n/pl.ftl:1:1"), "{out}");
    assert!(
        out.contains("no message `ui-hom`") && out.contains("`ui-home`"),
        "{out}"
    );
    // A Polish choice by count without few and many.
    assert!(out.contains("i18n/pl.ftl:2:1"), "{out}");
    assert!(out.contains("[few]") && out.contains("[many]"), "{out}");
}

/// Every English message of the theme whose Polish or German text differs,
/// long enough to mean something on its own (not "Menu", "Status").
fn english_phrases(other: &str) -> Vec<String> {
    use mentorbook::i18n::{BUILT_IN, Messages};
    let english = Messages::builtin("en");
    let translated = Messages::builtin(other);
    let mut phrases = Vec::new();
    for (_, _, text) in BUILT_IN.iter().filter(|(l, _, _)| *l == "en") {
        for line in text.lines() {
            let Some((id, _)) = line.split_once(" = ") else {
                continue;
            };
            if id.starts_with(['#', ' ']) {
                continue;
            }
            // With variables at their simplest: a count of 2, names and
            // dates as placeholders that no page shows.
            let args = [
                ("n", 2.into()),
                ("kind", "other".into()),
                ("total", 2.into()),
                ("held", 1.into()),
                ("done", 1.into()),
            ];
            let en = english.text(id, &args);
            let local = translated.text(id, &args);
            // Variable parts aside: the fixed words before the first one.
            let fixed = en.split('{').next().unwrap_or("").trim();
            if en != local && fixed.len() >= 12 && fixed.contains(' ') {
                phrases.push(fixed.to_string());
            }
        }
    }
    phrases
}

/// The text a reader sees (and a screen reader reads) on a page: its text
/// nodes and its labels, without the scripts.
pub(crate) fn visible_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let mut out = String::new();
    for node in doc.root_element().descendants() {
        if let Some(text) = node.value().as_text() {
            let in_script = node
                .parent()
                .and_then(|p| p.value().as_element())
                .is_some_and(|e| matches!(e.name(), "script" | "style"));
            if !in_script {
                out.push_str(text);
                out.push(' ');
            }
        } else if let Some(element) = node.value().as_element() {
            for attr in ["aria-label", "title", "alt", "placeholder", "data-label"] {
                if let Some(value) = element.attr(attr) {
                    out.push_str(value);
                    out.push(' ');
                }
            }
        }
    }
    out
}

fn assert_no_english(language: &str) {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    site.edit("playbook.yaml", |t| format!("{t}language: {language}\n"));
    assert_no_english_on(&site.arg("--drafts").build(), language);
}

/// The scan on any built site in `language` (also the Polish example's, in
/// translated_sites).
pub(crate) fn assert_no_english_on(built: &Built, language: &str) {
    let phrases = english_phrases(language);
    assert!(
        phrases.len() > 50,
        "the scan reads the catalogue: {phrases:?}"
    );
    let mut found = Vec::new();
    let mut pages = 0;
    for file in built.files().iter().filter(|f| f.ends_with(".html")) {
        pages += 1;
        let seen = visible_text(&built.file(file));
        for phrase in &phrases {
            if seen.contains(phrase.as_str()) {
                found.push(format!("{file}: {phrase:?}"));
            }
        }
    }
    assert!(pages > 10, "{pages} pages");
    assert!(
        found.is_empty(),
        "English on {language} pages:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_polish_reader_sees_no_english_the_theme_added() {
    assert_no_english("pl");
}

#[test]
fn a_german_reader_sees_no_english_the_theme_added() {
    assert_no_english("de");
}

#[test]
fn serve_shows_an_override_edit_on_every_page_as_a_full_build_does() {
    use mentorbook::commands::serve::LiveSite;
    use mentorbook::render::Options;
    let sources = counting_site("pl");
    let options = Options {
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
        drafts: false,
    };
    let site = LiveSite::new(sources.root(), options.clone());
    assert!(site.rebuild().error.is_none());
    sources.write("i18n/pl.ftl", "ui-skip-to-content = Do treści\n");
    let outcome = site.rebuild();
    assert!(
        outcome.error.is_none() && !outcome.partial,
        "{:?}",
        outcome.error
    );
    let served = site.current();
    let home = String::from_utf8_lossy(&served.files["index.html"]).into_owned();
    assert!(home.contains(">Do treści<"), "the override is not served");
    // Edited in place, as an editor saves it: the words change again.
    sources.write("i18n/pl.ftl", "ui-skip-to-content = Przejdź dalej\n");
    let outcome = site.rebuild_edited(&[sources.path("i18n/pl.ftl")]);
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    let built = mentorbook::pipeline::render_site(sources.root(), &options)
        .unwrap_or_else(|_| panic!("the site builds"));
    let served = site.current();
    for file in built.files.iter().filter(|f| f.path.ends_with(".html")) {
        assert_eq!(
            served.files[file.path.as_str()].as_slice(),
            file.bytes.as_slice(),
            "{} differs from a full build",
            file.path
        );
    }
    let home = String::from_utf8_lossy(&served.files["index.html"]).into_owned();
    assert!(home.contains(">Przejdź dalej<"));
}
