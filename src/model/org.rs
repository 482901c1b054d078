//! Who reports to whom: one org chart for every rule about the reporting
//! line (`check`'s `rules.reporting_line` and `mentorbook match`'s hard
//! rules). Built from `(person, manager)` pairs in one linear pass that
//! finds the loops, each person's distance to the top of their line, and
//! a pre-order numbering of the tree, so "how many levels is `a` above
//! `b`?" costs the same for a 4,000-deep chain as for a flat team, and a
//! `reports_to` loop neither hangs a question nor makes it cost the size
//! of the company.

use crate::config::Depth;
use std::collections::HashMap;

/// Each person's manager, and what one pass over everyone tells.
///
/// Loops are cut where they close: each loop's members are tops of their
/// own trees (with `ring` saying where on the loop they are), so the rest
/// is a forest where `a` is above `b` exactly when `a`'s subtree, a range
/// of pre-order numbers, holds `b`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgChart {
    index: HashMap<String, usize>,
    ids: Vec<String>,
    manager: Vec<Option<usize>>,
    /// Steps up to the top of the person's tree (0 for a top).
    depth: Vec<usize>,
    /// The top of the person's tree: someone with no manager, or a loop
    /// member.
    top: Vec<usize>,
    /// Pre-order number, and one past the last number in the subtree.
    enter: Vec<usize>,
    exit: Vec<usize>,
    /// For loop members: which loop, and the place on it (going up).
    ring: Vec<Option<(usize, usize)>>,
    /// Every loop, from its member given first round to the last.
    loops: Vec<Vec<usize>>,
}

/// Two people in one reporting line: `above` is `levels` steps up from
/// `below` (1: `below` reports to `above`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    pub above: &'a str,
    pub below: &'a str,
    pub levels: usize,
}

impl OrgChart {
    /// From `(person, manager)` pairs; a later pair for the same person
    /// replaces an earlier one (a sign-up row over a declared person).
    pub fn new<P, M>(pairs: impl IntoIterator<Item = (P, M)>) -> OrgChart
    where
        P: Into<String>,
        M: Into<String>,
    {
        let mut given: Vec<(String, String)> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        for (person, boss) in pairs {
            let (person, boss) = (person.into(), boss.into());
            match at.get(&person) {
                Some(&i) => given[i].1 = boss,
                None => {
                    at.insert(person.clone(), given.len());
                    given.push((person, boss));
                }
            }
        }
        // People with a manager first, in the order given, so a loop is
        // told from its member given first; then managers seen only as such.
        let mut chart = OrgChart::default();
        for (person, _) in &given {
            chart.add(person);
        }
        let bosses: Vec<usize> = given.iter().map(|(_, boss)| chart.add(boss)).collect();
        chart.manager = vec![None; chart.ids.len()];
        for (person, boss) in bosses.into_iter().enumerate() {
            chart.manager[person] = Some(boss);
        }
        chart.find_tops();
        chart.number_trees();
        chart
    }

