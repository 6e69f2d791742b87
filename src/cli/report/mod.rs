//! Reporters: how the findings of `copydesk check` are written to stdout.
//!
//! The check loop hands each checked file to a [`Reporter`] in path order as
//! soon as it and every file before it are checked, and calls
//! [`Reporter::finish`] once at the end, so a streaming format (human, JSON
//! lines, GitHub annotations, reviewdog) writes at once and a document format
//! (a JSON array, a SARIF log) can collect first. Adding a format is one file
//! here and one [`Format`] variant.
//!
//! Reporters only turn byte ranges into positions through
//! [`copydesk_core::line_index::LineIndex`]; they never look inside the checks.

use std::io::{self, Write};

use copydesk_core::finding::Finding;
use copydesk_core::line_index::LineIndex;

pub mod github;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod rdjsonl;
pub mod sarif;

/// Output formats of `copydesk check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-like: the message, the source line and a caret under the range.
    Human,
    /// One JSON array of findings, for tools.
    Json,
    /// One JSON finding per line, written as each file is checked.
    Jsonl,
    /// A SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// reviewdog's diagnostic format, one JSON diagnostic per line.
    Rdjsonl,
}

/// What reporters need to know beyond the format.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Whether to emit terminal colours (human only).
    pub styled: bool,
    /// GitHub annotations of each level (error, warning, notice) to emit.
    pub max_annotations: usize,
    /// Columns the human format fits its lines to
    /// ([`human::terminal_width`]).
    pub width: usize,
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

    /// A file that could not be checked, in its place in the order. Its
    /// error line goes to stderr whatever the format; formats that carry
    /// run notifications (SARIF) also record it.
    fn unreadable(&mut self, _path: &str, _message: &str) {}

    /// Called once after the last file.
    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()>;

    /// What the format left out, for the summary line on stderr.
    fn left_out(&self) -> Option<String> {
        None
    }
}

/// The reporter for `format`.
pub fn reporter(format: Format, options: &Options) -> Box<dyn Reporter> {
    match format {
        Format::Human => Box::new(human::Human::new(options.styled).width(options.width)),
        Format::Json => Box::new(json::Json::default()),
        Format::Jsonl => Box::new(jsonl::Jsonl),
        Format::Sarif => Box::new(sarif::Sarif::default()),
        Format::Github => Box::new(github::Github::new(options.max_annotations)),
        Format::Rdjsonl => Box::new(rdjsonl::Rdjsonl),
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! A hand-made draft with findings of every shape, so the reporters are
    //! tested whatever the checks currently find.
    use copydesk_core::checks::Check;
    use copydesk_core::finding::{Edit, Finding, Fix, Safety, Severity};
    use copydesk_core::line_index::LineIndex;

    use super::{CheckedFile, Reporter};

    /// The path the test draft is reported under; it has a comma and a
    /// colon, which some formats must escape.
    pub const PATH: &str = "drafts/talks, day 2:final.txt";

    /// What `reporter` writes for the test draft and its findings.
    pub fn render(reporter: &mut dyn Reporter) -> String {
        render_as(PATH, reporter)
    }

    /// The same, with the draft reported under `path`.
    pub fn render_as(path: &str, reporter: &mut dyn Reporter) -> String {
        with_file(path, |file| {
            let mut out = Vec::new();
            reporter.file(&mut out, file).unwrap();
            reporter.finish(&mut out).unwrap();
            String::from_utf8(out).unwrap()
        })
    }

    /// `f` of the test draft, checked, under `path`.
    pub fn with_file<R>(path: &str, f: impl FnOnce(&CheckedFile<'_>) -> R) -> R {
        let index = LineIndex::new(DRAFT);
        let findings = findings();
        f(&CheckedFile {
            path,
            text: DRAFT,
            index: &index,
            findings: &findings,
        })
    }

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
