//! `suppression/unknown-code`: a suppression comment names a code that
//! does not exist, so it silences nothing.

use super::{CheckDocs, Context};
use crate::finding::Finding;
use crate::suppress::{directives, Selector};

use super::Check;

pub static DOCS: CheckDocs = CheckDocs {
    summary: "A suppression comment names a code that no check or house rule has.",
    why: "A misspelled code in `<!-- copydesk-disable-next-line … -->` silences nothing, \
          so the finding it was meant to clear comes back, or worse, the author believes \
          a check is off when it is not.",
    example: "<!-- copydesk-disable-next-line quote/unatributed -->",
    passes: "Core codes (`quote/unattributed`), families (`quote`, `style`) and the house \
             rules of the configuration in effect (`style/NAME`).",
};

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let rules = &cx.config.rules;
    for directive in directives(doc) {
        for code in &directive.codes {
            let written = &doc.text[code.clone()];
            if Selector::parse(written, rules.iter().map(|r| &r.code)).is_some() {
                continue;
            }
            let hint = match Selector::suggest(written, rules.iter().map(|r| &*r.code)) {
                Some(near) => format!("; did you mean `{near}`?"),
                None => " (`copydesk rules` lists every code)".to_owned(),
            };
            out.push(Finding::new(
                Check::SuppressionUnknownCode,
                code.clone(),
                format!("unknown code `{written}` in a suppression{hint}"),
            ));
        }
    }
}
