//! Who each respondent is, for splitting a survey's figures: mentor,
//! mentee, which cohorts, from the published (non-draft) pairs; and the
//! rule that keeps the splits' figures from giving away a small group's.

use crate::model::{Kind, PersonRef, Playbook};
use serde::Serialize;
use std::collections::HashMap;

/// Whose answers a goal takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    All,
    Mentors,
    Mentees,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "lowercase")]
pub enum Group {
    All,
    Mentors,
    Mentees,
    /// A cohort, by its roster's `cohort` name.
    Cohort(String),
}

impl Role {
    pub fn group(self) -> Group {
        match self {
            Role::All => Group::All,
            Role::Mentors => Group::Mentors,
            Role::Mentees => Group::Mentees,
        }
    }
}

/// Who a respondent counts as: mentor, mentee, and which cohorts.
#[derive(Default)]
struct Member {
    mentor: bool,
    mentee: bool,
    cohorts: Vec<usize>,
}

/// Every respondent's roles and cohorts, from the published pairs.
pub(super) struct Members<'a> {
    cohorts: Vec<String>,
    people: HashMap<&'a str, Member>,
}

/// Groups that split everyone one way: by role, or by cohort.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Split {
    Roles,
    Cohorts,
}

impl<'a> Members<'a> {
    pub(super) fn of(playbook: &'a Playbook) -> Members<'a> {
        let mut cohorts: Vec<String> = Vec::new();
        let mut people: HashMap<&str, Member> = HashMap::new();
        for pair in playbook.pairs.iter().filter(|p| !p.draft) {
            let Some(Kind::Roster(roster)) = playbook.pages.get(pair.roster).map(|p| &p.kind)
            else {
                continue;
            };
            let cohort = match cohorts.iter().position(|c| *c == roster.cohort) {
                Some(at) => at,
                None => {
                    cohorts.push(roster.cohort.clone());
                    cohorts.len() - 1
                }
            };
            for (person, is_mentor) in [(&pair.mentor, true), (&pair.mentee, false)] {
                let Some(PersonRef::Id(id)) = person else {
                    continue;
                };
                let member = people.entry(id.value.as_str()).or_default();
                if is_mentor {
                    member.mentor = true;
                } else {
                    member.mentee = true;
                }
                if !member.cohorts.contains(&cohort) {
                    member.cohorts.push(cohort);
                    member.cohorts.sort_unstable();
                }
            }
        }
        Members { cohorts, people }
    }

    pub(super) fn groups(&self) -> Vec<Group> {
        let mut groups = vec![Group::All, Group::Mentors, Group::Mentees];
        groups.extend(self.cohorts.iter().cloned().map(Group::Cohort));
        groups
    }

    pub(super) fn belongs(&self, group: &Group, person: &str) -> bool {
        let member = self.people.get(person);
        match group {
            Group::All => true,
            Group::Mentors => member.is_some_and(|m| m.mentor),
            Group::Mentees => member.is_some_and(|m| m.mentee),
            Group::Cohort(name) => {
                member.is_some_and(|m| m.cohorts.iter().any(|c| self.cohorts.get(*c) == Some(name)))
            }
        }
    }

    /// Which part of `split` a respondent is in: people with the same
    /// roles (or the same cohorts) are one part, those in none another.
    fn part(&self, split: Split, person: &str) -> Vec<usize> {
        let member = self.people.get(person);
        match split {
            Split::Roles => vec![
                usize::from(member.is_some_and(|m| m.mentor)),
                usize::from(member.is_some_and(|m| m.mentee)),
            ],
            Split::Cohorts => member.map(|m| m.cohorts.clone()).unwrap_or_default(),
        }
    }

    /// Whether every part `part` puts a respondent in is empty or large
    /// enough.
    fn parts_are_large(
        &self,
        people: &[&str],
        min: usize,
        part: impl Fn(&str) -> Vec<usize>,
    ) -> bool {
        let mut parts: HashMap<Vec<usize>, usize> = HashMap::new();
        for person in people {
            *parts.entry(part(person)).or_default() += 1;
        }
        parts.values().all(|n| *n >= min)
    }

    /// Whether a split's figures may be shown beside everyone's: only when
    /// each of its parts is empty or large enough. Otherwise everyone's
    /// figure minus the large groups' would give a small group's (a single
    /// mentor's answer, when 5 mentees and 1 mentor answered).
    fn split_is_safe(&self, split: Split, people: &[&str], min: usize) -> bool {
        self.parts_are_large(people, min, |p| self.part(split, p))
    }

    /// Which splits of these respondents' figures may be shown: the roles'
    /// when safe on their own; the cohorts' when safe on their own and,
    /// if the roles' are shown too, when each combination of roles and
    /// cohorts is empty or large enough. Judged apart, two safe splits can
    /// still give a small group away: 5 mentors and 1 mentee of cohort A
    /// and 5 mentees of B show groups of 5 and 6 only, yet cohort A's
    /// figure minus the mentors' is the one mentee's answer.
    pub(super) fn shown_splits(&self, people: &[&str], min: usize) -> Shown {
        let roles = self.split_is_safe(Split::Roles, people, min);
        let combined = |p: &str| {
            let mut key = self.part(Split::Roles, p);
            key.extend(self.part(Split::Cohorts, p));
            key
        };
        let cohorts = self.split_is_safe(Split::Cohorts, people, min)
            && (!roles || self.parts_are_large(people, min, combined));
        Shown { roles, cohorts }
    }
}

/// Which splits of one round's (and question's) figures may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shown {
    pub roles: bool,
    pub cohorts: bool,
}

