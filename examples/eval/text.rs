//! The harness's own reading of an article: blank-line paragraphs, paired
//! double quotes, sentence ends. Deliberately independent of copydesk's text
//! model, so an injection site is not chosen by the code under test.

use std::ops::Range;

/// Blank-line separated blocks, trimmed. Both corpora put a headline in the
/// first block and one paragraph in each following block.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut block: Option<Range<usize>> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            out.extend(block.take());
        } else {
            let lead = content.len() - content.trim_start().len();
            let start = offset + lead;
            let end = offset + content.trim_end().len();
            block = Some(match block {
                Some(b) => b.start..end,
                None => start..end,
            });
        }
        offset += line.len();
    }
    out.extend(block);
    out
}

/// A double-quoted passage inside one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The opening mark.
    pub open: Range<usize>,
    /// The closing mark, or `None` when the quote runs to the paragraph end.
    pub close: Option<Range<usize>>,
}

impl QuoteSpan {
    /// The quoted text between the marks.
    pub fn inner(&self, paragraph_end: usize) -> Range<usize> {
        self.open.end..self.close.as_ref().map_or(paragraph_end, |c| c.start)
    }

    pub fn is_curly(&self, text: &str) -> bool {
        text[self.open.clone()].starts_with('“')
    }
}

/// The quotes of one paragraph and whether its marks all pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphQuotes {
    pub quotes: Vec<QuoteSpan>,
    /// Every quote closes and no closing mark is left without an opening.
    pub balanced: bool,
}

/// Pair `“…”` and `"…"` in `text[para]` the simple way PolNeAR's own quote
/// tool does: an opening mark waits for its own kind of closing mark, and
/// marks of the other kind inside are nested quotes.
///
/// A straight mark paired against what its flanks say (`"` after a space
/// and before a letter used as a closing mark) makes the paragraph count as
/// unbalanced: BBC copy runs quote paragraphs together, and the pairing
/// there is a guess.
pub fn quotes_in(text: &str, para: &Range<usize>) -> ParagraphQuotes {
    let mut quotes = Vec::new();
    let mut open: Option<(Range<usize>, char)> = None;
    let mut stray_close = false;
    let mut misread = false;
    let slice = &text[para.clone()];
    for (i, c) in slice.char_indices() {
        let at = para.start + i..para.start + i + c.len_utf8();
        let prev = slice[..i].chars().next_back();
        let next = slice[i + c.len_utf8()..].chars().next();
        let opens_by_flank = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—'))
            && next.is_some_and(|n| n.is_alphanumeric() || matches!(n, '‘' | '\'' | '…' | '.'));
        let closes_by_flank = prev.is_some_and(|p| !p.is_whitespace())
            && next.is_none_or(|n| {
                n.is_whitespace() || matches!(n, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '—')
            });
        match (&open, c) {
            (None, '“' | '"') => {
                misread |= c == '"' && closes_by_flank;
                open = Some((at, c));
            }
            (None, '”') => stray_close = true,
            (Some((_, '“')), '”') | (Some((_, '"')), '"') => {
                misread |= c == '"' && opens_by_flank;
                let (start, _) = open.take().expect("matched Some");
                quotes.push(QuoteSpan {
                    open: start,
                    close: Some(at),
                });
            }
            _ => {}
        }
    }
    let unclosed = open.is_some();
    if let Some((start, _)) = open {
        quotes.push(QuoteSpan {
            open: start,
            close: None,
        });
    }
    ParagraphQuotes {
        quotes,
        balanced: !unclosed && !stray_close && !misread,
    }
}

/// Whether `c` is any double quotation mark.
pub fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

/// Words: runs separated by whitespace that contain a letter or digit.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Words that end in a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "St", "Jr", "Sr", "Lt", "Col", "Capt",
    "Sgt", "Adm", "Rev", "Prof", "No", "Inc", "Corp", "Co", "Ltd", "vs", "Jan", "Feb", "Mar",
    "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Ft", "Mt", "U.S", "U.N", "U.K", "D.C",
    "a.m", "p.m", "e.g", "i.e", "etc", "Calif", "Fla", "Pa", "Va", "Ky", "Ariz", "Mass", "Wis",
];

/// The byte after the end of each sentence of `text[range]` (after its
/// terminal punctuation and any closing marks), in order. The last sentence
/// ends at `range.end` even without punctuation.
pub fn sentence_ends(text: &str, range: &Range<usize>) -> Vec<usize> {
    let slice = &text[range.clone()];
    let mut ends = Vec::new();
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '?' | '!') {
            // Take trailing punctuation and closing marks with the sentence.
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '.' | '?' | '!' | '"' | '”' | '’' | '\'' | ')')
            {
                j += 1;
            }
            let end = chars.get(j).map_or(slice.len(), |&(b, _)| b);
            let next = chars[j..].iter().find(|(_, ch)| !ch.is_whitespace());
            let spaced = j == chars.len() || chars[j].1.is_whitespace();
            let next_starts = next.is_none_or(|&(_, ch)| {
                ch.is_uppercase() || ch.is_ascii_digit() || matches!(ch, '"' | '“' | '‘' | '(')
            });
            if spaced && next_starts && !(c == '.' && is_abbreviation(&slice[..at])) {
                ends.push(range.start + end);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    if ends.last() != Some(&range.end) {
        ends.push(range.end);
    }
    ends
}

