//! The pairs needing attention: the most urgent on the dashboard, every
//! one of them on the paged `progress/attention/` pages, so that neither
//! grows with the program (a phone on a VPN should not fetch every pair to
//! see who is stuck). A pair needs attention when it is stalled, at risk
//! or past its end without being closed, or when its log needs an update.

use super::context::{Context, Rendering};
use super::nav::root_of;
use super::views::{PageView, PairRow, date_label, pair_row, person_view};
use crate::model::site::BuiltPage;
use crate::progress::PairStatus;
use crate::urls;
use serde::Serialize;

/// How many pairs needing attention the dashboard shows; the rest are a
/// link away.
pub const ON_DASHBOARD: usize = 50;
/// Pairs per attention page: a page of 500 rows is about 300 KB.
pub const PER_PAGE: usize = 500;

/// A pair that needs an update in its file: sessions still `planned`
/// though their date has passed (was each held?), or, when `ended_on` is
/// set, an end date passed without a `completed` or `withdrawn` status.
#[derive(Debug, Clone, Serialize)]
pub struct ToUpdate {
    pub title: String,
    pub href: String,
    /// `[{date, label}]` of the sessions still `planned`.
    pub sessions: Vec<DateLabel>,
    pub ended_on: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DateLabel {
    pub date: String,
    pub label: String,
}

/// A slice of the pairs needing attention, as the dashboard and the
/// attention pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct AttentionView {
    pub rows: Vec<PairRow>,
    /// Those of `rows` whose log or status the as-of date has overtaken.
    pub to_update: Vec<ToUpdate>,
    /// How many pairs need attention in all.
    pub total: usize,
    /// The first attention page, when `rows` are not all of them.
    pub more_href: Option<String>,
    pub pager: Option<Pager>,
}

/// Where a paged list is: "page 2 of 5", with links to its neighbours.
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    pub page: usize,
    pub pages: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    /// Page `k` (from 0) of `pages`, whose addresses `url_of` gives
    /// (relative to the site's root), seen from `root`.
    pub fn new(k: usize, pages: usize, root: &str, url_of: impl Fn(usize) -> String) -> Pager {
        Pager {
            page: k + 1,
            pages,
            prev: (k > 0).then(|| format!("{root}{}", url_of(k - 1))),
            next: (k + 1 < pages).then(|| format!("{root}{}", url_of(k + 1))),
        }
    }
}

/// The attention page's own part of the context, under `attention`.
#[derive(Debug, Serialize)]
struct AttentionPage {
    attention: AttentionView,
    /// The dashboard these pages belong to.
    progress_href: String,
}

/// Whether a pair with this progress needs someone to act.
fn needs_attention(progress: &crate::progress::PairProgress) -> bool {
    matches!(
        progress.status,
        PairStatus::Stalled | PairStatus::AtRisk | PairStatus::Ended
    ) || !progress.to_update.is_empty()
}

