//! Engine throughput: `cargo bench --bench engine`.
//!
//! - `seed`: the seed article, the size of a typical wire story, re-checked
//!   in one session (as a CLI worker checks one story after another, with
//!   its word memo warm); `seed_cold`: a fresh session each time, as
//!   `copydesk check FILE` or [`copydesk::check`] does.
//! - `keystroke`: the seed re-checked after a one-character edit in a warm
//!   session, as the language server does on each keystroke (each
//!   iteration alternates between the two versions, so every check follows
//!   an edit), with a command-line session (`full`) and the server's
//!   (`incremental`); `keystroke_long_document` is the same on 1 MB.
//! - `long_document`: one generated draft of about 1 MB, the worst case for
//!   the checks that compare paragraphs and quotes pairwise.
//! - `folder`: a folder of generated stories, through the same walk, read
//!   and check path as `copydesk check FOLDER` (without the reporter).
//!
//! The generated text comes from `benches/support/stories.rs` (also behind
//! `cargo run --example gen_stories`, which `benches/throughput.sh` uses).

#[path = "support/stories.rs"]
mod stories;

use copydesk::cli::walk;
use copydesk::{check, Config, DocKind, Session};
use divan::counter::BytesCount;
use divan::{black_box, Bencher};

const SEED: &str = include_str!("../seeds/blinken-rafah.txt");

/// Stories in the `folder` benchmark.
const FOLDER_STORIES: usize = 200;
/// Size of the `long_document` draft.
const LONG_DOCUMENT_BYTES: usize = 1024 * 1024;

fn main() {
    divan::main();
}

#[divan::bench]
fn seed(bencher: Bencher) {
    let config = Config::default();
    let mut session = Session::new();
    bencher
        .counter(BytesCount::of_str(SEED))
        .bench_local(|| session.check(&config, black_box(SEED), DocKind::Plain));
}

#[divan::bench]
fn seed_cold(bencher: Bencher) {
    let config = Config::default();
    bencher
        .counter(BytesCount::of_str(SEED))
        .bench(|| check(black_box(SEED), DocKind::Plain, &config));
}

/// A session as the command line keeps one (`full`: every paragraph parsed
/// anew) or as the language server does (`incremental`).
fn session(kind: &str) -> Session {
    match kind {
        "incremental" => Session::incremental(),
        _ => Session::new(),
    }
}

#[divan::bench(args = ["full", "incremental"])]
fn keystroke(bencher: Bencher, kind: &str) {
    let config = Config::default();
    let edited = SEED.replacen("some hard issues", "some hard issue", 1);
    assert_ne!(edited, SEED);
    let versions = [SEED, edited.as_str()];
    let mut session = session(kind);
    session.check(&config, SEED, DocKind::Plain);
    let mut next = 0;
    bencher.counter(BytesCount::of_str(SEED)).bench_local(|| {
        next ^= 1;
        session.check(&config, black_box(versions[next]), DocKind::Plain)
    });
}

/// `keystroke` on the 1 MB draft: one character typed into a paragraph in
/// the middle, alternately there and not.
#[divan::bench(args = ["full", "incremental"], sample_count = 20, sample_size = 1)]
fn keystroke_long_document(bencher: Bencher, kind: &str) {
    let config = Config::default();
    let text = stories::long_document_text(LONG_DOCUMENT_BYTES);
    let middle = text[text.len() / 2..]
        .find('\n')
        .map_or(text.len(), |i| text.len() / 2 + i + 1);
    let mut edited = text.clone();
    edited.insert(middle, 'x');
    let versions = [text.as_str(), edited.as_str()];
    let mut session = session(kind);
    session.check(&config, &text, DocKind::Plain);
    let mut next = 0;
    bencher.counter(BytesCount::of_str(&text)).bench_local(|| {
        next ^= 1;
        session.check(&config, black_box(versions[next]), DocKind::Plain)
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn long_document(bencher: Bencher) {
    let text = stories::long_document_text(LONG_DOCUMENT_BYTES);
    let config = Config::default();
    let mut session = Session::new();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench_local(|| session.check(&config, black_box(&text), DocKind::Plain));
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn folder(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = stories::write_folder(dir.path(), FOLDER_STORIES);
    let config = Config::default();
    let root = [dir.path().to_path_buf()];
    let mut session = Session::new();
    bencher.counter(BytesCount::new(bytes)).bench_local(|| {
        let mut findings = 0;
        for input in walk::expand(&root) {
            let input = input.expect("walkable");
            let name = walk::display_name(&input, None);
            let text = walk::read(&input, &name, &mut std::io::empty()).expect("readable");
            let kind = match &input {
                walk::Input::File(path) => DocKind::from_path(path),
                walk::Input::Stdin => DocKind::Plain,
            };
            findings += session.check(&config, &text, kind).len();
        }
        findings
    });
}
