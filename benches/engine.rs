//! Engine throughput: `cargo bench --bench engine`.
//!
//! - `seed`: the seed article, the size of a typical wire story, re-checked
//!   in one session (as a CLI worker checks one story after another, with
//!   its word memo warm); `seed_cold`: a fresh session each time, as
//!   `copydesk check FILE` or [`copydesk::check`] does.
//! - `keystroke`: the seed re-checked after a one-character edit in a warm
//!   session, as the language server does on each keystroke (each
//!   iteration alternates between the two versions, so every check follows
//!   an edit).
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

#[divan::bench]
fn keystroke(bencher: Bencher) {
    let config = Config::default();
    let edited = SEED.replacen("some hard issues", "some hard issue", 1);
    assert_ne!(edited, SEED);
    let versions = [SEED, edited.as_str()];
    let mut session = Session::new();
    session.check(&config, SEED, DocKind::Plain);
    let mut next = 0;
    bencher.counter(BytesCount::of_str(SEED)).bench_local(|| {
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
