//! Answers requests from the in-memory site: nothing is read from disk, so
//! no path can reach outside the site and no half-written file is served.

use super::request::Request;
use super::site::{LiveSite, Snapshot};
use crate::render::markdown::escape;
use std::io::Cursor;
use std::time::Duration;
use tiny_http::{Header, Response, StatusCode};

pub const LIVE_PREFIX: &str = "/__mentorbook/";

const LIVE_JS: &str = r#"(function () {
  'use strict';
  var me = document.currentScript;
  var since = me ? me.getAttribute('data-version') : '0';
  function connect() {
    var events = new EventSource('/__mentorbook/events?since=' + since);
    events.addEventListener('reload', function () { events.close(); window.location.reload(); });
    events.onerror = function () { events.close(); setTimeout(connect, 1000); };
  }
  connect();
  var overlay = document.getElementById('mentorbook-overlay');
  if (overlay) {
    var close = overlay.querySelector('button');
    if (close) close.addEventListener('click', function () { overlay.remove(); });
  }
})();
"#;

/// What a request path names.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(String),
    /// A folder asked for without its trailing slash: relative links on
    /// the page only work from `folder/`.
    Redirect(String),
    Forbidden,
    NotFound,
}

/// Maps a URL path to a file of the site. Pure, so traversal attempts are
/// tested without a server.
pub fn resolve(url: &str, has: &dyn Fn(&str) -> bool) -> Resolved {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let Some(decoded) = percent_decode(path) else {
        return Resolved::Forbidden;
    };
    if decoded.contains('\\')
        || decoded.contains('\0')
        || decoded.split('/').any(|part| part == "..")
    {
        return Resolved::Forbidden;
    }
    let rel = decoded.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        let index = format!("{rel}index.html");
        return if has(&index) {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if has(rel) {
        return Resolved::File(rel.to_string());
    }
    if has(&format!("{rel}/index.html")) {
        return Resolved::Redirect(format!("/{rel}/"));
    }
    Resolved::NotFound
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = path.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "xml" => "application/xml",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

pub type Answer = Response<Cursor<Vec<u8>>>;

fn answer_with(status: u16, content_type: &str, body: Vec<u8>, extra: Option<Header>) -> Answer {
    let mut response = Response::from_data(body).with_status_code(StatusCode(status));
    for h in [
        header("Content-Type", content_type),
        header("Cache-Control", "no-store"),
        extra,
    ]
    .into_iter()
    .flatten()
    {
        response.add_header(h);
    }
    response
}

/// The refusal of a request naming a host this server does not answer
/// to: a short reason, and what to do if the name is meant.
pub fn wrong_host(name: Option<&str>) -> Answer {
    let text = match name {
        Some(name) => format!(
            "This preview does not answer requests for \"{name}\". If you opened it by that \
             name, start it with `mentorbook serve --allow-host {name}`.\n"
        ),
        None => "This preview answers only requests that name this computer; name others \
                 with `mentorbook serve --allow-host NAME`.\n"
            .to_string(),
    };
    answer_with(
        403,
        "text/plain; charset=utf-8",
        text.into_bytes(),
        header("X-Content-Type-Options", "nosniff"),
    )
}

/// The live-reload script and, after a failed rebuild, the error overlay,
/// added before `</body>`.
fn inject(html: &[u8], snapshot: &Snapshot) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(error) = &snapshot.error {
        let m = &snapshot.messages;
        extra.push_str(&format!(
            "<div id=\"mentorbook-overlay\" role=\"alert\"><h2>{}</h2><p>{}</p><pre>",
            escape(&m.get("ui-overlay-title")),
            escape(&m.get("ui-overlay-text")),
        ));
        extra.push_str(&escape(error));
        extra.push_str(&format!(
            "</pre><button type=\"button\">{}</button></div>",
            escape(&m.get("ui-overlay-close"))
        ));
    }
    extra.push_str(&format!(
        "<script src=\"{LIVE_PREFIX}live.js\" data-version=\"{}\"></script>",
        snapshot.version
    ));
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{extra}").into_bytes(),
    }
}

