//! What `check` says of a site's catalogue overrides (`i18n/<locale>.ftl`):
//! Fluent that does not parse, ids the theme has no message for, and
//! messages varying by count that miss a plural category the locale
//! needs. Each at file:line:col, with what to do.

use super::{Locale, Override, english_ids};
use crate::diagnostic::{Code, Diagnostic, Span};
use fluent_bundle::FluentResource;
use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};

/// A warning when no catalogue speaks `language` (set at `span`):
/// neither a built-in one nor a site's override file for it, so pages
/// would show English words in a site that says it is not English.
pub fn language_unknown(language: &str, overrides: &[Override], span: Span) -> Option<Diagnostic> {
    if Locale::of_language(language).is_some()
        || overrides.iter().any(|o| super::applies(o, language))
    {
        return None;
    }
    Some(
        Diagnostic::warning(
            Code::BadValue,
            span,
            format!("mentorbook has no words in language `{language}`: pages will show English"),
        )
        .with_hint(
            "write `language: en`, `pl` or `de` (a regional tag such as `de-AT` reads its \
             language), or translate the theme's messages in i18n/<language>.ftl",
        ),
    )
}

/// Ids a site may add for its own templates' words.
pub const SITE_PREFIX: &str = "site-";

/// Every problem of the overrides of a site in `language` (each file
/// read in its own file's locale).
pub fn check(language: &str, overrides: &[Override]) -> Vec<Diagnostic> {
    let known = english_ids();
    let mut diagnostics = Vec::new();
    for file in overrides {
        if !super::applies(file, language) && !file.tag().eq_ignore_ascii_case("en") {
            diagnostics.push(
                Diagnostic::warning(
                    Code::UnusedMessages,
                    Span::file(file.path),
                    format!(
                        "this file is not used: the site's language is `{language}` \
                         (playbook.yaml's `language:`)"
                    ),
                )
                .with_hint(format!(
                    "name the file after the site's language (i18n/{language}.ftl), or set \
                     `language: {}` in playbook.yaml",
                    file.tag()
                )),
            );
        }
        if let Some(at) = super::nested_too_deep(file.text) {
            let (line, col) = line_col(file.text, at);
            diagnostics.push(
                Diagnostic::error(
                    Code::MessageSyntax,
                    Span::new(file.path, line, col),
                    format!(
                        "placeables nest more than {} deep here, so the file is not read",
                        super::MAX_NESTING
                    ),
                )
                .with_hint("a message needs a few levels of `{ ... }` at most: close them"),
            );
            continue;
        }
        let resource = match FluentResource::try_new(file.text.to_string()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    let (line, col) = line_col(file.text, error.pos.start);
                    diagnostics.push(
                        Diagnostic::error(
                            Code::MessageSyntax,
                            Span::new(file.path, line, col),
                            format!("this is not valid Fluent: {}", error.kind),
                        )
                        .with_hint(
                            "write each message as `id = text` at the start of a line; indent \
                             the lines that continue it, and end a `{ $n -> ... }` choice with \
                             a default variant `*[other]`",
                        ),
                    );
                }
                resource
            }
        };
        let locale = Locale::of_language(file.tag()).unwrap_or(Locale::En);
        // The messages as the site's pages read them, to find references
        // that loop back (`a = { b }`, `b = { a }`).
        let resolved = super::Messages::with_overrides(file.tag(), std::slice::from_ref(file));
        for entry in resource.entries() {
            let Entry::Message(message) = entry else {
                continue;
            };
            let id = message.id.name;
            let span = || {
                let (line, col) = id_position(file.text, id);
                Span::new(file.path, line, col).with_len(id.len())
            };
            // `site-` ids are the site's own, for its own templates.
            if !known.contains(&id) && !id.starts_with(SITE_PREFIX) {
                let mut d = Diagnostic::error(
                    Code::UnknownMessage,
                    span(),
                    format!("the theme has no message `{id}` to override"),
                );
                d = match crate::suggest::did_you_mean(id, &known) {
                    Some(near) => d.with_hint(format!("did you mean `{near}`?")),
                    None => d.with_hint(
                        "copy the id from the theme's catalogue (themes/default/i18n/en/), or \
                         start the id with `site-` for a message of the site's own templates",
                    ),
                };
                diagnostics.push(d);
            }
            if resolved.is_cyclic(id) {
                diagnostics.push(
                    Diagnostic::error(
                        Code::MessageSyntax,
                        span(),
                        format!("`{id}` refers back to itself, so pages would show `{{{id}}}`"),
                    )
                    .with_hint(
                        "a message may use other messages and terms (`{ other-id }`, \
                         `{ -term }`), but none may lead back to the message itself",
                    ),
                );
            }
            let patterns = message
                .value
                .iter()
                .chain(message.attributes.iter().map(|a| &a.value));
            let mut missing: Vec<&str> =
                patterns.flat_map(|p| missing_plurals(p, locale)).collect();
            missing.dedup();
            if !missing.is_empty() {
                let variants: Vec<String> = missing.iter().map(|m| format!("`[{m}]`")).collect();
                diagnostics.push(
                    Diagnostic::warning(
                        Code::MissingPlural,
                        span(),
                        format!(
                            "`{id}` varies by count but has no {} variant, which {} needs",
                            variants.join(" or "),
                            language_name(locale)
                        ),
                    )
                    .with_hint(format!(
                        "add a variant for each of {}: {}",
                        locale.plural_categories().join(", "),
                        plural_example(locale)
                    )),
                );
            }
        }
    }
    diagnostics
}

