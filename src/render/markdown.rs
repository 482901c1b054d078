//! Markdown to HTML: heading ids (the same as `crate::source::markdown::scan`
//! gives, so checked anchors exist), links to `.md` files rewritten to
//! page URLs, then the whole body through the sanitiser's allow-list
//! (`super::sanitize`), on every page, whatever produced the HTML.

use super::{callout, sanitize};
use crate::config::RawHtml;
use crate::i18n::Messages;
use crate::source::markdown::{HeadingIds, Scan, Scanner, level_number, options};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd, html};
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

/// Where a body is shown: on its own page (the default), or as one chapter
/// of a longer page (`print/`), where its ids (headings, footnotes) take
/// `id_prefix`, so that no two chapters share one, and its headings go
/// `shift` levels down, under the chapter's own title.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scope<'a> {
    pub id_prefix: &'a str,
    pub shift: u8,
    /// The words the renderer adds (callout labels, checkbox labels);
    /// English when `None`.
    pub messages: Option<&'a Messages>,
}

pub fn render(body: &str, links: &dyn LinkResolver, raw_html: RawHtml) -> Rendered {
    render_in(body, links, raw_html, Scope::default())
}

/// `render`, for a body shown in `scope`.
pub fn render_in(
    body: &str,
    links: &dyn LinkResolver,
    raw_html: RawHtml,
    scope: Scope,
) -> Rendered {
    render_observed(body, links, raw_html, scope, None)
}

/// `render_in`, and what `crate::source::markdown::scan` reads of the body
/// (which starts on file line `first_line`), from the same parse: a build
/// reads its pages' links and headings for the checks this way rather
/// than parsing every body twice.
pub fn render_and_scan(
    body: &str,
    first_line: usize,
    links: &dyn LinkResolver,
    raw_html: RawHtml,
    scope: Scope,
) -> (Rendered, Scan) {
    let mut scanner = Scanner::new(body, first_line);
    let rendered = render_observed(body, links, raw_html, scope, Some(&mut scanner));
    (rendered, scanner.finish())
}

fn render_observed(
    body: &str,
    links: &dyn LinkResolver,
    raw_html: RawHtml,
    scope: Scope,
    mut scanner: Option<&mut Scanner>,
) -> Rendered {
    let mut events: Vec<Event> = Vec::new();
    let mut headings = Headings {
        scope,
        ..Headings::default()
    };
    let mut heading_start = None;
    let mut text = String::new();
    let messages: &Messages = match scope.messages {
        Some(messages) => messages,
        None => Messages::english(),
    };
    let mut parser = Parser::new_ext(body, options()).into_offset_iter();
    while let Some((mut event, range)) = parser.next() {
        if let Some(scanner) = scanner.as_deref_mut() {
            // Before the renderer changes it: the event as parsed.
            scanner.observe(&event, range);
            if scanner.too_deep() {
                // The page is refused (`Scan::nesting_problem`): nothing
                // of it is published, so the sanitiser is spared it. The
                // rest is still read for the checks, as `scan` reads it.
                for (event, range) in parser.by_ref() {
                    scanner.observe(&event, range);
                }
                return Rendered::default();
            }
        }
        match &event {
            Event::Start(Tag::Heading { .. }) => heading_start = Some(events.len()),
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = heading_start.take() {
                    let anchor = headings.mark(&mut events, start, messages);
                    events.push(anchor);
                }
                event = Event::End(TagEnd::Heading(shifted(*level, scope.shift)));
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => point_link(&mut event, links),
            Event::TaskListMarker(done) => event = checkbox(*done, messages),
            Event::Start(Tag::BlockQuote(Some(kind))) => event = callout::open(*kind, messages),
            Event::End(TagEnd::BlockQuote(Some(_))) => event = callout::close(),
            Event::FootnoteReference(label) if !scope.id_prefix.is_empty() => {
                event = Event::FootnoteReference(prefixed(scope, label));
            }
            Event::Start(Tag::FootnoteDefinition(label)) if !scope.id_prefix.is_empty() => {
                event = Event::Start(Tag::FootnoteDefinition(prefixed(scope, label)));
            }
            Event::Text(t) | Event::Code(t) => {
                text.push_str(t);
                text.push(' ');
            }
            _ => {}
        }
        events.push(event);
    }
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    Rendered {
        html: sanitize::clean(out, raw_html),
        toc: headings.toc,
        text,
    }
}

fn prefixed<'a>(scope: Scope, label: &str) -> CowStr<'a> {
    CowStr::from(format!("{}{label}", scope.id_prefix))
}

