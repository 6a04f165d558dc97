//! Google rich-result requirements as data: one JSON Schema file per profile in `rules/schemas/`
//! (and user profiles by path from the config), validated with the `jsonschema` crate.
//!
//! A profile file is a JSON Schema (draft 2020-12) whose root is
//! `{"allOf": [{"$ref": "#/$defs/required"}, {"$ref": "#/$defs/recommended"}]}`: failures under
//! `$defs/required` are errors, failures under `$defs/recommended` warnings. The root also names
//! the schema.org types it applies to in `x-geolint`:
//! `{"types": ["Article"], "subtypes": true, "docs": "https://…", "note": "…"}` (`subtypes`, by
//! default true, extends it to subtypes such as BlogPosting).

use std::path::Path;
use std::sync::{Arc, LazyLock};

/// A compiled profile.
pub struct Profile {
    pub name: String,
    /// schema.org types the profile applies to.
    pub types: Vec<String>,
    /// Whether it applies to subtypes of `types` too (`x-geolint.subtypes`, default true).
    pub subtypes: bool,
    /// Google's documentation page.
    pub docs: Option<String>,
    /// A note shown as info once per matching entity (e.g. that Google no longer shows the result).
    pub note: Option<String>,
    pub schema: serde_json::Value,
    pub validator: jsonschema::Validator,
}

impl std::fmt::Debug for Profile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Profile")
            .field("name", &self.name)
            .field("types", &self.types)
            .finish_non_exhaustive()
    }
}

/// The built-in profile files.
pub const BUILTIN: &[(&str, &str)] = &[
    ("faqpage", include_str!("../../rules/schemas/faqpage.json")),
    ("howto", include_str!("../../rules/schemas/howto.json")),
    ("article", include_str!("../../rules/schemas/article.json")),
    (
        "breadcrumblist",
        include_str!("../../rules/schemas/breadcrumblist.json"),
    ),
    (
        "localbusiness",
        include_str!("../../rules/schemas/localbusiness.json"),
    ),
    (
        "organization",
        include_str!("../../rules/schemas/organization.json"),
    ),
    ("person", include_str!("../../rules/schemas/person.json")),
    ("website", include_str!("../../rules/schemas/website.json")),
    ("webpage", include_str!("../../rules/schemas/webpage.json")),
    ("event", include_str!("../../rules/schemas/event.json")),
    ("product", include_str!("../../rules/schemas/product.json")),
    (
        "videoobject",
        include_str!("../../rules/schemas/videoobject.json"),
    ),
];

static BUILTIN_PROFILES: LazyLock<Vec<Arc<Profile>>> = LazyLock::new(|| {
    BUILTIN
        .iter()
        .map(|(name, text)| match compile(name, text) {
            Ok(p) => Arc::new(p),
            Err(e) => unreachable!("built-in profile {name} is invalid: {e}"),
        })
        .collect()
});

/// The built-in profiles (compiled on first use).
#[must_use]
pub fn builtin() -> &'static [Arc<Profile>] {
    &BUILTIN_PROFILES
}

/// Compile a profile from its JSON text.
pub fn compile(name: &str, text: &str) -> Result<Profile, String> {
    let schema: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?;
    let meta = schema.get("x-geolint");
    let types: Vec<String> = meta
        .and_then(|m| m.get("types"))
        .and_then(|t| t.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    if types.is_empty() {
        return Err(
            "missing `x-geolint.types`: name the schema.org types the profile applies to".into(),
        );
    }
    let text_of = |k: &str| {
        meta.and_then(|m| m.get(k))
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let validator = jsonschema::validator_for(&schema).map_err(|e| e.to_string())?;
    let subtypes = meta
        .and_then(|m| m.get("subtypes"))
        .and_then(serde_json::Value::as_bool)
        .unwrap_or(true);
    Ok(Profile {
        subtypes,
        name: schema
            .get("title")
            .and_then(|t| t.as_str())
            .unwrap_or(name)
            .to_string(),
        types,
        docs: text_of("docs"),
        note: text_of("note"),
        schema,
        validator,
    })
}

/// Load a user profile file.
pub fn load(path: &Path) -> Result<Profile, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let name = path.file_stem().map_or_else(
        || "profile".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    compile(&name, &text)
}

/// Whether a failure at this evaluation path is a recommendation (warning) rather than a
/// requirement (error).
#[must_use]
pub fn is_recommended(evaluation_path: &str) -> bool {
    evaluation_path.contains("/$defs/recommended") || evaluation_path.starts_with("/allOf/1/")
}

/// The nearest `description` on the way from the failing keyword up to the root of the schema.
#[must_use]
pub fn description(schema: &serde_json::Value, schema_path: &str) -> Option<String> {
    let segs: Vec<&str> = schema_path.split('/').skip(1).collect();
    for n in (0..=segs.len()).rev() {
        let ptr: String = segs.iter().take(n).fold(String::new(), |mut acc, s| {
            acc.push('/');
            acc.push_str(s);
            acc
        });
        if let Some(d) = schema
            .pointer(&ptr)
            .and_then(|v| v.get("description"))
            .and_then(|d| d.as_str())
        {
            return Some(d.to_string());
        }
        // stop at the profile's two halves
        if n <= 3 && (ptr.starts_with("/$defs") || ptr.is_empty()) {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_profiles_compile() {
        assert!(builtin().len() >= 10);
        assert!(builtin()
            .iter()
            .any(|p| p.types.iter().any(|t| t == "FAQPage")));
    }

    #[test]
    fn bad_profiles_are_refused() {
        assert!(compile("x", "{").unwrap_err().starts_with("invalid JSON"));
        assert!(compile("x", "{}").unwrap_err().contains("x-geolint.types"));
        assert!(compile("x", r#"{"x-geolint":{"types":["A"]},"type":5}"#).is_err());
    }
}
