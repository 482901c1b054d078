//! Content files whose front matter could not be read: YAML that does not
//! parse, or a `kind:` no reader knows. Such a file stays in the playbook
//! as a plain page, and what it was meant to be (a session template, a
//! roster, a pair's file) is remembered here, so that what refers to it is
//! not reported as unknown as well: one mistake, one error, at the file
//! that holds it (whose hint `read` extends with what depends on it).
//!
//! What a file was meant to be is a guess when its YAML did not parse: its
//! `kind:` line, its `id:` line or its file name, and the words of its front
//! matter (the pair ids a roster lists). A guess only ever silences a
//! reference to the failed file; nothing of it is published or counted.

use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone)]
pub struct Failed {
    /// Index into `Playbook::pages`.
    pub page: usize,
    /// The kind it was meant to be: as written, or the kind nearest to a
    /// misspelt one; `None` when that cannot be told.
    pub kind: Option<&'static str>,
    /// The id others would name it by: its `id:`, else its file name's.
    pub id: String,
    /// Every word of its front matter that could be an id.
    pub words: HashSet<String>,
}

impl Failed {
    /// Whether the file may have been meant as a page of `kind`.
    fn could_be(&self, kind: &str) -> bool {
        self.kind.is_none_or(|k| k == kind)
    }
}

/// The failed files of a playbook, looked up by id, by word and by page,
/// so that checking every reference against them stays linear.
#[derive(Debug, Default)]
pub struct Failures {
    files: Vec<Failed>,
    by_id: HashMap<String, Vec<usize>>,
    by_word: HashMap<String, Vec<usize>>,
    by_page: HashMap<usize, usize>,
}

impl Failures {
    pub fn new(files: Vec<Failed>) -> Failures {
        let mut failures = Failures::default();
        for (at, file) in files.iter().enumerate() {
            failures.by_id.entry(file.id.clone()).or_default().push(at);
            for word in &file.words {
                failures.by_word.entry(word.clone()).or_default().push(at);
            }
            failures.by_page.insert(file.page, at);
        }
        failures.files = files;
        failures
    }

    pub fn files(&self) -> &[Failed] {
        &self.files
    }

    /// The failed file, meant as a page of `kind`, whose id is `id`: what
    /// `template: <id>` (a session) or a `roster` column (a roster) names.
    pub fn named(&self, kind: &str, id: &str) -> Option<usize> {
        self.first(self.by_id.get(id), kind)
    }

    /// The failed file, meant as a page of `kind`, whose front matter
    /// holds `id`: the roster that lists a pair.
    pub fn holding(&self, kind: &str, id: &str) -> Option<usize> {
        self.first(self.by_word.get(id), kind)
    }

    /// `page`'s entry, if it failed and may have been meant as `kind`.
    pub fn page(&self, kind: &str, page: usize) -> Option<usize> {
        self.by_page
            .get(&page)
            .copied()
            .filter(|&at| self.files[at].could_be(kind))
    }

    fn first(&self, candidates: Option<&Vec<usize>>, kind: &str) -> Option<usize> {
        candidates?
            .iter()
            .copied()
            .find(|&at| self.files[at].could_be(kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed(page: usize, kind: Option<&'static str>, id: &str, words: &[&str]) -> Failed {
        Failed {
            page,
            kind,
            id: id.into(),
            words: words.iter().map(|w| (*w).to_string()).collect(),
        }
    }

    #[test]
    fn references_find_the_failed_file_they_name_if_its_kind_fits() {
        let failures = Failures::new(vec![
            failed(3, Some("session"), "shadowing", &["shadowing", "session"]),
            failed(5, Some("roster"), "pilot", &["pilot", "ana-bo"]),
            failed(7, None, "mystery", &["mystery", "jo-and-al"]),
            failed(9, Some("page"), "faq", &["faq"]),
        ]);
        assert_eq!(failures.named("session", "shadowing"), Some(0));
        assert_eq!(failures.named("roster", "shadowing"), None);
        assert_eq!(failures.named("roster", "pilot"), Some(1));
        assert_eq!(failures.holding("roster", "ana-bo"), Some(1));
        assert_eq!(failures.holding("roster", "jo-and-al"), Some(2));
        assert_eq!(failures.named("session", "mystery"), Some(2));
        assert_eq!(failures.named("session", "faq"), None);
        assert_eq!(failures.holding("roster", "nobody"), None);
        assert_eq!(failures.page("pair", 7), Some(2));
        assert_eq!(failures.page("pair", 3), None);
        assert_eq!(failures.page("pair", 4), None);
    }
}
