//! Inlay hints: after each closing quotation mark, who said the quote
//! (`— Blinken`). Off by default (`inlayHints.speakers`), since a desk
//! editor reading copy does not want the screen cluttered unless asked.
//!
//! Only quotes whose attribution names a speaker get a hint; a quote left
//! open (continued in the next paragraph) gets it where the chain closes.

use std::ops::Range;

use copydesk_core::document::Document;

/// A hint to show at byte `offset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerHint {
    pub offset: usize,
    pub label: String,
}

/// The speaker hints whose position lies in `range`.
pub fn speaker_hints(doc: &Document<'_>, range: Range<usize>) -> Vec<SpeakerHint> {
    doc.quotes
        .iter()
        .zip(&doc.attributions)
        .filter_map(|(quote, attribution)| {
            let close = quote.close.as_ref()?;
            let speaker = attribution.as_ref()?.speaker.as_ref()?;
            (range.start <= close.end && close.end <= range.end).then(|| SpeakerHint {
                offset: close.end,
                // As written: a hint is read at a glance, the hover has the
                // full name.
                label: format!("— {}", words(&doc.text[speaker.clone()])),
            })
        })
        .collect()
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk_core::document::{Attribution, AttributionKind, DocKind};

    const TEXT: &str = "\"We will keep talking,\" Blinken said. \"Nothing is agreed.\"\n\
        \"Later,\" an official said.\n";

    fn at(needle: &str) -> Range<usize> {
        let start = TEXT.find(needle).unwrap();
        start..start + needle.len()
    }

    #[test]
    fn a_hint_follows_each_closing_mark_with_a_named_speaker() {
        let mut doc = Document::parse(TEXT, DocKind::Plain);
        assert_eq!(doc.quotes.len(), 3);
        doc.attributions = vec![
            Some(Attribution {
                kind: AttributionKind::Sentence,
                cue: at("said"),
                speaker: Some(at("Blinken")),
            }),
            None,
            Some(Attribution {
                kind: AttributionKind::Sentence,
                cue: at("said."),
                speaker: Some(at("an official")),
            }),
        ];
        let hints = speaker_hints(&doc, 0..TEXT.len());
        assert_eq!(
            hints,
            [
                SpeakerHint {
                    offset: at("talking,\"").end,
                    label: "— Blinken".into()
                },
                SpeakerHint {
                    offset: at("Later,\"").end,
                    label: "— an official".into()
                },
            ]
        );
        let first_line_only = speaker_hints(&doc, 0..TEXT.find('\n').unwrap());
        assert_eq!(first_line_only.len(), 1);
    }

    #[test]
    fn quotes_without_a_named_speaker_get_no_hint() {
        let mut doc = Document::parse(TEXT, DocKind::Plain);
        doc.attributions = vec![
            Some(Attribution {
                kind: AttributionKind::Sentence,
                cue: at("said"),
                speaker: None,
            }),
            None,
            None,
        ];
        assert_eq!(speaker_hints(&doc, 0..TEXT.len()), []);
    }
}
