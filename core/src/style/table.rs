//! What every house-rule table in `copydesk.toml` shares: the severity
//! value, the common fields (`message`, `severity`, `skip-quotes`,
//! `skip-headings`), the map of named rules, and the error a kind's compile
//! step reports. Each kind's own table lives in its file.

use std::collections::BTreeMap;
use std::ops::Range;

use regex::{Regex, RegexBuilder};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use toml::Spanned;

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

/// What every house rule has, borrowed from its wire table.
#[derive(Debug, Clone, Copy)]
pub struct WireCommon<'a> {
    pub message: Option<&'a str>,
    pub severity: Option<&'a Spanned<WireSeverity>>,
    pub skip_quotes: bool,
    pub skip_headings: bool,
}

/// A rule table as the file has it: its common fields, whatever the kind
/// (implemented by [`rule_table!`]).
pub trait RuleWire {
    fn common(&self) -> WireCommon<'_>;
}

/// A house rule's table: the kind's own fields after the ones every rule
/// table has (`message`, `severity`, `skip-quotes`, `skip-headings`), which
/// [`WireCommon`] gives back as one value. serde's `flatten` cannot be used
/// with `deny_unknown_fields`, so the common fields are written in here.
macro_rules! rule_table {
    ($(#[$meta:meta])* pub struct $name:ident { $($fields:tt)* }) => {
        $(#[$meta])*
        #[derive(Debug, serde::Deserialize, schemars::JsonSchema)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        pub struct $name {
            /// The message; `{match}` is the flagged text (and, for
            /// substitutions, `{replacement}` the house form).
            pub message: Option<String>,
            /// `error`, `warning` (the default), `info`, `hint` or `off`.
            #[schemars(with = "Option<crate::style::WireSeverity>")]
            pub severity: Option<toml::Spanned<$crate::style::WireSeverity>>,
            /// Do not look inside direct quotes.
            #[serde(default)]
            pub skip_quotes: bool,
            /// Do not look at headlines and headings.
            #[serde(default)]
            pub skip_headings: bool,
            $($fields)*
        }

        impl $crate::style::table::RuleWire for $name {
            fn common(&self) -> $crate::style::table::WireCommon<'_> {
                $crate::style::table::WireCommon {
                    message: self.message.as_deref(),
                    severity: self.severity.as_ref(),
                    skip_quotes: self.skip_quotes,
                    skip_headings: self.skip_headings,
                }
            }
        }
    };
}
pub(crate) use rule_table;

/// The rules of one kind in a file, by name (`[substitution.NAME]`), each
/// name with its place in the file.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct Tables<W>(pub BTreeMap<Spanned<String>, W>);

impl<W> Default for Tables<W> {
    fn default() -> Tables<W> {
        Tables(BTreeMap::new())
    }
}

/// As editors see it: a table of tables keyed by rule name.
impl<W: JsonSchema> JsonSchema for Tables<W> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Tables_{}", W::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        BTreeMap::<String, W>::json_schema(generator)
    }
}

/// A house rule's table that cannot be compiled: where (a byte span in the
/// file, or the rule's name when `None`) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl RuleError {
    pub fn at(span: Range<usize>, message: impl Into<String>) -> RuleError {
        RuleError {
            span: Some(span),
            message: message.into(),
        }
    }

    /// An error about the rule as a whole, reported at its name.
    pub fn rule(message: impl Into<String>) -> RuleError {
        RuleError {
            span: None,
            message: message.into(),
        }
    }
}

/// Compile `source`, reporting an error at `at` (the pattern as written).
pub fn compile(source: &str, ignore_case: bool, at: &Spanned<String>) -> Result<Regex, RuleError> {
    RegexBuilder::new(source)
        .case_insensitive(ignore_case)
        .build()
        .map_err(|e| {
            RuleError::at(
                at.span(),
                format!(
                    "invalid regular expression `{}`: {}",
                    at.get_ref(),
                    regex_reason(&e)
                ),
            )
        })
}

/// The last line of the regex crate's multi-line message (`error: …`).
pub fn regex_reason(err: &regex::Error) -> String {
    match err {
        regex::Error::Syntax(text) => text
            .lines()
            .rev()
            .find_map(|l| l.trim().strip_prefix("error: "))
            .unwrap_or(text)
            .to_owned(),
        other => other.to_string(),
    }
}
