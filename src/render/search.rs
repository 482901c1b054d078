//! The search index, split so that a query loads a small part of it:
//!
//! - `search/index.js`: how the index is split (the shard keys), the
//!   section titles, and each page's number of title words;
//! - `search/w/<key>.js`: a shard of the inverted index, every word that
//!   starts with `<key>`, each with the pages it is on and where on them
//!   (title, headings, section, text);
//! - `search/p/<n>.js`: page rows (title, section, URL, headings, snippet,
//!   kind) in blocks of [`BLOCK`], loaded only for the results shown.
//!
//! They are scripts, not JSON, because browsers block fetch() on file://
//! pages; each one hands its data to `mentorbookSearch(kind, key, data)`,
//! which the theme's search.js defines. Words are folded the way search.js
//! folds a query ([`crate::text::fold`]: "Łódź" is "lodz", "Straße"
//! "strasse") so both sides agree on the shard a word lives in; a word
//! with an umlaut is stored in both spellings ("muller" and "mueller").

mod entry;
mod kind;
mod messages;
mod words;

use super::OutputFile;
use crate::urls::SEARCH_DIR;
pub use entry::{Entry, entry};
pub use kind::Found;
pub use messages::{messages_file, messages_json};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

pub const TEXT: u8 = 1;
const SECTION: u8 = 2;
pub const HEADING: u8 = 4;
const TITLE: u8 = 8;
/// Page rows per `search/p/<n>.js` file.
const BLOCK: usize = 50;

const SNIPPET_CHARS: usize = 200;
/// Words read from each part of a page: bounds what one pathological page
/// (a pasted dictionary) adds to the index.
const MAX_WORDS: usize = 20_000;
/// Shards grow a key character until the largest is at most this big
/// (a single very common word can still exceed it).
const SHARD_TARGET_BYTES: usize = 48 * 1024;
const MAX_KEY_CHARS: usize = 3;

/// The first `chars` characters of `word`: its shard key.
fn key_of(word: &str, chars: usize) -> &str {
    word.char_indices()
        .nth(chars)
        .map_or(word, |(cut, _)| &word[..cut])
}

/// The file stem of a shard: the key itself when it is plain ASCII, its
/// code points otherwise (search.js's `shardName` does the same). Keys
/// all have the same length, so "all" cannot also be a key.
fn shard_name(key: &str) -> String {
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

/// A call of search.js's loader, safe to put anywhere a script can go.
fn call(kind: &str, key: &str, data: &impl Serialize) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    out.extend_from_slice(b"mentorbookSearch(\"");
    out.extend_from_slice(kind.as_bytes());
    out.extend_from_slice(b"\",");
    json_into(&mut out, key, b"\"\"");
    out.push(b',');
    json_into(&mut out, data, b"null");
    out.extend_from_slice(b");\n");
    escape_script_ends(out)
}

/// `value` as JSON at the end of `out` (or `otherwise` if it cannot be),
/// written in place rather than as a string to copy.
fn json_into(out: &mut Vec<u8>, value: &(impl Serialize + ?Sized), otherwise: &[u8]) {
    let before = out.len();
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.truncate(before);
        out.extend_from_slice(otherwise);
    }
}

/// `</script` inside a string would end an inline script; these are
/// loaded as files, but escape anyway so they are safe wherever put. Most
/// files have no "</" and are returned as they are.
fn escape_script_ends(bytes: Vec<u8>) -> Vec<u8> {
    if !bytes.contains(&b'<') || !bytes.windows(2).any(|w| w == b"</") {
        return bytes;
    }
    let mut out = Vec::with_capacity(bytes.len() + 16);
    for (i, &b) in bytes.iter().enumerate() {
        out.push(b);
        if b == b'<' && bytes.get(i + 1) == Some(&b'/') {
            out.push(b'\\');
        }
    }
    out
}

/// The index files for `entries`, in page order (a page's number in the
/// index is its position here).
pub fn files(entries: &[&Entry]) -> Vec<OutputFile> {
    let sections = Sections::of(entries);
    let encoded = delta_encoded(postings(entries));
    let key_chars = key_chars(&encoded);
    let shards = shards(&encoded, key_chars);
    let mut files = shard_files(&shards);
    files.extend(row_files(entries, &sections));
    files.push(index_file(entries, &sections, key_chars, &shards));
    files
}

/// The section titles in the order pages first name them: page rows refer
/// to their section by its number here, not by its title again.
struct Sections<'a> {
    titles: Vec<&'a str>,
    numbers: HashMap<&'a str, usize>,
}

