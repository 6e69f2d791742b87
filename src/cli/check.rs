//! `copydesk check`: walk, read and check drafts in parallel, fix them if
//! asked, and report in a stable order.
//!
//! The inputs are listed first (command-line order, each folder sorted by
//! path), so every input has an index. A rayon pool of `--threads` workers
//! takes indices from a shared counter, so files are checked roughly in
//! order, and sends each outcome back over a channel. The calling thread
//! keeps a reorder buffer and hands outcomes to the reporter strictly by
//! index, as soon as all earlier ones are in: the output is the same
//! whatever the thread timing, and streaming formats still stream.
//!
//! Standard input is read on the calling thread before the workers start
//! (the stream is not `Send`). Only the calling thread writes to the
//! streams; a progress bar (only when stderr is a terminal and the run has
//! taken a while) is suspended around each write.
//!
//! Each worker keeps one [`Session`] for all the drafts it checks, whatever
//! their configuration: its caches depend on the text only, and the drafts
//! of a folder share most of their words.
//!
//! A check that panics on one draft is a bug, but it must not take the rest
//! of a CI run with it: the panic is caught and that file is reported as not
//! checked.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::config::{Config, ConfigError, Loader};
use copydesk_core::document::DocKind;
use copydesk_core::finding::{Finding, Severity};
use copydesk_core::line_index::LineIndex;
use copydesk_core::Session;

use super::budget::{self, Budget};
use super::fix::{self, FixArgs};
use super::report::github::DEFAULT_MAX_ANNOTATIONS;
use super::report::{self, CheckedFile, Reporter};
use super::walk::{self, Filters, Input, InputError, InputErrorKind};
use super::{plural, CheckArgs, FailOn, Status, Streams};

/// How `copydesk check` runs: which files, how many at once, how much it
/// reports.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Running")]
pub struct RunArgs {
    /// In folders, check only drafts matching GLOB (gitignore syntax,
    /// relative to the folder named; repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,

    /// In folders, skip files and folders matching GLOB (gitignore syntax,
    /// relative to the folder named; repeatable). `.copydeskignore` files
    /// do the same.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Files checked at once [default and most: one per CPU core].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,

    /// Memory for the drafts checked at once, such as 512M or 2G; a draft
    /// that needs more on its own is not checked [default: the memory
    /// available when the run starts].
    #[arg(long, value_name = "SIZE", value_parser = budget::parse_size)]
    pub memory: Option<u64>,

    /// Report at most N findings; the exit code and the summary still count
    /// every finding.
    #[arg(long, value_name = "N")]
    pub max_findings: Option<usize>,

    /// With `--format github`: at most N annotations of each level (error,
    /// warning, notice); GitHub shows 10 per step.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_ANNOTATIONS)]
    pub max_annotations: usize,
}

/// After a draft larger than this, a worker starts a fresh session: what
/// the caches keep for the next draft (its words, and bags of texts it may
/// repeat) is then at most a few megabytes, the budget's slack.
const KEEP_CACHES_BYTES: usize = 256 * 1024;

/// How long a run goes before the progress bar appears.
const PROGRESS_AFTER: Duration = Duration::from_millis(700);
/// How often the calling thread wakes to redraw the progress bar.
const TICK: Duration = Duration::from_millis(100);

/// What a worker checks.
enum Work {
    File(PathBuf),
    /// Standard input, already read.
    Stdin(walk::Draft),
}

/// One input, done.
enum Outcome {
    Checked(Checked),
    /// Could not be read (or a check failed on it).
    Unreadable(InputError),
    /// Its configuration is bad; `first` when no earlier draft reported
    /// the same error.
    BadConfig {
        draft: String,
        error: ConfigError,
        first: bool,
    },
}

/// A checked draft.
struct Checked {
    name: String,
    /// The text the findings point into: the fixed text after `--fix`.
    text: String,
    findings: Vec<Finding>,
    /// Fixes applied (`--fix`) or that would be (`--diff`).
    fixed: usize,
    /// `--diff`: the diff, when the fixes change the text.
    diff: Option<String>,
    /// Standard input under `--fix`: its text goes to stdout.
    stdin: bool,
    /// `--fix` could not write the file; `text` and `findings` are then the
    /// original's.
    unwritten: Option<String>,
}

