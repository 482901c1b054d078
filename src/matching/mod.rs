//! `mentorbook match`: proposes mentor/mentee pairs from a sign-up list.
//!
//! Hard rules (reporting line, skip level, same manager, same team, avoid
//! lists, capacities, pairs already running) decide who may be paired; a
//! score (skill gap, shared interests, work style) ranks the rest; and the
//! Kuhn–Munkres algorithm picks the assignment with the highest total
//! score over all pairs at once, not greedily. The result is a roster
//! draft (`kind: roster`) for a coordinator to review in a pull request.

use crate::diagnostic::{Diagnostic, Span};
use crate::fields::{Ctx, Fields, Spanned, did_you_mean};
use crate::load::SourceFile;
use crate::model::{PairOverride, Person, PersonRef, Playbook};
use crate::yaml::{self, Value};
use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

/// The columns of `data/signups.csv`; `id` is required, `name` too unless
/// the id is a declared person.
pub const COLUMNS: &[&str] = &[
    "id",
    "name",
    "role",
    "team",
    "reports_to",
    "side",
    "can_teach",
    "wants_to_learn",
    "interests",
    "work_style",
    "capacity",
    "avoid",
];

/// The default place of the sign-up list, relative to the site folder.
pub const SIGNUPS_FILE: &str = "data/signups.csv";

/// Which combinations are never proposed (`matching.exclude`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exclude {
    pub reporting_line: bool,
    pub skip_level: bool,
    pub same_manager: bool,
    pub same_team: bool,
    pub avoid: bool,
}

/// `matching.weights`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weights {
    pub skill_gap: i64,
    pub shared_interests: i64,
    pub work_style: i64,
}

/// The `matching:` section of playbook.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    pub exclude: Exclude,
    pub weights: Weights,
    pub min_score: i64,
    /// From `rules.max_pairs_per_person`: nobody is proposed into more
    /// active pairs than `check` allows. `None` when that rule is off.
    pub max_pairs_per_person: Option<u32>,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            exclude: Exclude {
                reporting_line: true,
                skip_level: true,
                same_manager: true,
                same_team: false,
                avoid: true,
            },
            weights: Weights {
                skill_gap: 3,
                shared_interests: 1,
                work_style: 1,
            },
            min_score: 0,
            max_pairs_per_person: Some(2),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mentor,
    Mentee,
    Either,
}

/// One row of the sign-up list, completed from the declared people.
#[derive(Debug, Clone, PartialEq)]
pub struct Signup {
    pub id: String,
    pub name: String,
    pub role: String,
    pub team: String,
    pub reports_to: Option<String>,
    pub side: Side,
    pub can_teach: Vec<String>,
    pub wants_to_learn: Vec<String>,
    pub interests: Vec<String>,
    pub work_style: String,
    pub capacity: u32,
    pub avoid: Vec<String>,
    /// Whether the id is a declared person (else the draft declares them).
    pub declared: bool,
}

impl Signup {
    /// `either` counts as a mentor when they can teach something, else as
    /// a mentee.
    pub fn acts_as_mentor(&self) -> bool {
        match self.side {
            Side::Mentor => true,
            Side::Mentee => false,
            Side::Either => !self.can_teach.is_empty(),
        }
    }
}

/// Why a combination is never proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    ReportingLine,
    SkipLevel,
    SameManager,
    SameTeam,
    Avoid,
    SamePerson,
}

impl Exclusion {
    /// The `matching.exclude` key (or a plain reason).
    pub fn rule(self) -> &'static str {
        match self {
            Exclusion::ReportingLine => "reporting_line",
            Exclusion::SkipLevel => "skip_level",
            Exclusion::SameManager => "same_manager",
            Exclusion::SameTeam => "same_team",
            Exclusion::Avoid => "avoid",
            Exclusion::SamePerson => "same_person",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Exclusion::ReportingLine => "one is in the other's reporting line",
            Exclusion::SkipLevel => "one is the other's manager's manager",
            Exclusion::SameManager => "they report to the same manager",
            Exclusion::SameTeam => "they are in the same team",
            Exclusion::Avoid => "one asked to avoid the other",
            Exclusion::SamePerson => "the same person",
        }
    }
}

/// The score of an eligible combination and what it is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub total: i64,
    /// Skills the mentor can teach and the mentee wants to learn (as the
    /// mentee wrote them).
    pub skills: Vec<String>,
    pub interests: Vec<String>,
    pub work_style: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedPair {
    pub mentor: String,
    pub mentee: String,
    pub score: Score,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    pub id: String,
    pub as_mentor: bool,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// Sorted by mentor, then mentee.
    pub pairs: Vec<ProposedPair>,
    pub unmatched: Vec<Unmatched>,
    pub total_score: i64,
}