/// The answer to a request for a page or file of the site (or the
/// live-reload script).
pub fn answer(request: &Request, site: &LiveSite) -> Answer {
    site.wait_until_idle(Duration::from_secs(30));
    let snapshot = site.current();
    let url = request.url().to_string();
    if url.starts_with(&format!("{LIVE_PREFIX}live.js")) {
        return answer_with(
            200,
            content_type("live.js"),
            LIVE_JS.as_bytes().to_vec(),
            None,
        );
    }
    if !matches!(
        request.method,
        tiny_http::Method::Get | tiny_http::Method::Head
    ) {
        return answer_with(
            405,
            "text/plain; charset=utf-8",
            b"Method not allowed\n".to_vec(),
            header("Allow", "GET, HEAD"),
        );
    }
    let has = |path: &str| snapshot.files.contains_key(path);
    match resolve(&url, &has) {
        Resolved::File(path) => {
            let body = snapshot
                .files
                .get(path.as_str())
                .map_or_else(Vec::new, |b| b.as_ref().clone());
            let body = if path.ends_with(".html") {
                inject(&body, &snapshot)
            } else {
                body
            };
            answer_with(200, content_type(&path), body, None)
        }
        Resolved::Redirect(location) => answer_with(
            301,
            "text/plain; charset=utf-8",
            Vec::new(),
            header("Location", &location),
        ),
        Resolved::Forbidden => answer_with(
            403,
            "text/plain; charset=utf-8",
            b"Forbidden\n".to_vec(),
            None,
        ),
        Resolved::NotFound => {
            let body = snapshot
                .files
                .get(crate::urls::NOT_FOUND)
                .map_or_else(|| b"Not found\n".to_vec(), |b| inject(b, &snapshot));
            answer_with(404, "text/html; charset=utf-8", body, None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(path: &str) -> bool {
        matches!(
            path,
            "index.html" | "launch/index.html" | "static/style.css" | "a b/index.html"
        )
    }

    #[test]
    fn folders_serve_their_index_and_redirect_without_a_slash() {
        assert_eq!(resolve("/", &site), Resolved::File("index.html".into()));
        assert_eq!(
            resolve("/launch/", &site),
            Resolved::File("launch/index.html".into())
        );
        assert_eq!(
            resolve("/launch", &site),
            Resolved::Redirect("/launch/".into())
        );
        assert_eq!(
            resolve("/static/style.css?v=1", &site),
            Resolved::File("static/style.css".into())
        );
        assert_eq!(
            resolve("/a%20b/", &site),
            Resolved::File("a b/index.html".into())
        );
        assert_eq!(resolve("/nope/", &site), Resolved::NotFound);
    }

    #[test]
    fn nothing_outside_the_site_is_answered() {
        for attack in [
            "/../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/launch/..%2f..%2fetc",
            "/..\\windows",
            "/%00",
            "/%zz",
        ] {
            assert!(
                matches!(
                    resolve(attack, &site),
                    Resolved::Forbidden | Resolved::NotFound
                ),
                "{attack}"
            );
        }
        assert_eq!(resolve("//etc/passwd", &site), Resolved::NotFound);
    }

    #[test]
    fn the_overlay_speaks_the_sites_language() {
        let snapshot = Snapshot {
            error: Some("error: x".into()),
            messages: crate::i18n::Messages::builtin("pl"),
            ..Snapshot::default()
        };
        let html = String::from_utf8(inject(b"<body></body>", &snapshot)).expect("utf8");
        assert!(
            html.contains("<h2>Ostatnia zmiana się nie zbudowała</h2>"),
            "{html}"
        );
        assert!(html.contains(">Zamknij</button>"), "{html}");
    }

    #[test]
    fn html_gets_the_live_script_and_the_overlay_when_broken() {
        let snapshot = Snapshot {
            files: Default::default(),
            error: Some("error: <bad>".into()),
            version: 7,
            messages: Default::default(),
        };
        let html = String::from_utf8(inject(b"<html><body><p>x</p></body></html>", &snapshot))
            .expect("utf8");
        assert!(html.contains("<pre>error: &lt;bad&gt;</pre>"), "{html}");
        assert!(
            html.contains("data-version=\"7\"></script></body>"),
            "{html}"
        );
    }
}
