//! Byte offsets ↔ LSP positions: the one place that does this conversion.
//!
//! The core speaks byte ranges; the protocol speaks `(line, character)`
//! where `character` counts UTF-16 code units, or UTF-8 bytes when the
//! client offered `utf-8` in `general.positionEncodings` and we picked it.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the LSP specification says.
//! That is deliberately not ropey's notion of a line (with its default
//! features it also breaks at U+2028, U+0085 and friends), so line starts
//! are computed here, for both a `&str` and a [`Rope`].
//!
//! Every conversion is total: a line past the end clamps to the end of the
//! text, a character past the end of its line clamps to the line's end, a
//! position inside a character (between two UTF-16 surrogates, inside a
//! UTF-8 sequence) moves back to the character's start, and a byte offset
//! inside a character or a line break moves back too. Nothing here panics on
//! client input.

use std::ops::Range;

use ropey::Rope;
use tower_lsp::lsp_types::{self as lsp, ClientCapabilities, PositionEncodingKind};

/// The position encoding negotiated with the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// `character` counts UTF-8 bytes (cheapest for us, since the core
    /// speaks bytes).
    Utf8,
    /// `character` counts UTF-16 code units: the protocol's default.
    #[default]
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it, else UTF-16 (which every client
    /// must support).
    pub fn negotiate(caps: &ClientCapabilities) -> Encoding {
        let offered = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref())
            .unwrap_or_default();
        if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn units(self, c: char) -> u32 {
        // A char is at most 4 UTF-8 bytes / 2 UTF-16 units: no truncation.
        match self {
            Encoding::Utf8 => c.len_utf8() as u32,
            Encoding::Utf16 => c.len_utf16() as u32,
        }
    }
}

/// Text the conversions can read: a `str` or a [`Rope`].
pub trait Source {
    fn len_bytes(&self) -> usize;
    fn byte_at(&self, offset: usize) -> u8;
    /// The chars of `range`; both ends are char boundaries.
    fn chars_in(&self, range: Range<usize>) -> impl Iterator<Item = char> + '_;
    /// The largest char boundary at or before `offset` (≤ the length).
    fn floor_boundary(&self, offset: usize) -> usize;
    /// Every byte, in order, for finding line breaks.
    fn for_each_chunk(&self, f: impl FnMut(&[u8]));
}

impl Source for str {
    fn len_bytes(&self) -> usize {
        self.len()
    }

    fn byte_at(&self, offset: usize) -> u8 {
        self.as_bytes()[offset]
    }

    fn chars_in(&self, range: Range<usize>) -> impl Iterator<Item = char> + '_ {
        self[range].chars()
    }

    fn floor_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.len());
        while !self.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    fn for_each_chunk(&self, mut f: impl FnMut(&[u8])) {
        f(self.as_bytes());
    }
}

impl Source for Rope {
    fn len_bytes(&self) -> usize {
        Rope::len_bytes(self)
    }

    fn byte_at(&self, offset: usize) -> u8 {
        self.byte(offset)
    }

    fn chars_in(&self, range: Range<usize>) -> impl Iterator<Item = char> + '_ {
        self.byte_slice(range).chars()
    }

    fn floor_boundary(&self, offset: usize) -> usize {
        let offset = offset.min(Rope::len_bytes(self));
        // byte_to_char maps a byte inside a char to that char.
        self.char_to_byte(self.byte_to_char(offset))
    }

    fn for_each_chunk(&self, mut f: impl FnMut(&[u8])) {
        for chunk in self.chunks() {
            f(chunk.as_bytes());
        }
    }
}

