//! Numbers in front matter and `playbook.yaml`: whole numbers, counts,
//! minutes and measured values, each within a range that keeps every sum,
//! difference and ratio made of them finite (a goal at 1.7e308 made its
//! progress NaN), and an author's decimal comma (`3,4`) named as such.

use super::{Ctx, Fields, Spanned};
use crate::diagnostic::{Code, Diagnostic};
use crate::yaml::{Node, Value};

/// The largest magnitude a measured value (a goal's baseline, target or
/// result) may have: far beyond any count, share or amount a program
/// measures, and small enough that differences and ratios of such values
/// stay finite and exact to the unit.
pub const MAX_NUMBER: f64 = 1e15;

/// The largest count or threshold (`rules.max_pairs_per_person`,
/// `progress.at_risk_behind`): far above any program's, and low enough that
/// adding one to a count of sessions cannot wrap around.
pub const MAX_COUNT: u32 = 1_000_000;

/// The longest a session or one agenda item may last, in minutes: a day.
/// It also keeps an agenda's total far from `u32::MAX`.
pub const MAX_MINUTES: u32 = 24 * 60;

impl Fields<'_> {
    pub fn int(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<Spanned<i64>> {
        let node = self.node(key)?;
        match node.value {
            Value::Int(i) => Some(Spanned::new(i, ctx.span_of(node))),
            // Too many digits for an i64: a whole number all the same.
            Value::Float(f) if !f.is_finite() || f.abs() >= 9.2e18 => {
                out_of_range(ctx, key, node, "a whole number from -2^63 to 2^63");
                None
            }
            _ => {
                ctx.wrong_type(key, node, "a whole number");
                None
            }
        }
    }

    /// A whole number that is zero or more (counts, thresholds).
    pub fn count(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<Spanned<u32>> {
        self.bounded(key, MAX_COUNT, ctx)
    }

    /// Minutes: a whole number from 0 to a day.
    pub fn minutes(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<Spanned<u32>> {
        self.bounded(key, MAX_MINUTES, ctx)
    }

    fn bounded(&mut self, key: &'static str, max: u32, ctx: &mut Ctx) -> Option<Spanned<u32>> {
        let node = self.node(key)?;
        match node.value {
            Value::Int(i) => match u32::try_from(i) {
                Ok(n) if n <= max => Some(Spanned::new(n, ctx.span_of(node))),
                _ => {
                    let range = format!("a whole number from 0 to {max}");
                    out_of_range(ctx, key, node, &range);
                    None
                }
            },
            _ => {
                let expected = "a whole number of zero or more";
                report_wrong_type(ctx, key, node, expected);
                None
            }
        }
    }

    /// A measured value, within ±[`MAX_NUMBER`].
    pub fn number(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<Spanned<f64>> {
        let node = self.node(key)?;
        let value = match node.value {
            Value::Int(i) => i as f64,
            Value::Float(f) => f,
            _ => {
                report_wrong_type(ctx, key, node, "a number");
                return None;
            }
        };
        if value.is_finite() && value.abs() <= MAX_NUMBER {
            Some(Spanned::new(value, ctx.span_of(node)))
        } else {
            out_of_range(ctx, key, node, "a number from -10^15 to 10^15");
            None
        }
    }

    pub fn required_number(&mut self, key: &'static str, ctx: &mut Ctx) -> Option<Spanned<f64>> {
        self.required(key, ctx, Self::number)
    }
}

/// `wrong-type`, with the decimal-comma hint when the text is a number
/// written with a comma.
fn report_wrong_type(ctx: &mut Ctx, key: &str, node: &Node, expected: &str) {
    let Some(hint) = decimal_comma(node) else {
        ctx.wrong_type(key, node, expected);
        return;
    };
    let span = ctx.span_of(node);
    ctx.push(
        Diagnostic::error(
            Code::WrongType,
            span,
            format!("`{key}` must be {expected}, found text"),
        )
        .with_hint(hint),
    );
}

fn out_of_range(ctx: &mut Ctx, key: &str, node: &Node, range: &str) {
    let span = ctx.span_of(node);
    ctx.push(
        Diagnostic::error(
            Code::OutOfRange,
            span,
            format!("`{key}` is out of range: it must be {range}"),
        )
        .with_hint(format!("write `{key}` as {range}")),
    );
}

/// The hint for text that is a number written with a decimal comma (`3,4`)
/// or a thousands separator (`1,000`).
fn decimal_comma(node: &Node) -> Option<String> {
    let Value::Str(text) = &node.value else {
        return None;
    };
    let digits = text.trim().trim_start_matches(['-', '+']);
    let (whole, fraction) = digits.split_once(',')?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let point = text.trim().replacen(',', ".", 1);
    Some(if fraction.len() == 3 {
        format!(
            "numbers take a decimal point and no thousands separator: write `{point}` or `{}`",
            text.trim().replacen(',', "", 1)
        )
    } else {
        format!("numbers take a decimal point, not a comma: write `{point}`")
    })
}

/// The hint for a mapping key that is a number right after a number value:
/// `{value: 3,4}` reads as `value: 3` and a key `4`.
pub(super) fn comma_split_number(previous_value: Option<&Node>, key: &Node) -> Option<String> {
    let numeric = |v: &Value| matches!(v, Value::Int(_) | Value::Float(_));
    (numeric(&key.value) && previous_value.is_some_and(|v| numeric(&v.value))).then(|| {
        "a comma inside `{ }` or `[ ]` ends a value: write decimal numbers with a point (`3.4`, not `3,4`)"
            .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse;

    /// The diagnostics of reading `yaml` with `read`.
    fn read(yaml: &str, read: impl FnOnce(&mut Fields, &mut Ctx)) -> Vec<Diagnostic> {
        let node = parse(yaml, 2).expect("yaml");
        let mut diagnostics = Vec::new();
        let mut ctx = Ctx {
            file: "content/goals.md",
            diagnostics: &mut diagnostics,
        };
        let mut fields = Fields::new(&node, "goal", &mut ctx).expect("map");
        read(&mut fields, &mut ctx);
        fields.finish(&mut ctx, &|_| None);
        diagnostics
    }

    fn number_of(yaml: &str) -> (Option<f64>, Vec<Diagnostic>) {
        let mut value = None;
        let ds = read(yaml, |f, c| value = f.number("target", c).map(|v| v.value));
        (value, ds)
    }

    #[test]
    fn a_number_too_large_for_anything_is_out_of_range() {
        for written in [
            "1e999",
            "-1e999",
            "1.7e308",
            "-1.7e308",
            "1e16",
            "9223372036854775807",
        ] {
            let (value, ds) = number_of(&format!("target: {written}\n"));
            assert_eq!(value, None, "{written}");
            assert_eq!(ds.len(), 1, "{written}: {ds:?}");
            assert_eq!(ds[0].code, "out-of-range");
            assert_eq!(
                ds[0].message,
                "`target` is out of range: it must be a number from -10^15 to 10^15"
            );
            assert_eq!((ds[0].span.line, ds[0].span.col), (2, 9));
        }
        assert_eq!(number_of("target: -1e15\n").0, Some(-1e15));
        assert_eq!(number_of("target: 12.5\n").0, Some(12.5));
    }

    #[test]
    fn a_decimal_comma_is_named() {
        let (_, ds) = number_of("target: 3,4\n");
        assert_eq!(ds[0].message, "`target` must be a number, found text");
        assert_eq!(
            ds[0].hint.as_deref(),
            Some("numbers take a decimal point, not a comma: write `3.4`")
        );
        let (_, ds) = number_of("target: 1,000\n");
        assert!(
            ds[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("`1.000` or `1000`"))
        );
        let (_, ds) = number_of("target: high\n");
        assert_eq!(ds[0].hint.as_deref(), Some("write `target` as a number"));
    }

    #[test]
    fn a_decimal_comma_in_braces_is_named_at_the_stray_key() {
        let ds = read("{target: 3,4}\n", |f, c| {
            f.number("target", c);
        });
        assert_eq!(ds.len(), 1, "{ds:?}");
        assert_eq!(ds[0].message, "goal has a key that is not text");
        assert_eq!((ds[0].span.line, ds[0].span.col), (2, 12));
        assert!(
            ds[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("`3.4`, not `3,4`")),
            "{ds:?}"
        );
    }

    #[test]
    fn minutes_stop_at_a_day_and_counts_at_a_million() {
        let mut got = (None, None);
        let ds = read("minutes: 4294967295\nduration: 1440\n", |f, c| {
            got = (
                f.minutes("minutes", c).map(|v| v.value),
                f.minutes("duration", c).map(|v| v.value),
            );
        });
        assert_eq!(got, (None, Some(MAX_MINUTES)));
        assert_eq!(
            ds[0].message,
            "`minutes` is out of range: it must be a whole number from 0 to 1440"
        );
        let ds = read("at_risk_behind: 4294967295\n", |f, c| {
            f.count("at_risk_behind", c);
        });
        assert_eq!(ds[0].code, "out-of-range");
        let ds = read("weight: 99999999999999999999\n", |f, c| {
            f.int("weight", c);
        });
        assert_eq!(ds[0].code, "out-of-range", "{ds:?}");
    }
}
