//! `repeat/quote` — a quoted sentence used twice.
//!
//! Every quote is split into sentences; each sentence of a later quote is
//! compared with the sentences of earlier quotes by their word trigrams. A
//! match needs most trigrams of the shorter sentence to appear in the longer
//! one, so a repeat is found exactly, nearly (a word changed), and as part of
//! a longer quote (the seed's paragraph 7 extends a sentence of paragraph 2).
//! An inverted index from trigram to earlier sentences keeps this linear in
//! practice: a sentence is only compared with sentences it shares trigrams
//! with. Consecutive sentences of one quote that repeat one earlier quote
//! are one repetition and give one finding spanning them.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::config::Config;
use crate::document::Document;
use crate::finding::Finding;
use crate::text::{fold, words_in};

use crate::cache::{CacheStats, GenerationCache};
use std::sync::Arc;

use super::{Check, CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "A quoted sentence used twice.",
    why: "Using the same quote twice wastes the strongest material of a story and is a sign of a botched merge of two versions or a rewrite that kept the old quote.",
    example: "\"It risks further isolating Israel around the world,\" he said. … \"It risks further isolating Israel around the world and jeopardizing its security,\" he said.",
    passes: "Quoted terms and short partial quotes (fewer than five words by default) that recur, such as a phrase picked up from the lede; different sentences from the same quote.",
};

/// Share of the shorter sentence's trigrams that must recur in the other.
const MIN_TRIGRAM_SHARE: f64 = 0.8;
/// A near repeat (a word or two changed) keeps this share of trigrams and
/// this share of the shorter sentence's words.
const NEAR_TRIGRAM_SHARE: f64 = 0.5;
const NEAR_WORD_SHARE: f64 = 0.85;
/// Trigrams this common across the story's quotes are not used to find
/// candidates (they are still counted when scoring).
const MAX_POSTINGS: usize = 16;

/// A quoted passage that repeats an earlier one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteRepeat {
    /// The later, repeating passage (a sentence of a quote).
    pub range: Range<usize>,
    /// Paragraph of the later passage.
    pub paragraph: usize,
    /// The earlier passage it repeats.
    pub earlier: Range<usize>,
    /// Paragraph of the earlier passage.
    pub earlier_paragraph: usize,
}

/// One sentence of a quote, placed in the draft.
struct QuoteSentence {
    range: Range<usize>,
    paragraph: usize,
    quote: usize,
    shape: Arc<Shape>,
}

/// What a quote sentence is made of, independent of where it stands (so it
/// can be cached across runs): folded words and trigram hashes.
struct Shape {
    /// The sentence's range relative to the start of its quote's text.
    at: Range<usize>,
    trigrams: Vec<u64>,
    /// Hashes of the distinct folded words, sorted.
    words: Vec<u64>,
    /// Number of words.
    len: usize,
    /// A fragment woven into a sentence (`said it was "a bad deal"`),
    /// starting in lowercase.
    fragment: bool,
    /// Byte range of each word (relative to the quote's text), and the
    /// hash of the trigram starting at each word, to find which part of a
    /// sentence repeats.
    word_ranges: Vec<Range<usize>>,
    trigram_at: Vec<u64>,
}

/// What the check remembers between the runs of one [`crate::Session`]:
/// the sentence shapes of each quote's text of the last run.
#[derive(Default)]
pub(crate) struct Cache {
    shapes: GenerationCache<Arc<Vec<Arc<Shape>>>>,
}

impl Cache {
    pub(crate) fn start_run(&mut self) {
        self.shapes.start_run();
    }

    pub(crate) fn stats(&self) -> CacheStats {
        self.shapes.stats()
    }
}

impl QuoteSentence {
    /// The span of this sentence covered by trigrams `other` also has: the
    /// part that repeats (or is repeated).
    fn span_shared_with(&self, other: &QuoteSentence) -> Range<usize> {
        let (me, other) = (&self.shape, &other.shape);
        let mut first = None;
        let mut last = 0;
        for (i, t) in me.trigram_at.iter().enumerate() {
            if other.trigrams.binary_search(t).is_ok() {
                first.get_or_insert(i);
                last = i + 2;
            }
        }
        // `range` starts where the shape's `at` does.
        let base = self.range.start - me.at.start;
        match first {
            Some(f) => base + me.word_ranges[f].start..base + me.word_ranges[last].end,
            None => self.range.clone(),
        }
    }
}

/// The hash of a word as folded (case and diacritics ignored), without
/// allocating for the ASCII words that make up most of a story.
fn word_hash(word: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    if word.is_ascii() {
        for b in word.bytes() {
            b.to_ascii_lowercase().hash(&mut h);
        }
    } else {
        for b in fold(word).bytes() {
            b.hash(&mut h);
        }
    }
    h.finish()
}

