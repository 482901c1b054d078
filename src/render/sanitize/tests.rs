use super::*;
use crate::source::html::allow::address;

fn strict(html: &str) -> String {
    clean(html.to_string(), RawHtml::Sanitize)
}

fn trusted(html: &str) -> String {
    clean(html.to_string(), RawHtml::Allow)
}

#[test]
fn what_pulldown_cmark_and_the_renderer_write_passes_unchanged() {
    for html in [
        "<h2 id=\"a\" class=\"x y\">A <a class=\"anchor\" href=\"#a\" aria-label=\"Link to this section: A\">#</a></h2>\n",
        "<table><thead><tr><th style=\"text-align: left\">a</th><th style=\"text-align: right\">b</th></tr></thead><tbody>\n<tr><td style=\"text-align: center\">1</td><td>2</td></tr>\n</tbody></table>\n",
        "<ul>\n<li><input type=\"checkbox\" disabled checked aria-label=\"done\"> done</li>\n</ul>\n",
        "<p>Note<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup> <del>old</del> &amp; &lt;b&gt;</p>\n<div class=\"footnote-definition\" id=\"1\"><sup class=\"footnote-definition-label\">1</sup>\n<p>The note.</p>\n</div>\n",
        "<pre><code class=\"language-rust\">if a &lt; b { x('y') }\n</code></pre>\n",
        "<ol start=\"3\">\n<li><a href=\"../02-b/#x\" title=\"t\">next</a> <a href=\"https://example.org/?a=1&amp;b=2\">web</a></li>\n</ol>\n",
    ] {
        assert_eq!(strict(html), html);
    }
}

#[test]
fn event_handlers_styles_and_unknown_attributes_go() {
    assert_eq!(
        strict(
            "<h2 id=\"hi\" tabindex=\"0\" autofocus onfocus=\"alert(1)\" style=\"color:red\">Hi</h2>"
        ),
        "<h2 id=\"hi\">Hi</h2>"
    );
    assert_eq!(
        strict("<b onclick=x() ONMOUSEOVER=y()>bold</b><img src=x onerror=alert(1)>"),
        "<b>bold</b><img src=\"x\">"
    );
}

#[test]
fn the_themes_own_ids_are_not_for_content() {
    // `#mentorbook-overlay` is fixed over the whole window, above all else.
    assert_eq!(
        strict(
            "<a href=\"https://x.example/\" id=\"mentorbook-overlay\">Sign in</a><div id=\"main\">m</div>"
        ),
        "<a href=\"https://x.example/\">Sign in</a><div>m</div>"
    );
    assert_eq!(strict("<p id=\"main-1\">k</p>"), "<p id=\"main-1\">k</p>");
}

#[test]
fn the_themes_pinned_classes_are_not_for_content() {
    // `.site-header` is sticky at the top of the window, above the page.
    assert_eq!(
        strict("<div class=\"note site-header\"><a href=\"https://x.example/\">Sign in</a></div>"),
        "<div><a href=\"https://x.example/\">Sign in</a></div>"
    );
    assert_eq!(
        strict("<p class=\"note sidebar-tip\">k</p>"),
        "<p class=\"note sidebar-tip\">k</p>"
    );
}

/// Every class the theme's style sheet pins (`position: fixed` or
/// `sticky`, or a `z-index`) is one the sanitiser keeps from content.
#[test]
fn every_pinned_class_of_the_style_sheet_is_kept_from_content() {
    let css = include_str!("../../../themes/default/static/style.css");
    let mut pinned = Vec::new();
    // Innermost `selector { declarations }` blocks, media queries' included.
    for block in css.split('}') {
        let Some((selectors, body)) = block.rsplit_once('{') else {
            continue;
        };
        let selectors = selectors.rsplit("*/").next().unwrap_or(selectors);
        // Inside `@media (...) {`, the rule's own selectors come after it.
        let selectors = selectors.rsplit('{').next().unwrap_or(selectors);
        if !(body.contains("position: fixed")
            || body.contains("position: sticky")
            || body.contains("z-index"))
        {
            continue;
        }
        for selector in selectors.split(',') {
            for part in selector.split('.').skip(1) {
                let class: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                pinned.push(class);
            }
        }
    }
    assert!(pinned.iter().any(|c| c == "site-header"), "{pinned:?}");
    for class in pinned {
        assert!(
            crate::source::html::allow::CHROME_CLASSES.contains(&class.as_str()),
            "style.css pins `.{class}`: add it to CHROME_CLASSES"
        );
    }
}

