//! Document symbols: the story's people (with each mention as a child) and
//! its quotes (with the speaker as detail), for the editor's outline.

use tower_lsp::lsp_types::{DocumentSymbol, SymbolKind};

use super::convert::Converter;
use super::hover::speaker_name;
use copydesk_core::document::{Document, MentionForm};

/// Longest quote text shown as a symbol name, in characters.
const QUOTE_NAME_CHARS: usize = 60;

pub fn document_symbols(doc: &Document<'_>, conv: &Converter<'_, str>) -> Vec<DocumentSymbol> {
    let mut symbols = Vec::new();
    let people = &doc.people;
    for person in &people.persons {
        let mentions: Vec<_> = person
            .mentions
            .iter()
            .filter_map(|&i| people.mentions.get(i))
            .collect();
        let (Some(first), Some(last)) = (mentions.first(), mentions.last()) else {
            continue;
        };
        let full = mentions
            .iter()
            .find(|m| m.form == MentionForm::Full)
            .unwrap_or(first);
        let titles: Vec<String> = mentions
            .iter()
            .filter_map(|m| m.title.clone())
            .map(|t| words(&doc.text[t]))
            .fold(Vec::new(), |mut seen, t| {
                if !seen.contains(&t) {
                    seen.push(t);
                }
                seen
            });
        let children = mentions
            .iter()
            .map(|m| {
                let number = doc.paragraphs.get(m.paragraph).map_or(0, |p| p.number);
                symbol(
                    words(&doc.text[m.range.clone()]),
                    (number > 0).then(|| format!("paragraph {number}")),
                    SymbolKind::OBJECT,
                    conv.range(m.range.clone()),
                    conv.range(m.range.clone()),
                    None,
                )
            })
            .collect();
        symbols.push(symbol(
            words(&doc.text[full.range.clone()]),
            (!titles.is_empty()).then(|| titles.join("; ")),
            SymbolKind::OBJECT,
            conv.range(first.range.start..last.range.end.max(first.range.end)),
            conv.range(first.range.clone()),
            Some(children),
        ));
    }
    for (i, quote) in doc.quotes.iter().enumerate() {
        let detail = match doc.attributions.get(i).and_then(Option::as_ref) {
            Some(a) => a
                .speaker
                .as_ref()
                .map_or_else(|| "attributed".to_owned(), |s| speaker_name(doc, s)),
            None => "unattributed".to_owned(),
        };
        let range = conv.range(quote.range());
        symbols.push(symbol(
            shorten(&words(&doc.text[quote.inner.clone()])),
            Some(detail),
            SymbolKind::STRING,
            range,
            range,
            None,
        ));
    }
    symbols
}

fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: tower_lsp::lsp_types::Range,
    selection_range: tower_lsp::lsp_types::Range,
    children: Option<Vec<DocumentSymbol>>,
) -> DocumentSymbol {
    #[allow(deprecated)] // `deprecated` is a required field of the struct.
    DocumentSymbol {
        // Clients reject an empty symbol name.
        name: if name.is_empty() {
            "\u{201c}\u{201d}".to_owned()
        } else {
            name
        },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range,
        children,
    }
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most [`QUOTE_NAME_CHARS`], cut at a word boundary when there is one.
fn shorten(s: &str) -> String {
    let Some((limit, _)) = s.char_indices().nth(QUOTE_NAME_CHARS) else {
        return s.to_owned();
    };
    let cut = s[..limit].rfind(' ').unwrap_or(limit);
    format!("{}…", s[..cut].trim_end_matches([' ', ',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::lsp::convert::Encoding;
    use crate::lsp::test_support::one_person;
    use copydesk_core::document::{Attribution, AttributionKind, DocKind};

    #[test]
    fn people_and_quotes_are_listed() {
        let text = "Mayor Ann Lee spoke.\n\"We will rebuild every single road and every bridge in this county,\" Lee said.\n";
        let mut doc = Document::parse(text, DocKind::Plain);
        let full = text.find("Ann Lee").unwrap();
        let short = text.rfind("Lee").unwrap();
        doc.people = one_person(
            text,
            &[
                (full..full + 7, MentionForm::Full, Some(0..5), 0),
                (short..short + 3, MentionForm::Surname, None, 1),
            ],
        );
        doc.attributions = vec![Some(Attribution {
            kind: AttributionKind::Sentence,
            cue: short + 4..short + 8,
            speaker: Some(short..short + 3),
        })];
        let conv = Converter::new(text, Encoding::Utf16);
        let got = serde_json::to_value(document_symbols(&doc, &conv)).unwrap();
        let r = |l1: u32, c1: u32, l2: u32, c2: u32| json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}});
        assert_eq!(
            got,
            json!([
                {"name": "Ann Lee", "detail": "Mayor", "kind": 19,
                 "range": r(0, 6, 1, 72), "selectionRange": r(0, 6, 0, 13),
                 "children": [
                    {"name": "Ann Lee", "detail": "paragraph 1", "kind": 19,
                     "range": r(0, 6, 0, 13), "selectionRange": r(0, 6, 0, 13)},
                    {"name": "Lee", "detail": "paragraph 2", "kind": 19,
                     "range": r(1, 69, 1, 72), "selectionRange": r(1, 69, 1, 72)}
                 ]},
                {"name": "We will rebuild every single road and every bridge in this…",
                 "detail": "Lee (Ann Lee)", "kind": 15,
                 "range": r(1, 0, 1, 68), "selectionRange": r(1, 0, 1, 68)}
            ])
        );
    }

    #[test]
    fn quote_details_say_whether_anyone_is_credited() {
        let text = "\"We will see,\" officials said. \"Maybe.\"\n\"Not again and again.\"\n";
        let mut doc = Document::parse(text, DocKind::Plain);
        assert_eq!(doc.quotes.len(), 3);
        let said = text.find("said").unwrap();
        doc.attributions = vec![
            Some(Attribution {
                kind: AttributionKind::Sentence,
                cue: said..said + 4,
                speaker: None,
            }),
            None,
            None,
        ];
        let conv = Converter::new(text, Encoding::Utf16);
        let details: Vec<_> = document_symbols(&doc, &conv)
            .into_iter()
            .map(|s| (s.name, s.detail.unwrap()))
            .collect();
        assert_eq!(
            details,
            [
                ("We will see,".to_owned(), "attributed".to_owned()),
                ("Maybe.".to_owned(), "unattributed".to_owned()),
                ("Not again and again.".to_owned(), "unattributed".to_owned()),
            ]
        );
    }
}
