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
mod shards;
mod words;

use super::OutputFile;
use crate::urls::SEARCH_DIR;
pub use entry::{Entry, entry};
pub use kind::Found;
pub use messages::{messages_file, messages_json};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

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

/// A call of search.js's loader, safe to put anywhere a script can go.
fn call(kind: &str, key: &str, data: &impl Serialize) -> Vec<u8> {
    call_with(kind, key, 64, |out| json_into(out, data, b"null"))
}

/// [`call`] with the data written by `data`, into a buffer of about
/// `size` bytes.
fn call_with(kind: &str, key: &str, size: usize, data: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut out = Vec::with_capacity(size + 32);
    out.extend_from_slice(b"mentorbookSearch(\"");
    out.extend_from_slice(kind.as_bytes());
    out.extend_from_slice(b"\",");
    json_into(&mut out, key, b"\"\"");
    out.push(b',');
    data(&mut out);
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
    if memchr::memmem::find(&bytes, b"</").is_none() {
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
    let (mut files, key_chars, keys) = {
        let chunks = shards::postings(entries);
        let words = shards::words(&chunks);
        let key_chars = shards::key_chars(&words);
        let shards: Vec<_> = shards::shards(&words, key_chars).collect();
        let keys: Vec<&str> = shards.iter().map(|(key, _)| *key).collect();
        (shards::shard_files(&words, &shards), key_chars, keys)
        // The postings go here, before the page rows are made.
    };
    files.extend(row_files(entries, &sections));
    files.push(index_file(entries, &sections, key_chars, &keys));
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
    keys: &[&str],
) -> OutputFile {
    #[derive(Serialize)]
    struct Meta<'a> {
        /// Format version, so search.js can refuse an index it cannot read.
        v: u32,
        pages: usize,
        block: usize,
        /// Characters in a shard key.
        k: usize,
        keys: &'a [&'a str],
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
                keys,
                sections: &sections.titles,
                tw: &title_words,
            },
        ),
    }
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
