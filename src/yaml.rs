//! All YAML parsing lives here, so the parser can be swapped in one place.
//!
//! We build our own tree with a position on every node because every
//! diagnostic must point at a line and column inside the `.md` file.
//! serde_yaml's `Value` drops positions (and is archived upstream);
//! yaml-rust2's event parser reports a marker per event, which is all we need.

mod explain;

pub use explain::YamlError;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Where a node starts, in the file that holds the YAML (lines and columns
/// count from 1; columns in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
    /// How many characters a scalar spans in the source, quotes included,
    /// when it stands on one line; 0 when unknown (collections, aliases,
    /// block and multi-line scalars).
    pub len: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Keys in document order; duplicates are kept so the reader can report them.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// A collection before its items arrive (collections have no length).
    fn empty(value: Value, pos: Pos) -> Node {
        Node { value, pos, len: 0 }
    }
}

impl Value {
    /// How a user would name this type in a message.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "a true/false value",
            Value::Int(_) => "a whole number",
            Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// Guards against alias bombs ("billion laughs") and stack-deep documents:
/// front matter never needs more than this.
const MAX_NODES: usize = 200_000;
const MAX_DEPTH: usize = 64;

fn too_deep() -> String {
    format!("lists and mappings are nested deeper than {MAX_DEPTH} levels")
}

const TOO_DEEP_HINT: &str =
    "front matter needs a few levels at most: check the indentation, or split the data";

/// Parses one YAML document. `first_line` is the file line on which the
/// document's first line stands, so positions are file positions.
/// An empty document is `Null`.
pub fn parse(text: &str, first_line: usize) -> Result<Node, YamlError> {
    let mut builder = Builder {
        first_line,
        lines: text.lines().collect(),
        cursor: (0, 0, 0),
        stack: Vec::new(),
        anchors: Vec::new(),
        root: None,
        nodes: 0,
        error: None,
    };
    let mut parser = Parser::new_from_str(text);
    // Events are pulled one by one rather than through `Parser::load`, which
    // recurses once per level of nesting: 5,000 nested `- ` overflowed the
    // stack before the depth limit below could refuse them. The parser's own
    // state machine keeps its nesting on the heap.
    loop {
        match parser.next_token() {
            Ok((Event::DocumentEnd | Event::StreamEnd, _)) => break,
            Ok((event, mark)) => builder.on_event(event, mark),
            Err(e) => {
                let m = e.marker();
                let explained = explain::explain(text, first_line, m.line(), m.col(), e.info());
                return Err(YamlError {
                    pos: Pos {
                        line: explained.line + first_line.max(1) - 1,
                        col: explained.col + 1,
                    },
                    len: explained.len,
                    message: explained.message,
                    hint: explained.hint,
                });
            }
        }
        if let Some(error) = builder.error.take() {
            return Err(error);
        }
    }
    Ok(builder.root.unwrap_or(Node {
        value: Value::Null,
        pos: Pos {
            line: first_line,
            col: 1,
        },
        len: 0,
    }))
}

enum Open {
    Seq(Node, usize),
    /// A mapping being filled, with a key waiting for its value.
    Map(Node, usize, Option<Node>),
}

struct Builder<'t> {
    first_line: usize,
    /// The document's lines, to measure scalars: events carry only a start.
    lines: Vec<&'t str>,
    /// (line index, column, byte offset) of the last scalar measured: events
    /// come in document order, so a long flow line is walked once, not once
    /// per item.
    cursor: (usize, usize, usize),
    stack: Vec<Open>,
    anchors: Vec<(usize, Node, usize)>,
    root: Option<Node>,
    nodes: usize,
    error: Option<YamlError>,
}

impl Builder<'_> {
    fn pos(&self, m: &Marker) -> Pos {
        Pos {
            line: m.line() + self.first_line - 1,
            col: m.col() + 1,
        }
    }

    /// The characters a scalar starting at `m` covers on its line: a plain
    /// one is its text as written (the parser has already cut off a comment,
    /// a `:` or a flow `,`/`]`/`}`), a quoted one runs through its closing
    /// quote. 0 when it continues on the next line.
    fn scalar_len(&mut self, m: &Marker, style: TScalarStyle, text: &str) -> usize {
        let index = m.line().saturating_sub(1);
        let Some(line) = self.lines.get(index).copied() else {
            return 0;
        };
        let (mut col, mut byte) = match self.cursor {
            (i, col, byte) if i == index && col <= m.col() => (col, byte),
            _ => (0, 0),
        };
        while col < m.col() {
            let Some(c) = line[byte..].chars().next() else {
                return 0;
            };
            byte += c.len_utf8();
            col += 1;
        }
        self.cursor = (index, col, byte);
        let rest = &line[byte..];
        match style {
            TScalarStyle::Plain if rest.starts_with(text) => text.chars().count(),
            TScalarStyle::SingleQuoted => quoted_len(rest, '\'', None),
            TScalarStyle::DoubleQuoted => quoted_len(rest, '"', Some('\\')),
            _ => 0,
        }
    }

    fn fail(&mut self, pos: Pos, message: impl Into<String>, hint: &str) {
        if self.error.is_none() {
            self.error = Some(YamlError {
                pos,
                len: 0,
                message: message.into(),
                hint: hint.into(),
            });
        }
    }

    fn push_value(&mut self, node: Node, anchor: usize, size: usize) {
        if anchor > 0 {
            self.anchors.push((anchor, node.clone(), size));
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq(seq, _)) => {
                if let Value::Seq(items) = &mut seq.value {
                    items.push(node);
                }
            }
            Some(Open::Map(map, _, pending)) => match pending.take() {
                None => *pending = Some(node),
                Some(key) => {
                    if let Value::Map(entries) = &mut map.value {
                        entries.push((key, node));
                    }
                }
            },
        }
    }
}

