#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what the tests need
# beyond the Rust toolchain (Debian's chromium, a Java runtime for the Nu HTML
# Checker, the npm packages of tests/browser/package-lock.json), then runs
# every Rust test target, compile-checks the fuzz targets and runs the
# browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --all-targets --locked
# The bad-input corpus's one-second bound applies to an optimised build.
cargo test --release --locked --test it bad_input::

# The fuzz targets (tests/fuzz) only compile-checked here, on stable and in
# under a minute: running them needs cargo-fuzz and minutes each (see
# tests/fuzz/README.md). Their lock file starts from the main crate's so
# both build against the same versions.
[ -f tests/fuzz/Cargo.lock ] || cp Cargo.lock tests/fuzz/Cargo.lock
cargo fmt --check --manifest-path tests/fuzz/Cargo.toml
cargo clippy --manifest-path tests/fuzz/Cargo.toml --all-targets -- -D warnings

# Browser tests: headless Chromium over the built default playbook
# (accessibility, search, sorting, navigation, phone, print, keyboard, HTML
# validity, live reload). Installs what is missing first.
tests/browser/run.sh
