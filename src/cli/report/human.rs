//! The human format: rustc-like, rendered by `annotate-snippets`.
//!
//! ```text
//! warning[repeat/quote]: this quote was already used in paragraph 2
//!  --> story.txt:6:1
//!   |
//! 6 | "It risks further isolating Israel," he said.
//!   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//!   |
//! note: paragraph 2 uses it first
//!  --> story.txt:2:1
//!   |
//! 2 | ...
//!   = help: delete the repeated quote (unsafe fix)
//! ```
//!
//! Each related location is a note with its own snippet, so the evidence is
//! on screen next to the finding. Long lines (wire paragraphs are one line)
//! are cut around the caret by the renderer.

use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::renderer::{AnsiColor, Effects};
use annotate_snippets::{Level, Renderer, Snippet};

use crate::finding::{Finding, Safety, Severity};
use crate::line_index::LineIndex;

use super::{CheckedFile, Reporter};

/// Writes each finding as a rustc-like diagnostic, followed by a blank line.
pub struct Human {
    /// One renderer per severity, indexed by `Severity as usize`.
    renderers: [Renderer; Severity::ALL.len()],
}

impl Human {
    pub fn new(styled: bool) -> Human {
        // The renderer draws `^` only under error-level annotations, so the
        // primary range is always annotated as an error; each severity gets
        // a renderer whose "error" style is that severity's colour.
        let renderers = Severity::ALL.map(|severity| {
            if !styled {
                return Renderer::plain();
            }
            let color = match severity {
                Severity::Error => AnsiColor::BrightRed,
                Severity::Warning => AnsiColor::Yellow,
                Severity::Info => AnsiColor::BrightBlue,
                Severity::Hint => AnsiColor::BrightCyan,
            };
            Renderer::styled().error(color.on_default().effects(Effects::BOLD))
        });
        Human { renderers }
    }

    /// One finding, rendered without a trailing newline.
    pub fn render(&self, file: &CheckedFile<'_>, finding: &Finding) -> String {
        let primary = Excerpt::new(file.index, file.text, finding.range.clone());
        let related: Vec<Excerpt<'_>> = finding
            .related
            .iter()
            .map(|r| Excerpt::new(file.index, file.text, r.range.clone()))
            .collect();
        let fix_note = finding.fix.as_ref().map(|fix| {
            let safety = match fix.safety {
                Safety::Safe => "safe",
                Safety::Unsafe => "unsafe",
            };
            format!("{} ({safety} fix)", fix.title)
        });

        let mut message = level(finding.severity)
            .title(&finding.message)
            .id(finding.code())
            .snippet(primary.snippet(file.path, Level::Error));
        for (related, excerpt) in finding.related.iter().zip(&related) {
            message = message.footer(
                Level::Note
                    .title(&related.message)
                    .snippet(excerpt.snippet(file.path, Level::Note)),
            );
        }
        if let Some(note) = &fix_note {
            message = message.footer(Level::Help.title(note));
        }
        let renderer = &self.renderers[finding.severity as usize];
        let rendered = renderer.render(message).to_string();
        rendered
    }
}

impl Reporter for Human {
    fn file(&mut self, out: &mut dyn Write, file: &CheckedFile<'_>) -> io::Result<()> {
        for finding in file.findings {
            writeln!(out, "{}\n", self.render(file, finding))?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// The renderer has no "hint" level; a hint is shown as help, the mildest.
fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
        Severity::Hint => Level::Help,
    }
}

/// The whole lines around a byte range, and the range relative to them.
struct Excerpt<'a> {
    source: &'a str,
    /// 1-based number of the first line of `source`.
    first_line: usize,
    span: Range<usize>,
}

impl<'a> Excerpt<'a> {
    fn new(index: &LineIndex<'_>, text: &'a str, range: Range<usize>) -> Excerpt<'a> {
        let start = range.start.min(text.len());
        let end = range.end.clamp(start, text.len());
        let first = index.line_of(start);
        // A range that ends right after a newline ends on that line, not the next.
        let last = index.line_of(if end > start { end - 1 } else { start });
        let lines = index.line_range(first).start..index.line_range(last).end;
        let source = &text[lines.clone()];
        let span_start = start - lines.start;
        let span_end = end.min(lines.end).max(start) - lines.start;
        Excerpt {
            source,
            first_line: first + 1,
            span: span_start..span_end,
        }
    }

    fn snippet<'s>(&'s self, path: &'s str, level: Level) -> Snippet<'s> {
        Snippet::source(self.source)
            .line_start(self.first_line)
            .origin(path)
            .annotation(level.span(self.span.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{findings, DRAFT};
    use super::*;

    fn render_all(styled: bool) -> String {
        let index = LineIndex::new(DRAFT);
        let findings = findings();
        let file = CheckedFile {
            path: "drafts/talks.txt",
            text: DRAFT,
            index: &index,
            findings: &findings,
        };
        let mut out = Vec::new();
        let mut human = Human::new(styled);
        human.file(&mut out, &file).unwrap();
        human.finish(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn renders_findings_with_snippets_notes_and_fixes() {
        insta::assert_snapshot!(render_all(false));
    }

    #[test]
    fn plain_output_has_no_escape_codes_and_styled_output_has() {
        assert!(!render_all(false).contains('\u{1b}'));
        assert!(render_all(true).contains('\u{1b}'));
    }

    #[test]
    fn excerpt_of_a_range_ending_in_a_newline_stays_on_its_line() {
        let text = "one\r\ntwo\nthree";
        let index = LineIndex::new(text);
        let excerpt = Excerpt::new(&index, text, 5..9);
        assert_eq!(excerpt.source, "two");
        assert_eq!(excerpt.first_line, 2);
        assert_eq!(excerpt.span, 0..3);
    }

    #[test]
    fn excerpt_spans_several_lines_and_clamps_to_the_text() {
        let text = "one\r\ntwo\nthree";
        let index = LineIndex::new(text);
        let excerpt = Excerpt::new(&index, text, 1..100);
        assert_eq!(excerpt.source, text);
        assert_eq!(excerpt.first_line, 1);
        assert_eq!(excerpt.span, 1..text.len());
        let empty = Excerpt::new(&index, text, text.len()..text.len());
        assert_eq!((empty.source, empty.span), ("three", 5..5));
    }
}
