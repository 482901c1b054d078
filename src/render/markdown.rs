//! Markdown to HTML: heading ids (the same as `crate::source::markdown::scan`
//! gives, so checked anchors exist), links to `.md` files rewritten to
//! page URLs, dangerous link schemes neutralised, raw HTML sanitised.

use crate::config::RawHtml;
use crate::source::markdown::{HeadingIds, level_number, options};
use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd, html};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// The page's words, for the search index.
    pub text: String,
}

/// Turns a link destination as written into the `href` to emit.
pub trait LinkResolver {
    fn resolve(&self, dest: &str) -> Option<String>;
}

impl<F: Fn(&str) -> Option<String>> LinkResolver for F {
    fn resolve(&self, dest: &str) -> Option<String> {
        self(dest)
    }
}

pub fn render(body: &str, links: &dyn LinkResolver, raw_html: RawHtml) -> Rendered {
    let mut events: Vec<Event> = Parser::new_ext(body, options()).collect();
    let mut headings = Headings::default();
    let mut text = String::new();
    let has_raw_html = events
        .iter()
        .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    // By index, not by iterator: a heading rewrites its own start event
    // and looks ahead for its end.
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { .. }) => headings.mark(&mut events, i),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                point_link(&mut events[i], links);
            }
            Event::TaskListMarker(done) => events[i] = checkbox(*done),
            Event::Text(t) | Event::Code(t) => {
                text.push_str(t);
                text.push(' ');
            }
            _ => {}
        }
        i += 1;
    }
    let events = headings.weave_anchors(events);
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    if has_raw_html && raw_html == RawHtml::Sanitize {
        out = sanitize(&out);
    }
    Rendered {
        html: out,
        toc: headings.toc,
        text,
    }
}

/// The page's headings so far: the ids taken (ids are unique on a page),
/// the table of contents, and each heading's `#` anchor with the index of
/// the event it goes before.
#[derive(Default)]
struct Headings {
    ids: HeadingIds,
    toc: Vec<TocEntry>,
    anchors: Vec<(usize, Event<'static>)>,
}

impl Headings {
    /// Gives the heading that starts at `events[start]` its id, lists it in
    /// the table of contents (levels 2 and 3) and puts a `#` anchor link
    /// at its end.
    fn mark(&mut self, events: &mut [Event], start: usize) {
        let Event::Start(Tag::Heading { level, id, .. }) = &events[start] else {
            return;
        };
        let level = level_number(*level);
        let end = (start..events.len())
            .find(|&j| matches!(events[j], Event::End(TagEnd::Heading(_))))
            .unwrap_or(events.len());
        let title = heading_title(&events[start..end]);
        let assigned = self.ids.assign(id.as_deref(), &title);
        if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
            *id = Some(CowStr::from(assigned.clone()));
        }
        if (2..=3).contains(&level) {
            self.toc.push(TocEntry {
                level,
                id: assigned.clone(),
                title: title.trim().to_string(),
            });
        }
        if end < events.len() {
            self.anchors.push((end, anchor(&assigned, title.trim())));
        }
    }

    /// The events with every anchor in place, in one pass: inserting each
    /// into the vector as it was found moved the rest of the page once per
    /// heading (41,000 headings took seconds).
    fn weave_anchors<'a>(&mut self, events: Vec<Event<'a>>) -> Vec<Event<'a>> {
        let mut anchors = std::mem::take(&mut self.anchors).into_iter().peekable();
        let mut out = Vec::with_capacity(events.len() + anchors.len());
        for (i, event) in events.into_iter().enumerate() {
            while let Some((_, anchor)) = anchors.next_if(|(at, _)| *at == i) {
                out.push(anchor);
            }
            out.push(event);
        }
        out.extend(anchors.map(|(_, anchor)| anchor));
        out
    }
}

/// A heading's words as a reader sees them (text and code, no markup).
fn heading_title(events: &[Event]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}

/// The `#` after a heading, so a reader can copy a link to the section.
fn anchor<'a>(id: &str, title: &str) -> Event<'a> {
    Event::InlineHtml(CowStr::from(format!(
        " <a class=\"anchor\" href=\"#{}\" aria-label=\"Link to this section: {}\">#</a>",
        escape(id),
        escape(title)
    )))
}

