//! The commands' orchestration: each reads what it needs, runs the
//! pipeline or a domain module, and says what happened; `main` prints it.

pub mod match_pairs;
