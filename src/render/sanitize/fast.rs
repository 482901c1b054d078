//! Whether a page body is already exactly what the cleaner would write, by
//! a scan of its bytes: the case of every page of plain Markdown, which
//! then skips the tokenizer. The form it accepts is a strict subset of
//! HTML that a browser tokenizes into exactly the tokens seen here: text
//! without `<`; tags `<name attr="value" attr>` with lowercase names, one
//! space before each attribute and double-quoted values; end tags that
//! close the element on top; nothing else (no comment, no doctype, no
//! unquoted value, no element whose content is read as text). Each tag
//! and attribute must pass the allow-list unchanged, and no start tag may
//! close an element the browser would close for it. Anything else goes
//! through the cleaner.

use super::MAX_OUTPUT_DEPTH;
use crate::source::html::allow::{self, Value};
use crate::source::html::{implied_ends, is_void};
use std::borrow::Cow;

pub(super) fn is_clean(html: &str, trusted: bool) -> bool {
    let bytes = html.as_bytes();
    // The tokenizer drops a leading byte-order mark, NULs and turns CR into
    // LF: such a body is rewritten, so it is not "as written". NULs and CRs
    // are looked for with each `<`, in text, and in attribute values.
    if html.starts_with('\u{feff}') {
        return false;
    }
    let mut open: Vec<&str> = Vec::new();
    // Reused for every tag: most pages have thousands.
    let mut attributes = Vec::new();
    let mut at = 0;
    // One pass: text up to a `<`, then the tag. memchr3 reads the text
    // many bytes at a time: a byte at a time, with a pass each for NUL and
    // CR before, this was a quarter of rendering a page's Markdown.
    while let Some(found) = memchr::memchr3(b'<', 0, b'\r', &bytes[at..]) {
        at += found;
        if bytes[at] != b'<' {
            return false;
        }
        at += 1;
        let closing = bytes.get(at) == Some(&b'/');
        at += usize::from(closing);
        let name = name_at(html, at);
        at += name.len();
        let tag_end = if closing {
            (open.pop() == Some(name) && bytes.get(at) == Some(&b'>')).then_some(at + 1)
        } else {
            start_tag_end(html, at, name, &mut open, &mut attributes, trusted)
        };
        match tag_end {
            Some(end) => at = end,
            None => return false,
        }
    }
    open.is_empty()
}

/// Checks the attributes of the start tag `name` from `at` (just after its
/// name) and returns where the tag ends, if all is as the cleaner writes.
fn start_tag_end<'a>(
    html: &'a str,
    mut at: usize,
    name: &'a str,
    open: &mut Vec<&'a str>,
    attributes: &mut Vec<(&'a str, Cow<'a, str>)>,
    trusted: bool,
) -> Option<usize> {
    let own = allow::element_attributes(name, trusted)?;
    // An iframe is written empty with its content dropped: the cleaner's.
    if name == "iframe"
        || open
            .last()
            .is_some_and(|top| implied_ends(name).contains(top))
    {
        return None;
    }
    let void = is_void(name);
    let bytes = html.as_bytes();
    attributes.clear();
    loop {
        match (bytes.get(at), bytes.get(at + 1), bytes.get(at + 2)) {
            (Some(b'>'), ..) => break at += 1,
            // pulldown-cmark writes `<img ... />` and `<hr />`.
            (Some(b' '), Some(b'/'), Some(b'>')) if void => break at += 3,
            (Some(b' '), ..) => at += 1,
            _ => return None,
        }
        let attribute = name_at(html, at);
        at += attribute.len();
        let value = if html[at..].starts_with("=\"") {
            let start = at + 2;
            let end = start + memchr::memchr3(b'"', 0, b'\r', &bytes[start..])?;
            if bytes[end] != b'"' {
                return None;
            }
            at = end + 1;
            decode(&html[start..end])?
        } else {
            Cow::Borrowed("")
        };
        if attribute.is_empty() || attributes.iter().any(|(seen, _)| *seen == attribute) {
            return None;
        }
        let unchanged = match allow::attribute_value(name, own, attribute, &value, trusted)? {
            Value::Text(written) => written == value,
            Value::Url(written) => written == value,
        };
        if !unchanged {
            return None;
        }
        attributes.push((attribute, value));
    }
    if !allow::accepted(name, attributes.iter().map(|(n, v)| (*n, &**v))) {
        return None;
    }
    if !void {
        if open.len() >= MAX_OUTPUT_DEPTH {
            return None;
        }
        open.push(name);
    }
    Some(at)
}

/// The name (lowercase letters, then letters, digits and `-`) starting at
/// `at`; empty when there is none.
fn name_at(html: &str, at: usize) -> &str {
    let rest = &html[at..];
    let bytes = rest.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_lowercase) {
        return "";
    }
    let len = bytes
        .iter()
        .position(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-'))
        .unwrap_or(bytes.len());
    &rest[..len]
}

/// A value as the browser reads it, for the escapes pulldown-cmark and the
/// cleaner write; any other `&` is left to the cleaner.
fn decode(value: &str) -> Option<Cow<'_, str>> {
    if !value.contains('&') {
        return Some(Cow::Borrowed(value));
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (escape, c) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
            ("&#x27;", '\''),
        ]
        .into_iter()
        .find(|(escape, _)| rest.starts_with(escape))?;
        out.push(c);
        rest = &rest[escape.len()..];
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_pulldown_cmark_writes_is_recognised() {
        assert!(is_clean(
            "<h2 id=\"a\">A &amp; b</h2>\n<p><img src=\"a.png\" alt=\"x &quot;y&quot;\" /> <a href=\"?a=1&amp;b=2\">x</a></p>\n<hr />\n<ul>\n<li><input type=\"checkbox\" disabled checked aria-label=\"done\"> x</li>\n</ul>\n",
            false
        ));
    }

    #[test]
    fn anything_odd_goes_to_the_cleaner() {
        for html in [
            "<p>x",
            "<p>x</div>",
            "<P>x</P>",
            "<p class=x>x</p>",
            "<p  class=\"x\">x</p>",
            "<p onclick=\"x\">x</p>",
            "<p class=\"a\" class=\"b\">x</p>",
            "<a href=\"javascript:x\">x</a>",
            "<a href=\"jav&#x61;script:x\">x</a>",
            "<a href=\" https://x\">x</a>",
            "<!-- x -->",
            "<script></script>",
            "<p><p>x</p></p>",
            "<ul><li>a<li>b</li></li></ul>",
            "<td style=\"text-align:left\">x</td>",
            "<input type=\"checkbox\">",
            "a\r\nb",
            "a\0b",
            "<p>a</p>\r",
            "<a href=\"x\ry\">x</a>",
            "<p class=\"a\0\">x</p>",
            "<div/>",
        ] {
            assert!(!is_clean(html, false), "{html}");
        }
        assert!(!is_clean("<video src=\"v.mp4\"></video>", false));
        assert!(is_clean("<video src=\"v.mp4\"></video>", true));
    }
}
