//! One connection's requests: each head read within a size and a time
//! limit, each answer formatted by tiny_http's `Response` and written within
//! a deadline, so a client that sends or reads slowly holds its own
//! connection's thread for a bounded time and nothing else. (Why tiny_http's
//! `Server` does not read the requests: see `pool.rs`.)

use std::io::{self, BufRead, BufReader, BufWriter, ErrorKind, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};
use tiny_http::{HTTPVersion, Header, Method, Response};

/// The largest request head read (request line and headers); browsers send
/// well under 8 KiB.
const MAX_HEAD: usize = 16 * 1024;
/// Header lines read, besides the request line.
const MAX_HEADERS: usize = 100;
/// The time a client has to send a whole request head, from the moment
/// the connection is ready for one (accepted, or the last answer sent).
/// So a keep-alive connection left idle closes after it, and one that
/// trickles a head a byte at a time cannot hold its thread longer.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// The time an answer may take to write, plus a second for each MiB of it:
/// a client reading slower than that is dropped.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// A request head, in tiny_http's types.
pub struct Request {
    pub method: Method,
    url: String,
    version: HTTPVersion,
    headers: Vec<Header>,
    /// The connection ends after this answer: the client said so (or
    /// speaks HTTP/1.0), or sent a body, which this server never reads.
    pub close: bool,
}

impl Request {
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The first value of a header, by case-insensitive name.
    pub fn header(&self, name: &'static str) -> Option<&str> {
        self.headers
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str())
    }

    fn count(&self, name: &'static str) -> usize {
        self.headers.iter().filter(|h| h.field.equiv(name)).count()
    }
}

/// What came from the client in place of the next request.
pub enum Next {
    Request(Request),
    /// Closed, idle past [`REQUEST_TIMEOUT`] or unreadable: nothing to answer.
    Gone,
    /// Not a request this server reads: answered with this status and
    /// reason, then closed.
    Bad(u16, &'static str),
}

/// A client's connection.
pub struct Connection {
    reader: BufReader<TcpStream>,
}

impl Connection {
    pub fn new(stream: TcpStream) -> Connection {
        // Answers go out in 16 KiB writes; without this the last small
        // piece of one can wait for the client's delayed acknowledgement.
        let _ = stream.set_nodelay(true);
        Connection {
            reader: BufReader::with_capacity(8 * 1024, stream),
        }
    }

    fn stream(&self) -> &TcpStream {
        self.reader.get_ref()
    }

    /// The client already sent (part of) its next request.
    pub fn has_pending(&self) -> bool {
        !self.reader.buffer().is_empty()
    }

    /// Reads the next request head; `on_first_byte` runs once its first
    /// byte is in.
    pub fn next_request(&mut self, on_first_byte: impl FnOnce()) -> Next {
        match self.read_head(on_first_byte) {
            Ok(lines) => parse(&lines),
            Err(next) => next,
        }
    }