/// The length in characters of the quoted scalar `rest` starts with, both
/// quotes included, or 0 if it does not close on this line. A doubled quote
/// (`'it''s'`) or an escaped one (`"say \"hi\""`) does not close it.
fn quoted_len(rest: &str, quote: char, escape: Option<char>) -> usize {
    let mut chars = rest.chars();
    if chars.next() != Some(quote) {
        return 0;
    }
    let mut len = 1;
    while let Some(c) = chars.next() {
        len += 1;
        if Some(c) == escape {
            if chars.next().is_none() {
                return 0;
            }
            len += 1;
        } else if c == quote {
            if escape.is_some() || !chars.as_str().starts_with(quote) {
                return len;
            }
            chars.next();
            len += 1;
        }
    }
    0
}

fn size_of(node: &Node) -> usize {
    match &node.value {
        Value::Seq(items) => 1 + items.iter().map(size_of).sum::<usize>(),
        Value::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| size_of(k) + size_of(v))
                .sum::<usize>()
        }
        _ => 1,
    }
}

impl Builder<'_> {
    /// A sequence or mapping starts: it is filled until its end event.
    fn open(&mut self, open: Open) {
        if self.stack.len() >= MAX_DEPTH {
            let (Open::Seq(node, _) | Open::Map(node, ..)) = &open;
            self.fail(node.pos, too_deep(), TOO_DEEP_HINT);
            return;
        }
        self.nodes += 1;
        self.stack.push(open);
    }

    /// A copy of the anchored value, counted whole, so that aliases of
    /// aliases cannot expand without bound.
    fn alias(&mut self, id: usize, pos: Pos) {
        let Some((_, node, size)) = self.anchors.iter().rev().find(|(a, ..)| *a == id) else {
            self.fail(
                pos,
                "`*` refers to an anchor (`&name`) that is not defined",
                "put the value in quotes if it is text that starts with `*`",
            );
            return;
        };
        let (node, size) = (node.clone(), *size);
        self.nodes += size.max(1);
        if self.nodes > MAX_NODES {
            self.fail(
                pos,
                "aliases expand to too many values (more than 200000)",
                "write the values out, or use fewer aliases: front matter does not need this much",
            );
            return;
        }
        self.push_value(
            Node {
                pos,
                len: 0,
                ..node
            },
            0,
            0,
        );
    }
}

impl Builder<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        if self.error.is_some() {
            return;
        }
        let pos = self.pos(&mark);
        match event {
            Event::Scalar(text, style, anchor, _tag) => {
                self.nodes += 1;
                let len = self.scalar_len(&mark, style, &text);
                let value = if style == TScalarStyle::Plain {
                    resolve_plain(text)
                } else {
                    Value::Str(text)
                };
                self.push_value(Node { value, pos, len }, anchor, 1);
            }
            Event::SequenceStart(anchor, _) => {
                self.open(Open::Seq(Node::empty(Value::Seq(Vec::new()), pos), anchor));
            }
            Event::MappingStart(anchor, _) => {
                self.open(Open::Map(
                    Node::empty(Value::Map(Vec::new()), pos),
                    anchor,
                    None,
                ));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(Open::Seq(node, anchor) | Open::Map(node, anchor, _)) = self.stack.pop()
                {
                    let size = if anchor > 0 { size_of(&node) } else { 0 };
                    self.push_value(node, anchor, size);
                }
            }
            Event::Alias(id) => self.alias(id, pos),
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart
            | Event::DocumentEnd
            | Event::Nothing => {}
        }
        if self.nodes > MAX_NODES {
            self.fail(
                pos,
                "there are more than 200000 values",
                "keep large data in CSV files under `data/`",
            );
        }
    }
}

