#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what the tests need
# beyond the Rust toolchain, then runs every test target.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --all-targets --locked
# The bad-input corpus's one-second bound applies to an optimised build.
cargo test --release --locked --test bad_input
