//! The cohorts side by side, as of a date: how many pairs started, ended
//! well or early, and how much they met. README's "Cohorts side by side"
//! defines each figure.

use super::metrics::{PairFacts, Program, one_decimal};
use super::percent_of;
use crate::model::PairOverride;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// A pair needs at least this many sessions held to count as engaged.
pub const ENGAGED_SESSIONS: usize = 3;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortSummary {
    /// The cohort's program (only in a site with programs).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub program: String,
    pub cohort: String,
    /// Every counted pair of the cohort, started or not.
    pub pairs: usize,
    /// Pairs whose start is on or before the as-of date.
    pub started: usize,
    pub completed: usize,
    pub withdrawn: usize,
    /// `withdrawn` out of `started`, in percent (one decimal).
    pub early_ending_percent: Option<f64>,
    /// Sessions held by the started pairs, per started pair.
    pub sessions_per_pair: Option<f64>,
    /// Started pairs with at least `ENGAGED_SESSIONS` held, in percent.
    pub three_sessions_percent: Option<f64>,
    /// The cohort's latest Net Promoter Score a survey publishes (a
    /// large-enough group's only).
    pub survey_nps: Option<f64>,
}

/// One summary per cohort, in the order the cohorts first appear.
pub fn cohort_summaries(program: &Program, as_of: NaiveDate) -> Vec<CohortSummary> {
    // Grouped in one pass: a program may have many cohorts.
    // Keyed by program too: two programs may each have a "Spring 2027".
    let mut index: HashMap<(&str, &str), usize> = HashMap::new();
    let mut groups: Vec<((&str, &str), Vec<&PairFacts>)> = Vec::new();
    for pair in &program.pairs {
        let key = (pair.program.as_str(), pair.cohort.as_str());
        let i = *index.entry(key).or_insert_with(|| {
            groups.push((key, Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(pair);
    }
    groups
        .into_iter()
        .map(|((program_id, cohort), pairs)| {
            let started: Vec<_> = pairs.iter().filter(|p| p.started_by(as_of)).collect();
            let with = |status| {
                started
                    .iter()
                    .filter(|p| p.schedule.status == Some(status))
                    .count()
            };
            let held: Vec<usize> = started
                .iter()
                .map(|p| p.held_between(NaiveDate::MIN, as_of))
                .collect();
            let withdrawn = with(PairOverride::Withdrawn);
            CohortSummary {
                program: program_id.to_string(),
                cohort: cohort.to_string(),
                pairs: pairs.len(),
                started: started.len(),
                completed: with(PairOverride::Completed),
                withdrawn,
                early_ending_percent: percent_of(withdrawn, started.len()),
                sessions_per_pair: (!started.is_empty())
                    .then(|| one_decimal(held.iter().sum::<usize>() as f64 / started.len() as f64)),
                three_sessions_percent: percent_of(
                    held.iter().filter(|h| **h >= ENGAGED_SESSIONS).count(),
                    started.len(),
                ),
                survey_nps: program.nps_of(cohort),
            }
        })
        .collect()
}