/// Reads `matching:` from playbook.yaml (already checked for YAML syntax
/// by `config::read`; syntax errors are reported there).
pub fn read_rules(config: Option<&SourceFile>, diagnostics: &mut Vec<Diagnostic>) -> Rules {
    let mut rules = Rules::default();
    let Some(file) = config else { return rules };
    let Ok(root) = yaml::parse(&file.text, 1) else {
        return rules;
    };
    let mut ctx = Ctx {
        file: &file.path,
        diagnostics,
    };
    // The top level is checked by config::read; only look at our key.
    let Value::Map(entries) = &root.value else {
        return rules;
    };
    let Some((_, node)) = entries
        .iter()
        .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == "matching"))
    else {
        return rules;
    };
    if node.value == Value::Null {
        return rules;
    }
    let Some(mut m) = Fields::new(node, "`matching`", &mut ctx) else {
        return rules;
    };
    if let Some(node) = m.node("exclude")
        && let Some(mut e) = Fields::new(node, "`matching.exclude`", &mut ctx)
    {
        let x = &mut rules.exclude;
        for (key, target) in [
            ("reporting_line", &mut x.reporting_line),
            ("skip_level", &mut x.skip_level),
            ("same_manager", &mut x.same_manager),
            ("same_team", &mut x.same_team),
            ("avoid", &mut x.avoid),
        ] {
            if let Some(v) = e.bool(key, &mut ctx) {
                *target = v;
            }
        }
        e.finish(&mut ctx, &|_| None);
    }
    if let Some(node) = m.node("weights")
        && let Some(mut w) = Fields::new(node, "`matching.weights`", &mut ctx)
    {
        let x = &mut rules.weights;
        for (key, target) in [
            ("skill_gap", &mut x.skill_gap),
            ("shared_interests", &mut x.shared_interests),
            ("work_style", &mut x.work_style),
        ] {
            if let Some(v) = w.count(key, &mut ctx) {
                *target = i64::from(v.value);
            }
        }
        w.finish(&mut ctx, &|_| None);
    }
    if let Some(v) = m.int("min_score", &mut ctx) {
        rules.min_score = v.value;
    }
    m.finish(&mut ctx, &|_| None);
    rules
}

fn list(text: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for item in text.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        if !items.iter().any(|i| norm(i) == norm(item)) {
            items.push(item.to_string());
        }
    }
    items
}

fn norm(text: &str) -> String {
    text.trim().to_lowercase()
}

