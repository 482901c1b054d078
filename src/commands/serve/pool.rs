//! The preview server's connections: accepted here, each served by a
//! thread of its own, at most [`MAX_CONNECTIONS`] at once and
//! [`MAX_PER_CLIENT`] from one address. When the pool is full the
//! connection idle the longest is closed to make room; when none is idle
//! the newcomer is told to retry (503). So idle sockets cost nothing but a
//! place, and a client that stalls its own connection stalls nobody else's.
//!
//! tiny_http's `Server` cannot do this: it accepts on a thread of its own
//! and hands every connection to a pool that grows a thread per connection
//! without limit; it never sets a timeout on an accepted socket and offers
//! no hook to (`ServerConfig` holds only the address and TLS settings, and
//! `Listener` is a closed enum of the std listeners); a `Request` never
//! gives its socket back, so a stalled client cannot be dropped; and it
//! reads pipelined requests ahead into a shared queue, where each one holds
//! a worker while waiting for the answers before it. So connections and
//! request heads are handled here, and tiny_http's `Response` still writes
//! every answer (`request.rs`).

use std::collections::HashMap;
use std::io::Write;
use std::net::{IpAddr, Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

pub const MAX_CONNECTIONS: usize = 128;
/// Half the pool: one computer on the network cannot take all of it.
pub const MAX_PER_CLIENT: usize = 64;
/// A connection's thread reads, looks up and writes: it needs little stack.
const STACK_SIZE: usize = 256 * 1024;

#[derive(Default)]
struct Pool {
    open: Mutex<Open>,
}

#[derive(Default)]
struct Open {
    next_id: u64,
    slots: HashMap<u64, Slot>,
}

struct Slot {
    client: IpAddr,
    /// Since when the connection has been waiting for a request; `None`
    /// while one is read or answered.
    idle_since: Option<Instant>,
    /// To close the connection when it is evicted.
    stream: TcpStream,
}

/// A connection's place in the pool, given back when dropped.
pub struct Place {
    pool: Arc<Pool>,
    id: u64,
}

impl Place {
    /// The connection waits for its next request: it may be closed to
    /// make room.
    pub fn idle(&self) {
        self.set_idle(Some(Instant::now()));
    }

    /// A request is being read or answered.
    pub fn busy(&self) {
        self.set_idle(None);
    }

    fn set_idle(&self, since: Option<Instant>) {
        if let Some(slot) = self.pool.lock().slots.get_mut(&self.id) {
            slot.idle_since = since;
        }
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        self.pool.lock().slots.remove(&self.id);
    }
}

impl Pool {
    fn lock(&self) -> MutexGuard<'_, Open> {
        self.open.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Accepts connections for as long as the listener lasts, and runs
/// `serve` on a thread of its own for each one admitted.
pub fn accept<F>(listener: &TcpListener, serve: F)
where
    F: Fn(TcpStream, Place) + Send + Sync + 'static,
{
    let pool = Arc::new(Pool::default());
    let serve = Arc::new(serve);
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(stream) => stream,
            Err(_) => {
                // Out of file descriptors, say: wait for some to close
                // instead of spinning.
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let Some(place) = admit(&pool, &stream) else {
            refuse(&stream);
            continue;
        };
        let serve = Arc::clone(&serve);
        let _ = std::thread::Builder::new()
            .name("serve connection".into())
            .stack_size(STACK_SIZE)
            .spawn(move || serve(stream, place));
    }
}

/// A place for `stream`, after closing the longest-idle connection if the
/// pool (or its client's share) is full; `None` when nothing can be closed.
fn admit(pool: &Arc<Pool>, stream: &TcpStream) -> Option<Place> {
    let client = stream.peer_addr().ok()?.ip();
    let handle = stream.try_clone().ok()?;
    let mut open = pool.lock();
    let from_client = open.slots.values().filter(|s| s.client == client).count();
    if from_client >= MAX_PER_CLIENT {
        open.evict(|s| s.client == client)?;
    } else if open.slots.len() >= MAX_CONNECTIONS {
        open.evict(|_| true)?;
    }
    open.next_id += 1;
    let id = open.next_id;
    open.slots.insert(
        id,
        Slot {
            client,
            idle_since: Some(Instant::now()),
            stream: handle,
        },
    );
    Some(Place {
        pool: Arc::clone(pool),
        id,
    })
}

impl Open {
    /// Closes the longest-idle connection of those `among` picks; `None`
    /// when none of them is idle.
    fn evict(&mut self, among: impl Fn(&Slot) -> bool) -> Option<()> {
        let id = self
            .slots
            .iter()
            .filter(|(_, slot)| among(slot))
            .filter_map(|(id, slot)| slot.idle_since.map(|since| (since, *id)))
            .min()?
            .1;
        let slot = self.slots.remove(&id)?;
        // Its thread, blocked reading, wakes up to the end of the stream.
        let _ = slot.stream.shutdown(Shutdown::Both);
        Some(())
    }
}

/// Tells a client the pool is full, without ever waiting for it.
fn refuse(mut stream: &TcpStream) {
    let body = "Too many connections to the preview; try again in a moment.\n";
    let answer = format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Length: {}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    if stream.set_nonblocking(true).is_ok() {
        let _ = stream.write_all(answer.as_bytes());
    }
    let _ = stream.shutdown(Shutdown::Both);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count` connected sockets to a listener of this test: (ours, theirs).
    fn sockets(count: usize) -> Vec<(TcpStream, TcpStream)> {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let address = listener.local_addr().expect("address");
        (0..count)
            .map(|_| {
                let client = TcpStream::connect(address).expect("connect");
                let (server, _) = listener.accept().expect("accept");
                (server, client)
            })
            .collect()
    }

    #[test]
    fn a_full_pool_closes_its_longest_idle_connection_and_never_a_busy_one() {
        let pool = Arc::new(Pool::default());
        let pairs = sockets(MAX_PER_CLIENT + 2);
        let mut places: Vec<Place> = pairs[..MAX_PER_CLIENT]
            .iter()
            .map(|(server, _)| admit(&pool, server).expect("a place"))
            .collect();
        for place in &places[1..] {
            place.busy();
        }
        // One client's share is full: its only idle connection goes.
        let newcomer = admit(&pool, &pairs[MAX_PER_CLIENT].0).expect("room made");
        assert_eq!(pool.lock().slots.len(), MAX_PER_CLIENT);
        let mut byte = [0u8; 1];
        let evicted = &pairs[0].1;
        evicted
            .set_read_timeout(Some(Duration::from_secs(1)))
            .expect("timeout");
        assert_eq!(std::io::Read::read(&mut &*evicted, &mut byte).ok(), Some(0));
        // Now every one of its connections is busy: the next is refused.
        newcomer.busy();
        assert!(admit(&pool, &pairs[MAX_PER_CLIENT + 1].0).is_none());
        // A connection that ends gives its place back.
        places.pop();
        assert!(admit(&pool, &pairs[MAX_PER_CLIENT + 1].0).is_some());
    }
}
