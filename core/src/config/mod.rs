//! Resolved configuration: what the checks read.
//!
//! The house-style file (`copydesk.toml`, or `.copydesk.toml`) is read in
//! two layers (STYLE habit 6): [`wire`] is the strict serde format of the
//! file (unknown keys refused, kebab-case, byte spans kept), and
//! [`resolve`] turns it, once, into this [`Config`]: regexes compiled,
//! codes checked against the registry, presets and `extends` layered, every
//! setting tagged with the [`Origin`] that set it. The checks never see
//! TOML. With no file, [`Config::default`] gives every check at its registry
//! severity and the thresholds documented on [`Thresholds`].
//!
//! Finding the file for a draft, reading it and the files it extends from
//! disk, and caching it per folder is the `copydesk` package's job: the
//! engine reads files only through [`resolve::Files`].
//! A bad file is a [`ConfigError`] naming the file, line and column and
//! what was expected.

use std::fmt;
use std::path::{Path, PathBuf};

pub use crate::codes::Origin;
use crate::codes::Selector;
use crate::codes::{Check, Severity};
pub use crate::document::Marks;
pub use crate::style::KnownPerson;
use crate::style::Rule;

pub mod resolve;
pub mod wire;

pub use resolve::{preset, Files, NoFiles, Resolved, PRESETS};

/// Phrases whose findings of some code are dropped (`[ignore]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore {
    pub selector: Selector,
    pub phrases: Vec<String>,
}

/// A configuration file that could not be used: where, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file as the user knows it (`desk/copydesk.toml`), or
    /// `<preset NAME>`.
    pub path: String,
    /// 1-based line and column (in characters) of the offending text, when
    /// the error is about a place in the file.
    pub location: Option<(usize, usize)>,
    /// What was wrong and what was expected.
    pub message: String,
    /// Configuration files read before the error, so an editor can watch
    /// them and retry when one changes.
    pub files: Vec<PathBuf>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

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
    /// The house's own speech verbs, lowercase, on top of the built-in
    /// ones: they credit quotes like `said`.
    pub speech_verbs: Vec<String>,
    /// Extra titles of office (`Foreign Secretary`), for the name checks.
    pub titles: Vec<String>,
    /// People with the house spelling of their name.
    pub people: Vec<KnownPerson>,
    /// Whether a quote paragraph right after a credited quote paragraph
    /// needs its own credit (`[quotes] new-paragraph-credit`; wire style and
    /// SPEC §2, so on by default and not inferred from the draft: see
    /// docs/design.md).
    pub new_paragraph_credit: bool,
    /// Which quotation marks quote (`[quotes] marks`); `None` (`auto`, the
    /// default) lets each draft's own usage decide.
    pub quote_marks: Option<Marks>,
    /// House rules, in the order they were defined.
    pub rules: Vec<Rule>,
    /// Phrases whose findings are dropped, per code.
    pub ignore: Vec<Ignore>,
    /// Where each check's severity was set, in [`Check`] order.
    origins: [Origin; Check::ALL.len()],
    /// The configuration files read to build this, in reading order.
    pub files: Vec<PathBuf>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            severities: Check::ALL.map(|c| Some(c.default_severity())),
            thresholds: Thresholds::default(),
            well_known: Vec::new(),
            speech_verbs: Vec::new(),
            titles: Vec::new(),
            people: Vec::new(),
            new_paragraph_credit: true,
            quote_marks: None,
            rules: Vec::new(),
            ignore: Vec::new(),
            origins: Check::ALL.map(|_| Origin::Default),
            files: Vec::new(),
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

    /// Where `check`'s severity was set.
    pub fn origin(&self, check: Check) -> &Origin {
        &self.origins[check as usize]
    }

    pub fn set_origin(&mut self, check: Check, origin: Origin) {
        self.origins[check as usize] = origin;
    }

    /// The house rule with code `code` (`style/NAME`).
    pub fn rule(&self, code: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| &*r.code == code)
    }

    /// The configuration a single TOML text gives, read as the file `path`
    /// (which names it in errors). Presets may be extended; other files may
    /// not, since the engine reads none (`copydesk::config::from_toml` does).
    pub fn from_toml(text: &str, path: impl AsRef<Path>) -> Result<Config, ConfigError> {
        resolve::from_text(text, path.as_ref(), &NoFiles)
    }
}
