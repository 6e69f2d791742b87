//! The open documents: each held in a [`Rope`] and edited incrementally.
//!
//! Edits must be applied in the order the client sent them. tower-lsp runs
//! handlers concurrently (its issue #284), so the server applies a change in
//! the synchronous part of its `didChange` handler, holding a `std` mutex
//! over this store with no `.await` in between; this module itself is plain
//! synchronous data. Versions must strictly increase: a change that is not
//! newer than the document is refused rather than applied twice.

use std::collections::HashMap;

use ropey::Rope;
use tower_lsp::lsp_types::{TextDocumentContentChangeEvent, Url};

use super::convert::{Converter, Encoding};
use copydesk_core::DocKind;

/// Larger documents are kept in sync but not checked: a draft is a few
/// kilobytes, and checking many megabytes on every keystroke (about 0.1 s
/// and 70 MB of memory per megabyte) would stall the editor for what is a
/// data file or a log opened as text.
pub const MAX_CHECKED_BYTES: usize = 8 * 1024 * 1024;

/// One open document.
#[derive(Debug, Clone)]
pub struct TextDocument {
    rope: Rope,
    pub version: i32,
    /// `None` for a language copydesk does not check (kept in sync anyway,
    /// so a later language change needs no reopen).
    pub kind: Option<DocKind>,
}

impl TextDocument {
    pub fn new(text: &str, version: i32, kind: Option<DocKind>) -> TextDocument {
        TextDocument {
            rope: Rope::from_str(text),
            version,
            kind,
        }
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    pub fn len_bytes(&self) -> usize {
        self.rope.len_bytes()
    }

    /// Whether the document is too large to check as it is typed.
    pub fn too_large(&self) -> bool {
        self.len_bytes() > MAX_CHECKED_BYTES
    }

    /// Apply one content change: a range replacement, or the whole text
    /// when the change has no range.
    pub fn apply(&mut self, change: &TextDocumentContentChangeEvent, encoding: Encoding) {
        let Some(range) = change.range else {
            self.rope = Rope::from_str(&change.text);
            return;
        };
        let bytes = Converter::new(&self.rope, encoding).byte_range(range);
        let start = self.rope.byte_to_char(bytes.start);
        let end = self.rope.byte_to_char(bytes.end);
        self.rope.remove(start..end);
        self.rope.insert(start, &change.text);
    }
}

/// The language ids whose documents copydesk checks.
pub fn kind_for_language(language_id: &str) -> Option<DocKind> {
    match language_id {
        // VS Code says `plaintext`; Neovim and Emacs say `text`.
        "plaintext" | "text" | "markdown" => Some(DocKind::from_language_id(language_id)),
        _ => None,
    }
}

/// Why a change was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeError {
    UnknownDocument,
    /// The change's version is not newer than the document's.
    Stale {
        current: i32,
        received: i32,
    },
}

impl std::fmt::Display for ChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChangeError::UnknownDocument => f.write_str("the document is not open"),
            ChangeError::Stale { current, received } => write!(
                f,
                "version {received} is not newer than version {current}; change ignored"
            ),
        }
    }
}

#[derive(Debug, Default)]
pub struct Documents {
    docs: HashMap<Url, TextDocument>,
}

impl Documents {
    pub fn open(&mut self, uri: Url, doc: TextDocument) {
        self.docs.insert(uri, doc);
    }

    pub fn close(&mut self, uri: &Url) -> Option<TextDocument> {
        self.docs.remove(uri)
    }

    pub fn get(&self, uri: &Url) -> Option<&TextDocument> {
        self.docs.get(uri)
    }

    pub fn uris(&self) -> impl Iterator<Item = &Url> {
        self.docs.keys()
    }

