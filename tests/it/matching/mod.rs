//! `mentorbook match`: hard rules, capacities, the optimal (not greedy)
//! assignment, determinism, and a draft that `check` accepts. The rules
//! are tested on the library here; `command` runs the binary.

mod command;

use mentorbook::config::{Depth, Exclude, MatchingRules as Rules, RuleLevel};
use mentorbook::matching::{self, Input, Proposal};
use mentorbook::model::Playbook;
use mentorbook::source::load::SourceFile;

/// The header of a sign-up list, every column in order.
const HEADER: &str = "id,name,role,team,reports_to,side,can_teach,wants_to_learn,interests,work_style,capacity,avoid\n";

fn signups(rows: &str) -> Vec<matching::Signup> {
    let file = SourceFile {
        path: "data/signups.csv".into(),
        text: format!("{HEADER}{rows}").into(),
    };
    let mut diagnostics = Vec::new();
    let signups = matching::read_signups(&file, &[], &mut diagnostics);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    signups
}

fn propose(rows: &str, rules: Rules) -> Proposal {
    let list = signups(rows);
    let playbook = Playbook::default();
    matching::propose(&Input::new(&list, &playbook, rules))
}

fn pairs(p: &Proposal) -> Vec<(String, String)> {
    p.pairs
        .iter()
        .map(|p| (p.mentor.clone(), p.mentee.clone()))
        .collect()
}

fn with_exclude(f: impl FnOnce(&mut Exclude)) -> Rules {
    let mut rules = Rules::default();
    f(&mut rules.exclude);
    rules
}

fn all_off() -> Rules {
    with_exclude(|x| {
        x.reporting_line = false;
        x.same_manager = false;
        x.same_team = false;
        x.avoid = false;
    })
}

fn explain(rows: &str, rules: Rules, id: &str) -> String {
    let list = signups(rows);
    let playbook = Playbook::default();
    matching::explain(&Input::new(&list, &playbook, rules), id).unwrap()
}

#[test]
fn reporting_line_direct_is_excluded() {
    let rows = "boss,Boss,,,,mentee,,x,,,,\n\
                junior,Junior,,,boss,mentor,x,,,,1,\n";
    let p = propose(rows, Rules::default());
    assert!(p.pairs.is_empty(), "{p:?}");
    let boss = p.unmatched.iter().find(|u| u.id == "boss").unwrap();
    assert!(boss.reason.contains("reporting line"), "{}", boss.reason);
    assert!(explain(rows, Rules::default(), "boss").contains("`reporting_line`"));
    let p = propose(rows, all_off());
    assert_eq!(pairs(&p), [("junior".into(), "boss".into())]);
}

/// A playbook whose `rules.reporting_line` has this depth.
fn with_depth(depth: Depth) -> Playbook {
    let mut playbook = Playbook::default();
    playbook.config.rules.reporting_line.depth = depth;
    playbook
}

fn propose_in(rows: &str, playbook: &Playbook, rules: Rules) -> Proposal {
    let list = signups(rows);
    matching::propose(&Input::new(&list, playbook, rules))
}

#[test]
fn reporting_line_goes_as_deep_as_rules_reporting_line() {
    // junior -> lead -> head -> director: three levels apart, so by
    // default (depth 2) the junior may mentor the director.
    let rows = "director,Director,,,,mentee,,x,,,,\n\
                head,Head,,,director,mentor,,,,,0,\n\
                lead,Lead,,,head,mentor,,,,,0,\n\
                junior,Junior,,,lead,mentor,x,,,,1,\n";
    let p = propose(rows, Rules::default());
    assert_eq!(pairs(&p), [("junior".into(), "director".into())]);
    // The whole line: excluded, and `--explain` says how far apart.
    let all = with_depth(Depth::All);
    assert!(propose_in(rows, &all, Rules::default()).pairs.is_empty());
    let list = signups(rows);
    let text = matching::explain(&Input::new(&list, &all, Rules::default()), "director").unwrap();
    assert!(
        text.contains("junior: excluded by `reporting_line`: one is the other's manager's manager's manager (3 levels"),
        "{text}"
    );
    let rules = with_exclude(|x| x.reporting_line = false);
    assert_eq!(propose_in(rows, &all, rules).pairs.len(), 1);
    // The rule off in `check` is off for `match` too.
    let mut off = with_depth(Depth::All);
    off.config.rules.reporting_line.level = RuleLevel::Off;
    assert_eq!(propose_in(rows, &off, Rules::default()).pairs.len(), 1);
}

