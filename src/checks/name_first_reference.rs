//! `name/first-reference` — A surname used before the story gives the full name, or never given a full name.

use crate::finding::Finding;

use super::{CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "A surname used before the story gives the full name, or never given a full name.",
    why: "Wire style introduces every person by full name on first reference; a bare surname first leaves readers asking who.",
    example: "Blinken said on Friday … US Secretary of State Antony Blinken",
    passes: "People on the configured well-known list (`Pope Francis`); headlines; places and organisations that look like names.",
};

pub(crate) fn run(_cx: &Context<'_>, _out: &mut Vec<Finding>) {}
