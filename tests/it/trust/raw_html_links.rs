//! Links and images in raw HTML (issue #16, item 7): the page publishes
//! their addresses as written, so `check` holds them to what the build
//! writes like any link, at the value's line and column, and also refuses
//! what only a Markdown link gets away with (a `.md` file, a `/` address).
//! What the allow-list drops is no link of the page and is not checked.

use super::links::{Problem, col_of, only_problem, playbook, problems};

/// (code, file:line:col, hint) of each problem.
fn summary(found: &[Problem]) -> Vec<(&str, &str, &str)> {
    found
        .iter()
        .map(|(code, at, _, hint)| (code.as_str(), at.as_str(), hint.as_str()))
        .collect()
}

#[test]
fn raw_html_links_and_images_are_checked_where_their_values_are_written() {
    let site = playbook();
    // content/help.md is published at help/, one level down.
    let image = "<p align=\"center\"><img width=\"300\" src=\"img/team.png\" alt=\"The team\"></p>";
    let links = "Ask <a href=\"../peoples/\">anyone</a>, read <a href=\"../about/faq.md#taking-part\">the FAQ</a> or see <A HREF='/progress/'>progress</A>.";
    site.write(
        "content/help.md",
        format!("---\ntitle: Help\n---\n{image}\n\n{links}\n"),
    );
    let found = problems(&site);
    let at = |line: usize, text: &str, needle: &str| {
        format!("content/help.md:{line}:{}", col_of(text, needle))
    };
    assert_eq!(
        summary(&found),
        [
            (
                "broken-link",
                &*at(4, image, "img/team.png"),
                "files are published from the site's static/ folder: put it at `static/img/team.png` and link `../static/img/team.png`"
            ),
            (
                "broken-link",
                &*at(6, links, "../peoples/"),
                "did you mean `../people/`?"
            ),
            (
                "broken-link",
                &*at(6, links, "../about/faq.md"),
                "write the page's address, `../about/faq/#taking-part`, or make it a Markdown link (`[text](../about/faq.md#taking-part)`), which the build points at the page"
            ),
            (
                "broken-link",
                &*at(6, links, "/progress/"),
                "write it relative to this page's address, `../progress/`"
            ),
        ]
    );
    assert!(
        found[2].2.contains("published as written") && found[3].2.contains("opened from disk"),
        "{found:#?}"
    );

    // Written as the hints say, they pass, and the built page's links and
    // image lead to what the build wrote.
    site.write("static/img/team.png", b"\x89PNG\r\n\x1a\nteam");
    let fixed = links
        .replace("../peoples/", "../people/")
        .replace("../about/faq.md#", "../about/faq/#")
        .replace("'/progress/'", "'../progress/'");
    site.write(
        "content/help.md",
        format!(
            "---\ntitle: Help\n---\n{}\n\n{fixed}\n",
            image.replace("img/team.png", "../static/img/team.png")
        ),
    );
    assert_eq!(problems(&site), []);
    let built = site.build();
    let page = built.doc("help/");
    assert_eq!(
        page.attrs(".content img", "src"),
        ["../static/img/team.png"]
    );
    assert_eq!(
        page.attrs(".content a[href^='../']", "href"),
        ["../people/", "../about/faq/#taking-part", "../progress/"]
    );
    built.assert_internal_links_resolve();
}

#[test]
fn only_what_the_allow_list_publishes_is_checked() {
    let site = playbook();
    let body = "## Contact\n\n\
        <!-- old layout:\n<img src=\"img/old.png\">\n-->\n\n\
        <script>document.write('<a href=\"nowhere/\">')</script>\n\n\
        <svg><a href=\"nowhere/\">x</a></svg>\n\n\
        Mail <a href=\"mailto:coordinator@example.org\">us</a>, see <a href=\"https://example.org/x\">this</a>, \
        back to <a href=\"#contact\">contact</a>, `<a href=\"nowhere/\">` in code.\n\n\
        <video src=\"intro.mp4\" controls></video>\n";
    site.write("content/help.md", format!("---\ntitle: Help\n---\n{body}"));
    // Sanitised, the video goes: nothing on this page leads nowhere.
    assert_eq!(problems(&site), []);

    // Trusted editors publish it, so it must exist; an anchor in raw HTML
    // is checked as any.
    site.edit("playbook.yaml", |text| {
        format!("{text}markdown:\n  raw_html: allow\n")
    });
    site.edit("content/help.md", |text| {
        text.replace("#contact", "#contacts")
    });
    let found = problems(&site);
    let text = site.read("content/help.md");
    let at = |needle: &str| {
        let (index, line) = text
            .lines()
            .enumerate()
            .find(|(_, line)| line.contains(needle))
            .expect("needle");
        format!("content/help.md:{}:{}", index + 1, col_of(line, needle))
    };
    let codes: Vec<(&str, &str)> = summary(&found)
        .into_iter()
        .map(|(code, at, _)| (code, at))
        .collect();
    assert_eq!(
        codes,
        [
            ("broken-anchor", &*at("#contacts")),
            ("broken-link", &*at("intro.mp4")),
        ],
        "{found:#?}"
    );
    assert!(found[1].2.contains("`intro.mp4`"), "{found:#?}");
}

#[test]
fn a_broken_image_in_raw_html_stops_the_build() {
    let site = playbook();
    site.write(
        "content/help.md",
        "---\ntitle: Help\n---\n<img src=\"../static/img/missing.png\">\n",
    );
    let (code, at, message, hint) = only_problem(&site);
    assert_eq!(
        (code.as_str(), at.as_str()),
        ("broken-link", "content/help.md:4:11")
    );
    assert!(message.contains("`static/img/missing.png`"), "{message}");
    assert!(hint.contains("static/img/missing.png"), "{hint}");
    assert_eq!(
        site.try_build().status().code(),
        Some(1),
        "built with a broken image"
    );
}
