//! Several programs in one site (`programs:` in playbook.yaml): each
//! program's pairs, goals and dashboard are its own, people are shared,
//! pair ids are unique only within a program, and the exports, `diff`
//! and `match` name the program. A one-program site is unchanged.

use crate::support::{Doc, Ran, Site, command};

pub(crate) const AS_OF: &str = "2026-12-02";

/// Two programs, `a` and `b`, each with a roster holding a pair
/// `pair-one` (Ana and Bo in `a`, who meet every month; Cy and Di in `b`,
/// who never met) and a goals page computing the share of pairs meeting
/// monthly from its own program's log.
pub(crate) fn two_programs() -> Site {
    let site = Site::empty();
    site.write(
        "playbook.yaml",
        "title: Two programs\nprograms:\n  - id: a\n    title: Program A\n  - id: b\n",
    )
    .write(
        "data/people.yaml",
        "- {id: ana, name: Ana Alder}\n- {id: bo, name: Bo Birch}\n- {id: cy, name: Cy Cedar}\n- {id: di, name: Di Dogwood}\n",
    )
    .write("content/_index.md", "---\ntitle: Home\n---\n\nBoth programs.\n")
    .write("content/a/_index.md", "---\ntitle: Program A home\n---\n\nA.\n")
    .write("content/b/_index.md", "---\ntitle: Program B\n---\n\nB.\n")
    .write(
        "content/a/cohort.md",
        "---\ntitle: A cohort\nkind: roster\ncohort: A 2026\nstart: 2026-09-01\ncadence: monthly\npairs:\n  - id: pair-one\n    mentor: ana\n    mentee: bo\n    sessions:\n      - {date: 2026-09-01}\n      - {date: 2026-10-01}\n      - {date: 2026-11-02}\n---\n",
    )
    .write(
        "content/b/cohort.md",
        "---\ntitle: B cohort\nkind: roster\ncohort: B 2026\nstart: 2026-09-01\ncadence: monthly\npairs:\n  - id: pair-one\n    mentor: cy\n    mentee: di\n---\n",
    );
    for program in ["a", "b"] {
        site.write(
            &format!("content/{program}/goals.md"),
            "---\ntitle: Goals\nkind: goals\ngoals:\n  - id: meeting\n    title: Pairs meeting monthly\n    metric: Share of pairs meeting every month\n    unit: \"%\"\n    baseline: 0\n    target: 100\n    due: 2027-06-30\n    source: met-last-month\n---\n",
        );
    }
    site.as_of(AS_OF)
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|line| line.split(',').map(str::to_string).collect())
        .collect()
}