/// Reads the sign-up list. Rows with errors are left out (and reported).
pub fn read_signups(
    file: &SourceFile,
    people: &[Person],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Signup> {
    let path = file.path.as_str();
    let rows = match crate::csv_rows::read(file) {
        Ok(rows) => rows,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return Vec::new();
        }
    };
    let Some(head) = rows.first() else {
        diagnostics.push(
            Diagnostic::error(
                "missing-field",
                Span::file(path),
                "the sign-up list is empty",
            )
            .with_hint(format!("start with a header line: {}", COLUMNS.join(","))),
        );
        return Vec::new();
    };
    let header: Vec<String> = head.cells.iter().map(|c| c.to_lowercase()).collect();
    let mut ok = true;
    for (i, column) in header.iter().enumerate() {
        if !COLUMNS.contains(&column.as_str()) {
            ok = false;
            let hint = did_you_mean(column, COLUMNS).map_or_else(
                || format!("known columns: {}", COLUMNS.join(", ")),
                |near| format!("did you mean `{near}`?"),
            );
            diagnostics.push(
                Diagnostic::error(
                    "unknown-field",
                    Span::new(path, head.line, head.cols[i]),
                    format!("unknown column `{column}`"),
                )
                .with_hint(hint),
            );
        }
    }
    if !header.iter().any(|h| h == "id") {
        ok = false;
        diagnostics.push(
            Diagnostic::error(
                "missing-field",
                Span::new(path, head.line, 1),
                "the header has no `id` column",
            )
            .with_hint(format!("columns: {}", COLUMNS.join(","))),
        );
    }
    if !ok {
        return Vec::new();
    }
    let declared: HashMap<&str, &Person> = people.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut signups = Vec::new();
    for row in rows.iter().skip(1) {
        if row.cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let cell = |column: &str| -> Option<Spanned<String>> {
            let i = header.iter().position(|h| h == column)?;
            let value = row.cells.get(i).filter(|v| !v.is_empty())?;
            let col = row.cols.get(i).copied().unwrap_or(1);
            Some(Spanned::new(value.clone(), Span::new(path, row.line, col)))
        };
        let text = |column: &str| cell(column).map(|v| v.value).unwrap_or_default();
        let Some(id) = cell("id") else {
            diagnostics.push(
                Diagnostic::error(
                    "missing-field",
                    Span::new(path, row.line, 1),
                    "this row has no `id`",
                )
                .with_hint("fill in the `id` column"),
            );
            continue;
        };
        if let Some(first) = seen.insert(id.value.clone(), row.line) {
            diagnostics.push(
                Diagnostic::error(
                    "duplicate-id",
                    id.span.clone(),
                    format!("`{}` signed up twice (first on line {first})", id.value),
                )
                .with_hint("keep one row per person"),
            );
            continue;
        }
        let person = declared.get(id.value.as_str()).copied();
        let or_person = |value: String, from: &dyn Fn(&Person) -> String| {
            if value.is_empty() {
                person.map(from).unwrap_or_default()
            } else {
                value
            }
        };
        let name = or_person(text("name"), &|p| p.name.clone());
        if name.is_empty() {
            diagnostics.push(
                Diagnostic::error(
                    "missing-field",
                    id.span.clone(),
                    format!("`{}` has no `name` and is not a declared person", id.value),
                )
                .with_hint("fill in the `name` column"),
            );
            continue;
        }
        let side = match cell("side") {
            None => Side::Either,
            Some(v) => match norm(&v.value).as_str() {
                "mentor" => Side::Mentor,
                "mentee" => Side::Mentee,
                "either" => Side::Either,
                other => {
                    diagnostics.push(
                        Diagnostic::error(
                            "bad-value",
                            v.span,
                            format!("`side` cannot be `{other}`"),
                        )
                        .with_hint("use `mentor`, `mentee` or `either`"),
                    );
                    continue;
                }
            },
        };
        let capacity = match cell("capacity") {
            None => 1,
            Some(v) => match v.value.parse::<u32>() {
                Ok(n) => n,
                Err(_) => {
                    diagnostics.push(
                        Diagnostic::error(
                            "wrong-type",
                            v.span,
                            format!("`capacity` must be a whole number, found `{}`", v.value),
                        )
                        .with_hint("how many mentees this mentor can take, e.g. 1"),
                    );
                    continue;
                }
            },
        };
        let reports_to = cell("reports_to")
            .map(|v| v.value)
            .or_else(|| person.and_then(|p| p.reports_to.as_ref().map(|r| r.value.clone())));
        signups.push(Signup {
            role: or_person(text("role"), &|p| p.role.clone()),
            team: or_person(text("team"), &|p| p.team.clone()),
            name,
            reports_to,
            side,
            can_teach: list(&text("can_teach")),
            wants_to_learn: list(&text("wants_to_learn")),
            interests: list(&text("interests")),
            work_style: text("work_style"),
            capacity,
            avoid: list(&text("avoid")),
            declared: person.is_some(),
            id: id.value,
        });
    }
    // `avoid` and `reports_to` must name someone known.
    let known: HashSet<&str> = declared
        .keys()
        .copied()
        .chain(signups.iter().map(|s| s.id.as_str()))
        .collect();
    let mut known_list: Vec<&str> = known.iter().copied().collect();
    known_list.sort_unstable();
    for row in rows.iter().skip(1) {
        for column in ["avoid", "reports_to"] {
            let Some(i) = header.iter().position(|h| h == column) else {
                continue;
            };
            let Some(value) = row.cells.get(i) else {
                continue;
            };
            for item in list(value) {
                if !known.contains(item.as_str()) {
                    let col = row.cols.get(i).copied().unwrap_or(1);
                    let mut d = Diagnostic::error(
                        "unknown-person",
                        Span::new(path, row.line, col),
                        format!("`{column}`: nobody has the id `{item}`"),
                    );
                    if let Some(near) = did_you_mean(&item, &known_list) {
                        d = d.with_hint(format!("did you mean `{near}`?"));
                    }
                    diagnostics.push(d);
                }
            }
        }
    }
    signups.sort_by(|a, b| a.id.cmp(&b.id));
    signups
}

/// Everyone's manager: declared people, overridden by sign-up rows.
fn managers(signups: &[Signup], people: &[Person]) -> HashMap<String, String> {
    let mut boss: HashMap<String, String> = people
        .iter()
        .filter_map(|p| Some((p.id.clone(), p.reports_to.as_ref()?.value.clone())))
        .collect();
    for s in signups {
        if let Some(r) = &s.reports_to {
            boss.insert(s.id.clone(), r.clone());
        }
    }
    boss
}

