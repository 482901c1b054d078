//! The `matching:` section of playbook.yaml: which pairs `mentorbook match`
//! never proposes (`exclude`), how it scores the others (`weights`) and the
//! lowest score it proposes. Read in the same pass as every other key, so
//! `check` reports a typo here in the pull request that makes it.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::fields::{Ctx, Fields};
use crate::yaml::Node;

/// Which combinations are never proposed (`matching.exclude`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exclude {
    /// Follow `rules.reporting_line` (its depth included), as `check` does.
    pub reporting_line: bool,
    pub same_manager: bool,
    pub same_team: bool,
    pub avoid: bool,
}

/// `matching.weights`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weights {
    pub skill_gap: i64,
    pub shared_interests: i64,
    pub work_style: i64,
}

/// The `matching:` section of playbook.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchingRules {
    pub exclude: Exclude,
    pub weights: Weights,
    pub min_score: i64,
}

impl Default for MatchingRules {
    fn default() -> Self {
        MatchingRules {
            exclude: Exclude {
                reporting_line: true,
                same_manager: true,
                same_team: false,
                avoid: true,
            },
            weights: Weights {
                skill_gap: 3,
                shared_interests: 1,
                work_style: 1,
            },
            min_score: 0,
        }
    }
}

/// Reads the value of `matching:` (never null: an empty `matching:` keeps
/// the defaults). How many active pairs a person may be proposed into is
/// `rules:`'s (`Rules::pair_limit`), as for `check`.
pub(super) fn read(node: &Node, ctx: &mut Ctx) -> MatchingRules {
    let mut rules = MatchingRules::default();
    let Some(mut m) = Fields::new(node, "`matching`", ctx) else {
        return rules;
    };
    if let Some(node) = m.node("exclude")
        && let Some(mut e) = Fields::new(node, "`matching.exclude`", ctx)
    {
        skip_level(&mut e, ctx);
        let x = &mut rules.exclude;
        for (key, target) in [
            ("reporting_line", &mut x.reporting_line),
            ("same_manager", &mut x.same_manager),
            ("same_team", &mut x.same_team),
            ("avoid", &mut x.avoid),
        ] {
            if let Some(v) = e.bool(key, ctx) {
                *target = v;
            }
        }
        e.finish(ctx, &|_| None);
    }
    if let Some(node) = m.node("weights")
        && let Some(mut w) = Fields::new(node, "`matching.weights`", ctx)
    {
        let x = &mut rules.weights;
        for (key, target) in [
            ("skill_gap", &mut x.skill_gap),
            ("shared_interests", &mut x.shared_interests),
            ("work_style", &mut x.work_style),
        ] {
            if let Some(v) = w.count(key, ctx) {
                *target = i64::from(v.value);
            }
        }
        w.finish(ctx, &|_| None);
    }
    if let Some(v) = m.int("min_score", ctx) {
        rules.min_score = v.value;
    }
    m.finish(ctx, &|_| None);
    rules
}

/// `matching.exclude.skip_level`, from before the reporting-line rule had a
/// depth: the skip-level is now level 2 of `rules.reporting_line`, for
/// `check` and `match` alike, so the key does nothing and says so.
fn skip_level(e: &mut Fields, ctx: &mut Ctx) {
    let Some(node) = e.node("skip_level") else {
        return;
    };
    let span = ctx.span_of(node);
    ctx.push(
        Diagnostic::warning(
            Code::UnknownField,
            span,
            "`matching.exclude.skip_level` no longer does anything: `rules.reporting_line` decides for `check` and `match` alike, and its default depth (2) keeps the skip-level apart",
        )
        .with_hint("remove it; to allow skip-level pairs, set `rules.reporting_line: {depth: 1}`"),
    );
}
