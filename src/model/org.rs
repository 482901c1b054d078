//! Who reports to whom: one org chart for every rule about the reporting
//! line (`check`'s, and the hard rules of `mentorbook match`). Built from
//! `(person, manager)` pairs in one walk over everyone, which finds the
//! loops and bounds every later walk, so a `reports_to` loop in the data
//! neither hangs a question nor makes it cost the size of the company.

use std::collections::HashMap;

/// Each person's manager, and what one walk over everyone tells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgChart {
    manager: HashMap<String, String>,
    /// How many steps up from each person before the line ends or comes
    /// back round: no question walks further, loop or not.
    steps: HashMap<String, usize>,
    /// Every loop, from its member given first round to the last.
    loops: Vec<Vec<String>>,
}

impl OrgChart {
    /// From `(person, manager)` pairs; a later pair for the same person
    /// replaces an earlier one (a sign-up row over a declared person).
    pub fn new<P, M>(pairs: impl IntoIterator<Item = (P, M)>) -> OrgChart
    where
        P: Into<String>,
        M: Into<String>,
    {
        let mut manager = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (person, boss) in pairs {
            let person = person.into();
            if !manager.contains_key(&person) {
                order.push(person.clone());
            }
            manager.insert(person, boss.into());
        }
        let (steps, loops) = walk(&manager, &order);
        OrgChart {
            manager,
            steps,
            loops,
        }
    }

    /// Every loop in the reporting lines, once each, as the chain of people
    /// from its first member (in the order given) round to the last before
    /// it comes back.
    pub fn loops(&self) -> Vec<Vec<&str>> {
        self.loops
            .iter()
            .map(|chain| chain.iter().map(String::as_str).collect())
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
        // Past this many steps the walk would only meet the same people.
        for depth in 1..=self.steps.get(b).copied().unwrap_or(0) {
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

/// Each person's steps up (see `OrgChart::steps`) and the loops, visiting
/// each person once however long the chains: a walk stops at anyone
/// already counted.
fn walk(
    manager: &HashMap<String, String>,
    order: &[String],
) -> (HashMap<String, usize>, Vec<Vec<String>>) {
    let rank: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), i))
        .collect();
    let mut steps: HashMap<String, usize> = HashMap::new();
    let mut loops = Vec::new();
    for start in order {
        let mut path: Vec<&str> = Vec::new();
        let mut on_path: HashMap<&str, usize> = HashMap::new();
        let mut current = start.as_str();
        // Steps up from where the walk stopped.
        let beyond = loop {
            if let Some(&at) = on_path.get(current) {
                let chain = &path[at..];
                for person in chain {
                    steps.insert(person.to_string(), chain.len());
                }
                loops.push(turned_to_first(chain, &rank));
                let len = chain.len();
                path.truncate(at);
                break len;
            }
            if let Some(&known) = steps.get(current) {
                break known;
            }
            let Some(boss) = manager.get(current) else {
                break 0;
            };
            on_path.insert(current, path.len());
            path.push(current);
            current = boss;
        };
        let mut above = beyond;
        for person in path.iter().rev() {
            above += 1;
            steps.insert(person.to_string(), above);
        }
    }
    (steps, loops)
}

/// `chain` (a loop) turned to start at its member given first.
fn turned_to_first(chain: &[&str], rank: &HashMap<&str, usize>) -> Vec<String> {
    let first = (0..chain.len())
        .min_by_key(|&i| rank.get(chain[i]).copied().unwrap_or(usize::MAX))
        .unwrap_or(0);
    chain[first..]
        .iter()
        .chain(&chain[..first])
        .map(|p| p.to_string())
        .collect()
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
    fn questions_about_people_in_or_below_a_loop_end() {
        let org = OrgChart::new([("a", "b"), ("b", "c"), ("c", "b"), ("x", "y")]);
        assert_eq!(org.levels_above("c", "a"), Some(2));
        assert_eq!(org.levels_above("b", "c"), Some(1));
        assert_eq!(org.levels_above("x", "a"), None);
        assert_eq!(org.levels_above("y", "x"), Some(1));
        assert_eq!(org.levels_above("a", "nobody"), None);
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
