//! One page's part of the index, made while the page is rendered and kept
//! until the index is written.

use super::kind::{Found, kind_code};
use super::words::{Words, ascii_snippet, squash};
use super::{HEADING, SECTION, SNIPPET_CHARS, TEXT, TITLE};
use crate::text::{fold, umlauts_as_e};

/// A page's title, section, URL, headings, snippet and words, and where on
/// the page each word occurs.
///
/// All of it is one allocation of exactly its size: a large site keeps an
/// entry per page while each page's many transient strings come and go,
/// and seven separate strings per entry (with their growth slack) left
/// the allocator's pages fragmented, a third more peak memory at 10,000
/// pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Title, section, URL, headings (joined by " · "), snippet, the
    /// distinct folded words separated by spaces, then each word's fields
    /// ([`TITLE`] | ...) as one byte per word: values up to 15, which are
    /// single-byte characters.
    all: Box<str>,
    /// Where each part but the fields ends in `all`.
    ends: [usize; 6],
    /// What the page is, as one letter ([`kind_code`]).
    kind: &'static str,
    /// Distinct words in the title, so an exact title can rank first.
    title_words: usize,
}

impl Entry {
    fn part(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.all[start..self.ends[i]]
    }

    pub fn title(&self) -> &str {
        self.part(0)
    }

    pub fn section(&self) -> &str {
        self.part(1)
    }

    /// URL relative to the site root.
    pub fn url(&self) -> &str {
        self.part(2)
    }

    /// Headings, joined by " · ".
    pub fn headings(&self) -> &str {
        self.part(3)
    }

    /// The start of the text, for the result snippet.
    pub fn snippet(&self) -> &str {
        self.part(4)
    }

    /// The page's distinct folded words, separated by spaces, in the order
    /// of [`Entry::fields`].
    pub(super) fn words(&self) -> &str {
        self.part(5)
    }

    /// For each word, where on the page it occurs.
    pub(super) fn fields(&self) -> &[u8] {
        &self.all.as_bytes()[self.ends[5]..]
    }

    pub(super) fn kind(&self) -> &'static str {
        self.kind
    }

    pub(super) fn title_words(&self) -> usize {
        self.title_words
    }
}

/// The entry of a page; its text is `text`'s parts joined by spaces.
pub fn entry(
    kind: Found,
    title: &str,
    section: &str,
    url: &str,
    headings: &[&str],
    text: &[&str],
) -> Entry {
    let page = Page {
        kind: kind_code(&kind),
        title,
        section,
        url,
        headings,
        text,
    };
    let ascii = title.is_ascii()
        && section.is_ascii()
        && headings.iter().all(|h| h.is_ascii())
        && text.iter().all(|t| t.is_ascii());
    if ascii {
        ascii_entry(&page)
    } else {
        general_entry(&page)
    }
}

/// What [`entry`] is given.
struct Page<'a> {
    kind: &'static str,
    title: &'a str,
    section: &'a str,
    url: &'a str,
    headings: &'a [&'a str],
    text: &'a [&'a str],
}

impl Page<'_> {
    /// The entry, its strings one after another in one allocation.
    fn assemble(&self, headings: &str, snippet: &str, words: &Words, title_words: usize) -> Entry {
        let parts = [self.title, self.section, self.url, headings, snippet];
        let size = parts.iter().map(|p| p.len()).sum::<usize>() + words.bytes();
        let mut all = String::with_capacity(size);
        let mut ends = [0; 6];
        for (part, end) in parts.iter().zip(&mut ends) {
            all.push_str(part);
            *end = all.len();
        }
        words.write(&mut all);
        ends[5] = all.len() - words.fields.len();
        Entry {
            // Exactly `size` bytes were pushed: this keeps the allocation.
            all: all.into_boxed_str(),
            ends,
            kind: self.kind,
            title_words,
        }
    }
}

/// Nearly every page: folding is lower-casing, so the words are read from
/// one lower-cased copy of the parts, and only the snippet's start of the
/// text is squashed. The same words, fields and snippet as
/// [`general_entry`] (a test compares them).
fn ascii_entry(page: &Page) -> Entry {
    let Page {
        title,
        section,
        headings,
        text,
        ..
    } = *page;
    let headings = headings.join(" · ");
    let snippet = ascii_snippet(text, SNIPPET_CHARS);
    let text_len = text.iter().map(|t| t.len() + 1).sum::<usize>();
    let mut lower = String::with_capacity(title.len() + headings.len() + section.len() + text_len);
    let mut ends = [0; 4];
    for (i, part) in [title, &headings, section].into_iter().enumerate() {
        lower.push_str(part);
        ends[i] = lower.len();
    }
    for (i, part) in text.iter().enumerate() {
        if i > 0 {
            lower.push(' ');
        }
        lower.push_str(part);
    }
    ends[3] = lower.len();
    lower.make_ascii_lowercase();
    let mut words = Words::with_capacity(text_len / 12);
    let mut start = 0;
    let mut title_words = 0;
    for (end, field) in ends.into_iter().zip([TITLE, HEADING, SECTION, TEXT]) {
        words.add_ascii(&lower[start..end], field);
        if field == TITLE {
            title_words = words.len();
        }
        start = end;
    }
    page.assemble(&headings, &snippet, &words, title_words)
}

