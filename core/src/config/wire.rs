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
    pub people: WirePeople,
    /// Phrases whose findings of a code are dropped, per code: a finding
    /// that overlaps the phrase is not reported (suppression for plain text).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Vec<String>>")]
    pub ignore: BTreeMap<Spanned<String>, Vec<String>>,
    /// House rules: replace this with that.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, WireSubstitution>")]
    pub substitution: BTreeMap<Spanned<String>, WireSubstitution>,
    /// House rules: a word or pattern that must not appear.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, WireExistence>")]
    pub existence: BTreeMap<Spanned<String>, WireExistence>,
    /// House rules: variants that must not both appear in one story.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, WireConsistency>")]
    pub consistency: BTreeMap<Spanned<String>, WireConsistency>,
    /// House rules: a lede, sentence or paragraph longer than a limit.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, WireMetric>")]
    pub metric: BTreeMap<Spanned<String>, WireMetric>,
    /// House rules: the form the first paragraph's dateline must take.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, WireDateline>")]
    pub dateline: BTreeMap<Spanned<String>, WireDateline>,
    /// House rules: later references need a courtesy title (`Mr Blair`).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, WireCourtesy>")]
    pub courtesy: BTreeMap<Spanned<String>, WireCourtesy>,
    /// Settings for drafts whose path matches a glob.
    #[serde(default)]
    pub overrides: Vec<WireOverride>,
}

/// A severity, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum WireSeverity {
    Error,
    Warning,
    Info,
    Hint,
    Off,
}

impl WireSeverity {
    const NAMES: [&'static str; 5] = ["error", "warning", "info", "hint", "off"];
    const ALL: [WireSeverity; 5] = [
        WireSeverity::Error,
        WireSeverity::Warning,
        WireSeverity::Info,
        WireSeverity::Hint,
        WireSeverity::Off,
    ];
}

/// By hand, so that a number or a table where a severity belongs gets
/// "expected a severity" rather than the TOML reader's view of enums.
impl<'de> Deserialize<'de> for WireSeverity {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = WireSeverity;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a severity")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<WireSeverity, E> {
                WireSeverity::NAMES
                    .iter()
                    .position(|n| *n == value)
                    .map(|i| WireSeverity::ALL[i])
                    .ok_or_else(|| E::unknown_variant(value, &WireSeverity::NAMES))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

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

/// What every house rule has, borrowed from its wire table.
#[derive(Debug, Clone, Copy)]
pub struct WireCommon<'a> {
    pub message: Option<&'a str>,
    pub severity: Option<&'a Spanned<WireSeverity>>,
    pub skip_quotes: bool,
    pub skip_headings: bool,
}

/// The fields every house rule table has (serde's `flatten` cannot be used
/// with `deny_unknown_fields`, so each table spells them out).
macro_rules! common_fields {
    ($wire:ty) => {
        impl $wire {
            pub fn common(&self) -> WireCommon<'_> {
                WireCommon {
                    message: self.message.as_deref(),
                    severity: self.severity.as_ref(),
                    skip_quotes: self.skip_quotes,
                    skip_headings: self.skip_headings,
                }
            }
        }
    };
}

common_fields!(WireSubstitution);
common_fields!(WireExistence);
common_fields!(WireConsistency);
common_fields!(WireMetric);
common_fields!(WireDateline);
common_fields!(WireCourtesy);

/// Replace this with that. Matches are whole words.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WireSubstitution {
    /// The message; `{match}` is the flagged text (and, for
    /// substitutions, `{replacement}` the house form).
    pub message: Option<String>,
    /// `error`, `warning` (the default), `info`, `hint` or `off`.
    #[schemars(with = "Option<WireSeverity>")]
    pub severity: Option<Spanned<WireSeverity>>,
    /// Do not look inside direct quotes.
    #[serde(default)]
    pub skip_quotes: bool,
    /// Do not look at headlines and headings.
    #[serde(default)]
    pub skip_headings: bool,
    /// What to find → the house form. With `regex = true` the keys are
    /// regular expressions and the values may use `$1`.
    #[schemars(with = "BTreeMap<String, String>")]
    pub swap: BTreeMap<Spanned<String>, String>,
    /// Keys are regular expressions.
    #[serde(default)]
    pub regex: bool,
    /// Match any case; the replacement follows the case of what it replaces.
    #[serde(default)]
    pub ignore_case: bool,
}

