//! Resolved configuration: what the checks read.
//!
//! The house-style file (`copydesk.toml`) is parsed strictly into a wire
//! format and resolved once into this [`Config`]; the checks never see TOML.
//! With no file, [`Config::default`] gives every check at its registry
//! severity and the thresholds documented on [`Thresholds`].

use crate::checks::Check;
use crate::finding::Severity;

/// Tunable numbers. Each default was chosen on the research corpus (see
/// docs/design.md) and is overridable per newsroom.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// A quote needs attribution from this many words (shorter ones are
    /// scare quotes or quoted terms).
    pub min_attributed_quote_words: usize,
    /// Weighted content-word similarity at which a later paragraph counts as
    /// restating an earlier one.
    pub restated_paragraph: f64,
    /// Shortest quoted passage, in words, whose repetition is reported.
    pub min_repeated_quote_words: usize,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            min_attributed_quote_words: 3,
            restated_paragraph: 0.6,
            min_repeated_quote_words: 5,
        }
    }
}

/// Everything the checks need to know about the newsroom's preferences.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Per check: `None` when the check is off.
    severities: [Option<Severity>; Check::ALL.len()],
    pub thresholds: Thresholds,
    /// People exempt from `name/first-reference` (`Pope Francis`), as written.
    pub well_known: Vec<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            severities: Check::ALL.map(|c| Some(c.info().default_severity)),
            thresholds: Thresholds::default(),
            well_known: Vec::new(),
        }
    }
}

impl Config {
    /// The severity `check` reports at, or `None` when it is off.
    pub fn severity(&self, check: Check) -> Option<Severity> {
        self.severities[check as usize]
    }

    /// Set a check's severity; `None` turns it off.
    pub fn set_severity(&mut self, check: Check, severity: Option<Severity>) {
        self.severities[check as usize] = severity;
    }
}
