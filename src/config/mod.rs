//! Stage 2, `playbook.yaml`: every key is optional and has a documented default
//! (see the README's configuration reference).

pub mod matching;
mod programs;
mod reporting_line;
mod timezone;

pub use matching::{Exclude, MatchingRules, Weights};
pub use programs::ProgramConfig;
pub use reporting_line::{Depth, ReportingLine};
pub use timezone::{Placed, Timezone};

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::source::fields::{Ctx, Fields, OneOf};
use crate::source::load::SourceFile;
use crate::yaml::{self, Node};
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
    /// `privacy.min_group_size`: survey figures are published only for
    /// groups of at least this many respondents.
    pub min_group_size: usize,
    /// Prefix of "Edit this page" links: the page's path (`content/faq.md`)
    /// is appended, e.g. `https://github.com/org/playbook/edit/main/`.
    pub edit_url: String,
    /// Show each page's last change, from git.
    pub last_updated: bool,
    /// The zone sessions' `time`s are local to; without one, calendars
    /// get floating times (the same clock time in every reader's zone).
    #[serde(skip)]
    pub timezone: Option<Timezone>,
    /// `timezone` is written, right or wrong: a wrong one is its own
    /// error, and no warning says it is missing.
    #[serde(skip)]
    pub timezone_written: bool,
    /// `matching:`, for `mentorbook match` only: no page shows it.
    #[serde(skip)]
    pub matching: MatchingRules,
    /// The problems found in `matching:`, also among the site's
    /// diagnostics: `match` stops on these alone.
    #[serde(skip)]
    pub matching_problems: Vec<Diagnostic>,
    /// `programs:`, in the order listed; empty for a site that is one
    /// program (the model then makes one implicit program of it).
    #[serde(skip)]
    pub programs: Vec<ProgramConfig>,
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
    /// A mentor and mentee in one reporting line, either way, up to a depth.
    pub reporting_line: ReportingLine,
    pub max_pairs_per_person: u32,
    pub max_pairs: RuleLevel,
}

impl Rules {
    /// The most active pairs one person may be in, `None` when the
    /// `max_pairs` rule is off.
    pub fn pair_limit(&self) -> Option<u32> {
        self.max_pairs.severity().map(|_| self.max_pairs_per_person)
    }
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
                reporting_line: ReportingLine::default(),
                max_pairs_per_person: 2,
                max_pairs: RuleLevel::Error,
            },
            show_emails: false,
            min_group_size: 5,
            edit_url: String::new(),
            last_updated: true,
            timezone: None,
            timezone_written: false,
            matching: MatchingRules::default(),
            matching_problems: Vec::new(),
            programs: Vec::new(),
        }
    }
}

