//! `mentorbook serve`: build into memory, serve with tiny_http, watch the
//! sources with notify (debounced), rebuild and tell open pages to reload.

mod http;
mod incremental;
mod site;

pub use http::{Resolved, content_type, resolve};
pub use site::LiveSite;

use super::usage_error;
use crate::render;
use crate::source::load::is_ignored;
use chrono::NaiveDate;
use notify::event::ModifyKind;
use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

/// What `serve` takes from the command line.
pub struct Args {
    pub dir: std::path::PathBuf,
    pub bind: String,
    pub port: u16,
    pub open: bool,
    pub as_of: Option<NaiveDate>,
    pub drafts: bool,
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
        root: args.dir,
        bind: args.bind,
        port: args.port,
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
    pub bind: String,
    pub port: u16,
    pub open: bool,
    pub render: render::Options,
}

/// Folders of a site that hold sources; `playbook.yaml` sits beside them.
const WATCHED: &[&str] = &["content", "data", "templates", "static"];
const WORKERS: usize = 4;
/// Events closer together than this are one change. An editor's save (a
/// write, or a temporary file renamed over the page) takes well under a
/// millisecond; the wait adds to every reload, so it is kept short.
const DEBOUNCE: Duration = Duration::from_millis(25);
const MAX_EVENT_STREAMS: usize = 64;

fn serve(mut options: Options) -> Result<(), String> {
    // Watchers report absolute paths; compare them with an absolute root.
    options.root = options
        .root
        .canonicalize()
        .map_err(|e| format!("cannot read {}: {e}", options.root.display()))?;
    let site = Arc::new(LiveSite::new(&options.root, options.render.clone()));
    // Watch before the first build and before the URL is printed: an edit
    // made as soon as the server answers must not be missed.
    let (watch, changes) = Watch::start(&options.root)?;
    report(&site.rebuild(), "Built");
    let server = listen(&options)?;
    let rebuild_site = Arc::clone(&site);
    std::thread::spawn(move || watch.rebuild_on_change(&rebuild_site, &changes));
    serve_requests(&server, &site);
    Ok(())
}

/// Binds the server and says where it is (opening a browser there if
/// asked).
fn listen(options: &Options) -> Result<tiny_http::Server, String> {
    let server = tiny_http::Server::http((options.bind.as_str(), options.port)).map_err(|e| {
        format!(
            "cannot listen on {}:{}: {e}; try another --port",
            options.bind, options.port
        )
    })?;
    let address = server.server_addr().to_ip().map_or_else(
        || format!("{}:{}", options.bind, options.port),
        |a| a.to_string(),
    );
    let url = format!("http://{address}/");
    println!(
        "Serving {} at {url} (Ctrl+C to stop)",
        options.root.display()
    );
    if options.open {
        open_browser(&url);
    }
    Ok(server)
}

/// Hands page requests to a few workers, and gives each live-reload
/// stream a thread of its own (it stays open), up to
/// [`MAX_EVENT_STREAMS`].
fn serve_requests(server: &tiny_http::Server, site: &Arc<LiveSite>) {
    let jobs = spawn_workers(site);
    let streams = Arc::new(AtomicUsize::new(0));
    for request in server.incoming_requests() {
        if request.url().starts_with("/__mentorbook/events") {
            follow_events(request, site, &streams);
        } else if jobs.send(request).is_err() {
            break;
        }
    }
}

/// [`WORKERS`] threads answering the requests sent to the returned channel.
fn spawn_workers(site: &Arc<LiveSite>) -> mpsc::Sender<tiny_http::Request> {
    let (jobs_tx, jobs_rx) = mpsc::channel::<tiny_http::Request>();
    let jobs_rx = Arc::new(Mutex::new(jobs_rx));
    for _ in 0..WORKERS {
        let jobs_rx = Arc::clone(&jobs_rx);
        let site = Arc::clone(site);
        std::thread::spawn(move || {
            loop {
                let next = jobs_rx.lock().ok().and_then(|rx| rx.recv().ok());
                match next {
                    Some(request) => http::respond(request, &site),
                    None => return,
                }
            }
        });
    }
    jobs_tx
}

/// Streams version changes to one open page, on its own thread; refused
/// once `streams` (the open ones) reaches [`MAX_EVENT_STREAMS`].
fn follow_events(request: tiny_http::Request, site: &Arc<LiveSite>, streams: &Arc<AtomicUsize>) {
    if streams.load(Ordering::SeqCst) >= MAX_EVENT_STREAMS {
        let _ = request.respond(
            tiny_http::Response::from_string("Too many live-reload connections\n")
                .with_status_code(503),
        );
        return;
    }
    streams.fetch_add(1, Ordering::SeqCst);
    let site = Arc::clone(site);
    let streams = Arc::clone(streams);
    std::thread::spawn(move || {
        http::events(request, &site);
        streams.fetch_sub(1, Ordering::SeqCst);
    });
}