#[test]
fn the_skip_level_follows_the_depth() {
    // junior -> lead -> director: the director is the junior's skip level.
    let rows = "director,Director,,,,mentee,,x,,,,\n\
                lead,Lead,,,director,mentor,,,,,0,\n\
                junior,Junior,,,lead,mentor,x,,,,1,\n";
    assert!(propose(rows, Rules::default()).pairs.is_empty());
    assert!(explain(rows, Rules::default(), "junior").contains(
        "director: excluded by `reporting_line`: one is the other's manager's manager (2 levels"
    ));
    let one = with_depth(Depth::Levels(1));
    assert_eq!(propose_in(rows, &one, Rules::default()).pairs.len(), 1);
}

#[test]
fn peers_under_the_same_manager_are_excluded() {
    let rows = "manager,Manager,,,,mentor,,,,,0,\n\
                a,A,,,manager,mentor,x,,,,1,\n\
                b,B,,,manager,mentee,,x,,,,\n";
    assert!(propose(rows, Rules::default()).pairs.is_empty());
    assert!(explain(rows, Rules::default(), "b").contains("a: excluded by `same_manager`"));
    let off = with_exclude(|x| x.same_manager = false);
    assert_eq!(propose(rows, off).pairs.len(), 1);
}

#[test]
fn same_team_only_when_switched_on() {
    let rows = "a,A,,Finance,,mentor,x,,,,1,\n\
                b,B,,finance ,,mentee,,x,,,,\n";
    assert_eq!(propose(rows, Rules::default()).pairs.len(), 1);
    let on = with_exclude(|x| x.same_team = true);
    assert!(propose(rows, on).pairs.is_empty());
    assert!(explain(rows, on, "b").contains("a: excluded by `same_team`"));
}

#[test]
fn avoid_lists_work_both_ways() {
    let rows = "a,A,,,,mentor,x,,,,1,\n\
                b,B,,,,mentee,,x,,,,a\n\
                c,C,,,,mentor,x,,,,1,c-never\n\
                c-never,D,,,,mentee,,x,,,,\n";
    let p = propose(rows, Rules::default());
    assert_eq!(
        pairs(&p),
        [("a".into(), "c-never".into()), ("c".into(), "b".into())]
    );
    assert!(explain(rows, Rules::default(), "b").contains("a: excluded by `avoid`"));
    assert!(explain(rows, Rules::default(), "c").contains("c-never: excluded by `avoid`"));
    // The only partner is the avoided one: nobody is proposed.
    let rows = "a,A,,,,mentor,x,,,,1,\n\
                b,B,,,,mentee,,x,,,,a\n";
    assert!(propose(rows, Rules::default()).pairs.is_empty());
    assert_eq!(propose(rows, all_off()).pairs.len(), 1);
}

#[test]
fn capacity_two_means_two_mentees_never_three() {
    let rows = "a,A,,,,mentor,x;y,,,,2,\n\
                m1,M1,,,,mentee,,x,,,,\n\
                m2,M2,,,,mentee,,x;y,,,,\n\
                m3,M3,,,,mentee,,y,,,,\n";
    let p = propose(rows, Rules::default());
    assert_eq!(p.pairs.len(), 2, "{p:?}");
    assert!(p.pairs.iter().all(|p| p.mentor == "a"));
    assert!(
        p.pairs.iter().any(|p| p.mentee == "m2"),
        "the best mentee is kept"
    );
    assert_eq!(p.unmatched.len(), 1);
    assert!(p.unmatched[0].reason.starts_with("capacity full"));
    // capacity 1 by default
    let rows = rows.replace(",2,", ",,");
    assert_eq!(propose(&rows, Rules::default()).pairs.len(), 1);
}

#[test]
fn the_optimum_beats_the_greedy_choice() {
    // Greedy takes a-m1 (9) first, leaving b-m2 (0): 9 in all. The best
    // assignment is a-m2 (6) + b-m1 (6) = 12.
    let rows = "a,A,,,,mentor,x;y;z;w,,,,1,\n\
                b,B,,,,mentor,x;y,,,,1,\n\
                m1,M1,,,,mentee,,x;y;z,,,,\n\
                m2,M2,,,,mentee,,z;w,,,,\n";
    let p = propose(rows, Rules::default());
    assert_eq!(p.total_score, 12);
    assert_eq!(
        pairs(&p),
        [("a".into(), "m2".into()), ("b".into(), "m1".into())]
    );
}

#[test]
fn score_counts_skills_interests_and_work_style_case_insensitively() {
    let rows = "a,A,,,,mentor, Excel ;SQL,,Chess;Golf,Remote,1,\n\
                b,B,,,,mentee,,excel;sql;python,chess,remote,,\n";
    let p = propose(rows, Rules::default());
    // 3 * 2 skills + 1 * 1 interest + 1 * same work style
    assert_eq!(p.total_score, 8);
    assert_eq!(p.pairs[0].score.skills, ["excel", "sql"]);
}

