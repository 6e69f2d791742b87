//! The GitHub format: workflow commands that GitHub Actions turns into
//! annotations on the pull request.
//!
//! ```text
//! ::warning file=story.txt,line=6,col=107,endLine=6,endColumn=174,title=repeat/quote::Quote repeats …%0Aline 2: first quoted here
//! ```
//!
//! Escaping follows the Actions runner: in the message `%`, CR and LF become
//! `%25`, `%0D` and `%0A`; in a property (`file`, `title`) `:` and `,` also
//! become `%3A` and `%2C`. Related locations and the fix go on extra lines
//! of the message. Severities map to `error`, `warning` and `notice` (info
//! and hint).
//!
//! GitHub shows at most ten annotations of each level per step (and fifty
//! per job) and drops the rest without a word, so at most
//! [`DEFAULT_MAX_ANNOTATIONS`] (or `--max-annotations`) of each level are
//! written, and [`Reporter::left_out`] tells the summary line how many were
//! not.

use std::io::{self, Write};

use copydesk_core::finding::{Finding, Safety, Severity};

use super::{CheckedFile, Reporter};

/// GitHub's display limit per level and step.
pub const DEFAULT_MAX_ANNOTATIONS: usize = 10;

/// Annotation levels, in the order of [`Github::written`].
const LEVELS: [&str; 3] = ["error", "warning", "notice"];

pub struct Github {
    max_per_level: usize,
    /// Annotations written per level.
    written: [usize; LEVELS.len()],
    left_out: usize,
}

impl Github {
    pub fn new(max_per_level: usize) -> Github {
        Github {
            max_per_level,
            written: [0; LEVELS.len()],
            left_out: 0,
        }
    }

    /// One workflow command, with its newline.
    pub fn command(file: &CheckedFile<'_>, finding: &Finding) -> String {
        let level = LEVELS[level(finding.severity)];
        let start = file.index.line_col(finding.range.start);
        let end = file.index.line_col(finding.range.end);
        let mut message = finding.message.clone();
        for related in &finding.related {
            let at = file.index.line_col(related.range.start);
            message += &format!("\nline {}: {}", at.line, related.message);
        }
        if let Some(fix) = &finding.fix {
            let safety = match fix.safety {
                Safety::Safe => "safe",
                Safety::Unsafe => "unsafe",
            };
            message += &format!("\nfix ({safety}): {}", fix.title);
        }
        let path = file.path.strip_prefix("./").unwrap_or(file.path);
        format!(
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            property(path),
            start.line,
            start.column,
            end.line,
            end.column,
            property(finding.code.as_str()),
            data(&message),
        )
    }
}

/// Index into [`LEVELS`].
fn level(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info | Severity::Hint => 2,
    }
}

/// Escape a command's message.
pub fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a command property's value.
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for Github {
    fn file(&mut self, out: &mut dyn Write, file: &CheckedFile<'_>) -> io::Result<()> {
        for finding in file.findings {
            let level = level(finding.severity);
            if self.written[level] >= self.max_per_level {
                self.left_out += 1;
                continue;
            }
            self.written[level] += 1;
            out.write_all(Github::command(file, finding).as_bytes())?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn left_out(&self) -> Option<String> {
        (self.left_out > 0).then(|| {
            format!(
                "{} left out (at most {} of each level per step; GitHub shows 10; see --max-annotations)",
                crate::cli::plural(self.left_out, "annotation"),
                self.max_per_level
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{render, DRAFT, PATH};
    use super::*;
    use copydesk_core::checks::Check;
    use copydesk_core::line_index::LineIndex;

    #[test]
    fn renders_escaped_commands_per_level() {
        insta::assert_snapshot!(render(&mut Github::new(DEFAULT_MAX_ANNOTATIONS)));
    }

    #[test]
    fn escapes_follow_the_runner() {
        assert_eq!(data("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext: a, b");
        assert_eq!(property("a:b,c%d\n"), "a%3Ab%2Cc%25d%0A");
    }

    #[test]
    fn each_level_stops_at_the_limit_and_the_rest_is_counted() {
        let index = LineIndex::new(DRAFT);
        let mut error = Finding::new(Check::QuoteUnattributed, 0..3, "e");
        error.severity = Severity::Error;
        let warning = Finding::new(Check::RepeatQuote, 0..3, "w");
        let findings = vec![
            error.clone(),
            warning.clone(),
            error.clone(),
            warning.clone(),
            warning,
            error,
        ];
        let file = CheckedFile {
            path: PATH,
            text: DRAFT,
            index: &index,
            findings: &findings,
        };
        let mut github = Github::new(2);
        let mut out = Vec::new();
        github.file(&mut out, &file).unwrap();
        let out = String::from_utf8(out).unwrap();
        let levels: Vec<&str> = out.lines().map(|l| &l[2..l.find(' ').unwrap()]).collect();
        assert_eq!(levels, ["error", "warning", "error", "warning"]);
        assert_eq!(
            github.left_out().unwrap(),
            "2 annotations left out (at most 2 of each level per step; GitHub shows 10; see --max-annotations)"
        );
        assert_eq!(Github::new(2).left_out(), None);
    }
}
