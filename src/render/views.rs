//! The template context every page gets (`PageView`) and the pieces more
//! than one kind of page shows (links, people, pair rows, dates). Each
//! kind's own view sits in the file of that kind (`goals.rs` ...). Every
//! field is documented for theme authors in the README's theming section.

use super::markdown::TocEntry;
use crate::i18n::Messages;
use crate::model::{Cadence, Kind, PersonRef, Playbook, PublicPair};
use crate::progress::{Next, PairProgress, PairStatus};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct SiteInfo {
    pub title: String,
    pub description: String,
    pub organisation: String,
    pub language: String,
    /// The date progress is computed for, `YYYY-MM-DD`, and as shown.
    pub as_of: String,
    pub as_of_label: String,
    /// The search box's words in the site's language, as JSON: what
    /// `search/messages.js` holds; kept for templates that still put it in
    /// the results box's `data-messages`, which search.js reads too.
    pub search_messages: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, Hash)]
pub struct Link {
    pub title: String,
    pub href: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    pub title: String,
    pub href: String,
    /// This item is the page being shown.
    pub current: bool,
    pub children: Vec<NavItem>,
}

/// Everything a page template sees.
#[derive(Debug, Serialize)]
pub struct PageView<'a, K: Serialize> {
    pub site: &'a SiteInfo,
    /// The relative path to the site root (`./`, `../`, ...): prefix it to
    /// every site-relative link (`{{ root }}static/style.css`).
    pub root: String,
    /// The page's absolute URL, when `base_url` is set.
    pub canonical: Option<String>,
    /// "Edit this page": `edit_url` followed by the source file's path.
    pub edit_url: Option<String>,
    /// The source file's last change in git (`YYYY-MM-DD`) and as shown.
    pub updated: Option<String>,
    pub updated_label: Option<String>,
    pub title: String,
    pub description: String,
    /// `page`, `goals`, `guide`, `step`, `session`, `roster`, `pair`,
    /// `progress`, `people`, `section` or `notfound`.
    pub kind: &'static str,
    /// A `draft: true` page (or a pair of a draft roster), shown only when
    /// built with `--drafts`: the theme marks it as such.
    pub draft: bool,
    /// The rendered Markdown body (already sanitised; print with `| safe`).
    pub content: String,
    pub toc: Vec<TocEntry>,
    /// The sidebar's HTML (`<ul>` of sections; only the current section's
    /// pages expanded; the current page has `aria-current="page"`). Built
    /// once per section and shared by its pages: print it with `| safe`.
    pub sidebar: String,
    pub breadcrumbs: Vec<Link>,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    /// On the home page: its key figures.
    pub home: Option<HomeView>,
    /// What only pages of one kind show, under the kind's name (`goals`,
    /// `guide`, `step`, `session`, `roster`, `pair`, `progress`, `people`):
    /// each page builder picks its own type, so a page cannot carry two.
    #[serde(flatten)]
    pub of_kind: Option<K>,
    /// The pages of the section this page describes (for `_index.md` pages
    /// and sections without one).
    pub section: Option<Vec<PageSummary>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageSummary {
    pub title: String,
    pub href: String,
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub label: String,
    pub value: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HomeView {
    pub figures: Vec<Figure>,
    pub progress_href: String,
    /// The link to `progress_href`: a program's page links its own
    /// dashboard, not every pair's.
    pub progress_label: String,
    /// The whole playbook on one page, to print (`print/`).
    pub print_href: String,
    /// The site's programs with their figures; empty without programs.
    pub programs: Vec<ProgramRow>,
}

/// The kind view of pages that have none (sections, the 404 page).
#[derive(Debug, Serialize)]
pub struct NoKind {}

#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    pub label: &'static str,
    pub slug: &'static str,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct PairRow {
    pub id: String,
    pub href: String,
    pub mentor: String,
    pub mentee: String,
    pub cohort: String,
    pub status: &'static str,
    pub status_slug: &'static str,
    /// Sorts statuses that need attention first.
    pub status_rank: usize,
    /// Sessions held by the as-of date.
    pub held: u32,
    /// Sessions due by the as-of date, the first on the start date.
    pub expected_to_date: u32,
    /// Sessions due over the whole pairing, when it has an end.
    pub in_plan: Option<u32>,
    /// Sessions planned from the as-of date on.
    pub planned: u32,
    /// Sessions still `planned` though their date has passed.
    pub to_update: usize,
    pub last_met: String,
    pub last_met_label: String,
    /// The next planned session's date, else the date the cadence makes
    /// the next one due by (then `next_due` is true).
    pub next: String,
    pub next_label: String,
    pub next_due: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub name: String,
    pub role: String,
    pub team: String,
    /// Link to the person in the people directory, for declared people.
    pub href: Option<String>,
}

/// "Ana and Bo": a pair named by its people.
pub fn pair_title(messages: &Messages, mentor: &str, mentee: &str) -> String {
    messages.text(
        "ui-pair-title",
        &[("mentor", mentor.into()), ("mentee", mentee.into())],
    )
}

/// How often a pair meets, in words ("every two weeks").
pub fn cadence(messages: &Messages, cadence: &Cadence) -> String {
    let (kind, n) = match cadence {
        Cadence::Weekly => ("weekly", 7),
        Cadence::Biweekly => ("biweekly", 14),
        Cadence::Monthly => ("monthly", 1),
        Cadence::Days(n) => ("days", *n),
    };
    messages.text("ui-cadence", &[("kind", kind.into()), ("n", n.into())])
}

