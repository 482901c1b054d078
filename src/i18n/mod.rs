//! The site in its readers' language: every word the theme and the
//! generated pages add comes from a Fluent message catalogue, and dates
//! and numbers are written as the locale writes them.
//!
//! Catalogues: `themes/default/i18n/<locale>/<area>.ftl` for `en`, `pl`
//! and `de`, compiled in (`build.rs` embeds every `.ftl` file there, one
//! area file per owner: `ui.ftl`, `search.ftl`, ...). `language:` in
//! playbook.yaml (BCP 47) picks the locale: `de-AT` reads `de`, any
//! language not built in reads English. A message the locale lacks is
//! taken from English. A site overrides single messages in
//! `i18n/<locale>.ftl` (`i18n/de.ftl`, then `i18n/de-AT.ftl`, win over
//! the theme's; `i18n/en.ftl` over the English the others fall back to);
//! `overrides` reports their problems.
//!
//! For render code (the one API, so that no English literal reaches a page):
//! the site's `Messages` is `playbook.messages` (`self.playbook.messages`
//! in a render `Context`); `get(id)` a message without variables,
//! `count(id, n)` one with a count `$n`, `text(id, &[(name, value)])` any,
//! `date`/`date_label`, `number`, `percent` for dates and numbers. Words
//! of exports (CSV headers, JSON keys) stay English: they are data.
//!
//! ```
//! use mentorbook::i18n::{DateStyle, Messages};
//! let m = Messages::builtin("pl");
//! assert_eq!(m.count("ui-pairs-count", 5), "5 par");
//! assert_eq!(m.text("ui-sessions-held-of", &[("held", 5.into()), ("total", 8.into())]),
//!            "5 z 8 spotkań odbytych");
//! let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
//! assert_eq!(m.date(date, DateStyle::Long), "1 grudnia 2026");
//! assert_eq!(m.number(3.5, None), "3,5");
//! ```
//!
//! For templates (`templates::register`, done for every theme):
//! `{{ t(key="ui-pairs-count", n=3) }}` (every named argument besides `key`
//! becomes a Fluent variable: `$n`), `{{ iso_date | date }}`,
//! `{{ iso_date | date(style="short") }}`, `{{ 3.5 | number }}`,
//! `{{ 0.45 | number(style="percent") }}`, `{{ x | number(decimals=1) }}`.
//!
//! Message ids are kebab-case, prefixed by area (`ui-`, `search-`, ...).
//! Numbers given as variables select plural variants by CLDR rules and
//! print with the locale's separators (`Messages::number`). Unicode
//! isolation marks are off: pages are HTML, whose `dir` does that job.

mod bundle;
mod format;
pub mod overrides;
pub mod templates;

use bundle::bundle_of;
pub use bundle::{MAX_NESTING, nested_too_deep};
pub use format::{DateStyle, Locale};

use chrono::NaiveDate;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::Arc;

