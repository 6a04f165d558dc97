//! Passive voice detection for Dutch and English sentences.
//!
//! Dutch: a form of `worden` (wordt, werd, werden, geworden) or of `zijn` (is, zijn, was,
//! waren, ben, bent, geweest) and a past participle in the same clause, in either order
//! ("wordt gebouwd", "dat het huis gebouwd is"). Participles: `ge…d/t/en` with or without a
//! separable prefix (aangeboden, opgesteld, uitgevoerd), `be-/ver-/ont-/her-/er-…d/t`
//! (verbeterd, ontwikkeld) and a list of irregular ones (beschreven, ontvangen). With `zijn`,
//! participles of verbs that form their perfect with `zijn` (gegaan, gekomen, gestegen) are an
//! active perfect, not a passive. English: a form of `be` followed, within three words, by a past
//! participle (`-ed` or irregular: written, built, taken), leaving out adjectives in `-ed`
//! (interested, tired) and "be used to".

/// A passive construction: byte range in the sentence from the first to the last word of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passive {
    pub start: usize,
    pub end: usize,
}

/// The first passive construction in `sentence`, if any.
#[must_use]
pub fn find(sentence: &str, lang: &str) -> Option<Passive> {
    find_in(sentence, &super::words(sentence), lang)
}

/// The first passive construction in `sentence`, whose words are `words`.
#[must_use]
pub fn find_in(sentence: &str, words: &[super::Word<'_>], lang: &str) -> Option<Passive> {
    if lang == "en" {
        english(sentence, words)
    } else {
        dutch(sentence, words)
    }
}

/// Whether one of `words` is one of `list` (ASCII words, any case: no other letter lowercases
/// to the letters of the auxiliaries).
fn has_word(words: &[super::Word<'_>], list: &[&str]) -> bool {
    words
        .iter()
        .any(|w| list.iter().any(|a| w.text.eq_ignore_ascii_case(a)))
}

/// Words split at clause punctuation: commas, semicolons, colons, brackets, dashes.
fn clauses<'a>(sentence: &str, words: &'a [super::Word<'a>]) -> Vec<&'a [super::Word<'a>]> {
    let mut out = Vec::new();
    let mut from = 0;
    for i in 1..words.len() {
        let (Some(a), Some(b)) = (words.get(i - 1), words.get(i)) else {
            continue;
        };
        let gap = sentence.get(a.end..b.start).unwrap_or("");
        if gap.contains([',', ';', ':', '(', ')', '–', '—']) || gap.contains(" - ") {
            out.push(words.get(from..i).unwrap_or(&[]));
            from = i;
        }
    }
    out.push(words.get(from..).unwrap_or(&[]));
    out
}

const NL_WORDEN: &[&str] = &["word", "wordt", "worden", "werd", "werden", "geworden"];
const NL_ZIJN: &[&str] = &["is", "zijn", "was", "waren", "ben", "bent", "geweest"];

/// Separable prefixes of Dutch verbs, longest first.
const NL_SEPARABLE: &[&str] = &[
    "tegemoet", "terug", "samen", "binnen", "buiten", "achter", "tegen", "vooruit", "omhoog",
    "omlaag", "goed", "kwijt", "stil", "aan", "af", "bij", "door", "in", "los", "mee", "na",
    "neer", "om", "onder", "op", "over", "toe", "uit", "vast", "voor", "vrij", "weg", "rond",
    "thuis", "klaar", "schoon",
];

/// Irregular participles without `ge-` (inseparable prefixes).
const NL_IRREGULAR: &[&str] = &[
    "beschreven",
    "verholpen",
    "besproken",
    "bevonden",
    "verkregen",
    "vergeten",
    "verloren",
    "verboden",
    "ontvangen",
    "ontworpen",
    "verschenen",
    "bedreven",
    "begonnen",
    "verweven",
    "herschreven",
    "herzien",
    "verzonden",
    "vervangen",
    "bevroren",
    "besloten",
    "verworven",
    "ontnomen",
    "verheven",
    "betrokken",
    "bedrogen",
    "vernomen",
    "verbonden",
    "ontbonden",
    "verkozen",
    "verbroken",
    "vertrokken",
    "verdreven",
    "ondernomen",
    "onderschreven",
    "overwogen",
    "ontsloten",
    "bevolen",
    "ontdaan",
    "voldaan",
    "verstaan",
    "begrepen",
    "bewezen",
    "verwezen",
    "gezien",
    "gedaan",
    "gegaan",
    "geslagen",
    "ontstaan",
    "vermeden",
    "verslagen",
    "beschoten",
    "verdwenen",
    "verdragen",
    "geschreven",
    "gelezen",
    "gegeven",
    "genomen",
    "gesloten",
    "gekozen",
    "gevonden",
    "gebonden",
    "gebroken",
    "gesproken",
    "gedragen",
    "gevraagd",
    "verwerkt",
    "herkend",
    "erkend",
    "ervaren",
    "verricht",
    "onderzocht",
    "ondersteund",
    "overgenomen",
    "vertaald",
    "beheerd",
    "bepaald",
    "bereikt",
    "betaald",
    "bewaard",
    "gebruikt",
];

/// Participles of verbs whose perfect takes `zijn` (so "is gegaan" is active).
const NL_ZIJN_VERBS: &[&str] = &[
    "gegaan",
    "gekomen",
    "geweest",
    "geworden",
    "gebleven",
    "gebeurd",
    "gestorven",
    "geboren",
    "begonnen",
    "gestopt",
    "gegroeid",
    "gestegen",
    "gedaald",
    "gevallen",
    "veranderd",
    "verdwenen",
    "verschenen",
    "vertrokken",
    "ontstaan",
    "overleden",
    "gelukt",
    "mislukt",
    "geslaagd",
    "gebleken",
    "gelopen",
    "gereden",
    "gevlogen",
    "gezwommen",
    "gereisd",
    "verhuisd",
    "gestart",
    "geëindigd",
    "geland",
    "gerezen",
    "gezakt",
    "afgestudeerd",
    "getrouwd",
    "gewend",
    "gevlucht",
    "gesprongen",
    "geslaagd",
    "ontsnapt",
    "gezakt",
    "geschrokken",
    "gekropen",
    "gestapt",
    "gegleden",
    "gezonken",
    "verouderd",
    "verbaasd",
    "opgevallen",
    "bevallen",
    "ingeschreven",
    "blijven",
    "gelegen",
    "gezeten",
    "gestaan",
    "gewenst",
    "gewoon",
    "verstandig",
    "gebleven",
    "geslaagd",
    "geëvolueerd",
];

/// Words shaped like participles that are nouns or adjectives.
const NL_NOT_PARTICIPLE: &[&str] = &[
    "gebied",
    "gebieden",
    "gezicht",
    "gezichten",
    "gewicht",
    "gewichten",
    "gerecht",
    "gerechten",
    "gedicht",
    "gedichten",
    "geluid",
    "geluiden",
    "gebed",
    "gebeden",
    "geheugen",
    "gevolgen",
    "gebouwen",
    "gesprekken",
    "gedachten",
    "gemeenten",
    "gewoonten",
    "gezond",
    "geduld",
    "geweten",
    "gevaren",
    "gelden",
    "geloven",
    "genieten",
    "gebeuren",
    "gebruiken",
    "geven",
    "gemiddeld",
    "geleden",
    "gevoelens",
    "gezin",
    "gebrek",
    "gevecht",
    "gevechten",
    "geschenk",
    "gereedschap",
    "geheimen",
    "gelegenheden",
    "geleden",
    "gedrag",
    "genoeg",
    "geval",
    "gevallen",
    "gebak",
    "gemeente",
    "geweren",
    "gezet",
    "geld",
    "bewust",
    "belast",
    "vervelend",
    "verleden",
    "verstand",
    "verband",
    "verbanden",
    "verschil",
    "verschillen",
    "verhalen",
    "verkeerd",
    "verleiden",
    "beroemd",
    "berucht",
    "bekend",
    "bewijs",
    "bedrijven",
    "besluit",
    "verzekerd",
    "verwacht",
    "gepast",
    "geschikt",
    "gewoon",
    "geniaal",
    "gelijk",
    "gelukkig",
    "ervaren",
    "verlegen",
    "verdiend",
    "gemotiveerd",
    "geïnteresseerd",
    "gespecialiseerd",
    "gerust",
    "gewend",
    "getalenteerd",
    "beperkt",
    "bepaald",
    "gericht",
    "gevoelig",
    "gebeurt",
    "geniet",
    "gedegen",
    "benieuwd",
    "bezig",
    "verliefd",
    "gelooft",
    "gelijkt",
    "beleid",
    "bedrag",
    "bestand",
    "gezond",
];

/// Words after which a participle-shaped word is a noun or adjective ("het beleid").
const NL_DETERMINERS: &[&str] = &[
    "de", "het", "een", "dit", "deze", "jouw", "uw", "mijn", "onze", "elk", "elke", "ieder",
    "iedere", "geen", "zo'n",
];

/// Modal and auxiliary verbs that may stand between a participle and its auxiliary at the end
/// of a Dutch clause ("gebouwd kan worden", "geschreven moet zijn").
const NL_MODALS: &[&str] = &[
    "kan", "kunnen", "kon", "konden", "moet", "moeten", "moest", "moesten", "zal", "zullen", "zou",
    "zouden", "mag", "mogen", "mocht", "mochten", "wil", "willen", "wilde", "wilden", "te", "niet",
    "is", "zijn", "was", "waren", "wordt", "worden", "werd", "werden",
];

fn dutch(sentence: &str, words: &[super::Word<'_>]) -> Option<Passive> {
    for clause in clauses(sentence, words) {
        // Most clauses have no auxiliary: spare them the lowercasing.
        if !has_word(clause, NL_WORDEN) && !has_word(clause, NL_ZIJN) {
            continue;
        }
        let lower: Vec<String> = clause.iter().map(|w| w.text.to_lowercase()).collect();
        let participle_at = |i: usize| {
            lower.get(i).is_some_and(|p| is_dutch_participle(p))
                && !i
                    .checked_sub(1)
                    .and_then(|j| lower.get(j))
                    .is_some_and(|prev| NL_DETERMINERS.contains(&prev.as_str()) || prev == "te")
        };
        let is_aux = |w: &str| NL_WORDEN.contains(&w) || NL_ZIJN.contains(&w);
        for (ai, aux) in lower.iter().enumerate() {
            let worden = NL_WORDEN.contains(&aux.as_str());
            let zijn = NL_ZIJN.contains(&aux.as_str());
            if !worden && !zijn {
                continue;
            }
            let accept = |pi: usize| {
                let Some(p) = lower.get(pi) else {
                    return false;
                };
                if !participle_at(pi) || (zijn && is_zijn_verb(p)) {
                    return false;
                }
                // Possessive "zijn" + a noun-like -en word right after it ("zijn gedachten").
                !(aux == "zijn"
                    && pi == ai + 1
                    && p.ends_with("en")
                    && !NL_IRREGULAR.contains(&p.as_str()))
            };
            // Main clause: the participle follows, up to the next auxiliary ("wordt … opgesteld").
            let mut found = None;
            for pi in ai + 1..(ai + 10).min(lower.len()) {
                if accept(pi) {
                    found = Some(pi);
                    break;
                }
                // Another auxiliary, or `hebben` (an active perfect: "heeft … gebouwd").
                if lower.get(pi).is_some_and(|w| {
                    is_aux(w)
                        || matches!(
                            w.as_str(),
                            "heeft" | "hebben" | "heb" | "hebt" | "had" | "hadden"
                        )
                }) {
                    break;
                }
            }
            // Subordinate clause: the participle right before ("gebouwd is", "gebouwd kan worden").
            if found.is_none() {
                let mut pi = ai;
                while pi > 0 && ai - pi < 3 {
                    pi -= 1;
                    if accept(pi) {
                        found = Some(pi);
                        break;
                    }
                    if !lower
                        .get(pi)
                        .is_some_and(|w| NL_MODALS.contains(&w.as_str()))
                    {
                        break;
                    }
                }
            }
            let Some(pi) = found else { continue };
            let (a, b) = (ai.min(pi), ai.max(pi));
            let (Some(wa), Some(wb)) = (clause.get(a), clause.get(b)) else {
                continue;
            };
            return Some(Passive {
                start: wa.start,
                end: wb.end,
            });
        }
    }
    None
}

fn is_zijn_verb(p: &str) -> bool {
    NL_ZIJN_VERBS.contains(&p)
        || NL_ZIJN_VERBS
            .iter()
            .filter(|v| v.starts_with("ge") && v.len() > 6)
            .any(|v| {
                p.strip_suffix(*v)
                    .is_some_and(|pre| NL_SEPARABLE.contains(&pre))
            })
}

/// Whether a lowercase Dutch word has the form of a past participle.
#[must_use]
pub fn is_dutch_participle(w: &str) -> bool {
    if NL_NOT_PARTICIPLE.contains(&w) || w.contains('-') {
        return false;
    }
    if NL_IRREGULAR.contains(&w) {
        return true;
    }
    if (w.ends_with("end") && !w.ends_with("kend"))
        || w.ends_with("ende")
        || w.ends_with("ingen")
        || w.ends_with("heden")
    {
        return false;
    }
    let n = w.chars().count();
    if n < 6 {
        return false;
    }
    let stem = NL_SEPARABLE
        .iter()
        .find_map(|pre| {
            w.strip_prefix(pre)
                .filter(|rest| rest.starts_with("ge") && rest.chars().count() >= 6)
        })
        .unwrap_or(w);
    if let Some(rest) = stem.strip_prefix("ge") {
        // ge + stem + d/t (gemaakt, gebouwd) or + en (geschreven): at least 3 letters between.
        // Long ge…en words are compound nouns ("gebruiksvoorwaarden"), not strong participles.
        if rest.ends_with("eren")
            || rest.ends_with("elen")
            || (rest.ends_with("en") && rest.chars().count() > 10)
        {
            // Infinitives: genereren, gebruiken is caught below, geëvalueerd is not here.
            return false;
        }
        let core = rest
            .strip_suffix('d')
            .or_else(|| rest.strip_suffix('t'))
            .or_else(|| rest.strip_suffix("en"));
        return core.is_some_and(|c| {
            c.chars().count() >= 2 && c.chars().any(|ch| "aeiouyëïéö".contains(ch))
        });
    }
    for pre in [
        "be", "ver", "ont", "her", "er", "ge", "onder", "over", "door", "mis",
    ] {
        if let Some(rest) = w.strip_prefix(pre) {
            // 't kofschip: a participle ends in -t only after a voiceless consonant (gewerkt,
            // verplaatst); "betekent", "vertelt", "bepaalt" are present tense.
            let voiceless_t = rest
                .strip_suffix('t')
                .is_some_and(|r| r.ends_with(['t', 'k', 's', 'p', 'h', 'x']));
            if (rest.ends_with('d') || voiceless_t)
                && rest.chars().count() >= 4
                && !rest.ends_with("heid")
                && !rest.ends_with("schap")
            {
                return true;
            }
        }
    }
    false
}

const EN_BE: &[&str] = &[
    "am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't",
];

const EN_IRREGULAR: &[&str] = &[
    "arisen",
    "awoken",
    "beaten",
    "become",
    "begun",
    "bent",
    "bet",
    "bitten",
    "blown",
    "broken",
    "brought",
    "built",
    "bought",
    "caught",
    "chosen",
    "dealt",
    "done",
    "drawn",
    "driven",
    "eaten",
    "fallen",
    "fed",
    "felt",
    "fought",
    "found",
    "flown",
    "forbidden",
    "forgotten",
    "forgiven",
    "frozen",
    "given",
    "gotten",
    "ground",
    "grown",
    "heard",
    "held",
    "hidden",
    "hit",
    "hung",
    "hurt",
    "kept",
    "known",
    "laid",
    "led",
    "left",
    "lent",
    "lost",
    "made",
    "meant",
    "met",
    "mistaken",
    "overcome",
    "overridden",
    "overtaken",
    "overwritten",
    "paid",
    "proven",
    "put",
    "quit",
    "rebuilt",
    "rewritten",
    "ridden",
    "risen",
    "rung",
    "run",
    "said",
    "seen",
    "sent",
    "set",
    "sewn",
    "shaken",
    "shown",
    "shut",
    "sold",
    "sought",
    "spent",
    "split",
    "spoken",
    "spread",
    "stolen",
    "struck",
    "stuck",
    "sung",
    "sunk",
    "swept",
    "sworn",
    "taken",
    "taught",
    "thought",
    "thrown",
    "told",
    "torn",
    "undergone",
    "understood",
    "undertaken",
    "undone",
    "upheld",
    "upset",
    "withdrawn",
    "woken",
    "won",
    "worn",
    "wound",
    "written",
];

/// `-ed` words that are adjectives or not verbs at all.
const EN_NOT_PARTICIPLE: &[&str] = &[
    "tired",
    "interested",
    "excited",
    "bored",
    "worried",
    "pleased",
    "surprised",
    "concerned",
    "ashamed",
    "scared",
    "afraid",
    "red",
    "bed",
    "shed",
    "wed",
    "hundred",
    "sacred",
    "naked",
    "wicked",
    "aged",
    "beloved",
    "crooked",
    "learned",
    "rugged",
    "ragged",
    "wretched",
    "need",
    "feed",
    "speed",
    "seed",
    "weed",
    "indeed",
    "embed",
    "bred",
    "fled",
    "sped",
    "sled",
    "shred",
    "detailed",
    "advanced",
    "experienced",
    "qualified",
    "sophisticated",
    "complicated",
    "dedicated",
    "talented",
    "limited",
    "varied",
    "supposed",
    "excited",
    "thrilled",
    "happy",
    "confused",
    "frustrated",
    "satisfied",
    "disappointed",
    "overwhelmed",
    "prepared",
    "committed",
    "involved",
    "aware",
    "unused",
    "unexpected",
    "united",
    "biased",
    "skilled",
    "blessed",
    "relaxed",
    "focused",
    "motivated",
    "determined",
];

const EN_SKIP: &[&str] = &[
    "not",
    "also",
    "often",
    "usually",
    "always",
    "never",
    "now",
    "being",
    "already",
    "then",
    "still",
    "typically",
    "only",
    "currently",
    "automatically",
    "generally",
    "actually",
    "just",
    "easily",
    "widely",
    "commonly",
    "fully",
    "largely",
    "mostly",
    "primarily",
    "rarely",
    "frequently",
    "finally",
    "newly",
    "recently",
    "further",
    "all",
    "both",
    "n't",
    "really",
];

fn is_english_participle(w: &str) -> bool {
    if EN_NOT_PARTICIPLE.contains(&w) {
        return false;
    }
    if EN_IRREGULAR.contains(&w) {
        return true;
    }
    w.chars().count() >= 5 && w.ends_with("ed") && !w.ends_with("eed")
}

fn english(sentence: &str, words: &[super::Word<'_>]) -> Option<Passive> {
    for clause in clauses(sentence, words) {
        if !has_word(clause, EN_BE) {
            continue;
        }
        let lower: Vec<String> = clause.iter().map(|w| w.text.to_lowercase()).collect();
        for (ai, aux) in lower.iter().enumerate() {
            if !EN_BE.contains(&aux.as_str()) {
                continue;
            }
            let mut pi = ai + 1;
            while lower
                .get(pi)
                .is_some_and(|w| EN_SKIP.contains(&w.as_str()) || w.ends_with("ly"))
                && pi < ai + 4
            {
                pi += 1;
            }
            let Some(p) = lower.get(pi) else { continue };
            if !is_english_participle(p) {
                continue;
            }
            // "is used to doing", "are supposed to": adjectival idioms.
            if matches!(p.as_str(), "used" | "supposed")
                && lower.get(pi + 1).is_some_and(|w| w == "to")
            {
                continue;
            }
            let (Some(wa), Some(wb)) = (clause.get(ai), clause.get(pi)) else {
                continue;
            };
            return Some(Passive {
                start: wa.start,
                end: wb.end,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit<'a>(s: &'a str, lang: &str) -> Option<&'a str> {
        find(s, lang).map(|p| &s[p.start..p.end])
    }

    #[test]
    fn dutch_passives() {
        assert_eq!(hit("Het huis wordt gebouwd.", "nl"), Some("wordt gebouwd"));
        assert_eq!(
            hit("De offerte werd door ons snel opgesteld.", "nl"),
            Some("werd door ons snel opgesteld")
        );
        assert_eq!(
            hit("Ik weet dat het rapport gisteren geschreven is.", "nl"),
            Some("geschreven is")
        );
        assert_eq!(
            hit("De tekst is herschreven.", "nl"),
            Some("is herschreven")
        );
        assert_eq!(hit("Alles wordt verbeterd.", "nl"), Some("wordt verbeterd"));
        assert_eq!(
            hit("De workshop wordt aangeboden in Utrecht.", "nl"),
            Some("wordt aangeboden")
        );
    }

    #[test]
    fn dutch_actives() {
        assert_eq!(hit("De prijs is gestegen.", "nl"), None);
        assert_eq!(hit("Hij is naar huis gegaan.", "nl"), None);
        assert_eq!(hit("Hij deelt zijn gedachten.", "nl"), None);
        assert_eq!(hit("Er zijn veel gebieden waar AI helpt.", "nl"), None);
        assert_eq!(hit("Dat is een vervelend probleem.", "nl"), None);
        assert_eq!(hit("Ze zijn teruggekomen.", "nl"), None);
        assert_eq!(hit("Wij bouwen het huis.", "nl"), None);
        assert_eq!(
            hit(
                "Wat er aan de hand is Parloa heeft een platform gebouwd.",
                "nl"
            ),
            None
        );
        assert_eq!(
            hit("Het doel is niet om de ontwerper te vervangen.", "nl"),
            None
        );
        assert_eq!(
            hit("Dit is om je gebruiksvoorwaarden te tonen.", "nl"),
            None
        );
    }

    #[test]
    fn english_passives() {
        assert_eq!(hit("The house was built in 1900.", "en"), Some("was built"));
        assert_eq!(
            hit("The crate is not automatically published.", "en"),
            Some("is not automatically published")
        );
        assert_eq!(
            hit("Rust 1.75 has been released.", "en"),
            Some("been released")
        );
        assert_eq!(hit("I am tired.", "en"), None);
        assert_eq!(hit("We are used to it.", "en"), None);
        assert_eq!(hit("The team released Rust 1.75.", "en"), None);
        assert_eq!(hit("She is interested in compilers.", "en"), None);
    }
}
