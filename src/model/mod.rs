//! Stage 3: the typed playbook. Plain structs, cross-references kept as ids
//! with their places so `check` can report them; `read` builds them.

mod body;
pub mod directory;
mod failed;
mod goal;
mod lookups;
pub mod org;
mod people_memo;
mod program;
mod public;
mod read;
mod scans;
pub use body::Body;
pub mod site;
pub mod survey;

pub use failed::{Failed, Failures};
pub use goal::{Goal, GoalResult, GoalSource};
pub use program::Program;
pub use public::{PublicPair, PublicSession};
pub use read::{ReadCache, read, read_cached, read_leaving_scans};

use crate::config::Config;
use crate::diagnostic::Span;
use crate::source::fields::Spanned;
use crate::source::markdown::Scan;
use chrono::{Months, NaiveDate};
use serde::Serialize;

#[derive(Debug, Default)]
pub struct Playbook {
    pub config: Config,
    /// At least one once read (`Program`): the implicit program, id `""`,
    /// when `playbook.yaml` lists none.
    pub programs: Vec<Program>,
    /// Every page, in navigation order (see `sections`).
    pub pages: Vec<Page>,
    /// `sections[0]` is the site root (`content/`).
    pub sections: Vec<Section>,
    pub people: Vec<Person>,
    pub pairs: Vec<Pair>,
    /// The files the build publishes under `static/` (the theme's and the
    /// site's), by their path below it: what links to `static/` may name.
    pub assets: Vec<String>,
    /// Content files whose front matter could not be read, and what each
    /// was meant to be: references to them are not reported again.
    pub failed: Failures,
    /// The site's language: its messages, date and number formats, with
    /// the site's overrides (`crate::i18n`).
    pub messages: crate::i18n::Messages,
    /// Lookups by id and by file, made on first use: pages look up people
    /// and other pages, and a linear search each time made large programs
    /// quadratic. The model is complete before anything looks up.
    lookups: std::sync::OnceLock<lookups::Lookups>,
    /// What the people list alone gives (ids, the order of names), shared
    /// with the playbooks `serve` reads while the people stay the same.
    people_memo: std::sync::Arc<people_memo::PeopleMemo>,
}

#[derive(Debug, Clone)]
pub struct Page {
    /// Relative to the site folder: `content/launch/01-define-goals.md`.
    pub file: String,
    /// Output path relative to the site root, with a trailing `/`
    /// (`launch/01-define-goals/`), or `""` for the home page.
    pub url: String,
    pub id: String,
    /// Where `id:` gives the id; `None` when it comes from the file name.
    pub id_span: Option<Span>,
    pub title: String,
    pub description: String,
    pub weight: i64,
    /// The numeric file-name prefix (`01-` gives 1), for ordering.
    pub prefix: Option<u64>,
    pub draft: bool,
    pub kind: Kind,
    pub body: Body,
    pub body_line: usize,
    pub scan: std::sync::Arc<Scan>,
    /// Set while `scan` is left to the renderer, which parses the body
    /// anyway (`read_leaving_scans`, then `Playbook::fill_scans`): where
    /// the body's lines were written, to place what the scan finds.
    pub scan_pending: Option<std::sync::Arc<crate::source::include::Places>>,
    /// The section the page is in; for an `_index.md`, the section it describes.
    pub section: usize,
    /// The program whose folder holds the page; `None` for a site-wide
    /// page of a site with programs.
    pub program: Option<usize>,
    pub is_index: bool,
    /// Old addresses of the page (`aliases:`), each already a valid
    /// address (`crate::urls::alias_address`): a redirect page is written
    /// at each while the page is published. Empty for a pair file, whose
    /// aliases are its pair's.
    pub aliases: Vec<Alias>,
}

/// An old address of a page or pair, where a build writes a redirect page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The address, spelt as a page's is (`launch/04-pair-people/`).
    pub address: String,
    /// Where `aliases:` names it.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Page,
    Goals(Vec<Goal>),
    Guide,
    Step(Step),
    Session(SessionTemplate),
    Roster(Roster),
    /// A pair's own page; the pair itself lives in `Playbook::pairs`.
    Pair(String),
    /// Surveys' definitions, with their answers (private to `survey`).
    Surveys(Vec<survey::Survey>),
}

