//! Stage 1: what the site is made of, as read from disk: the files of
//! `content/` and `data/` decoded and split into front matter and body,
//! YAML read field by field with positions (`yaml` parses; `fields` reads),
//! CSV rows with positions, the structure of Markdown bodies, each file's
//! last change in git, and the theme's templates and assets.

pub mod boundary;
pub mod csv_rows;
pub mod fields;
pub mod history;
pub mod html;
pub mod include;
pub mod load;
pub mod markdown;
pub mod theme;
