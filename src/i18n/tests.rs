use super::*;

#[test]
fn every_built_in_catalogue_parses() {
    for (locale, name, text) in BUILT_IN {
        if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
            panic!("themes/default/i18n/{locale}/{name}: {errors:?}");
        }
    }
}

#[test]
fn polish_counts_take_one_few_and_many() {
    let m = Messages::builtin("pl");
    let forms: Vec<String> = [1, 2, 5, 12, 22, 25]
        .into_iter()
        .map(|n| m.count("ui-pairs-count", n))
        .collect();
    assert_eq!(
        forms,
        ["1 para", "2 pary", "5 par", "12 par", "22 pary", "25 par"]
    );
}

#[test]
fn a_regional_tag_reads_its_language_and_a_missing_message_english() {
    let m = Messages::with_overrides(
        "de-AT",
        &[Override {
            path: "i18n/en.ftl",
            text: "ui-only-english = Only in English\n",
        }],
    );
    assert_eq!(m.locale(), Locale::De);
    assert_eq!(m.count("ui-pairs-count", 2), "2 Paare");
    assert_eq!(m.get("ui-only-english"), "Only in English");
    assert_eq!(m.get("ui-no-such-message"), "ui-no-such-message");
}

#[test]
fn a_sites_override_wins_and_the_regional_file_over_the_base() {
    let overrides = [
        Override {
            path: "i18n/de-AT.ftl",
            text: "ui-home = Startseite (AT)\n",
        },
        Override {
            path: "i18n/de.ftl",
            text: "ui-home = Anfang\nui-pairs-count = { $n } Tandems\n",
        },
    ];
    let at = Messages::with_overrides("de-AT", &overrides);
    assert_eq!(at.get("ui-home"), "Startseite (AT)");
    assert_eq!(at.count("ui-pairs-count", 3), "3 Tandems");
    let de = Messages::with_overrides("de", &overrides);
    assert_eq!(de.get("ui-home"), "Anfang");
    assert_ne!(at.fingerprint(), de.fingerprint());
}

#[test]
fn numbers_in_messages_use_the_locales_separators_and_no_isolation_marks() {
    let m = Messages::builtin("de");
    let text = m.text(
        "ui-sessions-held-of",
        &[("held", 1500.into()), ("total", 2.5.into())],
    );
    assert_eq!(text, "1.500 von 2,5 Terminen stattgefunden");
}
