//! A Fluent bundle for one locale: the theme's catalogues, then the
//! site's overrides over them, numbers written as the locale writes them,
//! and the nesting limit that keeps Fluent's recursion off the stack's edge.

use super::{BUILT_IN, Bundle, Locale, Override, format};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};

/// How deep `{` may nest in a site's message file. Fluent's parser and
/// resolver recurse per level, so a 48 KB file of nested braces overflowed
/// the stack; no real message nests past a handful.
pub const MAX_NESTING: usize = 64;

/// The byte offset of the first `{` or `(` past `MAX_NESTING` levels, if
/// any. Parentheses count inside placeables, where they nest function calls
/// (`NUMBER(NUMBER(...))`, which the parser also follows level by level).
/// Every brace counts, a `"{"` literal too: the limit is far above what a
/// message needs, so overcounting refuses nothing real.
pub fn nested_too_deep(text: &str) -> Option<usize> {
    let (mut braces, mut parens) = (0usize, 0usize);
    for (at, byte) in text.bytes().enumerate() {
        match byte {
            b'{' => braces += 1,
            b'}' => braces = braces.saturating_sub(1),
            b'(' if braces > 0 => parens += 1,
            b')' => parens = parens.saturating_sub(1),
            _ => continue,
        }
        if braces + parens > MAX_NESTING {
            return Some(at);
        }
    }
    None
}

pub(super) fn bundle_of(locale: Locale, overrides: &[&Override]) -> Bundle {
    let langid: unic_langid::LanguageIdentifier = locale.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match locale {
        Locale::En => numbers_en,
        Locale::Pl => numbers_pl,
        Locale::De => numbers_de,
    }));
    for (_, _, text) in BUILT_IN.iter().filter(|(l, _, _)| *l == locale.tag()) {
        // The theme's catalogues are tested to parse (`i18n::tests`).
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    // A file nested too deep is not parsed at all (`overrides::check`
    // reports it): the theme's words stand.
    for o in overrides
        .iter()
        .filter(|o| nested_too_deep(o.text).is_none())
    {
        let resource = FluentResource::try_new(o.text.to_string()).unwrap_or_else(|(r, _)| r);
        bundle.add_resource_overriding(resource);
    }
    bundle
}

// Fluent's formatter hook takes a plain `fn`, so one per locale.
fn numbers_en(
    value: &FluentValue,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    number_in(Locale::En, value)
}
fn numbers_pl(
    value: &FluentValue,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    number_in(Locale::Pl, value)
}
fn numbers_de(
    value: &FluentValue,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    number_in(Locale::De, value)
}

/// Numbers in messages as the locale writes them.
fn number_in(locale: Locale, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(format::number(
            locale,
            n.value,
            n.options.minimum_fraction_digits,
        )),
        _ => None,
    }
}
