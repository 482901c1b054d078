//! The proposal: among the eligible pairs, the assignment with the highest
//! total score over all pairs at once (Kuhn–Munkres, not first-come or
//! greedy), then the most pairs; and why each person left out is left out.

use super::eligibility::exclusion;
use super::score::{Score, score};
use super::{Input, Signup};
use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use std::collections::{BTreeMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedPair {
    pub mentor: String,
    pub mentee: String,
    pub score: Score,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    pub id: String,
    pub as_mentor: bool,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// Sorted by mentor, then mentee.
    pub pairs: Vec<ProposedPair>,
    pub unmatched: Vec<Unmatched>,
    pub total_score: i64,
}

/// A mentor's score for a mentee, or the rule (a `matching.exclude` key or
/// `min_score`) that rules the pair out.
type Cell = Result<Score, String>;

/// Who can be matched: one row per mentee, one column per mentor.
struct Sides<'a> {
    mentors: Vec<&'a Signup>,
    /// Mentees who may take a new pair.
    mentees: Vec<&'a Signup>,
    /// One entry per free mentor place: the mentor's index.
    slots: Vec<usize>,
    /// Whether each mentor has a free place (appears in `slots`).
    has_room: Vec<bool>,
}

/// The optimal proposal: the eligible assignment with the highest total
/// score, then the most pairs; deterministic for the same input.
pub fn propose(input: &Input) -> Proposal {
    let mut unmatched = Vec::new();
    let sides = sides(input, &mut unmatched);
    let cells = cells(input, &sides);
    let mut pairs = assign(&sides, &cells);
    left_out(&sides, &cells, &pairs, &mut unmatched);
    pairs.sort_by(|a, b| (&a.mentor, &a.mentee).cmp(&(&b.mentor, &b.mentee)));
    unmatched.sort_by(|a, b| a.id.cmp(&b.id));
    let total_score = pairs.iter().map(|p| p.score.total).sum();
    Proposal {
        pairs,
        unmatched,
        total_score,
    }
}

/// Mentors and their free places, and the mentees who may be matched;
/// blocked mentees and fully booked mentors go to `unmatched`.
fn sides<'a>(input: &Input<'a>, unmatched: &mut Vec<Unmatched>) -> Sides<'a> {
    let mentors: Vec<&Signup> = input
        .signups
        .iter()
        .filter(|s| s.acts_as_mentor())
        .collect();
    let mut mentees: Vec<&Signup> = Vec::new();
    for s in input.signups.iter().filter(|s| !s.acts_as_mentor()) {
        match input.mentee_blocked(s) {
            Some(reason) => unmatched.push(Unmatched {
                id: s.id.clone(),
                as_mentor: false,
                reason,
            }),
            None => mentees.push(s),
        }
    }
    let mut slots: Vec<usize> = Vec::new();
    let mut has_room = Vec::with_capacity(mentors.len());
    for (i, m) in mentors.iter().enumerate() {
        let free = input.slots(m);
        has_room.push(free > 0);
        if free == 0 && m.capacity > 0 {
            unmatched.push(Unmatched {
                id: m.id.clone(),
                as_mentor: true,
                reason: "capacity full: already in as many active pairs as allowed".into(),
            });
        }
        slots.extend(std::iter::repeat_n(i, free as usize));
    }
    Sides {
        mentors,
        mentees,
        slots,
        has_room,
    }
}

/// Every mentee's cell for every mentor.
fn cells(input: &Input, sides: &Sides) -> Vec<Vec<Cell>> {
    let rules = &input.rules;
    sides
        .mentees
        .iter()
        .map(|e| {
            sides
                .mentors
                .iter()
                .map(|m| {
                    if let Some(x) = exclusion(input, m, e) {
                        return Err(x.rule().to_string());
                    }
                    let s = score(rules, m, e);
                    if s.total < rules.min_score {
                        Err("min_score".to_string())
                    } else {
                        Ok(s)
                    }
                })
                .collect()
        })
        .collect()
}