impl Context<'_> {
    /// The pairs of `pairs` (indices) that need attention, most urgent
    /// first: by status, then those who met longest ago.
    pub(super) fn attention_order(&self, pairs: &[usize]) -> Vec<usize> {
        let mut order: Vec<usize> = pairs
            .iter()
            .copied()
            .filter(|&i| needs_attention(&self.pair_progress[i]))
            .collect();
        let rank = |s: PairStatus| PairStatus::ALL.iter().position(|x| *x == s);
        order.sort_by_cached_key(|&i| {
            let p = &self.pair_progress[i];
            (rank(p.status), p.last_met, self.pairs[i].id)
        });
        order
    }

    /// How many attention pages the dashboard at `progress_url` has for
    /// `pairs`: one at least, which says when no pair needs attention.
    pub(super) fn attention_page_count(&self, pairs: &[usize]) -> usize {
        self.attention_order(pairs).len().div_ceil(PER_PAGE).max(1)
    }

    /// The view of the pairs needing attention among `order`'s `range`.
    pub(super) fn attention_view(
        &self,
        order: &[usize],
        range: std::ops::Range<usize>,
        root: &str,
    ) -> AttentionView {
        let shown = &order[range.start.min(order.len())..range.end.min(order.len())];
        AttentionView {
            rows: shown
                .iter()
                .map(|&i| pair_row(self.playbook, &self.pairs[i], &self.pair_progress[i], root))
                .collect(),
            to_update: shown
                .iter()
                .filter_map(|&i| self.to_update(i, root))
                .collect(),
            total: order.len(),
            more_href: None,
            pager: None,
        }
    }

    /// Page `k` (from 0) of the pairs needing attention among `pairs`, for
    /// the dashboard at `progress_url`.
    pub(super) fn attention_page(
        &self,
        progress_url: &str,
        pairs: &[usize],
        k: usize,
    ) -> Rendering {
        let (url, view) = self.attention_page_view(progress_url, pairs, k);
        Ok((self.finish("attention.html", &url, &view, "data")?, None))
    }

    /// A hash of everything attention page `k` of the dashboard at
    /// `progress_url` shows (`views::view_fingerprint`): after an edit, a page
    /// of 500 rows (300 KB) is rendered again only when a row, the count
    /// or its navigation changed, not for any session logged.
    pub(super) fn attention_fingerprint(
        &self,
        progress_url: &str,
        pairs: &[usize],
        k: usize,
    ) -> u64 {
        let (url, view) = self.attention_page_view(progress_url, pairs, k);
        super::views::view_fingerprint(&url, &view)
    }

    /// Attention page `k`'s address and view.
    fn attention_page_view(
        &self,
        progress_url: &str,
        pairs: &[usize],
        k: usize,
    ) -> (String, PageView<'_, AttentionPage>) {
        let url = urls::attention_url(progress_url, k);
        let root = root_of(&url);
        let order = self.attention_order(pairs);
        let pages = order.len().div_ceil(PER_PAGE).max(1);
        let mut title = self.playbook.messages.get("ui-attention");
        if pages > 1 {
            title = self.playbook.messages.text(
                "ui-attention-page",
                &[("page", (k + 1).into()), ("pages", pages.into())],
            );
        }
        let mut view = self.blank::<AttentionPage>(&url, title, "attention");
        let section = self.dashboard_section(progress_url);
        view.sidebar = self.nav.sidebar_html_within(section, progress_url, &root);
        view.breadcrumbs = self.nav.breadcrumbs(section, true, &root);
        view.breadcrumbs.push(super::views::Link {
            title: self.playbook.messages.get("ui-progress"),
            href: format!("{root}{progress_url}"),
        });
        let mut attention = self.attention_view(&order, k * PER_PAGE..(k + 1) * PER_PAGE, &root);
        attention.pager = (pages > 1)
            .then(|| Pager::new(k, pages, &root, |k| urls::attention_url(progress_url, k)));
        view.of_kind = Some(AttentionPage {
            attention,
            progress_href: format!("{root}{progress_url}"),
        });
        (url, view)
    }

    /// What of pair `i`'s file the as-of date has overtaken, if anything.
    fn to_update(&self, i: usize, root: &str) -> Option<ToUpdate> {
        let progress = &self.pair_progress[i];
        let m = &self.playbook.messages;
        let ended_on = match (progress.status, self.pairs[i].end) {
            (PairStatus::Ended, Some(end)) => date_label(m, end),
            _ => String::new(),
        };
        if progress.to_update.is_empty() && ended_on.is_empty() {
            return None;
        }
        let pair = &self.pairs[i];
        Some(ToUpdate {
            // By its people, never a confidential pair's own title.
            title: super::views::pair_title(
                m,
                &person_view(self.playbook, pair.mentor, "").name,
                &person_view(self.playbook, pair.mentee, "").name,
            ),
            href: format!("{root}{}", self.playbook.pair_url(pair.program, pair.id)),
            sessions: progress
                .to_update
                .iter()
                .map(|d| DateLabel {
                    date: d.to_string(),
                    label: date_label(m, *d),
                })
                .collect(),
            ended_on,
        })
    }
}

/// The attention pages of the site's dashboard: the first always (content
/// may link it), the others as many as the pairs needing attention fill.
pub(super) fn extra_pages(context: &Context, pairs: &[usize]) -> Vec<BuiltPage> {
    (1..context.attention_page_count(pairs))
        .map(BuiltPage::Attention)
        .collect()
}
