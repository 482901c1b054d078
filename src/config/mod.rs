//! `playbook.yaml`: every key is optional and has a documented default
//! (see the README's configuration reference).

use crate::diagnostic::{Diagnostic, Severity};
use crate::fields::{Ctx, Fields};
use crate::load::SourceFile;
use crate::yaml;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Config {
    pub title: String,
    pub description: String,
    pub organisation: String,
    pub language: String,
    /// Only for absolute needs (calendar files, feeds); pages link relatively.
    pub base_url: String,
    pub raw_html: RawHtml,
    pub progress: Thresholds,
    pub rules: Rules,
    pub show_emails: bool,
    /// Prefix of "Edit this page" links: the page's path (`content/faq.md`)
    /// is appended, e.g. `https://github.com/org/playbook/edit/main/`.
    pub edit_url: String,
    /// Show each page's last change, from git.
    pub last_updated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    Sanitize,
    Allow,
}

/// When a pair counts as at risk or stalled.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Thresholds {
    /// Stalled: no session held for more than this many cadence periods.
    pub stalled_after_periods: u32,
    /// At risk: this many sessions or more behind the expected count.
    pub at_risk_behind: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            stalled_after_periods: 2,
            at_risk_behind: 1,
        }
    }
}

/// How strictly `check` treats a rule: `error`, `warning` or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Error,
    Warning,
    Off,
}

impl RuleLevel {
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleLevel::Error => Some(Severity::Error),
            RuleLevel::Warning => Some(Severity::Warning),
            RuleLevel::Off => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rules {
    /// A mentor and mentee in one reporting line (either way, at any depth).
    pub reporting_line: RuleLevel,
    pub max_pairs_per_person: u32,
    pub max_pairs: RuleLevel,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Mentoring playbook".into(),
            description: String::new(),
            organisation: String::new(),
            language: "en".into(),
            base_url: String::new(),
            raw_html: RawHtml::Sanitize,
            progress: Thresholds::default(),
            rules: Rules {
                reporting_line: RuleLevel::Error,
                max_pairs_per_person: 2,
                max_pairs: RuleLevel::Error,
            },
            show_emails: false,
            edit_url: String::new(),
            last_updated: true,
        }
    }
}

pub fn read(file: Option<&SourceFile>, diagnostics: &mut Vec<Diagnostic>) -> Config {
    let mut config = Config::default();
    let Some(file) = file else { return config };
    let node = match yaml::parse(&file.text, 1) {
        Ok(node) => node,
        Err(err) => {
            diagnostics.push(Diagnostic::error(
                "yaml-syntax",
                crate::diagnostic::Span::new(&file.path, err.pos.line, err.pos.col),
                format!("playbook.yaml is not valid YAML: {}", err.message),
            ));
            return config;
        }
    };
    let mut ctx = Ctx {
        file: &file.path,
        diagnostics,
    };
    let Some(mut f) = Fields::new(&node, "playbook.yaml", &mut ctx) else {
        return config;
    };
    let text = |f: &mut Fields, key, target: &mut String, ctx: &mut Ctx| {
        if let Some(v) = f.string(key, ctx) {
            *target = v.value;
        }
    };
    text(&mut f, "title", &mut config.title, &mut ctx);
    text(&mut f, "description", &mut config.description, &mut ctx);
    text(&mut f, "organisation", &mut config.organisation, &mut ctx);
    text(&mut f, "language", &mut config.language, &mut ctx);
    text(&mut f, "base_url", &mut config.base_url, &mut ctx);
    text(&mut f, "edit_url", &mut config.edit_url, &mut ctx);
    if let Some(v) = f.bool("last_updated", &mut ctx) {
        config.last_updated = v;
    }

    if let Some(node) = f.node("markdown")
        && let Some(mut m) = Fields::new(node, "`markdown`", &mut ctx)
    {
        if let Some(v) = m.string("raw_html", &mut ctx) {
            match v.value.as_str() {
                "sanitize" => config.raw_html = RawHtml::Sanitize,
                "allow" => config.raw_html = RawHtml::Allow,
                other => ctx.push(
                    Diagnostic::error(
                        "bad-value",
                        v.span,
                        format!("`raw_html` cannot be `{other}`"),
                    )
                    .with_hint("use `sanitize` (the default) or `allow`"),
                ),
            }
        }
        m.finish(&mut ctx, &|_| None);
    }
    if let Some(node) = f.node("progress")
        && let Some(mut p) = Fields::new(node, "`progress`", &mut ctx)
    {
        if let Some(v) = p.count("stalled_after_periods", &mut ctx) {
            config.progress.stalled_after_periods = v.value.max(1);
        }
        if let Some(v) = p.count("at_risk_behind", &mut ctx) {
            config.progress.at_risk_behind = v.value.max(1);
        }
        p.finish(&mut ctx, &|_| None);
    }
    if let Some(node) = f.node("rules")
        && let Some(mut r) = Fields::new(node, "`rules`", &mut ctx)
    {
        if let Some(level) = rule_level(&mut r, "reporting_line", &mut ctx) {
            config.rules.reporting_line = level;
        }
        if let Some(level) = rule_level(&mut r, "max_pairs", &mut ctx) {
            config.rules.max_pairs = level;
        }
        if let Some(v) = r.count("max_pairs_per_person", &mut ctx) {
            config.rules.max_pairs_per_person = v.value;
        }
        r.finish(&mut ctx, &|_| None);
    }
    if let Some(node) = f.node("people")
        && let Some(mut p) = Fields::new(node, "`people`", &mut ctx)
    {
        if let Some(v) = p.bool("show_emails", &mut ctx) {
            config.show_emails = v;
        }
        p.finish(&mut ctx, &|_| None);
    }
    let has_matching = f.node("matching").is_some();
    f.finish(&mut ctx, &|_| None);
    if has_matching {
        // `mentorbook match` reads these; check them here too, so a typo
        // fails the pull request that makes it, not the next matching run.
        crate::matching::read_rules(Some(file), diagnostics);
    }
    config
}

fn rule_level(f: &mut Fields, key: &'static str, ctx: &mut Ctx) -> Option<RuleLevel> {
    let v = f.string(key, ctx)?;
    match v.value.as_str() {
        "error" => Some(RuleLevel::Error),
        "warning" => Some(RuleLevel::Warning),
        "off" | "false" => Some(RuleLevel::Off),
        other => {
            ctx.push(
                Diagnostic::error("bad-value", v.span, format!("`{key}` cannot be `{other}`"))
                    .with_hint("use `error`, `warning` or `off`"),
            );
            None
        }
    }
}
