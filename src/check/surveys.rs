//! Surveys against the rest of the playbook: each survey id once in the
//! site (it is the anchor of its tables), and each goal a question feeds
//! defined on a `kind: goals` page. The answers files were checked as they
//! were read (`model::survey`), at their lines and columns.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Kind, Playbook};
use crate::suggest::did_you_mean;
use std::collections::HashMap;

pub(super) fn surveys(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let goals: Vec<&str> = playbook
        .pages
        .iter()
        .flat_map(|p| match &p.kind {
            Kind::Goals(goals) => goals.iter().map(|g| g.id.as_str()).collect(),
            _ => Vec::new(),
        })
        .collect();
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
                if goals.contains(&goal.value.as_str()) {
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
