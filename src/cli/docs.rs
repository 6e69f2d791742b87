//! A check's documentation as the shipped command line gives it:
//! `copydesk rules` (the table), `copydesk explain CODE` (plain text), the
//! Markdown help and links of each rule in SARIF and reviewdog reports. The
//! words live once, in each check's [`CheckDocs`]; everything here only lays
//! them out. The reporters import this module and it imports none of them.
//!
//! The files the repository commits (docs/rules.md, the README's generated
//! blocks) are laid out by `cargo xtask docs` (xtask/src/docs.rs), which
//! builds on [`rule_markdown`]; they are not part of the shipped library.

use std::fmt::Write as _;

use crate::config::Config;
use copydesk_core::checks::{Check, CheckDocs, CheckInfo, REGISTRY};

/// `copydesk rules`: one aligned row per check and then per house rule of
/// `config`, with the severity in effect (`off` when off) and where it was
/// set (`default`, `preset NAME` or `FILE:LINE`).
pub fn rules_table(config: &Config) -> String {
    /// House-rule summaries are cut to keep one row per line.
    const MAX_SUMMARY: usize = 72;
    let header = ["CODE", "FAMILY", "SEVERITY", "SET BY", "SUMMARY"].map(str::to_owned);
    let mut rows: Vec<[String; 5]> = REGISTRY
        .iter()
        .map(|info| {
            [
                info.code().to_owned(),
                info.meta().family.as_str().to_owned(),
                config
                    .severity(info.check)
                    .map_or("off", |s| s.as_str())
                    .to_owned(),
                config.origin(info.check).to_string(),
                info.docs.summary.to_owned(),
            ]
        })
        .collect();
    for rule in &config.rules {
        let mut summary = format!("{}: {}", rule.kind.name(), rule.kind.describe());
        if summary.chars().count() > MAX_SUMMARY {
            summary = summary.chars().take(MAX_SUMMARY - 1).collect::<String>() + "…";
        }
        rows.push([
            rule.code.to_string(),
            "style".to_owned(),
            rule.severity.map_or("off", |s| s.as_str()).to_owned(),
            rule.origin.to_string(),
            summary,
        ]);
    }
    let width = |col: usize| {
        rows.iter()
            .map(|r| r[col].chars().count())
            .chain([header[col].len()])
            .max()
            .unwrap_or(0)
    };
    let widths = [width(0), width(1), width(2), width(3)];
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let _ = writeln!(
            out,
            "{:w0$}  {:w1$}  {:w2$}  {:w3$}  {}",
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3]
        );
    }
    out
}

/// `copydesk explain CODE`: a check's documentation for the terminal.
pub fn explain(info: &CheckInfo) -> String {
    let CheckDocs {
        summary,
        why,
        example,
        passes,
    } = info.docs;
    format!(
        "{code} ({family} family, default severity {severity})\n\n\
         {summary}\n\n\
         Why it matters:\n{why}\n\n\
         Flagged, for example:\n{example}\n\n\
         What passes:\n{passes}\n",
        code = info.code(),
        family = info.meta().family.as_str(),
        severity = info.meta().default_severity,
        why = indent(why),
        example = indent(example),
        passes = indent(passes),
    )
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A check's documentation in Markdown, without a heading: its section of
/// docs/rules.md, and the help of its rule in SARIF.
pub fn rule_markdown(info: &CheckInfo) -> String {
    let docs = info.docs;
    format!(
        "{summary}\n\n\
         Family `{family}`, default severity `{severity}`.\n\n\
         **Why it matters.** {why}\n\n\
         **Flagged, for example:**\n\n\
         ```text\n{example}\n```\n\n\
         **What passes.** {passes}\n",
        summary = docs.summary,
        family = info.meta().family.as_str(),
        severity = info.meta().default_severity,
        why = docs.why,
        example = docs.example,
        passes = docs.passes,
    )
}

/// The project's home page, when the package names its repository
/// (`repository` in Cargo.toml); reports link to it only then.
pub fn home_url() -> Option<String> {
    let repository = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
    (!repository.is_empty()).then(|| repository.to_owned())
}

/// A check's section of docs/rules.md in the repository, when the package
/// names one (see [`home_url`]); the same link the language server gives.
pub fn rule_url(check: Check) -> Option<String> {
    home_url().map(|_| check.docs_url())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_table_lists_every_check_aligned() {
        let table = rules_table(&Config::default());
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), REGISTRY.len() + 1);
        assert!(lines[0].starts_with("CODE "));
        let summary_col = lines[0].find("SUMMARY").unwrap();
        for (line, info) in lines[1..].iter().zip(&REGISTRY) {
            assert!(line.starts_with(info.code()), "{line}");
            assert_eq!(&line[summary_col..], info.docs.summary);
        }
    }

    #[test]
    fn explain_has_every_heading() {
        let text = explain(copydesk_core::checks::info(Check::RepeatQuote));
        assert!(text.starts_with("repeat/quote (repeat family, default severity warning)\n"));
        for part in ["Why it matters:", "Flagged, for example:", "What passes:"] {
            assert!(text.contains(part), "{part} missing from\n{text}");
        }
        assert!(text.contains(copydesk_core::checks::info(Check::RepeatQuote).docs.why));
    }
}
