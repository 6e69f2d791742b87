//! Hover: on a person mention, who the person is in this story (full name,
//! titles, first reference, number of mentions); on a quote, who is
//! credited with it and where, or that nobody is.
//!
//! Everything is read from the core's text model ([`Document::people`],
//! [`Document::quotes`], [`Document::attributions`]); this module only
//! words it. It speaks byte ranges; the server converts.

use std::ops::Range;

use copydesk_core::document::{AttributionKind, Document, Mention, MentionForm};

/// Hover text (Markdown) and the byte range it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverText {
    pub range: Range<usize>,
    pub markdown: String,
}

/// The hover at byte `offset`: a person mention first, else a quote.
pub fn hover(doc: &Document<'_>, offset: usize) -> Option<HoverText> {
    if let Some(mention) = doc.people.mention_at(offset) {
        if let Some(text) = person(doc, mention) {
            return Some(text);
        }
    }
    quote(doc, doc.quote_at(offset)?)
}

fn person(doc: &Document<'_>, at: &Mention) -> Option<HoverText> {
    let person = doc.people.persons.get(at.person)?;
    let mentions: Vec<&Mention> = person
        .mentions
        .iter()
        .filter_map(|&i| doc.people.mentions.get(i))
        .collect();
    let first = *mentions.first()?;
    let full = mentions
        .iter()
        .find(|m| m.form == MentionForm::Full)
        .unwrap_or(&first);
    let mut titles: Vec<String> = Vec::new();
    for title in mentions.iter().filter_map(|m| m.title.clone()) {
        let title = words(&doc.text[title]);
        if !titles.contains(&title) {
            titles.push(title);
        }
    }

    let mut md = format!("**{}**", escape(&words(&doc.text[full.range.clone()])));
    match titles.as_slice() {
        [] => {}
        [one] => md.push_str(&format!("\n\nTitle: {}", escape(one))),
        many => {
            let list: Vec<String> = many.iter().map(|t| escape(t)).collect();
            md.push_str(&format!("\n\nTitles: {}", list.join("; ")));
        }
    }
    md.push_str(&format!(
        "\n\nFirst referenced in {} as “{}”",
        paragraph_name(doc, first.paragraph),
        escape(&words(&doc.text[first.range.clone()]))
    ));
    let n = mentions.len();
    md.push_str(&format!(
        "\n\nMentioned {n} time{}",
        if n == 1 { "" } else { "s" }
    ));
    Some(HoverText {
        range: at.range.clone(),
        markdown: md,
    })
}

fn quote(doc: &Document<'_>, index: usize) -> Option<HoverText> {
    let q = doc.quotes.get(index)?;
    let md = match doc.attributions.get(index).and_then(Option::as_ref) {
        None => "**Quote**: nobody is credited with it.".to_owned(),
        Some(attribution) => {
            let who = match &attribution.speaker {
                Some(speaker) => format!("said by **{}**", escape(&speaker_name(doc, speaker))),
                None => "attributed, speaker not named".to_owned(),
            };
            let cue = attribution.cue.clone();
            let how = match attribution.kind {
                AttributionKind::Sentence => "in the same sentence",
                AttributionKind::Paragraph => "in another sentence of the paragraph",
                AttributionKind::Colon => "introducing it with a colon",
                AttributionKind::Chain => "in the multi-paragraph quote it continues",
                AttributionKind::LeadIn => {
                    "at the end of the paragraph before, which introduces it"
                }
            };
            let place = doc
                .paragraph_at(cue.start)
                .map(|p| format!(", {}", paragraph_name(doc, p)))
                .unwrap_or_default();
            format!(
                "**Quote** {who}\n\nAttribution: “{}” {how}{place}",
                escape(&words(&doc.text[cue]))
            )
        }
    };
    Some(HoverText {
        range: q.range(),
        markdown: md,
    })
}

/// The speaker as written; when it names a person of the story, with the
/// full name too (`Blinken (Antony Blinken)`).
pub fn speaker_name(doc: &Document<'_>, speaker: &Range<usize>) -> String {
    let written = words(&doc.text[speaker.clone()]);
    let full = doc
        .people
        .mention_at(speaker.start)
        .and_then(|m| doc.people.persons.get(m.person))
        .and_then(|p| {
            p.mentions
                .iter()
                .filter_map(|&i| doc.people.mentions.get(i))
                .find(|m| m.form == MentionForm::Full)
        })
        .map(|m| words(&doc.text[m.range.clone()]));
    match full {
        Some(full) if full != written => format!("{written} ({full})"),
        _ => written,
    }
}