/// Whether `top` is above `person` in the reporting line (any depth).
fn is_above(boss: &HashMap<String, String>, top: &str, person: &str) -> bool {
    let mut seen = HashSet::new();
    let mut current = person;
    while let Some(next) = boss.get(current) {
        if next == top {
            return true;
        }
        if !seen.insert(next.as_str()) {
            return false;
        }
        current = next;
    }
    false
}

fn grand_boss<'a>(boss: &'a HashMap<String, String>, person: &str) -> Option<&'a str> {
    let manager = boss.get(person)?;
    boss.get(manager).map(String::as_str)
}

/// The first hard rule that forbids pairing `a` with `b`, if any.
fn exclusion(
    rules: &Rules,
    boss: &HashMap<String, String>,
    a: &Signup,
    b: &Signup,
) -> Option<Exclusion> {
    let x = rules.exclude;
    if a.id == b.id {
        return Some(Exclusion::SamePerson);
    }
    if x.avoid && (a.avoid.contains(&b.id) || b.avoid.contains(&a.id)) {
        return Some(Exclusion::Avoid);
    }
    if x.skip_level
        && (grand_boss(boss, &a.id) == Some(b.id.as_str())
            || grand_boss(boss, &b.id) == Some(a.id.as_str()))
    {
        return Some(Exclusion::SkipLevel);
    }
    if x.reporting_line && (is_above(boss, &a.id, &b.id) || is_above(boss, &b.id, &a.id)) {
        return Some(Exclusion::ReportingLine);
    }
    if x.same_manager
        && let (Some(m1), Some(m2)) = (boss.get(&a.id), boss.get(&b.id))
        && m1 == m2
    {
        return Some(Exclusion::SameManager);
    }
    if x.same_team && !a.team.trim().is_empty() && norm(&a.team) == norm(&b.team) {
        return Some(Exclusion::SameTeam);
    }
    None
}

fn common(left: &[String], right: &[String]) -> Vec<String> {
    let left: HashSet<String> = left.iter().map(|s| norm(s)).collect();
    right
        .iter()
        .filter(|s| left.contains(&norm(s)))
        .cloned()
        .collect()
}

/// The score of a mentor for a mentee.
pub fn score(rules: &Rules, mentor: &Signup, mentee: &Signup) -> Score {
    let skills = common(&mentor.can_teach, &mentee.wants_to_learn);
    let interests = common(&mentee.interests, &mentor.interests);
    let work_style = (!mentor.work_style.trim().is_empty()
        && norm(&mentor.work_style) == norm(&mentee.work_style))
    .then(|| mentor.work_style.clone());
    let w = rules.weights;
    let total = w.skill_gap * skills.len() as i64
        + w.shared_interests * interests.len() as i64
        + w.work_style * i64::from(work_style.is_some());
    Score {
        total,
        skills,
        interests,
        work_style,
    }
}

/// Active pairs (not completed or withdrawn) per person, and the people
/// who are already a mentee in one. Rosters in `*-draft.md` files (earlier
/// proposals) do not count.
fn existing(playbook: &Playbook) -> (HashMap<String, u32>, HashSet<String>) {
    let mut active: HashMap<String, u32> = HashMap::new();
    let mut mentees = HashSet::new();
    for pair in &playbook.pairs {
        if !pair.status.is_none_or(|s| s == PairOverride::Paused) {
            continue;
        }
        if playbook
            .pages
            .get(pair.roster)
            .is_some_and(|page| is_draft(&page.file))
        {
            continue;
        }
        for (is_mentee, person) in [(false, &pair.mentor), (true, &pair.mentee)] {
            if let Some(PersonRef::Id(id)) = person {
                *active.entry(id.value.clone()).or_default() += 1;
                if is_mentee {
                    mentees.insert(id.value.clone());
                }
            }
        }
    }
    (active, mentees)
}

/// Whether a roster page is an earlier proposal (`*-draft.md`), which
/// `match` ignores: its pairs and people are proposed afresh.
fn is_draft(file: &str) -> bool {
    file.ends_with("-draft.md")
}

/// The declared people, except those declared only in a draft roster.
pub fn declared_people(playbook: &Playbook) -> Vec<Person> {
    playbook
        .people
        .iter()
        .filter(|p| !is_draft(&p.span.file))
        .cloned()
        .collect()
}

/// Everything the matcher knows, for `propose` and `explain`.
pub struct Input<'a> {
    pub signups: &'a [Signup],
    /// Declared people, except those declared only in earlier drafts.
    pub people: Vec<Person>,
    /// Active pairs per person already in rosters.
    pub active: HashMap<String, u32>,
    /// People already a mentee in an active pair.
    pub paired_mentees: HashSet<String>,
    pub rules: Rules,
}