/// Counts for the summary line and the exit status.
#[derive(Debug, Default)]
pub(super) struct Tally {
    pub files: usize,
    pub unreadable: usize,
    pub unwritten: usize,
    pub by_severity: [usize; Severity::ALL.len()],
    pub failing: bool,
    /// Fixes applied and the files they changed.
    pub fixes: usize,
    pub fixed_files: usize,
    /// Findings past `--max-findings`.
    pub not_shown: usize,
}

impl Tally {
    pub fn add(&mut self, findings: &[Finding], fail_on: FailOn) {
        self.files += 1;
        for finding in findings {
            self.by_severity[finding.severity as usize] += 1;
            self.failing |= fail_on.fails(finding.severity);
        }
    }

    pub fn status(&self, diff: bool) -> Status {
        if self.unreadable > 0 || self.unwritten > 0 {
            Status::Error
        } else if diff {
            if self.fixed_files > 0 {
                Status::Findings
            } else {
                Status::Clean
            }
        } else if self.failing {
            Status::Findings
        } else {
            Status::Clean
        }
    }

    /// `checked 3 files in 0.12s: 1 error, 2 warnings; 1 file could not be
    /// checked`, with what was fixed and left out in between.
    pub fn summary(&self, elapsed: Duration, fix: &FixArgs, extra: Option<String>) -> String {
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
        let mut line = format!(
            "checked {} in {}: {found}",
            plural(self.files, "file"),
            seconds(elapsed)
        );
        if fix.fixing() {
            let verb = if fix.diff { "would fix" } else { "fixed" };
            line += &format!(
                "; {verb} {} in {}",
                plural(self.fixes, "finding"),
                plural(self.fixed_files, "file")
            );
        }
        if self.not_shown > 0 {
            line += &format!("; {} not shown (--max-findings)", self.not_shown);
        }
        if let Some(extra) = extra {
            line += "; ";
            line += &extra;
        }
        if self.unreadable > 0 {
            line += &format!("; {} could not be checked", plural(self.unreadable, "file"));
        }
        if self.unwritten > 0 {
            line += &format!("; {} could not be fixed", plural(self.unwritten, "file"));
        }
        line
    }
}

fn seconds(elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    if secs < 10.0 {
        format!("{secs:.2}s")
    } else {
        format!("{secs:.1}s")
    }
}

