//! Documentation generated from the check registry: `copydesk rules`,
//! `copydesk explain CODE`, `docs/rules.md` and the list of checks in the
//! README. The words live once, in each check's [`CheckDocs`]; everything
//! here only lays them out. `tests/cli_docs.rs` fails when a committed file
//! differs from what these functions generate.

use std::fmt::Write as _;

use crate::checks::{CheckDocs, CheckInfo, REGISTRY};
use crate::config::Config;

/// The command that rewrites the generated files.
pub const REGENERATE: &str = "UPDATE_DOCS=1 cargo test --test cli_docs";

/// Markers around the generated list of checks in README.md.
pub const README_BEGIN: &str = "<!-- checks:begin (generated from src/checks; do not edit) -->";
pub const README_END: &str = "<!-- checks:end -->";

/// `copydesk rules` with no configuration: one aligned row per check.
pub fn rules_table() -> String {
    rules_table_for(&Config::default())
}

/// `copydesk rules`: one aligned row per check and then per house rule of
/// `config`, with the severity in effect (`off` when off) and where it was
/// set (`default`, `preset NAME` or `FILE:LINE`).
pub fn rules_table_for(config: &Config) -> String {
    /// House-rule summaries are cut to keep one row per line.
    const MAX_SUMMARY: usize = 72;
    let header = ["CODE", "FAMILY", "SEVERITY", "SET BY", "SUMMARY"].map(str::to_owned);
    let mut rows: Vec<[String; 5]> = REGISTRY
        .iter()
        .map(|info| {
            [
                info.code.to_owned(),
                info.family.as_str().to_owned(),
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
        code = info.code,
        family = info.family.as_str(),
        severity = info.default_severity,
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

/// The whole of `docs/rules.md`.
pub fn rules_markdown() -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!-- Generated from src/checks by `{REGENERATE}`; do not edit. -->\n\n\
         # copydesk checks\n\n\
         Every check has a stable code, used by configuration, suppressions and\n\
         every output format. `copydesk rules` lists them and\n\
         `copydesk explain CODE` prints one of these sections.\n\n\
         | Code | Family | Default severity | Flags |\n\
         |---|---|---|---|"
    );
    for info in &REGISTRY {
        let _ = writeln!(
            out,
            "| [`{code}`](#{anchor}) | {family} | {severity} | {summary} |",
            code = info.code,
            anchor = anchor(info.code),
            family = info.family.as_str(),
            severity = info.default_severity,
            summary = info.docs.summary.replace('|', "\\|"),
        );
    }
    for info in &REGISTRY {
        let docs = info.docs;
        let _ = write!(
            out,
            "\n## `{code}`\n\n\
             {summary}\n\n\
             Family `{family}`, default severity `{severity}`.\n\n\
             **Why it matters.** {why}\n\n\
             **Flagged, for example:**\n\n\
             ```text\n{example}\n```\n\n\
             **What passes.** {passes}\n",
            code = info.code,
            summary = docs.summary,
            family = info.family.as_str(),
            severity = info.default_severity,
            why = docs.why,
            example = docs.example,
            passes = docs.passes,
        );
    }
    out
}

/// The list of checks in README.md, between [`README_BEGIN`] and
/// [`README_END`].
pub fn readme_checks() -> String {
    let mut out = String::new();
    for info in &REGISTRY {
        let _ = writeln!(
            out,
            "- **`{code}`**: {summary} For example: {example}",
            code = info.code,
            summary = info.docs.summary,
            example = inline_code(info.docs.example),
        );
    }
    out
}

/// `text` as one Markdown code span, whatever backticks it contains.
fn inline_code(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// GitHub's heading anchor (what `Check::docs_url` links to) for a heading made of one inline code span:
/// punctuation other than `-` and `_` is dropped.
fn anchor(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// `readme` with the text between the markers replaced by `block`, or
/// `None` when the markers are missing.
pub fn splice_readme(readme: &str, block: &str) -> Option<String> {
    let begin = readme.find(README_BEGIN)? + README_BEGIN.len();
    let end = begin + readme[begin..].find(README_END)?;
    Some(format!("{}\n{block}{}", &readme[..begin], &readme[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Check;

    #[test]
    fn rules_table_lists_every_check_aligned() {
        let table = rules_table();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), REGISTRY.len() + 1);
        assert!(lines[0].starts_with("CODE "));
        let summary_col = lines[0].find("SUMMARY").unwrap();
        for (line, info) in lines[1..].iter().zip(&REGISTRY) {
            assert!(line.starts_with(info.code), "{line}");
            assert_eq!(&line[summary_col..], info.docs.summary);
        }
    }

    #[test]
    fn explain_has_every_heading() {
        let text = explain(Check::RepeatQuote.info());
        assert!(text.starts_with("repeat/quote (repeat family, default severity warning)\n"));
        for part in ["Why it matters:", "Flagged, for example:", "What passes:"] {
            assert!(text.contains(part), "{part} missing from\n{text}");
        }
        assert!(text.contains(Check::RepeatQuote.info().docs.why));
    }

    #[test]
    fn examples_with_backticks_stay_one_code_span() {
        assert_eq!(inline_code("a \"b\""), "`a \"b\"`");
        assert_eq!(inline_code("x `y`"), "`` x `y` ``");
    }

    #[test]
    fn anchors_match_github() {
        assert_eq!(anchor("name/first-reference"), "namefirst-reference");
    }

    #[test]
    fn readme_block_is_replaced_between_markers() {
        let readme = format!("intro\n{README_BEGIN}\nold\n{README_END}\nrest\n");
        assert_eq!(
            splice_readme(&readme, "new\n").unwrap(),
            format!("intro\n{README_BEGIN}\nnew\n{README_END}\nrest\n")
        );
        assert_eq!(splice_readme("no markers", "new\n"), None);
    }
}
