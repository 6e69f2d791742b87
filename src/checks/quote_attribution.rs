//! `quote/unattributed` — A direct quote that nobody is credited with.

use crate::finding::Finding;

use super::{CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "A direct quote that nobody is credited with.",
    why: "Every direct quote in wire copy must say who said it; an uncredited quote cannot be checked, and readers cannot weigh it.",
    example: "\"We will not back down.\" The talks resumed on Monday.",
    passes: "Quotes credited in their sentence or paragraph (`he said`, `according to`), colon introductions, continued multi-paragraph quotes, scare quotes and quoted terms of one or two words, titles of works, nicknames inside names.",
};

pub(crate) fn run(_cx: &Context<'_>, _out: &mut Vec<Finding>) {}