/// Run `copydesk check`, each draft with the configuration `loader` finds
/// for it.
pub fn run(args: &CheckArgs, loader: &mut Loader, streams: &mut Streams<'_>) -> io::Result<Status> {
    let started = Instant::now();
    if args.paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        streams.error("`-` (standard input) can be given only once")?;
        return Ok(Status::Error);
    }
    if args.fix.unsafe_fixes && !args.fix.fixing() {
        streams.error("`--unsafe-fixes` needs `--fix` or `--diff`")?;
        return Ok(Status::Error);
    }
    let filters = match Filters::new(&args.run.include, &args.run.exclude) {
        Ok(filters) => filters,
        Err(err) => {
            streams.error(err)?;
            return Ok(Status::Error);
        }
    };
    // Every input gets its index; what is already known (walk errors,
    // standard input) is settled here, the files go to the workers.
    let mut settled: BTreeMap<usize, Outcome> = BTreeMap::new();
    let mut work: Vec<(usize, Work, Arc<Config>)> = Vec::new();
    // Each bad configuration file is printed once, however many drafts it
    // governs.
    let mut config_errors = HashSet::new();
    for (i, input) in inputs(&args.paths, &filters, streams)?
        .into_iter()
        .enumerate()
    {
        let input = match input {
            Ok(input) => input,
            Err(err) => {
                settled.insert(i, Outcome::Unreadable(err));
                continue;
            }
        };
        let config_path = match &input {
            Input::File(path) => path.clone(),
            Input::Stdin => args.stdin_filename.clone().unwrap_or_else(|| "-".into()),
        };
        let config = match loader.shared_config_for(&config_path) {
            Ok(config) => config,
            Err(error) => {
                let draft = walk::display_name(&input, args.stdin_filename.as_deref());
                let first = config_errors.insert(error.to_string());
                settled.insert(
                    i,
                    Outcome::BadConfig {
                        draft,
                        error,
                        first,
                    },
                );
                continue;
            }
        };
        match input {
            Input::File(path) => work.push((i, Work::File(path), config)),
            Input::Stdin => {
                let name = walk::display_name(&Input::Stdin, args.stdin_filename.as_deref());
                match walk::read_draft(&Input::Stdin, &name, streams.stdin) {
                    Ok(draft) => work.push((i, Work::Stdin(draft), config)),
                    Err(err) => {
                        settled.insert(i, Outcome::Unreadable(err));
                    }
                }
            }
        }
    }
    let total = settled.len() + work.len();

    let budget = Budget::new(args.run.memory.unwrap_or_else(budget::default_limit));
    let checker = Checker {
        args,
        budget: &budget,
    };
    // With `--fix` on standard input, stdout carries the fixed text, so the
    // findings left go to stderr.
    let report_to_stderr =
        args.fix.fix && !args.fix.diff && work.iter().any(|(_, w, _)| matches!(w, Work::Stdin(_)));
    let reporter = report::reporter(
        args.format,
        &report::Options {
            styled: if report_to_stderr {
                streams.color_stderr
            } else {
                streams.color_stdout
            },
            max_annotations: args.run.max_annotations,
            width: streams.width,
        },
    );
    let progress = (streams.progress && !args.quiet && total > 1).then(|| Progress::new(total));
    let mut out = Output {
        args,
        streams,
        reporter,
        report_to_stderr,
        tally: Tally::default(),
        budget: args.run.max_findings,
        progress,
    };

    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    let worker = |tx: mpsc::Sender<(usize, Outcome)>| {
        // One session per worker: the drafts of a folder share their
        // words, so each one after the first mostly looks its words up
        // instead of stemming them.
        let mut session = Session::new();
        while !stop.load(Ordering::Relaxed) {
            let Some((i, job, config)) = work.get(next.fetch_add(1, Ordering::Relaxed)) else {
                break;
            };
            let outcome = checker.guarded(&mut session, job, config);
            // The caches of a large draft would stay in the session while
            // the next one is checked, outside the memory either reserved:
            // let them go with it.
            if matches!(&outcome, Outcome::Checked(c) if c.text.len() > KEEP_CACHES_BYTES) {
                session = Session::new();
            }
            if tx.send((*i, outcome)).is_err() {
                break;
            }
        }
    };
    let written = if work.len() <= 1 {
        // One draft (an editor's save hook, a pre-commit run on one file):
        // checked on this thread, since starting a pool would cost more
        // than the story takes to check.
        worker(tx);
        out.consume(rx, settled)
    } else {
        let pool = match pool(args.run.threads) {
            Ok(pool) => pool,
            Err(err) => {
                out.streams
                    .error(format_args!("cannot start worker threads: {err}"))?;
                return Ok(Status::Error);
            }
        };
        pool.in_place_scope(|scope| {
            for _ in 0..pool.current_num_threads().min(work.len()) {
                let (tx, worker) = (tx.clone(), &worker);
                scope.spawn(move |_| worker(tx));
            }
            drop(tx);
            let written = out.consume(rx, settled);
            if written.is_err() {
                // The reader went away: stop checking what nobody will read.
                stop.store(true, Ordering::Relaxed);
            }
            written
        })
    };
    written?;
    out.finish(started.elapsed())
}

/// A pool of `threads` workers, at most one per CPU core (the default).
/// Checking is CPU-bound: more threads than cores only multiply the memory
/// held by drafts in flight (`-j 100000` would start 100,000 threads).
fn pool(threads: Option<NonZeroUsize>) -> Result<rayon::ThreadPool, rayon::ThreadPoolBuildError> {
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.map_or(cores, |n| n.get().min(cores)))
        .thread_name(|i| format!("copydesk-{i}"))
        .build()
}

