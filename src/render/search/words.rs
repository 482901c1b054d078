//! A page's words for its search entry: split, deduplicated, each with
//! the fields of the page it occurs in.

use super::{MAX_WORDS, TEXT};
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry as Slot;

/// Whether a byte is an ASCII letter or digit: a look-up is cheaper than
/// the ranges' comparisons, for every byte of every page.
const ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The words of `folded`: runs of letters and digits.
fn words_of(folded: &str, is_letter: impl Fn(char) -> bool) -> impl Iterator<Item = &str> {
    folded
        .split(move |c: char| !is_letter(c))
        .filter(|w| !w.is_empty())
}

/// A page's distinct words in order of first appearance, each with the
/// fields it occurs in.
pub(super) struct Words<'a> {
    pub(super) order: Vec<&'a str>,
    pub(super) fields: Vec<u8>,
    /// The words' bytes together, so the entry is allocated at its size.
    bytes: usize,
    // Borrowed words, so a page's words are not as many allocations, and
    // FxHash, as the keys are short: this runs for every page of the site
    // and was a sixth of a large build with std's SipHash.
    seen: FxHashMap<&'a str, usize>,
}

impl<'a> Words<'a> {
    pub(super) fn with_capacity(words: usize) -> Self {
        Words {
            order: Vec::with_capacity(words),
            fields: Vec::with_capacity(words),
            bytes: 0,
            seen: FxHashMap::with_capacity_and_hasher(words, Default::default()),
        }
    }

    /// Distinct words so far.
    pub(super) fn len(&self) -> usize {
        self.order.len()
    }

    /// The size of what [`Words::write`] writes.
    pub(super) fn bytes(&self) -> usize {
        self.bytes + self.order.len().saturating_sub(1) + self.fields.len()
    }

    /// The words separated by spaces, then their fields, a byte each.
    pub(super) fn write(&self, out: &mut String) {
        for (i, word) in self.order.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        // Fields are at most 15: each is one single-byte character.
        out.extend(self.fields.iter().map(|&f| char::from(f)));
    }

    pub(super) fn add(&mut self, folded: &'a str, field: u8) {
        if folded.is_ascii() {
            return self.add_ascii(folded, field);
        }
        // One-letter words in running text find everything.
        let long = |w: &&str| field != TEXT || w.chars().nth(1).is_some();
        for word in words_of(folded, char::is_alphanumeric)
            .filter(long)
            .take(MAX_WORDS)
        {
            self.insert(word, field);
        }
    }

    /// [`Words::add`] for text whose letters and digits are all ASCII (it
    /// may hold other characters, such as the " · " between headings),
    /// lower-cased, a byte at a time: an ASCII character is a letter or
    /// digit exactly when its byte is alphanumeric.
    pub(super) fn add_ascii(&mut self, folded: &'a str, field: u8) {
        let shortest = if field == TEXT { 2 } else { 1 };
        let bytes = folded.as_bytes();
        let mut at = 0;
        let mut taken = 0;
        while taken < MAX_WORDS {
            while at < bytes.len() && !ALNUM[usize::from(bytes[at])] {
                at += 1;
            }
            let start = at;
            while at < bytes.len() && ALNUM[usize::from(bytes[at])] {
                at += 1;
            }
            if at == start {
                break;
            }
            if at - start >= shortest {
                // Cuts between ASCII bytes are between characters.
                self.insert(&folded[start..at], field);
                taken += 1;
            }
        }
    }

    fn insert(&mut self, word: &'a str, field: u8) {
        match self.seen.entry(word) {
            Slot::Occupied(n) => self.fields[*n.get()] |= field,
            Slot::Vacant(slot) => {
                slot.insert(self.order.len());
                self.order.push(word);
                self.fields.push(field);
                self.bytes += word.len();
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
    let mut out = Vec::with_capacity(text.len());
    let mut gap = false;
    for &b in text.as_bytes() {
        if is_space(b) {
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

/// ASCII's white space for `split_whitespace`.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// The first `chars` characters of ASCII `parts` joined by spaces and
/// squashed, with "…" when there is more: what [`squash`] and a cut at
/// `chars` make of them, reading only as far as the snippet goes.
pub(super) fn ascii_snippet(parts: &[&str], chars: usize) -> String {
    let mut out = String::with_capacity(chars + '…'.len_utf8());
    'parts: for part in parts {
        // Parts are joined by a space.
        let mut gap = !out.is_empty();
        for &b in part.as_bytes() {
            if is_space(b) {
                gap = !out.is_empty();
                continue;
            }
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(char::from(b));
            if out.len() > chars {
                break 'parts;
            }
        }
    }
    if out.len() > chars {
        out.truncate(chars);
        out.push('…');
    }
    out
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
            "one · two",
        ] {
            let mut fast = Words::with_capacity(0);
            fast.add_ascii(text, super::super::HEADING);
            let general: Vec<&str> = words_of(text, char::is_alphanumeric).collect();
            assert_eq!(fast.order, general, "{text:?}");
        }
    }
}