#[test]
fn the_two_programs_example_shows_each_program_on_its_own_dashboard_and_both_on_the_overview() {
    let built = Site::from_dir("examples/two-programs").as_of(AS_OF).build();
    // Each dashboard shows its program's pair needing attention (the
    // stalled leaders' pair, the buddies' pair at risk) and its cohort.
    let links = |url: &str| Doc::parse(&built.page(url)).attrs("a", "href");
    let leaders = links("leaders/progress/");
    let buddies = links("buddies/progress/");
    let has = |links: &[String], href: &str| links.iter().any(|l| l == href);
    assert!(
        has(&leaders, "../../leaders/pairs/priya-and-ruth/"),
        "a leaders pair on its dashboard: {leaders:?}"
    );
    assert!(
        has(&buddies, "../../buddies/pairs/zoe-and-ines/"),
        "a buddies pair on its dashboard: {buddies:?}"
    );
    assert!(
        !has(&leaders, "../../buddies/pairs/zoe-and-ines/"),
        "the leaders' dashboard shows only its pairs"
    );
    assert!(!has(&buddies, "../../leaders/pairs/priya-and-ruth/"));
    for page in ["", "progress/"] {
        let html = built.page(page);
        let doc = Doc::parse(&html);
        let rows = doc.all("#programs-table tbody tr");
        let cells: Vec<String> = rows
            .iter()
            .map(|r| r.text().collect::<Vec<_>>().join("|"))
            .collect();
        assert_eq!(rows.len(), 2, "{page}: {cells:?}");
        // Title, pairs, on track, needing attention, sessions held.
        assert!(
            cells[0].starts_with("Reverse mentoring for leaders|4|3|1|23|"),
            "{cells:?}"
        );
        assert!(
            cells[1].starts_with("New-hire buddies|5|3|1|31|"),
            "{cells:?}"
        );
        let hrefs = doc.attrs("#programs-table a", "href");
        assert!(
            hrefs.iter().any(|h| h.ends_with("leaders/progress/")),
            "{hrefs:?}"
        );
        assert!(
            hrefs.iter().any(|h| h.ends_with("buddies/progress/")),
            "{hrefs:?}"
        );
    }
    // A program's dashboard and its attention page sit under the program
    // in the breadcrumbs (they skipped it: Home > Progress).
    for (url, program) in [
        ("leaders/progress/", "../../leaders/"),
        ("leaders/progress/attention/", "../../../leaders/"),
        ("buddies/progress/", "../../buddies/"),
    ] {
        let crumbs = Doc::parse(&built.page(url)).attrs(".breadcrumbs a", "href");
        assert_eq!(
            crumbs.get(1),
            Some(&program.to_string()),
            "{url}: {crumbs:?}"
        );
    }
    let crumbs = Doc::parse(&built.page("progress/")).attrs(".breadcrumbs a", "href");
    assert_eq!(crumbs, ["../"], "the site's overview is under Home only");
    // A program's own page shows its figures and links its dashboard.
    let leaders_home = Doc::parse(&built.page("leaders/"));
    assert_eq!(
        leaders_home.text(".figures .figure-value"),
        "4",
        "the leaders' four pairs"
    );
    assert!(
        leaders_home
            .attrs(".home-links a", "href")
            .contains(&"../leaders/progress/".to_string())
    );
    // Both programs have a session template `kickoff`: a pair's resolves
    // in its own program.
    let kickoff = |url: &str| Doc::parse(&built.page(url)).attrs(".timeline a", "href");
    assert!(
        kickoff("leaders/pairs/zoe-and-tomas/")
            .contains(&"../../../leaders/sessions/01-kickoff/".to_string())
    );
    assert!(
        kickoff("buddies/pairs/kai-and-lena/")
            .contains(&"../../../buddies/sessions/01-kickoff/".to_string())
    );
    // Kai is in both programs: his page lists both pairs, each labelled.
    let kai = built.page("people/kai-nakamura/");
    let pairs = Doc::parse(&kai).attrs("#person-pairs a", "href");
    assert!(
        has(&pairs, "../../leaders/pairs/kai-and-helena/"),
        "{pairs:?}"
    );
    assert!(
        has(&pairs, "../../buddies/pairs/kai-and-lena/"),
        "{pairs:?}"
    );
    assert!(kai.contains("program-label\">Reverse mentoring for leaders<"));
    assert!(kai.contains("program-label\">New-hire buddies<"));
}

#[test]
fn each_program_has_its_goals_on_its_own_page_computed_from_its_own_pairs() {
    let built = Site::from_dir("examples/two-programs").as_of(AS_OF).build();
    let leaders = built.page("leaders/goals/");
    let buddies = built.page("buddies/goals/");
    assert!(
        leaders.contains("Pairs meeting at least monthly")
            && !leaders.contains("Buddy pairs on track")
    );
    assert!(
        buddies.contains("Buddy pairs on track")
            && !buddies.contains("Pairs meeting at least monthly")
    );

    // Ana and Bo (program a) met every month, Cy and Di (program b) never:
    // the same goal reads 100% in a and 0% in b.
    let built = two_programs().build();
    let rows = csv_rows(&std::fs::read_to_string(built.path("goals.csv")).expect("goals.csv"));
    assert_eq!(rows[0][..2], ["program", "goal"]);
    let latest = rows[0].iter().position(|c| c == "latest").expect("latest");
    let of = |program: &str| {
        rows.iter()
            .find(|r| r[0] == program)
            .map(|r| r[latest].clone())
            .expect("a row")
    };
    assert_eq!((of("a").as_str(), of("b").as_str()), ("100", "0"));
    assert!(built.page("a/goals/").contains("100"));
}

