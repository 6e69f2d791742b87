//! The text model: a draft parsed into paragraphs, sentences, quotations,
//! dateline and credit line, and person mentions.
//!
//! Invariants:
//! - Everything carries byte ranges into the original text; nothing is
//!   copied out except [`Document::prose`].
//! - [`Document::prose`] has exactly the bytes of the original where the draft
//!   is prose and ASCII spaces everywhere else (Markdown syntax, code, front
//!   matter, HTML, link targets, line breaks inside a paragraph). Its byte
//!   offsets are therefore the original's, and every analysis can run on it
//!   without knowing whether the draft was plain text or Markdown.
//! - The model is pure: no I/O, no LSP, no terminal.

use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

pub mod attribution;
mod blocks;
pub mod people;
pub mod quotes;
mod reuse;
pub(crate) mod sentences;

pub use attribution::{Attribution, AttributionKind};
pub use people::{Mention, MentionForm, People, Person};
pub use quotes::{Marks, Quote, StrayMark, StrayMarkKind};
pub use reuse::ParseCache;

/// From this size on (well beyond any wire story), the independent parts of
/// parsing run on rayon's pool.
const PARALLEL_PARSE_BYTES: usize = 64 * 1024;

/// How to read a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    /// Wire copy: one paragraph per line, or blank-line separated blocks.
    Plain,
    /// CommonMark: paragraphs, list items and headings are prose.
    Markdown,
}

impl DocKind {
    /// `.md`/`.markdown` are Markdown; everything else is plain text.
    pub fn from_path(path: &Path) -> DocKind {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown") => {
                DocKind::Markdown
            }
            _ => DocKind::Plain,
        }
    }

    /// The kind for an LSP `languageId`.
    pub fn from_language_id(id: &str) -> DocKind {
        if id == "markdown" {
            DocKind::Markdown
        } else {
            DocKind::Plain
        }
    }
}

/// What a paragraph is in the story's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParagraphKind {
    /// A headline or Markdown heading: prose, but not a body paragraph.
    Heading,
    /// The story itself (the first one may open with a dateline).
    Body,
    /// `Reuters`, `(Reporting by …; Editing by …)`: not checked.
    Credit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    /// The paragraph's text in the source, trimmed of surrounding whitespace
    /// (and of Markdown block markers such as `# ` or `- `).
    pub range: Range<usize>,
    /// The part after the dateline; equal to `range` when there is none.
    pub body: Range<usize>,
    pub dateline: Option<Range<usize>>,
    /// Sentences of the body. Quotations do not split a sentence: a quoted
    /// passage of several sentences and its attribution are one sentence.
    pub sentences: Vec<Range<usize>>,
    /// The quotes that start in this paragraph: an index range into
    /// [`Document::quotes`].
    pub quotes: Range<usize>,
    /// 1-based number among body paragraphs (0 for headings and credits), as
    /// an editor counts them in messages.
    pub number: usize,
}

impl Paragraph {
    pub fn is_body(&self) -> bool {
        self.kind == ParagraphKind::Body
    }
}

/// A parsed draft.
#[derive(Debug)]
pub struct Document<'a> {
    pub text: &'a str,
    pub kind: DocKind,
    /// The original with non-prose bytes blanked; same length as `text`.
    pub prose: String,
    pub paragraphs: Vec<Paragraph>,
    /// The marks that quote in this draft: the house's, or the draft's own.
    pub marks: Marks,
    /// Quoted passages in reading order (quotes nested in them, in the other
    /// marks, stay inside and are not listed).
    pub quotes: Vec<Quote>,
    /// Quotation marks that do not pair.
    pub stray_marks: Vec<StrayMark>,
    /// Who said each quote: `attributions[i]` belongs to `quotes[i]`.
    pub attributions: Vec<Option<Attribution>>,
    /// People named in the story and every mention of them.
    pub people: People,
    /// Whether paragraphs are separated by blank lines, worked out on first
    /// use (each paragraph deletion asks).
    blank_line_blocks: OnceLock<bool>,
}