/// "paragraph 3", or what a heading or credit line is.
fn paragraph_name(doc: &Document<'_>, index: usize) -> String {
    match doc.paragraphs.get(index) {
        Some(p) if p.number > 0 => format!("paragraph {}", p.number),
        Some(p) if p.kind == copydesk_core::document::ParagraphKind::Heading => {
            "the headline".to_owned()
        }
        _ => "the credit line".to_owned(),
    }
}

/// Collapse the line breaks and runs of spaces a name or title may span.
fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Draft text shown in Markdown must not turn into markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::test_support::one_person;
    use copydesk_core::document::{Attribution, DocKind};

    const TEXT: &str = "Secretary of State Antony Blinken met Israeli leaders.\n\
        \"We will keep talking,\" Blinken said.\n\
        \"Nothing is agreed.\"\n\
        Minister Blinken left on Friday.\n";

    fn at(text: &str, needle: &str, nth: usize) -> Range<usize> {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        start..start + needle.len()
    }

    /// The draft with the people and attributions the core is expected to
    /// find, filled in by hand so hover is tested on its own.
    fn doc() -> Document<'static> {
        let mut doc = Document::parse(TEXT, DocKind::Plain);
        doc.people = one_person(
            TEXT,
            &[
                (
                    at(TEXT, "Antony Blinken", 0),
                    MentionForm::Full,
                    Some(at(TEXT, "Secretary of State", 0)),
                    0,
                ),
                (at(TEXT, "Blinken", 1), MentionForm::Surname, None, 1),
                (
                    at(TEXT, "Blinken", 2),
                    MentionForm::Surname,
                    Some(at(TEXT, "Minister", 0)),
                    3,
                ),
            ],
        );
        assert_eq!(doc.quotes.len(), 2, "the core pairs the two quotes");
        doc.attributions = vec![
            Some(Attribution {
                kind: AttributionKind::Sentence,
                cue: at(TEXT, "said", 0),
                speaker: Some(at(TEXT, "Blinken", 1)),
            }),
            None,
        ];
        doc
    }

    #[test]
    fn hover_on_a_person_gives_name_titles_first_reference_and_count() {
        let doc = doc();
        let offset = at(TEXT, "Blinken", 2).start + 3;
        let hover = hover(&doc, offset).unwrap();
        assert_eq!(hover.range, at(TEXT, "Blinken", 2));
        assert_eq!(
            hover.markdown,
            "**Antony Blinken**\n\n\
             Titles: Secretary of State; Minister\n\n\
             First referenced in paragraph 1 as “Antony Blinken”\n\n\
             Mentioned 3 times"
        );
    }

    #[test]
    fn hover_on_an_attributed_quote_names_the_speaker_and_the_cue() {
        let doc = doc();
        let hover = hover(&doc, at(TEXT, "keep", 0).start).unwrap();
        assert_eq!(&TEXT[hover.range.clone()], "\"We will keep talking,\"");
        assert_eq!(
            hover.markdown,
            "**Quote** said by **Blinken (Antony Blinken)**\n\n\
             Attribution: “said” in the same sentence, paragraph 2"
        );
    }

    #[test]
    fn hover_on_a_quote_credited_without_a_named_speaker() {
        let mut doc = doc();
        doc.attributions[0] = Some(Attribution {
            kind: AttributionKind::Paragraph,
            cue: at(TEXT, "said", 0),
            speaker: None,
        });
        let hover = hover(&doc, at(TEXT, "keep", 0).start).unwrap();
        assert_eq!(
            hover.markdown,
            "**Quote** attributed, speaker not named\n\n\
             Attribution: “said” in another sentence of the paragraph, paragraph 2"
        );
    }

    #[test]
    fn hover_on_an_unattributed_quote_says_so() {
        let doc = doc();
        let hover = hover(&doc, at(TEXT, "agreed", 0).start).unwrap();
        assert_eq!(hover.markdown, "**Quote**: nobody is credited with it.");
    }

    #[test]
    fn hover_elsewhere_is_nothing_and_bad_indexes_do_not_panic() {
        let mut doc = doc();
        assert_eq!(hover(&doc, at(TEXT, "leaders", 0).start), None);
        assert_eq!(hover(&doc, TEXT.len() + 10), None);
        doc.people.mentions[1].person = 7;
        assert_eq!(hover(&doc, at(TEXT, "Blinken", 1).start), None);
        doc.attributions.clear();
        let h = hover(&doc, at(TEXT, "keep", 0).start).unwrap();
        assert_eq!(h.markdown, "**Quote**: nobody is credited with it.");
    }

    #[test]
    fn markdown_in_names_is_escaped() {
        assert_eq!(escape("a*b_[c]"), "a\\*b\\_\\[c\\]");
    }
}
