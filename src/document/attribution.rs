//! Attribution: who said each quote, and how we know.

use std::ops::Range;

use super::Document;

/// How a quote is credited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributionKind {
    /// Speaker and verb in the quote's own sentence (`…," he said.`).
    Sentence,
    /// Another sentence of the same paragraph credits it.
    Paragraph,
    /// Introduced by a colon after a speaker and verb (`He told reporters: "…"`).
    Colon,
    /// Part of a multi-paragraph quote credited elsewhere in the chain.
    Chain,
}

/// Where a quote's credit is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub kind: AttributionKind,
    /// The speech verb or phrase (`said`, `according to`).
    pub cue: Range<usize>,
    /// The speaker as written (`he`, `Blinken`, `a spokeswoman`), when found.
    pub speaker: Option<Range<usize>>,
}

pub(super) fn resolve(doc: &Document<'_>) -> Vec<Option<Attribution>> {
    vec![None; doc.quotes.len()]
}
