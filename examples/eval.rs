//! Accuracy evaluation of copydesk on real published news, and the CI gate.
//!
//! ```text
//! cargo run --release --example eval -- [--gate] [--verbose CODE] [--show fp|fn] CORPUS_DIR
//! ```
//!
//! Two measurements, on two splits of the research corpus (`../shared/corpus`;
//! tune on PolNeAR `train` and BBC business/entertainment/politics, report on
//! PolNeAR `dev` and BBC sport/tech):
//!
//! 1. Clean copy: every core finding on untouched published articles, per
//!    family per 100 articles (nearly all false), and the share of
//!    hand-labelled attributed PolNeAR quotes flagged as unattributed.
//! 2. Injected errors: realistic edits made in memory on real articles (see
//!    `eval/inject/`), each with the finding it must produce, scored as true
//!    positives, misses and false positives per check and family.
//!
//! Injections are drawn with a fixed seed so runs compare. Figures go to the
//! terminal and to `docs/accuracy.md`; corpus text never leaves the terminal
//! (`--verbose` prints cases for developers to read). With `--gate` the run
//! fails when a family's precision or recall on the reporting split is below
//! its floor in `eval-floors.toml`.
//!
//! Exit codes: 0 done (gate passed), 1 gate failed, 2 usage, corpus or floors
//! error.

#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "eval/brat.rs"]
mod brat;
#[path = "eval/corpus.rs"]
mod corpus;
#[path = "eval/floors.rs"]
mod floors;
#[path = "eval/inject/mod.rs"]
mod inject;
#[path = "eval/people.rs"]
mod people;
#[path = "eval/report.rs"]
mod report;
#[path = "eval/rewrite.rs"]
mod rewrite;
#[path = "eval/rng.rs"]
mod rng;
#[path = "eval/score.rs"]
mod score;
#[path = "eval/text.rs"]
mod text;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, ValueEnum};
use copydesk::{Check, Family};
use rayon::prelude::*;

use corpus::Split;
use score::{CaseKind, Options, Tally};

const DEFAULT_SEED: u64 = 0x00C0_FFEE;
const DEFAULT_CAP: usize = 2;

