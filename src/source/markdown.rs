//! What the model and the checks need to know about a Markdown body
//! (headings and their ids, links, task lists, whether its HTML nests too
//! deep), read with the same parser options and the same heading ids as the
//! renderer uses.

use super::html::{self, Handler, Nesting, Opened, Reader};
use crate::diagnostic::{Code, Diagnostic, Span};
use crate::urls::{THEME_IDS, slugify};
use html5ever::{LocalName, local_name};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

mod destination;
mod line_index;
mod raw_links;
mod scanner;
use destination::destination;
pub use scanner::Scanner;

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        // GitHub's alerts (`> [!NOTE]`), which render makes callouts.
        | Options::ENABLE_GFM
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub id: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub dest: String,
    pub line: usize,
    pub col: usize,
    /// `line` and `col` are where the destination is written: in the
    /// link (`[text](dest)`), or in the definition a reference link
    /// (`[text][ref]`) uses. `len` is its length in characters.
    pub len: usize,
    pub origin: Origin,
}

/// Where a link is written, which decides how the page publishes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// In Markdown: render points a link to a `.md` file at its page and
    /// makes a link starting with `/` relative.
    Markdown,
    /// An address in raw HTML (`href`, `src`, a video's `poster`) on an
    /// element the allow-list keeps: published as written. `trusted` when
    /// only `markdown.raw_html: allow` keeps it.
    Html { trusted: bool },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    pub tasks_done: usize,
    pub tasks_total: usize,
    /// Where the page's HTML (its Markdown's elements and raw HTML read
    /// together) first nests deeper than [`html::MAX_DEPTH`]: (line, col).
    pub too_deep: Option<(usize, usize)>,
    /// The body's include lines and the snippet each names, so a problem
    /// reported there can say where it is written (`super::include`).
    pub includes: Vec<(usize, String)>,
}

impl Scan {
    /// The snippet included on file line `line`, if one is.
    pub fn included_at(&self, line: usize) -> Option<&str> {
        let at = self
            .includes
            .binary_search_by_key(&line, |(l, _)| *l)
            .ok()?;
        Some(&self.includes[at].1)
    }

    /// The error for HTML nested too deep, if it is.
    pub fn nesting_problem(&self, file: &str) -> Option<Diagnostic> {
        let (line, col) = self.too_deep?;
        Some(
            Diagnostic::error(
                Code::HtmlTooDeep,
                Span::new(file, line, col),
                format!(
                    "HTML nested more than {} elements deep (Markdown and raw HTML together)",
                    html::MAX_DEPTH
                ),
            )
            .with_hint("close the elements you open (`</div>`), or flatten the structure: pages this deep are unreadable and slow browsers down"),
        )
    }
}

/// Reads a body that starts on file line `first_line`.
pub fn scan(body: &str, first_line: usize) -> Scan {
    let mut scanner = Scanner::new(body, first_line);
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        scanner.observe(&event, range);
    }
    scanner.finish()
}

/// The page's elements as the rendered HTML will nest them: Markdown's own
/// and raw HTML's, in one [`Nesting`], the way the sanitiser reads them.
/// Until raw HTML appears, Markdown's elements are balanced and a stack is
/// enough; the reader and its [`Nesting`] are made at the first raw HTML.
enum Depth {
    Markdown(Vec<LocalName>),
    // Boxed: most pages never leave the first variant.
    Html(Box<Reader<Elements>>),
}

#[derive(Default)]
struct Elements {
    nesting: Nesting,
    too_deep: bool,
}

impl Handler for Elements {
    fn start(&mut self, tag: &html5ever::tokenizer::Tag) -> bool {
        self.open(&tag.name);
        true
    }

    fn end(&mut self, tag: &html5ever::tokenizer::Tag) {
        self.nesting.end(&tag.name, |_| {});
    }

    fn text(&mut self, _: &str, _: bool) {}
}

impl Elements {
    fn open(&mut self, name: &LocalName) {
        if self.nesting.start(name, html::MAX_DEPTH, |_| {}) == Opened::TooDeep {
            self.too_deep = true;
        }
    }
}

