#!/usr/bin/env bash
# The cache key of the geolint GitHub Action: OS, Rust version and a hash of the action's
# sources (hashFiles() cannot read files outside the workspace, where the action lives).
set -euo pipefail
: "${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
cd "$GITHUB_ACTION_PATH"
sources=$(find Cargo.toml Cargo.lock src rules -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
rust=$(rustc --version 2> /dev/null | cut -d' ' -f2 || echo none)
key="geolint-${RUNNER_OS:-$(uname -s)}-rust${rust}-${sources}"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "key=$key" >> "$GITHUB_OUTPUT"
  echo "prefix=geolint-${RUNNER_OS:-$(uname -s)}-rust${rust}-" >> "$GITHUB_OUTPUT"
fi
echo "$key"
