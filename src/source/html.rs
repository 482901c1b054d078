//! Raw HTML as a browser reads it: html5ever's tokenizer (the WHATWG
//! algorithm: entities decoded, `<script>` and `<style>` content read as
//! text, linear in its input), and how deep elements nest once the end tags
//! browsers imply are counted. `check` uses both to refuse HTML nested too
//! deep, at its line, counting every element; the sanitiser in `render`
//! reads with the same reader and the same end-tag rules but nests only the
//! elements it writes (a browser never sees the others), and caps that.
//! What it lets through is [`allow`]'s, which `check` also asks to know
//! which addresses in raw HTML a page publishes.

pub mod allow;

use html5ever::LocalName;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use rustc_hash::FxHashMap;
use std::cell::{Cell, RefCell};

/// How deep a page's elements may nest, Markdown and raw HTML together.
/// Readable pages stay far below it; past it browsers slow down (and
/// Chromium flattens at 512), so `check` refuses it.
pub const MAX_DEPTH: usize = 256;

/// What a [`Reader`] hands on, token by token.
pub trait Handler {
    /// A start tag. `true` reads what follows as a browser does after it
    /// (the text of `<script>`, `<style>`, `<textarea>`...); `false` keeps
    /// reading tags, for a handler that throws the content away anyway.
    fn start(&mut self, tag: &Tag) -> bool;
    fn end(&mut self, tag: &Tag);
    /// Text with entities decoded; `raw` inside `<script>`, `<style>`,
    /// `<textarea>`, `<title>` and the like.
    fn text(&mut self, text: &str, raw: bool);
}

/// html5ever's tokenizer fed piece by piece (a Markdown body's raw HTML
/// comes in many events); each token reaches the handler as soon as it is
/// complete. Comments, doctypes and NUL characters are dropped.
pub struct Reader<H: Handler> {
    tokenizer: Tokenizer<Sink<H>>,
    queue: BufferQueue,
}

impl<H: Handler> Reader<H> {
    pub fn new(handler: H) -> Self {
        let sink = Sink {
            handler: RefCell::new(handler),
            raw: Cell::new(false),
        };
        Reader {
            tokenizer: Tokenizer::new(sink, TokenizerOpts::default()),
            queue: BufferQueue::default(),
        }
    }

    pub fn feed(&mut self, html: &str) {
        self.queue.push_back(StrTendril::from_slice(html));
        // The sink never asks to pause for a script, so one call reads all.
        let _ = self.tokenizer.feed(&self.queue);
    }

    /// Reads what is left (an unfinished tag at the end is dropped, as
    /// browsers do) and gives the handler back.
    pub fn finish(self) -> H {
        self.tokenizer.end();
        self.tokenizer.sink.handler.into_inner()
    }

    pub fn handler(&self) -> std::cell::RefMut<'_, H> {
        self.tokenizer.sink.handler.borrow_mut()
    }
}

struct Sink<H> {
    handler: RefCell<H>,
    /// Inside an element whose content the tokenizer reads as text.
    raw: Cell<bool>,
}

impl<H: Handler> TokenSink for Sink<H> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut handler = self.handler.borrow_mut();
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                if handler.start(&tag)
                    && let Some(kind) = raw_kind(&tag.name)
                {
                    self.raw.set(true);
                    return TokenSinkResult::RawData(kind);
                }
            }
            Token::TagToken(tag) => {
                // In raw text the tokenizer makes only the element's own end
                // tag a tag: whatever ends comes back to normal reading.
                self.raw.set(false);
                handler.end(&tag);
            }
            Token::CharacterTokens(text) => handler.text(&text, self.raw.get()),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Elements whose content a browser reads as text, not tags.
/// (`<plaintext>` is left out: what follows it is read as tags here and
/// sanitised, which only loses the page's odd rendering.)
fn raw_kind(name: &str) -> Option<RawKind> {
    match name {
        "script" => Some(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(RawKind::Rawtext),
        "textarea" | "title" => Some(RawKind::Rcdata),
        _ => None,
    }
}

/// Elements that have no content and no end tag.
pub fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "param"
            | "keygen"
            | "frame"
    )
}

/// The elements a start tag closes when the one on top is one of them: the
/// end tags HTML lets authors leave out (`<li>a<li>b`, `<p>a<p>b`,
/// `<td>a<td>b`). Only the top is looked at, so each start tag costs at
/// most the elements it closes.
pub fn implied_ends(name: &str) -> &'static [&'static str] {
    const P: &[&str] = &["p"];
    match name {
        "li" => &["p", "li"],
        "dt" | "dd" => &["p", "dt", "dd"],
        "tr" => &["td", "th", "tr"],
        "td" | "th" => &["td", "th"],
        "thead" | "tbody" | "tfoot" => &["td", "th", "tr", "thead", "tbody", "tfoot"],
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => &["p", "h1", "h2", "h3", "h4", "h5", "h6"],
        "address" | "article" | "aside" | "blockquote" | "details" | "dialog" | "div" | "dl"
        | "fieldset" | "figcaption" | "figure" | "footer" | "header" | "hgroup" | "hr" | "main"
        | "menu" | "nav" | "ol" | "p" | "pre" | "section" | "summary" | "table" | "ul" => P,
        _ => &[],
    }
}

