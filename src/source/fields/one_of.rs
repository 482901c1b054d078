//! Texts that must be one of a few words (a status, a level, a side), read
//! into their value with the one `bad-value` diagnostic every such field
//! gives, in YAML front matter and in CSV cells alike.

use super::{Ctx, Fields, Spanned};
use crate::diagnostic::{Code, Diagnostic, Span};

/// The words a text field may hold, the value each stands for, and what a
/// wrong word is told.
pub struct OneOf<T: 'static> {
    /// The field as the message names it: "a pair's `status`" gives
    /// "a pair's `status` cannot be `later`".
    pub field: &'static str,
    /// Every accepted word, aliases included, with its value.
    pub values: &'static [(&'static str, T)],
    /// Written out rather than made from `values`: it names the words to
    /// use, which leaves out aliases (`canceled`) and may mark the default.
    pub hint: &'static str,
}

impl<T: Copy> OneOf<T> {
    /// The value `text` stands for, or a `bad-value` diagnostic at its place.
    pub fn pick(
        &self,
        text: Spanned<String>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Spanned<T>> {
        let word = text.value.clone();
        self.pick_as(&word, text, diagnostics)
    }

    /// `pick`, matching `word` (the text as the caller normalised it, e.g.
    /// lowercased) while the message quotes `text` as written.
    pub fn pick_as(
        &self,
        word: &str,
        text: Spanned<String>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<Spanned<T>> {
        match self.values.iter().find(|(known, _)| *known == word) {
            Some(&(_, value)) => Some(Spanned::new(value, text.span)),
            None => {
                let found = format!("`{}`", text.value);
                diagnostics.push(bad_value(text.span, self.field, &found, self.hint));
                None
            }
        }
    }
}

/// The `bad-date` diagnostic of field `key`, saying how to write a date.
pub fn bad_date(span: Span, key: &str, message: &str) -> Diagnostic {
    Diagnostic::error(Code::BadDate, span, format!("`{key}`: {message}"))
        .with_hint("write dates as YYYY-MM-DD, e.g. 2026-03-02")
}

/// The `bad-value` diagnostic: `field` (as the message names it) cannot be
/// `found` (a quoted word, or a kind of value such as "a list").
pub fn bad_value(span: Span, field: &str, found: &str, hint: &str) -> Diagnostic {
    Diagnostic::error(Code::BadValue, span, format!("{field} cannot be {found}")).with_hint(hint)
}

impl Fields<'_> {
    /// The text under `key` as one of `choices`' values; absent (`None`)
    /// when the key is missing or holds another word (reported).
    pub fn one_of<T: Copy>(
        &mut self,
        key: &'static str,
        choices: &OneOf<T>,
        ctx: &mut Ctx,
    ) -> Option<Spanned<T>> {
        let text = self.string(key, ctx)?;
        choices.pick(text, ctx.diagnostics)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse;

    const LEVEL: OneOf<u8> = OneOf {
        field: "`level`",
        values: &[("low", 1), ("high", 2), ("hi", 2)],
        hint: "use `low` or `high`",
    };

    fn level(yaml: &str) -> (Option<u8>, Vec<Diagnostic>) {
        let node = parse(yaml, 1).expect("yaml");
        let mut diagnostics = Vec::new();
        let mut ctx = Ctx {
            file: "a.yaml",
            diagnostics: &mut diagnostics,
        };
        let mut fields = Fields::new(&node, "test", &mut ctx).expect("map");
        let value = fields.one_of("level", &LEVEL, &mut ctx).map(|v| v.value);
        (value, diagnostics)
    }

    #[test]
    fn a_known_word_or_alias_gives_its_value() {
        for (yaml, value) in [
            ("level: high\n", Some(2)),
            ("level: hi\n", Some(2)),
            ("x: 1\n", None),
        ] {
            let (read, ds) = level(yaml);
            assert_eq!(read, value, "{yaml}");
            assert!(ds.is_empty(), "{yaml}");
        }
    }

    #[test]
    fn another_word_is_a_bad_value_at_its_place() {
        let (value, ds) = level("level: medium\n");
        assert_eq!(value, None);
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].code, "bad-value");
        assert_eq!(ds[0].message, "`level` cannot be `medium`");
        assert_eq!(ds[0].hint.as_deref(), Some("use `low` or `high`"));
        assert_eq!((ds[0].span.line, ds[0].span.col), (1, 8));
    }

    #[test]
    fn pick_as_matches_the_normalised_word_and_quotes_the_written_one() {
        let mut ds = Vec::new();
        let text = Spanned::new("HIGH".to_string(), Span::new("a.csv", 2, 3));
        let picked = LEVEL.pick_as("high", text.clone(), &mut ds);
        assert_eq!(picked.map(|v| v.value), Some(2));
        assert!(LEVEL.pick_as("higher", text, &mut ds).is_none());
        assert_eq!(ds[0].message, "`level` cannot be `HIGH`");
    }
}