/// The page's headings so far: the ids taken (ids are unique on a page)
/// and the table of contents.
#[derive(Default)]
struct Headings<'s> {
    ids: HeadingIds,
    toc: Vec<TocEntry>,
    scope: Scope<'s>,
}

impl Headings<'_> {
    /// Gives the heading whose events run from `events[start]` to the end
    /// its id, keeps only its classes of the attributes written in `{...}`
    /// (`onfocus=...`, `style=...` go), lists it in the table of contents
    /// (levels 2 and 3) and returns the `#` anchor link to close it with.
    fn mark<'a>(&mut self, events: &mut [Event<'a>], start: usize, m: &Messages) -> Event<'a> {
        let title = heading_title(events.get(start..).unwrap_or_default());
        let Some(Event::Start(Tag::Heading {
            level, id, attrs, ..
        })) = events.get_mut(start)
        else {
            return Event::Text(CowStr::Borrowed(""));
        };
        let assigned = self.ids.assign(id.as_deref(), &title);
        let assigned = format!("{}{assigned}", self.scope.id_prefix);
        *id = Some(CowStr::from(assigned.clone()));
        attrs.clear();
        let written = *level;
        *level = shifted(written, self.scope.shift);
        let level = level_number(written);
        if (2..=3).contains(&level) {
            self.toc.push(TocEntry {
                level,
                id: assigned.clone(),
                title: title.trim().to_string(),
            });
        }
        anchor(&assigned, title.trim(), m)
    }
}

/// `level` moved `by` levels down, at most to `h6`.
fn shifted(level: HeadingLevel, by: u8) -> HeadingLevel {
    match level_number(level).saturating_add(by) {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
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

/// The `#` after a heading, so a reader can copy a link to the section
/// (named in the site's language for screen readers).
fn anchor<'a>(id: &str, title: &str, m: &Messages) -> Event<'a> {
    let label = m.text("ui-heading-link", &[("title", title.into())]);
    Event::InlineHtml(CowStr::from(format!(
        " <a class=\"anchor\" href=\"#{}\" aria-label=\"{}\">#</a>",
        escape(id),
        escape(&label)
    )))
}

/// Points a link or an image at the URL its destination resolves to (a
/// `.md` file's page); which schemes may stay is the sanitiser's rule.
/// Spaces around a destination (`[x](< https://a >)`) are dropped as a
/// browser drops them, rather than written as `%20` into the address.
fn point_link(event: &mut Event, links: &dyn LinkResolver) {
    if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
        if let Some(href) = links.resolve(dest_url) {
            *dest_url = CowStr::from(href);
            return;
        }
        let trimmed = dest_url.trim_matches(|c: char| c <= ' ');
        if trimmed.len() != dest_url.len() {
            *dest_url = CowStr::from(trimmed.to_string());
        }
    }
}

/// A task-list marker as a disabled checkbox with a label, so screen
/// readers say "done" or "not done".
fn checkbox<'a>(done: bool, messages: &Messages) -> Event<'a> {
    let (checked, label) = if done {
        (" checked", messages.get("ui-done"))
    } else {
        ("", messages.get("ui-not-done"))
    };
    Event::InlineHtml(CowStr::from(format!(
        "<input type=\"checkbox\" disabled{checked} aria-label=\"{}\"> ",
        escape(&label)
    )))
}

pub fn escape(s: &str) -> String {
    super::escape::markdown(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alerts_become_labelled_callouts_and_unknown_ones_stay_quotes() {
        let r = render(
            "> [!WARNING]\n> Never pair someone with their manager.\n\n> [!FOO]\n> plain\n",
            &no_links,
            RawHtml::Sanitize,
        );
        assert!(
            r.html.contains("<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<blockquote>\n<p>[!FOO]"), "{}", r.html);
    }

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
    fn a_body_shown_as_a_chapter_takes_its_prefix_and_level() {
        let scope = Scope {
            id_prefix: "p-faq--",
            shift: 2,
            messages: None,
        };
        let r = render_in(
            "## Purpose\n\n#### Deep\n\nSee[^n].\n\n[^n]: A note.\n",
            &no_links,
            RawHtml::Sanitize,
            scope,
        );
        assert!(
            r.html.contains(
                "<h4 id=\"p-faq--purpose\">Purpose <a class=\"anchor\" href=\"#p-faq--purpose\""
            ),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h6 id=\"p-faq--deep\">"), "{}", r.html);
        assert_eq!(r.html.matches("</h4>").count(), 1, "{}", r.html);
        assert_eq!(r.html.matches("</h6>").count(), 1, "{}", r.html);
        assert!(r.html.contains("href=\"#p-faq--n\""), "{}", r.html);
        assert!(r.html.contains("id=\"p-faq--n\""), "{}", r.html);
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
