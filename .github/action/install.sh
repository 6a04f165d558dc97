#!/usr/bin/env bash
# The install step of the geolint GitHub Action: build geolint from the action's own source.
set -euo pipefail
: "${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
cargo install --locked --force --path "$GITHUB_ACTION_PATH"
geolint --version