impl Depth {
    fn new() -> Depth {
        Depth::Markdown(Vec::new())
    }

    /// Takes in one event; `true` once the page is too deep (then nothing
    /// more is read: the page is refused anyway).
    fn exceeds(&mut self, event: &Event) -> bool {
        match (self, event) {
            (Depth::Markdown(open), Event::Start(tag)) => {
                open.extend(element(tag));
                open.len() > html::MAX_DEPTH
            }
            (Depth::Markdown(open), Event::End(tag)) => {
                if end_element(*tag).is_some() {
                    open.pop();
                }
                false
            }
            (depth @ Depth::Markdown(_), Event::Html(html) | Event::InlineHtml(html)) => {
                let Depth::Markdown(open) = depth else {
                    return false;
                };
                let mut elements = Elements::default();
                for name in open.iter() {
                    elements.open(name);
                }
                let mut reader = Box::new(Reader::new(elements));
                reader.feed(html);
                let too_deep = reader.handler().too_deep;
                *depth = Depth::Html(reader);
                too_deep
            }
            (Depth::Markdown(_), _) => false,
            (Depth::Html(reader), event) => {
                if reader.handler().too_deep {
                    return true;
                }
                match event {
                    Event::Start(tag) => {
                        if let Some(name) = element(tag) {
                            reader.handler().open(&name);
                        }
                    }
                    Event::End(tag) => {
                        if let Some(name) = end_element(*tag) {
                            reader.handler().nesting.end(&name, |_| {});
                        }
                    }
                    Event::Html(html) | Event::InlineHtml(html) => reader.feed(html),
                    _ => {}
                }
                reader.handler().too_deep
            }
        }
    }
}

/// The element pulldown-cmark opens for a tag (the outer one where it
/// writes two); `None` for void or no element.
fn element(tag: &Tag) -> Option<LocalName> {
    Some(match tag {
        Tag::Heading { level, .. } => heading_element(*level),
        Tag::List(Some(_)) => local_name!("ol"),
        Tag::List(None) => local_name!("ul"),
        other => return end_element(other.to_end()),
    })
}

fn end_element(tag: TagEnd) -> Option<LocalName> {
    Some(match tag {
        TagEnd::Paragraph => local_name!("p"),
        TagEnd::Heading(level) => heading_element(level),
        TagEnd::BlockQuote(None) => local_name!("blockquote"),
        // Render writes an alert as a `div` (see `render::callout`).
        TagEnd::BlockQuote(Some(_)) => local_name!("div"),
        TagEnd::CodeBlock => local_name!("pre"),
        TagEnd::List(true) => local_name!("ol"),
        TagEnd::List(false) => local_name!("ul"),
        TagEnd::Item => local_name!("li"),
        TagEnd::FootnoteDefinition => local_name!("div"),
        TagEnd::Table => local_name!("table"),
        TagEnd::TableHead => local_name!("thead"),
        TagEnd::TableRow => local_name!("tr"),
        TagEnd::TableCell => local_name!("td"),
        TagEnd::Emphasis => local_name!("em"),
        TagEnd::Strong => local_name!("strong"),
        TagEnd::Strikethrough => local_name!("del"),
        TagEnd::Link => local_name!("a"),
        _ => return None,
    })
}

fn heading_element(level: HeadingLevel) -> LocalName {
    match level {
        HeadingLevel::H1 => local_name!("h1"),
        HeadingLevel::H2 => local_name!("h2"),
        HeadingLevel::H3 => local_name!("h3"),
        HeadingLevel::H4 => local_name!("h4"),
        HeadingLevel::H5 => local_name!("h5"),
        HeadingLevel::H6 => local_name!("h6"),
    }
}

