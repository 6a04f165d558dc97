//! Time spent per rule, for finding hotspots: set `GEOLINT_TIMINGS=1` and geolint prints, on
//! stderr after the run, the CPU time each rule took over all files (summed across threads),
//! slowest first. Off by default: when unset the only cost is one relaxed atomic load per rule.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

use crate::rules::registry::ALL;

/// Extra passes timed alongside the rules (index into [`EXTRA`] after the rules).
pub const PARSE: usize = 0;
pub const SUMMARY: usize = 1;
pub const SITE: usize = 2;
const EXTRA: [&str; 3] = ["(parse)", "(document summary)", "(site rules, total)"];

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("GEOLINT_TIMINGS").is_some_and(|v| v != "0"))
}

fn slots() -> &'static [AtomicU64] {
    static SLOTS: OnceLock<Vec<AtomicU64>> = OnceLock::new();
    SLOTS.get_or_init(|| {
        (0..ALL.len() + EXTRA.len())
            .map(|_| AtomicU64::new(0))
            .collect()
    })
}

static USED: AtomicBool = AtomicBool::new(false);

/// Run `f`, adding its time to the rule at `index` of the registry.
#[inline]
pub fn rule<T>(index: usize, f: impl FnOnce() -> T) -> T {
    time(index, f)
}

/// Run `f`, adding its time to one of the extra passes ([`PARSE`], [`SUMMARY`], [`SITE`]).
#[inline]
pub fn pass<T>(which: usize, f: impl FnOnce() -> T) -> T {
    time(ALL.len() + which, f)
}

fn time<T>(slot: usize, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let start = Instant::now();
    let out = f();
    let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
    slots()[slot].fetch_add(nanos, Ordering::Relaxed);
    USED.store(true, Ordering::Relaxed);
    out
}

/// Print the table on stderr (only when timings are on and something was timed).
#[allow(clippy::cast_precision_loss)]
pub fn report() {
    if !enabled() || !USED.load(Ordering::Relaxed) {
        return;
    }
    let mut rows: Vec<(&str, u64)> = slots()
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let name = ALL
                .get(i)
                .map_or_else(|| EXTRA[i - ALL.len()], |r| r.info().id);
            (name, n.load(Ordering::Relaxed))
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let total: u64 = rows.iter().map(|r| r.1).sum();
    eprintln!("{:>10} {:>6}  pass", "ms", "%");
    for (name, n) in rows {
        let pct = n as f64 * 100.0 / total.max(1) as f64;
        eprintln!("{:>10.1} {pct:>5.1}%  {name}", n as f64 / 1e6);
    }
}