    /// Apply a `didChange`: all content changes in order, then the version.
    pub fn change(
        &mut self,
        uri: &Url,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: Encoding,
    ) -> Result<&TextDocument, ChangeError> {
        let doc = self.docs.get_mut(uri).ok_or(ChangeError::UnknownDocument)?;
        if version <= doc.version {
            return Err(ChangeError::Stale {
                current: doc.version,
                received: version,
            });
        }
        for change in changes {
            doc.apply(change, encoding);
        }
        doc.version = version;
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use tower_lsp::lsp_types::{Position, Range};

    use super::*;

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range {
                start: Position {
                    line: sl,
                    character: sc,
                },
                end: Position {
                    line: el,
                    character: ec,
                },
            }),
            range_length: None,
            text: text.to_owned(),
        }
    }

    fn store(text: &str) -> (Documents, Url) {
        let uri = Url::parse("file:///draft.txt").unwrap();
        let mut docs = Documents::default();
        docs.open(
            uri.clone(),
            TextDocument::new(text, 1, Some(DocKind::Plain)),
        );
        (docs, uri)
    }

    #[test]
    fn edits_apply_in_order_across_lines() {
        let (mut docs, uri) = store("first line\r\nsecond 👍 line\n");
        let doc = docs
            .change(
                &uri,
                2,
                &[
                    // Delete "👍 " (two UTF-16 units and a space).
                    change(1, 7, 1, 10, ""),
                    // Join the lines, then insert where the join put us.
                    change(0, 10, 1, 0, " "),
                    change(0, 0, 0, 0, "«"),
                ],
                Encoding::Utf16,
            )
            .unwrap();
        assert_eq!(doc.text(), "«first line second line\n");
        assert_eq!(doc.version, 2);
    }

    #[test]
    fn utf8_positions_count_bytes() {
        let (mut docs, uri) = store("x👍y");
        let doc = docs
            .change(&uri, 2, &[change(0, 1, 0, 5, "-")], Encoding::Utf8)
            .unwrap();
        assert_eq!(doc.text(), "x-y");
    }

    #[test]
    fn a_change_without_range_replaces_everything() {
        let (mut docs, uri) = store("old");
        let full = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new\ntext".into(),
        };
        assert_eq!(
            docs.change(&uri, 5, &[full], Encoding::Utf16)
                .unwrap()
                .text(),
            "new\ntext"
        );
    }

    #[test]
    fn stale_versions_and_unknown_documents_are_refused() {
        let (mut docs, uri) = store("text");
        let err = docs
            .change(&uri, 1, &[change(0, 0, 0, 0, "x")], Encoding::Utf16)
            .unwrap_err();
        assert_eq!(
            err,
            ChangeError::Stale {
                current: 1,
                received: 1
            }
        );
        assert_eq!(docs.get(&uri).unwrap().text(), "text");
        let other = Url::parse("file:///other.txt").unwrap();
        assert_eq!(
            docs.change(&other, 9, &[], Encoding::Utf16).unwrap_err(),
            ChangeError::UnknownDocument
        );
    }

    #[test]
    fn out_of_range_edits_clamp_instead_of_panicking() {
        let (mut docs, uri) = store("ab\ncd");
        let doc = docs
            .change(
                &uri,
                2,
                &[change(9, 9, 0, 1, "X"), change(0, 99, 0, 99, "!")],
                Encoding::Utf16,
            )
            .unwrap();
        assert_eq!(doc.text(), "aX!");
    }

    #[test]
    fn language_ids() {
        assert_eq!(kind_for_language("markdown"), Some(DocKind::Markdown));
        assert_eq!(kind_for_language("plaintext"), Some(DocKind::Plain));
        assert_eq!(kind_for_language("text"), Some(DocKind::Plain));
        assert_eq!(kind_for_language("rust"), None);
    }

    // --- property: the server's text always equals the client's ------------

    /// The client's side, computed independently of `convert`: the LSP
    /// position of a byte offset, lines ending at `\r\n`, `\n` or `\r`.
    fn client_position(text: &str, offset: usize, encoding: Encoding) -> Position {
        let before = &text[..offset];
        let mut line = 0;
        let mut line_start = 0;
        let mut chars = before.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let ends_line = c == '\n' || (c == '\r' && chars.peek().map(|&(_, n)| n) != Some('\n'));
            if ends_line {
                line += 1;
                line_start = i + 1;
            }
        }
        let prefix = &before[line_start..];
        let character = match encoding {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 => prefix.encode_utf16().count(),
        };
        Position {
            line,
            character: character as u32,
        }
    }

    /// Snap a random offset to a place a client can point at: a char
    /// boundary that is not between `\r` and `\n`.
    fn addressable(text: &str, offset: usize) -> usize {
        let mut offset = offset % (text.len() + 1);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset > 0
            && text.as_bytes()[offset - 1] == b'\r'
            && text.as_bytes().get(offset) == Some(&b'\n')
        {
            offset -= 1;
        }
        offset
    }

    fn piece() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "a",
                "Z",
                " ",
                "é",
                "👍",
                "\u{1F469}\u{200D}\u{1F4BB}",
                "\n",
                "\r\n",
                "\r",
                "“",
                "”",
                "\"",
                "e\u{301}",
                "\u{2028}",
            ]),
            0..6,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn incremental_edits_keep_the_text_identical(
            initial in piece(),
            edits in prop::collection::vec((any::<usize>(), any::<usize>(), piece()), 1..40),
            utf8 in any::<bool>(),
        ) {
            let encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            let (mut docs, uri) = store(&initial);
            let mut client = initial.clone();
            for (version, (a, b, insert)) in edits.into_iter().enumerate() {
                let a = addressable(&client, a);
                let b = addressable(&client, b);
                let (start, end) = (a.min(b), a.max(b));
                let range = Range {
                    start: client_position(&client, start, encoding),
                    end: client_position(&client, end, encoding),
                };
                client.replace_range(start..end, &insert);
                let ev = TextDocumentContentChangeEvent { range: Some(range), range_length: None, text: insert };
                let doc = docs.change(&uri, version as i32 + 2, &[ev], encoding).unwrap();
                prop_assert_eq!(doc.text(), client.clone());
            }
        }
    }
}
