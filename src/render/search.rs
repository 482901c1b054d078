//! The search index: one small entry per page, written as a script
//! (`search-index.js`) because browsers block fetch() on file:// pages, and
//! loaded only when someone searches. Each entry keeps a short snippet and
//! the page's distinct words rather than its full text, so the index stays
//! small on large sites.

use serde::Serialize;
use std::collections::HashSet;

#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Title.
    pub t: String,
    /// Section title.
    pub s: String,
    /// URL relative to the site root.
    pub u: String,
    /// Headings, joined by " · ".
    pub h: String,
    /// The start of the text, for the result snippet.
    pub x: String,
    /// The other distinct words of the text, lower-case.
    pub w: String,
}

const SNIPPET_CHARS: usize = 200;
const MAX_WORDS: usize = 300;

pub fn entry(title: &str, section: &str, url: &str, headings: &[String], text: &str) -> Entry {
    let text = squash(text);
    let snippet: String = match text.char_indices().nth(SNIPPET_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.clone(),
    };
    // One lower-case copy; the word sets borrow from it, so no word is
    // allocated (this runs for every page of the site).
    let lower = text.to_lowercase();
    let snippet_end = lower
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(lower.len(), |(i, _)| i);
    let is_word_char = |c: char| !c.is_alphanumeric();
    let mut seen: HashSet<&str> = lower[..snippet_end].split(is_word_char).collect();
    let mut words: Vec<&str> = Vec::new();
    for word in lower[snippet_end..].split(is_word_char) {
        if word.len() < 3 || !seen.insert(word) {
            continue;
        }
        words.push(word);
        if words.len() == MAX_WORDS {
            break;
        }
    }
    Entry {
        t: title.to_string(),
        s: section.to_string(),
        u: url.to_string(),
        h: headings.join(" · "),
        x: snippet,
        w: words.join(" "),
    }
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn script(entries: &[Entry]) -> String {
    #[derive(Serialize)]
    struct Index<'a> {
        pages: &'a [Entry],
    }
    let json = serde_json::to_string(&Index { pages: entries })
        .unwrap_or_else(|_| "{\"pages\":[]}".into());
    // `</script` inside a string would end an inline script; we load it as
    // a file, but escape anyway so the index is safe wherever it is put.
    format!(
        "window.MENTORBOOK_SEARCH = {};\n",
        json.replace("</", "<\\/")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_keep_a_snippet_and_distinct_words() {
        let text = "Short intro. ".repeat(30) + "Agenda prompts agenda PROMPTS";
        let e = entry(
            "Kickoff",
            "Sessions",
            "sessions/01-kickoff/",
            &["Agenda".into()],
            &text,
        );
        assert!(e.x.ends_with('…'));
        assert_eq!(e.w, "agenda prompts");
    }

    #[test]
    fn the_script_cannot_close_a_script_tag() {
        let e = entry("</script><b>", "", "", &[], "");
        assert!(!script(&[e]).contains("</script"));
    }
}
