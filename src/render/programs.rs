//! A site with programs: one row per program (title, figures, links to
//! its pages and dashboard), on the home page and the site's dashboard,
//! and each program's own dashboard at `<program>/progress/`. A site
//! without programs shows none of this (no rows: its pages are as before).

use super::context::Context;
use super::views::{ProgramRow, program_figures};
use crate::urls;

impl Context<'_> {
    /// The program whose folder `page` is the `_index.md` of, in a site
    /// with programs: that page shows the program's figures.
    pub(super) fn program_index(&self, page: &crate::model::Page) -> Option<usize> {
        if !page.is_index || !self.playbook.has_programs() {
            return None;
        }
        let folder = &self.playbook.sections.get(page.section)?.path;
        self.playbook.programs.iter().position(|p| p.id == *folder)
    }

    /// The section of the folder of the program whose dashboard is at
    /// `progress_url` (the root for the site's own), so that the dashboard
    /// and its attention pages sit under the program in breadcrumbs and the
    /// sidebar.
    pub(super) fn dashboard_section(&self, progress_url: &str) -> usize {
        let Some(folder) = progress_url
            .strip_suffix(urls::progress_url())
            .and_then(|program| program.strip_suffix('/'))
        else {
            return 0;
        };
        self.playbook
            .sections
            .iter()
            .position(|s| s.path == folder)
            .unwrap_or(0)
    }

    /// The title of the program with id `id` (the id itself if none has it).
    pub(super) fn program_title<'p>(&'p self, id: &'p str) -> &'p str {
        self.playbook
            .programs
            .iter()
            .find(|p| p.id == id)
            .map_or(id, |p| p.title.as_str())
    }

    /// One row per program, in `programs:` order; none for a site without.
    pub(super) fn program_rows(&self, root: &str) -> Vec<ProgramRow> {
        if !self.playbook.has_programs() {
            return Vec::new();
        }
        let figures = program_figures(
            self.playbook.programs.len(),
            self.counted_pairs()
                .map(|(i, pair)| (pair.program, &self.pair_progress[i])),
        );
        self.playbook
            .programs
            .iter()
            .zip(figures)
            .map(|(program, figures)| {
                let published = self
                    .playbook
                    .sections
                    .iter()
                    .position(|s| s.path == program.id)
                    .is_some_and(|s| self.publishes.sections[s]);
                ProgramRow {
                    id: program.id.clone(),
                    title: program.title.clone(),
                    href: if published {
                        format!("{root}{}", urls::program_url(&program.id))
                    } else {
                        String::new()
                    },
                    progress_href: format!("{root}{}", urls::program_progress_url(&program.id)),
                    figures,
                }
            })
            .collect()
    }
}
