//! Stage 1: what the site is made of, as read from disk.

pub mod theme;
