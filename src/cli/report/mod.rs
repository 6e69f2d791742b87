//! Reporters: how the findings of `copydesk check` are written to stdout.
//!
//! The check loop hands each checked file to a [`Reporter`] as it goes and
//! calls [`Reporter::finish`] once at the end, so a streaming format (human)
//! writes at once and a document format (a JSON array) can collect first.
//! Adding a format (SARIF, GitHub annotations, JSON lines) is one file here
//! and one [`Format`] variant.
//!
//! Reporters only turn byte ranges into positions through
//! [`crate::line_index::LineIndex`]; they never look inside the checks.

use std::io::{self, Write};

use crate::finding::Finding;
use crate::line_index::LineIndex;

pub mod human;
pub mod json;

/// Output formats of `copydesk check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-like: the message, the source line and a caret under the range.
    Human,
    /// One JSON array of findings, for tools.
    Json,
}

/// A checked draft and its findings, as a reporter sees it.
#[derive(Debug, Clone, Copy)]
pub struct CheckedFile<'a> {
    /// The path as the user named it (or the `--stdin-filename`).
    pub path: &'a str,
    pub text: &'a str,
    pub index: &'a LineIndex<'a>,
    pub findings: &'a [Finding],
}

/// Writes findings in one format.
pub trait Reporter {
    /// Report one checked file (called for every file, also those without
    /// findings).
    fn file(&mut self, out: &mut dyn Write, file: &CheckedFile<'_>) -> io::Result<()>;

    /// Called once after the last file.
    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()>;
}

/// The reporter for `format`. `styled`: whether to emit terminal colours.
pub fn reporter(format: Format, styled: bool) -> Box<dyn Reporter> {
    match format {
        Format::Human => Box::new(human::Human::new(styled)),
        Format::Json => Box::new(json::Json::default()),
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! A hand-made draft with findings of every shape, so the reporters are
    //! tested whatever the checks currently find.
    use crate::checks::Check;
    use crate::finding::{Edit, Finding, Fix, Safety, Severity};

    pub const DRAFT: &str = "The minister spoke on Monday.\r\n\
\"We will not back down,\" she said. Aid groups welcomed the move.\r\n\
Zoë Adeyemi 👍 said the talks would resume. \"We will not back down.\"\n";

    fn range_of(needle: &str, nth: usize) -> std::ops::Range<usize> {
        let start = DRAFT.match_indices(needle).nth(nth).expect("needle").0;
        start..start + needle.len()
    }

    pub fn findings() -> Vec<Finding> {
        let second_line = range_of("\"We will not back down,\" she said.", 0);
        let repeat = range_of("\"We will not back down.\"", 0);
        let emoji = range_of("👍", 0);
        let mut unattributed = Finding::new(
            Check::QuoteUnattributed,
            repeat.clone(),
            "this quote is not attributed to anyone",
        );
        unattributed.severity = Severity::Error;
        let mut hint = Finding::new(Check::NameFirstReference, emoji.clone(), "an emoji");
        hint.severity = Severity::Hint;
        vec![
            hint,
            Finding::new(
                Check::RepeatQuote,
                repeat.clone(),
                "this quote was already used in paragraph 2",
            )
            .with_related(second_line, "paragraph 2 uses it first")
            .with_fix(Fix::new(
                "delete the repeated quote",
                Safety::Unsafe,
                vec![Edit {
                    range: repeat.start - 1..repeat.end,
                    replacement: String::new(),
                }],
            )),
            unattributed,
        ]
    }
}
