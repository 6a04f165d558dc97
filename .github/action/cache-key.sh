#!/usr/bin/env bash
# The cache key of the geolint GitHub Action: OS, Rust version and a hash of the action's
# sources (hashFiles() cannot read files outside the workspace, where the action lives).
set -euo pipefail
: "${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
cd "$GITHUB_ACTION_PATH"
digest() {
  if command -v sha256sum > /dev/null; then sha256sum; else shasum -a 256; fi # macOS has shasum
}
files=$(find Cargo.toml Cargo.lock src rules -type f | LC_ALL=C sort)
# Names and contents of every source file.
sources=$( (echo "$files" && echo "$files" | while IFS= read -r f; do cat "$f"; done) | digest | cut -c1-16)
rust=$(rustc --version 2> /dev/null | cut -d' ' -f2 || echo none)
key="geolint-${RUNNER_OS:-$(uname -s)}-rust${rust}-${sources}"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "key=$key" >> "$GITHUB_OUTPUT"
  echo "prefix=geolint-${RUNNER_OS:-$(uname -s)}-rust${rust}-" >> "$GITHUB_OUTPUT"
fi
echo "$key"
