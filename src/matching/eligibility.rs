//! The hard rules: who may never be paired (`matching.exclude`), whatever
//! their score. The reporting line is `check`'s rule (`rules.reporting_line`,
//! its depth included) over the org chart of the declared people and the
//! sign-ups, so a proposed pair never fails `check` on it, and someone at
//! the top of the tree is kept apart only from the levels just below them.

use super::norm;
use super::{Input, Signup};
use crate::model::Person;
use crate::model::org::{OrgChart, manager_words};

/// Why a combination is never proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    /// One is `levels` above the other, within `rules.reporting_line`'s
    /// depth.
    ReportingLine {
        levels: usize,
    },
    SameManager,
    SameTeam,
    Avoid,
    SamePerson,
}

impl Exclusion {
    /// The `matching.exclude` key (or a plain reason).
    pub fn rule(self) -> &'static str {
        match self {
            Exclusion::ReportingLine { .. } => "reporting_line",
            Exclusion::SameManager => "same_manager",
            Exclusion::SameTeam => "same_team",
            Exclusion::Avoid => "avoid",
            Exclusion::SamePerson => "same_person",
        }
    }

    pub fn describe(self) -> String {
        match self {
            Exclusion::ReportingLine { levels } => {
                let plural = if levels == 1 { "" } else { "s" };
                let whose = manager_words(levels).map_or_else(
                    || format!("in the other's reporting line ({levels} levels up"),
                    |words| format!("the other's {words} ({levels} level{plural}"),
                );
                format!("one is {whose}, within `rules.reporting_line`'s depth)")
            }
            Exclusion::SameManager => "they report to the same manager".into(),
            Exclusion::SameTeam => "they are in the same team".into(),
            Exclusion::Avoid => "one asked to avoid the other".into(),
            Exclusion::SamePerson => "the same person".into(),
        }
    }
}

/// Everyone's manager: declared people, overridden by sign-up rows (a
/// sign-up form is newer than the people file).
pub(super) fn org_chart(signups: &[Signup], people: &[Person]) -> OrgChart {
    let declared = people
        .iter()
        .filter_map(|p| Some((p.id.as_str(), p.reports_to.as_ref()?.value.as_str())));
    let signed_up = signups
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.reports_to.as_deref()?)));
    OrgChart::new(declared.chain(signed_up))
}

/// The first hard rule that forbids pairing `a` with `b`, if any.
pub(super) fn exclusion(input: &Input, a: &Signup, b: &Signup) -> Option<Exclusion> {
    let x = input.rules.exclude;
    let org = &input.org;
    if a.id == b.id {
        return Some(Exclusion::SamePerson);
    }
    if x.avoid && (a.avoid.contains(&b.id) || b.avoid.contains(&a.id)) {
        return Some(Exclusion::Avoid);
    }
    if let Some(depth) = input.reporting_line
        && let Some(line) = org.within(&a.id, &b.id, depth)
    {
        return Some(Exclusion::ReportingLine {
            levels: line.levels,
        });
    }
    if x.same_manager
        && let (Some(m1), Some(m2)) = (org.manager_of(&a.id), org.manager_of(&b.id))
        && m1 == m2
    {
        return Some(Exclusion::SameManager);
    }
    if x.same_team && !a.team.trim().is_empty() && norm(&a.team) == norm(&b.team) {
        return Some(Exclusion::SameTeam);
    }
    None
}