#[derive(Parser)]
#[command(about = "Measure copydesk's accuracy on the research corpus")]
struct Args {
    /// The corpus folder (`../shared/corpus`).
    corpus: PathBuf,
    /// Exit 1 when a family's precision or recall on the reporting split is
    /// below its floor in eval-floors.toml.
    #[arg(long)]
    gate: bool,
    /// Print each false positive and miss of this check code or family
    /// (`quote/unattributed`, `name`, `all`); repeatable.
    #[arg(long, value_name = "CODE")]
    verbose: Vec<String>,
    /// Which cases to print (alone: for every code).
    #[arg(long, value_enum)]
    show: Option<Show>,
    /// Run one split only (default: both).
    #[arg(long, value_enum)]
    split: Option<Split>,
    /// Seed for drawing injection sites.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// At most this many injections per check per article.
    #[arg(long, default_value_t = DEFAULT_CAP)]
    per_article: usize,
    /// Floors file (default: eval-floors.toml at the package root).
    #[arg(long, value_name = "PATH")]
    floors: Option<PathBuf>,
    /// Where to write the figures (default: docs/accuracy.md, written only
    /// by a full run with the default seed and cap).
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Do not write the figures file.
    #[arg(long)]
    no_write: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Show {
    /// False positives: clean-copy findings and findings injections caused
    /// besides the expected one.
    Fp,
    /// Misses: injected errors copydesk did not report.
    Fn,
    All,
}

/// Which codes `--verbose` selected.
fn selected_codes(args: &Args) -> Result<Vec<Check>, String> {
    if args.verbose.is_empty() {
        return Ok(if args.show.is_some() {
            Check::ALL.to_vec()
        } else {
            Vec::new()
        });
    }
    let mut codes = Vec::new();
    for v in &args.verbose {
        let v = v.trim_end_matches('/');
        if v == "all" {
            codes.extend(Check::ALL);
        } else if let Some(check) = Check::from_code(v) {
            codes.push(check);
        } else if let Some(family) = Family::ALL.into_iter().find(|f| f.as_str() == v) {
            codes.extend(Check::ALL.into_iter().filter(|c| c.family() == family));
        } else {
            let hint = Check::suggest(v).map_or(String::new(), |s| format!(" (did you mean {s}?)"));
            return Err(format!("--verbose {v}: not a check code or family{hint}"));
        }
    }
    Ok(codes)
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("eval: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<ExitCode, String> {
    let codes = selected_codes(args)?;
    let show = args.show.unwrap_or(Show::All);
    let wants = move |kind: CaseKind, check: Check| {
        codes.contains(&check)
            && match show {
                Show::All => true,
                Show::Fp => kind != CaseKind::Miss,
                Show::Fn => kind == CaseKind::Miss,
            }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let floors_path = args
        .floors
        .clone()
        .unwrap_or_else(|| root.join("eval-floors.toml"));
    // Read the floors first: a broken floors file should not cost a full run.
    let floors = if args.gate {
        if args.split == Some(Split::Tune) {
            return Err("--gate needs the reporting split".into());
        }
        Some(floors::Floors::load(&floors_path)?)
    } else {
        None
    };

    let splits: Vec<Split> = match args.split {
        Some(s) => vec![s],
        None => vec![Split::Report, Split::Tune],
    };
    let started = Instant::now();
    let loaded = corpus::load(&args.corpus, &splits)?;
    for s in &loaded.skipped {
        eprintln!("eval: skipped {s}");
    }
    let opts = Options {
        seed: args.seed,
        cap: args.per_article,
        wants: &wants,
    };
    let results: Vec<score::ArticleResult> = loaded
        .articles
        .par_iter()
        .map(|a| score::evaluate(a, &opts))
        .collect();
    let mut tallies: Vec<(Split, Tally)> = splits.iter().map(|&s| (s, Tally::default())).collect();
    for r in &results {
        if let Some((_, t)) = tallies.iter_mut().find(|(s, _)| *s == r.split) {
            t.add(r);
        }
    }

    for r in &results {
        for case in &r.cases {
            print_case(case);
        }
    }
    let run = report::Run {
        seed: args.seed,
        cap: args.per_article,
        splits: &tallies,
    };
    print!("{}", report::terminal(&run));
    eprintln!(
        "\neval: {} articles in {:.1}s",
        loaded.articles.len(),
        started.elapsed().as_secs_f64()
    );

    let canonical =
        args.split.is_none() && args.seed == DEFAULT_SEED && args.per_article == DEFAULT_CAP;
    if !args.no_write {
        match (&args.out, canonical) {
            (Some(path), _) => write(path, &report::markdown(&run))?,
            (None, true) => write(&root.join("docs/accuracy.md"), &report::markdown(&run))?,
            (None, false) => {
                eprintln!("eval: docs/accuracy.md not written (not a full default run)")
            }
        }
    }

    if let Some(floors) = floors {
        let report_tally = &tallies
            .iter()
            .find(|(s, _)| *s == Split::Report)
            .expect("the reporting split ran")
            .1;
        let failures = floors.failures(report_tally);
        if !failures.is_empty() {
            for f in &failures {
                eprintln!("eval: gate: {f}");
            }
            return Ok(ExitCode::from(1));
        }
        eprintln!("eval: gate passed ({})", floors_path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn write(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("eval: wrote {}", path.display());
    Ok(())
}

fn print_case(case: &score::Case) {
    let kind = match case.kind {
        CaseKind::CleanFp => "FP (clean)",
        CaseKind::InjectedFp => "FP (injected)",
        CaseKind::Miss => "MISS",
    };
    let injection = case
        .injection
        .as_deref()
        .map_or(String::new(), |i| format!(" after {i}"));
    println!(
        "{kind} {} [{}] {}{injection}",
        case.check.code(),
        case.split.as_str(),
        case.article
    );
    for line in &case.lines {
        println!("    {line}");
    }
}
