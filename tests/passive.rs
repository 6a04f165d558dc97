//! Precision and recall of passive-voice detection on hand-labelled sentences
//! (`tests/data/passive_nl.tsv`, `tests/data/passive_en.tsv`: sentence, tab, 1 or 0). The
//! samples are written to include the traps: perfects with `zijn` (is gestegen), possessive
//! "zijn", adjectives (vervelend, tired, interested), present tense that looks like a
//! participle (betekent, vergroot) and "used to".
//! Run `cargo test --test passive -- --nocapture` to see the numbers and the errors.

use geolint::prose::passive::find;

struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

fn measure(data: &str, lang: &str) -> Counts {
    let mut c = Counts {
        tp: 0,
        fp: 0,
        fn_: 0,
        tn: 0,
    };
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (sentence, label) = line.rsplit_once('\t').expect("sentence<TAB>label");
        let want = label.trim() == "1";
        let got = find(sentence, lang).is_some();
        match (want, got) {
            (true, true) => c.tp += 1,
            (false, true) => {
                c.fp += 1;
                eprintln!("{lang} false positive: {sentence}");
            }
            (true, false) => {
                c.fn_ += 1;
                eprintln!("{lang} missed: {sentence}");
            }
            (false, false) => c.tn += 1,
        }
    }
    eprintln!(
        "{lang}: precision {:.2} recall {:.2} ({} passive, {} active)",
        precision(&c),
        recall(&c),
        c.tp + c.fn_,
        c.fp + c.tn
    );
    c
}

#[allow(clippy::cast_precision_loss)]
fn precision(c: &Counts) -> f64 {
    c.tp as f64 / (c.tp + c.fp).max(1) as f64
}

#[allow(clippy::cast_precision_loss)]
fn recall(c: &Counts) -> f64 {
    c.tp as f64 / (c.tp + c.fn_).max(1) as f64
}

#[test]
fn dutch_passive_precision_and_recall() {
    let c = measure(include_str!("data/passive_nl.tsv"), "nl");
    assert!(precision(&c) >= NL_PRECISION, "precision fell");
    assert!(recall(&c) >= NL_RECALL, "recall fell");
}

#[test]
fn english_passive_precision_and_recall() {
    let c = measure(include_str!("data/passive_en.tsv"), "en");
    assert!(precision(&c) >= EN_PRECISION, "precision fell");
    assert!(recall(&c) >= EN_RECALL, "recall fell");
}

// Measured on these samples: nl precision 1.00, recall 1.00 (0.97 / 0.93 before the three
// misses were fixed); en 1.00 / 1.00. The samples were written with the detector's rules in
// mind, so the floors guard against regressions; precision on real text is measured by
// reading samples of real findings (see the README).
const NL_PRECISION: f64 = 0.95;
const NL_RECALL: f64 = 0.9;
const EN_PRECISION: f64 = 0.95;
const EN_RECALL: f64 = 0.9;
