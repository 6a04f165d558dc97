#!/usr/bin/env bash
# Crawl benchmark (not a test): crawl a generated N-page site on 127.0.0.1 and report pages per
# second, peak memory (max RSS) and CPU. Usage: scripts/bench-crawl.sh [PAGES...] (default 2000).
# Only loopback traffic: the site is examples/crawl_bench_site.rs on an ephemeral port.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin geolint --example crawl_bench_site
sizes=("${@:-2000}")
printf '%-7s %-6s %-9s %-9s %-11s %-7s\n' pages conc seconds pages/s peak_rss_MB cpu
for n in "${sizes[@]}"; do
  for conc in 16; do
    out=$(mktemp -d)
    target/release/examples/crawl_bench_site "$n" > "$out/url" &
    server=$!
    while [ ! -s "$out/url" ]; do sleep 0.05; done
    url=$(head -n1 "$out/url")
    /usr/bin/time -f '%e %M %P' -o "$out/time" \
      target/release/geolint crawl "$url/" --concurrency "$conc" --rate 0 --no-progress \
        --max-pages $((n + 10)) --format json --output "$out/report.json" || true
    kill "$server"; wait "$server" 2>/dev/null || true
    read -r secs rss cpu < "$out/time"
    pages=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['files'])" "$out/report.json")
    rate=$(python3 -c "print(f'{$pages/$secs:.0f}')")
    printf '%-7s %-6s %-9s %-9s %-11s %-7s\n' "$pages" "$conc" "$secs" "$rate" "$((rss / 1024))" "$cpu"
    rm -rf "$out"
  done
done
