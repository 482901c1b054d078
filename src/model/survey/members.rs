//! Who each respondent is, for splitting a survey's figures: mentor,
//! mentee, which cohorts, from the published (non-draft) pairs; and the
//! rule that keeps one split's figures from giving away a small group's.

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

    /// Whether a split's figures may be shown beside everyone's: only when
    /// each of its parts is empty or large enough. Otherwise everyone's
    /// figure minus the large groups' would give a small group's (a single
    /// mentor's answer, when 5 mentees and 1 mentor answered).
    pub(super) fn split_is_safe(&self, split: Split, people: &[&str], min: usize) -> bool {
        let mut parts: HashMap<Vec<usize>, usize> = HashMap::new();
        for person in people {
            *parts.entry(self.part(split, person)).or_default() += 1;
        }
        parts.values().all(|n| *n >= min)
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
