//! Stage 3: rules over the whole playbook. Field-level problems were found
//! while reading; here go the ones that need more than one file.

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::fields::did_you_mean;
use crate::model::{Kind, Page, Pair, PairOverride, PersonRef, Playbook, SessionStatus};
use std::collections::{HashMap, HashSet};

/// Output paths the build writes besides pages; content may not take them.
pub const RESERVED_URLS: &[&str] = &["progress/", "people/", "search/", "static/"];

/// Anchors the templates add to a page of each kind, so links to them
/// (`sessions/01-kickoff.md#agenda`) are valid.
pub fn generated_anchors(kind: &Kind) -> &'static [&'static str] {
    match kind {
        Kind::Session(_) => &["agenda", "prepare", "prompts"],
        Kind::Roster(_) => &["pairs"],
        Kind::Guide => &["checklist", "steps"],
        Kind::Goals(_) => &["goals-table", "chart"],
        Kind::Pair(_) => &["sessions", "goals"],
        Kind::Page | Kind::Step(_) => &[],
    }
}

pub fn check(playbook: &Playbook) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    duplicate_ids(playbook, &mut out);
    duplicate_urls(playbook, &mut out);
    people(playbook, &mut out);
    pairs(playbook, &mut out);
    sessions_and_dates(playbook, &mut out);
    links(playbook, &mut out);
    out
}

fn duplicate<'a>(
    out: &mut Vec<Diagnostic>,
    what: &str,
    items: impl Iterator<Item = (&'a str, &'a Span)>,
) {
    let mut first: HashMap<&str, &Span> = HashMap::new();
    for (id, span) in items {
        if let Some(earlier) = first.get(id) {
            out.push(
                Diagnostic::error(
                    "duplicate-id",
                    span.clone(),
                    format!("{what} id `{id}` is used twice"),
                )
                .with_hint(format!(
                    "it is first used at {}:{}; give each {what} its own id",
                    earlier.file, earlier.line
                )),
            );
        } else {
            first.insert(id, span);
        }
    }
}

fn page_span(page: &Page) -> Span {
    Span::file(&page.file)
}

fn duplicate_ids(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let template_spans: Vec<(&str, Span)> = playbook
        .pages
        .iter()
        .filter(|p| matches!(p.kind, Kind::Session(_)))
        .map(|p| (p.id.as_str(), page_span(p)))
        .collect();
    duplicate(
        out,
        "session template",
        template_spans.iter().map(|(id, s)| (*id, s)),
    );
    duplicate(
        out,
        "pair",
        playbook
            .pairs
            .iter()
            .map(|p| (p.id.value.as_str(), &p.id.span)),
    );
    duplicate(
        out,
        "person",
        playbook.people.iter().map(|p| (p.id.as_str(), &p.span)),
    );
    for page in &playbook.pages {
        if let Kind::Goals(goals) = &page.kind {
            duplicate(out, "goal", goals.iter().map(|g| (g.id.as_str(), &g.span)));
        }
    }
}

fn duplicate_urls(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let mut taken: HashMap<&str, &str> = HashMap::new();
    for page in &playbook.pages {
        if RESERVED_URLS.contains(&page.url.as_str()) {
            out.push(
                Diagnostic::error(
                    "duplicate-url",
                    page_span(page),
                    format!("`{}` is a page mentorbook generates", page.url),
                )
                .with_hint("rename the file or its folder"),
            );
        }
        if let Some(other) = taken.insert(page.url.as_str(), page.file.as_str()) {
            out.push(
                Diagnostic::error(
                    "duplicate-url",
                    page_span(page),
                    format!(
                        "this page and {other} would both be written to `{}`",
                        display_url(&page.url)
                    ),
                )
                .with_hint("rename one of the files (pair files are written to pairs/<id>/)"),
            );
        }
    }
    // Pairs without a file of their own get a page at pairs/<id>/ too.
    for pair in playbook.pairs.iter().filter(|p| p.page.is_none()) {
        let url = format!("pairs/{}/", pair.id.value);
        if let Some(other) = taken.get(url.as_str()) {
            out.push(
                Diagnostic::error(
                    "duplicate-url",
                    pair.id.span.clone(),
                    format!(
                        "pair `{}` and {other} would both be written to `{url}`",
                        pair.id.value
                    ),
                )
                .with_hint("rename the page, or make it the pair's file with `kind: pair`"),
            );
        }
    }
}

fn display_url(url: &str) -> &str {
    if url.is_empty() { "/" } else { url }
}

