//! The search box's words in the site's language, for search.js: the
//! messages of the catalogue's `search.ftl` as JSON, in one file for the
//! whole site (`static/search-messages.js`, which base.html loads before
//! search.js) rather than in every page. search.js fills `{query}`,
//! `{corrected}`, `{results}` and `{n}` in the browser and picks the form
//! of a count with `Intl.PluralRules` and the page's `lang`, so the build
//! writes one form of `search-results` per CLDR plural category.

use crate::i18n::{Arg, Messages};
use crate::render::OutputFile;
use crate::urls::{SEARCH_MESSAGES_FILE, STATIC_DIR};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use serde::Serialize;
use std::collections::BTreeMap;

/// search.js's MAX_RESULTS: the results the status line says are shown.
const SHOWN: u32 = 10;

/// The one-letter kind codes of the page rows ([`super::kind`]) and their
/// messages.
const KINDS: &[(&str, &str)] = &[
    ("p", "search-kind-page"),
    ("g", "search-kind-goals"),
    ("d", "search-kind-guide"),
    ("s", "search-kind-step"),
    ("t", "search-kind-session"),
    ("r", "search-kind-roster"),
    ("m", "search-kind-pair"),
    ("u", "search-kind-person"),
];

/// Counts tried for an example of each plural category: whole numbers
/// first (what search.js counts), then fractions (Polish `other`).
const SAMPLES: &[f64] = &[
    0.0, 1.0, 2.0, 3.0, 5.0, 11.0, 12.0, 21.0, 22.0, 25.0, 101.0, 0.5, 1.5,
];

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SearchMessages {
    loading: String,
    unavailable: String,
    keep_typing: String,
    no_results: String,
    results: BTreeMap<&'static str, String>,
    showing_top: String,
    corrected: String,
    untitled: String,
    kinds: BTreeMap<&'static str, String>,
}

/// `static/search-messages.js`: `json` (as [`messages_json`] makes it)
/// for search.js, which reads it before a template's `data-messages`
/// (what base.html had in every page, about 1 KB each, before). Among the
/// assets, not the index, so that `serve` keeps it when it makes the
/// index again; a change of messages or language renders everything.
pub fn messages_file(json: &str) -> OutputFile {
    // `</` would end an inline script; the file is loaded by src, but is
    // kept safe wherever it is put, like the index's files.
    let script = format!("window.mentorbookSearchMessages={json};\n").replace("</", "<\\/");
    OutputFile {
        path: format!("{STATIC_DIR}{SEARCH_MESSAGES_FILE}"),
        bytes: script.into_bytes(),
    }
}

/// The JSON of the search box's words.
pub fn messages_json(messages: &Messages, language: &str) -> String {
    let slot = |name: &str| Arg::Text(format!("{{{name}}}").into());
    let view = SearchMessages {
        loading: messages.get("search-loading"),
        unavailable: messages.get("search-unavailable"),
        keep_typing: messages.get("search-keep-typing"),
        no_results: messages.text("search-no-results", &[("query", slot("query"))]),
        results: count_forms(messages, language, "search-results"),
        showing_top: messages.text(
            "search-showing-top",
            &[
                ("results", slot("results")),
                ("shown", Arg::Number(SHOWN.into())),
            ],
        ),
        corrected: messages.text(
            "search-corrected",
            &[
                ("query", slot("query")),
                ("corrected", slot("corrected")),
                ("results", slot("results")),
            ],
        ),
        untitled: messages.get("search-untitled"),
        kinds: KINDS
            .iter()
            .map(|(code, id)| (*code, messages.get(id)))
            .collect(),
    };
    serde_json::to_string(&view).unwrap_or_else(|_| "{}".into())
}

/// Message `id` for a count of each plural category of the locale, the
/// count written `{n}` ("{n} wyników"); without rules for the language,
/// English's.
fn count_forms(messages: &Messages, language: &str, id: &str) -> BTreeMap<&'static str, String> {
    let rules_of = |tag: &str| {
        let lang: unic_langid::LanguageIdentifier = tag.parse().ok()?;
        PluralRules::create(lang, PluralRuleType::CARDINAL).ok()
    };
    let rules = rules_of(language).or_else(|| rules_of("en"));
    let mut forms = BTreeMap::new();
    let Some(rules) = rules else {
        return forms;
    };
    for &n in SAMPLES {
        let Ok(category) = rules.select(n) else {
            continue;
        };
        let name = category_name(category);
        if forms.contains_key(name) {
            continue;
        }
        let text = messages.count(id, n);
        let number = messages.number(n, None);
        forms.insert(name, text.replacen(&number, "{n}", 1));
    }
    forms
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_has_a_form_per_category_and_the_slots_search_js_fills() {
        let json = messages_json(&Messages::builtin("pl"), "pl");
        let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(value["results"]["one"], "{n} wynik");
        assert_eq!(value["results"]["few"], "{n} wyniki");
        assert_eq!(value["results"]["many"], "{n} wyników");
        assert_eq!(value["results"]["other"], "{n} wyniku");
        assert_eq!(value["noResults"], "Brak wyników dla „{query}”");
        assert_eq!(value["showingTop"], "{results}, pokazano 10 najlepszych");
        assert_eq!(value["kinds"]["u"], "osoba");
    }

    #[test]
    fn english_and_german_have_one_and_other() {
        let json = messages_json(&Messages::builtin("de-AT"), "de-AT");
        let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(
            value["results"],
            serde_json::json!({"one": "{n} Ergebnis", "other": "{n} Ergebnisse"})
        );
        let json = messages_json(&Messages::builtin("xx"), "not a tag!");
        assert!(
            json.contains(r#""results":{"one":"{n} result","other":"{n} results"}"#),
            "{json}"
        );
    }
}