/// Points a link or an image at the URL its destination resolves to, or at
/// `#` when the destination would run code.
fn point_link(event: &mut Event, links: &dyn LinkResolver) {
    if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
        let href = if is_dangerous(dest_url) {
            Some("#".to_string())
        } else {
            links.resolve(dest_url)
        };
        if let Some(href) = href {
            *dest_url = CowStr::from(href);
        }
    }
}

/// A task-list marker as a disabled checkbox with a label, so screen
/// readers say "done" or "not done".
fn checkbox<'a>(done: bool) -> Event<'a> {
    let (checked, label) = if done {
        (" checked", "done")
    } else {
        ("", "not done")
    };
    Event::InlineHtml(CowStr::from(format!(
        "<input type=\"checkbox\" disabled{checked} aria-label=\"{label}\"> "
    )))
}

/// Schemes that run code when clicked; links to them become `#`.
fn is_dangerous(dest: &str) -> bool {
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| cleaned.starts_with(s))
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// ammonia's defaults plus what our own rendering emits (heading ids,
/// anchors, task-list checkboxes, footnotes, table alignment).
fn sanitize(html: &str) -> String {
    use std::sync::OnceLock;
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER
        .get_or_init(|| {
            let mut builder = ammonia::Builder::default();
            builder
                .add_tags(["input"])
                .add_tag_attributes("input", ["type", "checked", "disabled"])
                .add_generic_attributes(["id", "class", "aria-label", "style"])
                .id_prefix(None);
            builder.attribute_filter(|element, attribute, value| match (element, attribute) {
                ("input", "type") if value != "checkbox" => None,
                (_, "style") if element != "th" && element != "td" => None,
                (_, "style") if !value.starts_with("text-align:") => None,
                _ => Some(value.into()),
            });
            builder
        })
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_links(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn headings_get_ids_anchors_and_a_toc() {
        let r = render(
            "## Pairing criteria\n\n### Rules\n\n## Pairing criteria\n",
            &no_links,
            RawHtml::Sanitize,
        );
        assert!(r.html.contains("<h2 id=\"pairing-criteria\">Pairing criteria <a class=\"anchor\" href=\"#pairing-criteria\""), "{}", r.html);
        assert!(r.html.contains("id=\"pairing-criteria-1\""));
        let ids: Vec<&str> = r.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["pairing-criteria", "rules", "pairing-criteria-1"]);
    }

    #[test]
    fn md_links_are_rewritten_by_the_resolver() {
        let resolver = |dest: &str| (dest == "02-b.md#x").then(|| "../02-b/#x".to_string());
        let r = render(
            "[next](02-b.md#x) [web](https://example.org)",
            &resolver,
            RawHtml::Sanitize,
        );
        assert!(r.html.contains("href=\"../02-b/#x\""), "{}", r.html);
        assert!(r.html.contains("href=\"https://example.org\""));
    }

    #[test]
    fn script_links_and_raw_html_are_neutralised() {
        let r = render(
            "[x](javascript:alert(1)) [y]( JaVa\tScRiPt:alert(2))\n\n<script>alert(3)</script><b onclick=\"x()\">bold</b>",
            &no_links,
            RawHtml::Sanitize,
        );
        assert!(!r.html.contains("javascript"), "{}", r.html);
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(r.html.contains("<b>bold</b>"), "{}", r.html);
    }

    #[test]
    fn raw_html_passes_when_allowed() {
        let r = render(
            "<div class=\"x\" data-y=\"1\">hi</div>",
            &no_links,
            RawHtml::Allow,
        );
        assert!(r.html.contains("data-y=\"1\""));
    }

    #[test]
    fn task_lists_tables_footnotes_and_strikethrough_render() {
        let md = "- [x] done\n- [ ] open\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\nNote[^1] ~~old~~\n\n[^1]: The note.\n\n<i>raw</i>\n";
        let r = render(md, &no_links, RawHtml::Sanitize);
        assert!(
            r.html
                .contains("<input type=\"checkbox\" disabled checked aria-label=\"done\">")
                || r.html.contains("checked=\"\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("<table>"));
        assert!(
            r.html.contains("text-align: right") || r.html.contains("text-align:right"),
            "{}",
            r.html
        );
        assert!(r.html.contains("footnote-definition"));
        assert!(r.html.contains("<del>old</del>"));
    }
}
