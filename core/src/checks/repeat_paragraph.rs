//! `repeat/paragraph` — a paragraph said twice.
//!
//! Exact and near copies are easy; the hard case is a restatement, such as
//! the seed's paragraph 3, which says the lede again in other words
//! ("offensive … would further isolate Israel" → "offensive … would risk
//! further isolating Israel"). Character n-grams miss those, so paragraphs
//! are compared as bags of stemmed content words, where the names of people
//! and places weigh double: a restatement keeps the same people, places and
//! claim words while the grammar around them changes.
//!
//! Similarity is the weighted share of the smaller paragraph's terms found
//! in the other (containment), so a short paragraph that restates part of a
//! long lede is found too. To keep precision, a pair must also share at least
//! two names and three other content words. An inverted index from term to
//! paragraphs means a paragraph is only scored against paragraphs it shares
//! terms with, so the check stays near-linear on long documents.
//!
//! When what a later paragraph repeats is a quote, `repeat/quote` reports it
//! and this check stays silent, so one repetition gives one finding.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use regex::Regex;

use super::cache::{CacheStats, GenerationCache};

use crate::document::Document;
use crate::finding::{Edit, Finding, Fix, Safety};
use crate::text::{fold, is_stopword, stem, words_in};

use super::{Check, CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "A later paragraph that repeats or restates an earlier one.",
    why: "Restated paragraphs are the commonest leftover of rewriting a story on deadline: a new lede is written and the old one is left lower down, saying the same thing again.",
    example: "1: An offensive on Rafah would further isolate Israel, Antony Blinken said on Friday. … 3: Blinken said on Friday that an offensive on Rafah would risk further isolating Israel.",
    passes: "Paragraphs about the same people that make a different claim; paragraphs whose repetition is a repeated quote (reported as repeat/quote instead); short paragraphs of a few words.",
};

/// Names of people and places weigh this much more than other words.
const NAME_WEIGHT: f64 = 2.0;
/// A paragraph needs this much weight to be compared at all.
const MIN_WEIGHT: f64 = 6.0;
/// A pair must share at least this many names and this many other terms.
const MIN_SHARED_NAMES: usize = 2;
const MIN_SHARED_WORDS: usize = 3;
/// A near copy (similarity at least `NEAR_COPY`) needs only this many
/// shared terms of any kind: copies of paragraphs without names count too.
const NEAR_COPY: f64 = 0.85;
const MIN_SHARED_TERMS_NEAR_COPY: usize = 4;
const MIN_SHARED_WORDS_NEAR_COPY: usize = 2;
/// Terms in more paragraphs than this are too common to find candidates
/// (they still count when a pair is scored); keeps long documents linear.
const MAX_POSTINGS: usize = 32;

/// Reporting verbs say nothing about the claim (`said`, `told`).
const REPORTING: &[&str] = &[
    "accord", "add", "ask", "claim", "note", "report", "say", "said", "state", "tell", "told",
];

/// The content terms of a paragraph, or of one sentence of a longer
/// paragraph (a restatement may repeat only part of a long lede).
struct Terms {
    paragraph: usize,
    /// The text compared: the paragraph's body or one of its sentences.
    range: Range<usize>,
    /// Whether `range` is the whole paragraph.
    whole: bool,
    /// Live blogs (`3:15 p.m.`, `___`) are separate entries; a repeat is
    /// only looked for within one entry.
    section: usize,
    bag: Arc<TermBag>,
    /// A list entry (`- Jane Doe, Empire: Film - …`): lists repeat their
    /// shape by design, so only exact copies count.
    list_entry: bool,
}

/// A stemmed content term, interned per session: bags hold ids, which are
/// cheaper to hash and compare than the stems themselves.
type Term = u32;

/// The weighted terms of a text, shared through the cross-run cache.
struct TermBag {
    /// Sorted by term, each term once.
    weights: Vec<(Term, f64)>,
    total: f64,
}

