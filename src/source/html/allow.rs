//! What the sanitiser lets through: the elements, their attributes and the
//! values those may hold (addresses by scheme, styles by exact value). The
//! cleaner (`crate::render::sanitize`) and its fast check ask these alone;
//! `check` asks them which addresses raw HTML publishes, so that it checks
//! exactly the links and images a reader gets.

use std::borrow::Cow;

/// Elements dropped with everything in them: code, styles, embedded
/// documents and foreign content. `<iframe>` is allowed for trusted editors.
pub const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "template", "svg", "math", "object", "applet", "noscript", "noembed",
    "noframes", "iframe", "xmp", "textarea", "title",
];

/// Attributes every allowed element may carry.
fn is_generic(attribute: &str) -> bool {
    matches!(
        attribute,
        "id" | "class" | "title" | "lang" | "dir" | "aria-label" | "aria-hidden"
    )
}

/// Allowed elements and their own attributes.
fn own_attributes(element: &str) -> Option<&'static [&'static str]> {
    Some(match element {
        "a" => &["href", "hreflang"],
        "abbr" | "article" | "b" | "bdi" | "bdo" | "br" | "caption" | "cite" | "code" | "dd"
        | "dfn" | "dl" | "dt" | "em" | "figcaption" | "figure" | "h1" | "h2" | "h3" | "h4"
        | "h5" | "h6" | "hr" | "i" | "kbd" | "mark" | "p" | "pre" | "rp" | "rt" | "ruby" | "s"
        | "samp" | "section" | "small" | "span" | "strong" | "sub" | "summary" | "sup"
        | "table" | "tbody" | "tfoot" | "thead" | "tr" | "u" | "ul" | "var" | "wbr" => &[],
        "blockquote" | "q" => &["cite"],
        "div" => &["role"],
        "col" | "colgroup" => &["span"],
        "data" | "li" => &["value"],
        "del" | "ins" => &["cite", "datetime"],
        "details" => &["open"],
        "img" => &["src", "alt", "width", "height", "loading"],
        "input" => &["type", "checked", "disabled"],
        "ol" => &["start", "reversed", "type"],
        "td" => &["colspan", "rowspan", "headers", "style"],
        "th" => &["colspan", "rowspan", "headers", "scope", "style"],
        "time" => &["datetime"],
        _ => return None,
    })
}

/// What `raw_html: allow` adds: media and frames from addresses that pass
/// the same URL rule (never `srcdoc`, never `javascript:`).
const TRUSTED_ELEMENTS: &[(&str, &[&str])] = &[
    (
        "iframe",
        &[
            "src",
            "width",
            "height",
            "allowfullscreen",
            "loading",
            "referrerpolicy",
            "sandbox",
        ],
    ),
    (
        "video",
        &[
            "src",
            "poster",
            "controls",
            "autoplay",
            "muted",
            "loop",
            "playsinline",
            "preload",
            "width",
            "height",
        ],
    ),
    ("audio", &["src", "controls", "loop", "muted", "preload"]),
    ("source", &["src", "type"]),
    ("track", &["src", "kind", "srclang", "label", "default"]),
];

/// Attributes whose value is an address.
fn is_address(attribute: &str) -> bool {
    matches!(attribute, "href" | "src" | "cite" | "poster")
}

/// Schemes a link or an image may use; relative addresses are always fine.
/// Anything else (`javascript:`, `vbscript:`, `data:`, `file:`, unknown
/// schemes) loses its address.
const SCHEMES: &[&str] = &[
    "http", "https", "mailto", "tel", "sms", "ftp", "ftps", "webcal", "irc", "ircs", "xmpp", "sip",
    "geo", "magnet", "news", "nntp",
];

/// Inline images an `<img>` may carry as a `data:` address (never SVG,
/// which is a document).
const DATA_IMAGES: &[&str] = &[
    "data:image/png",
    "data:image/jpeg",
    "data:image/gif",
    "data:image/webp",
    "data:image/avif",
];

/// The attributes `element` may carry, if it is allowed at all.
pub fn element_attributes(element: &str, trusted: bool) -> Option<&'static [&'static str]> {
    own_attributes(element).or_else(|| {
        TRUSTED_ELEMENTS
            .iter()
            .find(|(name, _)| trusted && *name == element)
            .map(|(_, attributes)| *attributes)
    })
}

