//! Live reload: a stream of server-sent events per open page, telling it to
//! reload once the site has changed since the version it was served with.
//! At most [`MAX_STREAMS`] at once; a page closed (or a client gone) is
//! noticed within [`POLL`] and its place given back at once, not at the
//! next ping.

use super::request::{Connection, Request};
use super::site::LiveSite;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A browser keeps at most six connections to one host, streams included,
/// so this is several browsers' worth; it stays well under a client's
/// share of the pool (`pool::MAX_PER_CLIENT`).
pub const MAX_STREAMS: usize = 32;
/// How often an idle stream checks that its client is still there.
const POLL: Duration = Duration::from_millis(500);
/// A comment sent on a silent stream, so proxies keep it open.
const PING: Duration = Duration::from_secs(15);
/// Each event must be written within this.
const SEND_TIMEOUT: Duration = Duration::from_secs(5);

const HEAD: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n";

/// The open streams.
#[derive(Default)]
pub struct Streams {
    open: AtomicUsize,
}

/// A stream's place, given back when dropped.
struct Opened<'a>(&'a AtomicUsize);

impl Drop for Opened<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Streams {
    /// Streams version changes on `connection` until its client leaves;
    /// refused (503) once [`MAX_STREAMS`] are open.
    pub fn follow(&self, connection: &mut Connection, request: &Request, site: &LiveSite) {
        if self.open.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
            self.open.fetch_sub(1, Ordering::SeqCst);
            let busy = tiny_http::Response::from_string("Too many live-reload connections\n")
                .with_status_code(503);
            let _ = connection.respond(request, busy);
            return;
        }
        let _opened = Opened(&self.open);
        stream(connection, request, site);
    }
}

fn stream(connection: &mut Connection, request: &Request, site: &LiveSite) {
    let since = request
        .url()
        .split_once("since=")
        .and_then(|(_, v)| v.split('&').next())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or_else(|| site.version());
    if connection.send(HEAD.as_bytes(), SEND_TIMEOUT).is_err() {
        return;
    }
    let mut seen = since;
    let mut last_sent = Instant::now();
    loop {
        let version = site.wait_for_version_after(seen, POLL);
        let message = if version > seen {
            seen = version;
            format!("event: reload\ndata: {version}\n\n")
        } else if last_sent.elapsed() >= PING {
            ": ping\n\n".to_string()
        } else if connection.closed_by_peer() {
            return;
        } else {
            continue;
        };
        if connection.send(message.as_bytes(), SEND_TIMEOUT).is_err() {
            return;
        }
        last_sent = Instant::now();
    }
}