impl TermBag {
    fn contains(&self, term: Term) -> bool {
        self.weights
            .binary_search_by_key(&term, |&(t, _)| t)
            .is_ok()
    }
}

/// What the check remembers between the runs of one [`crate::Session`]:
/// the words seen so far and their terms, and the bags of the last run's
/// texts.
///
/// Drafts repeat their words and an editor re-checks the same draft on
/// every keystroke, so after the first check nearly every word is a lookup
/// instead of a Snowball run. The memo is emptied, at the start of a run,
/// once it has grown past [`Cache::MAX_WORDS`]; the cached bags go with it,
/// as their term ids belong to it.
#[derive(Default)]
pub(crate) struct Cache {
    lexicon: Lexicon,
    bags: GenerationCache<Arc<TermBag>>,
}

impl Cache {
    /// Words remembered before the memo is emptied.
    const MAX_WORDS: usize = 200_000;

    /// Start a run: a new generation of bags, and an empty memo if it has
    /// grown past its bound.
    pub(crate) fn start_run(&mut self) {
        if self.lexicon.words.len() >= Self::MAX_WORDS {
            self.lexicon = Lexicon::default();
            self.bags.clear();
        }
        self.bags.start_run();
    }

    /// Use of the bag cache.
    pub(crate) fn bag_stats(&self) -> CacheStats {
        self.bags.stats()
    }

    /// Words in the memo.
    pub(crate) fn words(&self) -> usize {
        self.lexicon.words.len()
    }
}

/// The words seen so far and their terms.
#[derive(Default)]
struct Lexicon {
    /// Word as written → its term (`None` for function words, numbers and
    /// reporting verbs).
    words: HashMap<Box<str>, Option<Term>>,
    /// Stem → term.
    stems: HashMap<Box<str>, Term>,
}

impl Lexicon {
    /// The term a word contributes, or `None` for function words, numbers
    /// and reporting verbs.
    fn term_of(&mut self, word: &str) -> Option<Term> {
        if let Some(&term) = self.words.get(word) {
            return term;
        }
        let term = compute_term(word).map(|stem| {
            let next = Term::try_from(self.stems.len()).expect("fewer than 2^32 terms");
            *self.stems.entry(stem.into_boxed_str()).or_insert(next)
        });
        self.words.insert(word.into(), term);
        term
    }
}

fn compute_term(word: &str) -> Option<String> {
    let folded = fold(word);
    if folded.chars().count() < 2 || is_stopword(&folded) || folded.chars().all(|c| c.is_numeric())
    {
        return None;
    }
    let term = stem(word);
    (!REPORTING.contains(&term.as_str())).then_some(term)
}

static SECTION_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[_*=~-]\s*){3,}\.?$|^\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)\.?:?$")
        .expect("section break pattern")
});

fn terms(
    cache: &mut Cache,
    doc: &Document<'_>,
    paragraph: usize,
    range: Range<usize>,
    section: usize,
) -> Terms {
    let p = &doc.paragraphs[paragraph];
    let text = &doc.prose[range.clone()];
    let Cache { lexicon, bags } = cache;
    let bag = bags.get_or_insert_with(text, || Arc::new(term_bag(lexicon, text)));
    let list_entry = doc.text[p.range.clone()].starts_with(['-', '*', '•', '–', '—'])
        || doc.kind == crate::document::DocKind::Markdown
            && doc.text[..p.range.start]
                .trim_end_matches([' ', '\t'])
                .ends_with(['-', '*', '+']);
    Terms {
        paragraph,
        whole: range == p.body,
        range,
        section,
        bag,
        list_entry,
    }
}