impl Kind {
    /// Every kind's name, as `kind:` takes it.
    pub const NAMES: &'static [&'static str] = &[
        "page", "goals", "guide", "step", "session", "roster", "pair", "surveys",
    ];

    pub fn name(&self) -> &'static str {
        match self {
            Kind::Page => "page",
            Kind::Goals(_) => "goals",
            Kind::Guide => "guide",
            Kind::Step(_) => "step",
            Kind::Session(_) => "session",
            Kind::Roster(_) => "roster",
            Kind::Pair(_) => "pair",
            Kind::Surveys(_) => "surveys",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Section {
    /// Folder below `content/`, `""` for the root.
    pub path: String,
    pub title: String,
    pub weight: i64,
    pub prefix: Option<u64>,
    pub index: Option<usize>,
    /// Pages of this folder (not its `_index.md`), in navigation order.
    pub pages: Vec<usize>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepStatus {
    Todo,
    Doing,
    Done,
}

impl StepStatus {
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::Todo => "todo",
            StepStatus::Doing => "doing",
            StepStatus::Done => "done",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Step {
    pub order: Option<i64>,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: StepStatus,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgendaItem {
    pub minutes: u32,
    pub item: String,
}

#[derive(Debug, Clone)]
pub struct SessionTemplate {
    pub duration: Option<Spanned<u32>>,
    pub order: Option<i64>,
    pub week: Option<i64>,
    pub agenda: Vec<AgendaItem>,
    pub prepare: Vec<String>,
    pub prompts: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Roster {
    pub cohort: String,
    pub start: Option<Spanned<NaiveDate>>,
    pub end: Option<Spanned<NaiveDate>>,
    pub cadence: Cadence,
    /// Indices into `Playbook::pairs`, in the roster's order.
    pub pairs: Vec<usize>,
}

/// How often a pair is meant to meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Cadence {
    Weekly,
    Biweekly,
    Monthly,
    Days(u32),
}

impl Cadence {
    /// The date `periods` cadence periods after `start`. Months clamp to
    /// the month's last day (31 January + 1 month = 28 or 29 February).
    pub fn after(self, start: NaiveDate, periods: u32) -> Option<NaiveDate> {
        match self {
            Cadence::Monthly => start.checked_add_months(Months::new(periods)),
            other => start.checked_add_days(chrono::Days::new(
                u64::from(other.days()) * u64::from(periods),
            )),
        }
    }

    /// Length of one period in days (a month counts as 30 where a
    /// single number is needed, e.g. for sorting).
    pub fn days(self) -> u32 {
        match self {
            Cadence::Weekly => 7,
            Cadence::Biweekly => 14,
            Cadence::Monthly => 30,
            Cadence::Days(n) => n.max(1),
        }
    }

    pub fn label(self) -> String {
        match self {
            Cadence::Weekly => "weekly".into(),
            Cadence::Biweekly => "every two weeks".into(),
            Cadence::Monthly => "monthly".into(),
            Cadence::Days(n) => format!("every {n} days"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub role: String,
    pub team: String,
    #[serde(skip)]
    pub email: String,
    #[serde(skip)]
    pub reports_to: Option<Spanned<String>>,
    #[serde(skip)]
    pub span: Span,
}

/// A pair's mentor or mentee: a declared person, or written inline.
#[derive(Debug, Clone)]
pub enum PersonRef {
    Id(Spanned<String>),
    Inline(Person),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PairOverride {
    Paused,
    Completed,
    Withdrawn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionStatus {
    Held,
    Planned,
    Cancelled,
    Missed,
}

impl SessionStatus {
    pub fn label(self) -> &'static str {
        match self {
            SessionStatus::Held => "held",
            SessionStatus::Planned => "planned",
            SessionStatus::Cancelled => "cancelled",
            SessionStatus::Missed => "missed",
        }
    }
}

/// A session still `planned` though its date is before `as_of`: its log
/// needs an update (was it held?). `check` warns about it and the dashboard
/// lists it; both ask here.
pub fn still_planned(written: Option<SessionStatus>, date: NaiveDate, as_of: NaiveDate) -> bool {
    written == Some(SessionStatus::Planned) && date < as_of
}

#[derive(Debug, Clone)]
pub struct Session {
    pub date: Spanned<NaiveDate>,
    /// The local time it starts, in `playbook.yaml`'s `timezone`.
    pub time: Option<Spanned<chrono::NaiveTime>>,
    /// Minutes; `None` for the template's `duration`.
    pub duration: Option<Spanned<u32>>,
    pub template: Option<Spanned<String>>,
    /// As written; `None` when left out, and then it follows the date
    /// (`progress::session_status` says what it is as of a date).
    pub status: Option<Spanned<SessionStatus>>,
    /// Where the pair meet: published only through `Pair::public`, never
    /// for a confidential pair.
    pub(in crate::model) location: Option<Location>,
    /// What the pair talked about: published only through `Pair::public`.
    pub(in crate::model) notes: String,
}

/// Where a session takes place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A place in words (`Room 2.14, head office`): shown as text.
    Place(String),
    /// A video call's `http(s)` address, checked as `base_url` is: shown
    /// as a link.
    Call(String),
}

impl Location {
    /// As written, for a calendar's `LOCATION`.
    pub fn text(&self) -> &str {
        match self {
            Location::Place(text) | Location::Call(text) => text,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PairGoal {
    pub title: String,
    pub done: bool,
}

#[derive(Debug, Clone)]
pub struct Pair {
    pub id: Spanned<String>,
    /// The roster page that lists the pair.
    pub roster: usize,
    /// Its roster's program (index into `Playbook::programs`): pair ids
    /// are unique within a program.
    pub program: usize,
    /// The pair's own file, if it has one.
    pub page: Option<usize>,
    pub mentor: Option<PersonRef>,
    pub mentee: Option<PersonRef>,
    /// What the pair works on: published only through `Pair::public`,
    /// which leaves them out of confidential pairs.
    pub(in crate::model) topics: Vec<String>,
    pub(in crate::model) goals: Vec<PairGoal>,
    pub start: Option<Spanned<NaiveDate>>,
    pub end: Option<NaiveDate>,
    pub cadence: Cadence,
    pub status: Option<PairOverride>,
    pub confidential: bool,
    pub sessions: Vec<Session>,
    /// The pair file's own title (its `title:` or first `# Heading`), empty
    /// when it has none: coordinators put the topic there, so it is
    /// published only through `Pair::public`, never for a confidential pair.
    pub(in crate::model) title: String,
    /// `public_title:`, the title the coordinator means to publish.
    pub(in crate::model) public_title: Option<String>,
    /// Listed by a `draft: true` roster: a proposal (such as the draft
    /// `match` writes), not a running pairing. Built only with `--drafts`,
    /// and never counted in the program's figures.
    pub draft: bool,
    /// Why the pair may break `rules.reporting_line` (HR's record, never
    /// published); empty when written without a reason (an error).
    pub reporting_line_exception: Option<Spanned<String>>,
    /// Old addresses of the pair's page (`aliases:`): an old id can name
    /// its topic, so they are published only through `Pair::public`.
    pub(in crate::model) aliases: Vec<Alias>,
}

impl Pair {
    /// Whether the pair still holds its mentor and mentee: until its
    /// `status` says `completed` or `withdrawn`. A `paused` pair is active,
    /// as it resumes. Dates and sessions do not matter here (how a pair is
    /// going is `progress`'s); this is what `rules.max_pairs_per_person`
    /// counts and what `match` counts against a mentor's capacity.
    pub fn is_active(&self) -> bool {
        self.status.is_none_or(|s| s == PairOverride::Paused)
    }
}