fn people(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let ids: HashSet<&str> = playbook.people.iter().map(|p| p.id.as_str()).collect();
    let known: Vec<&str> = ids.iter().copied().collect();
    for person in &playbook.people {
        if let Some(boss) = &person.reports_to
            && !ids.contains(boss.value.as_str())
        {
            out.push(unknown_person(&boss.value, &boss.span, &known));
        }
    }
    // A loop in reports_to would make every reporting-line question endless.
    let boss_of: HashMap<&str, &str> = reporting_map(playbook);
    let mut reported: HashSet<&str> = HashSet::new();
    for person in &playbook.people {
        let mut seen = vec![person.id.as_str()];
        let mut current = person.id.as_str();
        while let Some(&boss) = boss_of.get(current) {
            if boss == person.id {
                if seen.iter().all(|id| !reported.contains(id)) {
                    reported.extend(seen.iter().copied());
                    let span = person
                        .reports_to
                        .as_ref()
                        .map_or_else(|| person.span.clone(), |r| r.span.clone());
                    out.push(
                        Diagnostic::error(
                            "reporting-loop",
                            span,
                            format!("`reports_to` goes round in a circle: {} -> {}", seen.join(" -> "), person.id),
                        )
                        .with_hint("someone in this chain must report to a person outside it (or to nobody)"),
                    );
                }
                break;
            }
            if seen.contains(&boss) {
                break;
            }
            seen.push(boss);
            current = boss;
        }
    }
}

fn reporting_map(playbook: &Playbook) -> HashMap<&str, &str> {
    playbook
        .people
        .iter()
        .filter_map(|p| {
            p.reports_to
                .as_ref()
                .map(|r| (p.id.as_str(), r.value.as_str()))
        })
        .collect()
}

fn unknown_person(id: &str, span: &Span, known: &[&str]) -> Diagnostic {
    let hint = did_you_mean(id, known).map_or_else(
        || {
            "declare the person in data/people.csv, data/people.yaml or a roster's `people:`"
                .to_string()
        },
        |near| format!("did you mean `{near}`?"),
    );
    Diagnostic::error(
        "unknown-person",
        span.clone(),
        format!("no person has the id `{id}`"),
    )
    .with_hint(hint)
}

/// `a` is above `b` in the reporting line (b reports to a, directly or not).
fn manages(boss_of: &HashMap<&str, &str>, a: &str, b: &str) -> Option<usize> {
    let mut current = b;
    for depth in 1..=boss_of.len() {
        let boss = boss_of.get(current)?;
        if *boss == a {
            return Some(depth);
        }
        current = boss;
    }
    None
}

fn pairs(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let ids: HashSet<&str> = playbook.people.iter().map(|p| p.id.as_str()).collect();
    let known: Vec<&str> = ids.iter().copied().collect();
    let boss_of = reporting_map(playbook);
    let mut active_pairs: HashMap<&str, Vec<&Pair>> = HashMap::new();
    for pair in &playbook.pairs {
        let mut resolved = Vec::new();
        for (role, person) in [("mentor", &pair.mentor), ("mentee", &pair.mentee)] {
            match person {
                None => out.push(
                    Diagnostic::error(
                        "missing-field",
                        pair.id.span.clone(),
                        format!("pair `{}` has no {role}", pair.id.value),
                    )
                    .with_hint(format!("add `{role}: <person id>`")),
                ),
                Some(PersonRef::Id(id)) if !ids.contains(id.value.as_str()) => {
                    out.push(unknown_person(&id.value, &id.span, &known));
                }
                Some(PersonRef::Id(id)) => resolved.push((role, id)),
                Some(PersonRef::Inline(_)) => {}
            }
        }
        if let [(_, mentor), (_, mentee)] = resolved.as_slice() {
            if mentor.value == mentee.value {
                out.push(
                    Diagnostic::error(
                        "same-person",
                        mentee.span.clone(),
                        format!("`{}` cannot mentor themselves", mentor.value),
                    )
                    .with_hint("choose a different mentee"),
                );
            } else if let Some(severity) = playbook.config.rules.reporting_line.severity() {
                reporting_line(&boss_of, pair, mentor, mentee, severity, out);
            }
        }
        if pair.status.is_none_or(|s| s == PairOverride::Paused) {
            for (_, id) in &resolved {
                active_pairs
                    .entry(id.value.as_str())
                    .or_default()
                    .push(pair);
            }
        }
    }
    let max = playbook.config.rules.max_pairs_per_person as usize;
    if let Some(severity) = playbook.config.rules.max_pairs.severity() {
        let mut crowded: Vec<(&str, &Vec<&Pair>)> = active_pairs
            .iter()
            .map(|(k, v)| (*k, v))
            .filter(|(_, v)| v.len() > max)
            .collect();
        crowded.sort_by_key(|(person, _)| *person);
        for (person, pairs) in crowded {
            let ids: Vec<&str> = pairs.iter().map(|p| p.id.value.as_str()).collect();
            out.push(
                Diagnostic::error(
                    "too-many-pairs",
                    pairs[max].id.span.clone(),
                    format!(
                        "`{person}` is in {} active pairs ({}); the limit is {max}",
                        pairs.len(),
                        ids.join(", ")
                    ),
                )
                .with_hint(
                    "pair them fewer times, or raise `rules.max_pairs_per_person` in playbook.yaml",
                )
                .with_severity(severity),
            );
        }
    }
}

