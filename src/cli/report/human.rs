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
//! are cut around the caret by the renderer, to the terminal's width
//! ([`terminal_width`]: `COLUMNS`, else the terminal's size, else rustc's
//! 140). A range wider than that (a whole restated paragraph) is shown from
//! its start and cut with `...`, its carets capped at the width, as rustc
//! and ruff do; the position above it stays the true one.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use annotate_snippets::renderer::{AnsiColor, Effects};
use annotate_snippets::{Level, Renderer, Snippet};

use copydesk_core::finding::{Finding, Safety, Severity};
use copydesk_core::line_index::LineIndex;

use super::{CheckedFile, Reporter};

/// Writes each finding as a rustc-like diagnostic, followed by a blank line.
pub struct Human {
    /// One renderer per severity, indexed by `Severity as usize`.
    renderers: [Renderer; Severity::ALL.len()],
    /// Columns a rendered line may take.
    width: usize,
}

/// Columns when neither `COLUMNS` nor a terminal says: rustc's default.
pub const DEFAULT_WIDTH: usize = 140;

/// The narrowest width honoured: below it a snippet would show nothing of
/// the text.
const MIN_WIDTH: usize = 40;

/// The width the human format fits its lines to: `COLUMNS` when it is a
/// number, else the width of the terminal standard output is, else
/// [`DEFAULT_WIDTH`] (output to a file or a pipe does not depend on where
/// the command ran).
pub fn terminal_width(columns: Option<&str>, terminal: Option<usize>) -> usize {
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or(terminal)
        .unwrap_or(DEFAULT_WIDTH)
        .max(MIN_WIDTH)
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
        Human {
            renderers,
            width: DEFAULT_WIDTH,
        }
    }

    /// Fit the lines to `width` columns (at least [`MIN_WIDTH`]).
    pub fn width(mut self, width: usize) -> Human {
        let width = width.max(MIN_WIDTH);
        self.renderers = self.renderers.map(|r| r.term_width(width));
        self.width = width;
        self
    }

    /// One finding, rendered without a trailing newline.
    pub fn render(&self, file: &CheckedFile<'_>, finding: &Finding) -> String {
        let excerpt = |range: &Range<usize>| {
            Excerpt::new(file.index, file.text, range.clone(), file.path).fit(self.width, file.path)
        };
        let primary = excerpt(&finding.range);
        let related: Vec<Excerpt<'_>> = finding.related.iter().map(|r| excerpt(&r.range)).collect();
        let fix_note = finding.fix.as_ref().map(|fix| {
            let safety = match fix.safety {
                Safety::Safe => "safe",
                Safety::Unsafe => "unsafe",
            };
            format!("{} ({safety} fix)", fix.title)
        });

        let mut message = level(finding.severity)
            .title(&finding.message)
            .id(finding.code.as_str())
            .snippets(primary.snippets(file.path, Level::Error));
        for (related, excerpt) in finding.related.iter().zip(&related) {
            message = message.footer(
                Level::Note
                    .title(&related.message)
                    .snippets(excerpt.snippets(file.path, Level::Note)),
            );
        }
        if let Some(note) = &fix_note {
            message = message.footer(Level::Help.title(note));
        }
        let renderer = &self.renderers[finding.severity as usize];
        let rendered = renderer.render(message).to_string();
        if primary.position.is_none() && related.iter().all(|r| r.position.is_none()) {
            return rendered;
        }
        // The empty snippet that carries a cut excerpt's position draws a
        // bare gutter line of its own; one is enough.
        let mut out = String::with_capacity(rendered.len());
        let mut previous: Option<&str> = None;
        for line in rendered.split_inclusive('\n') {
            let bare_gutter = line
                .trim_end()
                .split('\u{1b}')
                .enumerate()
                .map(|(i, part)| match part.split_once('m') {
                    // An escape sequence (`[1;33m`) and the text after it.
                    Some((_, rest)) if i > 0 => rest,
                    _ => part,
                })
                .all(|text| text.chars().all(|c| c == ' ' || c == '|'));
            if bare_gutter && previous == Some(line) {
                continue;
            }
            previous = Some(line);
            out.push_str(line);
        }
        out
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

/// Excerpts longer than this are cut to a window around the range: the
/// renderer walks the whole source of every snippet, so a draft that is one
/// huge line would otherwise cost (findings × line length).
const LONG_EXCERPT_BYTES: usize = 8 * 1024;

/// Characters of context kept on each side of the range in a cut excerpt;
/// more than the renderer shows, so it still marks the cut with `...`.
const WINDOW_CHARS: usize = 200;

/// The whole lines around a byte range (or a window of them, when they are
/// very long), and the range relative to them.
struct Excerpt<'a> {
    /// Tabs are shown as one space: the renderer widens tabs but not the
    /// caret line under them, so carets after a tab would drift.
    source: Cow<'a, str>,
    /// 1-based number of the first line of `source`.
    first_line: usize,
    span: Range<usize>,
    /// `path:line:column` when `source` is a window that does not start at
    /// the line start, so the renderer's own column count would be wrong.
    position: Option<String>,
}

