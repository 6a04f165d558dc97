//! Generate a deterministic, realistic site of N articles for benchmarks and scale tests.
//!
//! ```text
//! cargo run --release --example gen-corpus -- 10000 /tmp/corpus-10k
//! ```
//!
//! The site mixes Dutch and English Markdown posts (~10 KB each) with YAML and TOML front
//! matter, H1–H3 headings, lists, internal links among the articles (about 1 in 40 broken),
//! FAQ sections, sourced and unsourced statistics, some AI-chat residue, plus one built HTML
//! page with JSON-LD per 20 articles and a `geolint.toml` with keyword clusters, so that every
//! rule family does real work. The same N always gives the same bytes.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A small deterministic generator (`SplitMix64`); no external crates needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n as u64)).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

const NL_WORDS: &[&str] = &[
    "de",
    "het",
    "een",
    "en",
    "van",
    "in",
    "is",
    "op",
    "voor",
    "met",
    "dat",
    "die",
    "niet",
    "ook",
    "bij",
    "aan",
    "wordt",
    "zijn",
    "kan",
    "je",
    "we",
    "ons",
    "team",
    "bedrijf",
    "klanten",
    "processen",
    "automatisering",
    "workflow",
    "medewerkers",
    "tijd",
    "kosten",
    "AI-workshop",
    "training",
    "praktijk",
    "resultaat",
    "oplossing",
    "organisatie",
    "gegevens",
    "systeem",
    "koppeling",
    "rapportage",
    "offertes",
    "klantenservice",
    "chatbot",
    "taalmodel",
    "prompt",
    "ondernemer",
    "mkb",
    "efficiënter",
    "sneller",
    "betrouwbaar",
    "eenvoudig",
    "slimme",
    "handmatig",
    "dagelijks",
    "belangrijk",
    "coöperatie",
    "regio",
    "Utrecht",
    "Amsterdam",
    "strategie",
    "planning",
    "budget",
    "implementatie",
    "adviseur",
    "stappen",
    "voorbeeld",
];

const EN_WORDS: &[&str] = &[
    "the",
    "a",
    "and",
    "of",
    "to",
    "in",
    "is",
    "for",
    "with",
    "that",
    "it",
    "on",
    "as",
    "your",
    "we",
    "our",
    "team",
    "company",
    "customers",
    "processes",
    "automation",
    "workflow",
    "staff",
    "time",
    "costs",
    "workshop",
    "training",
    "practice",
    "results",
    "solution",
    "organisation",
    "data",
    "system",
    "integration",
    "reports",
    "quotes",
    "support",
    "chatbot",
    "model",
    "prompt",
    "owner",
    "business",
    "faster",
    "reliable",
    "simple",
    "smart",
    "manual",
    "daily",
    "important",
    "strategy",
    "planning",
    "budget",
    "rollout",
    "adviser",
    "steps",
    "example",
];

const CLUSTERS: &[(&str, &str, &[&str])] = &[
    (
        "AI-workshop kosten",
        "wat-kost-een-ai-workshop",
        &[
            "AI-workshop kosten",
            "prijs AI-training",
            "kosten AI-cursus",
        ],
    ),
    (
        "Procesautomatisering MKB",
        "processen-automatiseren-mkb",
        &[
            "processen automatiseren",
            "workflow automatisering",
            "AI-automatisering MKB",
        ],
    ),
    (
        "AI klantenservice",
        "ai-klantenservice",
        &[
            "AI klantenservice",
            "chatbot klantenservice",
            "klantvragen automatiseren",
        ],
    ),
    (
        "Prompt engineering",
        "prompt-engineering",
        &["prompt engineering", "betere prompts", "prompt templates"],
    ),
    (
        "AI in de regio",
        "ai-regio-utrecht",
        &[
            "AI-workshop Utrecht",
            "AI-training Amsterdam",
            "AI-advies Randstad",
        ],
    ),
];

const NL_H2: &[&str] = &[
    "Waarom processen automatiseren loont",
    "Wat kost een AI-workshop?",
    "Zo begin je met workflow automatisering",
    "De belangrijkste valkuilen",
    "Praktijkvoorbeeld uit de regio",
    "Welke tools passen bij het mkb?",
    "Stappenplan voor je team",
    "Resultaten meten",
];