    /// The head's lines, without their line ends.
    fn read_head(&mut self, on_first_byte: impl FnOnce()) -> Result<Vec<String>, Next> {
        let deadline = Instant::now() + REQUEST_TIMEOUT;
        let mut on_first_byte = Some(on_first_byte);
        let (mut lines, mut line, mut size) = (Vec::new(), Vec::new(), 0);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let started = size > 0;
            let timed_out = || {
                if started {
                    Next::Bad(408, "The request took too long to arrive.")
                } else {
                    Next::Gone
                }
            };
            if left.is_zero() || self.stream().set_read_timeout(Some(left)).is_err() {
                return Err(timed_out());
            }
            let available = match self.reader.fill_buf() {
                Ok([]) => return Err(Next::Gone),
                Ok(bytes) => bytes,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    return Err(timed_out());
                }
                Err(_) => return Err(Next::Gone),
            };
            if let Some(f) = on_first_byte.take() {
                f();
            }
            let end = available.iter().position(|&b| b == b'\n');
            let taken = end.map_or(available.len(), |at| at + 1);
            size += taken;
            if size > MAX_HEAD {
                return Err(Next::Bad(431, "The request's headers are too large."));
            }
            line.extend_from_slice(&available[..taken]);
            self.reader.consume(taken);
            if end.is_none() {
                continue;
            }
            while matches!(line.last(), Some(b'\n' | b'\r')) {
                line.pop();
            }
            if line.is_empty() && !lines.is_empty() {
                return Ok(lines);
            }
            // Blank lines before a request are allowed (RFC 9112, 2.2).
            if !line.is_empty() {
                let text = String::from_utf8(std::mem::take(&mut line))
                    .map_err(|_| Next::Bad(400, "The request is not readable text."))?;
                lines.push(text);
            }
            if lines.len() > MAX_HEADERS + 1 {
                return Err(Next::Bad(431, "The request has too many headers."));
            }
        }
    }

    /// Writes `response` to `request`, within [`WRITE_TIMEOUT`] and a
    /// second per MiB. An error means the connection is done for.
    pub fn respond<R: Read>(&mut self, request: &Request, response: Response<R>) -> io::Result<()> {
        let mut response = response.with_chunked_threshold(usize::MAX);
        if request.close
            && let Ok(close) = Header::from_bytes(&b"Connection"[..], &b"close"[..])
        {
            response.add_header(close);
        }
        let mib = response.data_length().unwrap_or(0) >> 20;
        let allowed = WRITE_TIMEOUT + Duration::from_secs(u64::try_from(mib).unwrap_or(u64::MAX));
        let mut writer = BufWriter::with_capacity(
            16 * 1024,
            Deadline {
                stream: self.stream(),
                deadline: Instant::now() + allowed,
            },
        );
        response.raw_print(
            &mut writer,
            request.version.clone(),
            &request.headers,
            request.method == Method::Head,
            None,
        )?;
        writer.flush()
    }

    /// Writes `bytes` as they are, within `limit` (the live-reload stream).
    pub fn send(&mut self, bytes: &[u8], limit: Duration) -> io::Result<()> {
        Deadline {
            stream: self.stream(),
            deadline: Instant::now() + limit,
        }
        .write_all(bytes)
    }

    /// Answers a head that could not be read, then closes.
    pub fn refuse(self, status: u16, reason: &str) {
        let body = format!("{reason}\n");
        let head = format!(
            "HTTP/1.1 {status} {}\r\nContent-Type: text/plain; charset=utf-8\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n",
            tiny_http::StatusCode(status).default_reason_phrase(),
            body.len()
        );
        let mut deadline = Deadline {
            stream: self.stream(),
            deadline: Instant::now() + Duration::from_secs(1),
        };
        let _ = deadline.write_all(format!("{head}{body}").as_bytes());
        let _ = self.stream().shutdown(Shutdown::Write);
    }

    /// The client has closed its end (or the connection broke). Never
    /// waits; bytes the client sent meanwhile are left unread.
    pub fn closed_by_peer(&self) -> bool {
        let stream = self.stream();
        if self.has_pending() {
            return false;
        }
        if stream.set_nonblocking(true).is_err() {
            return true;
        }
        let mut byte = [0u8; 1];
        let closed = match stream.peek(&mut byte) {
            Ok(n) => n == 0,
            Err(e) => e.kind() != ErrorKind::WouldBlock,
        };
        stream.set_nonblocking(false).is_err() || closed
    }
}