#[test]
fn the_same_pair_id_in_two_programs_gives_two_pages() {
    let site = two_programs();
    assert_eq!(site.check().stdout(), "0 errors, 0 warnings\n");
    let built = site.build();
    assert!(built.page("a/pairs/pair-one/").contains("Ana Alder"));
    assert!(built.page("b/pairs/pair-one/").contains("Cy Cedar"));
    assert!(
        !built.path("pairs").exists(),
        "no pair outside its program's folder"
    );
    // Cy and Di never met: stalled, on their program's dashboard only.
    assert!(!built.page("a/progress/").contains("Cy Cedar"));
    assert!(built.page("b/progress/").contains("Cy Cedar"));

    // Both met on 1 September; b's log still says `planned` for 2 November.
    site.edit("content/b/cohort.md", |text| {
        text.replace(
            "    mentee: di\n",
            "    mentee: di\n    sessions:\n      - {date: 2026-09-01}\n      - {date: 2026-11-02, status: planned}\n",
        )
    });
    let built = site.build();
    let uids = |program: &str| -> Vec<String> {
        let path = built.path(&format!("{program}/pairs/pair-one/sessions.ics"));
        let calendar = std::fs::read_to_string(path).expect("ics");
        calendar
            .lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect()
    };
    let (a, b) = (uids("a"), uids("b"));
    assert!(!a.is_empty() && !b.is_empty());
    assert!(a.iter().all(|uid| !b.contains(uid)), "{a:?} {b:?}");
    let to_update = Doc::parse(&built.page("progress/")).attrs(".to-update a", "href");
    assert_eq!(to_update, ["../b/pairs/pair-one/"]);
}

#[test]
fn a_duplicate_pair_id_within_one_program_is_an_error_at_its_place() {
    let site = two_programs();
    site.edit("content/a/cohort.md", |text| {
        text.replace(
            "pairs:\n",
            "pairs:\n  - id: pair-one\n    mentor: cy\n    mentee: bo\n",
        )
    });
    let ran = site.run("check", ["--format", "json", "--as-of", AS_OF]);
    assert_eq!(ran.located(), ["content/a/cohort.md:11:9 duplicate-id"]);
}

#[test]
fn a_roster_outside_every_program_folder_is_an_error_naming_the_folders() {
    let site = two_programs();
    site.write(
        "content/cohort.md",
        "---\ntitle: Stray\nkind: roster\ncohort: Stray\nstart: 2026-09-01\npairs:\n  - {id: stray, mentor: bo, mentee: ana}\n---\n",
    );
    let ran = site.check();
    assert_eq!(ran.status().code(), Some(1));
    let out = ran.stdout();
    assert!(out.contains("error[outside-program]"), "{out}");
    assert!(out.contains("--> content/cohort.md:1:1"), "{out}");
    assert!(out.contains("`content/a/`, `content/b/`"), "{out}");
}