    fn add(&mut self, id: &str) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        self.index.insert(id.to_string(), self.ids.len());
        self.ids.push(id.to_string());
        self.ids.len() - 1
    }

    /// Every loop in the reporting lines, once each, as the chain of people
    /// from its first member (in the order given) round to the last before
    /// it comes back.
    pub fn loops(&self) -> Vec<Vec<&str>> {
        self.loops
            .iter()
            .map(|chain| chain.iter().map(|&p| self.ids[p].as_str()).collect())
            .collect()
    }

    pub fn manager_of(&self, person: &str) -> Option<&str> {
        let boss = self.manager[*self.index.get(person)?]?;
        Some(&self.ids[boss])
    }

    /// How many levels `a` is above `b` in the reporting line (1: `b`
    /// reports to `a`), `None` when `a` is not above `b` at all. Constant
    /// time, however long the line.
    pub fn levels_above(&self, a: &str, b: &str) -> Option<usize> {
        let (a, b) = (*self.index.get(a)?, *self.index.get(b)?);
        if a != b && self.enter[a] <= self.enter[b] && self.exit[b] <= self.exit[a] {
            return Some(self.depth[b] - self.depth[a]);
        }
        // Above through a loop: up `b`'s tree to its top, then round.
        let (ring, place) = self.ring[a]?;
        let (top_ring, top_place) = self.ring[self.top[b]]?;
        if ring != top_ring {
            return None;
        }
        let len = self.loops[ring].len();
        let round = (place + len - top_place) % len;
        Some(self.depth[b] + if round == 0 { len } else { round })
    }

    /// Whether `a` is above `b` in the reporting line (at any depth).
    pub fn is_above(&self, a: &str, b: &str) -> bool {
        self.levels_above(a, b).is_some()
    }

    /// `a` and `b` in one reporting line, either way, the nearer way round
    /// when a loop makes it both.
    pub fn line_between<'a>(&self, a: &'a str, b: &'a str) -> Option<Line<'a>> {
        let down = self.levels_above(a, b).map(|levels| Line {
            above: a,
            below: b,
            levels,
        });
        let up = self.levels_above(b, a).map(|levels| Line {
            above: b,
            below: a,
            levels,
        });
        match (down, up) {
            (Some(d), Some(u)) => Some(if u.levels < d.levels { u } else { d }),
            (d, u) => d.or(u),
        }
    }

    /// `rules.reporting_line` for `a` and `b`: their line when they are in
    /// one, either way, at most `depth` levels apart.
    pub fn within<'a>(&self, a: &'a str, b: &'a str, depth: Depth) -> Option<Line<'a>> {
        self.line_between(a, b)
            .filter(|line| depth.covers(line.levels))
    }

    /// `from` and the managers above them, `levels` steps up at most (the
    /// walk stops where the line does): for messages.
    pub fn chain(&self, from: &str, levels: usize) -> Vec<&str> {
        let Some(mut at) = self.index.get(from).copied() else {
            return vec![];
        };
        let mut chain = vec![self.ids[at].as_str()];
        for _ in 0..levels {
            let Some(boss) = self.manager[at] else { break };
            chain.push(&self.ids[boss]);
            at = boss;
        }
        chain
    }

    /// Each person's depth, top and place on a loop, and the loops:
    /// every person is walked up from once, as a walk stops at anyone
    /// already done.
    fn find_tops(&mut self) {
        const NEW: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let n = self.ids.len();
        self.depth = vec![0; n];
        self.top = (0..n).collect();
        self.ring = vec![None; n];
        let mut state = vec![NEW; n];
        let mut place = vec![0; n];
        let mut path: Vec<usize> = Vec::new();
        for start in 0..n {
            if state[start] != NEW {
                continue;
            }
            path.clear();
            let mut at = start;
            // The depth and top of whoever the last on `path` reports to.
            let (mut depth, top) = loop {
                if state[at] == DONE {
                    break (self.depth[at] + 1, self.top[at]);
                }
                if state[at] == ON_PATH {
                    let members = path.split_off(place[at]);
                    self.close_loop(members, &mut state);
                    break (1, at);
                }
                state[at] = ON_PATH;
                place[at] = path.len();
                path.push(at);
                match self.manager[at] {
                    Some(boss) => at = boss,
                    None => {
                        path.pop();
                        state[at] = DONE;
                        break (1, at);
                    }
                }
            };
            for &person in path.iter().rev() {
                self.depth[person] = depth;
                self.top[person] = top;
                state[person] = DONE;
                depth += 1;
            }
        }
    }

    /// A loop found going up (each member reports to the next, the last
    /// to the first): told from its member given first, each a top.
    fn close_loop(&mut self, mut members: Vec<usize>, state: &mut [u8]) {
        let first = (0..members.len()).min_by_key(|&i| members[i]).unwrap_or(0);
        members.rotate_left(first);
        for (place, &person) in members.iter().enumerate() {
            self.ring[person] = Some((self.loops.len(), place));
            state[person] = 2;
        }
        self.loops.push(members);
    }

    /// Pre-order numbers of the forest (loops cut), without recursion.
    fn number_trees(&mut self) {
        let n = self.ids.len();
        let mut first_child = vec![usize::MAX; n];
        let mut next_sibling = vec![usize::MAX; n];
        for person in (0..n).rev() {
            if self.top[person] == person {
                continue;
            }
            if let Some(boss) = self.manager[person] {
                next_sibling[person] = first_child[boss];
                first_child[boss] = person;
            }
        }
        self.enter = vec![0; n];
        self.exit = vec![0; n];
        let mut counter = 0;
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for root in (0..n).filter(|&p| self.top[p] == p) {
            self.enter[root] = counter;
            counter += 1;
            stack.push((root, first_child[root]));
            while let Some(&mut (person, ref mut child)) = stack.last_mut() {
                if *child == usize::MAX {
                    self.exit[person] = counter;
                    stack.pop();
                    continue;
                }
                let next = *child;
                *child = next_sibling[next];
                self.enter[next] = counter;
                counter += 1;
                stack.push((next, first_child[next]));
            }
        }
    }
}

