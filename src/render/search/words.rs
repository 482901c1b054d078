//! A page's words for its search entry: split, deduplicated, each with
//! the fields of the page it occurs in.

use super::{MAX_WORDS, TEXT};
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry as Slot;

/// The words of `folded`: runs of letters and digits.
fn words_of(folded: &str, is_letter: impl Fn(char) -> bool) -> impl Iterator<Item = &str> {
    folded
        .split(move |c: char| !is_letter(c))
        .filter(|w| !w.is_empty())
}

/// [`words_of`] for ASCII text (most pages), a byte at a time: an ASCII
/// character is a letter or digit exactly when its byte is alphanumeric,
/// and no character needs decoding.
fn ascii_words(folded: &str) -> impl Iterator<Item = &str> {
    let bytes = folded.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while bytes.get(at).is_some_and(|b| !b.is_ascii_alphanumeric()) {
            at += 1;
        }
        let start = at;
        while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
            at += 1;
        }
        // Cuts between ASCII bytes are between characters.
        (at > start).then(|| &folded[start..at])
    })
}

/// A page's distinct words in order of first appearance, each with the
/// fields it occurs in.
#[derive(Default)]
pub(super) struct Words<'a> {
    pub(super) order: Vec<&'a str>,
    pub(super) fields: Vec<u8>,
    // Borrowed words, so a page's words are not as many allocations, and
    // FxHash, as the keys are short: this runs for every page of the site
    // and was a sixth of a large build with std's SipHash.
    pub(super) seen: FxHashMap<&'a str, usize>,
}

impl<'a> Words<'a> {
    pub(super) fn add(&mut self, folded: &'a str, field: u8) {
        // One-letter words in running text find everything.
        let long = |w: &&str| field != TEXT || w.chars().nth(1).is_some();
        if folded.is_ascii() {
            self.extend(ascii_words(folded).filter(long).take(MAX_WORDS), field);
        } else {
            let words = words_of(folded, char::is_alphanumeric);
            self.extend(words.filter(long).take(MAX_WORDS), field);
        }
    }

    fn extend(&mut self, words: impl Iterator<Item = &'a str>, field: u8) {
        for word in words {
            match self.seen.entry(word) {
                Slot::Occupied(n) => self.fields[*n.get()] |= field,
                Slot::Vacant(slot) => {
                    slot.insert(self.order.len());
                    self.order.push(word);
                    self.fields.push(field);
                }
            }
        }
    }
}

/// `text` with each run of white space one space, without the ends.
pub(super) fn squash(text: &str) -> String {
    if text.is_ascii() {
        return squash_ascii(text);
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// [`squash`] for ASCII text (most pages), a byte at a time:
/// `split_whitespace` decodes and classifies every character, a sixth of
/// a page's search entry. ASCII's white space for it is tab, line feed,
/// vertical tab, form feed, carriage return and space.
fn squash_ascii(text: &str) -> String {
    let space = |b: u8| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
    let mut out = Vec::with_capacity(text.len());
    let mut gap = false;
    for &b in text.as_bytes() {
        if space(b) {
            gap = !out.is_empty();
        } else {
            if gap {
                out.push(b' ');
                gap = false;
            }
            out.push(b);
        }
    }
    // Only ASCII bytes were copied.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_text_squashes_as_split_whitespace_does() {
        for text in ["", "  ", "a", " a  b\t\nc \u{b}d\u{c}e\r", "x  ", "\n\nx y"] {
            let general: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(squash_ascii(text), general.join(" "), "{text:?}");
        }
        assert_eq!(squash("Łódź \u{a0} x"), "Łódź x");
    }

    #[test]
    fn ascii_text_splits_into_the_same_words_either_way() {
        for text in [
            "",
            "  ",
            "one",
            "a-b c_d  e9 ",
            "x,y;z.",
            "--lead and trail--",
        ] {
            let fast: Vec<&str> = ascii_words(text).collect();
            let general: Vec<&str> = words_of(text, char::is_alphanumeric).collect();
            assert_eq!(fast, general, "{text:?}");
        }
    }
}
