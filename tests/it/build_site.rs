//! `mentorbook build` on real sites: the default playbook in content/ and
//! the fixture under tests/fixtures/valid, read back by parsing the HTML.

use crate::support::{SECRETS, Site, selector, site_with_secrets};
use mentorbook::pipeline;
use mentorbook::progress::{self, PairStatus};
use std::collections::HashMap;

const AS_OF: &str = "2026-11-24";

#[test]
fn the_fixture_site_shows_each_pair_with_its_status_as_of_the_date() {
    let built = Site::from_fixture("valid").as_of("2026-04-01").build();

    let pair = built.doc("pairs/dana-and-farah/");
    assert_eq!(pair.text("h1"), "Dana and Farah");
    assert_eq!(pair.text(".page-header .status"), "on track");
    // Due 2, 16 and 30 March; the third is planned for 8 April, so none is
    // late yet: on track.
    assert_eq!(
        pair.text(".progress-summary"),
        "2 of the 21 sessions in the plan held; 3 expected by now."
    );
    assert_eq!(pair.count(".timeline-item"), 3);
    assert!(pair.text(".content").contains("We meet in the library."));
    // The session template is linked from the timeline.
    let kickoff = pair.all(".timeline-item a")[0]
        .value()
        .attr("href")
        .map(String::from);
    assert_eq!(kickoff.as_deref(), Some("../../sessions/01-kickoff/"));

    let confidential = built.doc("pairs/ari-and-tomas/");
    assert_eq!(confidential.text(".page-header .status"), "at risk");
    assert!(confidential.text(".callout").contains("confidential"));

    let newcomers = built.doc("pairs/newcomers/");
    assert_eq!(newcomers.text("h1"), "Nia New and Lee Leader");
    assert_eq!(newcomers.text(".page-header .status"), "not started");

    let dashboard = built.doc("progress/");
    let first_text = |figure: &scraper::ElementRef, css: &str| {
        figure
            .select(&selector(css))
            .next()
            .map(|e| e.text().collect::<String>())
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let counts: HashMap<String, String> = dashboard
        .all(".figures .figure")
        .iter()
        .map(|f| (first_text(f, "dt"), first_text(f, "dd")))
        .collect();
    assert_eq!(counts["on track"], "1");
    assert_eq!(counts["at risk"], "1");
    assert_eq!(counts["not started"], "1");
    assert_eq!(counts["stalled"], "0");
    // The dashboard lists the pairs needing attention only; the cohort's
    // page lists all of its pairs, attention first: at risk before not
    // started before on track.
    let order = dashboard.attrs("#pairs tbody tr", "data-status");
    assert_eq!(order, ["at-risk"]);
    let cohort = built.doc("cohort/");
    let order = cohort.attrs("#pairs tbody tr", "data-status");
    assert_eq!(order, ["at-risk", "not-started", "on-track"]);

    let guide = built.doc("guide/");
    assert_eq!(guide.count("#checklist tbody tr"), 3);
    assert_eq!(
        guide.text(".page-header .meta"),
        "1 of 3 steps done · 1 overdue · checklist 3 of 5"
    );

    let session = built.doc("sessions/01-kickoff/");
    assert_eq!(session.text(".agenda tfoot th"), "45");
    assert_eq!(session.text(".facts div:last-child dd"), "2 pairs");

    let goals = built.doc("goals/");
    assert_eq!(goals.count("#goals-table tbody tr"), 2);
    // Each goal its chart: the baseline and every result as of the date.
    assert_eq!(goals.count("svg.goal-chart"), 2);
    assert_eq!(goals.count("svg.goal-chart circle"), 3);

    let figures: Vec<String> = built
        .doc("")
        .all(".figure-value")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    // Pairs, sessions held, share on track, steps done, goals reached.
    assert_eq!(figures, ["3", "3", "50%", "1 of 3", "0 of 2"]);

    assert_eq!(built.doc("people/").count("#people tbody tr"), 5);

    built.assert_internal_links_resolve();
}

#[test]
fn private_and_confidential_details_reach_no_output_file() {
    let built = site_with_secrets().build();
    for marker in SECRETS {
        let leaks = built.files_containing(marker);
        assert!(leaks.is_empty(), "{marker} leaked into {leaks:?}");
    }
    // The pair itself is published, saying what it leaves out; an open
    // pair's details are shown, so the absence above is the rule at work.
    let page = built.page("pairs/ari-and-tomas/");
    assert!(page.contains("This pair is confidential"));
    // Its pair file's own title is not published either: it goes by its
    // people's names (security::publication has the rest).
    assert!(page.contains("Ari Analyst and Tomas Tech"));
    assert!(!page.contains("Ari and Tomás"));
    let open = built.page("pairs/dana-and-farah/");
    assert!(open.contains("Good start") && open.contains("Chat tools"));
    assert!(open.contains("Run a meeting with shared notes"));
}

#[test]
fn the_default_playbook_builds_with_pages_that_match_the_model() {
    let site = Site::repo().as_of(AS_OF);
    let built = site.build();
    let checked = pipeline::load_and_check(site.root()).expect("load");
    let playbook = &checked.playbook;
    let as_of = mentorbook::source::fields::parse_date(AS_OF).expect("date");
    let mut by_status: HashMap<PairStatus, usize> = HashMap::new();
    // A draft roster's pairs (the spring proposal) are not built.
    let published: Vec<_> = playbook.pairs.iter().filter(|p| !p.draft).collect();
    for pair in &published {
        let p = progress::of_pair(pair, as_of, playbook.config.progress);
        *by_status.entry(p.status).or_default() += 1;
        let page = built.doc(&format!("pairs/{}/", pair.id.value));
        assert_eq!(
            page.text(".page-header .status"),
            p.status.label(),
            "pair {}",
            pair.id.value
        );
        // The bar's words: held of the plan, else of those expected by now.
        let summary = match p.in_plan {
            Some(n) => format!(
                "{} of the {n} sessions in the plan held; {} expected by now.",
                p.held, p.expected_to_date
            ),
            None => format!(
                "{} of the {} sessions expected by now held.",
                p.held, p.expected_to_date
            ),
        };
        assert_eq!(
            page.text(".progress-summary"),
            summary,
            "pair {}",
            pair.id.value
        );
    }
    // The default playbook shows every status but `ended`: a pair left
    // open past its end is a warning, and the default playbook checks clean.
    assert_eq!(by_status.len(), PairStatus::ALL.len() - 1, "{by_status:?}");
    assert!(!by_status.contains_key(&PairStatus::Ended));
    let dashboard = built.doc("progress/");
    // Each pair on its cohort's page; those needing attention on the
    // dashboard too.
    let attention = |s: PairStatus| {
        matches!(
            s,
            PairStatus::Stalled | PairStatus::AtRisk | PairStatus::Ended
        )
    };
    let needing: usize = by_status
        .iter()
        .filter(|(s, _)| attention(**s))
        .map(|(_, n)| n)
        .sum();
    assert_eq!(dashboard.count("#pairs tbody tr"), needing);
    assert_eq!(
        built.doc("cohorts/2026-pilot/").count("#pairs tbody tr"),
        published.len()
    );
    for status in PairStatus::ALL {
        let label = dashboard.text(&format!(
            ".figures .figure:has(.status-{}) dd",
            status.slug()
        ));
        let count = by_status.get(&status).copied().unwrap_or(0);
        assert_eq!(label, count.to_string(), "{status:?}");
    }
    built.assert_internal_links_resolve();
}

#[test]
fn two_builds_are_byte_identical() {
    let site = Site::repo().as_of(AS_OF);
    let (a, b) = (site.build_to("a"), site.build_to("b"));
    assert_eq!(a.files(), b.files());
    for file in a.files() {
        assert!(a.bytes(&file) == b.bytes(&file), "{file} differs");
    }
}

#[test]
fn source_date_epoch_sets_the_as_of_date() {
    let built = Site::from_fixture("valid")
        .env("SOURCE_DATE_EPOCH", "1775001600") // 2026-04-01
        .build();
    assert_eq!(built.doc("").text(".site-footer time"), "1 Apr 2026");
}

#[test]
fn a_broken_input_leaves_the_previous_output_intact() {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    let built = site.build();
    let before: Vec<(String, Vec<u8>)> = built
        .files()
        .into_iter()
        .map(|f| {
            let bytes = built.bytes(&f);
            (f, bytes)
        })
        .collect();

    site.write("content/goals.md", "---\ntitle: [broken\n---\n");
    let failed = site.as_of("2026-05-01").try_build();
    assert_eq!(failed.status().code(), Some(1));
    let stderr = failed.stderr();
    assert!(stderr.contains("--> content/goals.md:"), "{stderr}");
    assert!(stderr.contains("was left as it was"), "{stderr}");
    for (file, bytes) in before {
        assert_eq!(failed.bytes(&file), bytes, "{file} changed");
    }
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = Site::from_fixture("valid").as_of("2026-04-01");
    site.write(
        "content/secret-plan.md",
        "---\ntitle: Secret plan\ndraft: true\n---\nNot yet.\n",
    );
    let built = site.build();
    assert!(!built.path("secret-plan/index.html").exists());
    let index: String = built
        .files()
        .iter()
        .filter(|f| f.starts_with("search/"))
        .map(|f| built.file(f))
        .collect();
    assert!(
        index.contains("\"goals\""),
        "the index has the other pages: {index}"
    );
    assert!(!index.contains("Secret plan") && !index.contains("secret"));
    let built = site.arg("--drafts").build();
    assert!(built.path("secret-plan/index.html").exists());
}

#[test]
fn a_site_overrides_theme_templates_and_assets_by_name() {
    let site = Site::from_fixture("valid");
    site.write(
        "templates/404.html",
        "<!doctype html><title>Lost</title><p>Custom {{ site.title }}</p>",
    );
    site.write(
        "static/logo.svg",
        "<svg xmlns='http://www.w3.org/2000/svg'/>",
    );
    let built = site.clone().as_of("2026-04-01").build();
    assert_eq!(
        built.page("404.html"),
        "<!doctype html><title>Lost</title><p>Custom Fixture Programme</p>"
    );
    assert!(built.path("static/logo.svg").exists());
    assert!(built.path("static/style.css").exists());

    site.write("templates/page.html", "{% if broken %}");
    let failed = site.try_build();
    assert_eq!(failed.status().code(), Some(1));
    assert!(failed.stderr().contains("templates/page.html"));
    // The staging folder of the failed build is gone; the last good site stays.
    let mut left: Vec<String> = std::fs::read_dir(site.tmp())
        .expect("tmp")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["public", "site"]);
    assert!(failed.path("static/logo.svg").exists());
}