impl<'a> Input<'a> {
    pub fn new(signups: &'a [Signup], playbook: &'a Playbook, rules: Rules) -> Input<'a> {
        let (active, paired_mentees) = existing(playbook);
        Input {
            signups,
            people: declared_people(playbook),
            active,
            paired_mentees,
            rules,
        }
    }

    /// Free mentor slots: capacity, capped by the active-pair limit, less
    /// the pairs they are already in.
    fn slots(&self, s: &Signup) -> u32 {
        let used = self.active.get(&s.id).copied().unwrap_or(0);
        let cap = match self.rules.max_pairs_per_person {
            Some(max) => s.capacity.min(max),
            None => s.capacity,
        };
        cap.saturating_sub(used)
    }

    fn mentee_blocked(&self, s: &Signup) -> Option<String> {
        if self.paired_mentees.contains(&s.id) {
            return Some("already a mentee in an active pair".into());
        }
        let used = self.active.get(&s.id).copied().unwrap_or(0);
        match self.rules.max_pairs_per_person {
            Some(max) if used >= max => Some(format!(
                "already in {used} active pairs (the limit is {max})"
            )),
            _ => None,
        }
    }
}

/// The optimal proposal: the eligible assignment with the highest total
/// score, then the most pairs; deterministic for the same input.
pub fn propose(input: &Input) -> Proposal {
    let boss = managers(input.signups, &input.people);
    let rules = &input.rules;
    let mentors: Vec<&Signup> = input
        .signups
        .iter()
        .filter(|s| s.acts_as_mentor())
        .collect();
    let mut unmatched = Vec::new();
    let mut mentees: Vec<&Signup> = Vec::new();
    for s in input.signups.iter().filter(|s| !s.acts_as_mentor()) {
        match input.mentee_blocked(s) {
            Some(reason) => unmatched.push(Unmatched {
                id: s.id.clone(),
                as_mentor: false,
                reason,
            }),
            None => mentees.push(s),
        }
    }
    // One column per free mentor slot.
    let mut slots: Vec<usize> = Vec::new();
    for (i, m) in mentors.iter().enumerate() {
        let free = input.slots(m);
        if free == 0 && m.capacity > 0 {
            unmatched.push(Unmatched {
                id: m.id.clone(),
                as_mentor: true,
                reason: "capacity full: already in as many active pairs as allowed".into(),
            });
        }
        slots.extend(std::iter::repeat_n(i, free as usize));
    }
    let n = mentees.len();
    // Eligible scores, or why not.
    let cell: Vec<Vec<Result<Score, String>>> = mentees
        .iter()
        .map(|e| {
            mentors
                .iter()
                .map(|m| {
                    if let Some(x) = exclusion(rules, &boss, m, e) {
                        return Err(x.rule().to_string());
                    }
                    let s = score(rules, m, e);
                    if s.total < rules.min_score {
                        Err("min_score".to_string())
                    } else {
                        Ok(s)
                    }
                })
                .collect()
        })
        .collect();
    // Rows: mentees; columns: mentor slots, then one "unmatched" column per
    // mentee (weight 0), so rows <= columns and nobody is forced into an
    // excluded pair. A pair weighs score * (n + 1) + 1: the total score
    // comes first, then the number of pairs.
    let columns = slots.len() + n;
    let scale = n as i64 + 1;
    let max_score = cell
        .iter()
        .flatten()
        .filter_map(|c| c.as_ref().ok())
        .map(|s| s.total)
        .max()
        .unwrap_or(0);
    let forbidden = -((max_score * scale + 1) * (n as i64 + 1) + 1);
    let mut pairs = Vec::new();
    if n > 0 {
        let mut weights = Matrix::new(n, columns, 0i64);
        for (r, row) in cell.iter().enumerate() {
            for (c, &mentor) in slots.iter().enumerate() {
                weights[(r, c)] = match &row[mentor] {
                    Ok(s) => s.total * scale + 1,
                    Err(_) => forbidden,
                };
            }
        }
        let (_, assignment) = kuhn_munkres(&weights);
        for (r, &c) in assignment.iter().enumerate() {
            if c < slots.len()
                && let Ok(s) = &cell[r][slots[c]]
            {
                pairs.push(ProposedPair {
                    mentor: mentors[slots[c]].id.clone(),
                    mentee: mentees[r].id.clone(),
                    score: s.clone(),
                });
            }
        }
    }
    let matched: HashSet<&str> = pairs
        .iter()
        .flat_map(|p| [p.mentor.as_str(), p.mentee.as_str()])
        .collect();
    for (r, e) in mentees.iter().enumerate() {
        if matched.contains(e.id.as_str()) {
            continue;
        }
        let reason = unmatched_reason(&cell[r], &mentors, |i| {
            slots.contains(&i) && input.slots(mentors[i]) > 0
        });
        unmatched.push(Unmatched {
            id: e.id.clone(),
            as_mentor: false,
            reason,
        });
    }
    for (i, m) in mentors.iter().enumerate() {
        if matched.contains(m.id.as_str()) || !slots.contains(&i) {
            continue;
        }
        let column: Vec<Result<Score, String>> = cell.iter().map(|row| row[i].clone()).collect();
        let reason = if mentees.is_empty() {
            "no mentee left to pair".to_string()
        } else if column.iter().any(Result::is_ok) {
            "every eligible mentee was matched to a better-scoring mentor".to_string()
        } else {
            describe_exclusions(&column)
        };
        unmatched.push(Unmatched {
            id: m.id.clone(),
            as_mentor: true,
            reason,
        });
    }
    pairs.sort_by(|a, b| (&a.mentor, &a.mentee).cmp(&(&b.mentor, &b.mentee)));
    unmatched.sort_by(|a, b| a.id.cmp(&b.id));
    let total_score = pairs.iter().map(|p| p.score.total).sum();
    Proposal {
        pairs,
        unmatched,
        total_score,
    }
}

