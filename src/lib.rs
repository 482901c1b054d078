//! mentorbook: a static site generator for mentoring-program playbooks.
//!
//! A pipeline of stages, each a module that depends only on those before
//! it: `source` (files, front matter, YAML and CSV with positions, git
//! dates, theme files) -> `config` (playbook.yaml) -> `model` (the typed
//! playbook; `Pair::public` says what of a pair may be published) ->
//! `check` (every rule, all problems at once) -> `progress` (pure functions
//! of the model and a date) -> `render` (pure: files in memory) -> `write`
//! (swapped onto disk). `pipeline` wires the stages; `commands` sit on top
//! and are the only code that prints or picks an exit code. Beside them:
//! `diagnostic` (problems at file:line:col), `i18n` (the site's language:
//! messages, dates, numbers), `yaml` (the one reader of
//! YAML), `urls` (how every address is spelt), `suggest` (the one "did you
//! mean"), `text` (letters as readers search and sort them), and the domains of the other commands: `matching`, `diff` and
//! `init` (the preview server is `commands::serve`).

pub mod check;
pub mod commands;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod i18n;
pub mod init;
pub mod matching;
pub mod model;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod source;
pub mod suggest;
pub mod text;
pub mod urls;
pub mod write;
pub mod yaml;
