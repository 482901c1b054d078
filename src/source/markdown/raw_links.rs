//! The addresses a Markdown body's raw HTML publishes: `href`, `src` and a
//! video's `poster` on the elements the allow-list keeps, read with the
//! reader the sanitiser uses, so that a comment, the text of a `<script>`
//! or an element dropped with its content holds none, entities are decoded
//! and a tag may run over several lines. Each is placed where its value is
//! written, for a diagnostic at the text to change.

use crate::source::html::allow::{self, DROPPED_WITH_CONTENT, Value};
use crate::source::html::{Handler, Reader};
use html5ever::LocalName;
use html5ever::tokenizer::Tag;
use std::ops::Range;

/// An address in raw HTML, as the page publishes it.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct RawLink {
    pub dest: String,
    /// Where its value is written in the body; the start of the piece of
    /// HTML that ends its tag when it cannot be told (entities aside, a
    /// value in a tag over lines that hold a `>`).
    pub written: Range<usize>,
    /// Published only when `markdown.raw_html: allow`: its element is for
    /// trusted editors only.
    pub trusted: bool,
}

/// The raw HTML of one body, fed piece by piece in document order.
pub(super) struct RawLinks {
    reader: Reader<Addresses>,
    /// Where the next search for a value may start: values are found in
    /// the order they are written, each byte searched once.
    cursor: usize,
    /// Where a tag left open at the end of the last piece starts.
    open_tag: Option<usize>,
}

impl RawLinks {
    pub fn new() -> Self {
        RawLinks {
            reader: Reader::new(Addresses::default()),
            cursor: 0,
            open_tag: None,
        }
    }

    /// Reads the piece of raw HTML at `range` of `body` and adds the
    /// addresses of the tags it completes to `out`.
    pub fn read(&mut self, body: &str, range: Range<usize>, out: &mut Vec<RawLink>) {
        let Some(piece) = body.get(range.clone()) else {
            return;
        };
        self.reader.feed(piece);
        let found = std::mem::take(&mut self.reader.handler().found);
        let from = self.open_tag.unwrap_or(range.start).max(self.cursor);
        let mut window = from..range.end;
        for address in found {
            let written = locate(body, window.clone(), &address);
            match &written {
                Some(value) => window.start = value.end,
                None => window.start = window.end,
            }
            out.push(RawLink {
                dest: address.url,
                written: written.unwrap_or(range.start..range.start),
                trusted: address.trusted,
            });
        }
        self.cursor = self.cursor.max(window.start);
        let (open, close) = (piece.rfind('<'), piece.rfind('>'));
        if let Some(open) = open.filter(|&open| close.is_none_or(|close| close < open)) {
            self.open_tag = Some(range.start + open);
        } else if close.is_some() {
            self.open_tag = None;
        }
        // Else a line inside a tag that started earlier: keep its start.
    }
}

/// An address attribute of a tag, as the tag holds it.
struct Address {
    attribute: LocalName,
    /// The value with entities decoded, as found in the tag.
    value: String,
    /// The value as published.
    url: String,
    trusted: bool,
}

/// Collects the addresses the allow-list keeps, skipping what it drops
/// with its content as the sanitiser does.
#[derive(Default)]
struct Addresses {
    found: Vec<Address>,
    /// Inside an element dropped with its content: its name, and how many
    /// of that name are open inside it.
    dropping: Option<(LocalName, usize)>,
}

impl Handler for Addresses {
    fn start(&mut self, tag: &Tag) -> bool {
        if let Some((dropped, open)) = &mut self.dropping {
            if tag.name == *dropped && !tag.self_closing {
                *open += 1;
            }
            return false;
        }
        let name = &*tag.name;
        let (Some(own), strict) = (
            allow::element_attributes(name, true),
            allow::element_attributes(name, false),
        ) else {
            let complete = tag.self_closing && matches!(name, "svg" | "math");
            if DROPPED_WITH_CONTENT.contains(&name) && !complete {
                self.dropping = Some((tag.name.clone(), 1));
            }
            return true;
        };
        for attribute in &tag.attrs {
            let attribute_name = &*attribute.name.local;
            if !matches!(attribute_name, "href" | "src" | "poster") {
                continue;
            }
            let published = |own: &[&str], trusted: bool| match allow::attribute_value(
                name,
                own,
                attribute_name,
                &attribute.value,
                trusted,
            ) {
                Some(Value::Url(url)) => Some(url.into_owned()),
                _ => None,
            };
            let (url, trusted) = match strict.and_then(|own| published(own, false)) {
                Some(url) => (url, false),
                None => match published(own, true) {
                    Some(url) => (url, true),
                    None => continue,
                },
            };
            self.found.push(Address {
                attribute: attribute.name.local.clone(),
                value: attribute.value.to_string(),
                url,
                trusted,
            });
        }
        // An iframe is written empty: what is in it is never published.
        if name == "iframe" {
            self.dropping = Some((tag.name.clone(), 1));
        }
        true
    }

    fn end(&mut self, tag: &Tag) {
        if let Some((dropped, open)) = &mut self.dropping
            && tag.name == *dropped
        {
            *open -= 1;
            if *open == 0 {
                self.dropping = None;
            }
        }
    }

