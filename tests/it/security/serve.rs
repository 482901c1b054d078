//! The preview server against other hosts and hostile clients: a web page
//! reaching it through DNS rebinding reads nothing, and clients that never
//! read, never send or drop their live-reload stream do not keep anyone else
//! waiting.

use crate::support::Site;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    address: String,
    stderr: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &Site, args: &[&str]) -> Server {
    let mut child = site
        .command("serve", ["--port", "0", "--as-of", "2026-04-01"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start mentorbook serve");
    let lines = |from: Box<dyn Read + Send>| {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(from).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        rx
    };
    let stdout = lines(Box::new(child.stdout.take().expect("stdout")));
    let stderr = lines(Box::new(child.stderr.take().expect("stderr")));
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let line = match stdout.recv_timeout(Duration::from_millis(100)) {
            Ok(line) => line,
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        if let Some(at) = line.find("http://") {
            let address = line[at + 7..].split('/').next().expect("address");
            return Server {
                address: address.replace("0.0.0.0", "127.0.0.1"),
                child,
                stderr,
            };
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server did not say where it listens");
}

fn connect(server: &Server) -> TcpStream {
    let stream = TcpStream::connect(&server.address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    stream
}

/// A raw GET naming `host`; the status and body, or what arrived before
/// the read timed out.
fn get(server: &Server, path: &str, host: &str) -> (u16, String) {
    let mut stream = connect(server);
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    (status, body.to_string())
}

#[test]
fn a_page_naming_another_host_reads_nothing() {
    let site = Site::from_fixture("valid");
    let server = start(&site, &[]);
    let port = server.address.rsplit(':').next().expect("port").to_string();
    for path in ["/", "/progress.csv", "/pairs/dana-and-farah/", "/nope/"] {
        let (status, body) = get(&server, path, &format!("rebind.evil.example:{port}"));
        assert!(status == 403 || status == 421, "{path} answered {status}");
        assert!(body.contains("--allow-host"), "a short reason: {body}");
        assert!(
            !body.contains('<') && !body.contains("dana") && !body.contains("Welcome"),
            "{path} leaked: {body}"
        );
    }
    let (status, body) = get(&server, "/__mentorbook/events", "rebind.evil.example");
    assert!(
        status == 403 || status == 421,
        "the stream answered {status}"
    );
    assert!(!body.contains("retry:"), "{body}");
    for host in [
        server.address.clone(),
        format!("localhost:{port}"),
        "localhost".to_string(),
        "127.0.0.1".to_string(),
        format!("[::1]:{port}"),
    ] {
        let (status, body) = get(&server, "/", &host);
        assert_eq!(status, 200, "{host}");
        assert!(body.contains("<h1>Welcome</h1>"), "{host}");
    }
}

#[test]
fn names_given_with_allow_host_are_answered() {
    let site = Site::from_fixture("valid");
    let server = start(&site, &["--allow-host", "intranet.example"]);
    let (status, body) = get(&server, "/", "intranet.example:1111");
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Welcome</h1>"));
    let (status, _) = get(&server, "/", "INTRANET.example.");
    assert_eq!(status, 200, "names are compared as DNS compares them");
    let (status, _) = get(&server, "/", "other.example");
    assert!(status == 403 || status == 421, "answered {status}");
}

#[test]
fn listening_on_the_network_says_so() {
    let site = Site::from_fixture("valid");
    let server = start(&site, &["--bind", "0.0.0.0"]);
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        if let Ok(line) = server.stderr.recv_timeout(Duration::from_millis(100)) {
            if line.contains("warning") && line.contains("network") {
                return;
            }
            seen.push(line);
        }
    }
    panic!("no warning on stderr: {seen:?}");
}

/// A client that asks for `path` `times` in one go and never reads.
fn pipeline(server: &Server, path: &str, times: usize) -> TcpStream {
    let mut stream = connect(server);
    let request = format!("GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n", server.address);
    let _ = stream.set_write_timeout(Some(Duration::from_millis(500)));
    for _ in 0..times {
        if stream.write_all(request.as_bytes()).is_err() {
            break;
        }
    }
    stream
}

#[test]
fn idle_sockets_and_clients_that_never_read_do_not_hold_up_a_normal_request() {
    let site = Site::from_fixture("valid");
    // A page far larger than a socket's buffers.
    let big = "Words of a long page. ".repeat(40_000);
    site.write("content/big.md", format!("---\ntitle: Big\n---\n{big}\n"));
    let server = start(&site, &[]);
    let (status, _) = get(&server, "/big/", &server.address);
    assert_eq!(status, 200);
    let slow_readers: Vec<TcpStream> = (0..4).map(|_| pipeline(&server, "/big/", 1)).collect();
    let pipeliners: Vec<TcpStream> = (0..2).map(|_| pipeline(&server, "/big/", 50)).collect();
    let idle: Vec<TcpStream> = (0..20).map(|_| connect(&server)).collect();
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..3 {
        let started = Instant::now();
        let (status, body) = get(&server, "/", &server.address);
        let took = started.elapsed();
        assert_eq!(status, 200, "{body}");
        assert!(
            took < Duration::from_secs(1),
            "a normal request took {took:?}"
        );
    }
    drop((idle, slow_readers, pipeliners));
}

/// Opens a live-reload stream; `Some` when the server accepted it.
fn stream(server: &Server) -> Option<TcpStream> {
    let mut stream = connect(server);
    write!(
        stream,
        "GET /__mentorbook/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    )
    .expect("send");
    let mut head = String::new();
    BufReader::new(stream.try_clone().expect("clone"))
        .read_line(&mut head)
        .ok()?;
    head.contains(" 200 ").then_some(stream)
}

#[test]
fn a_closed_live_reload_stream_frees_its_place_at_once() {
    let site = Site::from_fixture("valid");
    let server = start(&site, &[]);
    let mut open = Vec::new();
    while let Some(s) = stream(&server) {
        open.push(s);
        assert!(open.len() <= 64, "no limit on live-reload streams");
    }
    assert!(!open.is_empty());
    drop(open.pop());
    let started = Instant::now();
    while stream(&server).is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "the closed stream's place is still taken"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