fn term_bag(lexicon: &mut Lexicon, text: &str) -> TermBag {
    let mut weights: Vec<(Term, f64)> = Vec::new();
    let words = words_in(text, 0..text.len());
    for (i, w) in words.iter().enumerate() {
        // A run of capitalised words is one name, known by its last word
        // (`President Barack Obama` → `obama`), so one person or place
        // counts once.
        let capitalized = w.is_capitalized();
        let run_goes_on = capitalized
            && words.get(i + 1).is_some_and(|n| {
                n.is_capitalized() && text[w.end()..n.start].chars().all(char::is_whitespace)
            });
        if run_goes_on {
            continue;
        }
        let Some(term) = lexicon.term_of(w.text) else {
            continue;
        };
        let weight = if capitalized { NAME_WEIGHT } else { 1.0 };
        weights.push((term, weight));
    }
    // One entry per term, at its highest weight.
    weights.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    weights.dedup_by_key(|&mut (t, _)| t);
    let total = weights.iter().map(|&(_, w)| w).sum();
    TermBag { weights, total }
}

/// How much of the smaller paragraph the larger one contains, with the
/// shared names and other words counted separately.
fn similarity(a: &Terms, b: &Terms) -> (f64, usize, usize) {
    let (a, b) = (&a.bag, &b.bag);
    let (small, large) = if a.total <= b.total { (a, b) } else { (b, a) };
    let mut shared = 0.0;
    let (mut names, mut words) = (0, 0);
    // Both bags are sorted by term: walk them side by side.
    let mut rest = large.weights.as_slice();
    for &(term, w) in &small.weights {
        let skip = rest.partition_point(|&(t, _)| t < term);
        rest = &rest[skip..];
        let Some(&(t, v)) = rest.first() else {
            break;
        };
        if t == term {
            let weight = w.min(v);
            shared += weight;
            if weight == NAME_WEIGHT {
                names += 1;
            } else {
                words += 1;
            }
        }
    }
    (2.0 * shared / (small.total + large.total), names, words)
}