/// How being `levels` steps above someone is said: "manager", "manager's
/// manager"; `None` past three, where a count says it better.
pub fn manager_words(levels: usize) -> Option<&'static str> {
    match levels {
        1 => Some("manager"),
        2 => Some("manager's manager"),
        3 => Some("manager's manager's manager"),
        _ => None,
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
    fn managers() {
        let org = chart();
        assert_eq!(org.manager_of("junior"), Some("lead"));
        assert_eq!(org.manager_of("director"), None);
        assert_eq!(org.manager_of("stranger"), None);
    }

    #[test]
    fn the_rule_looks_as_deep_as_it_is_told_either_way() {
        let org = chart();
        let two = Depth::Levels(2);
        let line = org.within("junior", "head", two).expect("skip-level");
        assert_eq!((line.above, line.below, line.levels), ("head", "junior", 2));
        let line = org.within("lead", "junior", two).expect("manager");
        assert_eq!((line.above, line.below, line.levels), ("lead", "junior", 1));
        // The director is three levels above: a junior may mentor them.
        assert_eq!(org.within("junior", "director", two), None);
        assert!(org.within("junior", "director", Depth::All).is_some());
        assert_eq!(org.within("junior", "head", Depth::Levels(1)), None);
        assert_eq!(org.within("junior", "peer", Depth::All), None);
        assert_eq!(org.within("junior", "stranger", Depth::All), None);
    }

    #[test]
    fn a_chain_names_the_managers_up_to_a_count() {
        let org = chart();
        assert_eq!(org.chain("junior", 2), ["junior", "lead", "head"]);
        assert_eq!(org.chain("head", 5), ["head", "director"]);
        assert!(org.chain("stranger", 1).is_empty());
        let looped = OrgChart::new([("a", "b"), ("b", "a")]);
        assert_eq!(looped.chain("a", 3), ["a", "b", "a", "b"]);
    }

    #[test]
    fn questions_about_a_deep_chain_cost_no_walk() {
        // 200,000 levels: a walk per question would take minutes for the
        // questions below; the numbering answers each at once.
        let n = 200_000;
        let org = OrgChart::new((1..n).map(|i| (format!("p{i}"), format!("p{}", i - 1))));
        let started = std::time::Instant::now();
        for i in (0..n).step_by(10) {
            assert_eq!(
                org.levels_above("p0", &format!("p{i}")),
                (i > 0).then_some(i)
            );
            assert_eq!(org.levels_above(&format!("p{i}"), "p0"), None);
        }
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    }

    #[test]
    fn loops_below_loops_and_beside_trees() {
        // Two loops, a tree hanging off each, and a plain tree.
        let org = OrgChart::new([
            ("a", "b"),
            ("b", "c"),
            ("c", "a"),
            ("x", "c"),
            ("y", "x"),
            ("p", "q"),
            ("q", "p"),
            ("t", "root"),
        ]);
        assert_eq!(org.loops(), vec![vec!["a", "b", "c"], vec!["p", "q"]]);
        assert_eq!(org.levels_above("c", "y"), Some(2));
        assert_eq!(org.levels_above("a", "y"), Some(3));
        assert_eq!(org.levels_above("b", "y"), Some(4));
        assert_eq!(org.levels_above("y", "a"), None);
        assert_eq!(org.levels_above("p", "y"), None);
        assert_eq!(org.levels_above("root", "t"), Some(1));
        assert_eq!(org.levels_above("a", "t"), None);
        // Both ways round a loop: the nearer one.
        let line = org.line_between("a", "b").expect("loop");
        assert_eq!((line.above, line.levels), ("b", 1));
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
