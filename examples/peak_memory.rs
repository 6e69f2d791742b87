//! Peak memory per input byte of checking a draft (issue 13's memory
//! budget): what the command line's budget
//! ([`copydesk::cli::PEAK_BYTES_PER_BYTE`]) must cover. Each draft is read,
//! then parsed and checked with no configuration on a fresh session, as one
//! `copydesk check` worker does; the example prints the growth of the
//! process's peak resident set (`VmHWM`, reset before each draft through
//! `/proc/self/clear_refs`) divided by the draft's size. The allocator is the
//! binary's (mimalloc), so the figure is what the binary needs. Linux only.
//!
//! ```sh
//! cargo run --release --example peak_memory -- DRAFT.txt [DRAFT.md …]
//! ```
//!
//! The draft's text is read before the measurement starts; the budget adds
//! it (and the reader's copy) on top. A measurement, not a test: run it
//! after changes to the engine and update docs/performance.md.

// A report on stdout is what this tool is for.
#![allow(clippy::print_stdout)]

use copydesk_core::{Config, DocKind, Session};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        println!("usage: peak_memory DRAFT [DRAFT…]");
        std::process::exit(2);
    }
    if paths.len() > 1 {
        // The peak resident set only grows while the allocator keeps what
        // a large draft freed, so each draft is measured in a process of
        // its own.
        let me = std::env::current_exe().expect("the example's own path");
        for (i, path) in paths.iter().enumerate() {
            let out = std::process::Command::new(&me)
                .arg(path)
                .output()
                .expect("the example runs");
            let report = String::from_utf8_lossy(&out.stdout);
            let skip = usize::from(i > 0);
            for line in report.lines().skip(skip) {
                println!("{line}");
            }
        }
        return;
    }
    let config = Config::default();
    // Warm the word lists and compiled patterns first: they are per
    // process, not per byte.
    let _ = Session::new().check(&config, "Warm up, he said.\n", DocKind::Markdown);
    println!(
        "{:>12} {:>12} {:>8} {:>9}  draft",
        "bytes", "peak (KiB)", "per byte", "findings"
    );
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let kind = DocKind::from_path(std::path::Path::new(&path));
        std::fs::write("/proc/self/clear_refs", "5").expect("Linux: /proc/self/clear_refs");
        let before = status_kib("VmRSS:");
        let findings = Session::new().check(&config, &text, kind).len();
        let peak = status_kib("VmHWM:").saturating_sub(before) * 1024;
        println!(
            "{:>12} {:>12} {:>8.2} {:>9}  {path}",
            text.len(),
            peak / 1024,
            peak as f64 / text.len().max(1) as f64,
            findings
        );
    }
}

/// A `/proc/self/status` figure, in KiB.
fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}
