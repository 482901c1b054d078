//! A page's Markdown body, sharing the file's text when nothing was
//! included: at 10,000 pages a copy of every body was a quarter of a
//! build's memory.

use crate::source::load::SourceFile;
use std::sync::Arc;

/// The body: `text[start..]`.
#[derive(Debug, Clone, Default)]
pub struct Body {
    text: Arc<str>,
    start: usize,
}

impl Body {
    /// `body` as read from `file`: the end of its text when it is one (a
    /// body without includes), else a copy.
    pub fn of(file: &SourceFile, body: &str) -> Body {
        let start = (body.as_ptr() as usize).wrapping_sub(file.text.as_ptr() as usize);
        if file
            .text
            .get(start..)
            .is_some_and(|rest| std::ptr::eq(rest, body))
        {
            return Body {
                text: file.text.clone(),
                start,
            };
        }
        Body {
            text: Arc::from(body),
            start: 0,
        }
    }
}

impl std::ops::Deref for Body {
    type Target = str;

    fn deref(&self) -> &str {
        self.text.get(self.start..).unwrap_or_default()
    }
}

impl From<&str> for Body {
    fn from(text: &str) -> Body {
        Body {
            text: Arc::from(text),
            start: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_without_includes_is_the_end_of_the_file_text() {
        let file = SourceFile {
            path: "content/a.md".into(),
            text: Arc::from("---\ntitle: A\n---\nBody.\n"),
        };
        let body = Body::of(&file, &file.text[17..]);
        assert_eq!(&*body, "Body.\n");
        assert!(Arc::ptr_eq(&body.text, &file.text));
        // Not the file's end, or not the file's text: copied.
        let middle = Body::of(&file, &file.text[4..12]);
        assert_eq!(&*middle, "title: A");
        assert!(!Arc::ptr_eq(&middle.text, &file.text));
        let owned = Body::of(&file, "Included.\n");
        assert_eq!(&*owned, "Included.\n");
    }
}
