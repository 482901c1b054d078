//! Search folding: lower case, accents removed, and the letters Unicode
//! does not decompose spelt as people type them without a Polish, German
//! or Nordic keyboard ("Łódź" -> "lodz", "Straße" -> "strasse").
//!
//! search.js's `fold` and `foldUmlautsAsE` (between its `fold: begin` and
//! `fold: end` markers) are the same rule in the browser; the integration
//! test `search_fold` runs both on tests/fixtures/fold-cases.json, so
//! change the two together.

use unicode_normalization::UnicodeNormalization;

/// Letters without a decomposition into base letter and mark, as their
/// ASCII spelling (after lower-casing; ẞ lower-cases to ß). `ς` becomes
/// `σ` so a final sigma matches however a side lower-cases.
const SPELLED: &[(char, &str)] = &[
    ('ł', "l"),
    ('ß', "ss"),
    ('ø', "o"),
    ('đ', "d"),
    ('ð', "d"),
    ('þ', "th"),
    ('æ', "ae"),
    ('œ', "oe"),
    ('ı', "i"),
    ('ħ', "h"),
    ('ŀ', "l"),
    ('ŧ', "t"),
    ('ς', "σ"),
];

const DIAERESIS: char = '\u{308}';

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Lower case, marks removed, [`SPELLED`] letters spelt out: what the
/// index stores and a query is matched as.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // Most pages: nothing to decompose (and NFD is the slow part).
        return text.to_ascii_lowercase();
    }
    folded(text, false).0
}

/// The German spelling of a text whose a, o or u carries an umlaut
/// ("Müller" -> "mueller"), folded otherwise as [`fold`]; `None` when it
/// has none. The index stores both spellings of such words, so "muller"
/// and "mueller" both find "Müller".
pub fn umlauts_as_e(text: &str) -> Option<String> {
    if text.is_ascii() || !text.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü', DIAERESIS]) {
        return None;
    }
    let (spelt, umlauts) = folded(text, true);
    umlauts.then_some(spelt)
}

/// The folded text, and whether an umlaut was spelt with e.
fn folded(text: &str, umlauts_as_e: bool) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut previous = ' ';
    let mut umlauts = false;
    for c in text.nfd() {
        if is_mark(c) {
            if umlauts_as_e && c == DIAERESIS && matches!(previous, 'a' | 'o' | 'u') {
                out.push('e');
                umlauts = true;
            }
            // Only a mark right after the letter is its umlaut.
            previous = c;
            continue;
        }
        for lower in c.to_lowercase() {
            previous = lower;
            // Most letters of a page are ASCII: no table to look in.
            match (!lower.is_ascii())
                .then(|| SPELLED.iter().find(|(letter, _)| *letter == lower))
                .flatten()
            {
                Some((_, spelt)) => out.push_str(spelt),
                None => out.push(lower),
            }
        }
    }
    (out, umlauts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_german_and_other_latin_letters_fold_to_what_people_type() {
        assert_eq!(
            fold("Łódź ŻÓŁW zażółć gęślą jaźń"),
            "lodz zolw zazolc gesla jazn"
        );
        assert_eq!(fold("Straße STRASSE ẞ"), "strasse strasse ss");
        assert_eq!(
            fold("Müller Équipe İSTANBUL Čapek Øre"),
            "muller equipe istanbul capek ore"
        );
    }

    #[test]
    fn umlauts_also_spell_with_e_and_only_umlauts() {
        assert_eq!(umlauts_as_e("Müller").as_deref(), Some("mueller"));
        assert_eq!(
            umlauts_as_e("ÄRGER über Öl").as_deref(),
            Some("aerger ueber oel")
        );
        // Decomposed input spells the same.
        assert_eq!(umlauts_as_e("Mu\u{308}ller").as_deref(), Some("mueller"));
        assert_eq!(umlauts_as_e("Łódź"), None);
        assert_eq!(umlauts_as_e("naïve"), None);
        assert_eq!(umlauts_as_e("plain"), None);
    }
}