/// The pairs of the best assignment of mentees to mentor places.
fn assign(sides: &Sides, cells: &[Vec<Cell>]) -> Vec<ProposedPair> {
    let n = sides.mentees.len();
    if n == 0 {
        return Vec::new();
    }
    // Rows: mentees; columns: mentor slots, then one "unmatched" column per
    // mentee (weight 0), so rows <= columns and nobody is forced into an
    // excluded pair. A pair weighs score * (n + 1) + 1: the total score
    // comes first, then the number of pairs.
    let slots = &sides.slots;
    let columns = slots.len() + n;
    let scale = n as i64 + 1;
    let max_score = cells
        .iter()
        .flatten()
        .filter_map(|c| c.as_ref().ok())
        .map(|s| s.total)
        .max()
        .unwrap_or(0);
    let forbidden = -((max_score * scale + 1) * (n as i64 + 1) + 1);
    let mut weights = Matrix::new(n, columns, 0i64);
    for (r, row) in cells.iter().enumerate() {
        for (c, &mentor) in slots.iter().enumerate() {
            weights[(r, c)] = match &row[mentor] {
                Ok(s) => s.total * scale + 1,
                Err(_) => forbidden,
            };
        }
    }
    let (_, assignment) = kuhn_munkres(&weights);
    let mut pairs = Vec::new();
    for (r, &c) in assignment.iter().enumerate() {
        if c < slots.len()
            && let Ok(s) = &cells[r][slots[c]]
        {
            pairs.push(ProposedPair {
                mentor: sides.mentors[slots[c]].id.clone(),
                mentee: sides.mentees[r].id.clone(),
                score: s.clone(),
            });
        }
    }
    pairs
}

/// Adds the mentees and the mentors with free places whom the assignment
/// left out, each with the reason.
fn left_out(
    sides: &Sides,
    cells: &[Vec<Cell>],
    pairs: &[ProposedPair],
    unmatched: &mut Vec<Unmatched>,
) {
    let Sides {
        mentors,
        mentees,
        has_room,
        ..
    } = sides;
    let matched: HashSet<&str> = pairs
        .iter()
        .flat_map(|p| [p.mentor.as_str(), p.mentee.as_str()])
        .collect();
    for (r, e) in mentees.iter().enumerate() {
        if matched.contains(e.id.as_str()) {
            continue;
        }
        let reason = unmatched_reason(&cells[r], mentors, |i| has_room[i]);
        unmatched.push(Unmatched {
            id: e.id.clone(),
            as_mentor: false,
            reason,
        });
    }
    for (i, m) in mentors.iter().enumerate() {
        if matched.contains(m.id.as_str()) || !has_room[i] {
            continue;
        }
        let column: Vec<Cell> = cells.iter().map(|row| row[i].clone()).collect();
        let reason = if mentees.is_empty() {
            "no mentee left to pair".to_string()
        } else if column.iter().any(Result::is_ok) {
            "every eligible mentee was matched to a better-scoring mentor".to_string()
        } else {
            describe_exclusions(&column)
        };
        unmatched.push(Unmatched {
            id: m.id.clone(),
            as_mentor: true,
            reason,
        });
    }
}

fn unmatched_reason(row: &[Cell], mentors: &[&Signup], has_slot: impl Fn(usize) -> bool) -> String {
    if mentors.is_empty() {
        return "no eligible partner: nobody signed up as a mentor".into();
    }
    if row.iter().any(Result::is_ok) {
        let free = row
            .iter()
            .enumerate()
            .any(|(i, c)| c.is_ok() && has_slot(i));
        if free {
            "capacity full: every eligible mentor's places went to higher-scoring pairs".into()
        } else {
            "capacity full: every eligible mentor is already fully booked".into()
        }
    } else {
        describe_exclusions(row)
    }
}

fn describe_exclusions(cells: &[Cell]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in cells {
        if let Err(rule) = c {
            *counts.entry(rule.as_str()).or_default() += 1;
        }
    }
    if counts.len() == 1 && counts.contains_key("min_score") {
        return "below min_score: no eligible partner scores at least `min_score`".into();
    }
    if counts.len() == 1 && counts.contains_key("reporting_line") {
        return "no eligible partner: every candidate is in their reporting line".into();
    }
    let parts: Vec<String> = counts
        .iter()
        .map(|(rule, count)| format!("{count} by `{rule}`"))
        .collect();
    format!(
        "no eligible partner: candidates excluded {}",
        parts.join(", ")
    )
}