/// The hash of the trigram starting at each word, in order.
fn trigram_hashes(words: &[u64]) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    words
        .windows(3)
        .map(|w| {
            let mut h = rustc_hash::FxHasher::default();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

fn quote_sentences(cache: &mut Cache, doc: &Document<'_>, min_words: usize) -> Vec<QuoteSentence> {
    let mut out = Vec::new();
    for (qi, q) in doc.quotes.iter().enumerate() {
        let inner = &doc.prose[q.inner.clone()];
        let shapes = cache
            .shapes
            .get_or_insert_with(inner, || Arc::new(shapes_of(inner)));
        for shape in shapes.iter().filter(|s| s.len >= min_words) {
            out.push(QuoteSentence {
                range: q.inner.start + shape.at.start..q.inner.start + shape.at.end,
                paragraph: q.paragraph,
                quote: qi,
                shape: shape.clone(),
            });
        }
    }
    out
}

/// The sentences of a quote's text of three words or more.
fn shapes_of(inner: &str) -> Vec<Arc<Shape>> {
    let mut out = Vec::new();
    for range in crate::document::sentences::split(inner, 0..inner.len(), &[]) {
        let found = words_in(inner, range.clone());
        let word_ranges: Vec<Range<usize>> = found.iter().map(|w| w.range()).collect();
        let words: Vec<u64> = found.iter().map(|w| word_hash(w.text)).collect();
        if words.len() < 3 {
            continue;
        }
        let text = inner[range.clone()].trim_end_matches([',', ' ', ';', ':']);
        let trigram_at = trigram_hashes(&words);
        let mut trigrams = trigram_at.clone();
        trigrams.sort_unstable();
        trigrams.dedup();
        let len = words.len();
        let fragment = inner[range.clone()]
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase);
        let mut words = words;
        words.sort_unstable();
        words.dedup();
        out.push(Arc::new(Shape {
            at: range.start..range.start + text.len(),
            trigrams,
            words,
            len,
            fragment,
            word_ranges,
            trigram_at,
        }));
    }
    out
}

/// Share of the shorter sentence's distinct words found in the other.
fn word_share(a: &QuoteSentence, b: &QuoteSentence) -> f64 {
    let (a, b) = (&a.shape, &b.shape);
    let (small, large) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    let found = small
        .words
        .iter()
        .filter(|w| large.words.binary_search(w).is_ok())
        .count();
    found as f64 / small.words.len() as f64
}

/// Every later quote sentence that repeats an earlier one (the best match).
pub(crate) fn find(cache: &mut Cache, doc: &Document<'_>, config: &Config) -> Vec<QuoteRepeat> {
    let sentences = quote_sentences(cache, doc, config.thresholds.min_repeated_quote_words);
    let mut index: HashMap<u64, Vec<usize>> = HashMap::default();
    let mut out = Vec::new();
    // Shared-trigram counts per earlier sentence, reset through `touched`.
    let mut counts = vec![0usize; sentences.len()];
    let mut touched: Vec<usize> = Vec::new();
    // The later and earlier quote of the last repetition found.
    let mut last_pair: Option<(usize, usize)> = None;
    for (si, s) in sentences.iter().enumerate() {
        for &e in &touched {
            counts[e] = 0;
        }
        touched.clear();
        for t in &s.shape.trigrams {
            if let Some(postings) = index.get(t) {
                if postings.len() <= MAX_POSTINGS {
                    for &e in postings {
                        if counts[e] == 0 {
                            touched.push(e);
                        }
                        counts[e] += 1;
                    }
                }
            }
        }
        let best = touched
            .iter()
            .map(|&e| (e, counts[e]))
            .filter(|&(e, _)| sentences[e].quote != s.quote)
            // A fragment quoted early and the full quote given later is how
            // a story introduces a quote, not a repeat.
            .filter(|&(e, _)| {
                !(sentences[e].shape.fragment && s.shape.len > sentences[e].shape.len)
            })
            .map(|(e, n)| {
                let shorter = s
                    .shape
                    .trigrams
                    .len()
                    .min(sentences[e].shape.trigrams.len());
                (n as f64 / shorter as f64, e)
            })
            .filter(|&(share, e)| {
                share >= MIN_TRIGRAM_SHARE
                    || (share >= NEAR_TRIGRAM_SHARE
                        && word_share(s, &sentences[e]) >= NEAR_WORD_SHARE)
            })
            // Highest share, then the earliest sentence.
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, e)) = best {
            let earlier = &sentences[e];
            let range = s.span_shared_with(earlier);
            let earlier_range = earlier.span_shared_with(s);
            // Two sentences of one quote that repeat one earlier quote are
            // one repetition of it: one finding over both.
            match (out.last_mut(), last_pair) {
                (Some(prev), Some(pair)) if pair == (s.quote, earlier.quote) => {
                    let prev: &mut QuoteRepeat = prev;
                    prev.range = prev.range.start.min(range.start)..prev.range.end.max(range.end);
                    prev.earlier = prev.earlier.start.min(earlier_range.start)
                        ..prev.earlier.end.max(earlier_range.end);
                }
                _ => out.push(QuoteRepeat {
                    range,
                    paragraph: s.paragraph,
                    earlier: earlier_range,
                    earlier_paragraph: earlier.paragraph,
                }),
            }
            last_pair = Some((s.quote, earlier.quote));
        }
        for &t in &s.shape.trigrams {
            index.entry(t).or_default().push(si);
        }
    }
    out
}