/// The watcher of a site's sources, and the folders it already watches.
struct Watch {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    watched: Vec<PathBuf>,
}

type ChangeEvents = mpsc::Receiver<DebounceEventResult>;

impl Watch {
    /// Starts watching `root`'s sources; their changes arrive on the
    /// returned channel.
    fn start(root: &Path) -> Result<(Watch, ChangeEvents), String> {
        let (changes_tx, changes_rx) = mpsc::channel::<DebounceEventResult>();
        let debouncer = new_debouncer(DEBOUNCE, None, changes_tx)
            .map_err(|e| format!("cannot watch files: {e}"))?;
        let mut watch = Watch {
            debouncer,
            root: root.to_path_buf(),
            watched: Vec::new(),
        };
        watch.sources();
        Ok((watch, changes_rx))
    }

    /// Rebuilds `site` after each burst of changes to its sources, for as
    /// long as the watcher runs. A rebuild may create a source folder, so
    /// folders are looked for again before each one.
    fn rebuild_on_change(mut self, site: &LiveSite, events: &ChangeEvents) {
        while let Some(changes) = next_changes(events) {
            let sources: Vec<PathBuf> = changes
                .paths
                .into_iter()
                .filter(|p| is_source(&self.root, p))
                .collect();
            if sources.is_empty() {
                continue;
            }
            self.sources();
            let outcome = if changes.in_place {
                site.rebuild_edited(&sources)
            } else {
                site.rebuild()
            };
            report(&outcome, "Rebuilt");
        }
    }

    /// Watches the site folder itself (for `playbook.yaml` and new source
    /// folders) and each source folder once it exists. Never the output
    /// folder.
    fn sources(&mut self) {
        let root = &self.root;
        if self.watched.is_empty() {
            if let Err(err) = self.debouncer.watch(root, RecursiveMode::NonRecursive) {
                eprintln!("cannot watch {}: {err}", root.display());
            }
            self.watched.push(root.to_path_buf());
        }
        for folder in WATCHED {
            let path = root.join(folder);
            if path.is_dir() && !self.watched.contains(&path) {
                match self.debouncer.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => self.watched.push(path),
                    Err(err) => eprintln!("cannot watch {}: {err}", path.display()),
                }
            }
        }
    }
}

/// The next batch of changes with what arrived meanwhile: one rebuild for
/// a burst of saves. `None` once the watcher is gone.
fn next_changes(events: &ChangeEvents) -> Option<Changes> {
    let batch = events.recv().ok()?;
    let mut changes = Changes::of(batch);
    while let Ok(more) = events.try_recv() {
        changes.extend(Changes::of(more));
    }
    Some(changes)
}

fn report(outcome: &site::Outcome, verb: &str) {
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

/// What a batch of file events changed.
struct Changes {
    /// Paths whose content may have changed. Reads are left out: the
    /// rebuild itself opens every source, which would otherwise trigger
    /// the next one.
    paths: Vec<PathBuf>,
    /// Every change was a write into an existing file: nothing created,
    /// removed or renamed, so the site need not be walked again.
    in_place: bool,
}

impl Changes {
    fn of(batch: DebounceEventResult) -> Changes {
        match batch {
            Ok(events) => {
                let events: Vec<_> = events
                    .into_iter()
                    .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                    .collect();
                let in_place = events.iter().all(|e| {
                    matches!(
                        e.kind,
                        EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any)
                    )
                });
                Changes {
                    paths: events.into_iter().flat_map(|e| e.event.paths).collect(),
                    in_place,
                }
            }
            Err(errors) => {
                for error in errors {
                    eprintln!("watch error: {error}");
                }
                Changes {
                    paths: Vec::new(),
                    in_place: false,
                }
            }
        }
    }

    fn extend(&mut self, more: Changes) {
        self.paths.extend(more.paths);
        self.in_place &= more.in_place;
    }
}

/// Changes that can alter the site: not editors' temporary files, not the
/// output or anything else beside the sources.
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let Some(first) = parts.next() else {
        return false;
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if is_ignored(&name) {
        return false;
    }
    first == crate::source::load::CONFIG_FILE || WATCHED.contains(&first.as_str())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_trigger_a_rebuild() {
        let root = Path::new("/site");
        assert!(is_source(root, Path::new("/site/content/faq.md")));
        assert!(is_source(root, Path::new("/site/playbook.yaml")));
        assert!(is_source(root, Path::new("/site/templates/page.html")));
        assert!(!is_source(root, Path::new("/site/public/index.html")));
        assert!(!is_source(root, Path::new("/site/content/.faq.md.swp")));
        assert!(!is_source(root, Path::new("/site/content/faq.md~")));
        assert!(!is_source(root, Path::new("/site/README.md")));
    }
}