/// Converts between byte offsets into one text and LSP positions.
pub struct Converter<'a, S: Source + ?Sized> {
    text: &'a S,
    /// Byte offset where each line starts; `starts[0] == 0`.
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a, S: Source + ?Sized> Converter<'a, S> {
    pub fn new(text: &'a S, encoding: Encoding) -> Converter<'a, S> {
        let mut starts = vec![0];
        let mut chunk_start = 0;
        // A `\r` ends a line unless a `\n` follows; a chunk border may fall
        // between them, hence the pending `\r` carried across chunks.
        let mut pending_cr: Option<usize> = None;
        text.for_each_chunk(|chunk| {
            for i in memchr::memchr2_iter(b'\n', b'\r', chunk) {
                let at = chunk_start + i;
                if let Some(cr) = pending_cr.take() {
                    if !(chunk[i] == b'\n' && at == cr + 1) {
                        starts.push(cr + 1);
                    }
                }
                if chunk[i] == b'\n' {
                    starts.push(at + 1);
                } else {
                    pending_cr = Some(at);
                }
            }
            chunk_start += chunk.len();
        });
        if let Some(cr) = pending_cr {
            starts.push(cr + 1);
        }
        Converter {
            text,
            starts,
            encoding,
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of 0-based `line` without its line break.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let len = self.text.len_bytes();
        let start = self.starts[line];
        let Some(&next) = self.starts.get(line + 1) else {
            return start..len;
        };
        let mut end = next;
        if end > start && self.text.byte_at(end - 1) == b'\n' {
            end -= 1;
        }
        if end > start && self.text.byte_at(end - 1) == b'\r' {
            end -= 1;
        }
        start..end
    }

    /// The 0-based line containing byte `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len_bytes());
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The LSP position of byte `offset`.
    pub fn position(&self, offset: usize) -> lsp::Position {
        let offset = self.text.floor_boundary(offset);
        let line = self.line_of(offset);
        let range = self.line_range(line);
        // An offset inside the line break is the end of the line.
        let offset = offset.min(range.end);
        let character = self
            .text
            .chars_in(range.start..offset)
            .map(|c| self.encoding.units(c))
            .sum();
        lsp::Position {
            line: line as u32,
            character,
        }
    }

    pub fn range(&self, range: Range<usize>) -> lsp::Range {
        lsp::Range {
            start: self.position(range.start),
            end: self.position(range.end),
        }
    }

    /// The byte offset of an LSP position, clamped as the module docs say.
    pub fn offset(&self, position: lsp::Position) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return self.text.len_bytes();
        }
        let range = self.line_range(line);
        let mut offset = range.start;
        let mut units = 0;
        for c in self.text.chars_in(range) {
            let next = units + self.encoding.units(c);
            if next > position.character {
                break;
            }
            units = next;
            offset += c.len_utf8();
        }
        offset
    }

    /// The byte range of an LSP range; a reversed range is put in order.
    pub fn byte_range(&self, range: lsp::Range) -> Range<usize> {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        a.min(b)..a.max(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> lsp::Position {
        lsp::Position { line, character }
    }

    /// Round trip through both encodings and both sources.
    #[track_caller]
    fn assert_maps(text: &str, offset: usize, utf16: lsp::Position, utf8: lsp::Position) {
        let rope = Rope::from_str(text);
        for (enc, expected) in [(Encoding::Utf16, utf16), (Encoding::Utf8, utf8)] {
            let s = Converter::new(text, enc);
            let r = Converter::new(&rope, enc);
            assert_eq!(s.position(offset), expected, "{enc:?} str");
            assert_eq!(r.position(offset), expected, "{enc:?} rope");
            assert_eq!(s.offset(expected), offset, "{enc:?} str");
            assert_eq!(r.offset(expected), offset, "{enc:?} rope");
        }
    }

    #[test]
    fn emoji_is_two_utf16_units_and_four_bytes() {
        let text = "a👍b";
        assert_maps(text, 0, pos(0, 0), pos(0, 0));
        assert_maps(text, 1, pos(0, 1), pos(0, 1));
        assert_maps(text, 5, pos(0, 3), pos(0, 5));
        assert_maps(text, 6, pos(0, 4), pos(0, 6));
    }

    #[test]
    fn accented_letters_are_one_utf16_unit_and_two_bytes() {
        let text = "né\nx";
        assert_maps(text, 3, pos(0, 2), pos(0, 3));
        assert_maps(text, 4, pos(1, 0), pos(1, 0));
    }

    #[test]
    fn crlf_lf_and_lone_cr_all_end_lines() {
        let text = "one\r\ntwo\nthree\rfour";
        let c = Converter::new(text, Encoding::Utf16);
        assert_eq!(c.line_count(), 4);
        let lines: Vec<&str> = (0..4).map(|l| &text[c.line_range(l)]).collect();
        assert_eq!(lines, ["one", "two", "three", "four"]);
        assert_maps(text, 5, pos(1, 0), pos(1, 0));
        assert_maps(text, 15, pos(3, 0), pos(3, 0));
    }

    #[test]
    fn crlf_split_across_rope_chunks_is_one_break() {
        // Long enough that ropey stores it in several chunks.
        let mut text = String::new();
        for i in 0..2000 {
            text.push_str(&format!("line {i} 👍\r\n"));
        }
        let rope = Rope::from_str(&text);
        assert!(rope.chunks().count() > 1);
        let s = Converter::new(text.as_str(), Encoding::Utf16);
        let r = Converter::new(&rope, Encoding::Utf16);
        assert_eq!(s.starts, r.starts);
        assert_eq!(s.line_count(), 2001);
    }

    #[test]
    fn offsets_inside_a_line_break_are_the_line_end() {
        let text = "ab\r\ncd";
        let c = Converter::new(text, Encoding::Utf16);
        assert_eq!(c.position(2), pos(0, 2));
        assert_eq!(c.position(3), pos(0, 2));
        assert_eq!(c.position(4), pos(1, 0));
    }

    #[test]
    fn a_position_between_surrogates_moves_back_to_the_emoji() {
        let text = "x👍y";
        let c = Converter::new(text, Encoding::Utf16);
        assert_eq!(c.offset(pos(0, 2)), 1);
        let c = Converter::new(text, Encoding::Utf8);
        assert_eq!(c.offset(pos(0, 3)), 1);
    }

    #[test]
    fn byte_offsets_inside_a_char_move_back() {
        let text = "x👍y";
        for enc in [Encoding::Utf16, Encoding::Utf8] {
            assert_eq!(Converter::new(text, enc).position(3), pos(0, 1));
            assert_eq!(
                Converter::new(&Rope::from_str(text), enc).position(3),
                pos(0, 1)
            );
        }
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "short\r\nline👍";
        let c = Converter::new(text, Encoding::Utf16);
        assert_eq!(c.offset(pos(0, 99)), 5, "past the line end");
        assert_eq!(c.offset(pos(7, 0)), text.len(), "past the last line");
        assert_eq!(c.offset(pos(u32::MAX, u32::MAX)), text.len());
        assert_eq!(c.position(10_000), pos(1, 6), "past the text");
        let r = lsp::Range {
            start: pos(1, 2),
            end: pos(0, 1),
        };
        assert_eq!(c.byte_range(r), 1..9, "reversed ranges are ordered");
    }

    #[test]
    fn empty_text_and_trailing_newline() {
        let c = Converter::new("", Encoding::Utf16);
        assert_eq!(c.line_count(), 1);
        assert_eq!(c.offset(pos(3, 3)), 0);
        assert_eq!(c.position(5), pos(0, 0));
        let c = Converter::new("a\n", Encoding::Utf16);
        assert_eq!(c.line_count(), 2);
        assert_eq!(c.position(2), pos(1, 0));
        assert_eq!(c.offset(pos(1, 4)), 2);
    }

    /// Line starts, the slow obvious way.
    fn naive_starts(text: &str) -> Vec<usize> {
        let b = text.as_bytes();
        let mut starts = vec![0];
        for i in 0..b.len() {
            if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        starts
    }

    proptest::proptest! {
        #[test]
        fn line_starts_match_the_definition_for_str_and_rope(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "\r", "\n", "\r\n", "é", "👍", "\r\r", "xyz"]),
                0..3000),
        ) {
            let text = pieces.concat();
            let expected = naive_starts(&text);
            proptest::prop_assert_eq!(&Converter::new(text.as_str(), Encoding::Utf16).starts, &expected);
            let rope = Rope::from_str(&text);
            proptest::prop_assert_eq!(&Converter::new(&rope, Encoding::Utf16).starts, &expected);
        }
    }

    #[test]
    fn negotiation_prefers_utf8_when_offered() {
        let mut caps = ClientCapabilities::default();
        assert_eq!(Encoding::negotiate(&caps), Encoding::Utf16);
        caps.general = Some(lsp::GeneralClientCapabilities {
            position_encodings: Some(vec![
                PositionEncodingKind::UTF32,
                PositionEncodingKind::UTF16,
            ]),
            ..Default::default()
        });
        assert_eq!(Encoding::negotiate(&caps), Encoding::Utf16);
        caps.general.as_mut().unwrap().position_encodings = Some(vec![
            PositionEncodingKind::UTF16,
            PositionEncodingKind::UTF8,
        ]);
        assert_eq!(Encoding::negotiate(&caps), Encoding::Utf8);
    }
}
