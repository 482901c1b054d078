//! `--explain ID`: one person's candidates with their scores, the rule
//! that excludes each excluded one, and what the proposal gives them; for
//! a coordinator asking "why was nobody proposed for me?".

use super::eligibility::exclusion;
use super::score::{score, why};
use super::{Input, Signup, propose};
use crate::source::fields::did_you_mean;
use std::fmt::Write as _;

/// `--explain ID`: the candidates for one person with their scores, and
/// the rule that excludes each excluded one.
pub fn explain(input: &Input, id: &str) -> Result<String, String> {
    let Some(person) = input.signups.iter().find(|s| s.id == id) else {
        let ids: Vec<&str> = input.signups.iter().map(|s| s.id.as_str()).collect();
        let hint =
            did_you_mean(id, &ids).map_or(String::new(), |n| format!(" (did you mean `{n}`?)"));
        return Err(format!("`{id}` is not in the sign-up list{hint}"));
    };
    let mut out = String::new();
    let side = if person.acts_as_mentor() {
        "mentor"
    } else {
        "mentee"
    };
    let _ = writeln!(
        out,
        "{} ({}) is matched as a {side}.",
        person.name, person.id
    );
    write_candidates(&mut out, input, person);
    let _ = writeln!(out);
    write_proposed(&mut out, input, id);
    Ok(out)
}

/// The eligible candidates, best first, and the excluded ones.
fn write_candidates(out: &mut String, input: &Input, person: &Signup) {
    let rules = &input.rules;
    let as_mentor = person.acts_as_mentor();
    let mut rows: Vec<(i64, String, String)> = Vec::new();
    let mut excluded: Vec<(String, String)> = Vec::new();
    for other in input
        .signups
        .iter()
        .filter(|s| s.acts_as_mentor() != as_mentor)
    {
        let (mentor, mentee) = if as_mentor {
            (person, other)
        } else {
            (other, person)
        };
        if let Some(x) = exclusion(input, mentor, mentee) {
            excluded.push((
                other.id.clone(),
                format!("excluded by `{}`: {}", x.rule(), x.describe()),
            ));
            continue;
        }
        let s = score(rules, mentor, mentee);
        let mut why = why(&s);
        if s.total < rules.min_score {
            why.push_str(&format!(" (below min_score {})", rules.min_score));
        }
        if !as_mentor && input.slots(other) == 0 {
            why.push_str(" (capacity full)");
        } else if as_mentor && let Some(reason) = input.mentee_blocked(other) {
            why.push_str(&format!(" ({reason})"));
        }
        rows.push((s.total, other.id.clone(), why));
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let _ = writeln!(out, "\nEligible candidates ({}):", rows.len());
    for (total, other, why) in &rows {
        let _ = writeln!(out, "  {total:>4}  {other}: {why}");
    }
    let _ = writeln!(out, "\nExcluded ({}):", excluded.len());
    for (other, why) in &excluded {
        let _ = writeln!(out, "  {other}: {why}");
    }
}

/// What the proposal gives `id`: their pairs, or why they have none.
fn write_proposed(out: &mut String, input: &Input, id: &str) {
    let proposal = propose(input);
    if let Some(p) = proposal
        .pairs
        .iter()
        .find(|p| p.mentor == id || p.mentee == id)
    {
        let other = if p.mentor == id { &p.mentee } else { &p.mentor };
        let _ = writeln!(out, "Proposed: with {other} (score {}).", p.score.total);
        for p in proposal.pairs.iter().filter(|p| p.mentor == id).skip(1) {
            let _ = writeln!(
                out,
                "Proposed: with {} (score {}).",
                p.mentee, p.score.total
            );
        }
    } else if let Some(u) = proposal.unmatched.iter().find(|u| u.id == id) {
        let _ = writeln!(out, "Not proposed: {}.", u.reason);
    }
}
