//! `quote/unbalanced` — A quotation mark that does not pair.

use crate::finding::Finding;

use super::{CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "A quotation mark that does not pair.",
    why: "A lone mark leaves the reader unsure where the speaker's words end, and often hides a quote whose end was cut in editing.",
    example: "He said \"the plan is dead. Talks resume Monday.",
    passes: "Multi-paragraph quotes whose paragraphs leave the closing mark off while the next paragraph opens again; apostrophes (`Israel's`, `'90s`, `rock 'n' roll`); nested single quotes.",
};

pub(crate) fn run(_cx: &Context<'_>, _out: &mut Vec<Finding>) {}
