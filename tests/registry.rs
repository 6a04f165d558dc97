//! The rule registry is the one source of truth: ids, docs, tests, config and README agree.

use std::collections::HashSet;

use geolint::rules::registry::{default_config, readme_table, ALL};
use geolint::rules::FAMILIES;

fn root() -> &'static str {
    env!("CARGO_MANIFEST_DIR")
}

#[test]
fn ids_are_unique_well_formed_and_match_their_file() {
    let mut seen = HashSet::new();
    for r in ALL {
        let i = r.info();
        assert!(seen.insert(i.id), "duplicate id {}", i.id);
        let (family, name) = i.id.split_once('/').expect("family/name");
        assert!(FAMILIES.contains(&family), "{}: unknown family", i.id);
        assert!(
            !name.is_empty()
                && name.split('-').all(|p| !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
            "{}: name must be kebab-case",
            i.id
        );
        let want = format!("src/rules/{family}/{}.rs", name.replace('-', "_"));
        assert_eq!(
            i.file.replace('\\', "/"),
            want,
            "{} is declared in the wrong file",
            i.id
        );
    }
}

#[test]
fn every_rule_is_documented_and_tested() {
    for r in ALL {
        let i = r.info();
        assert!(
            i.docs.contains("## What it checks"),
            "{}: docs lack 'What it checks'",
            i.id
        );
        assert!(
            i.docs.contains("## Why it matters"),
            "{}: docs lack 'Why it matters'",
            i.id
        );
        assert!(
            i.docs.contains("## Example"),
            "{}: docs lack an example",
            i.id
        );
        let first = i.summary.chars().next().unwrap();
        assert!(
            !first.is_uppercase() && !i.summary.ends_with('.'),
            "{}: summary style",
            i.id
        );
        let src = std::fs::read_to_string(format!("{}/{}", root(), i.file)).unwrap();
        assert!(src.contains("#[cfg(test)]"), "{}: no tests", i.id);
        // Convention: test names say whether they show the rule failing or passing.
        let fails = src.contains("fn fails");
        let passes = src.contains("fn passes") || src.contains("fn fails_and_passes");
        assert!(
            fails && passes,
            "{}: needs a failing and a passing case",
            i.id
        );
    }
}

#[test]
fn init_config_lists_every_rule() {
    let cfg = default_config();
    for r in ALL {
        let i = r.info();
        assert!(
            cfg.contains(&format!("# \"{}\" = \"{}\"", i.id, i.default_level)),
            "{} missing from the config `geolint init` writes",
            i.id
        );
    }
    // and what init writes is a valid config
    geolint::config::Config::parse(&cfg, "geolint.toml".as_ref()).unwrap();
}

#[test]
fn readme_rules_table_is_current() {
    let readme = std::fs::read_to_string(format!("{}/README.md", root())).unwrap();
    let start = readme
        .find("<!-- rules:start -->")
        .expect("README has a rules:start marker");
    let end = readme
        .find("<!-- rules:end -->")
        .expect("README has a rules:end marker");
    let current = readme[start + "<!-- rules:start -->".len()..end].trim();
    let want = readme_table();
    if current != want.trim() {
        if std::env::var_os("GEOLINT_BLESS").is_some() {
            let updated = format!(
                "{}<!-- rules:start -->\n{}\n{}",
                &readme[..start],
                want.trim(),
                &readme[end..]
            );
            std::fs::write(format!("{}/README.md", root()), updated).unwrap();
        } else {
            panic!("README rules table is out of date: run `GEOLINT_BLESS=1 cargo test --test registry`");
        }
    }
}
