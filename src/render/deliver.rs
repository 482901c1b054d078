//! Handing rendered files to the sink, one file per path.

use super::{OutputFile, Sink};
use crate::diagnostic::{Code, Diagnostic, Span};
use std::collections::HashSet;

/// Hands files to the sink, refusing a second file at the same path, or at
/// a path macOS or Windows would take for the same (`urls::same_file_key`).
pub(super) struct Deliver<'a> {
    sink: &'a dyn Sink,
    written: std::sync::Mutex<HashSet<String>>,
}

impl<'a> Deliver<'a> {
    pub(super) fn new(sink: &'a dyn Sink) -> Deliver<'a> {
        Deliver {
            sink,
            written: std::sync::Mutex::new(HashSet::new()),
        }
    }

    pub(super) fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.claim(&file.path)?;
        self.put_claimed(file)
    }

    /// Takes `path` for one file; a second file there is an error.
    pub(super) fn claim(&self, path: &str) -> Result<(), Diagnostic> {
        let fresh = self
            .written
            .lock()
            .map_or(true, |mut w| w.insert(crate::urls::same_file_key(path)));
        if fresh {
            return Ok(());
        }
        Err(Diagnostic::error(
            Code::DuplicateUrl,
            Span::file("content"),
            format!("two pages would be written to {path}"),
        )
        .with_hint("rename one of them"))
    }

    /// Writes a file whose path `claim` took.
    pub(super) fn put_claimed(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.sink
            .put(file)
            .map_err(|message| Diagnostic::error(Code::Unwritable, Span::file("content"), message))
    }
}
