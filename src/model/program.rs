//! The programs of a site: each a folder under `content/` with its own
//! rules and progress thresholds (`playbook.yaml`'s `programs:`), or one
//! implicit program, id `""`, covering all of `content/` when the site
//! lists none, so a one-program site is what it always was.

use super::{Pair, Playbook};
use crate::config::{Config, Rules, Thresholds};
use crate::diagnostic::Span;

#[derive(Debug, Clone)]
pub struct Program {
    /// Its folder under `content/`; `""` for the implicit program.
    pub id: String,
    pub title: String,
    pub progress: Thresholds,
    pub rules: Rules,
    /// Where `programs:` lists it; `None` for the implicit program.
    pub span: Option<Span>,
}

impl Program {
    /// The programs `config` lists (titles filled in later, from their
    /// folders), or the implicit one.
    pub(super) fn from_config(config: &Config) -> Vec<Program> {
        if config.programs.is_empty() {
            return vec![Program {
                id: String::new(),
                title: config.title.clone(),
                progress: config.progress,
                rules: config.rules,
                span: None,
            }];
        }
        config
            .programs
            .iter()
            .map(|p| Program {
                id: p.id.value.clone(),
                title: p.title.clone().unwrap_or_default(),
                progress: p.progress,
                rules: p.rules,
                span: Some(p.id.span.clone()),
            })
            .collect()
    }

    /// The folder its pages sit in, relative to the site (`content/leaders/`).
    pub fn folder(&self) -> String {
        format!("content/{}/", self.id)
    }
}

impl Playbook {
    /// Whether `playbook.yaml` lists programs: only then do URLs, exports
    /// and pages name a program.
    pub fn has_programs(&self) -> bool {
        self.programs.first().is_some_and(|p| !p.id.is_empty())
    }

    /// The program that `file` (relative to the site) sits in: the only
    /// one of a site without programs, else the one whose folder holds it,
    /// `None` for a site-wide page.
    pub fn program_of_file(programs: &[Program], file: &str) -> Option<usize> {
        match programs {
            [only] if only.id.is_empty() => Some(0),
            _ => programs.iter().position(|p| {
                file.strip_prefix("content/")
                    .and_then(|rest| rest.strip_prefix(p.id.as_str()))
                    .is_some_and(|rest| rest.starts_with('/'))
            }),
        }
    }

    /// The id of program `index`, `""` for the implicit one (or a model
    /// built without programs, as unit tests do).
    pub fn program_id(&self, index: usize) -> &str {
        self.programs.get(index).map_or("", |p| p.id.as_str())
    }

    /// The progress thresholds of `pair`'s program.
    pub fn thresholds_of(&self, pair: &Pair) -> Thresholds {
        self.programs
            .get(pair.program)
            .map_or(self.config.progress, |p| p.progress)
    }

    /// The rules of program `index`.
    pub fn rules_of(&self, index: usize) -> Rules {
        self.programs
            .get(index)
            .map_or(self.config.rules, |p| p.rules)
    }

    /// The page of pair `id` of program `program` (`urls::pair_url`).
    pub fn pair_url(&self, program: usize, id: &str) -> String {
        crate::urls::pair_url(self.program_id(program), id)
    }

    /// The calendar file of pair `id` of program `program`.
    pub fn pair_calendar_path(&self, program: usize, id: &str) -> String {
        crate::urls::pair_calendar_path(self.program_id(program), id)
    }

    /// The folders a site's programs sit in, for hints.
    pub fn program_folders(&self) -> String {
        self.programs
            .iter()
            .map(|p| format!("`{}`", p.folder()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
