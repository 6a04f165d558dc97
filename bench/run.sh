#!/usr/bin/env bash
# geolint benchmark: `geolint check` (all rules, JSON to /dev/null) against the parse-only
# floor (same walk, read and parse, no rules) on generated sites of 1,000 and 10,000 articles.
#
#   bench/run.sh              # sizes 1000 and 10000, best of 3 runs each
#   RUNS=5 SIZES="1000 10000 30000" bench/run.sh
#
# Prints wall time, files/s, MB/s and peak RSS per run, the check/parse-only ratio, the start-up
# time (one small file) and the 10k/1k time ratio. Needs GNU time (/usr/bin/time). Corpora are cached in target/bench-corpus.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-3}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench: GNU time (/usr/bin/time) is required" >&2; exit 2; }

cargo build --release --quiet --bin geolint --example gen-corpus --example parse-only
BIN=target/release/geolint
GEN=target/release/examples/gen-corpus
PARSE=target/release/examples/parse-only
CORPUS=target/bench-corpus
TIMING=$(mktemp)
trap 'rm -f "$TIMING"' EXIT

# best_of CMD...: run RUNS times, print "seconds peak_kb" of the fastest run.
best_of() {
  local best="" best_rss=0
  for _ in $(seq "$RUNS"); do
    local out
    # geolint exits 1 when it finds errors: that is a finished run, not a failure.
    "$TIME" -f "%e %M" -o "$TIMING" "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$TIMING")
    local s rss
    s=$(echo "$out" | tail -1 | awk '{print $1}')
    rss=$(echo "$out" | tail -1 | awk '{print $2}')
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; best_rss=$rss; fi
  done
  echo "$best $best_rss"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "geolint $($BIN --version | awk '{print $2}'), best of $RUNS runs"
echo
printf "%-8s %-11s %7s %9s %8s %9s %8s\n" articles pass files wall_s files/s MB/s rss_MB
declare -A CHECK PARSE
for n in $SIZES; do
  dir="$CORPUS/$n"
  if [ ! -f "$dir/geolint.toml" ]; then
    rm -rf "$dir"
    "$GEN" "$n" "$dir" 2>/dev/null
  fi
  files=$(find "$dir" -type f \( -name '*.md' -o -name '*.html' \) | wc -l)
  mb=$(du -sb --apparent-size "$dir" | awk '{printf "%.1f", $1/1e6}')
  read -r ps prss < <(best_of "$PARSE" "$dir")
  read -r cs crss < <(best_of "$BIN" check --format json --no-progress "$dir")
  PARSE[$n]=$ps; CHECK[$n]=$cs
  for row in "parse-only $ps $prss" "check $cs $crss"; do
    set -- $row
    awk -v n="$n" -v pass="$1" -v s="$2" -v rss="$3" -v f="$files" -v mb="$mb" 'BEGIN{
      s = (s < 0.001 ? 0.001 : s);
      printf "%-8s %-11s %7d %9.2f %8.0f %9.1f %8.0f\n", n, pass, f, s, f/s, mb/s, rss/1024 }'
  done
done
echo
for n in $SIZES; do
  awk -v n="$n" -v c="${CHECK[$n]}" -v p="${PARSE[$n]}" 'BEGIN{ p = (p < 0.001 ? 0.001 : p);
    printf "check/parse-only at %s articles: %.2fx\n", n, c/p }'
done
# Start-up: `geolint check` on one small Markdown file (no config), mean of 20 runs.
small=$(mktemp -d)
printf -- '---\ntitle: Wat kost een AI-workshop voor het mkb?\n---\n\n# Wat kost een AI-workshop?\n\nEen korte tekst over kosten.\n' >"$small/post.md"
t0=$(date +%s%N)
for _ in $(seq 20); do "$BIN" check --no-progress "$small/post.md" >/dev/null 2>&1 || true; done
t1=$(date +%s%N)
rm -rf "$small"
awk -v ns=$((t1 - t0)) 'BEGIN{ printf "start-up (check on one small file, mean of 20 runs): %.1f ms\n", ns / 20 / 1e6 }'
set -- $SIZES
if [ $# -ge 2 ]; then
  first=$1; last=${!#}
  awk -v a="${CHECK[$first]}" -v b="${CHECK[$last]}" -v fa="$first" -v fb="$last" 'BEGIN{
    a = (a < 0.001 ? 0.001 : a); printf "check time ratio %s/%s articles: %.1f (linear: %.1f)\n", fb, fa, b/a, fb/fa }'
fi
