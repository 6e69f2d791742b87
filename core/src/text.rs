//! Small text utilities shared by the text model and the checks: words with
//! byte ranges, case and diacritic folding, stemming, edit distance.

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A word of prose: letters and digits, with inner apostrophes, hyphens and
/// periods of abbreviations kept (`Israel's`, `long-term`, `U.S.`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl<'a> Word<'a> {
    pub fn range(&self) -> Range<usize> {
        self.start..self.start + self.text.len()
    }

    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word without a trailing possessive (`Israel's` → `Israel`).
    pub fn without_possessive(&self) -> &'a str {
        strip_possessive(self.text)
    }
}

/// `text` with each lone `\r` (one no `\n` follows) made a `\n`, when it
/// has any: old Mac line ends. Same length, so every offset into the copy
/// is an offset into `text`; drafts and editors treat CR, LF and CRLF alike.
pub fn lone_cr_as_lf(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return None;
    }
    let mut out = bytes.to_vec();
    for i in memchr::memchr_iter(b'\r', bytes) {
        if lone(i) {
            out[i] = b'\n';
        }
    }
    // Only ASCII bytes changed.
    String::from_utf8(out).ok()
}

/// How many line breaks `text` has, `\r\n`, `\n` and a lone `\r` each
/// counting one.
pub fn line_breaks(text: &str) -> usize {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
        .count()
}

pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// A letter, digit or combining mark: what a word of prose is made of.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The words of `text[range]`, with offsets into `text`.
///
/// The hottest loop of the analysis (every check reads words): it walks
/// bytes and decodes a char only where the text is not ASCII.
pub fn words_in(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    // About one word per six bytes of English prose.
    let mut out = Vec::with_capacity(slice.len() / 6 + 1);
    let mut i = 0;
    loop {
        // ASCII spaces and punctuation between words, a byte at a time.
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
        {
            i += 1;
        }
        let Some(c) = char_at(slice, i) else {
            break;
        };
        if !is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let mut dotted = false;
        loop {
            // ASCII letters and digits, a byte at a time.
            while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                end += 1;
            }
            let Some(d) = char_at(slice, end) else {
                break;
            };
            if is_word_char(d) {
                end += d.len_utf8();
                continue;
            }
            // Joiners count when a word character follows: Israel's, long-term,
            // U.S. (the final period of an abbreviation is kept below).
            let after = end + d.len_utf8();
            if is_apostrophe(d) || matches!(d, '-' | '‑' | '.') {
                if char_at(slice, after).is_some_and(is_word_char) {
                    dotted |= d == '.';
                    end = after;
                    continue;
                }
                // Possessive plural: `players'`.
                if is_apostrophe(d) && slice[start..end].ends_with('s') {
                    end = after;
                }
            }
            break;
        }
        // Keep the final period of dotted abbreviations: `U.S.`, `D.C.`.
        if dotted && slice[end..].starts_with('.') {
            end += 1;
        }
        out.push(Word {
            text: &slice[start..end],
            start: range.start + start,
        });
        i = end;
    }
    out
}

/// The char starting at byte `i` of `s`, if any.
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        s[i..].chars().next()
    }
}

/// Lowercase with diacritics and apostrophe variants removed: the key under
/// which two spellings count as "the same letters".
pub fn fold(s: &str) -> String {
    // Most words of English copy are ASCII: skip normalization for them.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .collect()
}

/// [`fold`], borrowing the word when it is lowercase ASCII already (most
/// words are).
pub fn fold_word(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'\'')
    {
        Cow::Borrowed(text)
    } else if text.is_ascii() {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Owned(fold(text))
    }
}

/// Whether the two strings differ only by diacritics or case.
pub fn same_letters(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// English Snowball stemmer, built once per thread.
pub fn stem(word: &str) -> String {
    thread_local! {
        static STEMMER: rust_stemmers::Stemmer =
            rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    }
    let folded = fold(strip_possessive(word));
    STEMMER.with(|s| s.stem(&folded).into_owned())
}

/// Function words and reporting filler that say nothing about a claim.
pub fn is_stopword(folded: &str) -> bool {
    crate::lexicon::STOPWORDS.contains(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words_in(s, 0..s.len()).iter().map(|w| w.text).collect()
    }

    #[test]
    fn words_keep_inner_joiners() {
        assert_eq!(
            texts("Israel's long-term U.S. goal, players' union... done."),
            [
                "Israel's",
                "long-term",
                "U.S.",
                "goal",
                "players'",
                "union",
                "done"
            ]
        );
        assert_eq!(texts("“We’ll go,” he said"), ["We’ll", "go", "he", "said"]);
    }

    /// The straightforward char-by-char tokeniser `words_in` replaced, kept
    /// to pin the byte-walking one to the same words.
    fn reference_words(text: &str) -> Vec<Word<'_>> {
        let mut out = Vec::new();
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if !is_word_char(c) {
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    iter.next();
                    continue;
                }
                if is_apostrophe(d) || matches!(d, '-' | '‑' | '.') {
                    let after = text[j + d.len_utf8()..].chars().next();
                    if after.is_some_and(is_word_char) {
                        end = j + d.len_utf8();
                        iter.next();
                        continue;
                    }
                    if is_apostrophe(d) && text[start..end].ends_with('s') {
                        end = j + d.len_utf8();
                        iter.next();
                    }
                }
                break;
            }
            if text[start..end].contains('.') && text[end..].starts_with('.') {
                end += 1;
            }
            out.push(Word {
                text: &text[start..end],
                start,
            });
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn words_match_the_reference_tokeniser(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Zé", "s", "U", "9", " ", ".", "..", "'", "’", "ʼ", "-", "‑", "\"",
                    "“", "\u{301}", "👍", "\n", ",", "—", "ß", "И",
                ]),
                0..40,
            )
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(words_in(&text, 0..text.len()), reference_words(&text));
            // A sub-range sees only its own bytes.
            if let Some((cut, _)) = text.char_indices().nth(3) {
                let inner = &text[cut..];
                let shifted: Vec<_> = reference_words(inner)
                    .into_iter()
                    .map(|w| Word { start: w.start + cut, ..w })
                    .collect();
                proptest::prop_assert_eq!(words_in(&text, cut..text.len()), shifted);
            }
        }
    }

    #[test]
    fn word_offsets_are_bytes_into_text() {
        let s = "émoji 👍 Zelenskyy";
        let w = words_in(s, 0..s.len());
        assert_eq!(&s[w[1].range()], "Zelenskyy");
    }

    #[test]
    fn folding_drops_diacritics_and_case() {
        assert_eq!(fold("Zelenskýy’s"), "zelenskyy's");
        assert!(same_letters("José", "jose"));
    }

    #[test]
    fn stems_and_stopwords() {
        assert_eq!(stem("isolating"), stem("isolate"));
        assert_eq!(stem("Israel's"), "israel");
        assert!(is_stopword("the") && !is_stopword("rafah"));
    }
}
