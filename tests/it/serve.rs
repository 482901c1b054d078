//! `mentorbook serve` as a contributor uses it: pages served, an edit
//! reloads the page, a broken edit shows its errors over the last good
//! site, and nothing outside the site is answered.

use crate::support::Site;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub(crate) struct Server {
    pub(crate) child: Child,
    pub(crate) address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `mentorbook serve` on a free port, once it says where it listens.
pub(crate) fn start(site: &Site) -> Server {
    let mut child = site
        .command("serve", ["--port", "0", "--as-of", "2026-04-01"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start mentorbook serve");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(100))
            && let Some(at) = line.find("http://")
        {
            let address = line[at + 7..]
                .split('/')
                .next()
                .expect("address")
                .to_string();
            return Server { child, address };
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server did not say where it listens");
}

/// A raw HTTP/1.1 GET, so test paths reach the server exactly as written.
fn get(server: &Server, path: &str) -> (u16, String, String) {
    get_from(&server.address, path)
}

pub(crate) fn get_from(address: &str, path: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read");
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

/// Listens to the live-reload stream and reports each event's data.
fn listen(server: &Server, since: &str) -> mpsc::Receiver<String> {
    let mut stream = TcpStream::connect(&server.address).expect("connect");
    write!(
        stream,
        "GET /__mentorbook/events?since={since} HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    )
    .expect("send");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        let mut event = false;
        let mut line = String::new();
        while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
            if line.starts_with("event: reload") {
                event = true;
            } else if event && line.starts_with("data: ") {
                let _ = tx.send(line[6..].trim().to_string());
                event = false;
            }
            line.clear();
        }
    });
    rx
}

fn version_of(page: &str) -> String {
    page.split("data-version=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("live script")
        .to_string()
}

#[test]
fn pages_are_served_with_their_content_types() {
    let site = Site::from_fixture("valid");
    let server = start(&site);
    let (status, head, body) = get(&server, "/");
    assert_eq!(status, 200);
    assert!(
        head.to_lowercase()
            .contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(body.contains("<h1>Welcome</h1>"));
    assert!(body.contains("/__mentorbook/live.js"));
    let (status, head, _) = get(&server, "/static/style.css");
    assert_eq!(status, 200);
    assert!(
        head.to_lowercase().contains("content-type: text/css"),
        "{head}"
    );
    let (status, _, body) = get(&server, "/pairs/dana-and-farah/");
    assert_eq!(status, 200);
    assert!(body.contains("We meet in the library."));
    let (status, head, _) = get(&server, "/guide");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /guide/"), "{head}");
    let (status, _, body) = get(&server, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"));
}

#[test]
fn nothing_outside_the_site_is_served() {
    let site = Site::from_fixture("valid");
    let secret = site.tmp().join("secret.txt");
    std::fs::write(&secret, "TOP-SECRET").expect("secret");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, site.path("static-link.txt")).expect("link");
    let server = start(&site);
    // A link in static/ that leaves the site is skipped with a warning
    // (source::boundary): the rebuild that publishes a plain file added
    // with it does not publish the file it links to.
    #[cfg(unix)]
    {
        std::fs::create_dir_all(site.path("static")).expect("static");
        std::os::unix::fs::symlink(&secret, site.path("static/leak.txt")).expect("link");
        site.write("static/plain.txt", "plain");
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline && get(&server, "/static/plain.txt").0 != 200 {
            std::thread::sleep(Duration::from_millis(200));
        }
        assert_eq!(get(&server, "/static/plain.txt").0, 200, "rebuilt");
        let (status, _, body) = get(&server, "/static/leak.txt");
        assert_eq!(status, 404, "{body}");
    }
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/static/..%2f..%2fsecret.txt",
        "/..\\secret.txt",
        "//etc/passwd",
        "/static-link.txt",
        "/static/leak.txt",
        "/playbook.yaml",
        "/content/_index.md",
    ] {
        let (status, _, body) = get(&server, path);
        assert!(status == 403 || status == 404, "{path} answered {status}");
        assert!(
            !body.contains("TOP-SECRET") && !body.contains("title: Welcome"),
            "{path} leaked"
        );
    }
}

#[test]
fn an_edit_reloads_the_page_and_a_broken_edit_shows_its_errors_over_the_last_good_site() {
    let site = Site::from_fixture("valid");
    let server = start(&site);
    let (_, _, page) = get(&server, "/");
    let events = listen(&server, &version_of(&page));
    std::thread::sleep(Duration::from_millis(300));

    let home = "content/_index.md";
    let original = site.read(home);
    let started = Instant::now();
    site.edit(home, |t| {
        t.replace(
            "This programme pairs juniors",
            "EDITED: this programme pairs juniors",
        )
    });
    events
        .recv_timeout(Duration::from_secs(20))
        .expect("a reload event after the edit");
    let edit_to_reload = started.elapsed();
    let (_, _, page) = get(&server, "/");
    assert!(
        page.contains("EDITED: this programme"),
        "the new content is served"
    );
    eprintln!("edit to reload event: {edit_to_reload:?}");

    site.write(home, "---\ntitle: [unclosed\n---\nBROKEN body\n");
    events
        .recv_timeout(Duration::from_secs(20))
        .expect("a reload event after the broken edit");
    let (status, _, page) = get(&server, "/");
    assert_eq!(status, 200);
    assert!(
        page.contains("EDITED: this programme"),
        "the last good page is still served"
    );
    assert!(
        page.contains("id=\"mentorbook-overlay\""),
        "the error overlay is shown"
    );
    assert!(
        page.contains("content/_index.md:"),
        "the overlay names the file"
    );
    assert!(!page.contains("BROKEN body"));

    site.write(home, &original);
    events
        .recv_timeout(Duration::from_secs(20))
        .expect("a reload event after the fix");
    let (_, _, page) = get(&server, "/");
    assert!(
        !page.contains("mentorbook-overlay\""),
        "the overlay is gone"
    );
    assert!(page.contains("This programme pairs juniors"));
}

#[test]
fn editor_temporary_files_do_not_trigger_rebuilds() {
    let site = Site::from_fixture("valid");
    let server = start(&site);
    let (_, _, page) = get(&server, "/");
    let events = listen(&server, &version_of(&page));
    std::thread::sleep(Duration::from_millis(300));
    site.write("content/.goals.md.swp", "swap")
        .write("content/goals.md~", "backup")
        .write("public/index.html", "output");
    assert!(
        events.recv_timeout(Duration::from_secs(2)).is_err(),
        "no rebuild for temporary or output files"
    );
}

#[test]
fn concurrent_requests_during_rebuilds_never_fail() {
    let site = Site::from_fixture("valid");
    let server = start(&site);
    let original = site.read("content/_index.md");
    let address = server.address.clone();
    let clients: Vec<_> = (0..4)
        .map(|_| {
            let address = address.clone();
            std::thread::spawn(move || {
                let mut statuses = Vec::new();
                for _ in 0..25 {
                    let (status, _, body) = get_from(&address, "/pairs/dana-and-farah/");
                    statuses.push((status, body.contains("</html>")));
                }
                statuses
            })
        })
        .collect();
    for round in 0..5 {
        site.write("content/_index.md", format!("{original}\nRound {round}.\n"));
        std::thread::sleep(Duration::from_millis(150));
    }
    for client in clients {
        for (status, complete) in client.join().expect("client") {
            assert_eq!(status, 200);
            assert!(complete, "a complete page every time");
        }
    }
}