pub fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Unique, stable heading ids within one page: an explicit `{#id}` wins,
/// else the slug of the text; repeats (and the theme's own ids) get `-1`,
/// `-2`, ... The one assigner for `scan` and render alike, so checked
/// anchors are the rendered ones.
#[derive(Default)]
pub struct HeadingIds {
    /// The ids given so far (the theme's own, [`THEME_IDS`], are taken
    /// too but not copied in: this is made for every page).
    used: HashSet<String>,
    /// The next suffix to try for each base: 20,000 headings `## Plan` then
    /// cost one try each, not 1 + 2 + ... + 20,000. A suffix is only passed
    /// over when its id is taken, and an id `base-n` belongs to one base, so
    /// all tries on a page add up to about its number of headings.
    next: HashMap<String, usize>,
}

impl HeadingIds {
    pub fn assign(&mut self, explicit: Option<&str>, text: &str) -> String {
        let base = explicit.map_or_else(|| slugify(text), str::to_string);
        if self.claim(&base) {
            return base;
        }
        let mut n = self.next.get(&base).copied().unwrap_or(1);
        let id = loop {
            let id = format!("{base}-{n}");
            n += 1;
            if self.claim(&id) {
                break id;
            }
        };
        self.next.insert(base, n);
        id
    }

    /// Takes `id` if neither the theme nor an earlier heading has it.
    fn claim(&mut self, id: &str) -> bool {
        // One hash, not a look and then an insert: every heading is given
        // its id twice, by the checks' reading and by render.
        !THEME_IDS.contains(&id) && self.used.insert(id.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_headings_get_unique_ids() {
        let s = scan(
            "## Plan\n\n## Plan\n\n## Later {#the-plan}\n\n## Pairs\n",
            5,
        );
        let ids: Vec<&str> = s.headings.iter().map(|h| h.id.as_str()).collect();
        // `pairs` is the theme's pair table: the heading takes the next id.
        assert_eq!(ids, ["plan", "plan-1", "the-plan", "pairs-1"]);
        assert_eq!(s.headings[1].line, 7);
    }

    /// The first free suffix, as the ids were first given: a counter per
    /// base must give the same ids, so published anchors do not change.
    #[test]
    fn heading_ids_are_the_first_free_suffix() {
        let naive = |headings: &[(Option<&str>, &str)]| {
            let mut used: HashSet<String> = THEME_IDS.iter().map(|id| id.to_string()).collect();
            let mut ids = Vec::new();
            for (explicit, text) in headings {
                let base = explicit.map_or_else(|| slugify(text), str::to_string);
                let mut id = base.clone();
                let mut n = 0;
                while !used.insert(id.clone()) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                ids.push(id);
            }
            ids
        };
        let headings = [
            (None, "Plan"),
            (Some("plan-2"), ""),
            (None, "Plan"),
            (None, "Plan"),
            (None, "Plan 1"),
            (None, "Plan"),
            (Some("plan-1"), ""),
            (None, "Pairs"),
            (None, "Pairs"),
            (None, "Plan-1"),
            (None, "Plan"),
        ];
        let mut ids = HeadingIds::default();
        let given: Vec<String> = headings
            .iter()
            .map(|(explicit, text)| ids.assign(*explicit, text))
            .collect();
        assert_eq!(given, naive(&headings));
        assert_eq!(given[..4], ["plan", "plan-2", "plan-1", "plan-3"]);
    }

    #[test]
    fn columns_of_many_links_on_one_line() {
        let s = scan("é [a](x.md) [b](y.md)\nz [c](w.md)\n", 1);
        let places: Vec<(usize, usize)> = s.links.iter().map(|l| (l.line, l.col)).collect();
        // Each at its destination, after `](`.
        assert_eq!(places, [(1, 7), (1, 17), (2, 7)]);
    }

    #[test]
    fn links_and_tasks_are_found_with_positions() {
        let s = scan(
            "Intro\n\nSee [goals](../goals.md#targets).\n\n- [x] a\n- [ ] b\n",
            4,
        );
        assert_eq!(
            s.links,
            vec![Link {
                dest: "../goals.md#targets".into(),
                line: 6,
                col: 13,
                len: 19,
                origin: Origin::Markdown,
            }]
        );
        assert_eq!((s.tasks_done, s.tasks_total), (1, 2));
    }
}
