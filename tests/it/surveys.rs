//! Surveys on a real build (tests/fixtures/surveys: 12 pairs in two
//! cohorts; a round before with 15 answers, one halfway with 4 mentors and
//! 6 mentees, one not asked yet): figures against hand counts, the
//! small-group rule, goals fed by questions, the cohort table's NPS, no
//! answer, respondent or comment in any output byte, and `check`'s
//! diagnostics for bad answers files.

use crate::support::{Doc, Site};
use serde_json::Value;

const AS_OF: &str = "2026-07-01";

fn site() -> Site {
    Site::from_fixture("surveys").as_of(AS_OF)
}

/// The cells of the table `#<id>`: each body row's header, then its cells.
fn table(doc: &Doc, id: &str) -> Vec<Vec<String>> {
    let rows = doc.all(&format!("table#{id} tbody tr"));
    assert!(!rows.is_empty(), "no table #{id}");
    rows.iter()
        .map(|row| {
            row.children()
                .filter_map(scraper::ElementRef::wrap)
                .map(|cell| {
                    cell.text()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        })
        .collect()
}

#[test]
fn everyones_figures_match_hand_counts_round_by_round() {
    let doc = site().build().doc("surveys/");
    let all = table(&doc, "pulse-all");
    // Respondents, then q1 (mean), q2 (share agreeing), nps; the last
    // round is not asked yet.
    assert_eq!(
        all[0][1..],
        ["n = 15", "n = 10", "not asked yet", ""].map(String::from)
    );
    // q1 before: (5+4+4+5+3) + (2+3+2+3+2) + (3+3+2+4+2) = 47 over 15 =
    // 3.13; halfway: (5+5+4+4) + (3+4+3+4+3+4) = 39 over 10 = 3.9.
    assert_eq!(all[1][1], "3.1 n = 15");
    assert_eq!(all[1][2], "3.9 n = 10");
    assert_eq!(all[1][4], "+0.8");
    // q2, 4 or 5 of 5: 3 mentors and 5 mentees of 15 = 53%; 8 of 10.
    assert_eq!(all[2][1], "53% n = 15");
    assert_eq!(all[2][2], "80% n = 10");
    assert_eq!(all[2][4], "+27 pts");
    // NPS halfway: promoters 10, 9, 9, 9, 10, 9 (6), detractors 6, 3
    // (2) of 10: 60% - 20% = +40. Not asked before.
    assert_eq!(all[3][1], "no answers");
    assert_eq!(all[3][2], "+40 n = 10");
    let spring = table(&doc, "pulse-cohort-spring");
    // 5 Spring mentors (21) and 5 Spring mentees (12): 3.3.
    assert_eq!(spring[1][1], "3.3 n = 10");
    let autumn = table(&doc, "pulse-cohort-autumn");
    // Autumn mentees 3, 3, 2, 4, 2: 2.8.
    assert_eq!(autumn[1][1], "2.8 n = 5");
    assert_eq!(autumn[0][2], "no answers");
}

#[test]
fn four_answers_are_hidden_and_five_shown() {
    let doc = site().build().doc("surveys/");
    let mentors = table(&doc, "pulse-mentors");
    // Five mentors answered before: shown (4.2 of 21 over 5); four
    // halfway: nothing but the rule.
    assert_eq!(mentors[0][1..3], ["n = 5", "fewer than 5 answers"]);
    assert_eq!(mentors[1][1], "4.2 n = 5");
    assert_eq!(mentors[1][2], "fewer than 5 answers");
    // Six mentees answered halfway, but everyone's figure minus theirs
    // would be the four mentors': withheld too.
    let mentees = table(&doc, "pulse-mentees");
    assert_eq!(mentees[1][1], "2.6 n = 10");
    assert_eq!(
        mentees[1][2],
        "not shown: another group has fewer than 5 answers"
    );
    // With a minimum of 4, the four mentors' halfway figure shows.
    let site = site();
    site.write("playbook.yaml", "title: T\nprivacy:\n  min_group_size: 4\n");
    let doc = site.build().doc("surveys/");
    let mentors = table(&doc, "pulse-mentors");
    // (5+5+4+4) / 4 = 4.5
    assert_eq!(mentors[1][2], "4.5 n = 4");
    assert_eq!(table(&doc, "pulse-mentees")[1][2], "3.5 n = 6");
}

#[test]
fn questions_feed_their_goals_and_cohorts_get_their_nps() {
    let built = site().build();
    let json: Value = serde_json::from_str(&built.file("progress.json")).expect("json");
    let goal = |id: &str| {
        json["goals"]
            .as_array()
            .and_then(|g| g.iter().find(|g| g["goal"] == id))
            .cloned()
            .unwrap_or_else(|| panic!("goal {id}"))
    };
    // Everyone's share agreeing, dated the month of the halfway round's
    // median answer (11 June): no respondent's own answer date is published.
    let heard = goal("heard");
    assert_eq!(
        (heard["latest"].as_str(), heard["latest_date"].as_str()),
        (Some("80"), Some("2026-06-01"))
    );
    assert!(!built.file("progress.json").contains("2026-06-11"));
    // The mentees' mean: halfway is withheld, so the round before is the
    // latest, at its own date.
    let confidence = goal("confidence");
    assert_eq!(
        (
            confidence["latest"].as_str(),
            confidence["latest_date"].as_str()
        ),
        (Some("2.6"), Some("2026-01-15"))
    );
    let cohorts = json["cohorts"].as_array().expect("cohorts");
    let nps = |name: &str| {
        cohorts
            .iter()
            .find(|c| c["cohort"] == name)
            .map(|c| c["survey_nps"].clone())
    };
    assert_eq!(nps("Spring"), Some(Value::from(40.0)));
    assert_eq!(nps("Autumn"), Some(Value::Null));
    let dashboard = built.doc("progress/");
    assert!(
        dashboard
            .text("table.cohorts-table thead")
            .contains("Survey NPS")
    );
    // The goal's chart and table read the same points.
    let goals = built.page("goals/");
    assert!(
        goals.contains("2026-06-01") && !goals.contains("2026-06-11"),
        "the fed result is on the goals page, dated by its month"
    );
}

#[test]
fn before_a_rounds_date_its_answers_do_not_count() {
    let doc = site().as_of("2026-06-05").build().doc("surveys/");
    let all = table(&doc, "pulse-all");
    // By 5 June only the four mentors had answered the halfway round.
    assert_eq!(all[0][2], "fewer than 5 answers");
    let doc = site().as_of("2026-01-14").build().doc("surveys/");
    assert_eq!(table(&doc, "pulse-all")[0][1], "not asked yet");
}

#[test]
fn no_answer_respondent_or_comment_reaches_any_output_byte() {
    let site = site();
    // Respondents only a draft roster declares: published nowhere else.
    site.write(
        "content/next.md",
        "---\ntitle: Next cohort\nkind: roster\ndraft: true\npeople:\n\
         - {id: zqsecret-one, name: Zqsecretname One}\n\
         - {id: zqsecret-two, name: Zqsecretname Two}\n---\n",
    );
    site.edit("data/surveys/pre.csv", |text| {
        let mut out = String::new();
        for (i, line) in text.lines().enumerate() {
            if i == 0 {
                out.push_str(line);
            } else {
                // Every comment a marker of its own.
                let kept: Vec<&str> = line.split(',').take(5).collect();
                out.push_str(&format!(
                    "\n{},\"Zqsecretcomment{i}, \"\"quoted\"\"\"",
                    kept.join(",")
                ));
            }
        }
        out.push_str("\nzqsecret-one,2026-01-13,1,1,,Zqsecretcomment-one");
        out.push_str("\nzqsecret-two,2026-01-13,1,1,,Zqsecretcomment-two\n");
        out
    });
    let built = site.build();
    assert_eq!(built.files_containing("zqsecret"), Vec::<String>::new());
    assert!(
        built.files().iter().all(|f| !f.starts_with("data")),
        "nothing of data/ is published"
    );
    // The respondents count: everyone's n grew by two.
    assert_eq!(table(&built.doc("surveys/"), "pulse-all")[0][1], "n = 17");
    // No person's id is on the survey page, nor in the search index's
    // entry for it.
    let page = built.page("surveys/");
    for id in ["mentor-01", "mentee-07"] {
        assert!(!page.contains(id), "{id} on the survey page");
    }
}

/// `check --format json` as `file:line:col code` lines; each with a hint.
fn diagnostics(site: &Site) -> Vec<String> {
    let ran = site.run("check", ["--format", "json", "--as-of", AS_OF]);
    let Value::Array(list) = ran.json() else {
        panic!("not a list: {}", ran.stdout());
    };
    for d in &list {
        assert!(
            d["hint"].as_str().is_some_and(|h| !h.is_empty()),
            "every problem says what to do: {d}"
        );
    }
    ran.located()
}

#[test]
fn check_tells_each_bad_answer_at_its_line_and_column() {
    let site = site();
    site.write(
        "data/surveys/mid.csv",
        "person,date,q1,q2,nps,comment\n\
         mentor-01,2026-06-01,5,4,10,\n\
         mentr-02,2026-06-02,5,4,9,\n\
         mentor-03,2026-06-03,7,4,9,\n\
         mentor-01,2026-06-04,4,4,9,\n\
         mentee-01,2026-06-31,3,4,9,\n\
         mentee-02,2026-06-12,3,lots,11,\n",
    );
    site.write(
        "data/surveys/pre.csv",
        "person,date,q1,q3,comment\nmentor-01,2026-01-10,4,4,\n",
    );
    site.write("data/surveys/stray.csv", "person,date\n");
    assert_eq!(
        diagnostics(&site),
        [
            "data/surveys/mid.csv:3:1 unknown-person",
            "data/surveys/mid.csv:4:22 out-of-range",
            "data/surveys/mid.csv:5:1 duplicate-respondent",
            "data/surveys/mid.csv:6:11 bad-date",
            "data/surveys/mid.csv:7:24 bad-value",
            "data/surveys/mid.csv:7:29 out-of-range",
            // q3 is no question; the file is then not read.
            "data/surveys/pre.csv:1:16 unknown-field",
            "data/surveys/stray.csv:1:1 unknown-data",
        ]
    );
}

#[test]
fn check_tells_what_the_definition_and_the_files_disagree_on() {
    let site = site();
    site.edit("content/surveys.md", |text| {
        text.replace("goal: heard", "goal: herd")
            .replace("file: mid.csv", "file: middle.csv")
    });
    site.write(
        "data/surveys/pre.csv",
        "person,date,q1,nps\nmentor-01,2026-01-10,4,\n",
    );
    let found = diagnostics(&site);
    for expected in [
        "content/surveys.md:15:15 unknown-goal",
        "content/surveys.md:22:41 unknown-data",
        "data/surveys/pre.csv:1:1 missing-question",
        "data/surveys/mid.csv:1:1 unknown-data",
    ] {
        assert!(
            found.iter().any(|f| f == expected),
            "{expected} in {found:#?}"
        );
    }
}

#[test]
fn the_default_playbook_shows_large_groups_and_hides_a_small_one() {
    let built = Site::repo().as_of("2026-12-01").build();
    let doc = built.doc("survey-results/");
    let all = table(&doc, "programme-all");
    assert_eq!(all[0][1..3], ["n = 23", "n = 14"]);
    let mentors = table(&doc, "programme-mentors");
    let recommend = mentors.last().expect("a row");
    assert_eq!(recommend[2], "fewer than 5 answers");
    let text = doc.text("main");
    assert!(text.contains("fewer than 5 answers"));
    assert!(!text.contains("programme-pre.csv"), "no file name either");
}

#[test]
fn a_definition_that_cannot_work_is_told_where_it_is_written() {
    let site = site();
    site.edit("content/surveys.md", |text| {
        text.replace("        aggregate: agree\n", "        aggregate: nps\n")
            .replace(
                "      - id: q1\n",
                "      - id: date\n        text: When?\n      - id: q1\n",
            )
            .replace(
                "    title: Pulse survey\n",
                "    title: Pulse survey\n    scale: 5\n",
            )
    });
    site.write("playbook.yaml", "title: T\nprivacy: {min_group_size: 1}\n");
    let found = diagnostics(&site);
    for expected in [
        "playbook.yaml:2:27 bad-value",
        // `scale: 5`
        "content/surveys.md:7:12 bad-value",
        // a question called `date`, the answers' date column
        "content/surveys.md:9:13 bad-id",
        // `nps` on the survey's 1-5 scale
        "content/surveys.md:17:20 bad-value",
    ] {
        assert!(
            found.iter().any(|f| f == expected),
            "{expected} in {found:#?}"
        );
    }
}

/// tests/fixtures/survey-leak: 5 Spring mentors, 1 Spring mentee and 5
/// Autumn mentees answered. Each role and cohort alone has 5 or more, but
/// Spring's figure minus the mentors' is the one Spring mentee's answer.
#[test]
fn cohorts_beside_roles_do_not_give_a_small_combination_away() {
    let built = Site::from_fixture("survey-leak").as_of(AS_OF).build();
    let doc = built.doc("surveys/");
    let withheld = "not shown: another group has fewer than 5 answers";
    // Everyone's and the roles' figures still show: (23 + 1 + 18) / 11.
    assert_eq!(table(&doc, "pulse-all")[1][1], "3.8 n = 11");
    assert_eq!(table(&doc, "pulse-mentors")[1][1], "4.6 n = 5");
    assert_eq!(table(&doc, "pulse-mentees")[1][1], "3.2 n = 6");
    // Every cohort's figure is withheld, its NPS and respondents too.
    for cohort in ["spring", "autumn"] {
        let rows = table(&doc, &format!("pulse-cohort-{cohort}"));
        for row in &rows {
            assert_eq!(row[1], withheld, "{cohort}: {row:?}");
        }
    }
    // The dashboard and progress.json read the same cells.
    let json: Value = serde_json::from_str(&built.file("progress.json")).expect("json");
    for cohort in json["cohorts"].as_array().expect("cohorts") {
        assert_eq!(cohort["survey_nps"], Value::Null, "{cohort}");
    }
    // Whatever is shown, each respondent lies in a combination of the
    // shown groups with at least 5 people in it: no sum or difference of
    // their mean * n can single out fewer.
    let members = |prefix: &str, from: u32, to: u32| -> Vec<String> {
        (from..=to).map(|i| format!("{prefix}-{i:02}")).collect()
    };
    let groups = [
        (
            "all",
            [
                members("mentor", 1, 5),
                members("mentee", 1, 1),
                members("mentee", 7, 11),
            ]
            .concat(),
        ),
        ("mentors", members("mentor", 1, 5)),
        (
            "mentees",
            [members("mentee", 1, 1), members("mentee", 7, 11)].concat(),
        ),
        (
            "cohort-spring",
            [members("mentor", 1, 5), members("mentee", 1, 1)].concat(),
        ),
        ("cohort-autumn", members("mentee", 7, 11)),
    ];
    let mut shown = Vec::new();
    for (id, people) in &groups {
        for row in &table(&doc, &format!("pulse-{id}"))[1..] {
            if let Some((_, n)) = row[1].split_once("n = ") {
                assert_eq!(n, people.len().to_string(), "{id}: {row:?}");
                shown.push(people);
            }
        }
    }
    let mut combinations: std::collections::HashMap<Vec<bool>, usize> = Default::default();
    for person in &groups[0].1 {
        let key = shown.iter().map(|g| g.contains(person)).collect();
        *combinations.entry(key).or_default() += 1;
    }
    assert!(combinations.values().all(|n| *n >= 5), "{combinations:?}");
}