/// What a house's configuration adds to the text model.
#[derive(Debug, Default)]
pub struct House<'h> {
    /// Speech verbs (lowercase) that credit quotes like the built-in ones.
    pub speech_verbs: &'h [String],
    /// Titles of office (`[people] titles`: `Taoiseach`, `Chief Whip`),
    /// read like the built-in titles.
    pub titles: &'h [String],
    /// Dateline patterns (`[dateline.NAME]`), matched at the start of the
    /// first body paragraph: a dateline one of them matches is taken off the
    /// lede even when it has none of the shapes the text model knows.
    pub datelines: Vec<&'h regex::Regex>,
    /// The marks that quote (`[quotes] marks`); `None` lets the draft's own
    /// usage decide.
    pub marks: Option<Marks>,
}

impl<'a> Document<'a> {
    /// Parse with the built-in lexicons only.
    pub fn parse(text: &'a str, kind: DocKind) -> Document<'a> {
        Document::parse_with_verbs(text, kind, &[])
    }

    /// Parse with the house's own speech verbs (lowercase), which credit
    /// quotes like the built-in ones. Callers with a configuration go
    /// through [`crate::Session`], so every reader of a draft sees the same
    /// parse.
    pub fn parse_with_verbs(text: &'a str, kind: DocKind, speech_verbs: &[String]) -> Document<'a> {
        let house = House {
            speech_verbs,
            ..House::default()
        };
        Document::parse_house(text, kind, &house)
    }

    /// Parse with what the house adds to the text model (its speech verbs,
    /// titles of office and dateline patterns).
    pub fn parse_house(text: &'a str, kind: DocKind, house: &House<'_>) -> Document<'a> {
        // Lines end at CR as at LF and CRLF: the blocks are found in a copy
        // with lone CRs made LFs (same offsets).
        let normalised = crate::text::lone_cr_as_lf(text);
        let (prose, paragraphs) = blocks::split(
            normalised.as_deref().unwrap_or(text),
            kind,
            &house.datelines,
        );
        let mut doc = Document {
            text,
            kind,
            prose,
            paragraphs,
            marks: Marks::Double,
            quotes: Vec::new(),
            stray_marks: Vec::new(),
            attributions: Vec::new(),
            people: People::default(),
            blank_line_blocks: OnceLock::new(),
        };
        quotes::find(&mut doc, house.marks);
        sentences::split_all(&mut doc);
        // People and attributions do not read each other: on a long draft
        // they are worked out side by side (the LSP re-checks the whole
        // document on each keystroke).
        let (people, attributions) = if doc.text.len() >= PARALLEL_PARSE_BYTES {
            rayon::join(
                || people::extract(&doc, house.titles),
                || attribution::resolve(&doc, house.speech_verbs),
            )
        } else {
            (
                people::extract(&doc, house.titles),
                attribution::resolve(&doc, house.speech_verbs),
            )
        };
        doc.people = people;
        doc.attributions = attributions;
        doc
    }

    /// The prose of `range` (non-prose bytes blanked).
    pub fn prose(&self, range: Range<usize>) -> &str {
        &self.prose[range]
    }

    /// Body paragraphs with their indexes.
    pub fn body_paragraphs(&self) -> impl Iterator<Item = (usize, &Paragraph)> {
        self.paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_body())
    }

