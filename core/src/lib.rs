//! The copydesk engine: it checks news-wire copy the way a desk editor reads
//! it — direct quotes nobody is credited with, a person whose name or title
//! changes halfway through, a surname before the full name, and paragraphs
//! or quotes that say again what was said before.
//!
//! The engine is pure: a [`Session`] takes a draft's text and a resolved
//! [`Config`] and returns the parsed [`Document`] and its [`Finding`]s with
//! byte ranges, keeping what it learnt for the next draft ([`check`] is the
//! one-off form). It does no file or terminal I/O and knows nothing of the
//! language server; the `copydesk` package (CLI, LSP, configuration files
//! on disk) is built on top of it.
//!
//! ```
//! use copydesk_core::{check, Config, DocKind};
//!
//! let draft = "\"We will not back down.\" The talks resumed on Monday.\n";
//! let findings = check(draft, DocKind::Plain, &Config::default());
//! assert_eq!(findings[0].code.as_str(), "quote/unattributed");
//! ```

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub(crate) mod cache;
pub mod checks;
pub mod codes;
pub mod config;
pub mod document;
pub mod engine;
pub mod finding;
pub(crate) mod lexicon;
pub mod line_index;
pub mod style;
pub mod suppress;
pub mod text;

pub use codes::{Check, Code, Family, Origin, Selector, Severity};
pub use config::Config;
pub use document::{DocKind, Document};
pub use engine::{Analysis, Session};
pub use finding::{Edit, Finding, Fix, Related, Safety};

/// Check a draft: parse it and run every enabled check, in a fresh
/// [`Session`] (so with cold caches: a caller that checks many drafts, or
/// one draft many times, should keep a session instead).
pub fn check(text: &str, kind: DocKind, config: &Config) -> Vec<Finding> {
    Session::new().check(config, text, kind)
}