#[test]
fn min_score_leaves_weak_pairs_out() {
    let rows = "a,A,,,,mentor,x,,,,1,\n\
                b,B,,,,mentee,,y,,,,\n";
    let mut rules = Rules::default();
    assert_eq!(propose(rows, rules).pairs.len(), 1);
    rules.min_score = 1;
    let p = propose(rows, rules);
    assert!(p.pairs.is_empty());
    assert!(
        p.unmatched
            .iter()
            .any(|u| u.reason.contains("below min_score")),
        "{p:?}"
    );
}

#[test]
fn either_teaches_when_they_can() {
    let rows = "e1,E1,,,,either,x,,,,1,\n\
                e2,E2,,,,either,,x,,,,\n";
    let p = propose(rows, Rules::default());
    assert_eq!(pairs(&p), [("e1".into(), "e2".into())]);
}

#[test]
fn bad_rows_are_reported_at_their_place() {
    let file = SourceFile {
        path: "data/signups.csv".into(),
        text: format!(
            "{HEADER}a,A,,,,teacher,,,,,1,\nb,B,,,,mentor,,,,,lots,\nc,C,,,,mentee,,,,,,zz\n"
        )
        .into(),
    };
    let mut diagnostics = Vec::new();
    let list = matching::read_signups(&file, &[], &mut diagnostics);
    assert_eq!(list.len(), 1);
    let codes: Vec<(&str, usize, usize)> = diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.span.line, d.span.col))
        .collect();
    assert_eq!(
        codes,
        [
            ("bad-value", 2, 8),
            ("wrong-type", 3, 19),
            ("unknown-person", 4, 20)
        ]
    );
    let file = SourceFile {
        path: "data/signups.csv".into(),
        text: "id,name,wants_to_lern\n".into(),
    };
    let mut diagnostics = Vec::new();
    matching::read_signups(&file, &[], &mut diagnostics);
    assert_eq!(diagnostics[0].code, "unknown-field");
    assert!(
        diagnostics[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("wants_to_learn")
    );
}

#[test]
fn matching_rules_are_read_from_playbook_yaml() {
    let file = SourceFile {
        path: "playbook.yaml".into(),
        text: "title: T\nmatching:\n  exclude:\n    same_team: true\n    avoid: false\n  weights: {skill_gap: 5}\n  min_score: 2\n".into(),
    };
    let mut diagnostics = Vec::new();
    let rules = mentorbook::config::read(Some(&file), &mut diagnostics).matching;
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert!(rules.exclude.same_team && !rules.exclude.avoid && rules.exclude.reporting_line);
    assert_eq!(rules.weights.skill_gap, 5);
    assert_eq!(rules.weights.shared_interests, 1);
    assert_eq!(rules.min_score, 2);
    let file = SourceFile {
        path: "playbook.yaml".into(),
        text: "matching:\n  exclude:\n    same_mangaer: true\n".into(),
    };
    let mut diagnostics = Vec::new();
    mentorbook::config::read(Some(&file), &mut diagnostics);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0].code, "unknown-field");
    assert_eq!(diagnostics[0].span.line, 3);
}

#[test]
fn five_hundred_by_five_hundred_timing() {
    // Prints the time only (debug builds are slow); benches/match.py
    // measures the release build.
    let mut rows = String::new();
    let skills = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];
    let mut seed: u64 = 42;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for i in 0..500 {
        let teach: Vec<&str> = (0..3).map(|_| skills[next(12)]).collect();
        rows.push_str(&format!(
            "r{i:03},R{i},,T{},,mentor,{},,{},{},1,\n",
            next(20),
            teach.join(";"),
            skills[next(12)],
            ["remote", "hybrid", "in person"][next(3)]
        ));
        let want: Vec<&str> = (0..3).map(|_| skills[next(12)]).collect();
        rows.push_str(&format!(
            "e{i:03},E{i},,T{},,mentee,,{},{},{},,\n",
            next(20),
            want.join(";"),
            skills[next(12)],
            ["remote", "hybrid", "in person"][next(3)]
        ));
    }
    let started = std::time::Instant::now();
    let p = propose(&rows, Rules::default());
    eprintln!(
        "500 x 500: {} pairs, total score {} in {:?}",
        p.pairs.len(),
        p.total_score,
        started.elapsed()
    );
    assert_eq!(p.pairs.len(), 500);
}
