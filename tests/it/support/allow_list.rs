//! The HTML allow-list every published page must pass, checked the way a
//! browser reads the page (parsed with scraper, not matched as bytes). One
//! definition for the integration tests and the fuzz targets
//! (`tests/fuzz/fuzz_targets/site.rs` includes this file by path), so it
//! may use nothing but `scraper` and `std`.

use scraper::{ElementRef, Html};

/// The theme's own inline scripts (themes/default/templates/base.html):
/// the only script elements without `src` a page may hold.
const THEME_INLINE_SCRIPTS: &[&str] = &["document.documentElement.classList.add('js')"];

/// The only `style` attribute values a page may hold: a table cell's
/// alignment as pulldown-cmark writes it.
const ALLOWED_STYLES: &[&str] = &[
    "text-align: left",
    "text-align: center",
    "text-align: right",
];

/// Attributes a browser follows as an address (SVG animations included:
/// `<set to="javascript:...">` rewrites an `href`).
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "cite",
    "data",
    "background",
    "lowsrc",
    "srcset",
    "to",
    "from",
    "values",
    "by",
];

/// Fails, naming `path` and each offence, unless the page holds only what
/// the sanitiser's allow-list and the theme allow: no `on*` attribute, no
/// script but the theme's (a `static/` file, or its inline line), no
/// `<style>`, no `style` but table alignment, no `javascript:`/`vbscript:`
/// address (nor `data:` but inline images and the theme's empty icon), no
/// `<base>`, `<meta http-equiv>` (but a redirect page's refresh to a
/// relative address of the site), `<iframe srcdoc>`, forms or plugins.
pub fn assert_allow_listed(path: &str, html: &str) {
    let doc = Html::parse_document(html);
    let mut problems = Vec::new();
    for element in doc.root_element().descendent_elements() {
        problems.extend(element_problems(element));
    }
    assert!(
        problems.is_empty(),
        "{path} is not allow-listed:\n  {}",
        problems.join("\n  ")
    );
}

fn element_problems(element: ElementRef<'_>) -> Vec<String> {
    let el = element.value();
    let name = el.name();
    let mut problems = Vec::new();
    let mut problem = |what: String| problems.push(format!("<{name}>: {what}"));
    match name {
        "base" | "form" | "object" | "embed" | "applet" | "frame" | "frameset" | "style" => {
            problem("element not allowed".into());
        }
        "meta" if el.attr("http-equiv").is_some() && !is_redirect_within_site(el) => {
            problem("meta http-equiv".into());
        }
        "iframe" if el.attr("srcdoc").is_some() => problem("iframe srcdoc".into()),
        "script" => {
            let body: String = element.text().collect();
            let theme_file = el.attr("src").is_some_and(is_static_asset) && body.is_empty();
            let theme_inline =
                el.attr("src").is_none() && THEME_INLINE_SCRIPTS.contains(&body.trim());
            if !theme_file && !theme_inline {
                problem(format!("script src={:?} {body:?}", el.attr("src")));
            }
        }
        "link" => {
            let rel = el.attr("rel").unwrap_or_default();
            let href = el.attr("href").unwrap_or_default();
            let fine = match rel {
                "stylesheet" => is_static_asset(href),
                "icon" => href == "data:,",
                "canonical" => true,
                _ => false,
            };
            if !fine {
                problem(format!("link rel={rel:?} href={href:?}"));
            }
        }
        _ => {}
    }
    for (attr, value) in el.attrs() {
        if attr.to_ascii_lowercase().starts_with("on") {
            problem(format!("event handler {attr}={value:?}"));
        }
        if attr == "style" && !ALLOWED_STYLES.contains(&value) {
            problem(format!("style={value:?}"));
        }
        if URL_ATTRIBUTES.contains(&attr) {
            let url = as_a_browser_reads(value);
            let inline_image = name == "img"
                && attr == "src"
                && [
                    "data:image/png",
                    "data:image/jpeg",
                    "data:image/gif",
                    "data:image/webp",
                ]
                .iter()
                .any(|p| url.starts_with(p));
            let theme_icon = name == "link" && url == "data:,";
            if url.starts_with("javascript:")
                || url.starts_with("vbscript:")
                || (url.starts_with("data:") && !inline_image && !theme_icon)
            {
                problem(format!("{attr}={value:?}"));
            }
        }
    }
    problems
}

/// A script or stylesheet of the theme (or the site's `static/`), as the
/// theme links it: relative, or from the site's root, under `static/`.
fn is_static_asset(src: &str) -> bool {
    if src.contains(':') || src.starts_with("//") {
        return false;
    }
    // The 404 page is served from any depth, so it starts from base_url's
    // path: `/static/`, `/book/static/`. Other pages use `./` or `../../`.
    if let Some(path) = src.strip_prefix('/') {
        let mut segments = path.split('/');
        return segments.any(|s| s == "static") && segments.next().is_some_and(|f| !f.is_empty());
    }
    let mut rest = src.strip_prefix("./").unwrap_or(src);
    while let Some(r) = rest.strip_prefix("../") {
        rest = r;
    }
    rest.starts_with("static/")
}

/// An alias's redirect page: `<meta http-equiv="refresh">` at once to a
/// relative address, so never off the site.
fn is_redirect_within_site(meta: &scraper::node::Element) -> bool {
    let to = (meta.attr("http-equiv") == Some("refresh"))
        .then(|| meta.attr("content")?.strip_prefix("0; url="))
        .flatten();
    to.is_some_and(|url| !url.contains(':') && !url.starts_with('/') && !url.starts_with('\\'))
}

/// An address as a URL parser reads it: spaces and controls around it and
/// tabs and newlines inside it ignored, scheme lowercased.
fn as_a_browser_reads(value: &str) -> String {
    value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase()
}
