//! `roster.html`: a cohort and its pairs, those needing attention first.

use super::attention::Pager;
use super::context::Context;
use super::context::Rendering;
use super::nav::root_of;
use super::views::{PairRow, StatusCount, date_label, pair_row, status_counts};
use crate::model::site::{ROSTER_PER_PAGE, roster_pages};
use crate::model::{Kind, Page, Roster};
use crate::urls;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct RosterView {
    pub cohort: String,
    pub start: String,
    pub end: String,
    pub cadence: String,
    pub rows: Vec<PairRow>,
    pub counts: Vec<StatusCount>,
    /// The cohort's calendar (`sessions.ics` beside the page); none for a
    /// draft roster, a proposal.
    pub calendar: Option<String>,
    /// Where the page is among the roster's pages, when it has several.
    pub pager: Option<Pager>,
}

impl Context<'_> {
    /// Page `k` (from 0) of the roster `page`'s pairs, seen from `root`.
    pub(super) fn roster_view(
        &self,
        page: &Page,
        roster: &Roster,
        root: &str,
        k: usize,
    ) -> RosterView {
        let mut rows: Vec<PairRow> = roster
            .pairs
            .iter()
            .map(|&p| pair_row(self.playbook, &self.pairs[p], &self.pair_progress[p], root))
            .collect();
        rows.sort_by_key(|r| r.status_rank);
        let pages = roster_pages(rows.len());
        let rows: Vec<PairRow> = rows
            .into_iter()
            .skip(k * ROSTER_PER_PAGE)
            .take(ROSTER_PER_PAGE)
            .collect();
        RosterView {
            cohort: roster.cohort.clone(),
            start: roster
                .start
                .as_ref()
                .map(|d| date_label(&self.playbook.messages, d.value))
                .unwrap_or_default(),
            end: roster
                .end
                .as_ref()
                .map(|d| date_label(&self.playbook.messages, d.value))
                .unwrap_or_default(),
            cadence: super::views::cadence(&self.playbook.messages, &roster.cadence),
            calendar: (!page.draft)
                .then(|| format!("{root}{}", urls::roster_calendar_path(&page.url))),
            pager: (pages > 1)
                .then(|| Pager::new(k, pages, root, |k| urls::roster_page_url(&page.url, k))),
            counts: status_counts(roster.pairs.iter().map(|&p| &self.pair_progress[p].status)),
            rows,
        }
    }
}

/// A later page's own part of the context, under `roster` as on the
/// roster's own page.
#[derive(Debug, Serialize)]
struct RosterPage {
    roster: RosterView,
}

impl Context<'_> {
    /// Page `k` (from 1) of the pairs of the roster at page `index`: its
    /// facts and its slice of the pair table, without the roster's text.
    pub(super) fn roster_page(&self, index: usize, k: usize) -> Rendering {
        let page = &self.playbook.pages[index];
        let Kind::Roster(roster) = &page.kind else {
            return self.content_page(index);
        };
        let url = urls::roster_page_url(&page.url, k);
        let root = root_of(&url);
        let pages = roster_pages(roster.pairs.len());
        let title = self.playbook.messages.text(
            "ui-page-of-title",
            &[
                ("title", page.title.as_str().into()),
                ("page", (k + 1).into()),
                ("pages", pages.into()),
            ],
        );
        let mut view = self.blank(&url, title, "roster");
        view.draft = page.draft;
        view.sidebar = self.nav.sidebar_html_within(page.section, &page.url, &root);
        view.breadcrumbs = self.nav.breadcrumbs(page.section, !page.is_index, &root);
        view.breadcrumbs.push(super::views::Link {
            title: page.title.clone(),
            href: format!("{root}{}", page.url),
        });
        view.of_kind = Some(RosterPage {
            roster: self.roster_view(page, roster, &root, k),
        });
        Ok((self.finish("roster.html", &url, &view, &page.file)?, None))
    }
}