impl<'a> Sections<'a> {
    fn of(entries: &[&'a Entry]) -> Sections<'a> {
        let mut sections = Sections {
            titles: Vec::new(),
            numbers: HashMap::new(),
        };
        for entry in entries {
            let section = entry.section();
            if !sections.numbers.contains_key(section) {
                sections.numbers.insert(section, sections.titles.len());
                sections.titles.push(section);
            }
        }
        sections
    }

    fn number(&self, section: &str) -> usize {
        self.numbers.get(section).copied().unwrap_or(0)
    }
}

/// Pages whose postings one thread collects: the index is made after
/// every page, so on a large site it ran alone on one core.
const POSTINGS_CHUNK: usize = 1024;

/// Every word's postings, `page << 4 | fields`, pages in ascending order.
fn postings<'a>(entries: &[&'a Entry]) -> FxHashMap<&'a str, Vec<u32>> {
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
        // Chunks are combined in page order (rayon keeps the order of
        // what it reduces), so each list stays ascending.
        .reduce(FxHashMap::default, |mut before, after| {
            for (word, list) in after {
                before.entry(word).or_default().extend(list);
            }
            before
        })
}

/// A word's postings as numbers: the page's distance from the previous
/// one times 16, plus the fields; small numbers keep the shards small.
/// Sorted by word, so the words of a shard are next to each other.
fn delta_encoded(postings: FxHashMap<&str, Vec<u32>>) -> BTreeMap<&str, Vec<u32>> {
    postings
        .into_iter()
        .map(|(word, list)| {
            let mut previous = 0;
            let deltas = list
                .into_iter()
                .map(|p| {
                    let page = p >> 4;
                    let delta = page - previous;
                    previous = page;
                    (delta << 4) | (p & 15)
                })
                .collect();
            (word, deltas)
        })
        .collect()
}

/// The shortest shard key that keeps every shard within
/// [`SHARD_TARGET_BYTES`] (or the longest key allowed).
fn key_chars(encoded: &BTreeMap<&str, Vec<u32>>) -> usize {
    // The bytes a word adds to its shard's JSON: `"word":[n,n],`.
    let size = |word: &str, list: &[u32]| {
        word.len() + 4 + list.iter().map(|n| digits(*n) + 1).sum::<usize>()
    };
    let sizes: Vec<(&str, usize)> = encoded
        .iter()
        .map(|(word, list)| (*word, size(word, list)))
        .collect();
    (0..=MAX_KEY_CHARS)
        .find(|&chars| largest_shard(&sizes, chars) <= SHARD_TARGET_BYTES)
        .unwrap_or(MAX_KEY_CHARS)
}

/// Words grouped by shard key, each shard and its words sorted.
type Shards<'a> = BTreeMap<&'a str, BTreeMap<&'a str, &'a [u32]>>;

fn shards<'a>(encoded: &'a BTreeMap<&'a str, Vec<u32>>, key_chars: usize) -> Shards<'a> {
    let mut shards: Shards = BTreeMap::new();
    for (word, list) in encoded {
        shards
            .entry(key_of(word, key_chars))
            .or_default()
            .insert(word, list);
    }
    shards
}

fn shard_files(shards: &Shards) -> Vec<OutputFile> {
    shards
        .par_iter()
        .map(|(key, words)| OutputFile {
            path: format!("{SEARCH_DIR}w/{}.js", shard_name(key)),
            bytes: call("w", key, words),
        })
        .collect()
}

/// The page rows in blocks of [`BLOCK`]: (title, section number, URL,
/// headings, snippet, kind code).
fn row_files(entries: &[&Entry], sections: &Sections) -> Vec<OutputFile> {
    entries
        .par_chunks(BLOCK)
        .enumerate()
        .map(|(block, rows)| {
            let rows: Vec<(&str, usize, &str, &str, &str, &str)> = rows
                .iter()
                .map(|e| {
                    (
                        e.title(),
                        sections.number(e.section()),
                        e.url(),
                        e.headings(),
                        e.snippet(),
                        e.kind(),
                    )
                })
                .collect();
            OutputFile {
                path: format!("{SEARCH_DIR}p/{block}.js"),
                bytes: call("p", &block.to_string(), &rows),
            }
        })
        .collect()
}

/// `search/index.js`: what search.js reads first, to know which shard and
/// which block to load.
fn index_file(
    entries: &[&Entry],
    sections: &Sections,
    key_chars: usize,
    shards: &Shards,
) -> OutputFile {
    #[derive(Serialize)]
    struct Meta<'a> {
        /// Format version, so search.js can refuse an index it cannot read.
        v: u32,
        pages: usize,
        block: usize,
        /// Characters in a shard key.
        k: usize,
        keys: Vec<&'a str>,
        sections: &'a [&'a str],
        /// Distinct title words per page, base 36.
        tw: &'a str,
    }
    // One character per page; longer titles are never exact.
    let title_words: String = entries
        .iter()
        .map(|e| char::from_digit(e.title_words().min(35) as u32, 36).unwrap_or('z'))
        .collect();
    OutputFile {
        path: format!("{SEARCH_DIR}index.js"),
        bytes: call(
            "index",
            "",
            &Meta {
                // 3: page rows end with their kind.
                v: 3,
                pages: entries.len(),
                block: BLOCK,
                k: key_chars,
                keys: shards.keys().copied().collect(),
                sections: &sections.titles,
                tw: &title_words,
            },
        ),
    }
}

