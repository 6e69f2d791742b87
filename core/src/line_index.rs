//! Byte offsets ↔ 1-based line and column (in characters), for the CLI and
//! its reporters. The LSP has its own conversion (UTF-16/UTF-8) in
//! `lsp::convert`.

use serde::Serialize;

/// A position as the CLI reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
    /// Byte offset into the file.
    pub offset: usize,
}

/// Inside lines longer than this many bytes, [`LineIndex`] keeps a
/// checkpoint about every this many bytes, so finding a column counts at most
/// this many bytes: a draft that is one huge line (no line breaks, or CR-only
/// line ends) does not make every lookup walk the whole line.
const CHECKPOINT_BYTES: usize = 4096;

/// Line starts of a text, for repeated lookups.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of each line; a line ends at `\n`, `\r\n`
    /// or a lone `\r`.
    starts: Vec<usize>,
    /// `(byte offset, 0-based column)` at character boundaries inside long
    /// lines, sorted by offset.
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        // Lines end at `\n`, `\r\n` or a lone `\r`, as in the LSP.
        let bytes = text.as_bytes();
        starts.extend(
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                .map(|i| i + 1),
        );
        let mut checkpoints = Vec::new();
        let ends = starts.iter().skip(1).copied().chain([text.len()]);
        for (start, end) in starts.iter().copied().zip(ends) {
            if end - start <= CHECKPOINT_BYTES {
                continue;
            }
            let mut next = start + CHECKPOINT_BYTES;
            for (column, (i, _)) in text[start..end].char_indices().enumerate() {
                if start + i >= next {
                    checkpoints.push((start + i, column));
                    next = start + i + CHECKPOINT_BYTES;
                }
            }
        }
        LineIndex {
            text,
            starts,
            checkpoints,
        }
    }

    /// 0-based line containing `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte range of 0-based `line`, without its `\r\n`, `\n` or `\r`.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line];
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |&s| s - 1);
        let end = if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line and column of `offset`. An offset inside a character
    /// is moved back to the character's start.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let line_start = self.starts[line];
        let before = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        let (from, counted) = self.checkpoints[..before]
            .last()
            .copied()
            .filter(|&(at, _)| at >= line_start)
            .unwrap_or((line_start, 0));
        let column = counted + self.text[from..offset].chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
            offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "a👍b\r\nsecond é line";
        let idx = LineIndex::new(text);
        assert_eq!(
            idx.line_col(0),
            LineCol {
                line: 1,
                column: 1,
                offset: 0
            }
        );
        assert_eq!(idx.line_col(5).column, 3); // after the emoji
        let e = text.find('é').unwrap();
        assert_eq!(
            idx.line_col(e),
            LineCol {
                line: 2,
                column: 8,
                offset: e
            }
        );
        assert_eq!(&text[idx.line_range(0)], "a👍b");
        assert_eq!(idx.line_col(text.len()).line, 2);
    }

    #[test]
    fn columns_on_very_long_lines_match_counting_from_the_line_start() {
        let long_line = "Zoë said \"ja\" 👍 then left. ".repeat(2000);
        let text = format!("short first line\n{long_line}\r\n{long_line}");
        let idx = LineIndex::new(&text);
        assert!(!idx.checkpoints.is_empty());
        for offset in (0..=text.len()).step_by(97).chain([text.len()]) {
            let mut at = offset;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let line = idx.line_of(at);
            let naive = text[idx.starts[line]..at].chars().count() + 1;
            assert_eq!(idx.line_col(offset).column, naive, "offset {offset}");
            assert_eq!(idx.line_col(offset).offset, at);
        }
    }

    #[test]
    fn offsets_inside_a_character_move_back() {
        let idx = LineIndex::new("👍x");
        assert_eq!(
            idx.line_col(2),
            LineCol {
                line: 1,
                column: 1,
                offset: 0
            }
        );
    }
}
