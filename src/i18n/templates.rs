//! The catalogue in templates: the `t()` function and the `date` and
//! `number` filters, registered on every theme's Tera (a site's own
//! templates get them too). Documented for theme authors in the README's
//! theming section.

use super::{DateStyle, Messages};
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentValue};
use std::borrow::Cow;
use std::collections::HashMap;
use tera::{Tera, Value};

pub fn register(tera: &mut Tera, messages: &Messages) {
    tera.register_function("t", Translate(messages.clone()));
    tera.register_filter("date", DateFilter(messages.clone()));
    tera.register_filter("number", NumberFilter(messages.clone()));
}

/// `t(key="ui-pairs-count", n=3)`: message `key` with the other arguments
/// as its variables.
struct Translate(Messages);

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let Some(key) = args.get("key").and_then(Value::as_str) else {
            return Err("t() needs the message id: t(key=\"ui-...\")".into());
        };
        if args.len() == 1
            && let Some(text) = self.0.plain(key)
        {
            return Ok(Value::String(text.to_string()));
        }
        if !self.0.has(key) {
            let known = super::english_ids();
            let hint = crate::suggest::did_you_mean(key, &known)
                .map(|near| format!("; did you mean `{near}`?"))
                .unwrap_or_default();
            return Err(format!("no message `{key}` in the catalogue{hint}").into());
        }
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args.iter().filter(|(name, _)| *name != "key") {
            let value = match value {
                Value::Number(n) => FluentValue::Number(FluentNumber::new(
                    n.as_f64().unwrap_or(0.0),
                    FluentNumberOptions::default(),
                )),
                Value::String(s) => FluentValue::String(Cow::Owned(s.clone())),
                Value::Null => FluentValue::None,
                other => FluentValue::String(Cow::Owned(other.to_string())),
            };
            fluent.set(name.clone(), value);
        }
        Ok(Value::String(
            self.0.format(key, &fluent).unwrap_or_default(),
        ))
    }
}

/// `"2026-12-01" | date` (long), `| date(style="short")`, `"month"`.
/// An empty value stays empty (a date not set).
struct DateFilter(Messages);

impl tera::Filter for DateFilter {
    fn filter(&self, value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let text = value.as_str().unwrap_or("");
        if text.is_empty() {
            return Ok(Value::String(String::new()));
        }
        let style = match args.get("style").and_then(Value::as_str).unwrap_or("long") {
            "long" => DateStyle::Long,
            "short" => DateStyle::Short,
            "month" => DateStyle::Month,
            other => {
                return Err(format!(
                    "date(style=\"{other}\"): the styles are \"long\", \"short\" and \"month\""
                )
                .into());
            }
        };
        let date = text
            .get(..10)
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .ok_or_else(|| format!("date: `{text}` is no YYYY-MM-DD date"))?;
        Ok(Value::String(self.0.date(date, style)))
    }
}

/// `3.5 | number` (`3,5` in Polish), `| number(decimals=1)`,
/// `0.45 | number(style="percent")` (`45 %` in German).
struct NumberFilter(Messages);

impl tera::Filter for NumberFilter {
    fn filter(&self, value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let number = match value {
            Value::Number(n) => n.as_f64(),
            Value::String(s) if s.is_empty() => return Ok(Value::String(String::new())),
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        }
        .ok_or_else(|| format!("number: `{value}` is no number"))?;
        let decimals = args
            .get("decimals")
            .and_then(Value::as_u64)
            .map(|d| d.min(20) as usize);
        let text = match args.get("style").and_then(Value::as_str) {
            None | Some("decimal") => self.0.number(number, decimals),
            Some("percent") => self.0.percent(number, decimals),
            Some(other) => {
                return Err(format!(
                    "number(style=\"{other}\"): the styles are \"decimal\" and \"percent\""
                )
                .into());
            }
        };
        Ok(Value::String(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(language: &str, template: &str) -> Result<String, String> {
        let mut tera = Tera::default();
        register(&mut tera, &Messages::builtin(language));
        tera.add_raw_template("t", template)
            .map_err(|e| e.to_string())?;
        tera.render("t", &tera::Context::new()).map_err(|e| {
            // Tera wraps the reason: "Function call 't' failed", then ours.
            let mut chain = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(inner) = source {
                chain.push_str(": ");
                chain.push_str(&inner.to_string());
                source = inner.source();
            }
            chain
        })
    }

    #[test]
    fn templates_get_messages_dates_and_numbers_in_the_sites_language() {
        let page = r#"{{ t(key="ui-pairs-count", n=22) }}|{{ "2026-12-01" | date }}|{{ "2026-12-01" | date(style="short") }}|{{ 1234.5 | number }}|{{ 0.45 | number(style="percent") }}|{{ "3.27" | number(decimals=1) }}"#;
        assert_eq!(
            render("pl", page).as_deref(),
            Ok("22 pary|1 grudnia 2026|01.12.2026|1234,5|45%|3,3")
        );
        assert_eq!(
            render("de", page).as_deref(),
            Ok("22 Paare|1. Dezember 2026|01.12.2026|1.234,5|45\u{a0}%|3,3")
        );
        assert_eq!(
            render("en", page).as_deref(),
            Ok("22 pairs|1 Dec 2026|01/12/2026|1,234.5|45%|3.3")
        );
    }

    #[test]
    fn a_mistyped_key_or_style_names_what_was_meant() {
        let err = render("en", r#"{{ t(key="ui-pair-count", n=2) }}"#).unwrap_err();
        assert!(err.contains("`ui-pairs-count`"), "{err}");
        let err = render("en", r#"{{ "2026-12-01" | date(style="long-ish") }}"#).unwrap_err();
        assert!(err.contains("\"long\", \"short\" and \"month\""), "{err}");
        let err = render("en", r#"{{ "soon" | date }}"#).unwrap_err();
        assert!(err.contains("no YYYY-MM-DD date"), "{err}");
    }
}
