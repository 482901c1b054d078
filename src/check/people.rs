//! People and reporting lines: every `reports_to` names a declared person,
//! the chain of managers ends somewhere, and no pair's mentor and mentee are
//! in one reporting line within `rules.reporting_line`'s depth (unless the
//! pair carries a reasoned exception). Who is above whom is the model's
//! `OrgChart`.

use crate::config::Depth;
use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::org::{Line, OrgChart, manager_words};
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

/// `rules.reporting_line` for one pair: mentor and mentee in one reporting
/// line, either way, within the configured depth, is an error (or a
/// warning); with a reasoned `reporting_line_exception` it is a note.
pub(super) fn reporting_line(
    playbook: &Playbook,
    org: &OrgChart,
    pair: &Pair,
    mentor: &Spanned<String>,
    mentee: &Spanned<String>,
    out: &mut Vec<Diagnostic>,
) {
    let rule = playbook.rules_of(pair.program).reporting_line;
    let (Some(severity), Some(depth)) = (rule.level.severity(), rule.enforced()) else {
        return;
    };
    let Some(line) = org.within(&mentor.value, &mentee.value, depth) else {
        return;
    };
    let what = format!(
        "pair `{}`: {}",
        pair.id.value,
        describe(playbook, org, &line)
    );
    match &pair.reporting_line_exception {
        // An empty reason was reported where it is written.
        Some(reason) if reason.value.trim().is_empty() => {}
        Some(reason) => out.push(Diagnostic::note(
            Code::ReportingLine,
            reason.span.clone(),
            format!(
                "{what}; allowed by its `reporting_line_exception`: {}",
                reason.value.trim()
            ),
        )),
        None => out.push(
            Diagnostic::error(Code::ReportingLine, mentee.span.clone(), what)
                .with_hint(hint(depth))
                .with_severity(severity),
        ),
    }
}

/// "Helen is Sam's manager's manager (2 levels: `sam` -> `lee` -> `helen`)".
fn describe(playbook: &Playbook, org: &OrgChart, line: &Line) -> String {
    let name = |id: &str| {
        playbook
            .person(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    };
    let (above, below, levels) = (name(line.above), name(line.below), line.levels);
    // Whom the line goes through, when short enough to read (and to walk).
    let path = if levels <= 6 {
        let ids: Vec<String> = org
            .chain(line.below, levels)
            .iter()
            .map(|id| format!("`{id}`"))
            .collect();
        ids.join(" -> ")
    } else {
        format!("`{}` up to `{}`", line.below, line.above)
    };
    match manager_words(levels) {
        Some(words) => {
            let plural = if levels == 1 { "" } else { "s" };
            format!("{above} is {below}'s {words} ({levels} level{plural}: {path})")
        }
        None => {
            format!("{above} is {levels} levels above {below} in their reporting line ({path})")
        }
    }
}

/// Names the setting and the way out, for the depth in force.
fn hint(depth: Depth) -> String {
    let forbids = match depth {
        Depth::Levels(1) => "pairing someone with their manager (depth 1)".to_string(),
        Depth::Levels(2) => {
            "pairing someone with their manager or their manager's manager (depth 2, the default)"
                .to_string()
        }
        Depth::Levels(n) => {
            format!("pairing people up to {n} levels apart in one reporting line (depth {n})")
        }
        Depth::All => "pairing people anywhere in one reporting line (depth `all`)".to_string(),
    };
    format!(
        "`rules.reporting_line` in playbook.yaml forbids {forbids}: pair people further apart, change its `depth`, or, if the pair is agreed, give it `reporting_line_exception: \"<why, and who agreed>\"`"
    )
}
