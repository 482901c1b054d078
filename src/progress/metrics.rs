//! Metrics computed from the program's own sessions, for goals that name
//! one in `source:`: each is taken at every month end from the program's
//! start to the as-of date, so a goal has a history, not one figure.
//!
//! A pair counts in a month when it had started by the month's end and had
//! not stopped before the month began. It stops at its `end` date, and a
//! pair marked `paused`, `completed` or `withdrawn` (a status without a
//! date) stops at its last session logged on or before the as-of date:
//! that is the last sign of the pairing running. README's "Metrics
//! computed from the program" says the same in words.

use super::pair::{Logged, Schedule, pair_progress, session_status};
use super::{PairStatus, percent_of};
use crate::config::Thresholds;
use crate::model::survey::{GoalPoint, Group, SurveyReport};
use crate::model::{GoalSource, Kind, PairOverride, Playbook, SessionStatus};
use chrono::{Datelike, Months, NaiveDate};

/// At most this many month ends are computed (the last ten years): a
/// start date mistyped decades back costs no more than that.
pub const MAX_MONTHS: usize = 120;

/// What the metrics need of a pair, without its people or its words.
#[derive(Debug, Clone)]
pub struct PairFacts {
    pub schedule: Schedule,
    pub sessions: Vec<Logged>,
    /// Its roster's `cohort` (the roster's title when it names none).
    pub cohort: String,
    /// Its program's id (`""` in a site without programs): two programs
    /// may each have a cohort of one name.
    pub program: String,
}

/// The program's counted pairs (a draft roster's never count) and its
/// start: the earliest pair start.
#[derive(Debug, Clone)]
pub struct Program {
    pub pairs: Vec<PairFacts>,
    pub start: Option<NaiveDate>,
    pub thresholds: Thresholds,
    /// Surveys' published figures that feed goals (`with_surveys`).
    pub survey_points: Vec<GoalPoint>,
    /// Each cohort's latest shown Net Promoter Score, by cohort name.
    pub survey_nps: Vec<(String, f64)>,
}

impl Program {
    pub fn new(pairs: Vec<PairFacts>, thresholds: Thresholds) -> Program {
        let start = pairs.iter().filter_map(|p| p.schedule.start).min();
        Program {
            pairs,
            start,
            thresholds,
            survey_points: Vec::new(),
            survey_nps: Vec::new(),
        }
    }

    /// The program with the goal points of surveys' reports (published
    /// figures only: the reports hold nothing else).
    pub fn with_surveys(mut self, reports: &[SurveyReport]) -> Program {
        self.survey_points = reports.iter().flat_map(SurveyReport::goal_points).collect();
        self.survey_points.sort_by_key(|p| p.date);
        let mut cohorts: Vec<&str> = self.pairs.iter().map(|p| p.cohort.as_str()).collect();
        cohorts.sort_unstable();
        cohorts.dedup();
        self.survey_nps = cohorts
            .into_iter()
            .filter_map(|c| {
                let group = Group::Cohort(c.to_string());
                let nps = reports.iter().find_map(|r| r.latest_nps(&group))?;
                Some((c.to_string(), nps))
            })
            .collect();
        self
    }

    /// The latest Net Promoter Score a survey shows for `cohort`.
    pub fn nps_of(&self, cohort: &str) -> Option<f64> {
        self.survey_nps
            .iter()
            .find(|(c, _)| c == cohort)
            .map(|(_, nps)| *nps)
    }

    /// The survey figures fed to goal `goal`, on or before `as_of`, oldest
    /// first.
    pub fn survey_series(&self, goal: &str, as_of: NaiveDate) -> Vec<(NaiveDate, f64)> {
        self.survey_points
            .iter()
            .filter(|p| p.goal == goal && p.date <= as_of)
            .map(|p| (p.date, p.value))
            .collect()
    }

    /// The facts of program `scope`'s pairs, with its thresholds; with
    /// `None`, of every program's (the site's figures).
    pub fn of(playbook: &Playbook, scope: Option<usize>) -> Program {
        let pairs = playbook
            .pairs
            .iter()
            .filter(|pair| !pair.draft && scope.is_none_or(|p| pair.program == p))
            .map(|pair| PairFacts {
                schedule: Schedule::of(pair),
                sessions: pair
                    .sessions
                    .iter()
                    .map(|s| Logged {
                        date: s.date.value,
                        status: s.status.as_ref().map(|st| st.value),
                    })
                    .collect(),
                cohort: match playbook.pages.get(pair.roster).map(|p| &p.kind) {
                    Some(Kind::Roster(roster)) => roster.cohort.clone(),
                    _ => String::new(),
                },
                program: playbook.program_id(pair.program).to_string(),
            })
            .collect();
        let thresholds = scope
            .and_then(|p| playbook.programs.get(p))
            .map_or(playbook.config.progress, |p| p.progress);
        Program::new(pairs, thresholds)
    }
}