pub(crate) fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let cache = &mut *cx.paragraph_cache();
    let doc = cx.doc;
    let threshold = cx.config.thresholds.restated_paragraph;
    let quoted: Vec<usize> = cx.quote_repeats().iter().map(|r| r.paragraph).collect();
    let mut index: HashMap<Term, Vec<usize>> = HashMap::default();
    let mut section = 0;
    // Per paragraph: the whole paragraph, then its sentences when it has
    // several (compared only as the earlier side).
    let units = doc.paragraphs.iter().map(|p| 1 + p.sentences.len()).sum();
    let mut all: Vec<Terms> = Vec::with_capacity(units);
    let mut wholes: Vec<usize> = Vec::with_capacity(doc.paragraphs.len());
    for (i, p) in doc.body_paragraphs() {
        if SECTION_BREAK.is_match(doc.prose[p.body.clone()].trim()) {
            section += 1;
            continue;
        }
        wholes.push(all.len());
        all.push(terms(cache, doc, i, p.body.clone(), section));
        if p.sentences.len() > 1 {
            for s in &p.sentences {
                all.push(terms(cache, doc, i, s.clone(), section));
            }
        }
    }
    // Shared-term counts per earlier unit, reset through `touched`.
    let mut counts = vec![0usize; all.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (n, &k) in wholes.iter().enumerate() {
        let later = &all[k];
        if later.bag.total >= MIN_WEIGHT && !quoted.contains(&later.paragraph) {
            for &e in &touched {
                counts[e] = 0;
            }
            touched.clear();
            for (term, _) in &later.bag.weights {
                if let Some(postings) = index.get(term) {
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
                .filter(|&&e| {
                    counts[e] >= MIN_SHARED_TERMS_NEAR_COPY && all[e].section == later.section
                })
                .map(|&e| (similarity(&all[e], later), e))
                .filter(|&((sim, names, words), e)| {
                    let needed = if later.list_entry || all[e].list_entry {
                        1.0
                    } else {
                        threshold
                    };
                    let enough = if sim >= NEAR_COPY {
                        // Lists of names alone (`France v Israel; …`) are not prose.
                        names + words >= MIN_SHARED_TERMS_NEAR_COPY
                            && words >= MIN_SHARED_WORDS_NEAR_COPY
                    } else {
                        names >= MIN_SHARED_NAMES && words >= MIN_SHARED_WORDS
                    };
                    sim >= needed && enough
                })
                .max_by(|a, b| a.0 .0.total_cmp(&b.0 .0).then(b.1.cmp(&a.1)));
            if let Some(((sim, _, _), e)) = best {
                out.push(finding(&mut cache.lexicon, doc, &all[e], later, sim));
            }
        }
        let units_end = wholes.get(n + 1).copied().unwrap_or(all.len());
        for (u, unit) in all.iter().enumerate().take(units_end).skip(k) {
            if unit.bag.total >= MIN_WEIGHT {
                for &(term, _) in &unit.bag.weights {
                    index.entry(term).or_default().push(u);
                }
            }
        }
    }
}

fn finding(
    lexicon: &mut Lexicon,
    doc: &Document<'_>,
    earlier: &Terms,
    later: &Terms,
    sim: f64,
) -> Finding {
    let e = &doc.paragraphs[earlier.paragraph];
    let l = &doc.paragraphs[later.paragraph];
    let exact = doc.prose[earlier.range.clone()].trim() == doc.prose[l.body.clone()].trim();
    let (what, safety) = if exact {
        ("repeats", Safety::Safe)
    } else if sim >= 0.9 {
        ("nearly repeats", Safety::Unsafe)
    } else {
        ("restates", Safety::Unsafe)
    };
    // Name the evidence: the shared names, or the shared words when the
    // paragraphs name nobody.
    let mut in_earlier = |w: &crate::text::Word<'_>| {
        lexicon
            .term_of(w.text)
            .is_some_and(|t| earlier.bag.contains(t))
    };
    let later_words = words_in(doc.text, l.body.clone());
    let names: Vec<&str> = later_words
        .iter()
        .filter(|w| w.is_capitalized() && in_earlier(w))
        .map(|w| w.without_possessive())
        .collect();
    let mut shared = if names.is_empty() {
        later_words
            .iter()
            .filter(|w| in_earlier(w))
            .map(|w| w.without_possessive())
            .collect()
    } else {
        names
    };
    let mut seen = Vec::new();
    shared.retain(|w| {
        let new = !seen.contains(w);
        seen.push(*w);
        new
    });
    shared.truncate(4);
    let mut label = if e.number == 1 {
        "the lede".to_owned()
    } else {
        format!("paragraph {}", e.number)
    };
    if !earlier.whole {
        label = format!("part of {label}");
    }
    Finding::new(
        Check::RepeatParagraph,
        l.range.clone(),
        format!(
            "Paragraph {} {what} {label} (same {})",
            l.number,
            shared.join(", ")
        ),
    )
    .with_related(earlier.range.clone(), format!("{label} says it first"))
    .with_fix(Fix::new(
        format!("Delete paragraph {}", l.number),
        safety,
        vec![Edit {
            range: doc.paragraph_deletion(later.paragraph),
            replacement: String::new(),
        }],
    ))
}

#[cfg(test)]
mod tests {
    use crate::checks::test_support::{assert_clean, findings};
    use crate::checks::Check;
    use crate::finding::Safety;

    const C: Check = Check::RepeatParagraph;

    const LEDE: &str = "A ground offensive against Springfield would further isolate Freedonia internationally, Foreign Minister Rufus Firefly said on Tuesday.";

    #[test]
    fn restated_lede_is_flagged_with_delete_fix() {
        let text = format!(
            "{LEDE}\nThe talks went on late into the night.\nFirefly said on Tuesday that an offensive on the northern city of Springfield would risk further isolating Freedonia and hurt its security.\nMarkets were calm.\n"
        );
        let f = findings(C, &text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(text[f[0].range.clone()].starts_with("Firefly said on Tuesday"));
        assert_eq!(f[0].related[0].range.start, 0);
        assert!(
            f[0].message.starts_with("Paragraph 3 restates the lede"),
            "{}",
            f[0].message
        );
        let fix = f[0].fix.as_ref().unwrap();
        assert_eq!(fix.safety, Safety::Unsafe);
        let fixed = fix.apply(&text);
        assert!(!fixed.contains("northern city"));
        assert!(findings(C, &fixed).is_empty());
    }

    #[test]
    fn exact_copy_is_a_safe_deletion() {
        let text = format!("{LEDE}\nMarkets were calm.\n{LEDE}\n");
        let f = findings(C, &text);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("repeats the lede"));
        let fix = f[0].fix.as_ref().unwrap();
        assert_eq!(fix.safety, Safety::Safe);
        assert_eq!(fix.apply(&text), format!("{LEDE}\nMarkets were calm.\n"));
    }

    #[test]
    fn same_people_different_claim_passes() {
        assert_clean(
            C,
            &format!("{LEDE}\nFirefly, who flew to Springfield from Freedonia on Monday, will meet union leaders about pensions before returning home.\n"),
        );
    }

    #[test]
    fn list_entries_of_one_shape_pass() {
        assert_clean(
            C,
            "- Tim Dams, Screen International: Film - The Aviator; director - Clint Eastwood; actor - Jamie Foxx.\n- Angie Errigo, Empire: Film - The Aviator; director - Clint Eastwood; actor - Jamie Foxx.\n",
        );
    }

    #[test]
    fn live_blog_entries_are_compared_only_within_themselves() {
        let entry = "Rufus Firefly has won the Springfield primary in Freedonia, taking most of the delegates at stake on Tuesday.";
        assert_clean(
            C,
            &format!("3:15 p.m.\n{entry}\n___.\n2:50 p.m.\n{entry}\n"),
        );
        assert_eq!(
            findings(C, &format!("3:15 p.m.\n{entry}\nMore.\n{entry}\n")).len(),
            1
        );
    }

    #[test]
    fn a_copy_without_names_is_still_a_copy() {
        let para =
            "The bridge will stay closed until engineers finish checking every cable and bolt.";
        let f = findings(C, &format!("{LEDE}\n{para}\nMarkets were calm.\n{para}\n"));
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message
                .contains("repeats paragraph 2 (same bridge, stay, closed, engineers)"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn fixture_lists_of_names_pass() {
        assert_clean(
            C,
            "Republic of Ireland v Cyprus; France v Israel; Switzerland v Faroe Islands.\nSwitzerland v Republic of Ireland; Israel v Cyprus; Faroe Islands v France.\n",
        );
    }

    #[test]
    fn restating_one_sentence_of_a_longer_paragraph() {
        let text = format!(
            "{LEDE} Markets in Freedonia fell sharply and the currency slid to a record low against the dollar.\nThe talks went on late into the night.\nFirefly said on Tuesday that an offensive on the northern city of Springfield would risk further isolating Freedonia and hurt its security.\n"
        );
        let f = findings(C, &text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message.contains("restates part of the lede"),
            "{}",
            f[0].message
        );
        assert_eq!(&text[f[0].related[0].range.clone()], LEDE);
    }

    #[test]
    fn short_paragraphs_pass() {
        assert_clean(C, "Firefly said no.\nFirefly said no.\n");
    }

    #[test]
    fn a_repeated_quote_is_left_to_repeat_quote() {
        let text = "Firefly said the strike on Springfield was \"a grave mistake that will isolate Freedonia from every ally.\"\nThe talks went on.\nFirefly said the strike on Springfield was \"a grave mistake that will isolate Freedonia from every ally.\"\n";
        assert_clean(C, text);
        assert_eq!(findings(Check::RepeatQuote, text).len(), 1);
    }
}
