//! [`super::scan`]'s reading of a body, one parser event at a time, so
//! that the renderer can read a page's body for the checks from the same
//! parse as it renders it (`render::markdown::render_and_scan`): a build
//! then parses each page's Markdown once.

use super::line_index::LineIndex;
use super::raw_links::{RawLink, RawLinks};
use super::{Depth, Heading, HeadingIds, Link, Origin, Scan, destination, level_number};
use pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use std::collections::HashMap;
use std::ops::Range;

pub struct Scanner<'a> {
    body: &'a str,
    first_line: usize,
    lines: LineIndex<'a>,
    scan: Scan,
    ids: HeadingIds,
    /// The heading being read: level, explicit id, line, text so far.
    open_heading: Option<(u8, Option<String>, usize, String)>,
    definitions: Option<HashMap<String, Range<usize>>>,
    depth: Depth,
    // Made at the first raw HTML: most pages have none.
    raw_links: Option<Box<RawLinks>>,
    found: Vec<RawLink>,
}

impl<'a> Scanner<'a> {
    /// For a body that starts on file line `first_line`.
    pub fn new(body: &'a str, first_line: usize) -> Scanner<'a> {
        Scanner {
            body,
            first_line,
            lines: LineIndex::new(body),
            scan: Scan::default(),
            ids: HeadingIds::default(),
            open_heading: None,
            definitions: None,
            depth: Depth::new(),
            raw_links: None,
            found: Vec::new(),
        }
    }

    /// Takes in the parser's next event, at `range` of the body.
    pub fn observe(&mut self, event: &Event, range: Range<usize>) {
        let body = self.body;
        let first_line = self.first_line;
        if self.scan.too_deep.is_none() && self.depth.exceeds(event) {
            let (line, col) = self.lines.line_col(range.start);
            self.scan.too_deep = Some((line + first_line - 1, col));
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                let line = self.lines.line_col(range.start).0 + first_line - 1;
                self.open_heading = Some((
                    level_number(*level),
                    id.as_ref().map(|s| s.to_string()),
                    line,
                    String::new(),
                ));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, explicit, line, text)) = self.open_heading.take() {
                    let id = self.ids.assign(explicit.as_deref(), &text);
                    self.scan.headings.push(Heading {
                        level,
                        text: text.trim().to_string(),
                        id,
                        line,
                    });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((.., text)) = self.open_heading.as_mut() {
                    text.push_str(t);
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                id,
                ..
            })
            | Event::Start(Tag::Image {
                link_type,
                dest_url,
                id,
                ..
            }) => {
                // `<ana@example.org>` is a mail address, never a path.
                if *link_type == LinkType::Email {
                    return;
                }
                let written =
                    destination(body, range, *link_type, id, dest_url, &mut self.definitions);
                let (line, col) = self.lines.line_col(written.start);
                self.scan.links.push(Link {
                    dest: dest_url.to_string(),
                    line: line + first_line - 1,
                    col,
                    len: body.get(written).map_or(0, |text| text.chars().count()),
                    origin: Origin::Markdown,
                });
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                let reader = self
                    .raw_links
                    .get_or_insert_with(|| Box::new(RawLinks::new()));
                reader.read(body, range, &mut self.found);
                for link in self.found.drain(..) {
                    let (line, col) = self.lines.line_col(link.written.start);
                    self.scan.links.push(Link {
                        len: body
                            .get(link.written)
                            .map_or(0, |text| text.chars().count()),
                        dest: link.dest,
                        line: line + first_line - 1,
                        col,
                        origin: Origin::Html {
                            trusted: link.trusted,
                        },
                    });
                }
            }
            Event::TaskListMarker(done) => {
                self.scan.tasks_total += 1;
                self.scan.tasks_done += usize::from(*done);
            }
            _ => {}
        }
    }

    /// Whether the body's HTML has nested too deep so far: then the
    /// page is refused, whatever follows.
    pub fn too_deep(&self) -> bool {
        self.scan.too_deep.is_some()
    }

    pub fn finish(self) -> Scan {
        self.scan
    }
}