pub fn read(file: Option<&SourceFile>, diagnostics: &mut Vec<Diagnostic>) -> Config {
    let mut config = Config::default();
    let Some(file) = file else { return config };
    let node = match yaml::parse(&file.text, 1) {
        Ok(node) => node,
        Err(err) => {
            diagnostics.push(err.diagnostic(&file.path, "playbook.yaml"));
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
    web_address(&mut f, &BASE_URL, &mut config.base_url, &mut ctx);
    web_address(&mut f, &EDIT_URL, &mut config.edit_url, &mut ctx);
    if let Some(v) = f.bool("last_updated", &mut ctx) {
        config.last_updated = v;
    }
    config.timezone_written = f.has("timezone");
    config.timezone = timezone::read(&mut f, &mut ctx);
    if let Some(node) = f.node("markdown") {
        read_markdown(node, &mut config, &mut ctx);
    }
    if let Some(node) = f.node("progress") {
        read_progress(node, &mut config.progress, &mut ctx);
    }
    if let Some(node) = f.node("rules") {
        read_rules(node, &mut config.rules, &mut ctx);
    }
    if let Some(node) = f.node("people")
        && let Some(mut p) = Fields::new(node, "`people`", &mut ctx)
    {
        if let Some(v) = p.bool("show_emails", &mut ctx) {
            config.show_emails = v;
        }
        p.finish(&mut ctx, &|_| None);
    }
    if let Some(node) = f.node("privacy")
        && let Some(mut p) = Fields::new(node, "`privacy`", &mut ctx)
    {
        if let Some(v) = p.count("min_group_size", &mut ctx) {
            if v.value < 2 {
                // A figure of one respondent is that person's answer.
                ctx.push(
                    Diagnostic::error(
                        Code::BadValue,
                        v.span,
                        format!("`privacy.min_group_size` cannot be {}: a group of one is one person's answer", v.value),
                    )
                    .with_hint("use 2 or more; the default, 5, is what HR surveys usually require"),
                );
            } else {
                config.min_group_size = usize::try_from(v.value).unwrap_or(usize::MAX);
            }
        }
        p.finish(&mut ctx, &|_| None);
    }
    // After `progress` and `rules`, whose values a program inherits.
    if let Some(node) = f.node("programs") {
        programs::read(node, &mut config, &mut ctx);
    }
    let matching = f.node("matching");
    f.finish(&mut ctx, &|_| None);
    if let Some(node) = matching {
        // Kept apart as well as reported with the rest: `mentorbook match`
        // stops on these, while other playbook.yaml problems are `check`'s.
        let mut problems = Vec::new();
        config.matching = matching::read(
            node,
            &mut Ctx {
                file: &file.path,
                diagnostics: &mut problems,
            },
        );
        ctx.diagnostics.extend(problems.iter().cloned());
        config.matching_problems = problems;
    }
    config
}

/// A key whose value becomes a link or a calendar's URL.
pub struct AddressKey {
    pub key: &'static str,
    /// An address that would do, for the hint.
    pub example: &'static str,
}

pub const BASE_URL: AddressKey = AddressKey {
    key: "base_url",
    example: "https://intranet.example.com/mentoring/",
};
const EDIT_URL: AddressKey = AddressKey {
    key: "edit_url",
    example: "https://github.com/org/playbook/edit/main/",
};

/// Reads `address.key` into `target` when it is an absolute `http(s)`
/// address (or empty: unset), else reports it and leaves the default.
fn web_address(f: &mut Fields, address: &AddressKey, target: &mut String, ctx: &mut Ctx) {
    let Some(value) = f.string(address.key, ctx) else {
        return;
    };
    match web_address_problem(&value.value) {
        None => target.clone_from(&value.value),
        Some(problem) => ctx.push(
            Diagnostic::error(
                Code::BadValue,
                value.span,
                format!("`{}` {problem}", address.key),
            )
            .with_hint(format!(
                "write the full address, starting with `https://`, e.g. `{}`; percent-encode spaces (`%20`) and other such characters",
                address.example
            )),
        ),
    }
}

/// Why `url` cannot be an address readers' browsers and calendars follow:
/// only absolute `http://` and `https://` addresses (so no `javascript:`,
/// `data:` or `file:`), with a host, and without characters no URI may
/// hold (spaces, line breaks, quotes, `<`, `>`). Letters beyond ASCII are
/// fine: calendars get them percent-encoded. `None` when it is fine or
/// empty (unset).
pub fn web_address_problem(url: &str) -> Option<String> {
    if url.is_empty() {
        return None;
    }
    let rest = ["http://", "https://"].iter().find_map(|scheme| {
        url.get(..scheme.len())
            .filter(|start| start.eq_ignore_ascii_case(scheme))
            .map(|_| &url[scheme.len()..])
    });
    let Some(rest) = rest else {
        return Some("must be a web address starting with `https://` or `http://`".into());
    };
    if rest.split(['/', '?', '#']).next().is_none_or(str::is_empty) {
        return Some("has no host name after `//`".into());
    }
    let bad = url
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "\"<>\\^`{|}".contains(*c))?;
    Some(match bad {
        ' ' => "contains a space, which a web address cannot hold".into(),
        c if c.is_whitespace() || c.is_control() => {
            format!(
                "contains the character U+{:04X}, which a web address cannot hold",
                u32::from(c)
            )
        }
        c => format!("contains `{c}`, which a web address cannot hold"),
    })
}

fn read_markdown(node: &Node, config: &mut Config, ctx: &mut Ctx) {
    let Some(mut m) = Fields::new(node, "`markdown`", ctx) else {
        return;
    };
    if let Some(v) = m.one_of("raw_html", &RAW_HTML, ctx) {
        config.raw_html = v.value;
    }
    m.finish(ctx, &|_| None);
}

pub(super) fn read_progress(node: &Node, progress: &mut Thresholds, ctx: &mut Ctx) {
    let Some(mut p) = Fields::new(node, "`progress`", ctx) else {
        return;
    };
    if let Some(v) = p.count("stalled_after_periods", ctx) {
        progress.stalled_after_periods = v.value.max(1);
    }
    if let Some(v) = p.count("at_risk_behind", ctx) {
        progress.at_risk_behind = v.value.max(1);
    }
    p.finish(ctx, &|_| None);
}

pub(super) fn read_rules(node: &Node, rules: &mut Rules, ctx: &mut Ctx) {
    let Some(mut r) = Fields::new(node, "`rules`", ctx) else {
        return;
    };
    if let Some(node) = r.node("reporting_line") {
        reporting_line::read(node, &mut rules.reporting_line, ctx);
    }
    if let Some(level) = r.one_of("max_pairs", &MAX_PAIRS, ctx) {
        rules.max_pairs = level.value;
    }
    if let Some(v) = r.count("max_pairs_per_person", ctx) {
        rules.max_pairs_per_person = v.value;
    }
    r.finish(ctx, &|_| None);
}

const RAW_HTML: OneOf<RawHtml> = OneOf {
    field: "`raw_html`",
    values: &[("sanitize", RawHtml::Sanitize), ("allow", RawHtml::Allow)],
    hint: "use `sanitize` (the default) or `allow`",
};

const LEVELS: &[(&str, RuleLevel)] = &[
    ("error", RuleLevel::Error),
    ("warning", RuleLevel::Warning),
    ("off", RuleLevel::Off),
    ("false", RuleLevel::Off),
];
const LEVEL_HINT: &str = "use `error`, `warning` or `off`";
const MAX_PAIRS: OneOf<RuleLevel> = OneOf {
    field: "`max_pairs`",
    values: LEVELS,
    hint: LEVEL_HINT,
};

/// `playbook.yaml` holding `text`, read: the config and its problems.
#[cfg(test)]
pub(crate) fn read_text(text: &str) -> (Config, Vec<Diagnostic>) {
    let file = SourceFile {
        path: "playbook.yaml".into(),
        text: text.into(),
    };
    let mut diagnostics = Vec::new();
    (read(Some(&file), &mut diagnostics), diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pair_limit_comes_from_rules() {
        assert_eq!(Config::default().rules.pair_limit(), Some(2));
        let (config, diagnostics) = read_text("rules:\n  max_pairs_per_person: 3\n");
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(config.rules.pair_limit(), Some(3));
        let (config, _) = read_text("rules:\n  max_pairs: off\n");
        assert_eq!(config.rules.pair_limit(), None);
    }

    #[test]
    fn the_reporting_line_takes_a_level_alone_or_a_level_and_a_depth() {
        let rule = |text: &str| {
            let (config, diagnostics) = read_text(text);
            assert!(diagnostics.is_empty(), "{text}: {diagnostics:?}");
            config.rules.reporting_line
        };
        let default = ReportingLine::default();
        assert_eq!(
            (default.level, default.depth),
            (RuleLevel::Error, Depth::Levels(2))
        );
        assert_eq!(rule("title: T\n"), default);
        let warning = rule("rules: {reporting_line: warning}\n");
        assert_eq!(
            (warning.level, warning.depth),
            (RuleLevel::Warning, Depth::Levels(2))
        );
        assert_eq!(rule("rules: {reporting_line: false}\n").enforced(), None);
        let deep = rule("rules:\n  reporting_line:\n    depth: 3\n");
        assert_eq!(
            (deep.level, deep.enforced()),
            (RuleLevel::Error, Some(Depth::Levels(3)))
        );
        let all = rule("rules: {reporting_line: {level: warning, depth: all}}\n");
        assert_eq!((all.level, all.depth), (RuleLevel::Warning, Depth::All));
        assert!(Depth::All.covers(10_000) && Depth::Levels(2).covers(2));
        assert!(!Depth::Levels(2).covers(3));
    }

    #[test]
    fn a_bad_reporting_line_is_told_at_its_place() {
        for (text, message, col) in [
            (
                "rules:\n  reporting_line: {depth: 0}\n",
                "`rules.reporting_line.depth` cannot be `0`",
                27,
            ),
            (
                "rules:\n  reporting_line: {depth: [2]}\n",
                "`rules.reporting_line.depth` cannot be a list",
                27,
            ),
            (
                "rules:\n  reporting_line: maybe\n",
                "`reporting_line` cannot be `maybe`",
                19,
            ),
            (
                "rules:\n  reporting_line: [error]\n",
                "`reporting_line` cannot be a list",
                19,
            ),
        ] {
            let (config, diagnostics) = read_text(text);
            assert_eq!(diagnostics.len(), 1, "{text}: {diagnostics:?}");
            assert_eq!(diagnostics[0].code, "bad-value");
            assert_eq!(diagnostics[0].message, message);
            assert_eq!(
                (diagnostics[0].span.line, diagnostics[0].span.col),
                (2, col),
                "{text}"
            );
            assert_eq!(config.rules.reporting_line, ReportingLine::default());
        }
        let (_, diagnostics) = read_text("rules:\n  reporting_line: {levl: off}\n");
        assert_eq!(diagnostics[0].code, "unknown-field");
    }

    #[test]
    fn matching_problems_are_kept_apart_and_reported() {
        let (config, diagnostics) =
            read_text("markdown: {raw_html: maybe}\nmatching:\n  min_score: high\n");
        let codes: Vec<&str> = diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["bad-value", "wrong-type"]);
        assert_eq!(config.matching_problems, diagnostics[1..]);
        assert_eq!(config.matching, MatchingRules::default());
    }

    #[test]
    fn base_url_and_edit_url_must_be_web_addresses() {
        let (config, diagnostics) = read_text(
            "title: T\nbase_url: javascript:alert(1)\nedit_url: \"https://x.example/edit/\\r\\nX: y\"\n",
        );
        let found: Vec<_> = diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.span.line, d.span.col, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "bad-value",
                    2,
                    11,
                    "`base_url` must be a web address starting with `https://` or `http://`"
                ),
                (
                    "bad-value",
                    3,
                    11,
                    "`edit_url` contains the character U+000D, which a web address cannot hold"
                ),
            ]
        );
        assert!(
            diagnostics[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("https://"))
        );
        assert_eq!(
            (config.base_url.as_str(), config.edit_url.as_str()),
            ("", "")
        );
    }

    #[test]
    fn only_absolute_http_addresses_pass() {
        for fine in [
            "",
            "https://intranet.example/mentoring/",
            "HTTP://intranet.example",
            "https://wiki.example/Über/%20x?y=1#z",
            "https://user@host.example:8443/",
        ] {
            assert_eq!(web_address_problem(fine), None, "{fine}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript://%0Aalert(1)",
            "data:text/html,x",
            "file:///etc/passwd",
            "//intranet.example/",
            "/mentoring/",
            "intranet.example",
            "https://",
            "https:///path",
            "https://a.example/a b",
            "https://a.example/\nURL:x",
            "https://a.example/\"onmouseover=x",
            "https://a.example/<script>",
        ] {
            assert!(web_address_problem(bad).is_some(), "{bad:?}");
        }
    }
}
