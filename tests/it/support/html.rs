//! A built page parsed with scraper and queried with CSS selectors, the
//! way a reader sees it rather than as bytes.

use super::allow_list::assert_allow_listed;
use scraper::{ElementRef, Html, Selector};

pub struct Doc(Html);

/// A selector the test wrote; a typo is the test's bug.
pub fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css:?}: {e}"))
}

impl Doc {
    pub fn parse(html: &str) -> Doc {
        Doc(Html::parse_document(html))
    }

    /// Every element matching `css`, in document order.
    pub fn all(&self, css: &str) -> Vec<ElementRef<'_>> {
        self.0.select(&selector(css)).collect()
    }

    pub fn count(&self, css: &str) -> usize {
        self.all(css).len()
    }

    /// The text of the first match, whitespace collapsed; empty if none.
    pub fn text(&self, css: &str) -> String {
        self.all(css)
            .first()
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    }

    /// `name` of every element matching `css` that has it.
    pub fn attrs(&self, css: &str, name: &str) -> Vec<String> {
        self.all(css)
            .iter()
            .filter_map(|e| e.value().attr(name).map(String::from))
            .collect()
    }
}

impl super::Built {
    /// [`assert_allow_listed`] on every HTML file of the output.
    pub fn assert_every_page_allow_listed(&self) -> usize {
        let pages: Vec<String> = self
            .files()
            .into_iter()
            .filter(|f| f.ends_with(".html"))
            .collect();
        for page in &pages {
            assert_allow_listed(page, &self.file(page));
        }
        pages.len()
    }
}
