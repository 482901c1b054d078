#!/usr/bin/env bash
# Browser tests of the default theme: accessibility (axe-core), search,
# sorting, navigation, phone width, print, keyboard and HTML validity (the
# Nu HTML Checker), plus screenshots in tests/browser/screenshots/.
#
# On a fresh Debian machine with Rust, Python and Node this installs what is
# missing (Debian's chromium, a Java runtime for vnu.jar, the npm packages
# of package-lock.json), builds the release binary, the default playbook and
# the Polish example (examples/odwrocony-mentoring) as of 2026-11-24, serves
# each on a free loopback port and runs `node --test`.
# Re-runs install nothing and print little but the test report.
#
#   tests/browser/run.sh [FILE.test.mjs ...]   (default: every *.test.mjs)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

# --- System packages: Chromium and Java, from Debian, only when missing ---
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium fonts-liberation)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "run.sh: installing ${missing[*]} (apt-get)" >&2
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >/dev/null
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -x "$CHROMIUM" ] || { echo "run.sh: $CHROMIUM is missing" >&2; exit 1; }
command -v java >/dev/null 2>&1 || { echo "run.sh: java is missing" >&2; exit 1; }

# --- npm packages, exactly as locked; skipped when already installed ---
# --ignore-scripts: vnu-jar's postinstall would try to download a Java
# runtime; Debian's is used instead. No package here needs a build step.
stamp="$here/node_modules/.installed-from-package-lock.json"
if ! cmp -s "$here/package-lock.json" "$stamp" 2>/dev/null; then
  echo "run.sh: npm ci in tests/browser" >&2
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$here/package-lock.json" "$stamp"
fi

# --- The site: release build of the default playbook, fixed date ---
cd "$repo"
cargo build --release --locked --quiet
bin="$(cargo metadata --format-version 1 --no-deps 2>/dev/null |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/mentorbook"

work="$(mktemp -d "${TMPDIR:-/tmp}/mentorbook-browser.XXXXXX")"
servers=()
cleanup() {
  for server in "${servers[@]}"; do
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$bin" build --out "$work/site" --as-of 2026-11-24 >/dev/null
# Also checked for valid HTML: the fixture site takes other template branches.
(cd tests/fixtures/valid && "$bin" build --out "$work/fixture-valid" --as-of 2026-04-01 >/dev/null)
# The Polish example, for the tests that also run on a site in another language.
"$bin" build examples/odwrocony-mentoring --out "$work/site-pl" --as-of 2026-11-24 >/dev/null

# --- Serve each site on a free loopback port ---
# serve DIR: starts a static server for DIR and sets $base to its address.
serve() {
  local port log="$work/server-${#servers[@]}.log"
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  python3 -m http.server --bind 127.0.0.1 --directory "$1" "$port" >"$log" 2>&1 &
  servers+=("$!")
  base="http://127.0.0.1:$port/"
  for _ in $(seq 1 100); do
    if python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1)' "$port" 2>/dev/null; then
      return
    fi
    kill -0 "${servers[-1]}" 2>/dev/null || { cat "$log" >&2; echo "run.sh: the web server stopped" >&2; exit 1; }
    sleep 0.1
  done
}
serve "$work/site-pl"
base_pl="$base"
serve "$work/site"

# --- The tests ---
cd "$here"
if [ "$#" -gt 0 ]; then tests=("$@"); else tests=(*.test.mjs); fi
# Two test files at a time: each drives its own Chromium (or Java, for vnu).
MENTORBOOK_SITE_DIR="$work/site" MENTORBOOK_BASE_URL="$base" \
  MENTORBOOK_FIXTURE_SITE_DIR="$work/fixture-valid" MENTORBOOK_BIN="$bin" \
  MENTORBOOK_PL_SITE_DIR="$work/site-pl" MENTORBOOK_PL_BASE_URL="$base_pl" \
  node --test --test-concurrency=2 --test-reporter=spec "${tests[@]}"
