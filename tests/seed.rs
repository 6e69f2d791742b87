//! The seed article gives exactly the findings in SPEC §3, and nothing else.

use copydesk::line_index::LineIndex;
use copydesk::{check, Config, DocKind};

const SEED: &str = include_str!("../seeds/blinken-rafah.txt");

/// (line, code, first words of the flagged text, related lines)
fn findings(text: &str) -> Vec<(usize, &'static str, String, Vec<usize>)> {
    let idx = LineIndex::new(text);
    check(text, DocKind::Plain, &Config::default())
        .into_iter()
        .map(|f| {
            let words: Vec<&str> = text[f.range.clone()].split_whitespace().take(5).collect();
            (
                idx.line_col(f.range.start).line,
                f.check().code(),
                words.join(" "),
                f.related
                    .iter()
                    .map(|r| idx.line_col(r.range.start).line)
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn seed_gives_exactly_the_spec_findings() {
    assert_eq!(
        findings(SEED),
        [
            (
                3,
                "repeat/paragraph",
                "Blinken said on Friday that".to_string(),
                vec![1]
            ),
            (
                6,
                "repeat/quote",
                "a major military ground operation".to_string(),
                vec![2]
            ),
            (
                7,
                "repeat/quote",
                "It risks further isolating Israel".to_string(),
                vec![2]
            ),
        ]
    );
}

#[test]
fn seed_with_crlf_line_endings_gives_the_same_findings() {
    let crlf = SEED.replace('\n', "\r\n");
    let lf: Vec<_> = findings(SEED)
        .into_iter()
        .map(|f| (f.0, f.1, f.3))
        .collect();
    let got: Vec<_> = findings(&crlf)
        .into_iter()
        .map(|f| (f.0, f.1, f.3))
        .collect();
    assert_eq!(got, lf);
}

#[test]
fn seed_as_markdown_gives_the_same_findings() {
    // One paragraph per line is not Markdown's rule: blank lines separate.
    let md = SEED.replace('\n', "\n\n");
    let got: Vec<_> = {
        let idx = LineIndex::new(&md);
        check(&md, DocKind::Markdown, &Config::default())
            .into_iter()
            .map(|f| {
                (
                    idx.line_col(f.range.start).line.div_ceil(2),
                    f.check().code(),
                )
            })
            .collect()
    };
    assert_eq!(
        got,
        [
            (3, "repeat/paragraph"),
            (6, "repeat/quote"),
            (7, "repeat/quote")
        ]
    );
}

#[test]
fn deleting_the_restated_paragraph_clears_it() {
    let f = check(SEED, DocKind::Plain, &Config::default());
    let fix = f[0].fix.as_ref().expect("repeat/paragraph has a fix");
    let fixed = fix.apply(SEED);
    assert_eq!(fixed.lines().count(), SEED.lines().count() - 1);
    let after = check(&fixed, DocKind::Plain, &Config::default());
    assert!(
        after.iter().all(|f| f.check().code() != "repeat/paragraph"),
        "{after:?}"
    );
    assert_eq!(after.len(), 2);
}