pub(crate) fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for r in cx.quote_repeats() {
        let earlier_number = doc.paragraphs[r.earlier_paragraph].number;
        let excerpt = super::quote_attribution::excerpt(doc.text, r.earlier.clone());
        let where_ = if r.earlier_paragraph == r.paragraph {
            "earlier in this paragraph".to_owned()
        } else {
            format!("in paragraph {earlier_number}")
        };
        out.push(
            Finding::new(
                Check::RepeatQuote,
                r.range.clone(),
                format!("Quote repeats one used {where_}: “{excerpt}”"),
            )
            .with_related(r.earlier.clone(), "first quoted here"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_clean, findings, flagged};
    use crate::checks::Check;

    const C: Check = Check::RepeatQuote;

    #[test]
    fn exact_repeat_in_a_later_paragraph() {
        let text = "\"We will rebuild every single home,\" the mayor said.\nThe council met.\n\"We will rebuild every single home,\" she added.\n";
        let f = findings(C, text);
        assert_eq!(f.len(), 1);
        assert_eq!(
            &text[f[0].range.clone()],
            "We will rebuild every single home"
        );
        assert_eq!(f[0].range.start, text.rfind("We will").unwrap());
        assert_eq!(f[0].related[0].range.start, 1);
        assert!(f[0].message.contains("in paragraph 1"), "{}", f[0].message);
    }

    #[test]
    fn partial_repeat_inside_a_longer_quote_and_near_repeat() {
        let text = "\"Talks are over. It risks isolating the city from the world,\" he said.\nShe agreed.\n\"It risks isolating the city from the world and ruining trade,\" he said.\nHe said the plan was \"talks are truly over now for the city and the world.\"\n";
        assert_eq!(
            flagged(C, text),
            ["It risks isolating the city from the world"]
        );
        let near = "\"The bridge will reopen before the end of the year,\" he said.\n\"The bridge will reopen before the end of this year,\" he said.\n";
        assert_eq!(findings(C, near).len(), 1);
    }

    #[test]
    fn fragment_in_the_intro_then_the_full_quote_passes() {
        assert_clean(
            C,
            "The minister said cuts would \"hit the morale of public servants badly\".\n\"Cutting jobs will hit the morale of public servants badly,\" he said.\n",
        );
        // The other way round is a repeat, like the seed's paragraph 6.
        assert_eq!(
            findings(
                C,
                "\"Cutting jobs will hit the morale of public servants badly,\" he said.\nHe said cutting jobs \"will hit the morale of public servants badly\".\n",
            )
            .len(),
            1
        );
    }

    #[test]
    fn short_phrases_and_different_sentences_pass() {
        assert_clean(
            C,
            "Officials warned of \"further isolating\" the city.\nHe said it risked \"further isolating\" the city.\n",
        );
        assert_clean(
            C,
            "\"We will rebuild every single home,\" he said.\n\"We will never forget the people we lost,\" he said.\n",
        );
    }

    #[test]
    fn two_sentences_repeating_one_quote_are_one_finding() {
        let text = "\"I kept telling myself to breathe. If they want the title, they will have to take it from us,\" the captain said.\nThe club won 2-1.\n\"I kept telling myself to breathe. If they want the title, they will have to take it from us,\" she said. \"That is football.\"\n";
        assert_eq!(
            flagged(C, text),
            ["I kept telling myself to breathe. If they want the title, they will have to take it from us"]
        );
        let f = findings(C, text);
        assert_eq!(&text[f[0].related[0].range.clone()], "I kept telling myself to breathe. If they want the title, they will have to take it from us");
        // Sentences of one later quote repeating two different earlier
        // quotes are two repetitions.
        let two = "\"We will rebuild every single home,\" the mayor said.\n\"The river will not beat this town again,\" she added.\n\"We will rebuild every single home. The river will not beat this town again,\" she said.\n";
        assert_eq!(findings(C, two).len(), 2);
    }

    #[test]
    fn sentences_of_one_quote_are_not_repeats_of_each_other() {
        assert_clean(
            C,
            "\"We will rebuild every single home. We will rebuild every single home,\" he said.\n",
        );
    }
}
