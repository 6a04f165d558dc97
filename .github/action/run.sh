#!/usr/bin/env bash
# The run step of the geolint GitHub Action (action.yml): lint, annotate, summarise, decide.
#
# Inputs arrive as environment variables: GEOLINT_PATHS, GEOLINT_CONFIG, GEOLINT_FAIL_ON
# (error|warning|never), GEOLINT_CHANGED_ONLY (true|false, empty = true on pull_request events),
# GEOLINT_SARIF, GEOLINT_ARGS and GEOLINT_BASE_SHA (the pull request's base commit). It writes
# errors=, warnings= and sarif-file= to $GITHUB_OUTPUT and a Markdown summary to
# $GITHUB_STEP_SUMMARY when they are set. Exit status: 0 pass, 1 findings at or above fail-on,
# 2 geolint could not run (bad config, missing path, unreadable file) or a bad input.
set -uo pipefail

geolint="${GEOLINT_BIN:-geolint}"

fail() {
  echo "::error title=geolint action::$1"
  exit 2
}

fail_on="${GEOLINT_FAIL_ON:-error}"
case "$fail_on" in
  error | warning | never) ;;
  *) fail "input fail-on must be error, warning or never, not '$fail_on'" ;;
esac

changed_only="${GEOLINT_CHANGED_ONLY:-}"
if [ -z "$changed_only" ] || [ "$changed_only" = auto ]; then
  case "${GITHUB_EVENT_NAME:-}" in
    pull_request | pull_request_target) changed_only=true ;;
    *) changed_only=false ;;
  esac
fi
case "$changed_only" in
  true | false) ;;
  *) fail "input changed-only must be true or false, not '$changed_only'" ;;
esac

args=(check --format github)
if [ -n "${GEOLINT_CONFIG:-}" ]; then
  args+=(--config "$GEOLINT_CONFIG")
fi

if [ "$changed_only" = true ]; then
  base="${GEOLINT_BASE_SHA:-}"
  if [ -z "$base" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
    base="origin/${GITHUB_BASE_REF}"
  fi
  if [ -z "$base" ]; then
    echo "::warning title=geolint action::changed-only needs a pull request base commit; reporting every file"
  else
    if ! git rev-parse --verify --quiet "${base}^{commit}" > /dev/null; then
      # A shallow checkout of the pull request lacks its base: fetch just that commit.
      git fetch --no-tags --quiet --depth=1 origin "${base#origin/}" > /dev/null 2>&1 || true
      if ! git rev-parse --verify --quiet "${base}^{commit}" > /dev/null; then
        base=FETCH_HEAD
      fi
    fi
    args+=(--changed-since "$base")
  fi
fi

sarif="${GEOLINT_SARIF:-}"
if [ -n "$sarif" ]; then
  mkdir -p "$(dirname "$sarif")"
  args+=(--sarif-file "$sarif")
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  args+=(--step-summary "$GITHUB_STEP_SUMMARY")
fi

# Extra arguments and paths are split on whitespace like a command line (no globbing).
set -f
# shellcheck disable=SC2206
extra=(${GEOLINT_ARGS:-})
# shellcheck disable=SC2206
paths=(${GEOLINT_PATHS:-.})
set +f
if [ "${#paths[@]}" -eq 0 ]; then
  paths=(.)
fi
# `${a[@]+…}` keeps bash 3.2 (macOS) from calling an empty array unbound under `set -u`.
args+=(${extra[@]+"${extra[@]}"} -- "${paths[@]}")

report="$(mktemp)"
trap 'rm -f "$report"' EXIT
"$geolint" "${args[@]}" > "$report"
code=$?
cat "$report"

errors=$(grep -c '^::error ' "$report")
warnings=$(grep -c '^::warning ' "$report")
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "errors=$errors"
    echo "warnings=$warnings"
    echo "sarif-file=$sarif"
  } >> "$GITHUB_OUTPUT"
fi

if [ -n "$sarif" ] && [ -f "$sarif" ]; then
  results=$(grep -c '"ruleId":' "$sarif")
  if [ "$results" -gt 25000 ]; then
    echo "::warning title=geolint action::the SARIF report has $results results; code scanning rejects more than 25000 per run: use changed-only, a baseline (--baseline) or errors only (--quiet)"
  fi
fi

echo "geolint: $errors errors, $warnings warnings (fail-on: $fail_on, exit code $code)"
case "$code" in
  0 | 1) ;;
  *) exit 2 ;; # geolint could not do its job: never pass silently
esac
case "$fail_on" in
  error) [ "$code" -eq 0 ] || exit 1 ;;
  warning) [ "$code" -eq 0 ] && [ "$warnings" -eq 0 ] || exit 1 ;;
  never) ;;
esac
exit 0
