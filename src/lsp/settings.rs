//! Client settings: `initializationOptions` and
//! `workspace/didChangeConfiguration`, for example
//!
//! ```json
//! {"checks": {"quote/unattributed": "off", "repeat/quote": "error"},
//!  "inlayHints": {"speakers": true}}
//! ```
//!
//! Two layers, like the house-style file: a strict wire format
//! ([`WireSettings`], unknown keys refused) resolved once into [`Settings`]
//! on top of the base [`Config`]. A bad value never stops the server: what
//! can be applied is applied, and every problem comes back as a sentence for
//! the user (with a did-you-mean for a misspelled check code).

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use copydesk_core::{Check, Config, Severity};

/// The key clients nest our settings under (`{"copydesk": {…}}`), as VS
/// Code does for `workspace/didChangeConfiguration` and as the section name
/// of `workspace/configuration`.
pub const SECTION: &str = "copydesk";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct WireSettings {
    /// Check code → `error`, `warning`, `info`, `hint` or `off`.
    #[serde(default)]
    checks: BTreeMap<String, String>,
    #[serde(default)]
    inlay_hints: WireInlayHints,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct WireInlayHints {
    /// Show who said each quote after its closing mark.
    #[serde(default)]
    speakers: bool,
}

/// Resolved settings: what the server uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    pub config: Config,
    /// Inlay hints naming each quote's speaker; off by default.
    pub speaker_hints: bool,
}

/// What a settings payload asks for.
pub enum Parsed {
    /// No settings in this payload (`null`): keep what we have.
    Absent,
    Settings(WireSettings),
}

/// Read a settings payload, unwrapping a `{"copydesk": …}` envelope.
pub fn parse(value: Option<&Value>) -> Result<Parsed, String> {
    let value = match value {
        // Neovim encodes an empty Lua table as `[]`.
        None | Some(Value::Null) => return Ok(Parsed::Absent),
        Some(Value::Array(items)) if items.is_empty() => return Ok(Parsed::Absent),
        Some(Value::Object(map)) if map.len() == 1 && map.contains_key(SECTION) => &map[SECTION],
        Some(v) => v,
    };
    if value.is_null() {
        return Ok(Parsed::Absent);
    }
    WireSettings::deserialize(value)
        .map(Parsed::Settings)
        .map_err(|e| format!("copydesk: settings ignored: {e}"))
}

impl WireSettings {
    /// Resolve on top of `base`; problems are returned as messages for the
    /// user and the offending entries are skipped.
    pub fn resolve(&self, base: &Config) -> (Settings, Vec<String>) {
        let mut config = base.clone();
        let mut problems = Vec::new();
        for (code, value) in &self.checks {
            let Some(check) = Check::from_code(code) else {
                let hint = Check::suggest(code)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                problems.push(format!(
                    "copydesk: unknown check `{code}` in settings{hint}"
                ));
                continue;
            };
            match severity(value) {
                Some(severity) => config.set_severity(check, severity),
                None => problems.push(format!(
                    "copydesk: `{value}` is not a severity for `{code}`; expected one of error, warning, info, hint, off"
                )),
            }
        }
        let settings = Settings {
            config,
            speaker_hints: self.inlay_hints.speakers,
        };
        (settings, problems)
    }
}

/// `Some(None)` is `off`.
fn severity(value: &str) -> Option<Option<Severity>> {
    if value == "off" {
        Some(None)
    } else {
        Severity::parse(value).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[track_caller]
    fn resolve(value: Value) -> (Settings, Vec<String>) {
        match parse(Some(&value)).unwrap() {
            Parsed::Settings(wire) => wire.resolve(&Config::default()),
            Parsed::Absent => panic!("expected settings"),
        }
    }

    #[test]
    fn severities_and_hints_apply() {
        let (settings, problems) = resolve(json!({
            "checks": {"quote/unattributed": "off", "repeat/quote": "error"},
            "inlayHints": {"speakers": true}
        }));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(settings.config.severity(Check::QuoteUnattributed), None);
        assert_eq!(
            settings.config.severity(Check::RepeatQuote),
            Some(Severity::Error)
        );
        assert_eq!(
            settings.config.severity(Check::NameTitle),
            Some(Check::NameTitle.default_severity())
        );
        assert!(settings.speaker_hints);
    }

    #[test]
    fn the_copydesk_envelope_is_unwrapped() {
        let (settings, _) = resolve(json!({"copydesk": {"checks": {"name/title": "hint"}}}));
        assert_eq!(
            settings.config.severity(Check::NameTitle),
            Some(Severity::Hint)
        );
    }

    #[test]
    fn unknown_codes_get_a_suggestion_and_the_rest_still_applies() {
        let (settings, problems) = resolve(json!({
            "checks": {"quote/unatributed": "off", "name/title": "loud", "repeat/quote": "info"}
        }));
        assert_eq!(
            problems,
            [
                "copydesk: `loud` is not a severity for `name/title`; expected one of error, warning, info, hint, off",
                "copydesk: unknown check `quote/unatributed` in settings; did you mean `quote/unattributed`?",
            ]
        );
        assert_eq!(
            settings.config.severity(Check::RepeatQuote),
            Some(Severity::Info)
        );
        assert!(settings.config.severity(Check::QuoteUnattributed).is_some());
    }

    #[test]
    fn malformed_settings_are_an_error_not_a_panic() {
        for bad in [
            json!({"checks": ["quote/unattributed"]}),
            json!({"cheks": {}}),
            json!(42),
            json!({"inlayHints": {"speakers": "yes"}}),
        ] {
            let err = parse(Some(&bad)).err().expect("an error");
            assert!(err.starts_with("copydesk: settings ignored: "), "{err}");
        }
    }

    #[test]
    fn null_means_no_settings() {
        assert!(matches!(parse(None), Ok(Parsed::Absent)));
        assert!(matches!(parse(Some(&Value::Null)), Ok(Parsed::Absent)));
        assert!(matches!(parse(Some(&json!([]))), Ok(Parsed::Absent)));
        assert!(matches!(
            parse(Some(&json!({"copydesk": null}))),
            Ok(Parsed::Absent)
        ));
        let (settings, problems) = resolve(json!({}));
        assert_eq!(settings, Settings::default());
        assert!(problems.is_empty());
    }
}
