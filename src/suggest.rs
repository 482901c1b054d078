//! "Did you mean": which of the known names a mistyped one was meant to
//! be. The one ranking behind every such hint (fields and columns, kinds,
//! people, session templates, rosters, pairs, links), so that a typo is
//! judged alike wherever it is made.
//!
//! Names are compared without regard to case, by edit distance counting a
//! swap of two neighbouring letters as one edit (the commonest slip:
//! `titel`, `same_mangaer`). A name is offered only when the edits are few
//! for the shorter of the two words (one edit up to 7 letters, two up to
//! 11, ...) and leave something of the word standing: `end` is not "nearly"
//! `kind`, and `ana-and-bo` is not `eva-and-jo`. Among equally near names,
//! the one sharing the longest beginning with the word wins, then the first
//! in alphabetical order, so the hint never depends on the order names
//! were found in.

/// The known name nearest to `word`, if one is near enough to be what
/// was meant.
pub fn did_you_mean<'k>(word: &str, known: &[&'k str]) -> Option<&'k str> {
    let mut unlimited = usize::MAX;
    nearest(word, known, &mut unlimited)
}

/// Words and names longer than this, in characters, get no hint: they are
/// not typed names but text (a heading's 40,000 letters), and comparing two
/// of them costs the product of their lengths.
const LONGEST: usize = 100;

/// `did_you_mean`, paying from `budget` for each name read (its length)
/// and each comparison (the product of the two lengths, what
/// `edit_distance` costs); `None` once it is spent.
fn nearest<'k>(word: &str, known: &[&'k str], budget: &mut usize) -> Option<&'k str> {
    let word: Vec<char> = word.to_lowercase().chars().collect();
    if word.len() > LONGEST {
        return None;
    }
    let mut best = None;
    for &name in known {
        // Reading a name costs too: once the budget is spent, 20,000
        // reports stop looking at 20,000 names each.
        *budget = budget.checked_sub(name.len() + 1)?;
        if name.chars().nth(LONGEST).is_some() {
            continue;
        }
        let lower: Vec<char> = name.to_lowercase().chars().collect();
        *budget = budget.checked_sub(word.len().max(1) * lower.len().max(1))?;
        let Some(distance) = edits_if_near(&word, &lower) else {
            continue;
        };
        let shared = word.iter().zip(&lower).take_while(|(a, b)| a == b).count();
        let candidate = (distance, std::cmp::Reverse(shared), name);
        if best.as_ref().is_none_or(|b| candidate < *b) {
            best = Some(candidate);
        }
    }
    best.map(|(_, _, name)| name)
}

/// The edits from `word` to `name` (both lower-cased) when `name` is near
/// enough to be what was meant, by the rule above; also how a link's file
/// name is judged a typo of an existing one (`check::links`).
pub fn edits_if_near(word: &[char], name: &[char]) -> Option<usize> {
    let shorter = word.len().min(name.len());
    let allowed = (shorter / 4).max(1);
    // Lengths this far apart take more edits than allowed.
    if word.len().abs_diff(name.len()) > allowed {
        return None;
    }
    let distance = edit_distance(word, name);
    (distance <= allowed && distance < shorter).then_some(distance)
}

/// "Did you mean" for many reports at once (broken links and anchors): each
/// search pays what its comparisons cost (characters times characters), and
/// once a run has spent its budget the remaining reports go without a
/// suggestion. 20,000 broken anchors into a page of 20,000 headings would
/// otherwise compare 400 million pairs of names, and 500 anchors of 150
/// letters into 500 such headings took 13 s.
pub struct Suggestions {
    left: usize,
}

impl Default for Suggestions {
    fn default() -> Self {
        // About a tenth of a second of reading and comparing names.
        Suggestions { left: 20_000_000 }
    }
}

impl Suggestions {
    pub fn near<'k>(&mut self, word: &str, known: &[&'k str]) -> Option<&'k str> {
        nearest(word, known, &mut self.left)
    }
}

