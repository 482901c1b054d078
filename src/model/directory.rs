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
    if !first.is_alphabetic() || has_no_alphabet(first) {
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

/// Whether `c` is written in a script whose signs are thousands
/// (Chinese, Japanese kana and kanji, Korean syllables): each would be an
/// initial of its own, and every initial page links every other, so
/// 1,500 such names made 672 pages of 61 KB each. They are filed under
/// "Other", which is paged like any initial.
fn has_no_alphabet(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'     // Hangul jamo
        | '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
        | '\u{3130}'..='\u{318F}'   // Hangul compatibility jamo
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{A960}'..='\u{A97F}'   // Hangul jamo extended A
        | '\u{AC00}'..='\u{D7AF}'   // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and later
    )
}

/// The published people (`persons`, by person index) by initial, the
/// initials in the language's order, "Other" last.
pub fn initials(playbook: &Playbook, persons: &[bool]) -> Vec<Initial> {
    let collation = Collation::of_language(&playbook.config.language);
    let mut groups: Vec<Initial> = Vec::new();
    let mut index: std::collections::HashMap<Option<char>, usize> = Default::default();
    for &(i, letter) in playbook.people_by_name() {
        if !persons[i] {
            continue;
        }
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
        // Scripts of thousands of signs share "Other"; alphabets keep
        // their letters.
        assert_eq!(initial_of(folded, "王芳"), None);
        assert_eq!(initial_of(folded, "さくら"), None);
        assert_eq!(initial_of(folded, "김민준"), None);
        assert_eq!(initial_of(folded, "Иван"), Some('И'));
        assert_eq!(initial_of(folded, "Ελένη"), Some('Ε'));
    }

    #[test]
    fn names_in_chinese_make_one_initial_page_not_one_per_sign() {
        let mut playbook = Playbook::default();
        for i in 0..1500u32 {
            let sign = char::from_u32(0x4E00 + i).expect("a CJK sign");
            playbook.people.push(crate::model::Person {
                id: format!("p{i}"),
                name: format!("{sign}芳"),
                role: String::new(),
                team: String::new(),
                email: String::new(),
                reports_to: None,
                span: crate::diagnostic::Span::new("data/people.yaml", 1, 1),
            });
        }
        let everyone = vec![true; 1500];
        let groups = initials(&playbook, &everyone);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].letter, None);
        assert_eq!(groups[0].people.len(), 1500);
    }
}
