//! Script and styles through Markdown, attributes and raw HTML.
