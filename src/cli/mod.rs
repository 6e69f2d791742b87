//! The command line: `copydesk check`, `copydesk rules`, `copydesk explain`,
//! `copydesk init`.
//!
//! [`Cli`] is the clap definition and [`run`] dispatches it. `run` never
//! touches the process's standard streams itself: `main` hands it a
//! [`Streams`] (and says whether each stream gets colours), so the whole
//! command line can be driven from tests, and the library never prints.
//!
//! Exit status ([`Status`]): 0 when no finding reaches the failing severity,
//! 1 when one does (with `--diff`: when there is something to fix), 2 when a
//! file could not be checked or fixed, or the command line is wrong. A file
//! that cannot be checked does not stop the others; it is reported on stderr
//! as `error: PATH: what went wrong` and the run ends with 2.
//!
//! `check` itself lives in [`check`] (parallel checking, ordering, summary),
//! [`walk`] (which files), [`fix`] (`--fix`, `--diff`) and [`report`] (the
//! output formats).

use std::io::{self, Read, Write};
use std::path::PathBuf;

use annotate_snippets::renderer::{AnsiColor, Style};
use clap::{Args, Parser, Subcommand, ValueEnum};

use copydesk_core::finding::Severity;

pub mod budget;
pub mod check;
pub mod docs;
pub mod fix;
pub mod house;
pub mod report;
pub mod walk;

use report::Format;

/// Checks news-wire copy: unattributed quotes, inconsistent names and
/// titles, repeated paragraphs and quotes.
#[derive(Debug, Parser)]
#[command(name = "copydesk", version, max_term_width = 100)]
pub struct Cli {
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true)]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts and report findings.
    Check(CheckArgs),
    /// List every check and house rule in effect for a draft or folder:
    /// code, family, severity, where the severity was set, summary.
    Rules(house::RulesArgs),
    /// Explain a check or house rule: what it flags, why, an example, what
    /// passes.
    Explain(house::ExplainArgs),
    /// Write a commented starter copydesk.toml.
    Init(house::InitArgs),
    /// Run the language server on stdin/stdout (for editors).
    Lsp,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and folders to check (folders recursively: .txt, .md and
    /// .markdown files not ignored by .gitignore or .copydeskignore); `-`
    /// reads standard input. With no path, the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Exit with 1 when a finding has this severity or a more severe one.
    #[arg(long, value_enum, default_value_t = FailOn::Warning, value_name = "SEVERITY")]
    pub fail_on: FailOn,

    /// The name to report standard input under; its extension picks plain
    /// text or Markdown.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,

    /// Do not print the summary line (or a progress bar) on stderr.
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub run: check::RunArgs,

    #[command(flatten)]
    pub fix: fix::FixArgs,

    #[command(flatten)]
    pub config: house::ConfigArgs,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when the stream is a terminal (and `NO_COLOR` is not set).
    Auto,
    Always,
    Never,
}

impl ColorWhen {
    pub fn choice(self) -> anstream::ColorChoice {
        match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        }
    }
}

/// `--fail-on`: the least severe finding that fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Hint,
    /// Exit 0 whatever is found (I/O and usage errors still exit 2).
    Never,
}

impl FailOn {
    /// Whether a finding of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        let threshold = match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
            FailOn::Hint => Severity::Hint,
            FailOn::Never => return false,
        };
        severity <= threshold
    }
}

/// How a run ended; [`Status::code`] is the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Nothing reached the failing severity.
    Clean,
    /// A finding reached the failing severity.
    Findings,
    /// A usage error, or an input that could not be checked.
    Error,
}

impl Status {
    pub fn code(self) -> u8 {
        match self {
            Status::Clean => 0,
            Status::Findings => 1,
            Status::Error => 2,
        }
    }
}

/// The standard streams, as `main` hands them over.
pub struct Streams<'a> {
    pub stdin: &'a mut dyn Read,
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    /// Whether to colour what goes to stdout.
    pub color_stdout: bool,
    /// Whether to colour what goes to stderr.
    pub color_stderr: bool,
    /// Whether a long run may draw a progress bar on the process's stderr
    /// (it is a terminal).
    pub progress: bool,
    /// Columns the human format fits its lines to
    /// ([`report::human::terminal_width`]).
    pub width: usize,
}

impl Streams<'_> {
    /// `error: message` on stderr.
    fn error(&mut self, message: impl std::fmt::Display) -> io::Result<()> {
        let style = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
        self.prefixed(style, "error", message)
    }

    fn warning(&mut self, message: impl std::fmt::Display) -> io::Result<()> {
        let style = Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold();
        self.prefixed(style, "warning", message)
    }

    fn prefixed(
        &mut self,
        style: Style,
        label: &str,
        message: impl std::fmt::Display,
    ) -> io::Result<()> {
        if self.color_stderr {
            writeln!(self.stderr, "{style}{label}{style:#}: {message}")
        } else {
            writeln!(self.stderr, "{label}: {message}")
        }
    }
}

/// Run a parsed command line. An `Err` is a failure to write the output
/// (a closed pipe, a full disk); everything else is reported on the streams
/// and reflected in the [`Status`].
pub fn run(cli: &Cli, streams: &mut Streams<'_>) -> io::Result<Status> {
    match &cli.command {
        Command::Check(args) => check_command(args, streams),
        Command::Rules(args) => house::rules(args, streams),
        Command::Explain(args) => house::explain(args, streams),
        Command::Init(args) => house::init(args, streams),
        // The server owns the process's stdin/stdout, so `main` starts it
        // (`copydesk::lsp::run_stdio`) before any stream is locked.
        Command::Lsp => {
            streams.error(format_args!(
                "`copydesk lsp` needs the process's own stdin and stdout"
            ))?;
            Ok(Status::Error)
        }
    }
}

pub(crate) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn check_command(args: &CheckArgs, streams: &mut Streams<'_>) -> io::Result<Status> {
    let mut loader = crate::config::Loader::new(args.config.source());
    check::run(args, &mut loader, streams)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_on_compares_severities() {
        assert!(FailOn::Warning.fails(Severity::Error));
        assert!(FailOn::Warning.fails(Severity::Warning));
        assert!(!FailOn::Warning.fails(Severity::Info));
        assert!(FailOn::Hint.fails(Severity::Hint));
        assert!(!FailOn::Error.fails(Severity::Warning));
        assert!(!FailOn::Never.fails(Severity::Error));
    }

    #[test]
    fn status_codes() {
        assert_eq!(
            [Status::Clean, Status::Findings, Status::Error].map(Status::code),
            [0, 1, 2]
        );
    }
}
