//! `programs:`: the programs one site holds, each a folder under
//! `content/` with its own rules and progress thresholds. A key a program
//! leaves out inherits the site's (top-level) value, so these are read
//! after the site's own `progress:` and `rules:`.

use super::{Config, Rules, Thresholds};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::fields::{Ctx, Fields, Spanned};
use crate::urls;
use crate::yaml::{Node, Value};
use std::collections::HashMap;

/// One entry of `programs:`.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramConfig {
    /// Its folder under `content/`, also its name in exports and URLs.
    pub id: Spanned<String>,
    /// `title:`, else the folder's `_index.md` title (the model's).
    pub title: Option<String>,
    pub progress: Thresholds,
    pub rules: Rules,
}

/// Reads `programs:` into `config.programs`: entries with a bad or
/// repeated id are reported and left out, so the rest still build.
pub(super) fn read(node: &Node, config: &mut Config, ctx: &mut Ctx) {
    let Value::Seq(items) = &node.value else {
        ctx.wrong_type("programs", node, "a list (lines starting with `- id: ...`)");
        return;
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for item in items {
        let Some(mut f) = Fields::new(item, "a program in `programs`", ctx) else {
            continue;
        };
        let id = f.required_string("id", ctx);
        let title = f.string("title", ctx).map(|t| t.value);
        let mut progress = config.progress;
        if let Some(node) = f.node("progress") {
            super::read_progress(node, &mut progress, ctx);
        }
        let mut rules = config.rules;
        if let Some(node) = f.node("rules") {
            super::read_rules(node, &mut rules, ctx);
        }
        f.finish(ctx, &|_| None);
        let Some(id) = id else { continue };
        if let Some(problem) = urls::id_problem(&id.value) {
            ctx.push(
                Diagnostic::error(
                    Code::BadId,
                    id.span.clone(),
                    format!("program id `{}` cannot be used: {problem}", urls::quote(&id.value)),
                )
                .with_hint(format!(
                    "a program's id is its folder under `content/`: name the folder plainly, e.g. `{}`, and write that",
                    urls::plain_id(&id.value)
                )),
            );
            continue;
        }
        if let Some(&line) = seen.get(&id.value) {
            ctx.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    id.span.clone(),
                    format!("program id `{}` is used twice", id.value),
                )
                .with_hint(format!(
                    "it is first listed on line {line}; list each program once"
                )),
            );
            continue;
        }
        seen.insert(id.value.clone(), id.span.line);
        config.programs.push(ProgramConfig {
            id,
            title,
            progress,
            rules,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::config::read_text;

    #[test]
    fn a_program_inherits_what_it_leaves_out() {
        let (config, diagnostics) = read_text(
            "rules:\n  max_pairs_per_person: 3\nprograms:\n  - id: leaders\n    title: Reverse mentoring\n    progress: {at_risk_behind: 2}\n  - id: buddies\n    rules: {max_pairs_per_person: 1}\nprogress:\n  stalled_after_periods: 4\n",
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let [leaders, buddies] = &config.programs[..] else {
            panic!("{:?}", config.programs)
        };
        assert_eq!(leaders.id.value, "leaders");
        assert_eq!(leaders.title.as_deref(), Some("Reverse mentoring"));
        assert_eq!(
            (
                leaders.progress.at_risk_behind,
                leaders.progress.stalled_after_periods
            ),
            (2, 4)
        );
        assert_eq!(leaders.rules.max_pairs_per_person, 3);
        assert_eq!(buddies.rules.max_pairs_per_person, 1);
        assert_eq!(buddies.progress, config.progress);
    }

    #[test]
    fn bad_programs_are_told_at_their_place() {
        let (config, diagnostics) = read_text(
            "programs:\n  - id: Leaders\n  - id: buddies\n    titel: Buddies\n  - id: buddies\n  - title: No id\n",
        );
        let found: Vec<_> = diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.span.line, d.span.col))
            .collect();
        assert_eq!(
            found,
            [
                ("bad-id", 2, 9),
                ("unknown-field", 4, 5),
                ("duplicate-id", 5, 9),
                ("missing-field", 6, 5),
            ]
        );
        assert!(
            diagnostics[1]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("`title`"))
        );
        let ids: Vec<&str> = config
            .programs
            .iter()
            .map(|p| p.id.value.as_str())
            .collect();
        assert_eq!(ids, ["buddies"]);
        let (_, diagnostics) = read_text("programs: leaders\n");
        assert_eq!(diagnostics[0].code, "wrong-type");
    }
}
