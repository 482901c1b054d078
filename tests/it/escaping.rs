//! Whatever contributors type into front matter and Markdown, the built
//! pages run no script of theirs: values are escaped in every template, raw
//! HTML is sanitised and `javascript:` links are disabled.

use crate::support::{Doc, Site};

/// (Its image is on another site: `check` refuses a broken image, raw
/// HTML's included, and this site must build.)
const EVIL: &str =
    "\\\"><script>alert('x')</script><img src=https://example.org/x.png onerror=alert(1)>";

#[test]
fn hostile_text_anywhere_is_escaped_or_removed_in_every_output_file() {
    let site = Site::empty().as_of("2026-02-01");
    let e = EVIL;
    site.write(
        "playbook.yaml",
        format!("title: \"Site {e}\"\ndescription: \"{e}\"\norganisation: \"{e}\"\n"),
    );
    site.write(
        "data/people.yaml",
        format!(
            "- {{id: a, name: \"Ann {e}\", role: \"{e}\", team: \"{e}\"}}\n- {{id: b, name: \"Bob {e}\"}}\n"
        ),
    );
    site.write(
        "content/_index.md",
        format!(
            "---\ntitle: \"Home {e}\"\ndescription: \"{e}\"\n---\n## Heading {e}\n\n[click](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>)\n\n<script>alert('raw')</script>\n<a href=\"javascript:alert(2)\" onclick=\"alert(3)\">x</a>\n<iframe src=\"https://example.org\"></iframe>\n"
        ),
    );
    site.write(
        "content/goals.md",
        format!(
            "---\ntitle: Goals\nkind: goals\ngoals:\n  - {{id: g, title: \"{e}\", metric: \"{e}\", unit: \"{e}\", target: 3, baseline: 1, results: [{{date: 2026-01-01, value: 2}}]}}\n---\n"
        ),
    );
    site.write(
        "content/sessions/kickoff.md",
        format!(
            "---\ntitle: \"Kickoff {e}\"\nkind: session\nduration: 10\nagenda: [{{minutes: 10, item: \"{e}\"}}]\nprepare: [\"{e}\"]\nprompts: [\"{e}\"]\n---\n"
        ),
    );
    site.write(
        "content/cohort.md",
        format!(
            "---\ntitle: \"Cohort {e}\"\nkind: roster\ncohort: \"{e}\"\nstart: 2026-01-05\ncadence: weekly\npairs:\n  - id: ab\n    mentor: a\n    mentee: b\n    topics: [\"{e}\"]\n    goals: [{{title: \"{e}\"}}]\n    sessions: [{{date: 2026-01-06, template: kickoff, notes: \"{e}\"}}]\n---\n"
        ),
    );
    let built = site.build();
    let mut checked = 0;
    for name in built.files() {
        let text = built.file(&name);
        if name.ends_with(".html") {
            checked += 1;
            for element in Doc::parse(&text).all("*") {
                let el = element.value();
                assert!(
                    !matches!(el.name(), "iframe" | "object" | "embed"),
                    "{name}: <{}>",
                    el.name()
                );
                for (attr, value) in el.attrs() {
                    assert!(
                        !attr.starts_with("on"),
                        "{name}: <{} {attr}=...>",
                        el.name()
                    );
                    let lowered = value.trim().to_ascii_lowercase();
                    if matches!(attr, "href" | "src" | "action") {
                        assert!(
                            !lowered.starts_with("javascript:")
                                && !lowered.starts_with("data:text"),
                            "{name}: {attr}={value}"
                        );
                    }
                }
                if el.name() == "script" {
                    let body: String = element.text().collect();
                    // Only the theme's own scripts: files, and the one line that marks JS as on.
                    assert!(
                        body.is_empty() || body == "document.documentElement.classList.add('js')",
                        "{name}: inline script {body}"
                    );
                }
            }
            // The escaped text is still there for people to read.
            if name.ends_with("pairs/ab/index.html") {
                assert!(
                    text.contains("&lt;script&gt;alert("),
                    "{name} lost the text"
                );
            }
        }
        if name.contains("search/") && name.ends_with(".js") {
            assert!(
                !text.contains("</script"),
                "the index can end a script element"
            );
        }
    }
    assert!(checked >= 6, "only {checked} pages");
}