/// A date as pages show it, in the site's language.
pub fn date_label(messages: &Messages, date: NaiveDate) -> String {
    messages.date_label(date)
}

/// `YYYY-MM-DD` (for `datetime` attributes and sorting) and as shown.
pub fn opt_date(messages: &Messages, date: Option<NaiveDate>) -> (String, String) {
    date.map_or_else(
        || (String::new(), String::new()),
        |d| (d.to_string(), date_label(messages, d)),
    )
}

/// Numbers as people write them: no trailing `.0`.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        let s = format!("{value:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

pub fn person_view(playbook: &Playbook, person: Option<&PersonRef>, root: &str) -> PersonView {
    match person {
        Some(PersonRef::Id(id)) => match playbook.person(&id.value) {
            Some(p) => PersonView {
                name: p.name.clone(),
                role: p.role.clone(),
                team: p.team.clone(),
                href: Some(format!("{root}{}", crate::urls::person_url(&p.id))),
            },
            None => PersonView {
                name: id.value.clone(),
                role: String::new(),
                team: String::new(),
                href: None,
            },
        },
        Some(PersonRef::Inline(p)) => PersonView {
            name: p.name.clone(),
            role: p.role.clone(),
            team: p.team.clone(),
            href: None,
        },
        None => PersonView {
            name: String::new(),
            role: String::new(),
            team: String::new(),
            href: None,
        },
    }
}

pub fn cohort_of(playbook: &Playbook, pair: &PublicPair) -> String {
    match &playbook.pages[pair.roster].kind {
        Kind::Roster(r) => r.cohort.clone(),
        _ => String::new(),
    }
}

pub fn pair_row(
    playbook: &Playbook,
    pair: &PublicPair,
    progress: &PairProgress,
    root: &str,
) -> PairRow {
    let (last_met, last_met_label) = opt_date(&playbook.messages, progress.last_met);
    let (next, next_label) = opt_date(&playbook.messages, progress.next.map(Next::date));
    PairRow {
        id: pair.id.to_string(),
        href: format!("{root}{}", playbook.pair_url(pair.program, pair.id)),
        mentor: person_view(playbook, pair.mentor, root).name,
        mentee: person_view(playbook, pair.mentee, root).name,
        cohort: cohort_of(playbook, pair),
        status: progress.status.label(),
        status_slug: progress.status.slug(),
        status_rank: PairStatus::ALL
            .iter()
            .position(|s| *s == progress.status)
            .unwrap_or(0),
        held: progress.held,
        expected_to_date: progress.expected_to_date,
        in_plan: progress.in_plan,
        planned: progress.planned,
        to_update: progress.to_update.len(),
        last_met,
        last_met_label,
        next,
        next_label,
        next_due: matches!(progress.next, Some(Next::Due(_))),
    }
}

pub fn status_counts<'a>(statuses: impl Iterator<Item = &'a PairStatus>) -> Vec<StatusCount> {
    let statuses: Vec<PairStatus> = statuses.copied().collect();
    PairStatus::ALL
        .iter()
        .map(|s| StatusCount {
            label: s.label(),
            slug: s.slug(),
            count: statuses.iter().filter(|x| *x == s).count(),
        })
        .collect()
}

/// A program's counts (counted pairs only: no draft roster's), the same
/// on its row and in `progress.json`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProgramFigures {
    pub pairs: usize,
    pub on_track: usize,
    /// At risk, stalled or ended without being closed.
    pub attention: usize,
    pub sessions_held: u32,
}

/// Each program's figures, by program index, from the counted pairs'
/// programs and progress: one pass, whatever the number of programs.
pub fn program_figures<'p>(
    programs: usize,
    counted: impl Iterator<Item = (usize, &'p PairProgress)>,
) -> Vec<ProgramFigures> {
    let mut figures = vec![ProgramFigures::default(); programs];
    for (program, progress) in counted {
        let Some(f) = figures.get_mut(program) else {
            continue;
        };
        f.pairs += 1;
        f.sessions_held += progress.held;
        match progress.status {
            PairStatus::OnTrack => f.on_track += 1,
            PairStatus::AtRisk | PairStatus::Stalled | PairStatus::Ended => f.attention += 1,
            _ => {}
        }
    }
    figures
}

/// A program's figures as the home page and the site's dashboard show them.
#[derive(Debug, Clone, Serialize)]
pub struct ProgramRow {
    pub id: String,
    pub title: String,
    /// Its folder's page; empty when that page is not published.
    pub href: String,
    pub progress_href: String,
    #[serde(flatten)]
    pub figures: ProgramFigures,
}

/// A hash of a page's address and whole view: what its template is given,
/// so two renders with the same theme and the same fingerprint write the
/// same bytes. For pages of many rows that an edit seldom changes, worth
/// its cost (about a tenth of rendering the page) to leave them as they
/// were.
pub(super) fn view_fingerprint(url: &str, view: &impl std::fmt::Debug) -> u64 {
    use std::fmt::Write;
    use std::hash::{Hash, Hasher};
    /// Feeds what is formatted into the hasher, so the view is hashed
    /// without being written out first.
    struct Feed<'a>(&'a mut std::collections::hash_map::DefaultHasher);
    impl Write for Feed<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    url.hash(&mut hasher);
    let _ = write!(Feed(&mut hasher), "{view:?}");
    hasher.finish()
}