/// Any text: squashed, folded (NFD for what is not ASCII), and words with
/// an umlaut added in their second spelling.
fn general_entry(page: &Page) -> Entry {
    let Page {
        title,
        section,
        headings,
        text,
        ..
    } = *page;
    let text = squash(&text.join(" "));
    let snippet: String = match text.char_indices().nth(SNIPPET_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.clone(),
    };
    let headings = headings.join(" · ");
    let folded = [
        (fold(title), TITLE),
        (fold(&headings), HEADING),
        (fold(section), SECTION),
        (fold(&text), TEXT),
    ];
    // Only text with an umlaut has a second spelling: the words it adds
    // are those words alone, so English sites' indexes do not grow.
    let spelt: Vec<(String, u8)> = [
        (title, TITLE),
        (headings.as_str(), HEADING),
        (section, SECTION),
        (text.as_str(), TEXT),
    ]
    .into_iter()
    .filter_map(|(part, field)| Some((umlauts_as_e(part)?, field)))
    .collect();
    let mut words = Words::with_capacity(text.len() / 16);
    let mut title_words = 0;
    for (i, (folded, field)) in folded.iter().chain(&spelt).enumerate() {
        words.add(folded, *field);
        if i == 0 {
            // The title as written, without its second spelling: a title
            // is exact when the query has as many words.
            title_words = words.len();
        }
    }
    page.assemble(&headings, &snippet, &words, title_words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn entries_keep_a_snippet_and_each_word_once_with_its_fields() {
        let text = "Short intro. ".repeat(30) + "Agenda prompts agenda PROMPTS a";
        let e = entry(
            Found::Content(&Kind::Guide),
            "Kickoff agenda",
            "Sessions",
            "sessions/01-kickoff/",
            &["Agenda"],
            &[&text],
        );
        assert!(e.snippet().ends_with('…'));
        let words: Vec<&str> = e.words().split(' ').collect();
        assert_eq!(
            words,
            ["kickoff", "agenda", "sessions", "short", "intro", "prompts"]
        );
        assert_eq!(e.fields()[1], TITLE | HEADING | TEXT);
        assert_eq!(e.title_words(), 2);
        assert_eq!(e.title(), "Kickoff agenda");
        assert_eq!(e.section(), "Sessions");
        assert_eq!(e.url(), "sessions/01-kickoff/");
        assert_eq!(e.headings(), "Agenda");
    }

    #[test]
    fn accents_and_case_fold_like_the_browser() {
        let e = entry(
            Found::Content(&Kind::Page),
            "Café",
            "",
            "x/",
            &[],
            &["Naïve Łódź"],
        );
        assert_eq!(e.words(), "cafe naive lodz");
    }

    #[test]
    fn umlaut_words_are_stored_in_both_spellings_and_only_they() {
        let e = entry(
            Found::Person,
            "Jan Müller",
            "",
            "x/",
            &[],
            &["Grüße aus Köln"],
        );
        assert_eq!(
            e.words(),
            "jan muller grusse aus koln mueller gruesse koeln"
        );
        assert_eq!(e.fields()[5], TITLE);
        assert_eq!(e.title_words(), 2);
    }

    #[test]
    fn ascii_pages_read_as_any_text_does() {
        let long = "Word ".repeat(60) + "  tail\tend  ";
        let many = "x1 ".repeat(super::super::MAX_WORDS + 10);
        let cases: [(&str, &str, &[&str], &[&str]); 7] = [
            ("", "", &[], &[]),
            (
                "Kickoff Agenda",
                "Sessions",
                &["One", "Two B"],
                &["", "Intro"],
            ),
            (
                " a b ",
                "A-B",
                &["x", "", "y"],
                &["  Desc. ", "\n\nText of it\r\n"],
            ),
            ("T", "S", &[], &[&long]),
            ("T", "S", &[], &["  ", &long]),
            ("T", "S", &[], &[&"ab ".repeat(67), "cd"]),
            ("T", "S", &["h"], &[&many, "after"]),
        ];
        for (title, section, headings, text) in cases {
            let page = Page {
                kind: "p",
                title,
                section,
                url: "u/",
                headings,
                text,
            };
            assert_eq!(ascii_entry(&page), general_entry(&page), "{text:?}");
        }
    }

    #[test]
    fn an_empty_page_has_no_words() {
        let e = entry(Found::Person, "", "", "x/", &[], &[]);
        assert_eq!((e.words(), e.fields(), e.snippet()), ("", &[][..], ""));
        assert_eq!(e.url(), "x/");
    }
}