/// What a start tag did to the open elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// The element is open now.
    Open,
    /// A void element: nothing stays open.
    Void,
    /// Past the limit: the element was not opened.
    TooDeep,
}

/// The elements open at a point of a document. Linear: an end tag finds
/// its element through a count per name, and each element is closed once.
#[derive(Default)]
pub struct Nesting {
    open: Vec<LocalName>,
    counts: FxHashMap<LocalName, usize>,
}

impl Nesting {
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// A start tag: closes what it implies (telling `closed`), then opens
    /// the element unless it is void or `limit` elements are open.
    pub fn start(
        &mut self,
        name: &LocalName,
        limit: usize,
        mut closed: impl FnMut(&LocalName),
    ) -> Opened {
        let implied = implied_ends(name);
        while let Some(top) = self.open.last()
            && implied.contains(&&**top)
        {
            self.pop(&mut closed);
        }
        if is_void(name) {
            Opened::Void
        } else if self.open.len() >= limit {
            Opened::TooDeep
        } else {
            self.open.push(name.clone());
            *self.counts.entry(name.clone()).or_default() += 1;
            Opened::Open
        }
    }

    /// An end tag: closes its element and everything opened inside it,
    /// innermost first; `false` when no such element is open (browsers
    /// ignore the tag).
    pub fn end(&mut self, name: &LocalName, mut closed: impl FnMut(&LocalName)) -> bool {
        if self.counts.get(name).is_none_or(|&n| n == 0) {
            return false;
        }
        while let Some(top) = self.pop(&mut closed) {
            if top == *name {
                break;
            }
        }
        true
    }

    /// Closes everything still open, innermost first.
    pub fn close_all(&mut self, mut closed: impl FnMut(&LocalName)) {
        while self.pop(&mut closed).is_some() {}
    }

    fn pop(&mut self, closed: &mut impl FnMut(&LocalName)) -> Option<LocalName> {
        let name = self.open.pop()?;
        if let Some(n) = self.counts.get_mut(&name) {
            *n = n.saturating_sub(1);
        }
        closed(&name);
        Some(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Start and end tags as `<x>` and `</x>`, text as is, raw text in [].
    #[derive(Default)]
    struct Log(String);

    impl Handler for Log {
        fn start(&mut self, tag: &Tag) -> bool {
            self.0.push_str(&format!("<{}>", tag.name));
            true
        }
        fn end(&mut self, tag: &Tag) {
            self.0.push_str(&format!("</{}>", tag.name));
        }
        fn text(&mut self, text: &str, raw: bool) {
            if raw {
                // The tokenizer hands text on in pieces: one bracket per run.
                if self.0.ends_with(']') {
                    self.0.pop();
                } else {
                    self.0.push('[');
                }
                self.0.push_str(text);
                self.0.push(']');
            } else {
                self.0.push_str(text);
            }
        }
    }

    fn read(pieces: &[&str]) -> String {
        let mut reader = Reader::new(Log::default());
        for piece in pieces {
            reader.feed(piece);
        }
        reader.finish().0
    }

    #[test]
    fn tags_split_across_pieces_entities_and_raw_text_read_as_a_browser_does() {
        assert_eq!(
            read(&["<div\nclass=a>x &amp; j&#x61;", "<!-- c --></div>"]),
            "<div>x & ja</div>"
        );
        assert_eq!(
            read(&["<script>if (a<b) { x('</div>') }</script>after"]),
            "<script>[if (a<b) { x('</div>') }]</script>after"
        );
        assert_eq!(
            read(&["<title><b>x</b></title>"]),
            "<title>[<b>x</b>]</title>"
        );
    }

    fn depth_after(tags: &[(&str, bool)]) -> usize {
        let mut nesting = Nesting::default();
        for (name, start) in tags {
            let name = LocalName::from(*name);
            if *start {
                nesting.start(&name, usize::MAX, |_| {});
            } else {
                nesting.end(&name, |_| {});
            }
        }
        nesting.depth()
    }

    #[test]
    fn left_out_end_tags_do_not_nest_and_stray_ones_close_nothing() {
        let list: Vec<(&str, bool)> = std::iter::once(("ul", true))
            .chain(std::iter::repeat_n(("li", true), 1000))
            .collect();
        assert_eq!(depth_after(&list), 2);
        assert_eq!(
            depth_after(&[("div", true), ("p", true), ("p", true), ("br", true)]),
            2
        );
        assert_eq!(
            depth_after(&[("div", true), ("span", false), ("div", true)]),
            2
        );
        assert_eq!(
            depth_after(&[("div", true), ("b", true), ("i", true), ("div", false)]),
            0
        );
    }

    #[test]
    fn the_limit_stops_opening() {
        let mut nesting = Nesting::default();
        let div = LocalName::from("div");
        for _ in 0..5 {
            nesting.start(&div, 3, |_| {});
        }
        assert_eq!(nesting.depth(), 3);
        assert_eq!(nesting.start(&div, 3, |_| {}), Opened::TooDeep);
        assert_eq!(
            nesting.start(&LocalName::from("br"), 3, |_| {}),
            Opened::Void
        );
    }
}
