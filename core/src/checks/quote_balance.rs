//! `quote/unbalanced` — a quotation mark that does not pair.
//!
//! The pairing itself lives in the text model ([`crate::document::quotes`]);
//! this check reports the marks it could not pair. Multi-paragraph quotes
//! (a paragraph left open, the next one opening again) are not stray.

use crate::document::StrayMarkKind;
use crate::finding::Finding;

use super::{Check, CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "A quotation mark that does not pair.",
    why: "A lone mark leaves the reader unsure where the speaker's words end, and often hides a quote whose end was cut in editing.",
    example: "He said \"the plan is dead. Talks resume on Monday.",
    passes: "Multi-paragraph quotes whose paragraphs leave the closing mark off while the next paragraph opens again, also run together in one paragraph (`… goes on. \"And on`) unless the open passage ends in a credit (`\"Prices will rise, a spokeswoman said. \"We…` lost its closing mark before the credit, and is flagged here rather than as unattributed); apostrophes (`Israel's`, `'90s`, `rock 'n' roll`); nested single quotes. Under single primary marks (`[quotes] marks = \"single\"`, or a draft that uses them): apostrophes (`don't`, `the Joneses'`, `o'clock`) and nested double quotes; a close after a word with nothing open (`players'`) is an apostrophe, not a stray mark.",
};

pub(crate) fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for stray in &cx.doc.stray_marks {
        let message = match stray.kind {
            StrayMarkKind::Unclosed => {
                "Quotation mark opens a quote that is never closed, and the next paragraph does not continue it"
            }
            StrayMarkKind::Unopened => "Closing quotation mark with no opening mark",
        };
        out.push(Finding::new(
            Check::QuoteUnbalanced,
            stray.range.clone(),
            message,
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_clean, findings};
    use crate::checks::Check;

    #[test]
    fn unclosed_quote_at_paragraph_end() {
        let text = "He said \"the plan is dead.\nTalks resume on Monday.\n";
        let f = findings(Check::QuoteUnbalanced, text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].range, 8..9);
        assert!(f[0].message.contains("never closed"), "{}", f[0].message);
    }

    #[test]
    fn closing_mark_dropped_before_the_credit_is_unbalanced_not_unattributed() {
        let text =
            "\"Fares will rise again next year, a transit spokesman said. \"We have no choice.\"\n";
        let f = findings(Check::QuoteUnbalanced, text);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].range, 0..1);
        assert_clean(Check::QuoteUnattributed, text);
    }

    #[test]
    fn closing_mark_without_opening() {
        let text = "The plan is dead,” he said.";
        let f = findings(Check::QuoteUnbalanced, text);
        assert_eq!(f.len(), 1);
        assert_eq!(&text[f[0].range.clone()], "”");
        assert!(f[0].message.contains("no opening"));
    }

    #[test]
    fn continued_quotes_apostrophes_and_nesting_pass() {
        assert_clean(
            Check::QuoteUnbalanced,
            "\"The first part goes on.\n\"The second part ends,\" she said.\nIsrael's '90s rock 'n' roll, the players' union.\n“He said ‘no’ to me,” she said.\n",
        );
    }

    #[test]
    fn headings_are_not_checked() {
        assert_clean(
            Check::QuoteUnbalanced,
            "Minister says \"no deal\n\nThe minister said no.\n",
        );
    }
}