/// Reads a head's lines as a request.
fn parse(lines: &[String]) -> Next {
    let Some((request_line, header_lines)) = lines.split_first() else {
        return Next::Gone;
    };
    let mut parts = request_line.split(' ');
    let (Some(method), Some(url), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Next::Bad(400, "The request line is not `METHOD /path HTTP/1.1`.");
    };
    let version = match version {
        "HTTP/1.1" => HTTPVersion(1, 1),
        "HTTP/1.0" => HTTPVersion(1, 0),
        _ => return Next::Bad(505, "Only HTTP/1.0 and HTTP/1.1 are spoken here."),
    };
    // Also refuses `http://other.host/path`, whose host would override
    // the `Host` header.
    if !url.starts_with('/') {
        return Next::Bad(400, "The request's target must be a path.");
    }
    let Ok(method) = method.parse::<Method>() else {
        return Next::Bad(400, "The request's method is not readable.");
    };
    let mut headers = Vec::with_capacity(header_lines.len());
    for line in header_lines {
        if line.starts_with([' ', '\t']) {
            return Next::Bad(400, "Folded header lines are not accepted.");
        }
        match line.parse::<Header>() {
            Ok(header) => headers.push(header),
            Err(()) => return Next::Bad(400, "A header of the request is not readable."),
        }
    }
    let mut request = Request {
        method,
        url: url.to_string(),
        version,
        headers,
        close: false,
    };
    if request.count("Host") > 1 || (request.version == (1, 1) && request.count("Host") == 0) {
        return Next::Bad(400, "A request must name exactly one Host.");
    }
    let has_body = request.header("Transfer-Encoding").is_some()
        || request
            .header("Content-Length")
            .is_some_and(|n| n.trim() != "0");
    let connection = request
        .header("Connection")
        .unwrap_or_default()
        .to_ascii_lowercase();
    request.close = has_body
        || connection.contains("close")
        || (request.version == (1, 0) && !connection.contains("keep-alive"));
    Next::Request(request)
}

/// A socket written within a deadline: each write waits at most the time
/// left, and fails once none is.
struct Deadline<'a> {
    stream: &'a TcpStream,
    deadline: Instant,
}

impl Write for Deadline<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ErrorKind::TimedOut.into());
        }
        self.stream.set_write_timeout(Some(left))?;
        let mut stream = self.stream;
        stream.write(buf).map_err(|e| {
            if e.kind() == ErrorKind::WouldBlock {
                ErrorKind::TimedOut.into()
            } else {
                e
            }
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    fn request(text: &str) -> Request {
        match parse(&lines(text)) {
            Next::Request(request) => request,
            Next::Bad(status, reason) => panic!("{status} {reason}"),
            Next::Gone => panic!("gone"),
        }
    }

    fn status(text: &str) -> u16 {
        match parse(&lines(text)) {
            Next::Bad(status, _) => status,
            _ => 0,
        }
    }

    #[test]
    fn keep_alive_follows_the_version_and_the_connection_header() {
        assert!(!request("GET / HTTP/1.1\nHost: a").close);
        assert!(request("GET / HTTP/1.1\nHost: a\nConnection: Close").close);
        assert!(request("GET / HTTP/1.0").close);
        assert!(!request("GET / HTTP/1.0\nConnection: keep-alive").close);
        assert!(request("POST / HTTP/1.1\nHost: a\nContent-Length: 5").close);
        assert!(request("POST / HTTP/1.1\nHost: a\nTransfer-Encoding: chunked").close);
        assert_eq!(
            request("GET /x?y HTTP/1.1\nhost: a").header("HOST"),
            Some("a")
        );
    }

    #[test]
    fn heads_this_server_does_not_read_are_refused() {
        assert_eq!(status("GET / HTTP/1.1"), 400, "no Host");
        assert_eq!(status("GET / HTTP/1.1\nHost: a\nHost: b"), 400);
        assert_eq!(status("GET http://evil.example/ HTTP/1.1\nHost: a"), 400);
        assert_eq!(status("GET / HTTP/2.0\nHost: a"), 505);
        assert_eq!(status("GET /  HTTP/1.1\nHost: a"), 400);
        assert_eq!(status("GET / HTTP/1.1\nHost: a\n folded"), 400);
        assert_eq!(status("GET / HTTP/1.1\nHost a"), 400);
    }
}
