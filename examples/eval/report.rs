//! Rendering the figures: aligned text for the terminal, Markdown for
//! `docs/accuracy.md`. Figures only — no corpus text ever reaches the file.

use std::fmt::Write as _;

use copydesk::{Check, Family};

use crate::corpus::{Corpus, Split};
use crate::score::{Counts, Tally};

/// What the product aims at on the reporting split.
pub const TARGET_PRECISION: f64 = 0.97;
pub const TARGET_RECALL: f64 = 0.90;
/// At most one false core finding per 20 clean articles.
pub const TARGET_CLEAN_PER_100: f64 = 5.0;
/// At most 1% of attributed PolNeAR quotes flagged.
pub const TARGET_GOLD_FLAGGED: f64 = 0.01;

/// A table rendered either way.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|s| (*s).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn text(&self) -> String {
        let widths: Vec<usize> = (0..self.header.len())
            .map(|i| {
                std::iter::once(&self.header)
                    .chain(&self.rows)
                    .map(|r| r[i].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let pad = widths[i] - c.chars().count();
                    if i == 0 {
                        format!("{c}{}", " ".repeat(pad))
                    } else {
                        format!("{}{c}", " ".repeat(pad))
                    }
                })
                .collect();
            let _ = writeln!(out, "  {}", cells.join("  ").trim_end());
        }
        out
    }

    fn markdown(&self) -> String {
        let mut out = format!("| {} |\n", self.header.join(" | "));
        let _ = writeln!(
            out,
            "|{}",
            (0..self.header.len())
                .map(|i| if i == 0 { "---|" } else { "---:|" })
                .collect::<String>()
        );
        for row in &self.rows {
            let _ = writeln!(out, "| {} |", row.join(" | "));
        }
        out
    }
}

fn ratio(v: Option<f64>) -> String {
    v.map_or("—".to_owned(), |v| format!("{v:.3}"))
}

fn per_100(findings: usize, articles: usize) -> String {
    if articles == 0 {
        return "—".to_owned();
    }
    format!(
        "{:.1} ({findings})",
        findings as f64 * 100.0 / articles as f64
    )
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "✓"
    } else {
        "✗"
    }
}

const CORPORA: [Option<Corpus>; 3] = [Some(Corpus::PolNear), Some(Corpus::Bbc), None];

fn clean_table(t: &Tally) -> Table {
    let header: Vec<String> = CORPORA
        .iter()
        .map(|c| {
            let name = c.map_or("all".to_owned(), |c| c.to_string());
            format!("{name} ({}) /100", t.articles_in(*c))
        })
        .collect();
    let mut table = Table::new(&[
        "clean copy: findings per 100 articles",
        &header[0],
        &header[1],
        &header[2],
    ]);
    let per = |checks: &[Check], c: Option<Corpus>| {
        let n: usize = checks.iter().map(|k| t.clean_findings(c, *k)).sum();
        per_100(n, t.articles_in(c))
    };
    for check in Check::ALL {
        let mut row = vec![check.code().to_owned()];
        row.extend(CORPORA.iter().map(|c| per(&[check], *c)));
        table.row(row);
    }
    for family in Family::ALL {
        let checks: Vec<Check> = Check::ALL
            .into_iter()
            .filter(|c| c.family() == family)
            .collect();
        let mut row = vec![format!("{}/ (family)", family.as_str())];
        row.extend(CORPORA.iter().map(|c| per(&checks, *c)));
        table.row(row);
    }
    let total: usize = Check::ALL.iter().map(|k| t.clean_findings(None, *k)).sum();
    let rate = total as f64 * 100.0 / t.article_count().max(1) as f64;
    let mut row = vec![format!(
        "all core findings (target ≤ {TARGET_CLEAN_PER_100:.0}) {}",
        mark(rate <= TARGET_CLEAN_PER_100)
    )];
    row.extend(CORPORA.iter().map(|c| per(&Check::ALL, *c)));
    table.row(row);
    table
}

fn gold_line(t: &Tally) -> String {
    let share = (t.gold_quotes > 0).then(|| t.gold_flagged as f64 / t.gold_quotes as f64);
    format!(
        "Attributed PolNeAR quotes (4+ words) flagged by quote/unattributed: {} of {} ({}) — target ≤ {:.0}% {}",
        t.gold_flagged,
        t.gold_quotes,
        share.map_or("—".to_owned(), |s| format!("{:.1}%", s * 100.0)),
        TARGET_GOLD_FLAGGED * 100.0,
        mark(share.is_some_and(|s| s <= TARGET_GOLD_FLAGGED)),
    )
}