#[test]
fn only_the_exact_alignments_survive_as_style() {
    for smuggled in [
        "text-align: left; position: fixed; inset: 0",
        "text-align:left;background:url(https://evil.example/x)",
        "text-align: left\\;position:fixed",
        "color: red",
    ] {
        let out = strict(&format!(
            "<table><tr><td style=\"{smuggled}\">x</td></tr></table>"
        ));
        assert!(!out.contains("style"), "{smuggled}: {out}");
    }
    assert_eq!(
        strict("<td style=\"TEXT-ALIGN:Center;\">x</td>"),
        "<td style=\"text-align: center\">x</td>"
    );
    assert_eq!(strict("<p style=\"text-align: left\">x</p>"), "<p>x</p>");
}

#[test]
fn script_addresses_go_however_they_are_spelt_in_both_modes() {
    for href in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "jav&#x61;script:alert(1)",
        "&#106;avascript:alert(1)",
        " \u{1}\u{8} javascript:alert(1)",
        "java\tscript:alert(1)",
        "java&#10;script:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "livescript:x",
    ] {
        for clean in [strict, trusted] {
            let out = clean(&format!("<a href=\"{href}\">x</a>"));
            assert_eq!(out, "<a>x</a>", "{href:?}");
        }
    }
    assert_eq!(
        strict("<a href=\" https://example.org/a b\">x</a>"),
        "<a href=\"https://example.org/a%20b\">x</a>"
    );
    assert_eq!(
        strict("<a href=\"mailto:a@b.c\">m</a>"),
        "<a href=\"mailto:a@b.c\">m</a>"
    );
}

#[test]
fn images_may_be_inline_data_but_not_svg_documents_or_links() {
    assert_eq!(
        strict("<img src=\"data:image/png;base64,AAAA\" alt=\"\" title=x>"),
        "<img src=\"data:image/png;base64,AAAA\" alt title=\"x\">"
    );
    assert_eq!(strict("<img src=\"data:image/svg+xml,<svg>\">"), "<img>");
    assert_eq!(
        strict("<a href=\"data:image/png;base64,AAAA\">x</a>"),
        "<a>x</a>"
    );
}

#[test]
fn dangerous_elements_go_with_their_content() {
    for (html, kept) in [
        ("<script>alert(1)</script>after", "after"),
        (
            "<svg><script>alert(1)</script><a href=x>y</a></svg>after",
            "after",
        ),
        ("<svg/>after", "after"),
        ("<style>body{display:none}</style>after", "after"),
        (
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>after",
            "after",
        ),
        (
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>after",
            "after",
        ),
        (
            "<template><img src=x onerror=alert(1)></template>after",
            "after",
        ),
        (
            "<textarea><img src=x onerror=alert(1)></textarea>after",
            "after",
        ),
        // Browsers end the noscript inside the attribute, so the img is a
        // real one: it stays, without its handler.
        (
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>after",
            "<img src=\"x\">\"&gt;after",
        ),
        ("<!-- <img src=x onerror=alert(1)> -->after", "after"),
        (
            "<object data=\"javascript:alert(1)\">fallback</object>after",
            "after",
        ),
    ] {
        assert_eq!(strict(html), kept, "{html}");
    }
}

