//! One mistake, one error (issue #16, item 6): what refers to a session
//! template, a roster or a pair file that failed to read is not reported
//! again; the one error, at the mistake, says what depends on it. Template,
//! roster, pair and kind names get "did you mean".
//!
//! Each test makes one mistake in a copy of the default playbook and reads
//! `check --format json` as CI would.

use crate::support::Site;
use serde_json::Value;

const TEMPLATE: &str = "content/sessions/05-shadowing.md";
const ROSTER: &str = "content/cohorts/2026-pilot.md";

/// The errors `check` reports (warnings aside), each as JSON.
fn errors(site: &Site) -> Vec<Value> {
    let ran = site.run("check", ["--format", "json", "--as-of", "2026-11-24"]);
    let all = ran.json();
    let all = all.as_array().expect("an array of diagnostics");
    all.iter()
        .filter(|d| d["severity"] == "error")
        .cloned()
        .collect()
}

fn only_error(site: &Site) -> Value {
    let errors = errors(site);
    assert_eq!(errors.len(), 1, "one mistake, one error: {errors:#?}");
    errors[0].clone()
}

fn hint(error: &Value) -> &str {
    error["hint"].as_str().unwrap_or_default()
}

/// How many sessions of the default playbook's pilot cohort name the
/// `shadowing` template.
fn shadowing_uses(site: &Site) -> usize {
    site.read(ROSTER).matches("template: shadowing").count()
}

#[test]
fn a_tab_in_a_session_template_is_one_error_there_naming_who_uses_it() {
    let site = Site::from_repo();
    let sessions = shadowing_uses(&site);
    assert!(sessions > 1, "the default playbook uses the template");
    site.edit(TEMPLATE, |text| {
        text.replacen("agenda:\n  - ", "agenda:\n\t- ", 1)
    });
    let error = only_error(&site);
    assert_eq!(error["file"], TEMPLATE, "{error:#}");
    assert_eq!(error["code"], "yaml-syntax", "{error:#}");
    let hint = hint(&error);
    assert!(hint.contains("fix this first"), "{hint}");
    assert!(hint.contains("use this session template"), "{hint}");
    assert!(hint.contains("`maya-and-richard`"), "{hint}");
    assert!(hint.contains(&format!("in {sessions} sessions")), "{hint}");
}

#[test]
fn a_misspelt_kind_is_one_error_with_the_kind_meant() {
    let site = Site::from_repo();
    site.edit(TEMPLATE, |text| {
        text.replacen("kind: session", "kind: sesion", 1)
    });
    let error = only_error(&site);
    assert_eq!(error["file"], TEMPLATE, "{error:#}");
    assert_eq!(error["code"], "unknown-kind", "{error:#}");
    assert_eq!(error["line"], 5, "{error:#}");
    let hint = hint(&error);
    assert!(hint.starts_with("did you mean `session`?"), "{hint}");
    assert!(hint.contains("use this session template"), "{hint}");
}

#[test]
fn a_roster_with_broken_indentation_is_one_error_counting_its_pair_files() {
    let site = Site::from_repo();
    let pair_files = std::fs::read_dir(site.path("content/pairs"))
        .expect("content/pairs")
        .count();
    assert!(pair_files > 1);
    site.edit(ROSTER, |text| {
        text.replacen(
            "  - id: maya-and-richard\n    mentor:",
            "  - id: maya-and-richard\n   mentor:",
            1,
        )
    });
    let errors = errors(&site);
    assert!(
        errors.iter().all(|e| e["file"] == ROSTER),
        "errors only in the roster: {errors:#?}"
    );
    assert!(
        !errors.iter().any(|e| e["code"] == "unknown-pair"),
        "{errors:#?}"
    );
    let error = only_error(&site);
    assert_eq!(error["code"], "yaml-syntax", "{error:#}");
    let hint = hint(&error);
    assert!(
        hint.contains(&format!("{pair_files} pair files")),
        "the root error counts the pair files: {hint}"
    );
    assert!(hint.contains("`content/pairs/liam-and-lucia.md`"), "{hint}");
}

#[test]
fn a_misspelt_roster_kind_is_one_error_not_one_per_field_and_pair_file() {
    let site = Site::from_repo();
    site.edit(ROSTER, |text| {
        text.replacen("kind: roster", "kind: rooster", 1)
    });
    let error = only_error(&site);
    assert_eq!(error["file"], ROSTER, "{error:#}");
    let hint = hint(&error);
    assert!(hint.starts_with("did you mean `roster`?"), "{hint}");
    assert!(hint.contains("pair files"), "{hint}");
}

#[test]
fn rows_of_pairs_csv_naming_a_broken_roster_are_told_on_its_error() {
    let site = Site::from_repo();
    site.write(
        "data/pairs.csv",
        "roster,id,mentor,mentee\n2026-pilot,nina-and-olaf,maya-okafor,richard-hale\n",
    );
    site.write(
        "content/pairs/nina-and-olaf.md",
        "---\ntitle: Nina and Olaf\nkind: pair\n---\nNotes.\n",
    );
    site.edit(ROSTER, |text| text.replacen("pairs:\n", "pairs\n", 1));
    let error = only_error(&site);
    assert_eq!(error["file"], ROSTER, "{error:#}");
    let hint = hint(&error);
    assert!(
        hint.contains("1 row of data/pairs.csv names this roster"),
        "{hint}"
    );
    // The pilot's three pair files, and the pair file of the row.
    assert!(hint.contains("4 pair files"), "{hint}");
}

#[test]
fn a_broken_pair_file_is_one_error_not_a_clash_with_its_own_page() {
    let site = Site::from_repo();
    site.edit("content/pairs/liam-and-lucia.md", |text| {
        text.replacen(
            "kind: pair\n",
            "kind: pair\ntopics: [scanners, expenses\n",
            1,
        )
    });
    let error = only_error(&site);
    assert_eq!(
        error["file"], "content/pairs/liam-and-lucia.md",
        "{error:#}"
    );
    let hint = hint(&error);
    assert!(
        hint.contains(&format!(
            "the file of pair `liam-and-lucia`, which {ROSTER} lists"
        )),
        "{hint}"
    );
}

#[test]
fn a_misspelt_template_gets_the_template_meant() {
    let site = Site::from_repo();
    site.edit(ROSTER, |text| {
        text.replacen("template: shadowing", "template: shadowng", 1)
    });
    let error = only_error(&site);
    assert_eq!(error["code"], "unknown-template", "{error:#}");
    assert_eq!(hint(&error), "did you mean `shadowing`?");
}

#[test]
fn a_misspelt_pair_id_gets_the_pair_meant() {
    let site = Site::from_repo();
    site.edit("content/pairs/liam-and-lucia.md", |text| {
        text.replacen("id: liam-and-lucia", "id: liam-and-lucai", 1)
    });
    let error = only_error(&site);
    assert_eq!(error["code"], "unknown-pair", "{error:#}");
    assert_eq!(hint(&error), "did you mean `liam-and-lucia`?");
}

#[test]
fn a_field_of_another_kind_gets_no_unrelated_suggestion() {
    // `end` is one letter from nothing a plain page has: it once drew
    // "did you mean `kind`?".
    let site = Site::from_repo();
    site.edit("content/about/faq.md", |text| {
        text.replacen("---\n", "---\nend: 2026-12-31\n", 1)
    });
    let error = only_error(&site);
    assert_eq!(error["code"], "unknown-field", "{error:#}");
    assert_eq!(
        hint(&error),
        "`end` is a field of `kind: roster` or `kind: pair` pages"
    );
}