impl<'a> Excerpt<'a> {
    fn new(index: &LineIndex<'_>, text: &'a str, range: Range<usize>, path: &str) -> Excerpt<'a> {
        let start = floor_char_boundary(text, range.start.min(text.len()));
        let end = floor_char_boundary(text, range.end.clamp(start, text.len()));
        let first = index.line_of(start);
        // A range that ends right after a newline ends on that line, not the next.
        let last = index.line_of(if end > start { end - 1 } else { start });
        let mut shown = index.line_range(first).start..index.line_range(last).end;
        let mut position = None;
        if shown.len() > LONG_EXCERPT_BYTES {
            let shown_end = floor_char_boundary(text, (start + LONG_EXCERPT_BYTES).min(end));
            let window =
                chars_before(text, shown.start, start)..chars_after(text, shown_end, shown.end);
            if window.start > shown.start {
                let at = index.line_col(start);
                position = Some(format!("{path}:{}:{}", at.line, at.column));
            }
            shown = window;
        }
        let source = &text[shown.clone()];
        let source = if source.contains('\t') {
            Cow::Owned(source.replace('\t', " "))
        } else {
            Cow::Borrowed(source)
        };
        let span_start = start - shown.start;
        let span_end = end.clamp(start, shown.end) - shown.start;
        Excerpt {
            source,
            first_line: first + 1,
            span: span_start..span_end,
            position,
        }
    }

    /// Fit a one-line excerpt to `width` columns less the line-number
    /// gutter: a line that is too long is cut to a window around the range,
    /// each cut marked with `...`; a range that is itself too wide (a whole
    /// restated paragraph) is shown from its start, as much as fits, its
    /// carets capped. The renderer's own cutting keeps the whole range and
    /// a margin, so it would draw the whole line and a caret under every
    /// character of it. Multi-line ranges are left as they are.
    fn fit(mut self, width: usize, path: &str) -> Excerpt<'a> {
        const CUT: &str = "...";
        let gutter = self.first_line.to_string().len() + " | ".len();
        let columns = width.saturating_sub(gutter);
        let source = &self.source[..];
        let span = self.span.clone();
        if source.contains('\n') || source.chars().count() <= columns {
            return self;
        }
        let chars = |s: &str| s.chars().count();
        let (before, within, after) = (
            chars(&source[..span.start]),
            chars(&source[span.clone()]),
            chars(&source[span.end..]),
        );
        // Characters of context kept on each side; a cut side costs `...`.
        let (left, right) = if within + 2 * CUT.len() >= columns {
            (0, 0)
        } else {
            let budget = columns - within - 2 * CUT.len();
            let right = after.min(budget - budget / 2);
            let left = before.min(budget - right);
            (left, after.min(budget - left))
        };
        let keep_within = if within + 2 * CUT.len() >= columns {
            let prefix = if before > 0 { CUT.len() } else { 0 };
            columns.saturating_sub(prefix + CUT.len()).max(1)
        } else {
            within
        };
        let offset = |from: usize, n: usize| {
            source[from..]
                .char_indices()
                .nth(n)
                .map_or(source.len(), |(i, _)| from + i)
        };
        let start = offset(0, before - left);
        let kept_end = offset(span.start, keep_within).min(span.end);
        let end = if kept_end < span.end {
            kept_end
        } else {
            offset(span.end, right)
        };
        let prefix = if start > 0 { CUT } else { "" };
        let suffix = if end < source.len() { CUT } else { "" };
        if start > 0 && self.position.is_none() {
            // The renderer counts columns from the start of the source.
            self.position = Some(format!("{path}:{}:{}", self.first_line, before + 1));
        }
        let fitted = format!("{prefix}{}{suffix}", &source[start..end]);
        let span_start = prefix.len() + span.start - start;
        self.span = span_start..span_start + (kept_end - span.start);
        self.source = Cow::Owned(fitted);
        self
    }

    /// The snippets that show this excerpt under a title.
    fn snippets<'s>(&'s self, path: &'s str, level: Level) -> Vec<Snippet<'s>> {
        let source = Snippet::source(&self.source)
            .line_start(self.first_line)
            .annotation(level.span(self.span.clone()));
        match &self.position {
            None => vec![source.origin(path)],
            // The renderer counts the column from the start of the source;
            // for a window, an empty snippet carries the true position.
            Some(position) => vec![Snippet::source("").origin(position), source],
        }
    }
}

