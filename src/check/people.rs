//! People and reporting lines: every `reports_to` names a declared person,
//! the chain of managers ends somewhere, and (for the pairs' rules) who is
//! above whom. Every walk up a reporting line is here, so one org chart can
//! replace them all.

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::fields::{Spanned, did_you_mean};
use crate::model::{Pair, Playbook};
use std::collections::{HashMap, HashSet};

pub(super) fn people(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let ids: HashSet<&str> = playbook.people.iter().map(|p| p.id.as_str()).collect();
    let known: Vec<&str> = ids.iter().copied().collect();
    for person in &playbook.people {
        if let Some(boss) = &person.reports_to
            && !ids.contains(boss.value.as_str())
        {
            out.push(unknown_person(&boss.value, &boss.span, &known));
        }
    }
    // A loop in reports_to would make every reporting-line question endless.
    let boss_of: HashMap<&str, &str> = reporting_map(playbook);
    let mut reported: HashSet<&str> = HashSet::new();
    for person in &playbook.people {
        let mut seen = vec![person.id.as_str()];
        let mut current = person.id.as_str();
        while let Some(&boss) = boss_of.get(current) {
            if boss == person.id {
                if seen.iter().all(|id| !reported.contains(id)) {
                    reported.extend(seen.iter().copied());
                    let span = person
                        .reports_to
                        .as_ref()
                        .map_or_else(|| person.span.clone(), |r| r.span.clone());
                    out.push(
                        Diagnostic::error(
                            "reporting-loop",
                            span,
                            format!("`reports_to` goes round in a circle: {} -> {}", seen.join(" -> "), person.id),
                        )
                        .with_hint("someone in this chain must report to a person outside it (or to nobody)"),
                    );
                }
                break;
            }
            if seen.contains(&boss) {
                break;
            }
            seen.push(boss);
            current = boss;
        }
    }
}

/// Each person's manager, by id.
pub(super) fn reporting_map(playbook: &Playbook) -> HashMap<&str, &str> {
    playbook
        .people
        .iter()
        .filter_map(|p| {
            p.reports_to
                .as_ref()
                .map(|r| (p.id.as_str(), r.value.as_str()))
        })
        .collect()
}

pub(super) fn unknown_person(id: &str, span: &Span, known: &[&str]) -> Diagnostic {
    let hint = did_you_mean(id, known).map_or_else(
        || {
            "declare the person in data/people.csv, data/people.yaml or a roster's `people:`"
                .to_string()
        },
        |near| format!("did you mean `{near}`?"),
    );
    Diagnostic::error(
        "unknown-person",
        span.clone(),
        format!("no person has the id `{id}`"),
    )
    .with_hint(hint)
}

/// `a` is above `b` in the reporting line (b reports to a, directly or not).
fn manages(boss_of: &HashMap<&str, &str>, a: &str, b: &str) -> Option<usize> {
    let mut current = b;
    for depth in 1..=boss_of.len() {
        let boss = boss_of.get(current)?;
        if *boss == a {
            return Some(depth);
        }
        current = boss;
    }
    None
}

/// Reports a pair whose mentor and mentee are in each other's reporting line.
pub(super) fn reporting_line(
    boss_of: &HashMap<&str, &str>,
    pair: &Pair,
    mentor: &Spanned<String>,
    mentee: &Spanned<String>,
    severity: Severity,
    out: &mut Vec<Diagnostic>,
) {
    let (boss, report, depth) = if let Some(depth) = manages(boss_of, &mentor.value, &mentee.value)
    {
        (&mentor.value, &mentee.value, depth)
    } else if let Some(depth) = manages(boss_of, &mentee.value, &mentor.value) {
        (&mentee.value, &mentor.value, depth)
    } else {
        return;
    };
    let how = if depth == 1 {
        "directly".to_string()
    } else {
        format!("through {} level(s) of management", depth - 1)
    };
    out.push(
        Diagnostic::error(
            "reporting-line",
            mentee.span.clone(),
            format!("pair `{}`: `{report}` reports to `{boss}` {how}", pair.id.value),
        )
        .with_hint("pair people outside each other's reporting line, or set `rules.reporting_line` in playbook.yaml")
        .with_severity(severity),
    );
}
