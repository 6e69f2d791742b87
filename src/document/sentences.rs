//! Sentence boundaries. A sentence ends at `.`, `!` or `?` (plus closing
//! marks) followed by a space and a capital, digit or opening mark, except:
//! after abbreviations and titles (`U.S.`, `Oct.`, `Sen.`, `Mr.`), after an
//! initial (`J. Smith`), at an ellipsis, and inside a quotation: a quoted
//! passage of several sentences stays in the sentence that attributes it.

use std::ops::Range;

use super::{Document, Quote};

/// Words that take a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Ala", "Apr", "Ariz", "Ark", "Aug", "Ave", "Blvd", "Brig", "Bros", "Calif", "Capt",
    "Cmdr", "Co", "Col", "Colo", "Conn", "Corp", "Cpl", "Dec", "Del", "Dept", "Dr", "Feb", "Fla",
    "Fr", "Ft", "Ga", "Gen", "Gov", "Hon", "Ill", "Inc", "Ind", "Jan", "Jr", "Kan", "Ky", "La",
    "Lt", "Ltd", "Maj", "Mass", "Md", "Messrs", "Mich", "Minn", "Miss", "Mo", "Mont", "Mr", "Mrs",
    "Ms", "Msgr", "Mt", "No", "Nos", "Nov", "Oct", "Okla", "Ore", "Pa", "Pfc", "Ph", "Prof", "Pvt",
    "Rep", "Reps", "Rev", "Rd", "Sen", "Sens", "Sep", "Sept", "Sgt", "Sr", "St", "Supt", "Tenn",
    "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "approx", "ca", "cf", "e.g", "i.e", "vs",
];

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
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if !matches!(c, '.' | '!' | '?') {
            k += 1;
            continue;
        }
        // Run of terminal punctuation and closing marks.
        let mut e = k + 1;
        let mut dots = usize::from(c == '.');
        while e < chars.len() && matches!(chars[e].1, '.' | '!' | '?') {
            dots += usize::from(chars[e].1 == '.');
            e += 1;
        }
        while e < chars.len() && matches!(chars[e].1, '"' | '”' | '’' | '\'' | ')' | ']') {
            e += 1;
        }
        let end_byte = chars.get(e).map_or(s.len(), |&(j, _)| j);
        let next_k = e;
        k = e;
        // Must be followed by space, then a sentence opener.
        if next_k >= chars.len() || !chars[next_k].1.is_whitespace() {
            continue;
        }
        let mut n = next_k;
        while n < chars.len() && chars[n].1.is_whitespace() {
            n += 1;
        }
        let Some(&(_, opener)) = chars.get(n) else {
            continue;
        };
        let opens = opener.is_uppercase()
            || opener.is_ascii_digit()
            || matches!(opener, '"' | '“' | '‘' | '(' | '\'');
        if !opens || dots >= 2 || c == '…' {
            continue;
        }
        if c == '.' && dots == 1 && is_abbreviation(&s[..i]) {
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
        start = chars[n].0;
    }
    // Ellipsis characters never end a sentence; the final piece runs to the end.
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
    ABBREVIATIONS.contains(&word)
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