/// The offset `WINDOW_CHARS` characters before `offset`, not before `floor`.
fn chars_before(text: &str, floor: usize, offset: usize) -> usize {
    text[floor..offset]
        .char_indices()
        .rev()
        .nth(WINDOW_CHARS - 1)
        .map_or(floor, |(i, _)| floor + i)
}

/// The offset `WINDOW_CHARS` characters after `offset`, not after `ceiling`.
fn chars_after(text: &str, offset: usize, ceiling: usize) -> usize {
    text[offset..ceiling]
        .char_indices()
        .nth(WINDOW_CHARS)
        .map_or(ceiling, |(i, _)| offset + i)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::super::test_support::render_as;
    use super::*;

    fn render_all(styled: bool) -> String {
        render_as("drafts/talks.txt", &mut Human::new(styled))
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

    fn render_one(text: &str, range: Range<usize>) -> String {
        let index = LineIndex::new(text);
        let findings = [Finding::new(
            copydesk_core::checks::Check::QuoteUnattributed,
            range,
            "this quote is not attributed to anyone",
        )];
        let file = CheckedFile {
            path: "t.txt",
            text,
            index: &index,
            findings: &findings,
        };
        Human::new(false).render(&file, &findings[0])
    }

    #[test]
    fn carets_stay_under_the_range_after_a_tab() {
        let text = "Vote:\t\"Every library stays open.\"\n";
        let start = text.find('"').unwrap();
        let rendered = render_one(text, start..text.len() - 1);
        let lines: Vec<&str> = rendered.lines().collect();
        assert_eq!(
            lines[3], "1 | Vote: \"Every library stays open.\"",
            "{rendered}"
        );
        let carets = "^".repeat("\"Every library stays open.\"".len());
        assert_eq!(lines[4], format!("  |       {carets}"), "{rendered}");
    }

    #[test]
    fn a_range_over_crlf_lines_shows_every_line_without_carriage_returns() {
        let text = "Intro.\r\n\r\nThe council voted\r\non the plan.\r\n";
        let start = text.find("The").unwrap();
        let rendered = render_one(text, start..text.len() - 2);
        assert!(!rendered.contains('\r'), "{rendered:?}");
        assert!(rendered.contains(" --> t.txt:3:1\n"), "{rendered}");
        assert!(rendered.contains("3 | / The council voted\n"), "{rendered}");
        assert!(rendered.contains("4 | | on the plan.\n"), "{rendered}");
    }

    #[test]
    fn a_huge_line_is_cut_around_the_range_with_the_true_position() {
        let text = format!(
            "{}\"Every library stays open.\"{}",
            "é".repeat(50_000),
            " x".repeat(50_000)
        );
        let start = text.find('"').unwrap();
        let rendered = render_one(&text, start..start + 28);
        assert!(rendered.contains(" --> t.txt:1:50001\n"), "{rendered}");
        assert!(
            rendered.contains("^^^^^^^^^^^^^^^^^^^^^^^^^^^^"),
            "{rendered}"
        );
        let widest = rendered.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest < 200, "{rendered}");
    }

    fn render_at(width: usize, text: &str, range: Range<usize>) -> String {
        let index = LineIndex::new(text);
        let mut finding = Finding::new(
            copydesk_core::checks::Check::RepeatParagraph,
            range.clone(),
            "Paragraph 3 restates the lede",
        );
        finding = finding.with_related(0..text.find('\n').unwrap(), "the lede says it first");
        let findings = [finding];
        let file = CheckedFile {
            path: "t.txt",
            text,
            index: &index,
            findings: &findings,
        };
        Human::new(false).width(width).render(&file, &findings[0])
    }

    /// A whole-paragraph range on a narrow terminal: every line fits, the
    /// carets are capped, the cut is marked, the position is the true one.
    #[test]
    fn a_range_wider_than_the_terminal_is_cut_with_capped_carets() {
        let lede = "A full-scale ground offensive against Rafah would further isolate Israel internationally, Antony Blinken said on Friday.";
        let text = format!("{lede}\nHe spoke in Doha.\n{lede} Again.\n");
        let start = text.rfind("A full").unwrap();
        let rendered = render_at(60, &text, start..text.len() - 1);
        insta::assert_snapshot!(rendered, @r"
        warning[repeat/paragraph]: Paragraph 3 restates the lede
         --> t.txt:3:1
          |
        3 | A full-scale ground offensive against Rafah would fur...
          | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
          |
        note: the lede says it first
         --> t.txt:1:1
          |
        1 | A full-scale ground offensive against Rafah would fur...
          | -----------------------------------------------------
          |
        ");
        for line in rendered.lines() {
            assert!(line.chars().count() <= 60, "{line:?}");
        }
        assert!(rendered.contains(&format!("  | {}\n", "^".repeat(53))));
        // Wide enough: the whole line and every caret, as before.
        let rendered = render_at(200, &text, start..text.len() - 1);
        let carets = "^".repeat(lede.len() + " Again.".len());
        assert!(rendered.contains(&format!("  | {carets}\n")), "{rendered}");
    }

    #[test]
    fn a_wide_range_that_starts_mid_line_keeps_its_true_column() {
        let text = format!("Intro.\nShe said: \"{}\"\n", "word ".repeat(40).trim_end());
        let start = text.find('"').unwrap();
        let rendered = render_at(50, &text, start..text.len() - 1);
        assert!(
            rendered.contains(" --> t.txt:2:11\n  |\n2 | "),
            "{rendered}"
        );
        assert!(rendered.contains("2 | ...\"word word"), "{rendered}");
        assert!(rendered.contains("  |    ^^^^"), "{rendered}");
        // Snippet lines fit (the message is not wrapped, as in rustc).
        let widest = rendered
            .lines()
            .filter(|l| l.contains(" | "))
            .map(|l| l.chars().count())
            .max()
            .unwrap();
        assert!(widest <= 50, "{rendered}");
    }

    #[test]
    fn the_width_comes_from_columns_then_the_terminal_then_rustcs_default() {
        assert_eq!(terminal_width(Some("100"), Some(80)), 100);
        assert_eq!(terminal_width(Some(" 72 "), None), 72);
        assert_eq!(terminal_width(Some("wide"), Some(80)), 80);
        assert_eq!(terminal_width(Some("0"), None), DEFAULT_WIDTH);
        assert_eq!(terminal_width(None, None), 140);
        assert_eq!(terminal_width(Some("10"), None), MIN_WIDTH);
    }

    #[test]
    fn excerpt_of_a_range_ending_in_a_newline_stays_on_its_line() {
        let text = "one\r\ntwo\nthree";
        let index = LineIndex::new(text);
        let excerpt = Excerpt::new(&index, text, 5..9, "t");
        assert_eq!(excerpt.source, "two");
        assert_eq!(excerpt.first_line, 2);
        assert_eq!(excerpt.span, 0..3);
    }

    #[test]
    fn excerpt_spans_several_lines_and_clamps_to_the_text() {
        let text = "one\r\ntwo\nthree";
        let index = LineIndex::new(text);
        let excerpt = Excerpt::new(&index, text, 1..100, "t");
        assert_eq!(excerpt.source, text);
        assert_eq!(excerpt.position, None);
        assert_eq!(excerpt.first_line, 1);
        assert_eq!(excerpt.span, 1..text.len());
        let empty = Excerpt::new(&index, text, text.len()..text.len(), "t");
        assert_eq!((&*empty.source, empty.span), ("three", 5..5));
    }
}
