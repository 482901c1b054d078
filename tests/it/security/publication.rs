//! What drafts and confidential pairs publish.
