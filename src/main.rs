//! The `copydesk` binary: parse the command line, send logs to stderr, hand
//! the standard streams to [`copydesk::cli::run`] (or to the language server
//! for `copydesk lsp`) and turn the outcome into an exit code (see
//! [`copydesk::cli::Status`]).

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anstream::AutoStream;
use clap::Parser;
use copydesk::cli::{self, Cli, Status, Streams};

// The checks allocate many small, short-lived strings and vectors; mimalloc
// reuses freed pages where the system allocator returns them to the kernel
// and faults fresh zeroed ones in (a third of a 1 MB check's time). Without
// transparent huge pages (`no_thp`): with them the idle language server's
// resident size doubled, to 21 MB.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // `--help` and `--version` are not errors; usage errors exit 2.
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(Status::Error.code())
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    init_tracing();
    if let cli::Command::Lsp = cli.command {
        // The protocol owns stdin/stdout: nothing else may lock them.
        return copydesk::lsp::run_stdio();
    }

    let choice = cli.color.choice();
    let stdout = AutoStream::new(io::stdout().lock(), choice);
    let mut stderr = AutoStream::new(io::stderr().lock(), choice);
    let color_stdout = stdout.current_choice() != anstream::ColorChoice::Never;
    let color_stderr = stderr.current_choice() != anstream::ColorChoice::Never;
    // Reporters style their output only when told to, so an uncoloured
    // stdout needs no escape-stripping adapter, which would scan every byte
    // of a large JSON or SARIF report.
    let stdout: Box<dyn Write> = if color_stdout {
        Box::new(stdout)
    } else {
        Box::new(stdout.into_inner())
    };
    let mut stdout = BufWriter::new(stdout);
    let mut streams = Streams {
        stdin: &mut io::stdin().lock(),
        stdout: &mut stdout,
        stderr: &mut stderr,
        color_stdout,
        color_stderr,
        progress: io::stderr().is_terminal(),
        width: cli::report::human::terminal_width(
            std::env::var("COLUMNS").ok().as_deref(),
            terminal_size::terminal_size_of(io::stdout()).map(|(w, _)| usize::from(w.0)),
        ),
    };
    let result = cli::run(&cli, &mut streams);
    // The last of the report is still in the buffer: a write error there
    // counts as much as one during the run.
    let result = result.and_then(|status| stdout.flush().map(|()| status));
    match result {
        Ok(status) => ExitCode::from(status.code()),
        // A reader that stopped early (`copydesk check | head`) got part of
        // the report: say so, or a script would take it for the whole.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {
            let _ = writeln!(
                io::stderr(),
                "error: cannot write output: the reader closed it; the report is incomplete"
            );
            ExitCode::from(Status::Error.code())
        }
        Err(err) => {
            let _ = writeln!(
                io::stderr(),
                "error: cannot write output: {}",
                cli::walk::io_message(&err)
            );
            ExitCode::from(Status::Error.code())
        }
    }
}

/// Logs go to stderr (stdout carries reports, and the LSP protocol), at
/// `warn` unless `COPYDESK_LOG` says otherwise (e.g. `COPYDESK_LOG=debug`).
fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("COPYDESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(io::stderr)
        .with_ansi(false)
        .init();
}
