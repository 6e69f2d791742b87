//! Repository chores, run as `cargo xtask TASK` (the alias is in
//! .cargo/config.toml). Nothing here ships: the tasks write files the
//! repository commits, from the same code the `copydesk` binary runs.
//!
//! - `cargo xtask docs` rewrites docs/rules.md, copydesk.schema.json and the generated blocks of
//!   README.md ([`docs`]); `cargo xtask docs --check` changes nothing and
//!   exits 1 when one of them is stale. `cargo test` runs the same check.

// A developer's tool: the terminal is its only output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

mod docs;

const USAGE: &str = "usage: cargo xtask docs [--check]

  docs           rewrite docs/rules.md, the generated blocks of README.md
                 and copydesk.schema.json
  docs --check   change nothing; fail when one of them is out of date";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mode = match args.as_slice() {
        ["docs"] => docs::Mode::Write,
        ["docs", "--check"] => docs::Mode::Check,
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match docs::run(docs::repository_root(), mode) {
        Ok(report) => {
            for line in &report.lines {
                println!("{line}");
            }
            if report.stale {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}
