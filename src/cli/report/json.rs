//! The JSON format: one array of findings over all files, for tools.
//!
//! Every finding carries `path`, `code`, `severity`, `message`, and `start`
//! and `end` positions, each with a 1-based `line` and `column` (counted in
//! characters) and a byte `offset` into the file; then `related` locations
//! and the `fix`, if any, as edits with the same positions. The shape is
//! fixed by the derived structs below, which are the format's documentation.

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use copydesk_core::finding::{Finding, Safety, Severity};
use copydesk_core::line_index::{LineCol, LineIndex};

use super::{CheckedFile, Reporter};

/// One finding in the JSON output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsonFinding {
    pub path: String,
    /// The check's code, or the house rule's (`style/NAME`).
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub start: LineCol,
    pub end: LineCol,
    pub related: Vec<JsonRelated>,
    pub fix: Option<JsonFix>,
}

/// A location that supports a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsonRelated {
    /// The file of the location; today always the finding's own file.
    pub path: String,
    pub message: String,
    pub start: LineCol,
    pub end: LineCol,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsonFix {
    pub title: String,
    pub safety: Safety,
    pub edits: Vec<JsonEdit>,
}

/// Replace the text from `start` to `end` with `replacement`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsonEdit {
    pub start: LineCol,
    pub end: LineCol,
    pub replacement: String,
}

impl JsonFinding {
    pub fn new(path: &str, index: &LineIndex<'_>, finding: &Finding) -> JsonFinding {
        let (start, end) = positions(index, &finding.range);
        JsonFinding {
            path: path.to_owned(),
            code: finding.code.as_str().to_owned(),
            severity: finding.severity,
            message: finding.message.clone(),
            start,
            end,
            related: finding
                .related
                .iter()
                .map(|related| {
                    let (start, end) = positions(index, &related.range);
                    JsonRelated {
                        path: path.to_owned(),
                        message: related.message.clone(),
                        start,
                        end,
                    }
                })
                .collect(),
            fix: finding.fix.as_ref().map(|fix| JsonFix {
                title: fix.title.clone(),
                safety: fix.safety,
                edits: fix
                    .edits
                    .iter()
                    .map(|edit| {
                        let (start, end) = positions(index, &edit.range);
                        JsonEdit {
                            start,
                            end,
                            replacement: edit.replacement.clone(),
                        }
                    })
                    .collect(),
            }),
        }
    }
}

fn positions(index: &LineIndex<'_>, range: &Range<usize>) -> (LineCol, LineCol) {
    (index.line_col(range.start), index.line_col(range.end))
}

/// Collects every file's findings and writes one pretty-printed array at
/// the end (an empty array when nothing was found).
#[derive(Debug, Default)]
pub struct Json {
    findings: Vec<JsonFinding>,
}

impl Reporter for Json {
    fn file(&mut self, _out: &mut dyn Write, file: &CheckedFile<'_>) -> io::Result<()> {
        self.findings.extend(
            file.findings
                .iter()
                .map(|f| JsonFinding::new(file.path, file.index, f)),
        );
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &self.findings)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{findings, with_file, DRAFT};
    use super::*;
    use copydesk_core::checks::Check;

    fn render() -> String {
        with_file("drafts/talks.txt", |file| {
            let mut out = Vec::new();
            let mut json = Json::default();
            json.file(&mut out, file).unwrap();
            assert!(out.is_empty(), "JSON is written only at the end");
            json.finish(&mut out).unwrap();
            String::from_utf8(out).unwrap()
        })
    }

    #[test]
    fn renders_positions_related_and_fixes() {
        insta::assert_snapshot!(render());
    }

    #[test]
    fn positions_count_characters_and_keep_byte_offsets() {
        let index = LineIndex::new(DRAFT);
        let hint = JsonFinding::new("t.txt", &index, &findings()[0]);
        assert_eq!(hint.code, Check::NameFirstReference.code());
        assert_eq!(hint.severity, Severity::Hint);
        // Line 3 starts after two CRLF lines; "Zoë Adeyemi " is 12 characters
        // but 13 bytes, so the emoji is at column 13 and ends at column 14.
        let line3 = DRAFT.find("Zoë").unwrap();
        let at = |column, offset| LineCol {
            line: 3,
            column,
            offset,
        };
        assert_eq!(hint.start, at(13, line3 + 13));
        assert_eq!(hint.end, at(14, line3 + 17));
        assert_eq!(hint.fix, None);
    }

    #[test]
    fn an_empty_run_is_an_empty_array() {
        let mut out = Vec::new();
        Json::default().finish(&mut out).unwrap();
        assert_eq!(out, b"[]\n");
    }
}
