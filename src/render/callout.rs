//! GitHub's alerts (`> [!WARNING]`) as callouts: a `role="note"` box whose
//! first line is a visible label, so a screen reader announces "Warning"
//! before the text and the kind never rests on colour alone.

use crate::i18n::Messages;
use pulldown_cmark::{BlockQuoteKind, CowStr, Event};

/// The message of the label a reader sees on each callout.
fn label(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "ui-callout-note",
        BlockQuoteKind::Tip => "ui-callout-tip",
        BlockQuoteKind::Important => "ui-callout-important",
        BlockQuoteKind::Warning => "ui-callout-warning",
        BlockQuoteKind::Caution => "ui-callout-caution",
    }
}

/// The class the theme styles each kind by (`callout-warning`).
fn class(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "callout-note",
        BlockQuoteKind::Tip => "callout-tip",
        BlockQuoteKind::Important => "callout-important",
        BlockQuoteKind::Warning => "callout-warning",
        BlockQuoteKind::Caution => "callout-caution",
    }
}

/// What opens a callout in place of `<blockquote>`.
pub fn open<'a>(kind: BlockQuoteKind, messages: &Messages) -> Event<'a> {
    Event::Html(CowStr::from(format!(
        "<div class=\"callout {}\" role=\"note\">\n<p class=\"callout-title\">{}</p>\n",
        class(kind),
        super::markdown::escape(&messages.get(label(kind)))
    )))
}

pub fn close<'a>() -> Event<'a> {
    Event::Html(CowStr::Borrowed("</div>\n"))
}
