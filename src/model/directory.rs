//! The people directory's shape: everyone published, grouped by the
//! initial of their name, each group on its own page (`people/initial/a/`,
//! paged past `PEOPLE_PER_PAGE`), so that no page lists the whole
//! organisation. `model::site` publishes these pages (so `check` knows
//! their addresses) and render shows them; one grouping for both.

use super::Playbook;
use crate::text::{Collation, fold};

/// People per page of an initial: a row is about 600 bytes.
pub const PEOPLE_PER_PAGE: usize = 500;

/// The people whose names start with one letter, by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initial {
    /// The letter as shown ("A", "Ł"); `None` for names that start with
    /// no letter (digits, symbols), grouped last as "Other".
    pub letter: Option<char>,
    /// By index in `Playbook::people`, in the language's name order.
    pub people: Vec<usize>,
}

impl Initial {
    pub fn pages(&self) -> usize {
        self.people.len().div_ceil(PEOPLE_PER_PAGE).max(1)
    }
}

/// The letter a name is filed under in the site's language: its first
/// letter, as the language sorts it (Ä under A; in Polish Ł under Ł).
pub fn initial_of(collation: Collation, name: &str) -> Option<char> {
    let first = name.chars().find(|c| c.is_alphanumeric())?;
    if !first.is_alphabetic() {
        return None;
    }
    let lower: String = first.to_lowercase().collect();
    let filed = match collation {
        Collation::Polish if "ąćęłńóśźż".contains(lower.as_str()) => lower,
        _ => fold(&lower),
    };
    let c = filed.chars().next()?;
    c.to_uppercase().next()
}

/// The published people (`persons`, by person index) by initial, the
/// initials in the language's order, "Other" last.
pub fn initials(playbook: &Playbook, persons: &[bool]) -> Vec<Initial> {
    let collation = Collation::of_language(&playbook.config.language);
    let people = &playbook.people;
    let mut order: Vec<usize> = (0..people.len()).filter(|&i| persons[i]).collect();
    order.sort_by_cached_key(|&i| (collation.key(&people[i].name), people[i].id.clone()));
    let mut groups: Vec<Initial> = Vec::new();
    let mut index: std::collections::HashMap<Option<char>, usize> = Default::default();
    for i in order {
        let letter = initial_of(collation, &people[i].name);
        let g = *index.entry(letter).or_insert_with(|| {
            groups.push(Initial {
                letter,
                people: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].people.push(i);
    }
    groups.sort_by_cached_key(|g| {
        (
            g.letter.is_none(),
            g.letter.map(|c| collation.key(&c.to_string())),
        )
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_filed_under_the_letter_the_language_sorts_them_by() {
        let folded = Collation::Folded;
        assert_eq!(initial_of(folded, "Ana"), Some('A'));
        assert_eq!(initial_of(folded, "älva"), Some('A'));
        assert_eq!(initial_of(folded, "Łucja"), Some('L'));
        assert_eq!(initial_of(Collation::Polish, "Łucja"), Some('Ł'));
        assert_eq!(initial_of(folded, " \"Bo\""), Some('B'));
        assert_eq!(initial_of(folded, "3M liaison"), None);
        assert_eq!(initial_of(folded, ""), None);
    }
}
