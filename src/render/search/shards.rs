//! The inverted index: every word's postings, split into shards by the
//! word's first characters (`search/w/<key>.js`).

use super::{Entry, MAX_KEY_CHARS, OutputFile, SEARCH_DIR, SHARD_TARGET_BYTES, call_with};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Pages whose postings one thread collects: the index is made after
/// every page, so on a large site it ran alone on one core.
const POSTINGS_CHUNK: usize = 1024;

/// Each chunk of pages' postings, `page << 4 | fields`, by word.
pub(super) type Chunks<'a> = Vec<FxHashMap<&'a str, Vec<u32>>>;

/// Every word's postings, a list per chunk of [`POSTINGS_CHUNK`] pages,
/// pages in ascending order. The lists are not copied into one: a large
/// site's postings are megabytes, held while the shards are written.
pub(super) fn postings<'a>(entries: &[&'a Entry]) -> Chunks<'a> {
    entries
        .par_chunks(POSTINGS_CHUNK)
        .enumerate()
        .map(|(chunk, entries)| {
            let mut postings: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
            for (i, entry) in entries.iter().enumerate() {
                let page = (chunk * POSTINGS_CHUNK + i) as u32;
                for (word, field) in entry.words().split(' ').zip(entry.fields()) {
                    postings
                        .entry(word)
                        .or_default()
                        .push((page << 4) | u32::from(*field));
                }
            }
            postings
        })
        .collect()
}

/// A word and its postings' lists, in page order.
pub(super) struct Word<'a, 'b> {
    word: &'a str,
    lists: Vec<&'b [u32]>,
    /// The bytes it adds to its shard's JSON: `"word":[n,n],`.
    size: usize,
}

impl Word<'_, '_> {
    /// The postings as numbers: the page's distance from the previous
    /// one times 16, plus the fields; small numbers keep the shards small.
    fn each_delta(&self, mut number: impl FnMut(u32)) {
        let mut previous = 0;
        for list in &self.lists {
            for &p in *list {
                let page = p >> 4;
                number(((page - previous) << 4) | (p & 15));
                previous = page;
            }
        }
    }
}

/// The words sorted, so the words of a shard are next to each other.
pub(super) fn words<'a, 'b>(chunks: &'b Chunks<'a>) -> Vec<Word<'a, 'b>> {
    let mut lists: FxHashMap<&str, Vec<&[u32]>> = FxHashMap::default();
    for chunk in chunks {
        for (word, list) in chunk {
            lists.entry(word).or_default().push(list);
        }
    }
    let mut words: Vec<Word> = lists
        .into_iter()
        .map(|(word, lists)| Word {
            word,
            lists,
            size: 0,
        })
        .collect();
    // Each word once: an unstable sort is a deterministic one.
    words.par_sort_unstable_by_key(|w| w.word);
    words.par_iter_mut().for_each(|w| {
        let mut size = w.word.len() + 4;
        w.each_delta(|n| size += digits(n) + 1);
        w.size = size;
    });
    words
}

/// The shortest shard key that keeps every shard within
/// [`SHARD_TARGET_BYTES`] (or the longest key allowed).
pub(super) fn key_chars(words: &[Word]) -> usize {
    (0..=MAX_KEY_CHARS)
        .find(|&chars| largest_shard(words, chars) <= SHARD_TARGET_BYTES)
        .unwrap_or(MAX_KEY_CHARS)
}

/// The size of the largest shard with keys of `chars` characters.
fn largest_shard(words: &[Word], chars: usize) -> usize {
    shards(words, chars)
        .map(|(_, range)| words[range].iter().map(|w| w.size).sum())
        .max()
        .unwrap_or(0)
}