#[test]
fn page_level_and_form_tags_go_but_their_text_stays() {
    assert_eq!(
        strict(
            "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"><link rel=stylesheet href=x>text"
        ),
        "text"
    );
    assert_eq!(
        strict(
            "<form action=\"https://evil.example/steal\" method=post><label>Password <input type=password name=p></label><button formaction=\"javascript:alert(1)\">Send</button></form>"
        ),
        "Password Send"
    );
    assert_eq!(strict("<input type=checkbox checked>"), "");
}

#[test]
fn text_is_escaped_so_nothing_turns_into_a_tag() {
    assert_eq!(
        strict("<p>&lt;script&gt;alert(1)&lt;/script&gt; a < b</p>"),
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; a &lt; b</p>"
    );
    assert_eq!(
        strict("<p title='\"><script>alert(1)</script>'>x</p>"),
        "<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">x</p>"
    );
}

#[test]
fn a_carriage_return_written_as_a_reference_stays_one() {
    // A browser reads a bare CR as LF, but `&#13;` as CR: written bare, the
    // page would not say what was cleaned, and cleaning it again (found by
    // the markdown fuzz target) would change it.
    let once = strict("<p title=\"a&#13;b\">x&#13;y&#13</p>");
    assert_eq!(once, "<p title=\"a&#13;b\">x&#13;y&#13;</p>");
    assert_eq!(strict(&once), once);
    let link = strict("<a href=\"a&#13;b\">x</a>");
    assert_eq!(strict(&link), link);
    // A bare CR is a line break to the browser, and stays one.
    assert_eq!(strict("<p>x\ry</p>"), "<p>x\ny</p>");
}

#[test]
fn every_element_is_closed_and_stray_end_tags_vanish() {
    assert_eq!(
        strict("<div><b>x</div></span>y</i>"),
        "<div><b>x</b></div>y"
    );
    assert_eq!(
        strict("<ul><li>a<li>b</ul>"),
        "<ul><li>a</li><li>b</li></ul>"
    );
    assert_eq!(strict("<div><em>open"), "<div><em>open</em></div>");
}

#[test]
fn nesting_past_the_output_limit_keeps_the_text_and_costs_little() {
    let deep = "<div>".repeat(50_000) + "x";
    let started = std::time::Instant::now();
    let out = strict(&deep);
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert_eq!(out.matches("<div>").count(), MAX_OUTPUT_DEPTH);
    assert_eq!(out.matches("</div>").count(), MAX_OUTPUT_DEPTH);
    assert!(out.contains('x'));
}

#[test]
fn trusted_editors_get_media_and_frames_but_never_script() {
    let out = trusted(
        "<iframe src=\"https://video.example/embed/1\" srcdoc=\"<script>alert(1)</script>\" onload=\"alert(1)\" width=\"560\" allowfullscreen>inner</iframe><video src=\"v.mp4\" controls data-x=\"1\"></video><div data-y=\"2\" style=\"position:fixed\">x</div>",
    );
    assert_eq!(
        out,
        "<iframe src=\"https://video.example/embed/1\" width=\"560\" allowfullscreen></iframe><video src=\"v.mp4\" controls data-x=\"1\"></video><div data-y=\"2\">x</div>"
    );
    assert_eq!(
        trusted("<iframe src=\"javascript:alert(1)\"></iframe>"),
        "<iframe></iframe>"
    );
    assert_eq!(trusted("<script>alert(1)</script>"), "");
    // Sanitised sites get none of it.
    assert_eq!(strict("<video src=\"v.mp4\" data-x=\"1\">t</video>"), "t");
}

#[test]
fn relative_addresses_and_colons_in_paths_are_not_schemes() {
    for url in [
        "../a/",
        "#x",
        "?q=1",
        "a/b:c",
        "//intranet/x",
        "./javascript:x",
    ] {
        assert_eq!(address(url, false).as_deref(), Some(url), "{url}");
    }
    assert_eq!(address("C:\\share\\x", false), None);
}