const EN_H2: &[&str] = &[
    "Why automating processes pays off",
    "What does an AI workshop cost?",
    "How to start with workflow automation",
    "Common pitfalls",
    "A case from the region",
    "Which tools fit a small business?",
    "A step-by-step plan for your team",
    "Measuring results",
];

fn sentence(rng: &mut Rng, words: &[&str], out: &mut String) {
    let len = 8 + rng.below(22);
    for i in 0..len {
        let w = rng.pick(words);
        if i == 0 {
            let mut cs = w.chars();
            if let Some(c) = cs.next() {
                out.extend(c.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(w);
        }
    }
    out.push('.');
}

fn paragraph(rng: &mut Rng, words: &[&str], links: &[String], nl: bool, out: &mut String) {
    let n = 3 + rng.below(4);
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        sentence(rng, words, out);
        if rng.chance(12) {
            let pct = 10 + rng.below(80);
            if rng.chance(2) {
                let _ = write!(
                    out,
                    " {} {pct}% {} ([bron](https://www.cbs.nl/nl-nl/nieuws/2024/ai)).",
                    if nl {
                        "Volgens het CBS gebruikt"
                    } else {
                        "According to Eurostat,"
                    },
                    if nl {
                        "van de bedrijven AI"
                    } else {
                        "of firms use AI"
                    },
                );
            } else {
                let _ = write!(
                    out,
                    " {pct}% {}.",
                    if nl {
                        "van de ondernemers bespaart zo tijd"
                    } else {
                        "of owners save time this way"
                    }
                );
            }
        }
        if !links.is_empty() && rng.chance(5) {
            let target = &links[rng.below(links.len())];
            let text = if nl {
                "lees meer over"
            } else {
                "read more about"
            };
            let _ = write!(out, " Zie ook [{text} {}]({target}).", rng.pick(words));
        }
    }
    if rng.chance(60) {
        out.push_str(" citeturn0search3");
    }
    out.push_str("\n\n");
}

fn article(rng: &mut Rng, i: usize, n: usize, slugs: &[String]) -> (PathBuf, String) {
    let nl = i % 3 != 2;
    let words = if nl { NL_WORDS } else { EN_WORDS };
    let h2s = if nl { NL_H2 } else { EN_H2 };
    let (cluster, _pillar, keywords) = CLUSTERS[i % CLUSTERS.len()];
    let kw = keywords[rng.below(keywords.len())];
    let slug = &slugs[i];
    let year = 2021 + rng.below(5);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let title = if nl {
        format!("{kw}: praktische gids voor het mkb deel {i}")
    } else {
        format!("{kw}: a practical guide for small businesses part {i}")
    };
    let description = if nl {
        format!("Alles over {kw} voor ondernemers: kosten, stappen en voorbeelden uit de praktijk. Met tips, valkuilen en een stappenplan voor je team (deel {i}).")
    } else {
        format!("Everything about {kw} for business owners: costs, steps and real examples. With tips, pitfalls and a step-by-step plan for your team (part {i}).")
    };

    // Links to other articles: mostly real, some broken.
    let mut links = Vec::new();
    for _ in 0..4 {
        let j = rng.below(n);
        let same_dir = (j % 3 == 2) != nl;
        let prefix = match (nl, same_dir) {
            (_, true) => "",
            (true, false) => "../en/blog/",
            (false, false) => "../../blog/",
        };
        if rng.chance(40) {
            links.push(format!("{prefix}bestaat-niet-{j}.md"));
        } else if j != i && rng.chance(2) {
            links.push(format!("{prefix}{}.md", slugs[j]));
        } else if j != i {
            let lang = if j % 3 == 2 { "/en" } else { "" };
            links.push(format!("{lang}/blog/{}/", slugs[j]));
        }
    }

    let mut s = String::with_capacity(11_000);
    if i % 4 == 3 {
        let _ = write!(
            s,
            "+++\ntitle = \"{title}\"\ndescription = \"{description}\"\ndate = {year}-{month:02}-{day:02}\ncluster = \"{cluster}\"\nkeywords = [\"{kw}\", \"{}\"]\nlang = \"{}\"\ndraft = {}\n+++\n\n",
            keywords[0],
            if nl { "nl" } else { "en" },
            rng.chance(50),
        );
    } else {
        let _ = write!(
            s,
            "---\ntitle: \"{title}\"\ndescription: \"{description}\"\ndate: {year}-{month:02}-{day:02}\ncluster: \"{cluster}\"\nkeywords:\n  - \"{kw}\"\n  - \"{}\"\nlang: {}\ntags: [ai, automatisering, mkb]\nimage: /img/{slug}.webp\nimageAlt: \"Illustratie bij {kw}\"\n---\n\n",
            keywords[0],
            if nl { "nl" } else { "en" },
        );
    }
    if rng.chance(10) {
        let _ = writeln!(s, "# {title}\n");
    }
    // Answer-first intro that names the keyword.
    let _ = write!(
        s,
        "{} {kw} {} ",
        if nl { "In het kort:" } else { "In short:" },
        if nl {
            "helpt ondernemers om sneller en slimmer te werken."
        } else {
            "helps business owners work faster and smarter."
        }
    );
    paragraph(rng, words, &links, nl, &mut s);

    let sections = 6 + rng.below(3);
    for k in 0..sections {
        let _ = writeln!(s, "## {}\n", h2s[(i + k) % h2s.len()]);
        paragraph(rng, words, &links, nl, &mut s);
        if rng.chance(2) {
            let _ = writeln!(s, "### {}\n", rng.pick(h2s));
            paragraph(rng, words, &links, nl, &mut s);
        }
        if rng.chance(3) {
            for _ in 0..(3 + rng.below(3)) {
                s.push_str("- ");
                sentence(rng, words, &mut s);
                s.push('\n');
            }
            s.push('\n');
        }
        if rng.chance(8) {
            s.push_str(
                "```bash\ncurl -s https://api.example.com/v1/run?utm_source=chatgpt.com\n```\n\n",
            );
        }
    }
    if i % 2 == 0 {
        let _ = writeln!(
            s,
            "## {}\n",
            if nl {
                "Veelgestelde vragen"
            } else {
                "Frequently asked questions"
            }
        );
        for q in 0..(2 + rng.below(5)) {
            let _ = writeln!(
                s,
                "### {} {kw} {q}?\n",
                if nl { "Hoe werkt" } else { "How does" }
            );
            sentence(rng, words, &mut s);
            s.push_str("\n\n");
        }
    }
    let _ = writeln!(
        s,
        "{}",
        if nl {
            "**Verder lezen**\n"
        } else {
            "**Further reading**\n"
        }
    );
    for l in &links {
        let _ = writeln!(s, "- [{}]({l})", rng.pick(words));
    }
    let dir = if nl {
        "content/blog"
    } else {
        "content/en/blog"
    };
    (PathBuf::from(dir).join(format!("{slug}.md")), s)
}

fn html_page(rng: &mut Rng, i: usize) -> (PathBuf, String) {
    let mut s = String::with_capacity(8_000);
    let _ = write!(
        s,
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>Dienst {i} | Kompas AI</title>\n<meta name=\"description\" content=\"Onze dienst {i}: AI-workshops, procesautomatisering en advies voor het mkb in Utrecht en Amsterdam. Vraag vandaag nog een vrijblijvend gesprek aan.\">\n<link rel=\"canonical\" href=\"https://www.kompas-ai.nl/diensten/dienst-{i}/\">\n"
    );
    let _ = write!(
        s,
        "<script type=\"application/ld+json\">\n{{\n  \"@context\": \"https://schema.org\",\n  \"@type\": \"FAQPage\",\n  \"mainEntity\": [\n    {{\"@type\": \"Question\", \"name\": \"Wat kost dienst {i}?\", \"acceptedAnswer\": {{\"@type\": \"Answer\", \"text\": \"Dienst {i} kost vanaf 495 euro per dagdeel.\"}}}},\n    {{\"@type\": \"Question\", \"name\": \"Hoe lang duurt dienst {i}?\", \"acceptedAnswer\": {{\"@type\": \"Answer\", \"text\": \"Meestal een dagdeel.\"}}}}\n  ]\n}}\n</script>\n"
    );
    let _ = write!(
        s,
        "<script type=\"application/ld+json\">{{\"@context\": \"https://schema.org\", \"@type\": \"LocalBusiness\", \"name\": \"Kompas AI\", \"address\": {{\"@type\": \"PostalAddress\", \"streetAddress\": \"Oudegracht 1\", \"postalCode\": \"3511 AA\", \"addressLocality\": \"Utrecht\", \"addressCountry\": \"NL\"}}, \"telephone\": \"+31 30 123 4567\"}}</script>\n</head>\n<body>\n<header><nav><a href=\"/\">Home</a> <a href=\"/blog/\">Blog</a></nav></header>\n<main>\n<h1>Dienst {i}</h1>\n"
    );
    for _ in 0..6 {
        s.push_str("<p>");
        sentence(rng, NL_WORDS, &mut s);
        s.push(' ');
        sentence(rng, NL_WORDS, &mut s);
        s.push_str("</p>\n");
    }
    let _ = write!(
        s,
        "<h2>Veelgestelde vragen</h2>\n<h3>Wat kost dienst {i}?</h3>\n<p>Dienst {i} kost vanaf 495 euro per dagdeel.</p>\n<h3>Hoe lang duurt dienst {i}?</h3>\n<p>Meestal een dagdeel.</p>\n<img src=\"/img/dienst-{i}.webp\">\n</main>\n</body>\n</html>\n"
    );
    (
        PathBuf::from(format!("public/diensten/dienst-{i}/index.html")),
        s,
    )
}

fn config() -> String {
    let mut s = String::from(
        "# Generated by `cargo run --example gen-corpus`.\nlanguage = \"nl\"\nsite_url = \"https://www.kompas-ai.nl\"\n\n[[content_type]]\nname = \"blog\"\npaths = [\"content/blog/**\", \"content/en/blog/**\"]\nwords = { min = 1000, max = 1800 }\nfaq = { min = 3, max = 5 }\ninternal_links = { min = 2 }\n\n[local]\nplaces = [\"Amsterdam\", \"Utrecht\", \"Randstad\"]\npaths = [\"content/regio/**\"]\n",
    );
    for (name, pillar, keywords) in CLUSTERS {
        let kws: Vec<String> = keywords.iter().map(|k| format!("\"{k}\"")).collect();
        let _ = write!(
            s,
            "\n[[cluster]]\nname = \"{name}\"\npillar = \"/blog/{pillar}/\"\nkeywords = [{}]\n",
            kws.join(", ")
        );
    }
    s
}

fn write(root: &Path, rel: &Path, text: &str) -> std::io::Result<()> {
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, text)
}

