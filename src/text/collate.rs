//! The order of names in the site's language, for the lists and tables
//! that sort people and pages by name (sort.js does the same in the
//! browser with `Intl.Collator` and the page's `lang`).
//!
//! A small key per locale rather than ICU's collation, whose data would be
//! most of the binary for the two orders we need: Polish, where ą ć ę ł ń
//! ó ś ź ż are letters of their own after their base letter (Ł after L, Ż
//! after Ź after Z); and every other language, German included, which
//! sorts letters with their base letter (Ä with A, ß as ss), as
//! [`fold`](super::fold) spells them. Alphabets with other tailorings
//! (Swedish ä after z, Czech ch after h) sort as the second kind.

use super::fold::fold;
use unicode_normalization::UnicodeNormalization;

/// Which alphabet a language sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collation {
    Polish,
    Folded,
}

/// Polish letters of their own, each after its base letter, in order.
const POLISH: &[(char, char, u32)] = &[
    ('ą', 'a', 1),
    ('ć', 'c', 1),
    ('ę', 'e', 1),
    ('ł', 'l', 1),
    ('ń', 'n', 1),
    ('ó', 'o', 1),
    ('ś', 's', 1),
    ('ź', 'z', 1),
    ('ż', 'z', 2),
];

/// Compares as the locale orders names: by letters first, then (among
/// names with the same letters) by the name as written, so the order is
/// total and the same on every build.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SortKey {
    letters: Vec<u32>,
    written: String,
}

impl Collation {
    /// The alphabet of a BCP 47 tag such as `pl`, `pl-PL` or `de-AT`.
    pub fn of_language(tag: &str) -> Collation {
        let base = super::base_language(tag);
        if base.eq_ignore_ascii_case("pl") {
            Collation::Polish
        } else {
            Collation::Folded
        }
    }

    pub fn key(self, name: &str) -> SortKey {
        // A letter's weight is its folded code point times four, plus its
        // rank among the Polish letters sharing that base.
        let weight = |c: char, rank: u32| ((c as u32) << 2) | rank;
        let letters = match self {
            Collation::Folded => fold(name).chars().map(|c| weight(c, 0)).collect(),
            Collation::Polish => {
                let mut letters = Vec::with_capacity(name.len());
                let mut buf = [0u8; 4];
                for c in name.nfc().flat_map(char::to_lowercase) {
                    match POLISH.iter().find(|(letter, _, _)| *letter == c) {
                        Some(&(_, base, rank)) => letters.push(weight(base, rank)),
                        None => letters
                            .extend(fold(c.encode_utf8(&mut buf)).chars().map(|f| weight(f, 0))),
                    }
                }
                letters
            }
        };
        SortKey {
            letters,
            written: name.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(collation: Collation, names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        names.sort_by_cached_key(|n| collation.key(n));
        names
    }

    #[test]
    fn polish_puts_its_letters_after_their_base_letter() {
        let names = [
            "Żak", "Lis", "Łukasz", "Zawada", "Źrebiec", "Sowa", "Śliwa", "Mazur", "łata",
        ];
        assert_eq!(
            sorted(Collation::Polish, &names),
            [
                "Lis", "łata", "Łukasz", "Mazur", "Sowa", "Śliwa", "Zawada", "Źrebiec", "Żak"
            ]
        );
        assert_eq!(sorted(Collation::Polish, &["ąb", "az"]), ["az", "ąb"]);
    }

    #[test]
    fn german_sorts_umlauts_with_their_base_letter_and_eszett_as_ss() {
        let names = [
            "Zander",
            "Öztürk",
            "Ostermann",
            "Ahrens",
            "Äbel",
            "Strauß",
            "Straßer",
            "Strasser",
        ];
        assert_eq!(
            sorted(Collation::of_language("de-AT"), &names),
            [
                "Äbel",
                "Ahrens",
                "Ostermann",
                "Öztürk",
                "Strasser",
                "Straßer",
                "Strauß",
                "Zander"
            ]
        );
    }

    #[test]
    fn languages_pick_their_alphabet_by_base_tag() {
        assert_eq!(Collation::of_language("pl-PL"), Collation::Polish);
        assert_eq!(Collation::of_language("PL"), Collation::Polish);
        assert_eq!(Collation::of_language("de"), Collation::Folded);
        assert_eq!(Collation::of_language(""), Collation::Folded);
    }
}