/// YAML 1.2 core schema for plain scalars. Dates stay text: fields that
/// expect a date parse it themselves, with a message that says so.
fn resolve_plain(text: String) -> Value {
    match text.as_str() {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let looks_numeric = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'_'));
    if looks_numeric && text.bytes().any(|b| b.is_ascii_digit()) {
        if let Ok(i) = text.parse::<i64>() {
            return Value::Int(i);
        }
        if !text.contains('_')
            && let Ok(f) = text.parse::<f64>()
        {
            return Value::Float(f);
        }
    }
    Value::Str(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_file_positions() {
        let node = parse("title: Hi\nlist:\n  - a\n  - b\n", 2).expect("valid");
        let Value::Map(entries) = node.value else {
            panic!("map")
        };
        assert_eq!(entries[0].0.pos, Pos { line: 2, col: 1 });
        assert_eq!(entries[0].1.pos, Pos { line: 2, col: 8 });
        let Value::Seq(items) = &entries[1].1.value else {
            panic!("seq")
        };
        assert_eq!(items[1].pos, Pos { line: 5, col: 5 });
    }

    /// The key and value nodes of a one-entry mapping.
    fn entry(doc: &str) -> (Node, Node) {
        let node = parse(doc, 1).expect("valid");
        let Value::Map(mut entries) = node.value else {
            panic!("map")
        };
        entries.remove(0)
    }

    #[test]
    fn a_plain_scalar_spans_its_value_without_a_comment() {
        let (key, value) = entry("weight: heavy   # or light\n");
        assert_eq!((key.len, value.len), (6, 5));
        // A multi-word value is underlined whole.
        let (_, title) = entry("title: Tea with the CEO\n");
        assert_eq!((title.pos.col, title.len), (8, 16));
    }

    #[test]
    fn a_quoted_scalar_spans_through_its_closing_quote() {
        assert_eq!(entry("a: 'it''s here' # c\n").1.len, 12);
        assert_eq!(entry("a: \"say \\\"hi\\\"\"\n").1.len, 12);
        assert_eq!(entry("a: \"é\"\n").1.len, 3);
        let (_, after_accent) = entry("é: 'x y'\n");
        assert_eq!((after_accent.pos.col, after_accent.len), (4, 5));
    }

    #[test]
    fn a_flow_item_stops_at_its_comma_or_bracket() {
        let (_, list) = entry("tags: [one, two words , 'x, y']\n");
        let Value::Seq(items) = list.value else {
            panic!("seq")
        };
        let spans: Vec<(usize, usize)> = items.iter().map(|n| (n.pos.col, n.len)).collect();
        assert_eq!(spans, [(8, 3), (13, 9), (25, 6)]);
        assert_eq!(list.len, 0);
    }

    #[test]
    fn a_scalar_over_several_lines_has_no_length() {
        assert_eq!(entry("a: plain\n  continued\n").1.len, 0);
        assert_eq!(entry("a: 'quoted\n  text'\n").1.len, 0);
        assert_eq!(entry("a: |\n  block\n").1.len, 0);
    }

    #[test]
    fn scalars_resolve_to_core_types() {
        let node = parse("[1, 2.5, true, null, '3', 2026-03-01, x]", 1).expect("valid");
        let Value::Seq(items) = node.value else {
            panic!("seq")
        };
        let values: Vec<Value> = items.into_iter().map(|n| n.value).collect();
        assert_eq!(
            values,
            vec![
                Value::Int(1),
                Value::Float(2.5),
                Value::Bool(true),
                Value::Null,
                Value::Str("3".into()),
                Value::Str("2026-03-01".into()),
                Value::Str("x".into()),
            ]
        );
    }

    #[test]
    fn syntax_errors_carry_a_position() {
        let err = parse("title: [unclosed\nnext: 1\n", 2).expect_err("invalid");
        assert!(err.pos.line >= 2, "{err:?}");
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut doc = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in 'b'..='j' {
            doc.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = name;
        }
        let err = parse(&doc, 1).expect_err("bomb");
        assert!(err.message.contains("too many"), "{err:?}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let doc = "[".repeat(100) + &"]".repeat(100);
        let err = parse(&doc, 1).expect_err("deep");
        assert!(err.message.contains("nested deeper"), "{err:?}");
    }

    /// Each shape 100,000 levels deep, on a test thread's small stack: the
    /// parser's `load` recursed once per level and overflowed it.
    #[test]
    fn deep_block_nesting_is_refused_without_recursion() {
        let deep = 100_000;
        let shapes = [
            ("- ".repeat(deep) + "x", (1, 129)),
            ("x:\n".to_string() + &"- ".repeat(deep) + "x", (2, 127)),
            ("? ".repeat(deep) + "x", (1, 129)),
            // The scanner gives up 255 brackets in, before the tree sees
            // the 65th.
            ("[".repeat(deep), (1, 256)),
            ("{a: ".repeat(deep), (1, 1021)),
        ];
        for (doc, at) in shapes {
            let err = parse(&doc, 1).expect_err("deep");
            assert!(err.message.contains("nested deeper than 64"), "{err:?}");
            assert_eq!((err.pos.line, err.pos.col), at, "{err:?}");
        }
        let mut maps = String::new();
        for level in 0..100 {
            maps.push_str(&" ".repeat(level));
            maps.push_str("a:\n");
        }
        let err = parse(&maps, 1).expect_err("deep");
        assert_eq!(err.pos.line, 65, "{err:?}");
    }

    #[test]
    fn sixty_four_levels_are_fine() {
        let doc = "- ".repeat(63) + "x";
        assert!(parse(&doc, 1).is_ok());
    }

    #[test]
    fn only_the_first_document_is_read() {
        let node = parse("a: 1\n---\nb: [unclosed\n", 1).expect("first document");
        assert!(matches!(node.value, Value::Map(ref e) if e.len() == 1));
    }
}
