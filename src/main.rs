//! The `copydesk` binary. (Minimal until the CLI lands: only `copydesk lsp`.)

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(name = "copydesk", version, about = "Checks news-wire copy")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the language server on stdin/stdout.
    Lsp,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Stdout belongs to the protocol: logs go to stderr, quiet by default
    // (COPYDESK_LOG=debug for more).
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_env_filter(
            EnvFilter::try_from_env("COPYDESK_LOG").unwrap_or_else(|_| EnvFilter::new("warn")),
        )
        .init();
    match cli.command {
        Command::Lsp => copydesk::lsp::run_stdio(),
    }
}