fn reporting_line(
    boss_of: &HashMap<&str, &str>,
    pair: &Pair,
    mentor: &crate::fields::Spanned<String>,
    mentee: &crate::fields::Spanned<String>,
    severity: Severity,
    out: &mut Vec<Diagnostic>,
) {
    let (boss, report, depth) = if let Some(depth) = manages(boss_of, &mentor.value, &mentee.value)
    {
        (&mentor.value, &mentee.value, depth)
    } else if let Some(depth) = manages(boss_of, &mentee.value, &mentor.value) {
        (&mentee.value, &mentor.value, depth)
    } else {
        return;
    };
    let how = if depth == 1 {
        "directly".to_string()
    } else {
        format!("through {} level(s) of management", depth - 1)
    };
    out.push(
        Diagnostic::error(
            "reporting-line",
            mentee.span.clone(),
            format!("pair `{}`: `{report}` reports to `{boss}` {how}", pair.id.value),
        )
        .with_hint("pair people outside each other's reporting line, or set `rules.reporting_line` in playbook.yaml")
        .with_severity(severity),
    );
}

fn sessions_and_dates(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let templates: Vec<&str> = playbook
        .pages
        .iter()
        .filter(|p| matches!(p.kind, Kind::Session(_)))
        .map(|p| p.id.as_str())
        .collect();
    for page in &playbook.pages {
        match &page.kind {
            Kind::Roster(roster) => {
                if let (Some(start), Some(end)) = (&roster.start, &roster.end)
                    && end.value < start.value
                {
                    out.push(
                        Diagnostic::error(
                            "dates-backwards",
                            end.span.clone(),
                            format!(
                                "the roster ends ({}) before it starts ({})",
                                end.value, start.value
                            ),
                        )
                        .with_hint("swap `start` and `end`, or fix the year"),
                    );
                }
            }
            Kind::Session(template) => {
                let total: u32 = template.agenda.iter().map(|a| a.minutes).sum();
                if let Some(duration) = &template.duration
                    && !template.agenda.is_empty()
                    && total != duration.value
                {
                    out.push(
                        Diagnostic::warning(
                            "agenda-duration",
                            duration.span.clone(),
                            format!(
                                "the agenda adds up to {total} minutes but `duration` is {}",
                                duration.value
                            ),
                        )
                        .with_hint("make the agenda's minutes add up to the duration"),
                    );
                }
            }
            _ => {}
        }
    }
    for pair in &playbook.pairs {
        let start = pair.start.as_ref();
        if let (Some(start), Some(end)) = (start, pair.end)
            && end < start.value
        {
            out.push(
                Diagnostic::error(
                    "dates-backwards",
                    start.span.clone(),
                    format!(
                        "pair `{}` starts ({}) after it ends ({end})",
                        pair.id.value, start.value
                    ),
                )
                .with_hint("check the pair's `start` and the roster's `end`"),
            );
        }
        for session in &pair.sessions {
            if let Some(start) = start
                && session.date.value < start.value
                && session.status != SessionStatus::Cancelled
            {
                out.push(
                    Diagnostic::error(
                        "session-before-start",
                        session.date.span.clone(),
                        format!(
                            "this session ({}) is dated before pair `{}` starts ({})",
                            session.date.value, pair.id.value, start.value
                        ),
                    )
                    .with_hint("fix the date, or set the pair's `start` earlier"),
                );
            }
            if let Some(template) = &session.template
                && !templates.contains(&template.value.as_str())
            {
                let hint = did_you_mean(&template.value, &templates).map_or_else(
                    || {
                        format!(
                            "session templates are pages with `kind: session`; known: {}",
                            templates.join(", ")
                        )
                    },
                    |near| format!("did you mean `{near}`?"),
                );
                out.push(
                    Diagnostic::error(
                        "unknown-template",
                        template.span.clone(),
                        format!("no session template has the id `{}`", template.value),
                    )
                    .with_hint(hint),
                );
            }
        }
    }
}

/// Where an internal link points, if it is one we can check.
pub enum LinkTarget<'a> {
    External,
    /// The page's own heading.
    Anchor(&'a str),
    Page {
        file: String,
        anchor: Option<&'a str>,
    },
    /// A relative link to something that is not a Markdown page.
    Other,
}

