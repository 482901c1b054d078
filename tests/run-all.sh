#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what the tests need
# beyond the Rust toolchain (Debian's chromium, a Java runtime for the Nu HTML
# Checker, the npm packages of tests/browser/package-lock.json), then runs
# every Rust test target and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --all-targets --locked
# The bad-input corpus's one-second bound applies to an optimised build.
cargo test --release --locked --test it bad_input::

# Browser tests: headless Chromium over the built default playbook
# (accessibility, search, sorting, navigation, phone, print, keyboard, HTML
# validity, live reload). Installs what is missing first.
tests/browser/run.sh