/// A pair's template is looked up in its own program, then site-wide: one
/// that exists only in another program used to be "unknown" with the hint
/// "did you mean `check-in`?", the very id written.
#[test]
fn a_template_of_another_program_is_named_as_such() {
    let site = two_programs();
    site.write(
        "content/b/check-in.md",
        "---\ntitle: Check-in\nkind: session\nduration: 30\n---\n\nHow is it going?\n",
    )
    .write(
        "content/b/kickoff.md",
        "---\ntitle: Kickoff\nkind: session\nduration: 30\n---\n\nHello.\n",
    )
    .write(
        "content/a/cohort.md",
        "---\ntitle: A cohort\nkind: roster\ncohort: A 2026\nstart: 2026-09-01\ncadence: monthly\npairs:\n  - id: pair-one\n    mentor: ana\n    mentee: bo\n    sessions:\n      - {date: 2026-09-01, template: check-in}\n      - {date: 2026-10-01, template: kickof}\n---\n",
    );
    let out = site.check().stdout();
    assert!(
        out.contains("`check-in` is a session template of program `b`"),
        "{out}"
    );
    assert!(out.contains("add one to `content/a/`"), "{out}");
    assert!(!out.contains("did you mean `check-in`"), "{out}");
    // Only templates program a can use are suggested: none here.
    assert!(!out.contains("did you mean `kickoff`"), "{out}");
    assert!(
        out.contains("no session template is in `content/a/` or outside the programs' folders yet"),
        "{out}"
    );
}

#[test]
fn a_listed_program_without_a_folder_is_told_at_its_id() {
    let site = two_programs();
    site.write(
        "playbook.yaml",
        "programs:\n  - id: a\n  - id: bb\n  - id: b\n",
    );
    let ran = site.run("check", ["--format", "json", "--as-of", AS_OF]);
    assert_eq!(ran.located(), ["playbook.yaml:3:9 bad-value"]);
    assert!(
        ran.stdout().contains("`content/bb/` holds no pages"),
        "{}",
        ran.stdout()
    );
}

#[test]
fn the_exports_have_a_program_column() {
    let built = two_programs().build();
    let rows = csv_rows(&std::fs::read_to_string(built.path("progress.csv")).expect("csv"));
    assert_eq!(rows[0][..3], ["program", "roster", "cohort"]);
    let programs: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(programs, ["a", "b"]);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(built.path("progress.json")).expect("json"))
            .expect("JSON");
    assert_eq!(json["pairs"][1]["program"], "b");
    assert_eq!(json["goals"][0]["program"], "a");
    assert_eq!(json["programs"][0]["title"], "Program A");
    assert_eq!(
        json["programs"][1]["title"], "Program B",
        "from its folder's _index.md"
    );
    assert_eq!(json["programs"][0]["sessions_held"], 3);
}

#[test]
fn diff_names_the_program_of_each_changed_pair() {
    let base = two_programs();
    let head = two_programs();
    head.edit("content/b/cohort.md", |text| {
        text.replace(
            "    mentee: di\n",
            "    mentee: di\n    sessions:\n      - {date: 2026-11-03}\n",
        )
    });
    let mut diff = command(["diff"]);
    diff.arg(base.root())
        .arg(head.root())
        .args(["--as-of", AS_OF]);
    let out = Ran::of(diff).expect_success().stdout();
    assert!(
        out.contains("| pair-one \\(b\\) | stalled → at risk |"),
        "{out}"
    );
    assert!(out.contains("in pair-one \\(b\\) (1)"), "{out}");
    assert!(!out.contains("\\(a\\)"), "{out}");
}