fn unmatched_reason(
    row: &[Result<Score, String>],
    mentors: &[&Signup],
    has_slot: impl Fn(usize) -> bool,
) -> String {
    if mentors.is_empty() {
        return "no eligible partner: nobody signed up as a mentor".into();
    }
    if row.iter().any(Result::is_ok) {
        let free = row
            .iter()
            .enumerate()
            .any(|(i, c)| c.is_ok() && has_slot(i));
        if free {
            "capacity full: every eligible mentor's places went to higher-scoring pairs".into()
        } else {
            "capacity full: every eligible mentor is already fully booked".into()
        }
    } else {
        describe_exclusions(row)
    }
}

fn describe_exclusions(cells: &[Result<Score, String>]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in cells {
        if let Err(rule) = c {
            *counts.entry(rule.as_str()).or_default() += 1;
        }
    }
    if counts.len() == 1 && counts.contains_key("min_score") {
        return "below min_score: no eligible partner scores at least `min_score`".into();
    }
    if counts.len() == 1 && counts.contains_key("reporting_line") {
        return "no eligible partner: every candidate is in their reporting line".into();
    }
    let parts: Vec<String> = counts
        .iter()
        .map(|(rule, count)| format!("{count} by `{rule}`"))
        .collect();
    format!(
        "no eligible partner: candidates excluded {}",
        parts.join(", ")
    )
}

/// `--explain ID`: the candidates for one person with their scores, and
/// the rule that excludes each excluded one.
pub fn explain(input: &Input, id: &str) -> Result<String, String> {
    let Some(person) = input.signups.iter().find(|s| s.id == id) else {
        let ids: Vec<&str> = input.signups.iter().map(|s| s.id.as_str()).collect();
        let hint =
            did_you_mean(id, &ids).map_or(String::new(), |n| format!(" (did you mean `{n}`?)"));
        return Err(format!("`{id}` is not in the sign-up list{hint}"));
    };
    let boss = managers(input.signups, &input.people);
    let rules = &input.rules;
    let as_mentor = person.acts_as_mentor();
    let mut out = String::new();
    let side = if as_mentor { "mentor" } else { "mentee" };
    let _ = writeln!(
        out,
        "{} ({}) is matched as a {side}.",
        person.name, person.id
    );
    let mut rows: Vec<(i64, String, String)> = Vec::new();
    let mut excluded: Vec<(String, String)> = Vec::new();
    for other in input
        .signups
        .iter()
        .filter(|s| s.acts_as_mentor() != as_mentor)
    {
        let (mentor, mentee) = if as_mentor {
            (person, other)
        } else {
            (other, person)
        };
        if let Some(x) = exclusion(rules, &boss, mentor, mentee) {
            excluded.push((
                other.id.clone(),
                format!("excluded by `{}`: {}", x.rule(), x.describe()),
            ));
            continue;
        }
        let s = score(rules, mentor, mentee);
        let mut why = why(&s);
        if s.total < rules.min_score {
            why.push_str(&format!(" (below min_score {})", rules.min_score));
        }
        if !as_mentor && input.slots(other) == 0 {
            why.push_str(" (capacity full)");
        } else if as_mentor && let Some(reason) = input.mentee_blocked(other) {
            why.push_str(&format!(" ({reason})"));
        }
        rows.push((s.total, other.id.clone(), why));
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let _ = writeln!(out, "\nEligible candidates ({}):", rows.len());
    for (total, other, why) in &rows {
        let _ = writeln!(out, "  {total:>4}  {other}: {why}");
    }
    let _ = writeln!(out, "\nExcluded ({}):", excluded.len());
    for (other, why) in &excluded {
        let _ = writeln!(out, "  {other}: {why}");
    }
    let proposal = propose(input);
    let _ = writeln!(out);
    if let Some(p) = proposal
        .pairs
        .iter()
        .find(|p| p.mentor == id || p.mentee == id)
    {
        let other = if p.mentor == id { &p.mentee } else { &p.mentor };
        let _ = writeln!(out, "Proposed: with {other} (score {}).", p.score.total);
        for p in proposal.pairs.iter().filter(|p| p.mentor == id).skip(1) {
            let _ = writeln!(
                out,
                "Proposed: with {} (score {}).",
                p.mentee, p.score.total
            );
        }
    } else if let Some(u) = proposal.unmatched.iter().find(|u| u.id == id) {
        let _ = writeln!(out, "Not proposed: {}.", u.reason);
    }
    Ok(out)
}

fn why(s: &Score) -> String {
    let list = |items: &[String]| {
        if items.is_empty() {
            "none".to_string()
        } else {
            items.join(", ")
        }
    };
    format!(
        "skills {}; shared interests {}; work style {}; score {}",
        list(&s.skills),
        list(&s.interests),
        s.work_style.as_deref().unwrap_or("different"),
        s.total
    )
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A file-name-safe slug: `2027 Spring` gives `2027-spring`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "cohort".into() } else { out }
}

