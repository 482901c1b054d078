//! Where a link's destination is written in a Markdown body, so that a
//! broken link is reported at the text to change: in the link, or in the
//! definition a reference link uses.

use super::options;
use pulldown_cmark::{LinkType, Parser};
use std::collections::HashMap;
use std::ops::Range;

/// Where a link's destination is written (byte range in `body`): after
/// the `](` of an inline link or image, in the definition a reference link
/// uses, inside an autolink's `<>`; the whole link when it cannot be told.
/// `definitions` is filled on the first reference link.
pub(super) fn destination(
    body: &str,
    link: Range<usize>,
    link_type: LinkType,
    label: &str,
    dest: &str,
    definitions: &mut Option<HashMap<String, Range<usize>>>,
) -> Range<usize> {
    let (text, opener) = match link_type {
        LinkType::Inline => (link.clone(), "]("),
        LinkType::Reference | LinkType::Collapsed | LinkType::Shortcut => {
            let definitions = definitions.get_or_insert_with(|| definition_spans(body));
            match definitions.get(&label_key(label)) {
                Some(definition) => (definition.clone(), "]:"),
                None => return link,
            }
        }
        LinkType::Autolink => (link.clone(), "<"),
        _ => return link,
    };
    let Some(written) = body.get(text.clone()) else {
        return link;
    };
    let Some((at, angle)) = opener_of(written, opener, dest) else {
        return link;
    };
    let start = text.start + at;
    start..start + dest_len(&written[at..], angle)
}

/// Where in `written` the destination starts, after `opener` (and spaces
/// and a `<`), and whether it is in `<>`. A title may hold an opener of
/// its own, and so may an image inside a link's text: an inline link's is
/// among the last few openers, the nearest the end that the destination
/// as parsed follows (else the last: escapes and entities change it); a
/// definition's is its first. Only the last few are tried, from the end,
/// so images nested in images cost no more than their text.
fn opener_of(written: &str, opener: &str, dest: &str) -> Option<(usize, bool)> {
    const TRIED: usize = 4;
    let after = |at: usize| {
        let rest = &written[at + opener.len()..];
        let trimmed = rest.trim_start();
        let start = at + opener.len() + rest.len() - trimmed.len();
        match trimmed.strip_prefix('<') {
            Some(inner) => (start + 1, inner.starts_with(dest), true),
            None => (start, trimmed.starts_with(dest), opener == "<"),
        }
    };
    let found = if opener == "]:" {
        written.find(opener).map(after)
    } else {
        let tried: Vec<_> = written
            .rmatch_indices(opener)
            .take(TRIED)
            .map(|(at, _)| after(at))
            .collect();
        tried
            .iter()
            .find(|(_, exact, _)| *exact)
            .or(tried.first())
            .copied()
    };
    found.map(|(start, _, angle)| (start, angle))
}

/// The length in bytes of the destination at the start of `text`: up to
/// `>` in `<...>`, else up to a space or a `)` that closes no `(` of its own.
fn dest_len(text: &str, angle: bool) -> usize {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '>' if angle => return i,
            '\n' => return i,
            c if c.is_whitespace() && !angle => return i,
            '(' if !angle => depth += 1,
            ')' if !angle && depth == 0 => return i,
            ')' if !angle => depth -= 1,
            _ => {}
        }
    }
    text.len()
}

/// Each reference definition's span, by its label as `label_key` spells it.
fn definition_spans(body: &str) -> HashMap<String, Range<usize>> {
    Parser::new_ext(body, options())
        .reference_definitions()
        .iter()
        .map(|(label, definition)| (label_key(label), definition.span.clone()))
        .collect()
}

/// A link label as definitions match it: case and runs of spaces aside.
fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use crate::source::markdown::scan;

    /// (line, col, len) of each link's destination.
    fn places(body: &str) -> Vec<(String, usize, usize, usize)> {
        scan(body, 1)
            .links
            .into_iter()
            .map(|l| (l.dest, l.line, l.col, l.len))
            .collect()
    }

    #[test]
    fn the_destination_is_where_it_is_written() {
        assert_eq!(
            places("A [b](peoples/ \"T](x\") and ![c](<img/a b.png>).\n"),
            [
                ("peoples/".into(), 1, 7, 8),
                ("img/a b.png".into(), 1, 34, 11)
            ]
        );
        // An image inside a link: each its own destination.
        assert_eq!(
            places("[![logo](logo.png)](../people/)"),
            [
                ("../people/".into(), 1, 21, 10),
                ("logo.png".into(), 1, 10, 8)
            ]
        );
        assert_eq!(places("[a](x_(1).png)"), [("x_(1).png".into(), 1, 5, 9)]);
    }

    #[test]
    fn a_reference_link_points_at_its_definition() {
        let body = "See [the team][Team] and [team].\n\n[team]:\n   ../static/team.png \"x]: y\"\n";
        assert_eq!(
            places(body),
            [
                ("../static/team.png".into(), 4, 4, 18),
                ("../static/team.png".into(), 4, 4, 18)
            ]
        );
    }

    #[test]
    fn mail_addresses_are_no_links_to_check_and_autolinks_keep_their_place() {
        assert_eq!(
            places("Write to <ana@example.org> or see <https://x.org/a>."),
            [("https://x.org/a".into(), 1, 36, 15)]
        );
    }
}