#[test]
fn match_needs_the_program_and_writes_into_its_folder() {
    let site = two_programs();
    site.write(
        "signups.csv",
        "id,name,role,team,reports_to,side,can_teach,wants_to_learn,interests,work_style,capacity,avoid\nana,,,,,mentor,Spreadsheets,,,,1,\nbo,,,,,mentee,,Spreadsheets,,,,\n",
    );
    let signups = site.path("signups.csv");
    let signups = signups.to_str().expect("utf8");
    let ran = site.run("match", ["--signups", signups, "--cohort", "Spring"]);
    assert_eq!(ran.status().code(), Some(2));
    assert!(
        ran.stderr().contains("--program (a, b)"),
        "{}",
        ran.stderr()
    );
    let ran = site.run(
        "match",
        ["--signups", signups, "--cohort", "Spring", "--program", "c"],
    );
    assert_eq!(ran.status().code(), Some(2));
    assert!(
        ran.stderr().contains("the programs are a, b"),
        "{}",
        ran.stderr()
    );
    // Ana and Bo are a pair of program a only: in program b both are free.
    site.run(
        "match",
        [
            "--signups",
            signups,
            "--cohort",
            "Spring",
            "--program",
            "b",
            "--start",
            "2027-03-01",
        ],
    )
    .expect_success();
    let draft = site.read("content/b/cohorts/spring-draft.md");
    assert!(
        draft.contains("mentor: \"ana\"") && draft.contains("mentee: \"bo\""),
        "{draft}"
    );
    assert_eq!(site.check().stdout(), "0 errors, 0 warnings\n");
}

#[test]
fn a_site_without_programs_has_no_program_column_or_rows() {
    let built = Site::from_repo().as_of(AS_OF).build();
    let csv = std::fs::read_to_string(built.path("progress.csv")).expect("csv");
    assert!(csv.starts_with("roster,cohort,pair,"), "{}", &csv[..40]);
    let goals = std::fs::read_to_string(built.path("goals.csv")).expect("csv");
    assert!(goals.starts_with("goal,title,"));
    let json = std::fs::read_to_string(built.path("progress.json")).expect("json");
    assert!(
        !json.contains("\"program"),
        "no program field in a one-program site"
    );
    assert!(!built.page("").contains("programs-table"));
    assert!(built.path("pairs").is_dir());
}

#[test]
fn a_pair_moved_into_a_program_keeps_its_old_address_with_an_alias() {
    let site = two_programs();
    site.edit("content/a/cohort.md", |text| {
        text.replace(
            "  - id: pair-one\n",
            "  - id: pair-one\n    aliases: [pair-one]\n",
        )
    });
    assert_eq!(site.check().stdout(), "0 errors, 0 warnings\n");
    let built = site.build();
    assert!(
        built.page("pairs/pair-one/").contains("a/pairs/pair-one/"),
        "a redirect from the one-program address"
    );
}

#[test]
fn two_programs_with_a_cohort_of_one_name_keep_their_own_rows_on_the_overview() {
    // Both programs call their cohort "2026": the overview's cohorts side
    // by side had summed them into one row linking one roster.
    let site = two_programs();
    for program in ["a", "b"] {
        let file = format!("content/{program}/cohort.md");
        let text = site.read(&file).replace(
            &format!("cohort: {} 2026", program.to_uppercase()),
            "cohort: 2026",
        );
        site.write(&file, text);
    }
    let built = site.build();
    let overview = Doc::parse(&built.page("progress/"));
    let rows: Vec<(String, String, String)> = overview
        .all(".cohorts-table tbody tr")
        .iter()
        .map(|row| {
            let cell = |css: &str| {
                row.select(&crate::support::selector(css))
                    .next()
                    .map(|e| e.text().collect::<String>().trim().to_string())
                    .unwrap_or_default()
            };
            let href = row
                .select(&crate::support::selector("a"))
                .next()
                .and_then(|a| a.value().attr("href"))
                .unwrap_or_default()
                .to_string();
            (cell("a"), href, cell("td:nth-child(2)"))
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("2026 (Program A)".into(), "../a/cohort/".into(), "1".into()),
            ("2026 (Program B)".into(), "../b/cohort/".into(), "1".into()),
        ],
        "one row per program's cohort, each with its own pair started"
    );
    // Each program's own dashboard names its cohort plainly.
    let a = Doc::parse(&built.page("a/progress/"));
    assert_eq!(a.text(".cohorts-table tbody a"), "2026");
    let json = built.file("progress.json");
    assert!(json.contains("\"program\": \"a\"") && json.contains("\"program\": \"b\""));
}