/// The inputs of `paths`, or of the current folder when there are none.
/// A folder named on the command line with no drafts in it is most likely a
/// wrong path, so it gets a warning (not an error: an empty drafts folder is
/// fine).
fn inputs(
    paths: &[PathBuf],
    filters: &Filters,
    streams: &mut Streams<'_>,
) -> io::Result<Vec<Result<Input, InputError>>> {
    if paths.is_empty() {
        // Report `story.txt`, not `./story.txt`, for the implicit folder.
        let unprefix = |input| match input {
            Input::File(p) => Input::File(p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p)),
            other => other,
        };
        let inputs = walk::expand_filtered(&[PathBuf::from(".")], filters);
        if inputs.is_empty() {
            streams.warning(
                "no .txt, .md or .markdown files found in the current folder; \
                 name the drafts or folders to check: `copydesk check PATH…`",
            )?;
        }
        return Ok(inputs.into_iter().map(|i| i.map(unprefix)).collect());
    }
    let mut inputs = Vec::new();
    for path in paths {
        let found = walk::expand_filtered(std::slice::from_ref(path), filters);
        if path.is_dir() && found.is_empty() {
            streams.warning(format_args!(
                "{}: no .txt, .md or .markdown files found",
                path.display()
            ))?;
        }
        inputs.extend(found);
    }
    Ok(inputs)
}

/// What the workers share: the options and the memory budget.
struct Checker<'a> {
    args: &'a CheckArgs,
    budget: &'a Budget,
}

impl Checker<'_> {
    /// [`Checker::check`], with a panic turned into an error for that file
    /// (and a fresh session for the next: the one the panic went through is
    /// not trusted).
    fn guarded(&self, session: &mut Session, work: &Work, config: &Config) -> Outcome {
        let checked = panic::catch_unwind(AssertUnwindSafe(|| self.check(session, work, config)));
        checked.unwrap_or_else(|panic| {
            *session = Session::new();
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Outcome::Unreadable(InputError {
                path: self.name(work),
                kind: InputErrorKind::Io(format!(
                    "internal error, please report it with this draft: {what}"
                )),
            })
        })
    }

    fn name(&self, work: &Work) -> String {
        match work {
            Work::File(path) => path.display().to_string(),
            Work::Stdin(_) => {
                walk::display_name(&Input::Stdin, self.args.stdin_filename.as_deref())
            }
        }
    }

    fn check(&self, session: &mut Session, work: &Work, config: &Config) -> Outcome {
        let name = self.name(work);
        let over_budget = |needed| {
            Outcome::Unreadable(InputError {
                path: name.clone(),
                kind: InputErrorKind::OverBudget {
                    needed,
                    budget: self.budget.limit(),
                },
            })
        };
        let (draft, kind) = match work {
            Work::File(path) => {
                // Not even read when its size alone is too much.
                let size = std::fs::metadata(path).map_or(0, |m| m.len());
                if size > budget::largest_readable(self.budget.limit()) {
                    return over_budget(size.saturating_mul(budget::PEAK_BYTES_PER_BYTE));
                }
                let input = Input::File(path.clone());
                match walk::read_draft(&input, &name, &mut io::empty()) {
                    Ok(draft) => (draft, DocKind::from_path(path)),
                    Err(err) => return Outcome::Unreadable(err),
                }
            }
            Work::Stdin(draft) => {
                let kind = self
                    .args
                    .stdin_filename
                    .as_deref()
                    .map_or(DocKind::Plain, DocKind::from_path);
                (draft.clone(), kind)
            }
        };
        let needed = budget::needed(&draft.text, kind);
        // Held until the draft is checked (and fixed): the other workers
        // wait while it leaves them too little.
        let Some(_reserved) = self.budget.reserve(needed) else {
            return over_budget(needed);
        };
        let findings = session.check(config, &draft.text, kind);
        tracing::debug!(path = %name, bytes = draft.text.len(), findings = findings.len(), "checked");
        let fix = &self.args.fix;
        let mut checked = Checked {
            name,
            text: draft.text,
            findings,
            fixed: 0,
            diff: None,
            stdin: matches!(work, Work::Stdin(_)) && fix.fix && !fix.diff,
            unwritten: None,
        };
        if !fix.fixing() {
            return Outcome::Checked(checked);
        }
        let fixed = fix::fix_text(
            session,
            &checked.text,
            checked.findings.clone(),
            kind,
            config,
            |safety| fix.allows(safety),
        );
        if let Some(why) = fixed.unsettled {
            checked.unwritten = Some(why);
            return Outcome::Checked(checked);
        }
        if fixed.text == checked.text {
            checked.findings = fixed.findings;
            return Outcome::Checked(checked);
        }
        if fix.diff {
            checked.diff = Some(fix::unified_diff(&checked.name, &checked.text, &fixed.text));
        } else if let (Work::File(path), Some(stamp)) = (work, draft.stamp) {
            if let Err(err) = fix::write_atomically(path, &checked.text, stamp, &fixed.text) {
                checked.unwritten = Some(err.to_string());
                return Outcome::Checked(checked);
            }
        }
        checked.text = fixed.text;
        checked.findings = fixed.findings;
        checked.fixed = fixed.applied;
        Outcome::Checked(checked)
    }
}

