//! Calendar lines, CSV formulas, URL schemes and Markdown in `diff`.
