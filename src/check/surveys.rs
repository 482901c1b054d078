//! Surveys against the rest of the playbook: each survey id once in the
//! site (it is the anchor of its tables), and each goal a question feeds
//! defined on a `kind: goals` page. The answers files were checked as they
//! were read (`model::survey`), at their lines and columns.

use crate::diagnostic::{Code, Diagnostic, Span};
use crate::model::{Goal, GoalSource, Kind, Playbook};
use crate::source::fields::Spanned;
use crate::suggest::did_you_mean;
use std::collections::HashMap;

pub(super) fn surveys(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let defined: Vec<&Goal> = playbook
        .pages
        .iter()
        .flat_map(|p| match &p.kind {
            Kind::Goals(goals) => goals.iter().collect(),
            _ => Vec::new(),
        })
        .collect();
    let goals: Vec<&str> = defined.iter().map(|g| g.id.as_str()).collect();
    // The first question feeding each goal, by where it is written.
    let mut fed: HashMap<&str, &Span> = HashMap::new();
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for page in &playbook.pages {
        let Kind::Surveys(surveys) = &page.kind else {
            continue;
        };
        for survey in surveys.iter().filter(|s| !s.id.is_empty()) {
            if let Some(first) = seen.insert(&survey.id, &page.file) {
                out.push(
                    Diagnostic::error(
                        Code::DuplicateId,
                        survey.span.clone(),
                        format!(
                            "two surveys have the id `{}` (the other in {first})",
                            survey.id
                        ),
                    )
                    .with_hint("give each survey its own id"),
                );
            }
            for question in &survey.questions {
                let Some(goal) = &question.goal else { continue };
                if let Some(defined) = defined.iter().find(|g| g.id == goal.value) {
                    feeds(defined, goal, &mut fed, out);
                    continue;
                }
                let hint = did_you_mean(&goal.value, &goals).map_or_else(
                    || {
                        "name the `id` of a goal on a `kind: goals` page, or leave `goal` out"
                            .to_string()
                    },
                    |near| format!("did you mean `{near}`?"),
                );
                out.push(
                    Diagnostic::error(
                        Code::UnknownGoal,
                        goal.span.clone(),
                        format!("no goal has the id `{}`", goal.value),
                    )
                    .with_hint(hint),
                );
            }
        }
    }
}

/// A question feeding `goal`: the goal's only source of results.
fn feeds<'a>(
    goal: &Goal,
    named: &'a Spanned<String>,
    fed: &mut HashMap<&'a str, &'a Span>,
    out: &mut Vec<Diagnostic>,
) {
    let own = match goal.source {
        GoalSource::Survey => None,
        GoalSource::Typed => Some("its own `results:`".to_string()),
        metric => Some(format!("`source: {}`", metric.name())),
    };
    if let Some(own) = own {
        out.push(
            Diagnostic::error(
                Code::BadValue,
                named.span.clone(),
                format!("goal `{}` has {own}, so a survey question cannot feed it", named.value),
            )
            .with_hint("remove the goal's `results:` or `source:` (the survey then gives its results), or this question's `goal:`"),
        );
        return;
    }
    if let Some(first) = fed.insert(&named.value, &named.span) {
        out.push(
            Diagnostic::error(
                Code::BadValue,
                named.span.clone(),
                format!(
                    "goal `{}` is already fed by the question at line {}",
                    named.value, first.line
                ),
            )
            .with_hint(
                "a goal takes its results from one question: remove `goal:` from all but one",
            ),
        );
    }
}