#[test]
fn a_sites_header_footer_and_breadcrumb_templates_frame_every_page_from_its_own_folder() {
    let site = Site::from_fixture("valid");
    site.write(
        "templates/frame-header.html",
        "<p class=\"banner\">{{ site.title }} from {{ root }}</p>",
    );
    site.write(
        "templates/frame-footer.html",
        "<footer>{{ t(key=\"ui-built-with\") }} from {{ root }}</footer>",
    );
    site.write(
        "templates/frame-breadcrumbs.html",
        "{% for c in breadcrumbs %}<li class=\"crumb\">{{ c.title }} at {{ c.href }}</li>{% endfor %}",
    );
    let built = site.as_of("2026-04-01").build();
    let pages: Vec<String> = built
        .files()
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect();
    let mut depths = std::collections::BTreeSet::new();
    let mut crumbed = 0;
    for file in &pages {
        let html = built.file(file);
        // Redirects of `aliases:` have no frame.
        let Some(root) = html
            .split_once("data-root=\"")
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(root, _)| root.to_string())
        else {
            continue;
        };
        assert!(
            html.contains(&format!(
                "<p class=\"banner\">Fixture Programme from {root}</p>"
            )),
            "{file}: {html}"
        );
        assert!(
            html.contains(&format!(
                "<footer>Built with mentorbook from {root}</footer>"
            )),
            "{file}"
        );
        assert!(!html.contains("skip-link"), "{file}");
        if html.contains("class=\"breadcrumbs\"") {
            assert!(
                html.contains(&format!("<li class=\"crumb\">Home at {root}</li>")),
                "{file}"
            );
            crumbed += 1;
        }
        depths.insert(root);
    }
    assert!(depths.len() >= 3, "pages at several depths: {depths:?}");
    assert!(crumbed >= 3, "{crumbed} pages with breadcrumbs");
}