pub fn classify_link<'a>(from_file: &str, dest: &'a str) -> LinkTarget<'a> {
    let has_scheme = dest.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if has_scheme || dest.starts_with("//") {
        return LinkTarget::External;
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or("");
    if path.is_empty() {
        return anchor.map_or(LinkTarget::Other, LinkTarget::Anchor);
    }
    if !(path.ends_with(".md") || path.ends_with(".markdown")) {
        return LinkTarget::Other;
    }
    let base = if path.starts_with('/') {
        "content".to_string()
    } else {
        from_file
            .rsplit_once('/')
            .map_or("", |(dir, _)| dir)
            .to_string()
    };
    LinkTarget::Page {
        file: join_path(&base, &percent_decode(path)),
        anchor,
    }
}

fn join_path(base: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn links(playbook: &Playbook, out: &mut Vec<Diagnostic>) {
    let by_file: HashMap<&str, &Page> = playbook
        .pages
        .iter()
        .map(|p| (p.file.as_str(), p))
        .collect();
    let files: Vec<&str> = by_file.keys().copied().collect();
    for page in &playbook.pages {
        for link in &page.scan.links {
            let span = Span::new(&page.file, link.line, link.col);
            let (target, anchor) = match classify_link(&page.file, &link.dest) {
                LinkTarget::External | LinkTarget::Other => continue,
                LinkTarget::Anchor(anchor) => (page, anchor),
                LinkTarget::Page { file, anchor } => match by_file.get(file.as_str()) {
                    Some(target) => match anchor {
                        Some(anchor) => (*target, anchor),
                        None => continue,
                    },
                    None => {
                        let hint = did_you_mean(&file, &files).map_or_else(
                            || "link to a .md file relative to this one, e.g. `../launch/01-define-goals.md`".to_string(),
                            |near| format!("did you mean `{}`?", relative_link(&page.file, near)),
                        );
                        out.push(
                            Diagnostic::error(
                                "broken-link",
                                span,
                                format!(
                                    "link to `{}` points at no page (looked for {file})",
                                    link.dest
                                ),
                            )
                            .with_hint(hint),
                        );
                        continue;
                    }
                },
            };
            if anchor.is_empty() || has_anchor(target, anchor) {
                continue;
            }
            let ids: Vec<&str> = target.scan.headings.iter().map(|h| h.id.as_str()).collect();
            let hint = did_you_mean(anchor, &ids).map_or_else(
                || {
                    if ids.is_empty() {
                        format!("{} has no headings to link to", target.file)
                    } else {
                        format!("headings of {}: #{}", target.file, ids.join(", #"))
                    }
                },
                |near| format!("did you mean `#{near}`?"),
            );
            out.push(
                Diagnostic::error(
                    "broken-anchor",
                    span,
                    format!(
                        "`{}` has no heading with the anchor `#{anchor}`",
                        target.file
                    ),
                )
                .with_hint(hint),
            );
        }
    }
}

fn has_anchor(page: &Page, anchor: &str) -> bool {
    page.scan.headings.iter().any(|h| h.id == anchor)
        || generated_anchors(&page.kind).contains(&anchor)
        || anchor.starts_with("fn-")
        || matches!(anchor, "main" | "top")
}

/// How to write a link from `from` (a content file) to `to`.
fn relative_link(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = from
        .rsplit_once('/')
        .map_or("", |(d, _)| d)
        .split('/')
        .collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<&str> = vec![".."; from_dir.len() - common];
    parts.extend(&to_parts[common..]);
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_relative_to_the_file() {
        match classify_link("content/launch/01-a.md", "../goals.md#targets") {
            LinkTarget::Page { file, anchor } => {
                assert_eq!(file, "content/goals.md");
                assert_eq!(anchor, Some("targets"));
            }
            _ => panic!("expected a page link"),
        }
        assert!(matches!(
            classify_link("content/a.md", "https://x.org/a.md"),
            LinkTarget::External
        ));
        assert!(matches!(
            classify_link("content/a.md", "mailto:x@y"),
            LinkTarget::External
        ));
        assert!(matches!(
            classify_link("content/a.md", "#top"),
            LinkTarget::Anchor("top")
        ));
        assert!(matches!(
            classify_link("content/a.md", "img.png"),
            LinkTarget::Other
        ));
    }

    #[test]
    fn suggested_links_are_relative() {
        assert_eq!(
            relative_link("content/launch/01-a.md", "content/goals.md"),
            "../goals.md"
        );
        assert_eq!(
            relative_link("content/launch/01-a.md", "content/launch/02-b.md"),
            "02-b.md"
        );
    }
}
