//! `mentorbook serve`: build into memory, serve it (connections in `pool`,
//! requests in `request`, answers from tiny_http in `http`), watch the
//! sources with notify (`watch`), rebuild and tell open pages to reload
//! (`events`). Only requests naming this computer are answered (`host`).

mod events;
mod host;
mod http;
mod incremental;
mod outcome;
mod pool;
mod request;
mod site;
mod watch;

pub use host::parse_allow_host;
pub use http::{Resolved, content_type, resolve};
pub use site::LiveSite;

use super::shown_paths::ShownPaths;
use super::usage_error;
use crate::render;
use chrono::NaiveDate;
use host::AllowedHosts;
use request::{Connection, Next};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use watch::Watch;

/// The live-reload stream's address.
const EVENTS: &str = "/__mentorbook/events";

/// What `serve` takes from the command line.
pub struct Args {
    pub dir: std::path::PathBuf,
    pub bind: String,
    pub port: u16,
    /// Host names answered besides this computer's (`--allow-host`).
    pub allow_hosts: Vec<String>,
    pub open: bool,
    pub as_of: Option<NaiveDate>,
    pub drafts: bool,
    /// The folder diagnostics' paths are printed from (see `ShownPaths`).
    pub root: Option<PathBuf>,
}

pub fn run(args: Args) -> ExitCode {
    if !args.dir.join("content").is_dir() {
        let dir = args.dir.display();
        return usage_error(format!(
            "{dir} has no content/ folder; run `mentorbook init {dir}` to start a playbook"
        ));
    }
    let as_of = match super::as_of(args.as_of) {
        Ok(date) => date,
        Err(code) => return code,
    };
    let options = Options {
        shown: ShownPaths::new(&args.dir, args.root.as_deref()),
        root: args.dir,
        bind: args.bind,
        port: args.port,
        allow_hosts: args.allow_hosts,
        open: args.open,
        render: render::Options {
            as_of,
            drafts: args.drafts,
        },
    };
    match serve(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => usage_error(message),
    }
}

pub struct Options {
    pub root: PathBuf,
    /// How diagnostics' paths are printed; worked out from the site folder
    /// as given, before `root` is made absolute.
    pub shown: ShownPaths,
    pub bind: String,
    pub port: u16,
    pub allow_hosts: Vec<String>,
    pub open: bool,
    pub render: render::Options,
}

/// What every connection's thread shares.
struct Server {
    site: Arc<LiveSite>,
    hosts: AllowedHosts,
    streams: events::Streams,
    /// Host names refused so far, each reported once (a few at most).
    refused: Mutex<Vec<String>>,
}

fn serve(mut options: Options) -> Result<(), String> {
    // Watchers report absolute paths; compare them with an absolute root.
    options.root = options
        .root
        .canonicalize()
        .map_err(|e| format!("cannot read {}: {e}", options.root.display()))?;
    let site = Arc::new(
        LiveSite::new(&options.root, options.render.clone()).showing_paths(options.shown.clone()),
    );
    // Watch before the first build and before the URL is printed: an edit
    // made as soon as the server answers must not be missed.
    let (watch, changes) = Watch::start(&options.root)?;
    report(&site.rebuild(), "Built");
    let (listener, bound) = listen(&options)?;
    let rebuild_site = Arc::clone(&site);
    std::thread::spawn(move || watch.rebuild_on_change(&rebuild_site, &changes));
    let server = Arc::new(Server {
        site,
        hosts: AllowedHosts::new(&options.bind, bound, &options.allow_hosts),
        streams: events::Streams::default(),
        refused: Mutex::new(Vec::new()),
    });
    pool::accept(&listener, move |stream, place| {
        serve_connection(stream, &place, &server);
    });
    Ok(())
}

/// Binds the server and says where it is (opening a browser there if
/// asked), with a warning when more than this computer can reach it.
fn listen(options: &Options) -> Result<(TcpListener, SocketAddr), String> {
    let cannot = |e: std::io::Error| {
        format!(
            "cannot listen on {}:{}: {e}; try another --port",
            options.bind, options.port
        )
    };
    let listener = TcpListener::bind((options.bind.as_str(), options.port)).map_err(cannot)?;
    let address = listener.local_addr().map_err(cannot)?;
    let url = format!("http://{address}/");
    println!(
        "Serving {} at {url} (Ctrl+C to stop)",
        options.root.display()
    );
    if !address.ip().is_loopback() {
        eprintln!(
            "warning: listening on {address}, so every computer that can reach this one over \
             the network can read the whole preview, exports included; leave out --bind to \
             keep it to this computer (others open it by this computer's IP address, or by a \
             name given with --allow-host NAME)"
        );
    }
    if options.open {
        open_browser(&url);
    }
    Ok((listener, address))
}

/// Answers one connection's requests in turn, on its own thread, until the
/// client closes it, idles past the time limit, misbehaves or cannot keep
/// up with its answers.
fn serve_connection(stream: TcpStream, place: &pool::Place, server: &Server) {
    let mut connection = Connection::new(stream);
    loop {
        let mut request = match connection.next_request(|| place.busy()) {
            Next::Request(request) => request,
            Next::Gone => return,
            Next::Bad(status, reason) => return connection.refuse(status, reason),
        };
        let host = request.header("Host").unwrap_or_default();
        if !server.hosts.allows(host) {
            let name = host::host_name(host);
            server.report_refused(name.as_deref());
            request.close = true;
            let _ = connection.respond(&request, http::wrong_host(name.as_deref()));
            return;
        }
        if request.url().starts_with(EVENTS) {
            return server
                .streams
                .follow(&mut connection, &request, &server.site);
        }
        let answer = http::answer(&request, &server.site);
        if connection.respond(&request, answer).is_err() || request.close {
            return;
        }
        if !connection.has_pending() {
            place.idle();
        }
    }
}

impl Server {
    /// Says on the terminal that requests for `name` are refused, the first
    /// time, for a few names: a DNS-rebinding page would repeat them.
    fn report_refused(&self, name: Option<&str>) {
        let Some(name) = name else { return };
        let Ok(mut refused) = self.refused.lock() else {
            return;
        };
        if refused.len() < 8 && !refused.iter().any(|r| r == name) {
            refused.push(name.to_string());
            eprintln!(
                "refused requests for host \"{name}\": a web page may be trying to read the \
                 preview by a name of its own; if you opened it by that name, restart with \
                 --allow-host {name}"
            );
        }
    }
}

fn report(outcome: &outcome::Outcome, verb: &str) {
    super::print_timings(&outcome.timings);
    let ms = outcome.elapsed.as_millis();
    match &outcome.error {
        Some(text) => {
            eprint!("{text}");
            eprintln!("Build failed in {ms} ms; still serving the last good site");
        }
        None => {
            if let Some(warnings) = &outcome.warnings {
                eprint!("{warnings}");
            }
            if outcome.partial {
                let pages = if outcome.pages == 1 { "page" } else { "pages" };
                println!("Re-rendered {} edited {pages} in {ms} ms", outcome.pages);
            } else {
                println!("{verb} {} pages in {ms} ms", outcome.pages);
            }
        }
    }
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(err) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!("could not open a browser ({opener}: {err}); open {url} yourself");
    }
}