fn language_name(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "English",
        Locale::Pl => "Polish",
        Locale::De => "German",
    }
}

fn plural_example(locale: Locale) -> &'static str {
    match locale {
        Locale::Pl => "Polish says 1 para, 2 pary, 5 par, 1,5 pary",
        Locale::En | Locale::De => "one for 1, other for the rest",
    }
}

/// The plural categories of `locale` that some choice by count in
/// `pattern` has no variant for (a choice with a category other than
/// `other` among its keys is one by count). Walks with a stack: nesting depth is the file's to
/// choose.
fn missing_plurals(pattern: &Pattern<&str>, locale: Locale) -> Vec<&'static str> {
    const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
    let mut missing = Vec::new();
    let mut stack: Vec<&Pattern<&str>> = vec![pattern];
    while let Some(pattern) = stack.pop() {
        for element in &pattern.elements {
            let PatternElement::Placeable { expression } = element else {
                continue;
            };
            let mut expression = expression;
            // `{ { $n -> ... } }` is the same choice in braces.
            while let Expression::Inline(InlineExpression::Placeable { expression: inner }) =
                expression
            {
                expression = inner;
            }
            let Expression::Select { variants, .. } = expression else {
                continue;
            };
            let keys: Vec<&str> = variants
                .iter()
                .filter_map(|v| match v.key {
                    VariantKey::Identifier { name } => Some(name),
                    VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            // `*[other]` alone is also the default of a choice by kind
            // (`{ $kind -> [roster] ... *[other] ... }`): not one by count.
            if keys.iter().any(|k| *k != "other" && CATEGORIES.contains(k)) {
                for needed in locale.plural_categories() {
                    // `other` (fractions in Polish) falls to the default
                    // variant whatever its key, as `*[many]`: no gap there.
                    let covered = keys.contains(needed) || *needed == "other";
                    if !covered && !missing.contains(needed) {
                        missing.push(*needed);
                    }
                }
            }
            stack.extend(variants.iter().map(|v| &v.value));
        }
    }
    missing
}

/// Line and column (in characters), from 1, of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Where message `id` is defined: the line starting with `id =`.
fn id_position(text: &str, id: &str) -> (usize, usize) {
    text.lines()
        .position(|line| {
            line.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or((1, 1), |i| (i + 1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(path: &str, text: &str) -> Vec<(String, usize, usize, String)> {
        check("pl", &[Override { path, text }])
            .into_iter()
            .map(|d| {
                (
                    d.code.to_string(),
                    d.span.line,
                    d.span.col,
                    format!("{} {}", d.message, d.hint.unwrap_or_default()),
                )
            })
            .collect()
    }

    /// The theme's own catalogues pass the rules a site's overrides do: a
    /// Polish choice without `few` printed "2 oczekiwanych" on every pair.
    #[test]
    fn every_built_in_catalogue_passes_the_override_rules() {
        let mut problems = Vec::new();
        for (locale, name, text) in crate::i18n::BUILT_IN {
            let path = format!("i18n/{locale}.ftl");
            for d in check(locale, &[Override { path: &path, text }]) {
                problems.push(format!("{locale}/{name}:{}: {}", d.span.line, d.message));
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    /// 48 KB of nested braces, or of nested calls, overflowed the stack of
    /// check, build and serve alike: refused before Fluent parses them.
    #[test]
    fn placeables_nested_past_the_limit_are_refused_where_they_pass_it() {
        let braces = format!(
            "ui-menu = {}\"x\"{}\n",
            "{ ".repeat(12_000),
            " }".repeat(12_000)
        );
        let calls = format!(
            "ui-menu = {{ {}1{} }}\n",
            "NUMBER(".repeat(20_000),
            ")".repeat(20_000)
        );
        for text in [braces, calls] {
            let found = codes("i18n/pl.ftl", &text);
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!((found[0].0.as_str(), found[0].1), ("message-syntax", 1));
            assert!(found[0].3.contains("more than 64 deep"), "{found:?}");
            // The site's pages keep the theme's words.
            let m = super::super::Messages::with_overrides(
                "pl",
                &[Override {
                    path: "i18n/pl.ftl",
                    text: &text,
                }],
            );
            assert_eq!(m.get("ui-menu"), "Menu");
        }
        let fine = format!("ui-menu = {}\"x\"{}\n", "{ ".repeat(60), " }".repeat(60));
        assert!(codes("i18n/pl.ftl", &fine).is_empty());
    }

    #[test]
    fn messages_that_refer_back_to_themselves_are_errors() {
        let found = codes(
            "i18n/pl.ftl",
            "ui-menu = { ui-skip-to-content }\nui-skip-to-content = { ui-menu }\nui-home = { -t }\n-t = { -t }\n",
        );
        let cyclic: Vec<usize> = found
            .iter()
            .filter(|f| f.0 == "message-syntax" && f.3.contains("refers back to itself"))
            .map(|f| f.1)
            .collect();
        assert_eq!(cyclic, [1, 2, 3], "{found:?}");
        assert!(codes("i18n/pl.ftl", "ui-menu = { ui-home }\n").is_empty());
    }

    #[test]
    fn a_syntax_error_is_reported_where_it_is() {
        let found = codes(
            "i18n/pl.ftl",
            "ui-home = Start\nui-oops = { $n ->\n  [one] x\n}\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "message-syntax");
        assert_eq!((found[0].1, found[0].2), (4, 1), "{found:?}");
    }

    #[test]
    fn an_unknown_id_gets_a_suggestion() {
        let found = codes("i18n/pl.ftl", "ui-hom = Start\n");
        assert_eq!(found[0].0, "unknown-message");
        assert!(found[0].3.contains("ui-home"), "{found:?}");
    }

    #[test]
    fn a_language_without_words_is_told() {
        let at = Span::new("playbook.yaml", 2, 11);
        assert!(language_unknown("de-CH", &[], at.clone()).is_none());
        let warning = language_unknown("fr", &[], at.clone()).expect("a warning");
        assert!(warning.message.contains("`fr`"), "{}", warning.message);
        let french = Override {
            path: "i18n/fr.ftl",
            text: "ui-home = Accueil\n",
        };
        assert!(language_unknown("fr", &[french], at).is_none());
    }

    #[test]
    fn a_sites_own_messages_start_with_site() {
        assert!(codes("i18n/pl.ftl", "site-welcome = Witaj w programie\n").is_empty());
    }

    #[test]
    fn a_polish_choice_with_only_one_and_other_lacks_few_and_many() {
        let text = "ui-pairs-count = { $n ->\n    [one] jedna para\n   *[other] { $n } par\n}\n";
        let found = codes("i18n/pl.ftl", text);
        let missing: Vec<&str> = found
            .iter()
            .filter(|f| f.0 == "missing-plural")
            .map(|f| f.3.as_str())
            .collect();
        assert_eq!(missing.len(), 1, "one warning per message: {found:?}");
        assert!(missing[0].contains("`[few]` or `[many]`"), "{missing:?}");
        // The same in German is complete (the file is unused in a
        // Polish site, which is all it is told).
        let german = codes("i18n/de.ftl", text);
        assert_eq!(german.len(), 1, "{german:?}");
        assert_eq!(german[0].0, "unused-messages");
    }
}
