//! Keyword matching that users can trust: a phrase is normalised once into a [`Keyword`], a text
//! is tokenised once into [`Tokens`], and matches come back as byte spans into the source.
//!
//! Both sides are folded the same way: lowercase, diacritics removed (`coöperatie` =
//! `cooperatie`, `één` = `een`), words split on hyphens (`AI-workshop` = `AI workshop`) and
//! stemmed with the Snowball stemmer of the page's language (`workshops` = `workshop`,
//! `kosten` = `kost`). Dutch joins compounds, so there `AIworkshop` = `AI workshop` too.
//! Multi-word phrases match in order with small gaps (`kosten van een AI-cursus` for
//! `kosten AI-cursus`), never across a sentence end. Callers feed only prose: code, URLs inside
//! text (`https://…`, `www.…`) and e-mail addresses are skipped here.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

/// The languages keyword matching knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    /// `"en…"` is English, everything else Dutch (geolint's default language).
    #[must_use]
    pub fn from_code(code: &str) -> Self {
        if code.to_ascii_lowercase().starts_with("en") {
            Self::En
        } else {
            Self::Nl
        }
    }

    /// 0 for Dutch, 1 for English: the index of per-language tables.
    #[must_use]
    pub fn index(self) -> usize {
        match self {
            Self::Nl => 0,
            Self::En => 1,
        }
    }

    fn stemmer(self) -> &'static Stemmer {
        static NL: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Dutch));
        static EN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
        match self {
            Self::Nl => &NL,
            Self::En => &EN,
        }
    }

    /// Whether the language writes compounds as one word (then `AIworkshop` = `AI workshop`).
    fn joins_compounds(self) -> bool {
        self == Self::Nl
    }

    fn is_stopword(self, folded: &str) -> bool {
        const NL: &[&str] = &[
            "de", "het", "een", "en", "van", "voor", "in", "op", "met", "te", "aan", "bij", "om",
            "of", "over", "naar", "uit", "door", "je", "jouw", "uw", "jij", "u", "wat", "hoe",
            "is", "zijn", "die", "dat", "er", "als", "ook", "tot", "den", "der", "vs", "versus",
        ];
        const EN: &[&str] = &[
            "the", "a", "an", "of", "for", "to", "in", "on", "with", "and", "or", "how", "what",
            "is", "are", "your", "you", "at", "by", "from", "vs", "versus",
        ];
        match self {
            Self::Nl => NL.contains(&folded),
            Self::En => EN.contains(&folded),
        }
    }
}

/// Lowercase and strip diacritics (`Coöperatie` → `cooperatie`, `ĳ` stays two letters).
#[must_use]
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        // NFKD leaves ASCII alone and it has no combining marks.
        return word
            .bytes()
            .filter(|&b| b != b'\'')
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    word.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| *c != '\'' && *c != '’')
        .collect()
}

/// The comparison key of a folded word: its Snowball stem. For Dutch the stem is also
/// undoubled and devoiced as Kraaij–Pohlmann does (`processen` → `proces`, `prijzen` →
/// `prijs`, `brieven` → `brief`), which the Snowball stemmer leaves alone.
fn stem(lang: Lang, folded: &str) -> String {
    with_memo(lang, |map| {
        if let Some(s) = map.get(folded) {
            return s.clone();
        }
        let s = stem_uncached(lang, folded);
        if map.len() >= MEMO_MAX {
            map.clear();
        }
        map.insert(folded.to_string(), s.clone());
        s
    })
}

/// The folded form and stem of a word of text, from this thread's memo (texts repeat their
/// words): one hash lookup instead of a fold, a stem lookup and two allocations per word.
fn fold_stem(lang: Lang, word: &str) -> (Rc<str>, Rc<str>) {
    type Memo = HashMap<Box<str>, (Rc<str>, Rc<str>), foldhash::fast::RandomState>;
    thread_local! {
        static WORDS: RefCell<[Memo; 2]> = RefCell::default();
    }
    WORDS.with(|m| {
        let mut m = m.borrow_mut();
        let map = &mut m[lang.index()];
        if let Some((f, s)) = map.get(word) {
            return (Rc::clone(f), Rc::clone(s));
        }
        let folded = fold(word);
        let stem: Rc<str> = if folded.is_empty() {
            Rc::from("")
        } else {
            stem(lang, &folded).into()
        };
        let folded: Rc<str> = folded.into();
        if map.len() >= MEMO_MAX {
            map.clear();
        }
        map.insert(word.into(), (Rc::clone(&folded), Rc::clone(&stem)));
        (folded, stem)
    })
}

