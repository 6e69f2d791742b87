//! `repeat/quote` — A quoted sentence used twice.

use crate::finding::Finding;

use super::{CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "A quoted sentence used twice.",
    why: "Using the same quote twice wastes the strongest material of a story and is a sign of a botched merge of two versions.",
    example: "\"It risks further isolating Israel,\" he said. … \"It risks further isolating Israel around the world,\" he said.",
    passes: "Quoted terms and short partial quotes (fewer than five words) that recur, such as a phrase picked up from a lede.",
};

pub(crate) fn run(_cx: &Context<'_>, _out: &mut Vec<Finding>) {}

/// A quoted passage that repeats an earlier one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteRepeat {
    /// The later, repeating passage (a sentence of a quote, or a whole quote).
    pub range: std::ops::Range<usize>,
    /// Paragraph of the later passage.
    pub paragraph: usize,
    /// The earlier passage it repeats.
    pub earlier: std::ops::Range<usize>,
}

pub(crate) fn find(
    _doc: &crate::document::Document<'_>,
    _config: &crate::config::Config,
) -> Vec<QuoteRepeat> {
    Vec::new()
}
