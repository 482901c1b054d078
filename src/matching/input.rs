//! Everything the matcher knows besides the sign-ups: the declared people,
//! the pairs already running in rosters (they use up places), and the
//! rules; with the free places each sign-up has left.

use super::Signup;
use super::draft::{declared_in_draft, in_draft};
use super::eligibility::org_chart;
use crate::config::{Depth, MatchingRules};
use crate::model::org::OrgChart;
use crate::model::{Person, PersonRef, Playbook};
use std::collections::{HashMap, HashSet};

/// Everything the matcher knows, for `propose` and `explain`.
pub struct Input<'a> {
    pub signups: &'a [Signup],
    /// Declared people, except those declared only in earlier drafts.
    pub people: Vec<Person>,
    /// Active pairs per person already in rosters.
    pub active: HashMap<String, u32>,
    /// People already a mentee in an active pair.
    pub paired_mentees: HashSet<String>,
    pub rules: MatchingRules,
    /// `rules.max_pairs_per_person` when `check` enforces it: nobody is
    /// proposed into more active pairs than `check` allows.
    pub pair_limit: Option<u32>,
    /// How many levels apart in one reporting line `check` forbids
    /// (`rules.reporting_line`), `None` when `match` may ignore it: the
    /// rule is off, or `matching.exclude.reporting_line` is `false`.
    pub reporting_line: Option<Depth>,
    /// Declared people's managers, overridden by sign-up rows.
    pub(super) org: OrgChart,
}

impl<'a> Input<'a> {
    pub fn new(signups: &'a [Signup], playbook: &'a Playbook, rules: MatchingRules) -> Input<'a> {
        Input::for_program(signups, playbook, rules, 0)
    }

    /// The input for a cohort of program `program` (by index; 0 in a site
    /// without programs): its rules, and its running pairs only, as
    /// `check` counts pairs per person within a program.
    pub fn for_program(
        signups: &'a [Signup],
        playbook: &'a Playbook,
        rules: MatchingRules,
        program: usize,
    ) -> Input<'a> {
        let (active, paired_mentees) = existing(playbook, program);
        let people = declared_people(playbook);
        let program_rules = playbook.rules_of(program);
        Input {
            signups,
            org: org_chart(signups, &people),
            people,
            active,
            paired_mentees,
            rules,
            pair_limit: program_rules.pair_limit(),
            reporting_line: program_rules
                .reporting_line
                .enforced()
                .filter(|_| rules.exclude.reporting_line),
        }
    }

    /// Free mentor slots: capacity, capped by the active-pair limit, less
    /// the pairs they are already in.
    pub(super) fn slots(&self, s: &Signup) -> u32 {
        let used = self.active.get(&s.id).copied().unwrap_or(0);
        let cap = match self.pair_limit {
            Some(max) => s.capacity.min(max),
            None => s.capacity,
        };
        cap.saturating_sub(used)
    }

    /// Why a mentee cannot be proposed a pair at all, if they cannot.
    pub(super) fn mentee_blocked(&self, s: &Signup) -> Option<String> {
        if self.paired_mentees.contains(&s.id) {
            return Some("already a mentee in an active pair".into());
        }
        let used = self.active.get(&s.id).copied().unwrap_or(0);
        match self.pair_limit {
            Some(max) if used >= max => Some(format!(
                "already in {used} active pairs (the limit is {max})"
            )),
            _ => None,
        }
    }
}

/// Active pairs (not completed or withdrawn) per person, and the people
/// who are already a mentee in one, in program `program`. Draft rosters
/// (earlier proposals) do not count.
fn existing(playbook: &Playbook, program: usize) -> (HashMap<String, u32>, HashSet<String>) {
    let mut active: HashMap<String, u32> = HashMap::new();
    let mut mentees = HashSet::new();
    for pair in playbook.pairs.iter().filter(|p| p.program == program) {
        if !pair.is_active() {
            continue;
        }
        if in_draft(pair) {
            continue;
        }
        for (is_mentee, person) in [(false, &pair.mentor), (true, &pair.mentee)] {
            if let Some(PersonRef::Id(id)) = person {
                *active.entry(id.value.clone()).or_default() += 1;
                if is_mentee {
                    mentees.insert(id.value.clone());
                }
            }
        }
    }
    (active, mentees)
}

/// The declared people, except those declared only in a draft roster.
pub fn declared_people(playbook: &Playbook) -> Vec<Person> {
    playbook
        .people
        .iter()
        .filter(|p| !declared_in_draft(playbook, p))
        .cloned()
        .collect()
}
