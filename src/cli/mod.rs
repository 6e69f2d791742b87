//! The command line: `copydesk check`, `copydesk rules`, `copydesk explain`,
//! `copydesk init`.
//!
//! [`Cli`] is the clap definition and [`run`] dispatches it. `run` never
//! touches the process's standard streams itself: `main` hands it a
//! [`Streams`] (and says whether each stream gets colours), so the whole
//! command line can be driven from tests, and the library never prints.
//!
//! Exit status ([`Status`]): 0 when no finding reaches the failing severity,
//! 1 when one does, 2 when a file could not be checked or the command line is
//! wrong. A file that cannot be checked does not stop the others; it is
//! reported on stderr as `error: PATH: what went wrong` and the run ends
//! with 2.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use annotate_snippets::renderer::{AnsiColor, Style};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::Loader;
use crate::document::DocKind;
use crate::finding::{Finding, Severity};
use crate::line_index::LineIndex;

pub mod docs;
pub mod house;
pub mod report;
pub mod walk;

use report::{CheckedFile, Format};
use walk::Input;

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
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and folders to check (folders recursively: .txt, .md and
    /// .markdown files not ignored by .gitignore); `-` reads standard input.
    /// With no path, the current folder.
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

    /// Do not print the summary line on stderr.
    #[arg(short, long)]
    pub quiet: bool,

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
        Command::Check(args) => check(args, streams),
        Command::Rules(args) => house::rules(args, streams),
        Command::Explain(args) => house::explain(args, streams),
        Command::Init(args) => house::init(args, streams),
    }
}

/// Counts for the summary line and the exit status.
#[derive(Debug, Default)]
struct Tally {
    files: usize,
    unreadable: usize,
    by_severity: [usize; Severity::ALL.len()],
    failing: bool,
}

impl Tally {
    fn add(&mut self, findings: &[Finding], fail_on: FailOn) {
        self.files += 1;
        for finding in findings {
            self.by_severity[finding.severity as usize] += 1;
            self.failing |= fail_on.fails(finding.severity);
        }
    }

    fn status(&self) -> Status {
        if self.unreadable > 0 {
            Status::Error
        } else if self.failing {
            Status::Findings
        } else {
            Status::Clean
        }
    }

    /// `checked 3 files: 1 error, 2 warnings; 1 file could not be checked`
    fn summary(&self) -> String {
        let counts: Vec<String> = Severity::ALL
            .iter()
            .zip(self.by_severity)
            .filter(|(_, n)| *n > 0)
            .map(|(sev, n)| plural(n, sev.as_str()))
            .collect();
        let found = if counts.is_empty() {
            "no findings".to_owned()
        } else {
            counts.join(", ")
        };
        let mut line = format!("checked {}: {found}", plural(self.files, "file"));
        if self.unreadable > 0 {
            line += &format!("; {} could not be checked", plural(self.unreadable, "file"));
        }
        line
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn check(args: &CheckArgs, streams: &mut Streams<'_>) -> io::Result<Status> {
    if args.paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        streams.error("`-` (standard input) can be given only once")?;
        return Ok(Status::Error);
    }
    let inputs = inputs(&args.paths, streams)?;

    let mut loader = Loader::new(args.config.source());
    // Each bad configuration file is reported once, however many drafts
    // it governs.
    let mut config_errors = std::collections::HashSet::new();
    let mut reporter = report::reporter(args.format, streams.color_stdout);
    let mut tally = Tally::default();
    for input in inputs {
        let input = match input {
            Ok(input) => input,
            Err(err) => {
                tally.unreadable += 1;
                streams.error(err)?;
                continue;
            }
        };
        let name = walk::display_name(&input, args.stdin_filename.as_deref());
        let text = match walk::read(&input, &name, streams.stdin) {
            Ok(text) => text,
            Err(err) => {
                tally.unreadable += 1;
                streams.error(err)?;
                continue;
            }
        };
        let kind = match (&input, &args.stdin_filename) {
            (Input::File(path), _) => DocKind::from_path(path),
            (Input::Stdin, Some(name)) => DocKind::from_path(name),
            (Input::Stdin, None) => DocKind::Plain,
        };
        let config_path = match &input {
            Input::File(path) => path.clone(),
            Input::Stdin => args.stdin_filename.clone().unwrap_or_else(|| "-".into()),
        };
        let config = match loader.config_for(&config_path) {
            Ok(config) => config,
            Err(err) => {
                tally.unreadable += 1;
                let message = err.to_string();
                if config_errors.insert(message.clone()) {
                    streams.error(message)?;
                }
                continue;
            }
        };
        let findings = crate::check(&text, kind, &config);
        tracing::debug!(path = %name, bytes = text.len(), findings = findings.len(), "checked");
        tally.add(&findings, args.fail_on);
        let index = LineIndex::new(&text);
        let file = CheckedFile {
            path: &name,
            text: &text,
            index: &index,
            findings: &findings,
        };
        reporter.file(streams.stdout, &file)?;
        // Show each file's findings as soon as they are known.
        streams.stdout.flush()?;
    }
    reporter.finish(streams.stdout)?;
    streams.stdout.flush()?;
    if args.format == Format::Human && !args.quiet {
        writeln!(streams.stderr, "{}", tally.summary())?;
    }
    Ok(tally.status())
}

/// The inputs of `paths`, or of the current folder when there are none.
/// A folder named on the command line with no drafts in it is most likely a
/// wrong path, so it gets a warning (not an error: an empty drafts folder is
/// fine).
fn inputs(
    paths: &[PathBuf],
    streams: &mut Streams<'_>,
) -> io::Result<Vec<Result<Input, walk::InputError>>> {
    if paths.is_empty() {
        // Report `story.txt`, not `./story.txt`, for the implicit folder.
        let unprefix = |input| match input {
            Input::File(p) => Input::File(p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p)),
            other => other,
        };
        let inputs = walk::expand(&[PathBuf::from(".")]);
        return Ok(inputs.into_iter().map(|i| i.map(unprefix)).collect());
    }
    let mut inputs = Vec::new();
    for path in paths {
        let found = walk::expand(std::slice::from_ref(path));
        if path.is_dir() && !found.iter().any(Result::is_ok) {
            streams.warning(format_args!(
                "{}: no .txt, .md or .markdown files found",
                path.display()
            ))?;
        }
        inputs.extend(found);
    }
    Ok(inputs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Check;

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
    fn summary_counts_per_severity_and_unreadable_files() {
        let mut tally = Tally::default();
        assert_eq!(tally.summary(), "checked 0 files: no findings");
        let finding = |severity| Finding {
            severity,
            ..Finding::new(Check::QuoteUnattributed, 0..1, "m")
        };
        tally.add(
            &[
                finding(Severity::Warning),
                finding(Severity::Error),
                finding(Severity::Warning),
            ],
            FailOn::Error,
        );
        tally.add(&[], FailOn::Error);
        assert_eq!(tally.summary(), "checked 2 files: 1 error, 2 warnings");
        assert_eq!(tally.status(), Status::Findings);
        tally.unreadable = 1;
        assert_eq!(
            tally.summary(),
            "checked 2 files: 1 error, 2 warnings; 1 file could not be checked"
        );
        assert_eq!(tally.status(), Status::Error);
    }

    #[test]
    fn status_codes() {
        assert_eq!(
            [Status::Clean, Status::Findings, Status::Error].map(Status::code),
            [0, 1, 2]
        );
    }
}
