//! The `copydesk` package: the command line ([`cli`]), the language server
//! ([`lsp`]) and configuration files on disk ([`config`]), on top of the
//! engine in `copydesk-core`, which this crate re-exports for convenience.
//!
//! ```
//! use copydesk::{check, Config, DocKind};
//!
//! let draft = "\"We will not back down.\" The talks resumed on Monday.\n";
//! let findings = check(draft, DocKind::Plain, &Config::default());
//! assert_eq!(findings[0].code.as_str(), "quote/unattributed");
//! ```

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod config;
pub mod lsp;

pub use copydesk_core::{
    check, checks, document, finding, line_index, style, suppress, text, Analysis, Check, Config,
    DocKind, Document, Edit, Family, Finding, Fix, Related, Safety, Session, Severity,
};
