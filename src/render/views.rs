//! The template context: plain serialisable structs, one per kind of page,
//! built from the model and its progress. Every field is documented for
//! theme authors in the README's theming section.

use super::markdown::TocEntry;
use crate::model::{Kind, Pair, PersonRef, Playbook, SessionStatus};
use crate::progress::{GoalProgress, GuideProgress, PairProgress, PairStatus};
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

/// Everything a page template sees. Exactly one of the kind-specific
/// fields is set for pages of that kind (`home` for the home page).
#[derive(Debug, Serialize)]
pub struct PageView<'a> {
    pub site: &'a SiteInfo,
    /// The relative path to the site root (`""`, `"../"`, ...): prefix it to
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
    pub home: Option<HomeView>,
    pub goals: Option<GoalsView>,
    pub guide: Option<GuideView>,
    pub step: Option<StepView>,
    pub session: Option<SessionView>,
    pub roster: Option<RosterView>,
    pub pair: Option<PairView>,
    pub progress: Option<DashboardView>,
    pub people: Option<PeopleView>,
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
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalRow {
    pub id: String,
    pub title: String,
    pub metric: String,
    pub unit: String,
    pub description: String,
    pub baseline: String,
    pub target: String,
    pub latest: String,
    pub latest_date: String,
    pub status: &'static str,
    pub status_slug: &'static str,
    /// Share of the way from baseline to target, 0 to 100.
    pub percent: u32,
    pub results: Vec<ResultRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResultRow {
    pub date: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalsView {
    pub rows: Vec<GoalRow>,
    /// An inline SVG chart of baseline, target and results (print `| safe`).
    pub chart: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepRow {
    pub number: String,
    pub title: String,
    pub href: String,
    pub owner: String,
    pub due: String,
    pub due_label: String,
    pub status: &'static str,
    pub overdue: bool,
    pub checklist_done: usize,
    pub checklist_total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct GuideView {
    pub steps: Vec<StepRow>,
    pub progress: GuideProgress,
    pub percent: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub row: StepRow,
    pub owner_href: Option<String>,
    pub guide: Option<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionView {
    pub duration: Option<u32>,
    pub order: Option<i64>,
    pub week: Option<i64>,
    pub agenda: Vec<crate::model::AgendaItem>,
    pub total_minutes: u32,
    pub prepare: Vec<String>,
    pub prompts: Vec<String>,
    /// How many pairs have held or planned this session.
    pub used_by: usize,
}

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
    pub held: u32,
    pub expected: u32,
    pub planned: Option<u32>,
    pub last_met: String,
    pub last_met_label: String,
    pub next: String,
    pub next_label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RosterView {
    pub cohort: String,
    pub start: String,
    pub end: String,
    pub cadence: String,
    pub rows: Vec<PairRow>,
    pub counts: Vec<StatusCount>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub name: String,
    pub role: String,
    pub team: String,
    /// Link to the person in the people directory, for declared people.
    pub href: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionRow {
    pub date: String,
    pub date_label: String,
    pub template: Option<Link>,
    pub status: &'static str,
    pub notes: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PairView {
    pub id: String,
    pub roster: Link,
    pub cohort: String,
    pub mentor: PersonView,
    pub mentee: PersonView,
    /// Topics, goals, notes and the pair's own text are left out when set.
    pub confidential: bool,
    pub topics: Vec<String>,
    pub goals: Vec<crate::model::PairGoal>,
    pub sessions: Vec<SessionRow>,
    pub row: PairRow,
    pub start: String,
    pub end: String,
    pub cadence: String,
    /// Progress bar: held out of `bar_max` (planned, else expected).
    pub bar_max: u32,
    pub percent: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct GuideSummary {
    pub title: String,
    pub href: String,
    pub progress: GuideProgress,
    pub percent: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct DashboardView {
    pub counts: Vec<StatusCount>,
    /// Every pair, those needing attention first.
    pub rows: Vec<PairRow>,
    pub guides: Vec<GuideSummary>,
    pub goals: Vec<GoalRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonRow {
    pub id: String,
    pub anchor: String,
    pub name: String,
    pub role: String,
    pub team: String,
    /// Only when `people.show_emails` is on.
    pub email: Option<String>,
    pub reports_to: Option<Link>,
    pub pairs: Vec<Link>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeopleView {
    pub rows: Vec<PersonRow>,
    /// Some row has an email to show (`people.show_emails` is on).
    pub show_emails: bool,
}

pub fn date_label(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

pub fn opt_date(date: Option<NaiveDate>) -> (String, String) {
    date.map_or_else(
        || (String::new(), String::new()),
        |d| (d.to_string(), date_label(d)),
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

pub fn person_anchor(id: &str) -> String {
    crate::urls::person_anchor(id)
}

pub fn cohort_of(playbook: &Playbook, pair: &Pair) -> String {
    match &playbook.pages[pair.roster].kind {
        Kind::Roster(r) => r.cohort.clone(),
        _ => String::new(),
    }
}

pub fn pair_row(playbook: &Playbook, pair: &Pair, progress: &PairProgress, root: &str) -> PairRow {
    let (last_met, last_met_label) = opt_date(progress.last_met);
    let (next, next_label) = opt_date(progress.next);
    PairRow {
        id: pair.id.value.clone(),
        href: format!("{root}{}", crate::urls::pair_url(&pair.id.value)),
        mentor: person_view(playbook, pair.mentor.as_ref(), root).name,
        mentee: person_view(playbook, pair.mentee.as_ref(), root).name,
        cohort: cohort_of(playbook, pair),
        status: progress.status.label(),
        status_slug: progress.status.slug(),
        status_rank: PairStatus::ALL
            .iter()
            .position(|s| *s == progress.status)
            .unwrap_or(0),
        held: progress.held,
        expected: progress.expected,
        planned: progress.planned,
        last_met,
        last_met_label,
        next,
        next_label,
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

pub fn goal_row(goal: &crate::model::Goal, progress: &GoalProgress) -> GoalRow {
    let (latest, latest_date) = progress
        .latest
        .map_or((String::new(), String::new()), |(d, v)| {
            (number(v), d.to_string())
        });
    GoalRow {
        id: goal.id.clone(),
        title: goal.title.clone(),
        metric: goal.metric.clone(),
        unit: goal.unit.clone(),
        description: goal.description.clone(),
        baseline: goal.baseline.map(number).unwrap_or_default(),
        target: goal.target.map(number).unwrap_or_default(),
        latest,
        latest_date,
        status: progress.status.label(),
        status_slug: progress.status.slug(),
        percent: progress
            .fraction
            .map_or(0, |f| (f.clamp(0.0, 1.0) * 100.0).round() as u32),
        results: goal
            .results
            .iter()
            .map(|r| ResultRow {
                date: r.date.to_string(),
                value: number(r.value),
            })
            .collect(),
    }
}

pub fn session_rows(playbook: &Playbook, pair: &Pair, root: &str) -> Vec<SessionRow> {
    pair.sessions
        .iter()
        .map(|s| SessionRow {
            date: s.date.value.to_string(),
            date_label: date_label(s.date.value),
            template: s.template.as_ref().and_then(|t| {
                playbook.session_template(&t.value).map(|page| Link {
                    title: page.title.clone(),
                    href: format!("{root}{}", page.url),
                })
            }),
            status: s.status.label(),
            notes: if pair.confidential {
                String::new()
            } else {
                s.notes.clone()
            },
        })
        .collect()
}

pub fn counts_sessions_as_use(status: SessionStatus) -> bool {
    matches!(status, SessionStatus::Held | SessionStatus::Planned)
}
