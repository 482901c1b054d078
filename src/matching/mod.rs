//! Proposing mentor/mentee pairs from a sign-up list (`mentorbook match`).
//!
//! Hard rules (reporting line, skip level, same manager, same team, avoid
//! lists, capacities, pairs already running) decide who may be paired; a
//! score (skill gap, shared interests, work style) ranks the rest; and the
//! Kuhn–Munkres algorithm picks the assignment with the highest total
//! score over all pairs at once, not greedily. The result is a roster
//! draft (`kind: roster`) for a coordinator to review in a pull request.
//!
//! Domain only: the rules come from `Config::matching`, the files are read
//! and written by `commands::match_pairs`.

mod assign;
mod draft;
mod eligibility;
mod explain;
mod input;
mod score;
mod signups;

pub use assign::{Proposal, ProposedPair, Unmatched, propose};
pub use draft::{draft, draft_file_name, is_draft, slug, taken_pair_ids};
pub use eligibility::Exclusion;
pub use explain::explain;
pub use input::{Input, declared_people};
pub use score::{Score, score};
pub use signups::{COLUMNS, SIGNUPS_FILE, Side, Signup, read_signups};

/// How items compare: ignoring case and surrounding spaces.
fn norm(text: &str) -> String {
    text.trim().to_lowercase()
}