/// Each shard's key and its words (sorted words with the same key are
/// next to each other, and the keys come sorted).
pub(super) fn shards<'a>(
    words: &[Word<'a, '_>],
    key_chars: usize,
) -> impl Iterator<Item = (&'a str, Range<usize>)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        let key = key_of(words.get(start)?.word, key_chars);
        let end = start
            + words[start..]
                .iter()
                .take_while(|w| key_of(w.word, key_chars) == key)
                .count();
        let shard = (key, start..end);
        start = end;
        Some(shard)
    })
}

/// The files of `shards`, a JSON object of words to postings each.
pub(super) fn shard_files(words: &[Word], shards: &[(&str, Range<usize>)]) -> Vec<OutputFile> {
    shards
        .par_iter()
        .map(|(key, range)| {
            let words = &words[range.clone()];
            let size = words.iter().map(|w| w.size + 1).sum::<usize>() + key.len();
            OutputFile {
                path: format!("{SEARCH_DIR}w/{}.js", shard_name(key)),
                bytes: call_with("w", key, size, |out| write_shard(out, words)),
            }
        })
        .collect()
}

/// `{"word":[n,n],...}`, as serde_json writes a map of lists.
fn write_shard(out: &mut Vec<u8>, words: &[Word]) {
    out.push(b'{');
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        super::json_into(out, word.word, b"\"\"");
        out.extend_from_slice(b":[");
        word.each_delta(|n| {
            write_number(out, n);
            out.push(b',');
        });
        // The last number's comma closes the list.
        if let Some(last) = out.last_mut().filter(|b| **b == b',') {
            *last = b']';
        } else {
            out.push(b']');
        }
    }
    out.push(b'}');
}

/// `n` in decimal, a byte at a time: the numbers are short, and a call
/// to copy them cost more than the pushes.
fn write_number(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &digit in &digits[at..] {
        out.push(digit);
    }
}

/// The first `chars` characters of `word`: its shard key.
fn key_of(word: &str, chars: usize) -> &str {
    word.char_indices()
        .nth(chars)
        .map_or(word, |(cut, _)| &word[..cut])
}

/// The file stem of a shard: the key itself when it is plain ASCII, its
/// code points otherwise (search.js's `shardName` does the same). Keys
/// all have the same length, so "all" cannot also be a key.
pub(super) fn shard_name(key: &str) -> String {
    if key.is_empty() {
        return "all".into(); // the one shard of a small site
    }
    if key
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return key.to_string();
    }
    let points: Vec<String> = key.chars().map(|c| format!("{:x}", c as u32)).collect();
    format!("u-{}", points.join("-"))
}

fn digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_json_writes_them() {
        for n in [0, 7, 10, 99, 100, 123_456, u32::MAX] {
            let mut out = Vec::new();
            write_number(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
            assert_eq!(digits(n), out.len());
        }
    }

    #[test]
    fn a_word_on_pages_of_several_chunks_counts_from_the_page_before() {
        let chunks: Chunks = vec![
            [("agenda", vec![1 << 4 | 1, 3 << 4 | 8])]
                .into_iter()
                .collect(),
            [("other", vec![1030 << 4 | 1])].into_iter().collect(),
            [("agenda", vec![2050 << 4 | 4])].into_iter().collect(),
        ];
        let words = words(&chunks);
        let mut agenda = Vec::new();
        words[0].each_delta(|n| agenda.push(n));
        assert_eq!(agenda, [1 << 4 | 1, 2 << 4 | 8, 2047 << 4 | 4]);
        let mut out = Vec::new();
        write_shard(&mut out, &words);
        let map: std::collections::BTreeMap<&str, Vec<u32>> =
            [("agenda", agenda), ("other", vec![1030 << 4 | 1])].into();
        assert_eq!(
            String::from_utf8(out).ok(),
            serde_json::to_string(&map).ok()
        );
    }

    #[test]
    fn shard_names_are_safe_file_names() {
        assert_eq!(shard_name("ab"), "ab");
        assert_eq!(shard_name("é"), "u-e9");
        assert_eq!(shard_name(""), "all");
    }
}