    /// Index of the paragraph containing byte `offset`.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.range.end < offset);
        (i < self.paragraphs.len() && self.paragraphs[i].range.contains(&offset)).then_some(i)
    }

    /// The quotes that start in paragraph `index`.
    pub fn quotes_in(&self, index: usize) -> &[Quote] {
        &self.quotes[self.paragraphs[index].quotes.clone()]
    }

    /// Index of the sentence of paragraph `p` that contains `offset`.
    pub fn sentence_at(&self, p: usize, offset: usize) -> Option<usize> {
        let sentences = &self.paragraphs[p].sentences;
        let i = sentences
            .partition_point(|s| s.start <= offset)
            .checked_sub(1)?;
        let s = &sentences[i];
        (offset < s.end.max(s.start + 1)).then_some(i)
    }

    /// The index of the quote whose marks or text contain `offset`.
    pub fn quote_at(&self, offset: usize) -> Option<usize> {
        self.quotes.iter().position(|q| q.range().contains(&offset))
    }

    /// The range to delete to remove paragraph `index` and one line break
    /// after it (or before it, for the last paragraph), keeping the rest of
    /// the layout.
    pub fn paragraph_deletion(&self, index: usize) -> Range<usize> {
        let p = &self.paragraphs[index];
        let bytes = self.text.as_bytes();
        let mut start = p.range.start;
        while start > 0 && matches!(bytes[start - 1], b' ' | b'\t') {
            start -= 1;
        }
        let line_start = start == 0 || matches!(bytes[start - 1], b'\n' | b'\r');
        let mut end = p.range.end;
        while end < bytes.len() && matches!(bytes[end], b' ' | b'\t' | b'\r') {
            end += 1;
        }
        if !line_start {
            return p.range.clone();
        }
        // Take the line break and, between blank-line blocks, the blank line.
        let mut cut = end;
        let mut breaks = 0;
        let max_breaks = if self.blank_line_blocks() { 2 } else { 1 };
        while cut < bytes.len() && breaks < max_breaks {
            match bytes[cut] {
                b'\n' => {
                    breaks += 1;
                    cut += 1;
                }
                // A lone CR ends a line too.
                b'\r' if bytes.get(cut + 1) != Some(&b'\n') => {
                    breaks += 1;
                    cut += 1;
                }
                b'\r' | b' ' | b'\t' => cut += 1,
                _ => break,
            }
        }
        if breaks > 0 && cut <= bytes.len() {
            // Stop before the next paragraph's indentation.
            while cut > end && matches!(bytes[cut - 1], b' ' | b'\t') {
                cut -= 1;
            }
            return start..cut;
        }
        // Last paragraph: take the whitespace before it instead.
        let mut before = start;
        while before > 0 && bytes[before - 1].is_ascii_whitespace() {
            before -= 1;
        }
        before..end
    }

    fn blank_line_blocks(&self) -> bool {
        *self.blank_line_blocks.get_or_init(|| {
            self.paragraphs.windows(2).any(|w| {
                let gap = &self.text[w[0].range.end..w[1].range.start];
                crate::text::line_breaks(gap) >= 2
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph_texts<'a>(doc: &Document<'a>) -> Vec<(&'a str, ParagraphKind)> {
        doc.paragraphs
            .iter()
            .map(|p| (&doc.text[p.range.clone()], p.kind))
            .collect()
    }

    #[test]
    fn deleting_a_line_paragraph_keeps_the_layout() {
        let text = "One said.\nTwo said.\nThree said.\n";
        let doc = Document::parse(text, DocKind::Plain);
        let mut t = text.to_owned();
        t.replace_range(doc.paragraph_deletion(1), "");
        assert_eq!(t, "One said.\nThree said.\n");
        let mut t = text.to_owned();
        t.replace_range(doc.paragraph_deletion(2), "");
        assert_eq!(t, "One said.\nTwo said.\n");
    }

    #[test]
    fn deleting_a_block_paragraph_takes_its_blank_line() {
        let text = "One said.\n\nTwo\nsaid.\n\nThree said.";
        let doc = Document::parse(text, DocKind::Plain);
        let mut t = text.to_owned();
        t.replace_range(doc.paragraph_deletion(1), "");
        assert_eq!(t, "One said.\n\nThree said.");
        let mut t = text.to_owned();
        t.replace_range(doc.paragraph_deletion(2), "");
        assert_eq!(t, "One said.\n\nTwo\nsaid.");
    }

    #[test]
    fn deleting_with_crlf() {
        let text = "One said.\r\nTwo said.\r\nThree said.";
        let doc = Document::parse(text, DocKind::Plain);
        let mut t = text.to_owned();
        t.replace_range(doc.paragraph_deletion(1), "");
        assert_eq!(t, "One said.\r\nThree said.");
        let mut t = text.to_owned();
        t.replace_range(doc.paragraph_deletion(2), "");
        assert_eq!(t, "One said.\r\nTwo said.");
    }

    #[test]
    fn paragraph_numbers_count_body_paragraphs() {
        let doc = Document::parse(
            "Headline here\n\nFirst said.\n\nSecond said.\n\nReuters",
            DocKind::Plain,
        );
        let numbers: Vec<_> = doc.paragraphs.iter().map(|p| (p.kind, p.number)).collect();
        assert_eq!(
            numbers,
            [
                (ParagraphKind::Heading, 0),
                (ParagraphKind::Body, 1),
                (ParagraphKind::Body, 2),
                (ParagraphKind::Credit, 0)
            ]
        );
        assert_eq!(paragraph_texts(&doc)[3], ("Reuters", ParagraphKind::Credit));
    }
}
