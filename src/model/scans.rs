//! The scans `read_leaving_scans` left to the renderer: completed with
//! what render made, then put in place.

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

    /// Every pending page's scan, by page index (`None` for the others):
    /// the scans the renderer made of the bodies it rendered (`made`, by
    /// content file), and the others (a draft, say) scanned now, each
    /// placed where its lines were written.
    pub fn pending_scans(&self, made: Vec<(String, Scan)>) -> Vec<Option<Scan>> {
        let mut by_page: Vec<Option<Scan>> = vec![None; self.pages.len()];
        for (file, scan) in made {
            if let Some(page) = self.page_of_file(&file) {
                by_page[page] = Some(scan);
            }
        }
        self.pages
            .par_iter()
            .zip(by_page)
            .map(|(page, made)| {
                let places = page.scan_pending.as_ref()?;
                let mut scan =
                    made.unwrap_or_else(|| markdown::scan(&page.body, places.scan_first_line()));
                places.apply(&mut scan);
                Some(scan)
            })
            .collect()
    }

    /// Puts `pending_scans`' scans in place, and returns what they found
    /// wrong (HTML nested too deep), as reading the pages would have.
    pub fn fill_scans(&mut self, scans: Vec<Option<Scan>>) -> Vec<Diagnostic> {
        self.pages
            .iter_mut()
            .zip(scans)
            .filter_map(|(page, scan)| {
                let scan = scan?;
                page.scan_pending = None;
                let problem = scan.nesting_problem(&page.file);
                page.scan = Arc::new(scan);
                problem
            })
            .collect()
    }
}