/// Entries kept per language before the stem memo starts over (bounds memory in `watch`/LSP).
const MEMO_MAX: usize = 200_000;

/// Run `f` on this thread's memo of stems for `lang`: texts repeat their words, and every
/// keyword rule tokenises the same fields.
type StemMemo = HashMap<String, String, foldhash::fast::RandomState>;

fn with_memo<R>(lang: Lang, f: impl FnOnce(&mut StemMemo) -> R) -> R {
    thread_local! {
        static MEMO: RefCell<[StemMemo; 2]> = RefCell::default();
    }
    MEMO.with(|m| f(&mut m.borrow_mut()[lang.index()]))
}

/// Whether the stem of `folded` is `stem`.
fn stem_is(lang: Lang, folded: &str, stem: &str) -> bool {
    with_memo(lang, |map| {
        if map.len() >= MEMO_MAX {
            map.clear();
        }
        if let Some(s) = map.get(folded) {
            return s == stem;
        }
        let s = stem_uncached(lang, folded);
        let eq = s == stem;
        map.insert(folded.to_string(), s);
        eq
    })
}

/// Whether two folded words have the same stem.
fn stems_equal(lang: Lang, x: &str, y: &str) -> bool {
    with_memo(lang, |map| {
        if map.len() + 2 > MEMO_MAX {
            map.clear();
        }
        for w in [x, y] {
            if !map.contains_key(w) {
                let s = stem_uncached(lang, w);
                map.insert(w.to_string(), s);
            }
        }
        map.get(x) == map.get(y)
    })
}

fn stem_uncached(lang: Lang, folded: &str) -> String {
    let mut s = lang.stemmer().stem(folded).into_owned();
    if lang == Lang::Nl {
        let mut chars = s.chars().rev();
        if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
            if a == b && a.is_alphabetic() && !"aeiouy".contains(a) {
                s.pop();
            }
        }
        if s.chars().count() > 3 {
            if s.ends_with('z') {
                s.pop();
                s.push('s');
            } else if s.ends_with('v') {
                s.pop();
                s.push('f');
            }
        }
    }
    s
}

/// One word of a keyword phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Unit {
    folded: String,
    stem: String,
}

/// A keyword phrase, normalised once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keyword {
    /// The phrase as written in the config or front matter.
    pub text: String,
    lang: Lang,
    /// The content words (stop words dropped unless the phrase has nothing else).
    units: Vec<Unit>,
}

impl Keyword {
    /// Normalise `text`; `None` when it has no words.
    #[must_use]
    pub fn new(text: &str, lang: Lang) -> Option<Self> {
        let all: Vec<Unit> = text
            .unicode_words()
            .flat_map(|w| w.split(['.', ',', '_']))
            .map(fold)
            .filter(|w| !w.is_empty())
            .map(|folded| Unit {
                stem: stem(lang, &folded),
                folded,
            })
            .collect();
        if all.is_empty() {
            return None;
        }
        let content: Vec<Unit> = all
            .iter()
            .filter(|u| !lang.is_stopword(&u.folded))
            .cloned()
            .collect();
        Some(Self {
            text: text.trim().to_string(),
            lang,
            units: if content.is_empty() { all } else { content },
        })
    }

    /// The comparison key of the phrase as a whole (stems joined by spaces), for grouping
    /// pages by keyword: `AI-workshops kosten` and `ai workshop kost` share it.
    #[must_use]
    pub fn key(&self) -> String {
        let sep = if self.lang.joins_compounds() { "" } else { " " };
        self.units
            .iter()
            .map(|u| u.stem.as_str())
            .collect::<Vec<_>>()
            .join(sep)
    }

    /// Number of content words.
    #[must_use]
    pub fn len(&self) -> usize {
        self.units.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }
}