impl PairFacts {
    /// The last day the pair ran, when it has stopped (see the module's
    /// docs); `None` while it runs.
    pub fn last_day(&self, as_of: NaiveDate) -> Option<NaiveDate> {
        let closed = self.schedule.status.map(|_| {
            self.sessions
                .iter()
                .map(|s| s.date)
                .filter(|d| *d <= as_of)
                .max()
                .or(self.schedule.start)
                .unwrap_or(NaiveDate::MIN)
        });
        match (closed, self.schedule.end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    pub fn started_by(&self, date: NaiveDate) -> bool {
        self.schedule.start.is_some_and(|s| s <= date)
    }

    /// Whether the pair counts in the month `from`..=`to`.
    fn counts_in(&self, from: NaiveDate, to: NaiveDate, as_of: NaiveDate) -> bool {
        self.started_by(to) && self.last_day(as_of).is_none_or(|last| last >= from)
    }

    /// Sessions held from `from` to `to`, both included, as of `to`.
    pub fn held_between(&self, from: NaiveDate, to: NaiveDate) -> usize {
        self.sessions
            .iter()
            .filter(|s| (from..=to).contains(&s.date))
            .filter(|s| session_status(s.status, s.date, to) == SessionStatus::Held)
            .count()
    }

    pub fn withdrawn(&self) -> bool {
        self.schedule.status == Some(PairOverride::Withdrawn)
    }
}

/// The last day of every month from `start`'s to the last that ended on or
/// before `as_of`, at most the last `MAX_MONTHS`.
pub fn month_ends(start: NaiveDate, as_of: NaiveDate) -> Vec<NaiveDate> {
    let mut ends = Vec::new();
    let Some(mut first) = start.with_day(1) else {
        return ends;
    };
    // Skip ahead so that the loop never runs more than MAX_MONTHS times.
    let months = (as_of.year() - first.year()) * 12 + as_of.month() as i32 - first.month() as i32;
    if let Ok(skip) = u32::try_from(months - MAX_MONTHS as i32)
        && let Some(later) = first.checked_add_months(Months::new(skip))
    {
        first = later;
    }
    while let Some(next) = first.checked_add_months(Months::new(1)) {
        let Some(end) = next.pred_opt() else { break };
        if end > as_of {
            break;
        }
        ends.push(end);
        first = next;
    }
    ends
}

/// The metric at every month end from the program's start to `as_of`;
/// a month no pair counts in has no point.
pub fn metric_history(
    metric: GoalSource,
    program: &Program,
    as_of: NaiveDate,
) -> Vec<(NaiveDate, f64)> {
    let Some(start) = program.start else {
        return Vec::new();
    };
    month_ends(start, as_of)
        .into_iter()
        .filter_map(|end| metric_at(metric, program, end, as_of).map(|v| (end, v)))
        .collect()
}

/// The metric for the month that ends on `end`, the pairs' statuses known
/// as of `as_of`: a percentage, or sessions per pair, to one decimal.
/// `None` when no pair counts (nothing to divide by) or for typed results.
pub fn metric_at(
    metric: GoalSource,
    program: &Program,
    end: NaiveDate,
    as_of: NaiveDate,
) -> Option<f64> {
    let from = end.with_day(1)?;
    let counted = || {
        program
            .pairs
            .iter()
            .filter(|p| p.counts_in(from, end, as_of))
    };
    match metric {
        GoalSource::Typed | GoalSource::Survey => None,
        GoalSource::MetLastMonth => {
            let met = counted().filter(|p| p.held_between(from, end) > 0).count();
            percent_of(met, counted().count())
        }
        GoalSource::OnTrack => {
            let statuses: Vec<PairStatus> = counted()
                .map(|p| {
                    // Running that month: its dateless status came later.
                    let schedule = Schedule {
                        status: None,
                        ..p.schedule
                    };
                    pair_progress(schedule, &p.sessions, end, program.thresholds).status
                })
                .filter(|s| {
                    matches!(
                        s,
                        PairStatus::OnTrack | PairStatus::AtRisk | PairStatus::Stalled
                    )
                })
                .collect();
            let on_track = statuses
                .iter()
                .filter(|s| **s == PairStatus::OnTrack)
                .count();
            percent_of(on_track, statuses.len())
        }
        GoalSource::SessionsPerPair => {
            let pairs = counted().count();
            let held: usize = counted().map(|p| p.held_between(NaiveDate::MIN, end)).sum();
            (pairs > 0).then(|| one_decimal(held as f64 / pairs as f64))
        }
        GoalSource::EarlyEnding => {
            let started = program.pairs.iter().filter(|p| p.started_by(end));
            let withdrawn = started
                .clone()
                .filter(|p| p.withdrawn() && p.last_day(as_of).is_some_and(|last| last < end))
                .count();
            percent_of(withdrawn, started.count())
        }
    }
}

pub fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests;