/// A site whose own `base.html` includes its own partial named like one of
/// the frame's, made for its pages (it prints the page's title): the frame
/// renders only what a template prints, so that partial is not rendered on
/// its own without the page, which would fail every page.
#[test]
fn a_sites_own_partial_named_like_the_frames_is_left_to_its_base_html() {
    let site = Site::from_fixture("valid");
    let base = include_str!("../../themes/default/templates/base.html");
    assert!(base.contains("{{ frame_header | safe }}"));
    site.write(
        "templates/base.html",
        base.replace(
            "{{ frame_header | safe }}",
            "{% include \"frame-header.html\" %}",
        ),
    );
    site.write(
        "templates/frame-header.html",
        "<p class=\"mine\">{{ title }}</p>",
    );
    let built = site.as_of("2026-04-01").build();
    let home = built.doc("");
    assert_eq!(home.text(".mine"), home.text("h1"));
    assert!(!built.page("").contains("skip-link"));
}

#[test]
fn the_output_is_self_contained_and_the_search_index_is_a_script() {
    let built = Site::repo().as_of(AS_OF).build();
    for needle in ["src=\"http", "href=\"http://", "url(http", "@import"] {
        let hosts: Vec<String> = built
            .files_containing(needle)
            .into_iter()
            .filter(|f| f.ends_with(".html") || f.ends_with(".css") || f.ends_with(".js"))
            .collect();
        assert!(
            hosts.is_empty(),
            "{hosts:?} load from another host ({needle})"
        );
    }
    let index = built.file("search/index.js");
    assert!(index.starts_with("mentorbookSearch(\"index\",\"\",{\"v\":3,"));
    // Pages load the index only on first use, never in their <head>.
    assert!(!built.page("").contains("search/"));
}