fn injected_table(t: &Tally) -> Table {
    let mut table = Table::new(&[
        "injected errors",
        "injected",
        "TP",
        "FP",
        "FN",
        "precision",
        "recall",
        "F1",
        "target",
    ]);
    let row = |name: String, c: Counts, target: String| {
        vec![
            name,
            (c.tp + c.fn_).to_string(),
            c.tp.to_string(),
            c.fp.to_string(),
            c.fn_.to_string(),
            ratio(c.precision()),
            ratio(c.recall()),
            ratio(c.f1()),
            target,
        ]
    };
    for check in Check::ALL {
        table.row(row(check.code().to_owned(), t.counts(check), String::new()));
    }
    for family in Family::ALL {
        let c = t.family_counts(family);
        // Families with no injected errors (house style, suppressions)
        // have no figure to hold to a target.
        let verdict = match (c.precision(), c.recall()) {
            (None, None) => "—".to_owned(),
            (p, r) => format!(
                "P {} R {}",
                mark(p.is_some_and(|p| p >= TARGET_PRECISION)),
                mark(r.is_some_and(|r| r >= TARGET_RECALL))
            ),
        };
        table.row(row(format!("{}/ (family)", family.as_str()), c, verdict));
    }
    table
}

fn variant_table(t: &Tally) -> Table {
    let mut table = Table::new(&[
        "by injection",
        "variant",
        "injected",
        "found",
        "recall",
        "other new findings",
    ]);
    for ((check, variant), v) in &t.variants {
        table.row(vec![
            check.code().to_owned(),
            (*variant).to_owned(),
            v.injected.to_string(),
            v.found.to_string(),
            ratio((v.injected > 0).then(|| v.found as f64 / v.injected as f64)),
            v.other.to_string(),
        ]);
    }
    table
}

fn notes(t: &Tally) -> Vec<String> {
    let mut out = Vec::new();
    if t.skipped > 0 {
        out.push(format!(
            "{} injections left out: the clean article already had a finding of the expected code there.",
            t.skipped
        ));
    }
    if t.panicked > 0 {
        out.push(format!(
            "copydesk panicked on {} articles (see stderr).",
            t.panicked
        ));
    }
    out
}

pub struct Run<'a> {
    pub seed: u64,
    pub cap: usize,
    pub splits: &'a [(Split, Tally)],
}

pub fn terminal(run: &Run<'_>) -> String {
    let mut out = String::new();
    for (split, t) in run.splits {
        let _ = writeln!(
            out,
            "\n== {} split: {} ({} articles) ==\n",
            split.as_str(),
            split.describe(),
            t.article_count()
        );
        out.push_str(&clean_table(t).text());
        let _ = writeln!(out, "\n  {}\n", gold_line(t));
        out.push_str(&injected_table(t).text());
        out.push('\n');
        out.push_str(&variant_table(t).text());
        for n in notes(t) {
            let _ = writeln!(out, "\n  {n}");
        }
    }
    out
}

pub fn markdown(run: &Run<'_>) -> String {
    let mut out = String::from("# Accuracy on real news\n\n");
    let _ = writeln!(
        out,
        "Generated by `cargo run --release --example eval -- ../shared/corpus` (seed {}, at most {} \
         injections per check per article). Figures only: the corpus is research-only and none of \
         its text is reproduced here. Method: `examples/eval.rs` (clean published copy, where every \
         finding is presumed false, and errors injected in memory into real articles, each with the \
         finding copydesk should give).\n",
        run.seed, run.cap
    );
    let _ = writeln!(
        out,
        "Targets on the reporting split: precision ≥ {TARGET_PRECISION:.2} and recall ≥ {TARGET_RECALL:.2} \
         per family; at most {TARGET_CLEAN_PER_100:.0} false core findings per 100 clean articles; at \
         most {:.0}% of attributed PolNeAR quotes flagged. The CI gate (`--gate`) holds each family \
         to the floors in `eval-floors.toml`.\n",
        TARGET_GOLD_FLAGGED * 100.0
    );
    for (split, t) in run.splits {
        let title = match split {
            Split::Report => "Reporting split",
            Split::Tune => "Tuning split",
        };
        let _ = writeln!(
            out,
            "## {title}: {} ({} articles)\n",
            split.describe(),
            t.article_count()
        );
        out.push_str(&clean_table(t).markdown());
        let _ = writeln!(out, "\n{}\n", gold_line(t));
        out.push_str(&injected_table(t).markdown());
        out.push('\n');
        out.push_str(&variant_table(t).markdown());
        for n in notes(t) {
            let _ = writeln!(out, "\n{n}");
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_render_aligned_and_as_markdown() {
        let mut t = Table::new(&["code", "n"]);
        t.row(vec!["a/b".into(), "7".into()]);
        t.row(vec!["c".into(), "12".into()]);
        assert_eq!(t.text(), "  code   n\n  a/b    7\n  c     12\n");
        assert_eq!(
            t.markdown(),
            "| code | n |\n|---|---:|\n| a/b | 7 |\n| c | 12 |\n"
        );
    }

    #[test]
    fn figures_format() {
        assert_eq!(per_100(3, 60), "5.0 (3)");
        assert_eq!(per_100(0, 0), "—");
        assert_eq!(ratio(Some(0.97349)), "0.973");
        assert_eq!(ratio(None), "—");
    }
}
