//! The JSON lines format: one finding per line, in the shape of the JSON
//! format ([`JsonFinding`]), written and flushed as each file is checked.
//!
//! For large runs: a consumer can start on the first files while the rest
//! are checked, and memory does not grow with the number of findings. An
//! empty run writes nothing.

use std::io::{self, Write};

use super::json::JsonFinding;
use super::{CheckedFile, Reporter};

pub struct Jsonl;

impl Reporter for Jsonl {
    fn file(&mut self, out: &mut dyn Write, file: &CheckedFile<'_>) -> io::Result<()> {
        // serde_json writes a token at a time: into a `Vec` those writes are
        // inlined, through `dyn Write` each is a call.
        let mut lines = Vec::new();
        for finding in file.findings {
            serde_json::to_writer(
                &mut lines,
                &JsonFinding::new(file.path, file.index, finding),
            )?;
            lines.push(b'\n');
        }
        out.write_all(&lines)
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{findings, render, DRAFT, PATH};
    use super::*;
    use copydesk_core::line_index::LineIndex;

    #[test]
    fn one_compact_finding_per_line() {
        let out = render(&mut Jsonl);
        let index = LineIndex::new(DRAFT);
        let expected: String = findings()
            .iter()
            .map(|f| serde_json::to_string(&JsonFinding::new(PATH, &index, f)).unwrap() + "\n")
            .collect();
        assert_eq!(out, expected);
        insta::assert_snapshot!(out);
    }

    #[test]
    fn an_empty_run_writes_nothing() {
        let mut out = Vec::new();
        Jsonl.finish(&mut out).unwrap();
        assert!(out.is_empty());
    }
}
