//! The wire format of `copydesk.toml`: what the file may say, and nothing
//! more.
//!
//! Every table refuses unknown keys (`deny_unknown_fields`) and keys are
//! kebab-case. Values that need checking beyond their type (codes, regexes,
//! globs, ranges of numbers) keep their byte span ([`Spanned`]) so that
//! [`super::resolve`] can point at them; serde's own errors (unknown key,
//! wrong type) get their span from the `toml` deserializer. The same structs
//! derive the JSON Schema shipped as `copydesk.schema.json` (generated
//! by `tests/schema.rs`), so editors
//! complete and validate exactly what the parser accepts.

use std::collections::BTreeMap;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use toml::Spanned;

use crate::codes::CHECKS;

/// The file's shape, with a table for each house-rule kind
/// ([`crate::style::with_tables!`]).
macro_rules! wire_config {
    ($( $(#[$doc:meta])* $table:ident: $variant:ident($kind:ty) ),* $(,)?) => {
        /// A `copydesk.toml` file.
        #[derive(Debug, Default, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        #[schemars(title = "copydesk.toml", description = "House style for copydesk.")]
        pub struct WireConfig {
            /// Built-in presets (`ap`, `reuters`, `british`) or paths of other
            /// files (relative to this one), applied in order before this file.
            #[serde(default)]
            #[schemars(with = "Vec<String>")]
            pub extends: Vec<Spanned<String>>,
            /// Severity per check code or house rule (`style/NAME`):
            /// `error`, `warning`, `info`, `hint` or `off`.
            #[serde(default)]
            #[schemars(schema_with = "checks_schema")]
            pub checks: BTreeMap<Spanned<String>, Spanned<WireSeverity>>,
            #[serde(default)]
            pub thresholds: WireThresholds,
            #[serde(default)]
            pub attribution: WireAttribution,
            #[serde(default)]
            pub quotes: WireQuotes,
            #[serde(default)]
            pub people: WirePeople,
            /// Phrases whose findings of a code are dropped, per code: a finding
            /// that overlaps the phrase is not reported (suppression for plain text).
            #[serde(default)]
            #[schemars(with = "BTreeMap<String, Vec<String>>")]
            pub ignore: BTreeMap<Spanned<String>, Vec<String>>,
            $(
                $(#[$doc])*
                #[serde(default)]
                pub $table: Tables<<$kind as Table>::Wire>,
            )*
            /// Settings for drafts whose path matches a glob.
            #[serde(default)]
            pub overrides: Vec<WireOverride>,
        }
    };
}
crate::style::with_tables!(wire_config);

use crate::style::Table;
pub use crate::style::{Tables, WireCommon, WireSeverity};

/// Tunable numbers.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WireThresholds {
    /// Content-word similarity (0 to 1) from which a later paragraph
    /// restates an earlier one (`repeat/paragraph`).
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1.0))]
    pub restated_paragraph: Option<Spanned<f64>>,
    /// The shortest quote, in words, that needs attribution.
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub min_attributed_quote_words: Option<Spanned<usize>>,
    /// The shortest quoted passage, in words, whose repetition is reported.
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub min_repeated_quote_words: Option<Spanned<usize>>,
}

/// Speech verbs.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WireAttribution {
    /// Extra speech verbs that credit a quote, every form used
    /// (`quipped`, `quips`).
    #[serde(default)]
    pub verbs: Vec<String>,
    /// Discouraged speech verbs and the neutral verb to use instead
    /// (`claimed = "said"`): reported as `style/discouraged-verb`.
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    pub discouraged: Option<Spanned<BTreeMap<String, String>>>,
}

/// How the house credits quotes.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WireQuotes {
    /// Whether a quote paragraph right after a credited quote paragraph
    /// needs a credit of its own (wire style, the default). `false` for a
    /// house that credits by discourse: a paragraph that opens with a quote
    /// right after a paragraph ending in a credited quote is that speaker's;
    /// one after narration still needs a credit (`quote/unattributed`).
    pub new_paragraph_credit: Option<bool>,
    /// Which quotation marks quote: `double` (`"…"`, single marks nested
    /// inside; wire and US style), `single` (`'…'`, double marks nested
    /// inside; British book style and the houses that follow it) or `auto`
    /// (the default: each draft's own usage decides).
    pub marks: Option<WireMarks>,
}

/// `[quotes] marks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum WireMarks {
    Auto,
    Double,
    Single,
}

/// People and titles.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WirePeople {
    /// Extra titles of office (`Foreign Secretary`), for the name checks.
    #[serde(default)]
    pub titles: Vec<String>,
    /// People exempt from `name/first-reference` (`Pope Francis`).
    #[serde(default)]
    pub well_known: Vec<String>,
    /// People with the house spelling of their name.
    #[serde(default)]
    pub known: Vec<WireKnownPerson>,
}

/// A person with the house spelling of their name.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WireKnownPerson {
    /// The name as the house spells it: `Antony Blinken`.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Other spellings, each rewritten to `name` (`name/spelling`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Their title of office: `Secretary of State`.
    pub title: Option<String>,
    /// The courtesy title for later references, where the house uses them
    /// (`Mr`).
    pub courtesy: Option<String>,
}

/// Settings for the drafts that match `files`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WireOverride {
    /// Globs relative to the folder of this file (`opinion/**`).
    #[schemars(with = "Vec<String>")]
    pub files: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(schema_with = "checks_schema")]
    pub checks: BTreeMap<Spanned<String>, Spanned<WireSeverity>>,
    #[serde(default)]
    pub thresholds: WireThresholds,
}

/// `[checks]`: every core code is a known property (so editors complete
/// them); house rules match `style/NAME`. The checks' summaries are added
/// by the schema's generator, which sees the checks' documentation.
fn checks_schema(generator: &mut SchemaGenerator) -> Schema {
    let severity = generator.subschema_for::<WireSeverity>();
    let mut properties = serde_json::Map::new();
    for meta in &CHECKS {
        properties.insert(meta.code.into(), severity.clone().into());
    }
    json_schema!({
        "type": "object",
        "description": "Severity per check code or house rule (`style/NAME`): error, warning, info, hint or off.",
        "properties": properties,
        "patternProperties": {"^style/[a-z0-9][a-z0-9-]*$": severity},
        "additionalProperties": false,
    })
}
