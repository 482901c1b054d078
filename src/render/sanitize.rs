//! The one allow-list every page's HTML from content passes, whatever made
//! it: Markdown, heading attributes, tables, footnotes, task lists or raw
//! HTML. It reads the page's rendered body as a browser would (the reader
//! and element nesting of `crate::source::html`, shared with `check`) and
//! writes back only allowed elements with allowed attributes, every text
//! escaped, every value quoted, every element closed. What the browser
//! reads back is exactly those tokens: no comment, raw-text or foreign
//! (SVG, MathML) element is ever written, so none can change how the rest
//! is read. One pass, linear in the page; a page already in that form
//! (every page of plain Markdown) is recognised by a byte scan (`fast`)
//! and kept as it is.
//!
//! `markdown.raw_html: allow` widens the tags (video, audio, iframes) and
//! attributes (`data-*`) for trusted editors; script, event handlers,
//! styles, forms, `<base>`, `<meta>` and script URLs stay out either way.

mod fast;

use crate::config::RawHtml;
use crate::source::html::allow::{self, DROPPED_WITH_CONTENT, Value};
use crate::source::html::{self, Handler, Nesting, Opened, Reader};
use html5ever::LocalName;
use html5ever::tokenizer::Tag;
use pulldown_cmark_escape::{escape_href, escape_html, escape_html_body_text};

/// How deep the output may nest. `check` refuses pages past
/// [`html::MAX_DEPTH`]; Markdown writes two elements for a few of its own
/// (`<pre><code>`, `<thead><tr>`), so this leaves room before anything of a
/// checked page is dropped. Past it, tags are dropped and their text kept.
const MAX_OUTPUT_DEPTH: usize = 2 * html::MAX_DEPTH;

/// The page body `html` with only what the allow-list lets through.
pub fn clean(html: String, raw_html: RawHtml) -> String {
    let trusted = raw_html == RawHtml::Allow;
    if fast::is_clean(&html, trusted) {
        return html;
    }
    let mut reader = Reader::new(Cleaner {
        out: String::with_capacity(html.len() + html.len() / 8),
        nesting: Nesting::default(),
        dropping: None,
        trusted,
    });
    reader.feed(&html);
    let mut cleaner = reader.finish();
    let Cleaner { out, nesting, .. } = &mut cleaner;
    nesting.close_all(|name| end_tag(out, name));
    cleaner.out
}

struct Cleaner {
    out: String,
    /// The elements written and still open. Dropped elements take no part
    /// in the structure: the browser never sees them either.
    nesting: Nesting,
    /// Inside an element dropped with its content: its name and how many
    /// of that name are open inside it.
    dropping: Option<(LocalName, usize)>,
    trusted: bool,
}

impl Handler for Cleaner {
    fn start(&mut self, tag: &Tag) -> bool {
        let name = &*tag.name;
        if let Some((dropped, open)) = &mut self.dropping {
            if tag.name == *dropped && !tag.self_closing {
                *open += 1;
            }
            // Tags inside are thrown away: reading them as tags is enough.
            return false;
        }
        let attributes = allow::element_attributes(name, self.trusted);
        let pairs = tag.attrs.iter().map(|a| (&*a.name.local, &*a.value));
        match attributes {
            // `<svg/>` is complete in HTML; `<script/>` is not.
            None if tag.self_closing && matches!(name, "svg" | "math") => {}
            None if DROPPED_WITH_CONTENT.contains(&name) => {
                self.dropping = Some((tag.name.clone(), 1));
            }
            Some(own) if allow::accepted(name, pairs) => {
                let Cleaner { out, nesting, .. } = self;
                if name == "iframe" {
                    // Written empty and its content dropped, so no element
                    // whose content browsers read as text is ever left open.
                    start_tag(out, tag, own, self.trusted);
                    end_tag(out, &tag.name);
                    self.dropping = Some((tag.name.clone(), 1));
                } else if nesting.start(&tag.name, MAX_OUTPUT_DEPTH, |n| end_tag(out, n))
                    != Opened::TooDeep
                {
                    start_tag(out, tag, own, self.trusted);
                }
            }
            _ => {}
        }
        true
    }

    fn end(&mut self, tag: &Tag) {
        if let Some((dropped, open)) = &mut self.dropping {
            if tag.name == *dropped {
                *open -= 1;
                if *open == 0 {
                    self.dropping = None;
                }
            }
            return;
        }
        let Cleaner { out, nesting, .. } = self;
        nesting.end(&tag.name, |n| end_tag(out, n));
    }

    fn text(&mut self, text: &str, raw: bool) {
        if self.dropping.is_none() && !raw {
            escape_keeping_cr(&mut self.out, text, |out, part| {
                let _ = escape_html_body_text(out, part);
            });
        }
    }
}

fn start_tag(out: &mut String, tag: &Tag, own: &[&str], trusted: bool) {
    out.push('<');
    out.push_str(&tag.name);
    for attribute in &tag.attrs {
        let name = &*attribute.name.local;
        if let Some(value) = allow::attribute_value(&tag.name, own, name, &attribute.value, trusted)
        {
            write_attribute(out, name, value);
        }
    }
    out.push('>');
}

fn write_attribute(out: &mut String, name: &str, value: Value) {
    out.push(' ');
    out.push_str(name);
    match value {
        // `disabled`, `checked`, `open`...: as pulldown-cmark and the theme write them.
        Value::Text("") => return,
        Value::Text(text) => {
            out.push_str("=\"");
            escape_keeping_cr(out, text, |out, part| {
                let _ = escape_html(out, part);
            });
        }
        Value::Url(url) => {
            out.push_str("=\"");
            let _ = escape_href(&mut *out, &url);
        }
    }
    out.push('"');
}

/// `text` escaped by `escape`, with each CR as `&#13;`. The reader has
/// decoded references, and a browser reads a bare CR as LF: a CR written
/// as `&#13;` would otherwise come back as another character, and the
/// page would not be what was cleaned (nor clean the same twice). URLs
/// need none of this: `escape_href` writes a CR as `%0D`.
fn escape_keeping_cr(out: &mut String, text: &str, escape: impl Fn(&mut String, &str)) {
    let mut parts = text.split('\r');
    if let Some(first) = parts.next() {
        escape(out, first);
    }
    for part in parts {
        out.push_str("&#13;");
        escape(out, part);
    }
}

fn end_tag(out: &mut String, name: &LocalName) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

#[cfg(test)]
mod tests;