/// A word or pattern that must not appear. Matches are whole words.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WireExistence {
    /// The message; `{match}` is the flagged text (and, for
    /// substitutions, `{replacement}` the house form).
    pub message: Option<String>,
    /// `error`, `warning` (the default), `info`, `hint` or `off`.
    #[schemars(with = "Option<WireSeverity>")]
    pub severity: Option<Spanned<WireSeverity>>,
    /// Do not look inside direct quotes.
    #[serde(default)]
    pub skip_quotes: bool,
    /// Do not look at headlines and headings.
    #[serde(default)]
    pub skip_headings: bool,
    #[schemars(with = "Vec<String>")]
    pub tokens: Vec<Spanned<String>>,
    /// Tokens are regular expressions.
    #[serde(default)]
    pub regex: bool,
    #[serde(default)]
    pub ignore_case: bool,
}

/// Groups of variants of which one story uses one.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WireConsistency {
    /// The message; `{match}` is the flagged text (and, for
    /// substitutions, `{replacement}` the house form).
    pub message: Option<String>,
    /// `error`, `warning` (the default), `info`, `hint` or `off`.
    #[schemars(with = "Option<WireSeverity>")]
    pub severity: Option<Spanned<WireSeverity>>,
    /// Do not look inside direct quotes.
    #[serde(default)]
    pub skip_quotes: bool,
    /// Do not look at headlines and headings.
    #[serde(default)]
    pub skip_headings: bool,
    /// Each group lists spellings of one word (`["Zelensky", "Zelenskiy"]`).
    #[schemars(with = "Vec<Vec<String>>")]
    pub variants: Vec<Spanned<Vec<String>>>,
    #[serde(default)]
    pub ignore_case: bool,
}

pub use crate::style::metric::WireMetricScope;

/// A lede, sentence or paragraph longer than `max-words`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WireMetric {
    /// The message; `{match}` is the flagged text (and, for
    /// substitutions, `{replacement}` the house form).
    pub message: Option<String>,
    /// `error`, `warning` (the default), `info`, `hint` or `off`.
    #[schemars(with = "Option<WireSeverity>")]
    pub severity: Option<Spanned<WireSeverity>>,
    /// Do not look inside direct quotes.
    #[serde(default)]
    pub skip_quotes: bool,
    /// Do not look at headlines and headings.
    #[serde(default)]
    pub skip_headings: bool,
    pub scope: WireMetricScope,
    #[schemars(with = "u32", range(min = 1))]
    pub max_words: Spanned<usize>,
}

/// The first body paragraph must start with a dateline of this form.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WireDateline {
    /// The message; `{match}` is the flagged text (and, for
    /// substitutions, `{replacement}` the house form).
    pub message: Option<String>,
    /// `error`, `warning` (the default), `info`, `hint` or `off`.
    #[schemars(with = "Option<WireSeverity>")]
    pub severity: Option<Spanned<WireSeverity>>,
    /// Do not look inside direct quotes.
    #[serde(default)]
    pub skip_quotes: bool,
    /// Do not look at headlines and headings.
    #[serde(default)]
    pub skip_headings: bool,
    /// A regular expression matched at the start of the first body
    /// paragraph (`^` is implied).
    #[schemars(with = "String")]
    pub pattern: Spanned<String>,
}

/// Later references to a person need a courtesy title.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WireCourtesy {
    /// The message; `{match}` is the flagged text (and, for
    /// substitutions, `{replacement}` the house form).
    pub message: Option<String>,
    /// `error`, `warning` (the default), `info`, `hint` or `off`.
    #[schemars(with = "Option<WireSeverity>")]
    pub severity: Option<Spanned<WireSeverity>>,
    /// Do not look inside direct quotes.
    #[serde(default)]
    pub skip_quotes: bool,
    /// Do not look at headlines and headings.
    #[serde(default)]
    pub skip_headings: bool,
    /// The titles that count (`Mr`, `Mrs`, `Ms`, `Dr`, `Sir` …).
    pub titles: Vec<String>,
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
