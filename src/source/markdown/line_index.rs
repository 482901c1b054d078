//! Where a byte offset of a Markdown body is, as diagnostics show it.

/// Byte offset to 1-based line and column (in characters).
pub(super) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// (byte offset, column) of the last answer: offsets come in document
    /// order, so 10,000 links on one long line count its characters once,
    /// not once per link.
    cursor: (usize, usize),
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        // memchr: `match_indices` took a hundredth of a 10,000-page build.
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex {
            text,
            starts,
            cursor: (0, 1),
        }
    }

    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let (from, col) = match self.cursor {
            (at, col) if at >= start && at <= offset => (at, col),
            _ => (start, 1),
        };
        match self.text.get(from..offset) {
            Some(between) => {
                let col = col + between.chars().count();
                self.cursor = (offset, col);
                (line, col)
            }
            None => (line, 1),
        }
    }
}
