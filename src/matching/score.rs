//! The score of an eligible mentor and mentee (`matching.weights`): skills
//! one can teach and the other wants to learn, shared interests, the same
//! work style; and its one-line account, shown by `--explain` and above
//! each pair of the draft.

use super::Signup;
use super::norm;
use crate::config::MatchingRules;
use std::collections::HashSet;

/// The score of an eligible combination and what it is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub total: i64,
    /// Skills the mentor can teach and the mentee wants to learn (as the
    /// mentee wrote them).
    pub skills: Vec<String>,
    pub interests: Vec<String>,
    pub work_style: Option<String>,
}

/// The items of `right` also in `left`, ignoring case and spaces around.
fn common(left: &[String], right: &[String]) -> Vec<String> {
    let left: HashSet<String> = left.iter().map(|s| norm(s)).collect();
    right
        .iter()
        .filter(|s| left.contains(&norm(s)))
        .cloned()
        .collect()
}

/// The score of a mentor for a mentee.
pub fn score(rules: &MatchingRules, mentor: &Signup, mentee: &Signup) -> Score {
    let skills = common(&mentor.can_teach, &mentee.wants_to_learn);
    let interests = common(&mentee.interests, &mentor.interests);
    let work_style = (!mentor.work_style.trim().is_empty()
        && norm(&mentor.work_style) == norm(&mentee.work_style))
    .then(|| mentor.work_style.clone());
    let w = rules.weights;
    let total = w.skill_gap * skills.len() as i64
        + w.shared_interests * interests.len() as i64
        + w.work_style * i64::from(work_style.is_some());
    Score {
        total,
        skills,
        interests,
        work_style,
    }
}

/// What a score is made of, in words.
pub(super) fn why(s: &Score) -> String {
    let list = |items: &[String]| {
        if items.is_empty() {
            "none".to_string()
        } else {
            items.join(", ")
        }
    };
    format!(
        "skills {}; shared interests {}; work style {}; score {}",
        list(&s.skills),
        list(&s.interests),
        s.work_style.as_deref().unwrap_or("different"),
        s.total
    )
}
