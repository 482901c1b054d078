//! The scans `read_leaving_scans` left to the renderer, filled in.

use super::Playbook;
use crate::diagnostic::Diagnostic;
use crate::source::markdown::{self, Scan};
use rayon::prelude::*;
use std::sync::Arc;

impl Playbook {
    /// Whether some page's scan is still to be filled in.
    pub fn has_pending_scans(&self) -> bool {
        self.pages.iter().any(|p| p.scan_pending.is_some())
    }

    /// Puts the scans the renderer made of pages' bodies (by content file)
    /// in place, scans the pages it did not render (a draft, say), and
    /// returns the problems the scans found (HTML nested too deep), as
    /// reading the pages would have.
    pub fn fill_scans(&mut self, made: Vec<(String, Scan)>) -> Vec<Diagnostic> {
        let mut by_page: Vec<Option<Scan>> = vec![None; self.pages.len()];
        for (file, scan) in made {
            if let Some(page) = self.page_of_file(&file) {
                by_page[page] = Some(scan);
            }
        }
        self.pages
            .par_iter_mut()
            .zip(by_page)
            .filter_map(|(page, made)| {
                let places = page.scan_pending.take()?;
                let mut scan =
                    made.unwrap_or_else(|| markdown::scan(&page.body, places.scan_first_line()));
                places.apply(&mut scan);
                let problem = scan.nesting_problem(&page.file);
                page.scan = Arc::new(scan);
                problem
            })
            .collect()
    }
}