pub fn run(n: usize, root: &Path) -> std::io::Result<(usize, u64)> {
    let mut rng = Rng(0x6765_6F6C_696E_7421 ^ n as u64);
    let slugs: Vec<String> = (0..n)
        .map(|i| {
            if i < CLUSTERS.len() {
                CLUSTERS[i].1.to_string()
            } else {
                format!("artikel-{i:06}")
            }
        })
        .collect();
    let mut bytes = 0u64;
    let mut files = 0;
    for i in 0..n {
        let (rel, text) = article(&mut rng, i, n, &slugs);
        bytes += text.len() as u64;
        files += 1;
        write(root, &rel, &text)?;
        if i % 20 == 19 {
            let (rel, text) = html_page(&mut rng, i / 20);
            bytes += text.len() as u64;
            files += 1;
            write(root, &rel, &text)?;
        }
    }
    write(root, Path::new("geolint.toml"), &config())?;
    Ok((files, bytes))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(out)) = (
        args.first().and_then(|a| a.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: gen-corpus N OUT_DIR");
        return ExitCode::from(2);
    };
    let root = PathBuf::from(out);
    match run(n, &root) {
        Ok((files, bytes)) => {
            eprintln!(
                "wrote {files} files, {} MB, to {}",
                bytes / 1_000_000,
                root.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-corpus: {}: {e}", root.display());
            ExitCode::from(2)
        }
    }
}