/// What to write for an attribute of an allowed element, given its value
/// with entities decoded; `None` drops the attribute.
pub fn attribute_value<'a>(
    element: &str,
    own: &[&str],
    name: &str,
    value: &'a str,
    trusted: bool,
) -> Option<Value<'a>> {
    let allowed = is_generic(name) || own.contains(&name) || (trusted && is_data_attribute(name));
    if !allowed {
        None
    } else if is_address(name) {
        address(value, element == "img" && name == "src").map(Value::Url)
    } else if name == "style" {
        alignment(value).map(Value::Text)
    } else if name == "id" && crate::urls::THEME_IDS.contains(&value) {
        // The theme styles and scripts its own elements by these ids
        // (`#mentorbook-overlay` covers the whole window): content taking
        // one could lay a page of its own over the site's.
        None
    } else if name == "class" && value.split_ascii_whitespace().any(is_chrome_class) {
        // The same for the classes that pin the theme's header, sidebar
        // and search results above the page: a `site-header` of content's
        // own would stay on top of the real one as the reader scrolls.
        None
    } else if name == "role" {
        // Only what a callout needs: any other role would tell assistive
        // technology the page has a button or a dialog it does not have.
        (value == "note").then_some(Value::Text(value))
    } else if name == "type" && element == "input" {
        Some(Value::Text("checkbox"))
    } else {
        Some(Value::Text(value))
    }
}

/// An attribute's value as it is to be written.
#[derive(Debug, PartialEq, Eq)]
pub enum Value<'a> {
    Text(&'a str),
    /// An address, written with `escape_href`.
    Url(Cow<'a, str>),
}

/// Element-level rules beyond the name: an `<input>` is only ever the
/// read-only checkbox of a task list.
pub fn accepted<'a>(
    element: &str,
    attributes: impl Iterator<Item = (&'a str, &'a str)> + Clone,
) -> bool {
    let mut names = attributes.clone().map(|(name, _)| name);
    let mut types = attributes.filter(|(name, _)| *name == "type");
    element != "input"
        || (names.any(|name| name == "disabled")
            && types.any(|(_, value)| value.trim().eq_ignore_ascii_case("checkbox")))
}

/// `data-*` names made of plain characters (trusted editors only).
fn is_data_attribute(name: &str) -> bool {
    name.strip_prefix("data-").is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    })
}

/// The address to write for an attribute's value (entities already
/// decoded), or `None` when its scheme is not allowed. It is read the way
/// a browser's URL parser reads it: spaces and control characters around
/// it and tabs and newlines inside it do not count, so ` java\tscript:`
/// is `javascript:`.
pub fn address(value: &str, image: bool) -> Option<Cow<'_, str>> {
    let trimmed = value.trim_matches(|c: char| c <= ' ');
    let url = if trimmed.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
        Cow::Owned(
            trimmed
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect(),
        )
    } else {
        Cow::Borrowed(trimmed)
    };
    let Some(scheme) = scheme(&url) else {
        return Some(url);
    };
    let allowed = SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme))
        || (image
            && DATA_IMAGES.iter().any(|prefix| {
                url.get(..prefix.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
                    && url[prefix.len()..].starts_with([';', ','])
            }));
    allowed.then_some(url)
}

/// The scheme of an absolute URL as written; `None` for a relative one.
fn scheme(url: &str) -> Option<&str> {
    let scheme = &url[..url.find(':')?];
    let mut bytes = scheme.bytes();
    let starts_with_letter = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
    (starts_with_letter && bytes.all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)))
        .then_some(scheme)
}

/// A table cell's alignment, the only style there is: pulldown-cmark's
/// `text-align: left|center|right`, written back exactly so.
pub fn alignment(value: &str) -> Option<&'static str> {
    // As pulldown-cmark writes it, on every cell of every table: no copy.
    for written in [
        "text-align: left",
        "text-align: center",
        "text-align: right",
    ] {
        if value == written {
            return Some(written);
        }
    }
    let compact: String = value
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    match compact.trim_end_matches(';') {
        "text-align:left" => Some("text-align: left"),
        "text-align:center" => Some("text-align: center"),
        "text-align:right" => Some("text-align: right"),
        _ => None,
    }
}

/// Classes the theme's style sheet places over or beside the page
/// (`position: fixed`, `sticky` or a `z-index`); content may not use them.
/// A test reads `themes/default/static/style.css` to keep this list whole.
pub const CHROME_CLASSES: &[&str] = &["skip-link", "site-header", "sidebar", "search-results"];

fn is_chrome_class(class: &str) -> bool {
    CHROME_CLASSES.contains(&class)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trusted_elements_are_for_trusted_editors_only() {
        assert!(element_attributes("wbr", false).is_some());
        assert!(element_attributes("video", false).is_none());
        assert!(element_attributes("video", true).is_some());
    }
}
