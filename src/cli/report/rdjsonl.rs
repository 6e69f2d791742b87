//! reviewdog's rdjsonl: one `Diagnostic` of the Reviewdog Diagnostic Format
//! per line, for `reviewdog -f=rdjsonl`, which posts them as review comments
//! and turns `suggestions` into suggested changes.
//!
//! Positions follow the format: 1-based lines, 1-based columns counted in
//! UTF-8 bytes (not characters, unlike the other formats), and exclusive
//! ends. Severities are `ERROR`, `WARNING` and `INFO` (info and hint). Every
//! edit of a fix, safe or not, is a suggestion: a reviewer applies it by
//! hand. Field names are the format's JSON names (lower camel case).

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use copydesk_core::finding::{Finding, Severity};
use copydesk_core::line_index::LineIndex;

use super::{CheckedFile, Reporter};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub message: String,
    pub location: Location,
    pub severity: RdSeverity,
    pub source: Source,
    pub code: Code,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<Suggestion>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_locations: Vec<RelatedLocation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum RdSeverity {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    pub path: String,
    pub range: RdRange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RdRange {
    pub start: Position,
    /// Exclusive.
    pub end: Position,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    /// 1-based, in UTF-8 bytes.
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Code {
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub range: RdRange,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelatedLocation {
    pub message: String,
    pub location: Location,
}

impl Diagnostic {
    pub fn new(path: &str, index: &LineIndex<'_>, finding: &Finding) -> Diagnostic {
        let location = |range: &Range<usize>| Location {
            path: path.to_owned(),
            range: range_of(index, range),
        };
        Diagnostic {
            message: finding.message.clone(),
            location: location(&finding.range),
            severity: match finding.severity {
                Severity::Error => RdSeverity::Error,
                Severity::Warning => RdSeverity::Warning,
                Severity::Info | Severity::Hint => RdSeverity::Info,
            },
            source: Source {
                name: "copydesk",
                url: crate::cli::docs::home_url(),
            },
            code: Code {
                value: finding.code.as_str().to_owned(),
                url: crate::cli::docs::rule_url(finding.check()),
            },
            suggestions: finding
                .fix
                .iter()
                .flat_map(|fix| &fix.edits)
                .map(|edit| Suggestion {
                    range: range_of(index, &edit.range),
                    text: edit.replacement.clone(),
                })
                .collect(),
            related_locations: finding
                .related
                .iter()
                .map(|related| RelatedLocation {
                    message: related.message.clone(),
                    location: location(&related.range),
                })
                .collect(),
        }
    }
}

fn range_of(index: &LineIndex<'_>, range: &Range<usize>) -> RdRange {
    RdRange {
        start: position(index, range.start),
        end: position(index, range.end),
    }
}

fn position(index: &LineIndex<'_>, offset: usize) -> Position {
    let at = index.line_col(offset);
    let line_start = index.line_range(at.line - 1).start;
    Position {
        line: at.line,
        column: at.offset - line_start + 1,
    }
}

pub struct Rdjsonl;

impl Reporter for Rdjsonl {
    fn file(&mut self, out: &mut dyn Write, file: &CheckedFile<'_>) -> io::Result<()> {
        for finding in file.findings {
            serde_json::to_writer(&mut *out, &Diagnostic::new(file.path, file.index, finding))?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{findings, render, DRAFT, PATH};
    use super::*;

    #[test]
    fn renders_one_diagnostic_per_line() {
        insta::assert_snapshot!(render(&mut Rdjsonl));
    }

    #[test]
    fn columns_count_utf8_bytes() {
        let index = LineIndex::new(DRAFT);
        let hint = Diagnostic::new(PATH, &index, &findings()[0]);
        // "Zoë Adeyemi " is 12 characters but 13 bytes: the emoji starts at
        // byte column 14 and takes 4 bytes.
        assert_eq!(
            hint.location.range,
            RdRange {
                start: Position {
                    line: 3,
                    column: 14
                },
                end: Position {
                    line: 3,
                    column: 18
                },
            }
        );
        assert_eq!(hint.severity, RdSeverity::Info);
    }
}
