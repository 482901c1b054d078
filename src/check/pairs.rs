//! Pairs: both people are named and declared, nobody mentors themselves or
//! someone in their reporting line (walked in `people`), and nobody is in
//! too many active pairs. As of a date: a pair past its end is closed.

use super::people::{People, reporting_line, unknown_person};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Pair, PairOverride, PersonRef, Playbook};
use crate::source::fields::Spanned;
use chrono::NaiveDate;
use std::collections::HashMap;

pub(super) fn pairs(playbook: &Playbook, people: &People, out: &mut Vec<Diagnostic>) {
    // Counted within each program, against that program's limit.
    let mut active_pairs: HashMap<(usize, &str), Vec<&Pair>> = HashMap::new();
    for pair in &playbook.pairs {
        let resolved = declared_people(playbook, pair, people, out);
        if let [mentor, mentee] = resolved.as_slice() {
            if mentor.value == mentee.value {
                out.push(
                    Diagnostic::error(
                        Code::SamePerson,
                        mentee.span.clone(),
                        format!("`{}` cannot mentor themselves", mentor.value),
                    )
                    .with_hint("choose a different mentee"),
                );
            } else {
                reporting_line(playbook, &people.org, pair, mentor, mentee, out);
            }
        }
        if pair.is_active() {
            for id in &resolved {
                active_pairs
                    .entry((pair.program, id.value.as_str()))
                    .or_default()
                    .push(pair);
            }
        }
    }
    too_many_pairs(playbook, &active_pairs, out);
}

/// The pair's mentor and mentee ids (in that order) that name declared
/// people; reports the missing and unknown ones. Inline people need no
/// declaration and are left out; so are people a roster that failed to
/// read may declare (its error counts the pairs that name them).
fn declared_people<'p>(
    playbook: &Playbook,
    pair: &'p Pair,
    people: &People,
    out: &mut Vec<Diagnostic>,
) -> Vec<&'p Spanned<String>> {
    let mut resolved = Vec::new();
    for (role, person) in [("mentor", &pair.mentor), ("mentee", &pair.mentee)] {
        match person {
            None => out.push(
                Diagnostic::error(
                    Code::MissingField,
                    pair.id.span.clone(),
                    format!("pair `{}` has no {role}", pair.id.value),
                )
                .with_hint(format!("add `{role}: <person id>`")),
            ),
            Some(PersonRef::Id(id)) if !people.ids.contains(id.value.as_str()) => {
                if playbook.failed.holding("roster", &id.value).is_none() {
                    out.push(unknown_person(&id.value, &id.span, &people.known));
                }
            }
            Some(PersonRef::Id(id)) => resolved.push(id),
            Some(PersonRef::Inline(_)) => {}
        }
    }
    resolved
}

fn too_many_pairs(
    playbook: &Playbook,
    active_pairs: &HashMap<(usize, &str), Vec<&Pair>>,
    out: &mut Vec<Diagnostic>,
) {
    let mut crowded: Vec<(usize, &str, &Vec<&Pair>, usize, _)> = active_pairs
        .iter()
        .filter_map(|(&(program, person), pairs)| {
            let rules = playbook.rules_of(program);
            let severity = rules.max_pairs.severity()?;
            let max = rules.max_pairs_per_person as usize;
            (pairs.len() > max).then_some((program, person, pairs, max, severity))
        })
        .collect();
    crowded.sort_by_key(|(program, person, ..)| (*program, *person));
    for (program, person, pairs, max, severity) in crowded {
        let within = if playbook.has_programs() {
            format!(" of program `{}`", playbook.program_id(program))
        } else {
            String::new()
        };
        let ids: Vec<&str> = pairs.iter().map(|p| p.id.value.as_str()).collect();
        out.push(
            Diagnostic::error(
                Code::TooManyPairs,
                pairs[max].id.span.clone(),
                format!(
                    "`{person}` is in {} active pairs{within} ({}); the limit is {max}",
                    pairs.len(),
                    ids.join(", ")
                ),
            )
            .with_hint(
                "pair them fewer times, or raise `rules.max_pairs_per_person` in playbook.yaml",
            )
            .with_severity(severity),
        );
    }
}

/// Pairs past their end date, as of `as_of`, that nobody closed (a paused
/// pair included): progress shows them `ended`, and only their `status`
/// can say how they ended.
pub(super) fn ended_pairs(playbook: &Playbook, as_of: NaiveDate, out: &mut Vec<Diagnostic>) {
    for pair in &playbook.pairs {
        let Some(end) = pair.end.filter(|end| *end < as_of) else {
            continue;
        };
        if pair.status.is_some_and(|s| s != PairOverride::Paused) {
            continue;
        }
        out.push(
            Diagnostic::warning(
                Code::PairEnded,
                pair.id.span.clone(),
                format!(
                    "pair `{}` ended on {end} (as of {as_of}) but is not marked `completed` or `withdrawn`",
                    pair.id.value
                ),
            )
            .with_hint(
                "add `status: completed` (or `status: withdrawn`) to the pair, or set a later `end` if it goes on",
            ),
        );
    }
}
