//! `name/spelling` — One person, two spellings.

use crate::finding::Finding;

use super::{CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "One person, two spellings.",
    why: "A misspelled name is the correction a newsroom most dreads; a story that spells one person two ways is wrong at least once.",
    example: "Antony Blinken said … Anthony Blinken added …",
    passes: "Two different people who share a surname (`Joe Biden`, `Hunter Biden`); different given names are different people.",
};

pub(crate) fn run(_cx: &Context<'_>, _out: &mut Vec<Finding>) {}