/// The roster draft: front matter that `check` accepts (undeclared sign-ups
/// declared under `people:`), a "why" comment above each pair, and a body
/// listing who stays unmatched and why.
pub fn draft(
    input: &Input,
    proposal: &Proposal,
    cohort: &str,
    start: chrono::NaiveDate,
    taken_pair_ids: &HashSet<String>,
) -> String {
    let by_id: HashMap<&str, &Signup> = input.signups.iter().map(|s| (s.id.as_str(), s)).collect();
    let declared: HashSet<&str> = input.people.iter().map(|p| p.id.as_str()).collect();
    let mut out = String::from("---\n");
    let _ = writeln!(out, "title: {}", quote(&format!("{cohort} (draft)")));
    out.push_str("description: Pairs proposed by `mentorbook match`, for review.\n");
    out.push_str("kind: roster\n");
    let _ = writeln!(out, "cohort: {}", quote(cohort));
    let _ = writeln!(out, "start: {start}");
    out.push_str("cadence: biweekly\n");
    let in_pairs: HashSet<&str> = proposal
        .pairs
        .iter()
        .flat_map(|p| [p.mentor.as_str(), p.mentee.as_str()])
        .collect();
    let mut newcomers: Vec<&Signup> = input
        .signups
        .iter()
        .filter(|s| !declared.contains(s.id.as_str()) && in_pairs.contains(s.id.as_str()))
        .collect();
    newcomers.sort_by(|a, b| a.id.cmp(&b.id));
    let newcomer_ids: HashSet<&str> = newcomers.iter().map(|s| s.id.as_str()).collect();
    if !newcomers.is_empty() {
        out.push_str("# Sign-ups who are not declared people yet.\npeople:\n");
        for s in &newcomers {
            let _ = writeln!(out, "  - id: {}", quote(&s.id));
            let _ = writeln!(out, "    name: {}", quote(&s.name));
            if !s.role.is_empty() {
                let _ = writeln!(out, "    role: {}", quote(&s.role));
            }
            if !s.team.is_empty() {
                let _ = writeln!(out, "    team: {}", quote(&s.team));
            }
            if let Some(r) = &s.reports_to
                && (declared.contains(r.as_str()) || newcomer_ids.contains(r.as_str()))
            {
                let _ = writeln!(out, "    reports_to: {}", quote(r));
            }
        }
    }
    if proposal.pairs.is_empty() {
        out.push_str("pairs: []\n");
    } else {
        out.push_str("pairs:\n");
    }
    let mut used_ids: HashSet<String> = taken_pair_ids.clone();
    for p in &proposal.pairs {
        let base = format!("{}-and-{}", p.mentor, p.mentee);
        let mut id = base.clone();
        let mut k = 2;
        while used_ids.contains(&id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        used_ids.insert(id.clone());
        let _ = writeln!(out, "  # why: {}", one_line(&why(&p.score)));
        let _ = writeln!(out, "  - id: {}", quote(&id));
        let _ = writeln!(out, "    mentor: {}", quote(&p.mentor));
        let _ = writeln!(out, "    mentee: {}", quote(&p.mentee));
        if !p.score.skills.is_empty() {
            out.push_str("    topics:\n");
            for t in &p.score.skills {
                let _ = writeln!(out, "      - {}", quote(t));
            }
        }
    }
    out.push_str("---\n\n");
    let _ = writeln!(
        out,
        "Proposed by `mentorbook match` from the sign-up list: {} pairs, total score {}. \
         Review the pairs, then remove `-draft` from the file name (or edit it) to confirm them.",
        proposal.pairs.len(),
        proposal.total_score
    );
    out.push_str("\n## Unmatched\n\n");
    if proposal.unmatched.is_empty() {
        out.push_str("Everyone who signed up has a partner.\n");
    }
    for u in &proposal.unmatched {
        let name = by_id
            .get(u.id.as_str())
            .map_or(u.id.as_str(), |s| s.name.as_str());
        let side = if u.as_mentor { "mentor" } else { "mentee" };
        let _ = writeln!(
            out,
            "- {} (`{}`, {side}): {}",
            one_line(name),
            u.id,
            one_line(&u.reason)
        );
    }
    out
}

/// Options of `mentorbook match`.
pub struct Options {
    pub dir: std::path::PathBuf,
    pub cohort: String,
    pub out: Option<std::path::PathBuf>,
    pub explain: Option<String>,
    pub start: chrono::NaiveDate,
    pub signups: Option<std::path::PathBuf>,
}

/// What the command did, for main to print.
pub enum Outcome {
    /// `--explain`'s text.
    Explained(String),
    /// The draft's path, pairs and unmatched count.
    Written(std::path::PathBuf, usize, usize),
}

/// Runs the command. `Err((code, message))`: 1 for a problem in the
/// input (diagnostics in the message), 2 for a usage error.
pub fn run(options: &Options) -> Result<Outcome, (u8, String)> {
    let checked = crate::pipeline::load_and_check(&options.dir).map_err(|m| (2, m))?;
    let mut diagnostics = Vec::new();
    let rules_base = read_rules(checked.sources.config.as_ref(), &mut diagnostics);
    let rules = Rules {
        max_pairs_per_person: checked
            .playbook
            .config
            .rules
            .max_pairs
            .severity()
            .map(|_| checked.playbook.config.rules.max_pairs_per_person),
        ..rules_base
    };
    let signups_path = options
        .signups
        .clone()
        .unwrap_or_else(|| options.dir.join(SIGNUPS_FILE));
    let bytes = std::fs::read(&signups_path)
        .map_err(|e| (2, format!("cannot read {}: {e}", signups_path.display())))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| (2, format!("{} is not UTF-8", signups_path.display())))?;
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(&text)
        .replace("\r\n", "\n");
    let file = SourceFile {
        path: crate::load::relative(&options.dir, &signups_path),
        text: text.into(),
    };
    let people = declared_people(&checked.playbook);
    let signups = read_signups(&file, &people, &mut diagnostics);
    if !diagnostics.is_empty() {
        crate::diagnostic::sort(&mut diagnostics);
        let text =
            crate::diagnostic::render(&diagnostics, crate::diagnostic::Format::Human, &|path| {
                if path == file.path {
                    Some(&*file.text)
                } else {
                    checked.sources.text_of(path)
                }
            });
        if diagnostics
            .iter()
            .any(|d| d.severity == crate::diagnostic::Severity::Error)
        {
            return Err((1, text));
        }
        eprint!("{text}");
    }
    let input = Input::new(&signups, &checked.playbook, rules);
    if let Some(id) = &options.explain {
        return explain(&input, id)
            .map(Outcome::Explained)
            .map_err(|m| (2, m));
    }
    let out = options.out.clone().unwrap_or_else(|| {
        options
            .dir
            .join("content/cohorts")
            .join(format!("{}-draft.md", slug(&options.cohort)))
    });
    if out.exists() {
        return Err((
            2,
            format!(
                "{} already exists; remove it or choose another file with --out",
                out.display()
            ),
        ));
    }
    let proposal = propose(&input);
    let taken: HashSet<String> = checked
        .playbook
        .pairs
        .iter()
        .filter(|p| {
            !checked
                .playbook
                .pages
                .get(p.roster)
                .is_some_and(|page| is_draft(&page.file))
        })
        .map(|p| p.id.value.clone())
        .collect();
    let text = draft(&input, &proposal, &options.cohort, options.start, &taken);
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| (2, format!("cannot create {}: {e}", parent.display())))?;
    }
    std::fs::write(&out, text).map_err(|e| (2, format!("cannot write {}: {e}", out.display())))?;
    Ok(Outcome::Written(
        out,
        proposal.pairs.len(),
        proposal.unmatched.len(),
    ))
}
