//! Which `Host` a request may name: the defence against DNS rebinding, where
//! a web page on a name its owner points at this computer afterwards reads
//! the preview as if it were its own site. Browsers send the name the page
//! was loaded from, so only names this computer goes by are answered.

use std::net::{IpAddr, SocketAddr};

/// The names `serve` answers to, lowercase and without a port.
pub struct AllowedHosts {
    names: Vec<String>,
}

impl AllowedHosts {
    /// `localhost`, the address as given to `--bind` (a name, or the
    /// address it is bound to), and the `--allow-host` names. Any IP
    /// address is allowed as well: a name must be looked up to be rebound,
    /// an address is not, so a page loaded from `http://10.0.0.5:1111/`
    /// can only be this server's own.
    pub fn new(bind: &str, bound: SocketAddr, extra: &[String]) -> AllowedHosts {
        let mut names = vec!["localhost".to_string(), bound.ip().to_string()];
        names.extend(host_name(bind));
        names.extend(extra.iter().filter_map(|name| host_name(name)));
        AllowedHosts { names }
    }

    /// Whether a request naming `host` (the `Host` header's value, with or
    /// without a port) is answered.
    pub fn allows(&self, host: &str) -> bool {
        host_name(host).is_some_and(|name| {
            name.parse::<IpAddr>().is_ok()
                || unbracket(&name).parse::<std::net::Ipv6Addr>().is_ok()
                || self.names.contains(&name)
        })
    }
}

/// Checks a name given to `--allow-host`: a host name or an IP address,
/// without a port or a scheme.
pub fn parse_allow_host(text: &str) -> Result<String, String> {
    let bare_ipv6 = text.parse::<std::net::Ipv6Addr>().is_ok();
    let name = if bare_ipv6 {
        Some(format!("[{text}]"))
    } else {
        host_name(text)
    };
    let has_port = if text.starts_with('[') {
        !text.ends_with(']')
    } else {
        !bare_ipv6 && text.contains(':')
    };
    match name {
        Some(name) if !has_port => Ok(name),
        _ => Err(format!(
            "`{text}` is not a host name; give the name as typed in the browser's \
             address bar, without `http://` or a port (e.g. `--allow-host intranet.example`)"
        )),
    }
}

/// The name in a `Host` value: lowercase, without its port or a final dot
/// (`Example.COM.:80` is `example.com`), IPv6 addresses in brackets. `None`
/// when it cannot be a host name at all.
pub fn host_name(host: &str) -> Option<String> {
    let host = host.trim();
    let (name, port) = if host.starts_with('[') {
        let end = host.find(']')?;
        let rest = &host[end + 1..];
        let port = match rest.strip_prefix(':') {
            Some(port) => Some(port),
            None if rest.is_empty() => None,
            None => return None,
        };
        (&host[..=end], port)
    } else {
        match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        }
    };
    if port.is_some_and(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    let plain = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_';
    let bracketed = name.starts_with('[')
        && unbracket(&name)
            .bytes()
            .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    (!name.is_empty() && (bracketed || name.bytes().all(plain))).then_some(name)
}

fn unbracket(name: &str) -> &str {
    name.trim_start_matches('[').trim_end_matches(']')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(bind: &str, extra: &[&str]) -> AllowedHosts {
        let extra: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        let bound = "127.0.0.1:1111".parse().expect("address");
        AllowedHosts::new(bind, bound, &extra)
    }

    #[test]
    fn this_computers_names_and_addresses_are_answered() {
        let allowed = hosts("127.0.0.1", &[]);
        for host in [
            "localhost",
            "LOCALHOST:1111",
            "localhost.",
            "127.0.0.1",
            "127.0.0.1:1111",
            "[::1]",
            "[::1]:1111",
            "10.0.0.5:1111",
            "[fe80::1]:80",
        ] {
            assert!(allowed.allows(host), "{host}");
        }
    }

    #[test]
    fn other_names_are_refused_unless_allowed() {
        let allowed = hosts("127.0.0.1", &["intranet.example"]);
        for host in [
            "rebind.evil.example",
            "rebind.evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "",
            "localhost:http",
            "localhost:1111:1",
            "[::1]x",
            "intranet.example/x",
        ] {
            assert!(!allowed.allows(host), "{host}");
        }
        assert!(allowed.allows("intranet.example:8080"));
        assert!(allowed.allows("Intranet.Example."));
        assert!(hosts("myhost.corp", &[]).allows("myhost.corp:1111"));
    }

    #[test]
    fn allow_host_takes_names_and_addresses_without_a_port() {
        assert_eq!(
            parse_allow_host("Intranet.example"),
            Ok("intranet.example".into())
        );
        assert_eq!(parse_allow_host("::1"), Ok("[::1]".into()));
        assert_eq!(parse_allow_host("[::1]"), Ok("[::1]".into()));
        for bad in [
            "http://intranet.example",
            "intranet.example:8080",
            "[::1]:8080",
            "a b",
            "",
        ] {
            assert!(parse_allow_host(bad).is_err(), "{bad}");
        }
    }
}