impl Shown {
    pub(super) fn allows(self, split: Option<Split>) -> bool {
        match split {
            None => true,
            Some(Split::Roles) => self.roles,
            Some(Split::Cohorts) => self.cohorts,
        }
    }
}

impl Group {
    pub(super) fn split(&self) -> Option<Split> {
        match self {
            Group::All => None,
            Group::Mentors | Group::Mentees => Some(Split::Roles),
            Group::Cohort(_) => Some(Split::Cohorts),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the splits of `groups` (role, cohort `a` or `b`, how many
    /// answered) may be shown with a minimum of 5.
    fn shown(groups: &[(&str, &str, usize)]) -> Shown {
        let ids: Vec<String> = groups
            .iter()
            .flat_map(|(role, cohort, n)| (0..*n).map(move |i| format!("{role}-{cohort}{i}")))
            .collect();
        let mut people = HashMap::new();
        for id in &ids {
            let member = Member {
                mentor: id.starts_with("mentor"),
                mentee: id.starts_with("mentee"),
                cohorts: vec![usize::from(id.contains("-b"))],
            };
            people.insert(id.as_str(), member);
        }
        let members = Members {
            cohorts: vec!["A".to_string(), "B".to_string()],
            people,
        };
        let respondents: Vec<&str> = ids.iter().map(String::as_str).collect();
        members.shown_splits(&respondents, 5)
    }

    const BOTH: Shown = Shown {
        roles: true,
        cohorts: true,
    };
    const ROLES: Shown = Shown {
        roles: true,
        cohorts: false,
    };
    const COHORTS: Shown = Shown {
        roles: false,
        cohorts: true,
    };

    #[test]
    fn cohorts_beside_roles_need_every_combination_large_enough() {
        // Mentors 5, mentees 6, cohort A 6, cohort B 5, but cohort A minus
        // the mentors is one mentee: the cohorts are withheld.
        let leak = [("mentor", "a", 5), ("mentee", "a", 1), ("mentee", "b", 5)];
        assert_eq!(shown(&leak), ROLES);
        // Five in each combination that has anyone: both shown.
        let fine = [("mentor", "a", 5), ("mentee", "a", 5), ("mentee", "b", 5)];
        assert_eq!(shown(&fine), BOTH);
        // A cohort of 4 is withheld whatever the roles.
        let small = [("mentor", "a", 6), ("mentee", "a", 4), ("mentee", "b", 4)];
        assert_eq!(shown(&small), ROLES);
    }

    #[test]
    fn cohorts_without_the_roles_are_judged_on_their_own() {
        // One mentee withholds the roles; cohorts A (6) and B (6) are
        // then everyone's only split, and large enough.
        let one_mentee = [("mentor", "a", 6), ("mentor", "b", 5), ("mentee", "b", 1)];
        assert_eq!(shown(&one_mentee), COHORTS);
    }
}