/// What separates a token from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sep {
    /// Only a hyphen (`AI-workshop`).
    Hyphen,
    /// White space or other punctuation inside a sentence.
    Space,
    /// A sentence end or a block boundary: phrases never match across it.
    Break,
}

#[derive(Clone, Debug)]
struct Tok {
    folded: Rc<str>,
    stem: Rc<str>,
    span: Span,
    sep: Sep,
}

/// A tokenised text: the words of one or more runs, each with its span in the source.
#[derive(Clone, Debug)]
pub struct Tokens {
    lang: Lang,
    toks: Vec<Tok>,
    /// Word positions sorted by first byte (built on first search): every way of matching a
    /// phrase word keeps its first letter, so a search only tries the words that share it.
    by_initial: OnceCell<Vec<(u8, u32)>>,
    /// Counts already made ([`Tokens::count`]): the density rules and the page summary count
    /// the same keywords in the same body.
    counts: RefCell<Vec<(Keyword, usize)>>,
}

/// Most text tokens one compound part may span (`A-I-workshop` is as far as it goes).
const MAX_JOIN: usize = 3;
/// Most words allowed between two words of a phrase.
const MAX_GAP: usize = 2;

pub(crate) static URL_LIKE: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::rules::regex(
        r"(?i)(?-u:\b)(?:https?://|ftp://|www\.)\S+|\S+@\S+\.\w+|\S+\.(?:nl|com|org|net|io|eu|be)/\S*|(?-u:\b)[\w-]+(?:\.[\w-]+)*\.(?:nl|com|org|net|io|eu|be|de|ai)(?-u:\b)",
    )
});

