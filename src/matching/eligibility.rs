//! The hard rules: who may never be paired (`matching.exclude`), whatever
//! their score. The reporting line comes from the org chart of the declared
//! people and the sign-ups.

use super::Signup;
use super::norm;
use crate::config::MatchingRules;
use crate::model::Person;
use crate::model::org::OrgChart;

/// Why a combination is never proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    ReportingLine,
    SkipLevel,
    SameManager,
    SameTeam,
    Avoid,
    SamePerson,
}

impl Exclusion {
    /// The `matching.exclude` key (or a plain reason).
    pub fn rule(self) -> &'static str {
        match self {
            Exclusion::ReportingLine => "reporting_line",
            Exclusion::SkipLevel => "skip_level",
            Exclusion::SameManager => "same_manager",
            Exclusion::SameTeam => "same_team",
            Exclusion::Avoid => "avoid",
            Exclusion::SamePerson => "same_person",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Exclusion::ReportingLine => "one is in the other's reporting line",
            Exclusion::SkipLevel => "one is the other's manager's manager",
            Exclusion::SameManager => "they report to the same manager",
            Exclusion::SameTeam => "they are in the same team",
            Exclusion::Avoid => "one asked to avoid the other",
            Exclusion::SamePerson => "the same person",
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
pub(super) fn exclusion(
    rules: &MatchingRules,
    org: &OrgChart,
    a: &Signup,
    b: &Signup,
) -> Option<Exclusion> {
    let x = rules.exclude;
    if a.id == b.id {
        return Some(Exclusion::SamePerson);
    }
    if x.avoid && (a.avoid.contains(&b.id) || b.avoid.contains(&a.id)) {
        return Some(Exclusion::Avoid);
    }
    if x.skip_level
        && (org.skip_level_of(&a.id) == Some(b.id.as_str())
            || org.skip_level_of(&b.id) == Some(a.id.as_str()))
    {
        return Some(Exclusion::SkipLevel);
    }
    if x.reporting_line && (org.is_above(&a.id, &b.id) || org.is_above(&b.id, &a.id)) {
        return Some(Exclusion::ReportingLine);
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
