//! `name/title` — One person, two conflicting titles.

use crate::finding::Finding;

use super::{CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "One person, two conflicting titles.",
    why: "A person given two titles in one story (`Prime Minister` then `President`) is wrong at least once.",
    example: "Prime Minister Benjamin Netanyahu … President Netanyahu said",
    passes: "`former`, `acting`, `then-` titles; the same title written another way (`Sen.`/`Senator`, a formal title before the name and a lowercase one after it).",
};

pub(crate) fn run(_cx: &Context<'_>, _out: &mut Vec<Finding>) {}
