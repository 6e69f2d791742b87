//! People: person mentions with their titles, clustered into people.
//!
//! (Extraction is filled in by the names work; until then no people are
//! found, which makes the name checks report nothing.)

use std::ops::Range;

use super::Document;

/// How a person is referred to at one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    /// Given name(s) and surname: `Antony Blinken`, `J. K. Rowling`.
    Full,
    /// Surname only, possibly after a title: `Blinken`, `President Biden`.
    Surname,
}

/// One mention of a person in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name as written, without title or possessive.
    pub range: Range<usize>,
    /// The surname part of the name.
    pub surname: Range<usize>,
    pub form: MentionForm,
    /// A title before the name (`Prime Minister`) or after it in apposition
    /// (`, the company's chief executive`), as written.
    pub title: Option<Range<usize>>,
    /// Index of the paragraph the mention is in.
    pub paragraph: usize,
    /// Index into [`People::persons`].
    pub person: usize,
}

/// A person of the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Indexes into [`People::mentions`], in text order.
    pub mentions: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    /// Every person mention, in text order.
    pub mentions: Vec<Mention>,
    pub persons: Vec<Person>,
}

impl People {
    /// The mention whose name contains byte `offset`.
    pub fn mention_at(&self, offset: usize) -> Option<&Mention> {
        self.mentions.iter().find(|m| m.range.contains(&offset))
    }
}

pub(super) fn extract(_doc: &Document<'_>) -> People {
    People::default()
}