/// (locale, file name, text) of every catalogue of the default theme.
pub const BUILT_IN: &[(&str, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// A variable of a message: a number (which also picks plural variants)
/// or text.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    Number(f64),
    Text(Cow<'a, str>),
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(usize, u32, u64, i32, i64, f64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

type Bundle = FluentBundle<FluentResource>;

/// The messages, date and number formats of one site's language.
/// Cheap to clone and shared between render threads.
#[derive(Clone)]
pub struct Messages(Arc<Inner>);

struct Inner {
    language: String,
    locale: Locale,
    bundle: Bundle,
    /// English, for messages the locale's catalogue lacks; `None` when
    /// the locale is English.
    english: Option<Bundle>,
    fingerprint: u64,
    /// The theme's messages without variables, formatted once: most words
    /// on a page are these, asked for thousands of times in a build.
    plain: std::collections::HashMap<&'static str, String>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("language", &self.0.language)
            .field("locale", &self.0.locale)
            .finish_non_exhaustive()
    }
}

impl Default for Messages {
    fn default() -> Self {
        Messages::english().clone()
    }
}

/// A site's catalogue override: its path (`i18n/pl.ftl`) and text.
#[derive(Debug, Clone, Copy)]
pub struct Override<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

impl Override<'_> {
    /// The locale tag its file name gives: `i18n/de-AT.ftl` is `de-AT`.
    pub fn tag(&self) -> &str {
        let name = self.path.rsplit('/').next().unwrap_or(self.path);
        name.strip_suffix(".ftl").unwrap_or(name)
    }
}

impl Inner {
    /// Message `id` from the locale's catalogue, else English's.
    fn format(&self, id: &str, args: &FluentArgs) -> Option<String> {
        self.formatted(id, args).map(|(text, _)| text)
    }

    /// `format`, only when it needs no variable that `args` lacks.
    fn format_plain(&self, id: &str, args: &FluentArgs) -> Option<String> {
        self.formatted(id, args)
            .and_then(|(text, complete)| complete.then_some(text))
    }

    /// Whether message `id` refers back to itself, through other messages
    /// or terms: Fluent then prints `{id}` in its place.
    fn is_cyclic(&self, id: &str) -> bool {
        let Some(message) = self.bundle.get_message(id) else {
            return false;
        };
        let mut errors = Vec::new();
        let args = FluentArgs::new();
        for pattern in message
            .value()
            .into_iter()
            .chain(message.attributes().map(|a| a.value()))
        {
            self.bundle
                .format_pattern(pattern, Some(&args), &mut errors);
        }
        errors.iter().any(|e| {
            matches!(
                e,
                fluent_bundle::FluentError::ResolverError(
                    fluent_bundle::resolver::ResolverError::Cyclic
                )
            )
        })
    }

    fn formatted(&self, id: &str, args: &FluentArgs) -> Option<(String, bool)> {
        [Some(&self.bundle), self.english.as_ref()]
            .into_iter()
            .flatten()
            .find_map(|bundle| {
                let pattern = bundle.get_message(id)?.value()?;
                let mut errors = Vec::new();
                let text = bundle
                    .format_pattern(pattern, Some(args), &mut errors)
                    .into_owned();
                Some((text, errors.is_empty()))
            })
    }
}

impl Messages {
    /// The theme's English messages, made once: for code that renders
    /// without a site (the Markdown renderer's default).
    pub fn english() -> &'static Messages {
        static ENGLISH: std::sync::OnceLock<Messages> = std::sync::OnceLock::new();
        ENGLISH.get_or_init(|| Messages::builtin("en"))
    }

    /// The theme's messages for `language`, without a site's overrides.
    pub fn builtin(language: &str) -> Messages {
        Messages::with_overrides(language, &[])
    }

    /// The theme's messages for `language` with the site's overrides that
    /// apply to it; files that do not parse are applied as far as they do
    /// (`overrides::check` reports them).
    pub fn with_overrides(language: &str, overrides: &[Override]) -> Messages {
        let locale = Locale::of_language(language).unwrap_or(Locale::En);
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        std::hash::Hash::hash(&(language, locale), &mut hasher);
        // The base language's file first, so that `de-AT.ftl` wins over `de.ftl`.
        let mut applying: Vec<&Override> =
            overrides.iter().filter(|o| applies(o, language)).collect();
        applying.sort_by_key(|o| o.tag().len());
        for o in &applying {
            std::hash::Hash::hash(&(o.path, o.text), &mut hasher);
        }
        let bundle = bundle_of(locale, &applying);
        let english = (locale != Locale::En).then(|| {
            let en: Vec<&Override> = overrides.iter().filter(|o| o.tag() == "en").collect();
            for o in &en {
                std::hash::Hash::hash(&(o.path, o.text), &mut hasher);
            }
            bundle_of(Locale::En, &en)
        });
        let mut inner = Inner {
            language: language.to_string(),
            locale,
            bundle,
            english,
            fingerprint: std::hash::Hasher::finish(&hasher),
            plain: std::collections::HashMap::new(),
        };
        let none = FluentArgs::new();
        let plain = english_ids()
            .into_iter()
            .filter_map(|id| Some((id, inner.format_plain(id, &none)?)))
            .collect();
        inner.plain = plain;
        Messages(Arc::new(inner))
    }

    pub fn locale(&self) -> Locale {
        self.0.locale
    }

    /// Changes whenever any message or the language does: what a cached
    /// parse of the templates (which call `t()`) must be checked against.
    pub fn fingerprint(&self) -> u64 {
        self.0.fingerprint
    }

    /// Message `id` with its variables. An id no catalogue has comes back
    /// as itself, so that a missing message shows and is not blank.
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            let value = match value {
                Arg::Number(n) => FluentValue::Number(FluentNumber::from(*n)),
                Arg::Text(s) => FluentValue::String(Cow::Owned(s.to_string())),
            };
            fluent_args.set(name.to_string(), value);
        }
        self.format(id, &fluent_args)
            .unwrap_or_else(|| id.to_string())
    }

    /// `text` of a message without variables.
    pub fn get(&self, id: &str) -> String {
        match self.0.plain.get(id) {
            Some(text) => text.clone(),
            None => self.text(id, &[]),
        }
    }

    /// A message without variables, if it is one of the theme's.
    pub(crate) fn plain(&self, id: &str) -> Option<&str> {
        self.0.plain.get(id).map(String::as_str)
    }

    /// `text` of a message whose only variable is the count `$n`.
    pub fn count(&self, id: &str, n: impl Into<f64>) -> String {
        self.text(id, &[("n", Arg::Number(n.into()))])
    }

    /// Whether any catalogue (the locale's or English) has message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.0.bundle.has_message(id) || self.0.english.as_ref().is_some_and(|b| b.has_message(id))
    }

    /// See `Inner::is_cyclic`; for `overrides::check`.
    pub(crate) fn is_cyclic(&self, id: &str) -> bool {
        self.0.is_cyclic(id)
    }

    pub(crate) fn format(&self, id: &str, args: &FluentArgs) -> Option<String> {
        self.0.format(id, args)
    }

    pub fn date(&self, date: NaiveDate, style: DateStyle) -> String {
        format::date(self.0.locale, date, style)
    }

    /// A date as pages show it in running text and tables.
    pub fn date_label(&self, date: NaiveDate) -> String {
        self.date(date, DateStyle::Long)
    }

    /// See `format::number`: `decimals` fixed, or as people write it.
    pub fn number(&self, value: f64, decimals: Option<usize>) -> String {
        format::number(self.0.locale, value, decimals)
    }

    /// A share as a percentage: `0.45` is `45%` (`45 %` in German).
    pub fn percent(&self, fraction: f64, decimals: Option<usize>) -> String {
        format::percent(self.0.locale, fraction, decimals)
    }

    /// A value in percent as written: `87.5` is `87.5%` (`87,5 %` in German).
    pub fn percent_as_written(&self, value: f64) -> String {
        format::percent_as_written(self.0.locale, value)
    }
}

/// Whether a site in `language` reads `file`: its language's or its base
/// language's (`de.ftl` and `de-AT.ftl` for `de-AT`).
fn applies(file: &Override, language: &str) -> bool {
    let base = crate::text::base_language(language);
    let tag = file.tag();
    tag.eq_ignore_ascii_case(language) || tag.eq_ignore_ascii_case(base)
}

/// The ids of every message of the theme's English catalogues, which
/// every other locale translates: what an override may name.
pub fn english_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = BUILT_IN
        .iter()
        .filter(|(locale, _, _)| *locale == "en")
        .flat_map(|(_, _, text)| message_ids(text))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The message ids a catalogue's text defines, read line by line (ids
/// start a line: Fluent's own rule), without parsing it.
fn message_ids(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter_map(|line| {
        let (id, _) = line.split_once('=')?;
        let id = id.trim_end();
        let first = id.chars().next()?;
        (first.is_ascii_alphabetic()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .then_some(id)
    })
}

#[cfg(test)]
mod tests;