impl Tokens {
    #[must_use]
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            toks: Vec::new(),
            by_initial: OnceCell::new(),
            counts: RefCell::default(),
        }
    }

    /// Tokenise one string on its own (a title, a heading, a slug).
    #[must_use]
    pub fn of(text: &str, lang: Lang, span: Option<Span>) -> Self {
        let mut t = Self::new(lang);
        t.push(text, span, true);
        t
    }

    /// Add a run of text. `span` is where it sits in the source: when `text` is byte-exact
    /// there (`exact`), each word gets its own span, otherwise every word gets `span` whole.
    /// `None` gives empty spans at 0 (text that is not in the file, such as a derived slug).
    pub fn push_run(&mut self, text: &str, span: Option<Span>, exact: bool, new_block: bool) {
        let base = span.filter(|_| exact).map(|s| s.start);
        let whole = span.unwrap_or_default();
        let urls: Vec<std::ops::Range<usize>> =
            URL_LIKE.find_iter(text).map(|m| m.range()).collect();
        let mut prev_end: Option<usize> = None;
        let mut first = true;
        let words = crate::prose::unicode_word_indices(text)
            .into_iter()
            .flat_map(|(off, word)| {
                // `7.10`, `1.450`, `snake_case`: the parts are words of their own, as in slugs.
                let mut parts = Vec::new();
                let mut at = 0;
                for part in word.split(['.', ',', '_']) {
                    if !part.is_empty() {
                        parts.push((off + at, part, at > 0));
                    }
                    at += part.len() + 1;
                }
                parts
            });
        for (off, word, inner) in words {
            if urls.iter().any(|r| r.contains(&off)) {
                prev_end = Some(off + word.len());
                continue;
            }
            let (folded, stem) = fold_stem(self.lang, word);
            if folded.is_empty() {
                continue;
            }
            let sep = if first && new_block {
                Sep::Break
            } else if inner {
                Sep::Hyphen
            } else {
                let gap = text.get(prev_end.unwrap_or(0)..off).unwrap_or(" ");
                if prev_end.is_none() {
                    Sep::Space
                } else if gap.contains(['.', '!', '?', '\n', '|'])
                    && !(gap.trim() == "." && word.chars().next().is_some_and(char::is_lowercase))
                {
                    Sep::Break
                } else if gap == "-" || gap == "‑" {
                    Sep::Hyphen
                } else {
                    Sep::Space
                }
            };
            first = false;
            let span = match base {
                Some(b) => Span::new(b + off, b + off + word.len()),
                None => whole,
            };
            self.by_initial.take();
            self.counts.get_mut().clear();
            self.toks.push(Tok {
                folded,
                stem,
                span,
                sep,
            });
            prev_end = Some(off + word.len());
        }
    }

    fn push(&mut self, text: &str, span: Option<Span>, new_block: bool) {
        // A field value: byte-exact when the source holds it as written (maybe quoted).
        self.push_run(text, span, span.is_some(), new_block);
    }

    /// Number of words.
    #[must_use]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// Positions of the words among `from..to` that start like `unit` (ascending): the only
    /// places where [`Tokens::unit_match`] can succeed for it.
    fn candidates(&self, unit: &Unit, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let index = self.by_initial.get_or_init(|| {
            let mut v: Vec<(u8, u32)> = self
                .toks
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let i = u32::try_from(i).unwrap_or(u32::MAX);
                    (t.folded.as_bytes().first().copied().unwrap_or(0), i)
                })
                .collect();
            v.sort_unstable();
            v
        });
        let b = unit.folded.as_bytes().first().copied().unwrap_or(0);
        let key = |i: usize| (b, u32::try_from(i).unwrap_or(u32::MAX));
        let lo = index.partition_point(|e| *e < key(from));
        let hi = index.partition_point(|e| *e < key(to));
        index
            .get(lo..hi.max(lo))
            .unwrap_or_default()
            .iter()
            .map(|&(_, i)| i as usize)
    }

    /// The span of word `i`.
    fn span(&self, i: usize) -> Span {
        self.toks.get(i).map(|t| t.span).unwrap_or_default()
    }

    /// Whether phrase units `i..i+a` match text words `j..j+b`.
    #[allow(clippy::many_single_char_names)]
    fn unit_match(&self, kw: &Keyword, i: usize, a: usize, j: usize, b: usize) -> bool {
        let Some(units) = kw.units.get(i..i + a) else {
            return false;
        };
        let Some(toks) = self.toks.get(j..j + b) else {
            return false;
        };
        // Every way of matching keeps the first letter: stems only change the end of a word
        // and joined forms start with their first word. One byte compare rules out most tries.
        match (units.first(), toks.first()) {
            (Some(u), Some(t)) if u.folded.as_bytes().first() == t.folded.as_bytes().first() => {}
            _ => return false,
        }
        if a == 1 && b == 1 {
            return match (units.first(), toks.first()) {
                (Some(u), Some(t)) => {
                    *u.stem == *t.stem
                        || *u.folded == *t.folded
                        || plural_s(&u.folded, &t.folded)
                        || (self.lang == Lang::Nl
                            && (agent_noun(&u.stem, &t.stem) || activity_noun(&u.stem, &t.stem)))
                }
                _ => false,
            };
        }
        if a > 1 && !self.lang.joins_compounds() {
            return false;
        }
        // The prefix test below, first without joining the words into strings: most tries
        // fail on it.
        let phrase_bytes = || units.iter().flat_map(|u| u.folded.bytes());
        let text_bytes = || toks.iter().flat_map(|t| t.folded.bytes());
        let (pl, tl) = (
            units.iter().map(|u| u.folded.len()).sum::<usize>(),
            toks.iter().map(|t| t.folded.len()).sum::<usize>(),
        );
        let k = pl.min(tl).saturating_sub(3);
        if !phrase_bytes().take(k).eq(text_bytes().take(k)) {
            // Unequal prefixes: the test rejects unless `k` splits a character in both (then
            // neither prefix is a string and the test lets the try through).
            let splits = |b: Option<u8>| b.is_some_and(|b| b & 0xC0 == 0x80);
            if !(splits(phrase_bytes().nth(k)) && splits(text_bytes().nth(k))) {
                return false;
            }
        }
        thread_local! {
            /// The joined phrase and text words, reused to spare an allocation per try.
            static JOINED: RefCell<(String, String)> = RefCell::default();
        }
        JOINED.with(|buf| {
            let (pj, tj) = &mut *buf.borrow_mut();
            pj.clear();
            tj.clear();
            for u in units {
                pj.push_str(&u.folded);
            }
            for t in toks {
                tj.push_str(&t.folded);
            }
            // Cheap prefix test before stemming the joined forms.
            let shorter = pj.len().min(tj.len());
            if pj.get(..shorter.saturating_sub(3)) != tj.get(..shorter.saturating_sub(3)) {
                return false;
            }
            // The key of the text words (as `text_key`): their stem, or the stem of their
            // joined form when they may be joined.
            if b == 1 {
                let Some(t) = toks.first() else {
                    return false;
                };
                return pj == tj || stem_is(self.lang, pj, &t.stem);
            }
            let joinable = toks.iter().skip(1).all(|t| match t.sep {
                Sep::Hyphen => true,
                Sep::Space => self.lang.joins_compounds(),
                Sep::Break => false,
            });
            joinable && (pj == tj || stems_equal(self.lang, pj, tj))
        })
    }

    /// Try to match the phrase from unit `i` at word `j`; the index past the last word.
    fn match_from(&self, kw: &Keyword, i: usize, j: usize) -> Option<usize> {
        if i == kw.units.len() {
            return Some(j);
        }
        for a in 1..=MAX_JOIN.min(kw.units.len() - i) {
            for b in 1..=MAX_JOIN {
                if (a > 1 && b > 1) || j + b > self.toks.len() {
                    continue;
                }
                if !self.unit_match(kw, i, a, j, b) {
                    continue;
                }
                let next_i = i + a;
                let after = j + b;
                if next_i == kw.units.len() {
                    return Some(after);
                }
                // The next unit may come after a small gap, inside the sentence.
                for gap in 0..=MAX_GAP {
                    let k = after + gap;
                    if k >= self.toks.len() {
                        break;
                    }
                    if self.toks[after..=k].iter().any(|t| t.sep == Sep::Break) {
                        break;
                    }
                    if let Some(end) = self.match_from(kw, next_i, k) {
                        return Some(end);
                    }
                }
            }
        }
        None
    }

    /// Every occurrence of the phrase, in order with small gaps, as source spans (from the
    /// first to the last word). Occurrences do not overlap.
    #[must_use]
    pub fn find(&self, kw: &Keyword) -> Vec<Span> {
        self.matches(kw, usize::MAX)
    }

    /// The first `limit` occurrences of [`Tokens::find`].
    fn matches(&self, kw: &Keyword, limit: usize) -> Vec<Span> {
        let mut out = Vec::new();
        let Some(first) = kw.units.first() else {
            return out;
        };
        // Past the end of the last match: occurrences do not overlap.
        let mut next = 0;
        for j in self.candidates(first, 0, self.toks.len()) {
            if j < next {
                continue;
            }
            if out.len() >= limit {
                break;
            }
            if let Some(end) = self.match_from(kw, 0, j) {
                let last = end.saturating_sub(1).max(j);
                let (s, e) = (self.span(j), self.span(last));
                out.push(Span::new(s.start.min(e.start), s.end.max(e.end)));
                next = end.max(j + 1);
            }
        }
        out
    }

    /// The first occurrence of the phrase in order, else the span of the first sentence that
    /// holds every content word of the phrase in any order (`kosten AI-workshop` for
    /// `AI-workshop kosten`); compound parts count in Dutch (`workshopkosten` holds `kosten`).
    #[must_use]
    pub fn find_loose(&self, kw: &Keyword) -> Option<Span> {
        self.loose(kw, false)
    }

    /// Like [`Tokens::find_loose`], but the words may be spread over the whole text (for short
    /// fields: a title, a description, a slug). Returns the span of the whole text.
    #[must_use]
    pub fn find_anywhere(&self, kw: &Keyword) -> Option<Span> {
        self.loose(kw, true)
    }

    fn loose(&self, kw: &Keyword, whole: bool) -> Option<Span> {
        if let Some(s) = self.matches(kw, 1).into_iter().next() {
            return Some(s);
        }
        // A sentence holds every word only if the whole text does.
        if !self.all_units_in(kw, 0, self.toks.len()) {
            return None;
        }
        let mut start = 0;
        while start < self.toks.len() {
            let end = if whole {
                self.toks.len()
            } else {
                (start + 1..self.toks.len())
                    .find(|k| self.toks[*k].sep == Sep::Break)
                    .unwrap_or(self.toks.len())
            };
            if self.all_units_in(kw, start, end) {
                return Some(Span::new(self.span(start).start, self.span(end - 1).end));
            }
            start = end;
        }
        None
    }

    /// How often the phrase occurs, as readers count it: every in-order match, plus one for each
    /// sentence without one that holds all of its words in another order (`wat kost een
    /// AI-workshop` counts for `AI-workshop kosten`, as it does in Yoast's keyphrase density).
    #[must_use]
    pub fn count(&self, kw: &Keyword) -> usize {
        if let Some(&(_, n)) = self.counts.borrow().iter().find(|(k, _)| k == kw) {
            return n;
        }
        let n = self.count_uncached(kw);
        self.counts.borrow_mut().push((kw.clone(), n));
        n
    }

    fn count_uncached(&self, kw: &Keyword) -> usize {
        let in_order = self.find(kw);
        let mut n = in_order.len();
        // A sentence holds every word only if the whole text does.
        if !self.all_units_in(kw, 0, self.toks.len()) {
            return n;
        }
        let mut start = 0;
        while start < self.toks.len() {
            let end = (start + 1..self.toks.len())
                .find(|k| self.toks[*k].sep == Sep::Break)
                .unwrap_or(self.toks.len());
            let sentence = Span::new(self.span(start).start, self.span(end - 1).end);
            if !in_order
                .iter()
                .any(|m| sentence.overlaps(*m) || sentence == *m)
                && self.all_units_in(kw, start, end)
            {
                n += 1;
            }
            start = end;
        }
        n
    }

    /// Whether every unit of the phrase occurs among words `from..to`, alone, as a group of
    /// units joined into one compound word, or as a compound part.
    fn all_units_in(&self, kw: &Keyword, from: usize, to: usize) -> bool {
        let mut i = 0;
        'units: while i < kw.units.len() {
            for a in (1..=MAX_JOIN.min(kw.units.len() - i)).rev() {
                let bs = if a > 1 { 1..=1 } else { 1..=MAX_JOIN };
                for j in self.candidates(&kw.units[i], from, to) {
                    for b in bs.clone() {
                        if j + b <= to && self.unit_match(kw, i, a, j, b) {
                            i += a;
                            continue 'units;
                        }
                    }
                }
            }
            if self.part_in(kw, i, from, to) {
                i += 1;
                continue;
            }
            return false;
        }
        true
    }

    /// How many of the phrase's content words occur anywhere in the text (alone, joined or
    /// as a compound part).
    #[must_use]
    pub fn words_found(&self, kw: &Keyword) -> usize {
        let to = self.toks.len();
        kw.units
            .iter()
            .enumerate()
            .filter(|&(i, u)| {
                self.candidates(u, 0, to)
                    .any(|j| (1..=MAX_JOIN).any(|b| j + b <= to && self.unit_match(kw, i, 1, j, b)))
                    || self.part_in(kw, i, 0, to)
            })
            .count()
    }

    /// Whether phrase unit `i` is a part of a compound word among words `from..to` (Dutch).
    fn part_in(&self, kw: &Keyword, i: usize, from: usize, to: usize) -> bool {
        let Some(u) = kw.units.get(i) else {
            return false;
        };
        if !self.lang.joins_compounds() || u.folded.chars().count() < 4 {
            return false;
        }
        let Some(toks) = self.toks.get(from..to) else {
            return false;
        };
        // The unit inside a compound word: `kosten` in `reiskosten`, `ontwikkel(en)` in
        // `ontwikkelcyclus`.
        let long_stem = u.stem.chars().count() >= 5;
        let inside = toks.iter().any(|t| {
            (t.folded.len() >= u.folded.len() + 3
                && (t.folded.ends_with(&u.folded) || t.folded.starts_with(&u.folded)))
                || (long_stem
                    && t.folded.len() >= u.stem.len() + 3
                    && t.folded.starts_with(&u.stem))
        });
        // A compound unit spelt out in two words: `thuiswerkbeleid` by `thuiswerken … beleid`.
        let spelt_out = || {
            toks.iter().any(|a| {
                a.stem.chars().count() >= 3
                    && u.folded.len() >= a.stem.len() + 3
                    && u.folded.starts_with(&*a.stem)
                    && u.folded.get(a.stem.len()..).is_some_and(|rest| {
                        let rest_stem = stem(self.lang, rest);
                        toks.iter()
                            .any(|b| &*b.folded == rest || &*b.stem == rest || *b.stem == rest_stem)
                    })
            })
        };
        inside || spelt_out()
    }
}