/// Whether the word that ends `before` (just before a period) is an
/// abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .next()
        .unwrap_or("");
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_initial || ABBREVIATIONS.contains(&word)
}

/// The sentences of `text[range]` as byte ranges, trimmed.
pub fn sentences(text: &str, range: &Range<usize>) -> Vec<Range<usize>> {
    let mut start = range.start;
    let mut out = Vec::new();
    for end in sentence_ends(text, range) {
        let s = &text[start..end];
        let lead = s.len() - s.trim_start().len();
        let trimmed = start + lead..start + s.trim_end().len();
        if !trimmed.is_empty() {
            out.push(trimmed);
        }
        start = end;
    }
    out
}

/// Whether `text[..at]` ends at a sentence boundary inside `para`: nothing
/// but whitespace before it in the paragraph, or a sentence end.
pub fn starts_sentence(text: &str, para: &Range<usize>, at: usize) -> bool {
    let before = text[para.start..at].trim_end();
    before.is_empty()
        || sentence_ends(text, &(para.start..at)).contains(&(para.start + before.len()))
}

/// `text[range]` with every byte range in `cut` removed, for checking what a
/// paragraph still says after an edit.
pub fn without(text: &str, range: &Range<usize>, cut: &[Range<usize>]) -> String {
    let mut out = String::new();
    let mut at = range.start;
    let mut cuts: Vec<&Range<usize>> = cut.iter().collect();
    cuts.sort_by_key(|r| r.start);
    for r in cuts {
        if r.start > at {
            out.push_str(&text[at..r.start.min(range.end)]);
        }
        at = at.max(r.end);
    }
    if at < range.end {
        out.push_str(&text[at..range.end]);
    }
    out
}

/// Upper-case the first letter of `s`.
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Lower-case the first letter of `s`.
pub fn decapitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A window of about `width` bytes around `range`, on one line, with the
/// range marked `⟦…⟧`, for terminal reports.
pub fn context(text: &str, range: &Range<usize>, width: usize) -> String {
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(range.start.saturating_sub(width / 2));
    let end = floor((range.end + width / 2).min(text.len()));
    let marked = if range.len() > width {
        let head = floor(range.start + width / 3);
        let tail = floor(range.end - width / 3);
        format!("{} … {}", &text[range.start..head], &text[tail..range.end])
    } else {
        text[range.clone()].to_owned()
    };
    let line = format!(
        "{}{}⟦{marked}⟧{}{}",
        if start > 0 { "…" } else { "" },
        &text[start..range.start],
        &text[range.end..end],
        if end < text.len() { "…" } else { "" },
    );
    line.replace("\r\n", " ¶ ").replace('\n', " ¶ ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn paragraphs_are_blank_line_blocks() {
        let text = "Headline\n\n  First line\ncontinued.  \n\n\nSecond.\n";
        assert_eq!(
            texts(text, &paragraphs(text)),
            ["Headline", "First line\ncontinued.", "Second."]
        );
    }

    #[test]
    fn quotes_pair_by_kind_and_report_balance() {
        let text = "\"Out “in” out,\" he said. “Open";
        let para = 0..text.len();
        let pq = quotes_in(text, &para);
        assert!(!pq.balanced);
        assert_eq!(pq.quotes.len(), 2);
        assert_eq!(&text[pq.quotes[0].inner(para.end)], "Out “in” out,");
        assert_eq!(&text[pq.quotes[1].inner(para.end)], "Open");
        assert!(quotes_in("A ”stray", &(0..10)).quotes.is_empty());
        // Run-together BBC quote paragraphs: the second mark opens.
        let merged = "\"One,\" he said. \"Two. \"Three.\"";
        assert!(!quotes_in(merged, &(0..merged.len())).balanced);
        let fine = "\"One,\" he said. \"Two.\"";
        assert!(quotes_in(fine, &(0..fine.len())).balanced);
        assert!(!quotes_in("A ”stray", &(0..10)).balanced);
    }

    #[test]
    fn sentences_skip_abbreviations_and_keep_closing_marks() {
        let text = "Sen. Ted Cruz spoke in the U.S. Senate. \"We won.\" Then George W. Bush left";
        let para = 0..text.len();
        assert_eq!(
            texts(text, &sentences(text, &para)),
            [
                "Sen. Ted Cruz spoke in the U.S. Senate.",
                "\"We won.\"",
                "Then George W. Bush left"
            ]
        );
        assert!(starts_sentence(text, &para, 40));
        assert!(!starts_sentence(text, &para, 5));
    }

    #[test]
    fn context_marks_the_range_on_one_line() {
        let text = "one\ntwo three";
        assert_eq!(context(text, &(4..7), 4), "…e ¶ ⟦two⟧ t…");
    }

    #[test]
    fn without_removes_ranges() {
        assert_eq!(without("abcdef", &(0..6), &[3..4, 1..2]), "acef");
    }
}
