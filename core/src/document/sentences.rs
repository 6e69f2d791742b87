//! Sentence boundaries. A sentence ends at `.`, `!` or `?` (plus closing
//! marks) followed by a space and a capital, digit or opening mark, except:
//! after abbreviations and titles (`U.S.`, `Oct.`, `Sen.`, `Mr.`), after an
//! initial (`J. Smith`), at an ellipsis, and inside a quotation: a quoted
//! passage of several sentences stays in the sentence that attributes it.

use std::ops::Range;

use super::{Document, Quote};

pub(super) fn split_all(doc: &mut Document<'_>) {
    for i in 0..doc.paragraphs.len() {
        let body = doc.paragraphs[i].body.clone();
        let quotes = &doc.quotes[doc.paragraphs[i].quotes.clone()];
        let sentences = split(&doc.prose, body, quotes);
        doc.paragraphs[i].sentences = sentences;
    }
}

/// Split `prose[range]` into sentences, not splitting inside `quotes`.
pub(crate) fn split(prose: &str, range: Range<usize>, quotes: &[Quote]) -> Vec<Range<usize>> {
    let s = &prose[range.clone()];
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0;
    // Terminators are ASCII, so scan bytes and decode only around them.
    while let Some(skip) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]) {
        i += skip;
        let c = bytes[i];
        // Run of terminal punctuation and closing marks.
        let mut e = i + 1;
        let mut dots = usize::from(c == b'.');
        while e < bytes.len() && matches!(bytes[e], b'.' | b'!' | b'?') {
            dots += usize::from(bytes[e] == b'.');
            e += 1;
        }
        while let Some(close) = s[e..]
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '”' | '’' | '\'' | ')' | ']'))
        {
            e += close.len_utf8();
        }
        let end_byte = e;
        let period_at = i;
        i = e.max(i + 1);
        // Must be followed by space, then a sentence opener.
        let after = &s[e..];
        let rest = after.trim_start();
        if rest.len() == after.len() || rest.is_empty() {
            continue;
        }
        let opener = rest.chars().next().unwrap_or(' ');
        let opens = opener.is_uppercase()
            || opener.is_ascii_digit()
            || matches!(opener, '"' | '“' | '‘' | '(' | '\'');
        if !opens || dots >= 2 {
            continue;
        }
        if c == b'.' && dots == 1 && is_abbreviation(&s[..period_at]) {
            continue;
        }
        let abs_end = range.start + end_byte;
        // Quotes are in text order and do not overlap: only the last one
        // opened before this point can contain it.
        let opened = quotes.partition_point(|q| q.open.end <= abs_end);
        let inside_quote = opened > 0 && abs_end < quotes[opened - 1].range().end;
        if inside_quote {
            continue;
        }
        out.push(range.start + start..abs_end);
        start = s.len() - rest.len();
    }
    // The final piece runs to the end.
    let rest = s[start..].trim_end();
    if !rest.is_empty() {
        out.push(range.start + start..range.start + start + rest.len());
    }
    out
}

/// Whether the text before a period ends with an abbreviation, an initial
/// or a dotted abbreviation (`U.S`, `a.m`).
fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    if word.contains('.') {
        return true;
    }
    let mut chars = word.chars();
    if chars.next().is_some_and(char::is_uppercase) && chars.next().is_none() {
        return true;
    }
    crate::lexicon::ABBREVIATIONS.contains(word)
}

#[cfg(test)]
mod tests {
    use crate::document::{DocKind, Document};

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::parse(text, DocKind::Plain);
        doc.paragraphs[0]
            .sentences
            .iter()
            .map(|r| &text[r.clone()])
            .collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("It rained. Then it stopped! Why? 2024 was dry."),
            ["It rained.", "Then it stopped!", "Why?", "2024 was dry."]
        );
    }

    #[test]
    fn abbreviations_initials_and_ellipses_do_not_split() {
        assert_eq!(
            sentences(
                "The U.S. Sen. J. Smith spoke on Oct. 7 to Mr. Doe. He left... And came back."
            ),
            [
                "The U.S. Sen. J. Smith spoke on Oct. 7 to Mr. Doe.",
                "He left... And came back."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_attribution() {
        assert_eq!(
            sentences(r#""We agree. It is over," he said. "Next one." Then he left."#),
            [
                r#""We agree. It is over," he said."#,
                r#""Next one.""#,
                "Then he left."
            ]
        );
    }

    #[test]
    fn sentence_ends_after_closing_mark() {
        assert_eq!(
            sentences("He said: “It is over.” Then he left."),
            ["He said: “It is over.”", "Then he left."]
        );
    }
}
