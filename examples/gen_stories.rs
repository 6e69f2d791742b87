//! Write generated, wire-like stories for benchmarks (the same generator as
//! `cargo bench --bench engine`; see `benches/support/stories.rs`):
//!
//! ```sh
//! cargo run --release --example gen_stories -- folder DIR STORIES
//! cargo run --release --example gen_stories -- file PATH BYTES
//! ```
//!
//! `folder` writes STORIES stories into desk folders under DIR (every fifth
//! one Markdown); `file` writes one plain-text draft of at least BYTES
//! bytes. The output is the same on every run. Prints the bytes written.

#[path = "../benches/support/stories.rs"]
mod stories;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_stories folder DIR STORIES | gen_stories file PATH BYTES";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let written = match args.as_slice() {
        [what, path, n] => match (what.as_str(), n.parse::<usize>()) {
            ("folder", Ok(stories)) => {
                let dir = PathBuf::from(path);
                std::fs::create_dir_all(&dir).map(|()| stories::write_folder(&dir, stories))
            }
            ("file", Ok(bytes)) => {
                let text = stories::long_document_text(bytes);
                std::fs::write(path, &text).map(|()| text.len())
            }
            _ => return usage(),
        },
        _ => return usage(),
    };
    match written {
        Ok(bytes) => {
            let _ = writeln!(std::io::stdout(), "{bytes}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "gen_stories: {err}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    let _ = writeln!(std::io::stderr(), "{USAGE}");
    ExitCode::from(2)
}
