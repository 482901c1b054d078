//! Who reports to whom: one org chart for every rule about the reporting
//! line (`check`'s, and the hard rules of `mentorbook match`). Built from
//! `(person, manager)` pairs; walks are loops, bounded by the number of
//! people, so a `reports_to` loop in the data ends them instead of hanging.

use std::collections::{HashMap, HashSet};

/// Each person's manager.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgChart {
    manager: HashMap<String, String>,
    /// Everyone with a manager, in the order first given: loops are told
    /// from their first member in this order.
    order: Vec<String>,
}

impl OrgChart {
    /// From `(person, manager)` pairs; a later pair for the same person
    /// replaces an earlier one (a sign-up row over a declared person).
    pub fn new<P, M>(pairs: impl IntoIterator<Item = (P, M)>) -> OrgChart
    where
        P: Into<String>,
        M: Into<String>,
    {
        let mut chart = OrgChart::default();
        for (person, manager) in pairs {
            let person = person.into();
            if !chart.manager.contains_key(&person) {
                chart.order.push(person.clone());
            }
            chart.manager.insert(person, manager.into());
        }
        chart
    }

    /// Every loop in the reporting lines, once each, as the chain of people
    /// from its first member (in the order given) round to the last before
    /// it comes back. Each person is visited once, however long the chains.
    pub fn loops(&self) -> Vec<Vec<&str>> {
        // Done: walked before, on a loop or leading to one or to the top.
        let mut done: HashSet<&str> = HashSet::new();
        let mut loops = Vec::new();
        for start in &self.order {
            let mut path: Vec<&str> = Vec::new();
            let mut on_path: HashMap<&str, usize> = HashMap::new();
            let mut current = Some(start.as_str());
            while let Some(person) = current.filter(|p| !done.contains(p)) {
                if let Some(&at) = on_path.get(person) {
                    loops.push(self.turned_to_first(&path[at..]));
                    break;
                }
                on_path.insert(person, path.len());
                path.push(person);
                current = self.manager_of(person);
            }
            done.extend(path);
        }
        loops
    }

    /// `chain` (a loop) turned to start at its member given first.
    fn turned_to_first<'a>(&self, chain: &[&'a str]) -> Vec<&'a str> {
        let first = self
            .order
            .iter()
            .find_map(|p| chain.iter().position(|c| c == p))
            .unwrap_or(0);
        chain[first..]
            .iter()
            .chain(&chain[..first])
            .copied()
            .collect()
    }

    pub fn manager_of(&self, person: &str) -> Option<&str> {
        self.manager.get(person).map(String::as_str)
    }

    /// The manager's manager.
    pub fn skip_level_of(&self, person: &str) -> Option<&str> {
        self.manager_of(self.manager_of(person)?)
    }

    /// How many levels `a` is above `b` in the reporting line (1: `b`
    /// reports to `a`), `None` when `a` is not above `b` at all.
    pub fn levels_above(&self, a: &str, b: &str) -> Option<usize> {
        let mut current = b;
        // Without a loop every step meets someone new, so this many steps
        // reach the top; with one, going round again finds nobody new.
        for depth in 1..=self.manager.len() {
            let manager = self.manager_of(current)?;
            if manager == a {
                return Some(depth);
            }
            current = manager;
        }
        None
    }

    /// Whether `a` is above `b` in the reporting line (at any depth).
    pub fn is_above(&self, a: &str, b: &str) -> bool {
        self.levels_above(a, b).is_some()
    }
}

impl super::Playbook {
    /// The declared people's reporting lines.
    pub fn org_chart(&self) -> OrgChart {
        OrgChart::new(self.people.iter().filter_map(|p| {
            p.reports_to
                .as_ref()
                .map(|boss| (p.id.as_str(), boss.value.as_str()))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_loop_is_told_once_from_its_first_member() {
        // a leads into the loop b -> c -> d -> b; e -> e is a loop of one.
        let org = OrgChart::new([("a", "b"), ("c", "d"), ("b", "c"), ("d", "b"), ("e", "e")]);
        assert_eq!(org.loops(), vec![vec!["c", "d", "b"], vec!["e"]]);
        assert!(chart().loops().is_empty());
    }

    #[test]
    fn a_long_chain_is_walked_once() {
        let people: Vec<(String, String)> = (0..50_000)
            .map(|i| (format!("p{i}"), format!("p{}", i + 1)))
            .chain([("p50000".to_string(), "p0".to_string())])
            .collect();
        let org = OrgChart::new(people);
        let loops = org.loops();
        assert_eq!(loops.len(), 1);
        assert_eq!(loops[0].len(), 50_001);
        assert_eq!(loops[0][0], "p0");
    }

    /// junior -> lead -> head -> director; peer -> lead.
    fn chart() -> OrgChart {
        OrgChart::new([
            ("junior", "lead"),
            ("lead", "head"),
            ("head", "director"),
            ("peer", "lead"),
        ])
    }

    #[test]
    fn levels_count_each_step_up() {
        let org = chart();
        assert_eq!(org.levels_above("lead", "junior"), Some(1));
        assert_eq!(org.levels_above("head", "junior"), Some(2));
        assert_eq!(org.levels_above("director", "junior"), Some(3));
        assert!(org.is_above("director", "peer"));
    }

    #[test]
    fn nobody_is_above_their_peers_juniors_or_strangers() {
        let org = chart();
        assert_eq!(org.levels_above("junior", "lead"), None);
        assert_eq!(org.levels_above("peer", "junior"), None);
        assert_eq!(org.levels_above("stranger", "junior"), None);
        assert_eq!(org.levels_above("lead", "stranger"), None);
        assert_eq!(org.levels_above("director", "director"), None);
    }

    #[test]
    fn managers_and_skip_levels() {
        let org = chart();
        assert_eq!(org.manager_of("junior"), Some("lead"));
        assert_eq!(org.skip_level_of("junior"), Some("head"));
        assert_eq!(org.skip_level_of("head"), None);
        assert_eq!(org.manager_of("director"), None);
    }

    #[test]
    fn a_later_pair_replaces_an_earlier_one() {
        let org = OrgChart::new([("a", "old"), ("a", "new")]);
        assert_eq!(org.manager_of("a"), Some("new"));
        assert!(!org.is_above("old", "a"));
    }

    #[test]
    fn a_reporting_loop_ends_the_walk() {
        // a -> b -> c -> a: everyone in the loop is above everyone else,
        // and a walk for someone outside it stops.
        let org = OrgChart::new([("a", "b"), ("b", "c"), ("c", "a"), ("x", "a")]);
        assert_eq!(org.levels_above("c", "a"), Some(2));
        assert_eq!(org.levels_above("a", "a"), Some(3));
        assert_eq!(org.levels_above("nobody", "x"), None);
        let alone = OrgChart::new([("self", "self")]);
        assert_eq!(alone.levels_above("self", "self"), Some(1));
        assert_eq!(alone.levels_above("other", "self"), None);
    }
}