/// Whether two words differ by a plural `s` only (`MSPs` = `MSP`, `back-ups` = `back-up`,
/// `auto's` = `auto`): loan words and abbreviations the stemmers leave alone.
fn plural_s(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    !short.is_empty()
        && long.len() == short.len() + 1
        && long.starts_with(short)
        && long.ends_with('s')
}

/// Whether one Dutch stem is the other plus `ing` (`training` and `trainen`, `meting` and
/// `meten`): the activity and the verb, which the stemmer keeps apart in short words.
fn activity_noun(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 4
        && long.len() == short.len() + 3
        && long.starts_with(short)
        && long.ends_with("ing")
}

/// Whether one Dutch stem is the other plus the agent suffix `er` (`thuiswerkers` and
/// `thuiswerken`, `dienstverleners` and `dienstverlening`): the person and the activity.
fn agent_noun(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 4
        && long.len() == short.len() + 2
        && long.starts_with(short)
        && long.ends_with("er")
}

/// The words of a URL slug (`wat-kost-een-ai-workshop` → a text `wat kost een ai workshop`).
#[must_use]
pub fn slug_text(slug: &str) -> String {
    slug.chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kw(s: &str) -> Keyword {
        Keyword::new(s, Lang::Nl).expect("keyword has words")
    }

    fn found<'a>(text: &'a str, k: &str, lang: Lang) -> Vec<&'a str> {
        let t = Tokens::of(text, lang, Some(Span::new(0, text.len())));
        let k = Keyword::new(k, lang).expect("keyword has words");
        t.find(&k)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Coöperatie"), "cooperatie");
        assert_eq!(fold("één"), "een");
        assert_eq!(
            found("De cooperatie groeit.", "coöperatie", Lang::Nl),
            ["cooperatie"]
        );
        assert_eq!(
            found("Één COÖPERATIE", "een cooperatie", Lang::Nl),
            ["COÖPERATIE"]
        );
    }

    #[test]
    fn hyphen_space_and_joined_are_one_in_dutch() {
        let text = "Een AI-workshop, een AI workshop en een AIworkshop.";
        assert_eq!(
            found(text, "AI workshop", Lang::Nl),
            ["AI-workshop", "AI workshop", "AIworkshop"]
        );
        assert_eq!(
            found(text, "AIworkshop", Lang::Nl),
            ["AI-workshop", "AI workshop", "AIworkshop"]
        );
        // English does not join compounds: only the hyphen and space forms match.
        assert_eq!(
            found("An AI-workshop, an AIworkshop.", "AI workshop", Lang::En),
            ["AI-workshop"]
        );
        // A joined compound with the next word: workshopkosten = workshop kosten
        assert_eq!(
            found(
                "De AI-workshopkosten zijn laag",
                "AI-workshop kosten",
                Lang::Nl
            ),
            ["AI-workshopkosten"]
        );
    }

    #[test]
    fn stems_inflected_forms() {
        assert_eq!(
            found("Wat kost een AI-workshop?", "kosten AI-workshop", Lang::Nl),
            ["kost een AI-workshop"]
        );
        assert_eq!(
            found(
                "Twee workshops over automatisering",
                "workshop automatiseren",
                Lang::Nl
            ),
            ["workshops over automatisering"]
        );
        assert_eq!(
            found("Running workshops for teams", "run workshop", Lang::En),
            ["Running workshops"]
        );
    }

    #[test]
    fn phrases_in_order_with_small_gaps_within_a_sentence() {
        assert_eq!(
            found("De kosten van een AI-cursus.", "kosten AI-cursus", Lang::Nl),
            ["kosten van een AI-cursus"]
        );
        // too large a gap
        assert!(found(
            "De kosten zijn voor ons een AI-cursus",
            "kosten AI-cursus",
            Lang::Nl
        )
        .is_empty());
        // never across a sentence end
        assert!(found("Lage kosten. AI-cursus", "kosten AI-cursus", Lang::Nl).is_empty());
        // wrong order is no phrase match, but a loose match in one sentence
        let text = "De AI-cursus en de kosten.";
        assert!(found(text, "kosten AI-cursus", Lang::Nl).is_empty());
        let t = Tokens::of(text, Lang::Nl, Some(Span::new(0, text.len())));
        let s = t.find_loose(&kw("kosten AI-cursus")).expect("loose match");
        assert_eq!(&text[s.start..s.end], "De AI-cursus en de kosten");
    }

    #[test]
    fn counts_in_order_and_reordered_sentences() {
        let text =
            "Wat kost een AI-workshop? De AI-workshop kosten zijn laag. Over AI-workshops. Kosten.";
        let t = Tokens::of(text, Lang::Nl, Some(Span::new(0, text.len())));
        assert_eq!(t.count(&kw("AI-workshop kosten")), 2);
    }

    #[test]
    fn numbers_plurals_and_versus() {
        assert_eq!(
            found("annex a 7 10 opslag", "annex A 7.10", Lang::Nl),
            ["annex a 7 10"]
        );
        assert_eq!(
            found("Annex A 7.10 in het kort", "annex a 7 10", Lang::Nl),
            ["Annex A 7.10"]
        );
        assert_eq!(
            found("ISO 27001 voor MSPs", "iso 27001 msp", Lang::Nl),
            ["ISO 27001 voor MSPs"]
        );
        assert_eq!(
            found("Back-ups en ransomware", "back-up ransomware", Lang::Nl),
            ["Back-ups en ransomware"]
        );
        assert_eq!(
            found("ISO 27001 en SOC 2", "iso 27001 vs soc 2", Lang::Nl),
            ["ISO 27001 en SOC 2"]
        );
        assert_eq!(
            found(
                "Cybersecurity voor thuiswerkers",
                "cybersecurity thuiswerken",
                Lang::Nl
            ),
            ["Cybersecurity voor thuiswerkers"]
        );
        let loose = |text: &str, k: &str| {
            let t = Tokens::of(text, Lang::Nl, Some(Span::new(0, text.len())));
            t.find_anywhere(&kw(k)).is_some()
        };
        assert!(loose(
            "Phishingbewustwording: train je medewerkers",
            "phishing bewustwording training"
        ));
        assert!(loose(
            "Veilig thuiswerken: het beleid dat werkt",
            "thuiswerkbeleid"
        ));
        assert!(loose("Een veilige ontwikkelcyclus", "veilig ontwikkelen"));
        assert!(!loose("Veilig thuiswerken", "thuiswerkbeleid"));
    }

    #[test]
    fn skips_urls_and_mails() {
        assert!(found(
            "Zie https://example.nl/ai-workshop-kosten, ai-workshop.nl of info@aiworkshop.nl",
            "AI workshop",
            Lang::Nl
        )
        .is_empty());
    }

    #[test]
    fn keys_group_variants() {
        assert_eq!(
            kw("AI-workshops kosten").key(),
            kw("ai workshop kost").key()
        );
        assert_eq!(
            kw("Kosten van een AI-cursus").key(),
            kw("kosten AI cursus").key()
        );
        assert_ne!(
            kw("AI-workshop kosten").key(),
            kw("AI-training kosten").key()
        );
        assert!(Keyword::new(" - ", Lang::Nl).is_none());
    }

    #[test]
    fn inexact_runs_keep_the_run_span() {
        let mut t = Tokens::new(Lang::Nl);
        t.push_run("AI &amp; workshop", Some(Span::new(10, 27)), false, true);
        let k = kw("workshop");
        assert_eq!(t.find(&k), [Span::new(10, 27)]);
    }

    #[test]
    fn slugs_become_words() {
        assert_eq!(
            slug_text("wat-kost-een-ai_workshop"),
            "wat kost een ai workshop"
        );
        let t = Tokens::of(&slug_text("wat-kost-een-ai-workshop"), Lang::Nl, None);
        assert!(t.find_loose(&kw("AI-workshop kosten")).is_some());
    }
}