/// Edits (insert, delete, replace, or swap two neighbours) from `a` to
/// `b`: the optimal string alignment distance, in time `a.len() * b.len()`
/// and three rows of memory. Callers compare names, not documents.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        edit_distance(&a, &b)
    }

    #[test]
    fn distance_counts_a_swap_as_one_edit() {
        assert_eq!(distance("titel", "title"), 1);
        assert_eq!(distance("same_mangaer", "same_manager"), 1);
        assert_eq!(distance("shadowng", "shadowing"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("Łódź", "Lodz"), 3);
    }

    #[test]
    fn typos_get_the_name_they_were_meant_to_be() {
        let templates = ["kickoff", "digital-tools", "shadowing", "reverse-feedback"];
        assert_eq!(did_you_mean("shadowng", &templates), Some("shadowing"));
        assert_eq!(did_you_mean("kikoff", &templates), Some("kickoff"));
        assert_eq!(did_you_mean("Shadowing", &templates), Some("shadowing"));
        assert_eq!(
            did_you_mean("digital-tool", &templates),
            Some("digital-tools")
        );
        assert_eq!(
            did_you_mean("revrese-feedbak", &templates),
            Some("reverse-feedback")
        );
        let kinds = [
            "page", "goals", "guide", "step", "session", "roster", "pair",
        ];
        assert_eq!(did_you_mean("sesion", &kinds), Some("session"));
        assert_eq!(did_you_mean("rooster", &kinds), Some("roster"));
        assert_eq!(did_you_mean("par", &kinds), Some("pair"));
        assert_eq!(did_you_mean("sessions", &kinds), Some("session"));
        assert_eq!(did_you_mean("boo", &["bo", "ana"]), Some("bo"));
    }

    #[test]
    fn a_run_of_long_names_stops_suggesting_once_its_budget_is_spent() {
        let long = "a".repeat(LONGEST + 1);
        assert_eq!(did_you_mean(&long, &[long.as_str()]), None);
        let name = "b".repeat(LONGEST);
        let typo = format!("c{}", &name[1..]);
        let mut run = Suggestions {
            left: 3 * (LONGEST * LONGEST + LONGEST + 1),
        };
        for _ in 0..3 {
            assert_eq!(run.near(&typo, &[name.as_str()]), Some(name.as_str()));
        }
        assert_eq!(run.near(&typo, &[name.as_str()]), None);
    }

    #[test]
    fn unrelated_names_get_no_suggestion() {
        let kinds = [
            "page", "goals", "guide", "step", "session", "roster", "pair",
        ];
        assert_eq!(did_you_mean("blog", &kinds), None);
        assert_eq!(did_you_mean("x", &kinds), None);
        assert_eq!(did_you_mean("", &kinds), None);
        assert_eq!(did_you_mean("end", &["kind", "title"]), None);
        assert_eq!(did_you_mean("ana-and-bo", &["eva-and-jo"]), None);
        assert_eq!(did_you_mean("a", &["b"]), None);
        assert_eq!(did_you_mean("anything", &[]), None);
    }

    #[test]
    fn the_nearest_wins_then_the_longest_shared_beginning_then_the_alphabet() {
        assert_eq!(
            did_you_mean("digital-tols", &["digital-tool", "digital-tools"]),
            Some("digital-tools")
        );
        // Both one edit away: `kickoff` keeps the word's beginning.
        assert_eq!(
            did_you_mean("kickof", &["xickof", "kickoff"]),
            Some("kickoff")
        );
        // A tie on both counts: the alphabet decides, whatever the order.
        assert_eq!(did_you_mean("ana-b", &["ana-c", "ana-a"]), Some("ana-a"));
        assert_eq!(did_you_mean("ana-b", &["ana-a", "ana-c"]), Some("ana-a"));
    }

    #[test]
    fn longer_names_allow_more_edits() {
        assert_eq!(
            did_you_mean("maya-and-richrd", &["maya-and-richard"]),
            Some("maya-and-richard")
        );
        assert_eq!(
            did_you_mean("pairing-criterion", &["pairing-criteria"]),
            Some("pairing-criteria")
        );
        assert_eq!(
            did_you_mean("mya-and-richrd", &["maya-and-richard"]),
            Some("maya-and-richard")
        );
        assert_eq!(did_you_mean("shdwng", &["shadowing"]), None);
    }
}
