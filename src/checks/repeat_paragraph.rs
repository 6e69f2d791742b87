//! `repeat/paragraph` — A later paragraph that repeats or restates an earlier one.

use crate::finding::Finding;

use super::{CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "A later paragraph that repeats or restates an earlier one.",
    why: "Restated paragraphs are the most common leftover of rewriting a story on deadline: a new lede written, the old one left lower down.",
    example: "Lede: Blinken said an offensive would isolate Israel. Paragraph 3: Blinken said on Friday an offensive would risk isolating Israel.",
    passes: "Paragraphs that share a topic but make a different claim; paragraphs whose repetition is a repeated quote (reported as repeat/quote instead).",
};

pub(crate) fn run(_cx: &Context<'_>, _out: &mut Vec<Finding>) {}