/// The calling thread's side: report outcomes in order, count them.
struct Output<'a, 's> {
    args: &'a CheckArgs,
    streams: &'a mut Streams<'s>,
    reporter: Box<dyn Reporter>,
    report_to_stderr: bool,
    tally: Tally,
    /// Findings still to report under `--max-findings`.
    budget: Option<usize>,
    progress: Option<Progress>,
}

impl Output<'_, '_> {
    /// Receive outcomes and emit them in index order, starting with the
    /// ones already `settled`.
    fn consume(
        &mut self,
        rx: mpsc::Receiver<(usize, Outcome)>,
        mut pending: BTreeMap<usize, Outcome>,
    ) -> io::Result<()> {
        let mut next = 0;
        loop {
            while let Some(outcome) = pending.remove(&next) {
                self.emit(outcome)?;
                next += 1;
                if let Some(progress) = &mut self.progress {
                    progress.bar.set_position(next as u64);
                }
            }
            match rx.recv_timeout(TICK) {
                Ok((i, outcome)) => {
                    pending.insert(i, outcome);
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if let Some(progress) = &mut self.progress {
                progress.show_if_slow();
            }
        }
        // Nothing is left unless a worker died outside the panic guard.
        for (_, outcome) in pending {
            self.emit(outcome)?;
        }
        Ok(())
    }

    /// Run `write` with the progress bar out of the way.
    fn quietly<T>(&mut self, write: impl FnOnce(&mut Self) -> T) -> T {
        match self.progress.as_ref().map(|p| p.bar.clone()) {
            Some(bar) => bar.suspend(|| write(self)),
            None => write(self),
        }
    }

    fn emit(&mut self, outcome: Outcome) -> io::Result<()> {
        self.quietly(|out| match outcome {
            Outcome::Unreadable(err) => {
                out.tally.unreadable += 1;
                out.reporter.unreadable(&err.path, &err.to_string());
                out.streams.error(err)
            }
            Outcome::BadConfig {
                draft,
                error,
                first,
            } => {
                out.tally.unreadable += 1;
                out.reporter.unreadable(&draft, &error.to_string());
                if first {
                    out.streams.error(error)?;
                }
                Ok(())
            }
            Outcome::Checked(checked) => out.emit_checked(checked),
        })
    }

    fn emit_checked(&mut self, checked: Checked) -> io::Result<()> {
        let fix = &self.args.fix;
        if let Some(why) = &checked.unwritten {
            self.tally.unwritten += 1;
            self.streams
                .error(format_args!("{}: {why}", checked.name))?;
        }
        self.tally.add(&checked.findings, self.args.fail_on);
        if checked.fixed > 0 {
            self.tally.fixes += checked.fixed;
            self.tally.fixed_files += 1;
        }
        if checked.stdin {
            self.streams.stdout.write_all(checked.text.as_bytes())?;
            self.streams.stdout.flush()?;
        }
        if fix.diff {
            // `--diff` shows only the diffs.
            if let Some(diff) = &checked.diff {
                self.streams.stdout.write_all(diff.as_bytes())?;
                self.streams.stdout.flush()?;
            }
            return Ok(());
        }
        let shown = self
            .budget
            .map_or(checked.findings.len(), |b| b.min(checked.findings.len()));
        if let Some(budget) = &mut self.budget {
            *budget -= shown;
        }
        self.tally.not_shown += checked.findings.len() - shown;
        let index = LineIndex::new(&checked.text);
        let file = CheckedFile {
            path: &checked.name,
            text: &checked.text,
            index: &index,
            findings: &checked.findings[..shown],
        };
        let out: &mut dyn Write = if self.report_to_stderr {
            &mut *self.streams.stderr
        } else {
            &mut *self.streams.stdout
        };
        self.reporter.file(out, &file)?;
        // Show each file's findings as soon as they are known.
        out.flush()
    }

    fn finish(mut self, elapsed: Duration) -> io::Result<Status> {
        if let Some(progress) = self.progress.take() {
            progress.bar.finish_and_clear();
        }
        if !self.args.fix.diff {
            let out: &mut dyn Write = if self.report_to_stderr {
                &mut *self.streams.stderr
            } else {
                &mut *self.streams.stdout
            };
            self.reporter.finish(out)?;
            out.flush()?;
        }
        if !self.args.quiet {
            let summary = self
                .tally
                .summary(elapsed, &self.args.fix, self.reporter.left_out());
            writeln!(self.streams.stderr, "{summary}")?;
        }
        Ok(self.tally.status(self.args.fix.diff))
    }
}

/// The progress bar: hidden until the run has taken [`PROGRESS_AFTER`], so
/// quick runs never flash one.
struct Progress {
    bar: ProgressBar,
    started: Instant,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("checking {pos}/{len} files {wide_bar} {eta}")
        {
            bar.set_style(style);
        }
        Progress {
            bar,
            started: Instant::now(),
            shown: false,
        }
    }

    fn show_if_slow(&mut self) {
        if !self.shown && self.started.elapsed() >= PROGRESS_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk_core::checks::Check;

    #[test]
    fn threads_are_at_most_one_per_core() {
        let cores = std::thread::available_parallelism().unwrap().get();
        let asked = NonZeroUsize::new(100_000);
        assert_eq!(pool(asked).unwrap().current_num_threads(), cores);
        assert_eq!(pool(NonZeroUsize::new(1)).unwrap().current_num_threads(), 1);
    }

    #[test]
    fn summary_counts_per_severity_fixes_and_unreadable_files() {
        let no_fix = FixArgs::default();
        let mut tally = Tally::default();
        let time = Duration::from_millis(1234);
        assert_eq!(
            tally.summary(time, &no_fix, None),
            "checked 0 files in 1.23s: no findings"
        );
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
        assert_eq!(
            tally.summary(Duration::from_secs(12), &no_fix, None),
            "checked 2 files in 12.0s: 1 error, 2 warnings"
        );
        assert_eq!(tally.status(false), Status::Findings);
        tally.unreadable = 1;
        tally.not_shown = 2;
        assert_eq!(
            tally.summary(time, &no_fix, Some("3 annotations left out".into())),
            "checked 2 files in 1.23s: 1 error, 2 warnings; 2 not shown (--max-findings); \
             3 annotations left out; 1 file could not be checked"
        );
        assert_eq!(tally.status(false), Status::Error);
    }

    #[test]
    fn summary_and_status_under_fix_and_diff() {
        let mut tally = Tally {
            fixes: 3,
            fixed_files: 2,
            ..Tally::default()
        };
        tally.add(&[], FailOn::Warning);
        let fix = FixArgs {
            fix: true,
            ..FixArgs::default()
        };
        let time = Duration::ZERO;
        assert_eq!(
            tally.summary(time, &fix, None),
            "checked 1 file in 0.00s: no findings; fixed 3 findings in 2 files"
        );
        assert_eq!(tally.status(false), Status::Clean);
        let diff = FixArgs {
            diff: true,
            ..FixArgs::default()
        };
        assert!(tally
            .summary(time, &diff, None)
            .ends_with("; would fix 3 findings in 2 files"));
        assert_eq!(
            tally.status(true),
            Status::Findings,
            "--diff fails on a diff"
        );
        tally.unwritten = 1;
        assert!(tally
            .summary(time, &fix, None)
            .ends_with("; 1 file could not be fixed"));
        assert_eq!(tally.status(false), Status::Error);
    }
}