/// The size of the largest shard with keys of `chars` characters. Words
/// come sorted, so the words of a shard are next to each other.
fn largest_shard(sizes: &[(&str, usize)], chars: usize) -> usize {
    let mut largest = 0;
    let mut current: Option<(&str, usize)> = None;
    for &(word, bytes) in sizes {
        let key = key_of(word, chars);
        current = match current {
            Some((k, total)) if k == key => Some((k, total + bytes)),
            _ => Some((key, bytes)),
        };
        largest = largest.max(current.map_or(0, |(_, total)| total));
    }
    largest
}

fn digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn text_of(files: &[OutputFile], path: &str) -> String {
        let file = files.iter().find(|f| f.path == path);
        String::from_utf8(file.map(|f| f.bytes.clone()).unwrap_or_default()).unwrap_or_default()
    }

    #[test]
    fn a_small_site_is_one_shard_and_one_block() {
        let entries = [
            entry(
                Found::Content(&Kind::Guide),
                "Kickoff",
                "Sessions",
                "sessions/kickoff/",
                &[],
                &["Agenda"],
            ),
            entry(
                Found::Content(&Kind::Goals(Vec::new())),
                "Goals",
                "",
                "goals/",
                &[],
                &["Agenda and targets"],
            ),
        ];
        let files = files(&entries.iter().collect::<Vec<_>>());
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            ["search/w/all.js", "search/p/0.js", "search/index.js"]
        );
        let shard = text_of(&files, "search/w/all.js");
        // agenda: page 0 text (0<<4|1 = 1), page 1 text (1<<4|1 = 17).
        assert!(shard.contains("\"agenda\":[1,17]"), "{shard}");
        assert!(shard.contains("\"goals\":[24]"), "{shard}");
        let meta = text_of(&files, "search/index.js");
        assert!(meta.contains("\"k\":0"), "{meta}");
        assert!(meta.contains("\"tw\":\"11\""), "{meta}");
        let rows = text_of(&files, "search/p/0.js");
        assert!(rows.contains("\"Agenda\",\"d\"]"), "{rows}");
    }

    #[test]
    fn a_large_site_splits_into_small_shards_by_prefix() {
        let entries: Vec<Entry> = (0..3000)
            .map(|i| {
                // Distinct words spread over many prefixes, as in real text.
                let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
                let word = format!("{}{}{}ing", letter(i), letter(i / 26), letter(i / 676));
                let text = format!("{word} other{} common", i % 97);
                entry(
                    Found::Content(&Kind::Page),
                    &format!("Page {i}"),
                    "Section",
                    &format!("p{i}/"),
                    &[],
                    &[&text],
                )
            })
            .collect();
        let files = files(&entries.iter().collect::<Vec<_>>());
        let meta = text_of(&files, "search/index.js");
        assert!(!meta.contains("\"k\":0"), "{meta}");
        for file in files.iter().filter(|f| f.path.starts_with("search/w/")) {
            // One word ("common", on every page) may be bigger on its own.
            if !String::from_utf8_lossy(&file.bytes).contains("\"common\"") {
                assert!(
                    file.bytes.len() <= SHARD_TARGET_BYTES + 200,
                    "{}",
                    file.path
                );
            }
        }
        assert_eq!(
            files
                .iter()
                .filter(|f| f.path.starts_with("search/p/"))
                .count(),
            60
        );
    }

    #[test]
    fn shard_names_are_safe_file_names() {
        assert_eq!(shard_name("ab"), "ab");
        assert_eq!(shard_name("é"), "u-e9");
        assert_eq!(shard_name(""), "all");
    }

    #[test]
    fn script_ends_are_escaped_as_a_replace_would() {
        for text in ["", "a</b", "<</", "</</", "<", "x<y/", "</", "</script>"] {
            let escaped = escape_script_ends(text.as_bytes().to_vec());
            assert_eq!(escaped, text.replace("</", "<\\/").into_bytes(), "{text}");
        }
    }

    #[test]
    fn no_file_can_close_a_script_tag() {
        let e = entry(
            Found::Content(&Kind::Page),
            "</script><b>",
            "",
            "",
            &[],
            &[],
        );
        for file in files(&[&e]) {
            assert!(!String::from_utf8_lossy(&file.bytes).contains("</script"));
        }
    }
}