    fn text(&mut self, _: &str, _: bool) {}
}

/// Where `address`'s value is written in `body[window]`: after the first
/// `name=` (any case, spaces allowed around `=`) whose value reads as the
/// tag's value (or holds an entity, which the tag's has decoded).
fn locate(body: &str, window: Range<usize>, address: &Address) -> Option<Range<usize>> {
    let bytes = body.as_bytes();
    let name = address.attribute.as_bytes();
    let skip_spaces = |mut i: usize| {
        while i < window.end && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let mut at = window.start;
    while at + name.len() <= window.end {
        let candidate = at;
        at += 1;
        let separated = candidate == 0
            || bytes[candidate - 1].is_ascii_whitespace()
            || matches!(bytes[candidate - 1], b'"' | b'\'' | b'/');
        if !separated || !bytes[candidate..candidate + name.len()].eq_ignore_ascii_case(name) {
            continue;
        }
        let i = skip_spaces(candidate + name.len());
        if bytes.get(i) != Some(&b'=') || i >= window.end {
            continue;
        }
        let i = skip_spaces(i + 1);
        let value = match bytes.get(i) {
            Some(&quote @ (b'"' | b'\'')) if i < window.end => {
                let end = body[i + 1..window.end]
                    .find(quote as char)
                    .map_or(window.end, |e| i + 1 + e);
                i + 1..end
            }
            _ => {
                let end = body[i..window.end]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .map_or(window.end, |e| i + e);
                i..end
            }
        };
        let written = &body[value.clone()];
        if written == address.value || written.contains('&') {
            return Some(value);
        }
        at = at.max(value.end);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::source::markdown::{Origin, scan};

    /// (address, line, col, len, trusted only) of each raw HTML address.
    fn raw(body: &str) -> Vec<(String, usize, usize, usize, bool)> {
        scan(body, 1)
            .links
            .into_iter()
            .filter_map(|l| match l.origin {
                Origin::Html { trusted } => Some((l.dest, l.line, l.col, l.len, trusted)),
                Origin::Markdown => None,
            })
            .collect()
    }

    #[test]
    fn addresses_are_placed_where_their_values_are_written() {
        let body = "Text\n\n<div>\n<img alt=\"x\" src=\"img/team.png\">\n</div>\n\nAnd <a class=x HREF = '../x/'>x</a> [md](y.md).\n";
        assert_eq!(
            raw(body),
            [
                ("img/team.png".into(), 4, 19, 12, false),
                ("../x/".into(), 7, 24, 5, false)
            ]
        );
        // A tag over several lines, entities decoded, spaces trimmed.
        let body = "<p>\n<img\n  src=\" a&amp;b.png\"\n  alt=\"x\">\n</p>\n";
        assert_eq!(raw(body), [("a&b.png".into(), 3, 8, 12, false)]);
    }

    #[test]
    fn only_what_the_page_publishes_is_an_address() {
        let body = "<!--\n<img src=\"commented.png\">\n-->\n\n\
            <script>document.write('<a href=\"script/\">')</script>\n\n\
            <svg><a href=\"svg/\">x</a></svg>\n\n\
            <a href=\"javascript:alert(1)\" data-href=\"data/\">x</a>\n\n\
            <link href=\"style.css\"><q cite=\"cite/\">q</q>\n\n\
            Inline `<a href=\"code/\">` and <img src=\"kept.png\">\n";
        assert_eq!(raw(body), [("kept.png".into(), 13, 41, 8, false)]);
    }

    #[test]
    fn media_count_only_for_trusted_editors() {
        let body = "<video src=\"v.mp4\" poster=\"p.png\"><source src=\"v.webm\"></video>\n\n<iframe src=\"f/\"><a href=\"in-iframe/\"></a></iframe> <a href=\"after/\">a</a>\n";
        assert_eq!(
            raw(body),
            [
                ("v.mp4".into(), 1, 13, 5, true),
                ("p.png".into(), 1, 28, 5, true),
                ("v.webm".into(), 1, 48, 6, true),
                ("f/".into(), 3, 14, 2, true),
                ("after/".into(), 3, 62, 6, false),
            ]
        );
    }

    #[test]
    fn many_tags_on_one_line_cost_their_length() {
        // One line of an HTML block: one piece, searched once whether its
        // values are placed, hold entities or cannot be placed (a NUL is
        // read as U+FFFD): then the rest of the piece is not searched again.
        for (unit, first_col) in [
            ("<a href=\"x/\">x</a>", 15),
            ("<a href=\"&#x78;/\">x</a>", 15),
            ("<a href=\"x\0/\">x</a>", 1),
        ] {
            let body = format!("<div>{}</div>\n", unit.repeat(20_000));
            let started = std::time::Instant::now();
            let mut links = super::RawLinks::new();
            let mut found = Vec::new();
            links.read(&body, 0..body.len(), &mut found);
            assert!(
                started.elapsed().as_secs() < 2,
                "{unit}: {:?}",
                started.elapsed()
            );
            assert_eq!(found.len(), 20_000);
            assert_eq!(found[0].written.start + 1, first_col, "{unit}");
        }
    }
}
