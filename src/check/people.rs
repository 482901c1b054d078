//! People and reporting lines: every `reports_to` names a declared person,
//! the chain of managers ends somewhere, and no pair's mentor and mentee are
//! in one reporting line. Who is above whom is the model's `OrgChart`.

use crate::diagnostic::{Code, Diagnostic, Severity, Span};
use crate::model::org::OrgChart;
use crate::model::{Pair, Playbook};
use crate::source::fields::{Spanned, did_you_mean};
use std::collections::HashSet;

/// Who is declared and who reports to whom, worked out once for the rules
/// about people and about pairs.
pub(super) struct People<'a> {
    pub(super) ids: HashSet<&'a str>,
    /// The ids in the order declared, for "did you mean" hints.
    pub(super) known: Vec<&'a str>,
    pub(super) org: OrgChart,
}

impl<'a> People<'a> {
    pub(super) fn of(playbook: &'a Playbook) -> People<'a> {
        let known: Vec<&str> = playbook.people.iter().map(|p| p.id.as_str()).collect();
        People {
            ids: known.iter().copied().collect(),
            known,
            org: playbook.org_chart(),
        }
    }
}

pub(super) fn people(playbook: &Playbook, people: &People, out: &mut Vec<Diagnostic>) {
    for person in &playbook.people {
        if let Some(boss) = &person.reports_to
            && !people.ids.contains(boss.value.as_str())
        {
            out.push(unknown_person(&boss.value, &boss.span, &people.known));
        }
    }
    // A loop in reports_to would make every reporting-line question endless.
    for chain in people.org.loops() {
        let Some(person) = playbook.person(chain[0]) else {
            continue;
        };
        let span = person
            .reports_to
            .as_ref()
            .map_or_else(|| person.span.clone(), |r| r.span.clone());
        out.push(
            Diagnostic::error(
                Code::ReportingLoop,
                span,
                format!(
                    "`reports_to` goes round in a circle: {} -> {}",
                    chain.join(" -> "),
                    chain[0]
                ),
            )
            .with_hint("someone in this chain must report to a person outside it (or to nobody)"),
        );
    }
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
        Code::UnknownPerson,
        span.clone(),
        format!("no person has the id `{id}`"),
    )
    .with_hint(hint)
}

/// Reports a pair whose mentor and mentee are in each other's reporting line.
pub(super) fn reporting_line(
    org: &OrgChart,
    pair: &Pair,
    mentor: &Spanned<String>,
    mentee: &Spanned<String>,
    severity: Severity,
    out: &mut Vec<Diagnostic>,
) {
    let (boss, report, depth) = if let Some(depth) = org.levels_above(&mentor.value, &mentee.value)
    {
        (&mentor.value, &mentee.value, depth)
    } else if let Some(depth) = org.levels_above(&mentee.value, &mentor.value) {
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
            Code::ReportingLine,
            mentee.span.clone(),
            format!("pair `{}`: `{report}` reports to `{boss}` {how}", pair.id.value),
        )
        .with_hint("pair people outside each other's reporting line, or set `rules.reporting_line` in playbook.yaml")
        .with_severity(severity),
    );
}
