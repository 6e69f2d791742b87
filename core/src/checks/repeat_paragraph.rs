//! `repeat/paragraph` — a paragraph said twice.
//!
//! Exact and near copies are easy; the hard case is a restatement, such as
//! the seed's paragraph 3, which says the lede again in other words
//! ("offensive … would further isolate Israel" → "offensive … would risk
//! further isolating Israel"). Character n-grams miss those, so paragraphs
//! are compared as bags of what they claim: stemmed content words, names
//! of people, places and organisations, and figures, where names and figures
//! weigh double — a restatement keeps the same people, places and numbers
//! while the grammar around them changes. A paraphrase changes more, so the
//! terms are normalised: figures written as words are digits (`two-month
//! high` = `highest in two months`, `5%` = `5 percent`), compounds give
//! their parts, and a small table of news verbs and nouns a rewrite swaps
//! (`jumped`/`climbed`, `worries`/`fears`; [`crate::lexicon::CLAIM_SYNONYMS`])
//! maps each to one term.
//!
//! Similarity is a weighted Dice coefficient over the two bags; a
//! restatement of one sentence of a long lede is found by comparing with
//! each sentence of earlier paragraphs too. To keep precision, a pair must
//! also share at least two names or figures and three other content words
//! (six when figures stand in for names), and parallel paragraphs that
//! report other figures (two quarters' results, a toll that changed between
//! updates) are never repeats, however alike their wording. An inverted
//! index from term to paragraphs means a paragraph is only scored against
//! paragraphs it shares terms with, so the check stays near-linear on long
//! documents.
//!
//! When what a later paragraph repeats is a quote, `repeat/quote` reports it
//! and this check stays silent, so one repetition gives one finding.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use crate::cache::{CacheStats, TextCache};

use crate::document::Document;
use crate::finding::{Edit, Finding, Fix, Safety};
use crate::lexicon::CLAIM_SYNONYMS;
use crate::text::{fold, is_stopword, stem, strip_possessive, words_in};

use super::{Check, CheckDocs, Context};

pub(crate) static DOCS: CheckDocs = CheckDocs {
    summary: "A later paragraph that repeats or restates an earlier one.",
    why: "Restated paragraphs are the commonest leftover of rewriting a story on deadline: a new lede is written and the old one is left lower down, saying the same thing again.",
    example: "1: An offensive on Rafah would further isolate Israel, Antony Blinken said on Friday. … 3: Blinken said on Friday that an offensive on Rafah would risk further isolating Israel.",
    passes: "Paragraphs about the same people that make a different claim; parallel paragraphs that report other figures (two quarters' results, a toll that changed between updates); paragraphs whose repetition is a repeated quote (reported as repeat/quote instead); short paragraphs of a few words.",
};

/// Names of people and places weigh this much more than other words.
const NAME_WEIGHT: u32 = 2;
/// A paragraph needs this much weight to be compared at all.
const MIN_WEIGHT: u32 = 6;
/// A pair must share at least this many names and this many other terms.
const MIN_SHARED_NAMES: usize = 2;
const MIN_SHARED_WORDS: usize = 3;
/// When shared figures make up for missing shared names, this many other
/// words must be shared too.
const MIN_SHARED_WORDS_BESIDE_FIGURES: usize = 6;
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
///
/// A 1 MB draft has tens of thousands of these, all alive while the check
/// runs: numbers are as narrow as a draft allows (a check refuses nothing
/// under 4 GB, and the command line's memory budget stops far below).
struct Terms {
    paragraph: u32,
    /// The sentence of the paragraph compared, or [`WHOLE`] for its body.
    sentence: u32,
    /// Live blogs (`3:15 p.m.`, `___`) are separate entries; a repeat is
    /// only looked for within one entry.
    section: u32,
    /// The bag's weight ([`TermBag::total`]).
    total: u32,
    bag: TermBag,
    /// A list entry (`- Jane Doe, Empire: Film - …`): lists repeat their
    /// shape by design, so only exact copies count.
    list_entry: bool,
}

/// [`Terms::sentence`] of a whole paragraph.
const WHOLE: u32 = u32::MAX;

impl Terms {
    fn whole(&self) -> bool {
        self.sentence == WHOLE
    }

    fn paragraph(&self) -> usize {
        self.paragraph as usize
    }

    /// The text compared: the paragraph's body or one of its sentences.
    fn range(&self, doc: &Document<'_>) -> Range<usize> {
        let p = &doc.paragraphs[self.paragraph()];
        if self.whole() {
            p.body.clone()
        } else {
            p.sentences[self.sentence as usize].clone()
        }
    }
}

/// A stemmed content term, interned per session: bags hold ids, which are
/// cheaper to hash and compare than the stems themselves. Ids stay below
/// [`FIGURE`], so a bag's entries carry two flags above them.
type Term = u32;

/// In a bag's entry: the term weighs [`NAME_WEIGHT`] (a name or a figure).
const HEAVY: u32 = 1 << 31;
/// In a bag's entry: the term is a figure (and so heavy too).
const FIGURE: u32 = 1 << 30;
/// The term id of a bag's entry.
const ID: u32 = FIGURE - 1;

/// The weighted terms of a text, shared through the cross-run cache: the
/// term ids sorted, each once, at its highest weight, with [`HEAVY`] and
/// [`FIGURE`] set. Four bytes a term and one allocation a text: the bags
/// of every paragraph and sentence were a third of the peak memory of a
/// long draft when each term took sixteen and the figures a list of their
/// own.
type TermBag = Arc<[u32]>;

fn contains(bag: &[u32], term: Term) -> bool {
    bag.binary_search_by_key(&term, |&e| e & ID).is_ok()
}

/// A bag's weight: one for each term, two for names and figures (what the
/// `f64` sum of those weights was, exactly).
fn total(bag: &[u32]) -> u32 {
    bag.iter()
        .map(|&e| if e & HEAVY != 0 { NAME_WEIGHT } else { 1 })
        .sum()
}

fn figures(bag: &[u32]) -> impl Iterator<Item = Term> + '_ {
    bag.iter().filter(|&&e| e & FIGURE != 0).map(|&e| e & ID)
}

/// What the check remembers between the runs of one [`crate::Session`]:
/// the words seen so far and their terms, and the bags of the last run's
/// texts.
///
/// Drafts repeat their words and an editor re-checks the same draft on
/// every keystroke, so after the first check nearly every word is a lookup
/// instead of a Snowball run. But every keystroke inside a word makes a new
/// one (`Blinke`, `Blinkn`), so a memo that only grows grew the language
/// server by about 3 MB per 100,000 edits (issue 13's soak). The memo is
/// emptied at the start of a run once it holds more words than the draft
/// could need, [`Cache::words_for`] its size; the cached bags go with it, as
/// their term ids belong to it.
#[derive(Default)]
pub(crate) struct Cache {
    lexicon: Lexicon,
    bags: TextCache<TermBag>,
}

impl Cache {
    /// Words the memo may hold whatever the draft: a story has a few hundred
    /// distinct words, and a command-line worker shares them between the
    /// drafts of a folder. About 1.6 MB.
    const MIN_WORDS: usize = 16 * 1024;

    /// Words the memo may hold for a draft of `bytes`: a distinct word takes
    /// at least a letter and a space, and prose repeats most of its words,
    /// so an eighth of the size keeps every word of any real draft (a 1 MB
    /// draft has about 40,000 distinct words) and drops the typing debris.
    fn words_for(bytes: usize) -> usize {
        Self::MIN_WORDS.max(bytes / 8)
    }

    /// Start a run over a draft of `bytes`: a new generation of bags, and an
    /// empty memo if it has grown past its bound.
    pub(crate) fn start_run(&mut self, bytes: usize) {
        if self.lexicon.words.len() > Self::words_for(bytes) {
            self.lexicon = Lexicon::default();
            self.bags.clear();
        }
        self.bags.start_run();
    }

    /// End the run over `doc`: its bags are kept for the next run.
    pub(crate) fn finish_run(&mut self, doc: &Document<'_>) {
        self.bags.finish_run(&doc.prose);
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
    /// Word as written → its term and whether it is a figure (`None` for
    /// function words and reporting verbs).
    words: HashMap<Box<str>, Option<(Term, bool)>>,
    /// Stem → term.
    stems: HashMap<Box<str>, Term>,
}

impl Lexicon {
    /// The term a word contributes and whether it is a figure, or `None`
    /// for function words and reporting verbs.
    fn term_of(&mut self, word: &str) -> Option<(Term, bool)> {
        if let Some(&term) = self.words.get(word) {
            return term;
        }
        let term = compute_term(word).map(|stem| {
            let figure = stem.starts_with('#');
            let next = Term::try_from(self.stems.len())
                .ok()
                .filter(|&t| t <= ID)
                .expect("fewer than 2^30 terms");
            (
                *self.stems.entry(stem.into_boxed_str()).or_insert(next),
                figure,
            )
        });
        self.words.insert(word.into(), term);
        term
    }
}

/// Words a number is written in, as the digits they stand for (`two-month
/// high` and `highest in 2 months` give the same figure). `one` stays out:
/// it is a pronoun as often as a figure.
const NUMBER_WORDS: &[(&str, &str)] = &[
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("dozen", "12"),
    ("second", "2nd"),
    ("third", "3rd"),
    ("fourth", "4th"),
    ("fifth", "5th"),
    ("sixth", "6th"),
];

/// Units written out or as a sign (`5%` = `5 percent`): the sign is not a
/// word, so the written unit is dropped too.
const UNIT_WORDS: &[&str] = &["percent", "pct", "cent"];

/// A figure's term (`#5`, `#14.2`, `#5-2`, `#3rd`), or `None` for a word
/// that is not one.
fn number_term(folded: &str) -> Option<String> {
    let digits = folded.bytes().any(|b| b.is_ascii_digit())
        && folded
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-'));
    if digits {
        return Some(format!("#{}", folded.replace(',', "")));
    }
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == folded)
        .map(|(_, n)| format!("#{n}"))
}

/// Each stem of [`CLAIM_SYNONYMS`] → the stem of its canonical word.
static SYNONYMS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    CLAIM_SYNONYMS
        .iter_pairs()
        .map(|(word, canonical)| (stem(word), stem(canonical)))
        .collect()
});

fn compute_term(word: &str) -> Option<String> {
    let folded = fold(word);
    if let Some(number) = number_term(&folded) {
        return Some(number);
    }
    if folded.chars().count() < 2 || is_stopword(&folded) || UNIT_WORDS.contains(&folded.as_str()) {
        return None;
    }
    let term = stem(word);
    if REPORTING.contains(&term.as_str()) {
        return None;
    }
    Some(SYNONYMS.get(&term).cloned().unwrap_or(term))
}

/// A line that divides a live file or an update into sections: a rule of
/// three or more marks (`***`, `- - -`, `___`) or a bare time stamp
/// (`9:15 a.m.`, `11pm:`). Paragraphs repeat on purpose across sections.
/// Written out rather than as a pattern: compiling one cost more than
/// checking a short story.
fn is_section_break(line: &str) -> bool {
    is_rule_line(line) || is_time_stamp(line)
}

fn is_rule_line(line: &str) -> bool {
    let mut marks = 0;
    let mut rest = line;
    while let Some(after) = rest.strip_prefix(['_', '*', '=', '~', '-']) {
        marks += 1;
        rest = after.trim_start();
    }
    marks >= 3 && matches!(rest, "" | ".")
}

fn is_time_stamp(line: &str) -> bool {
    fn digits(s: &str, min: usize, max: usize) -> Option<&str> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (min..=max).contains(&n).then(|| &s[n..])
    }
    let Some(mut rest) = digits(line, 1, 2) else {
        return false;
    };
    if let Some(minutes) = rest.strip_prefix(':') {
        match digits(minutes, 2, 2) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    let rest = rest.trim_start();
    ["a.m.", "p.m.", "am", "pm"].iter().any(|suffix| {
        rest.strip_prefix(suffix).is_some_and(|r| {
            let r = r.strip_prefix('.').unwrap_or(r);
            matches!(r, "" | ":")
        })
    })
}

fn terms(
    cache: &mut Cache,
    doc: &Document<'_>,
    paragraph: usize,
    sentence: u32,
    section: u32,
) -> Terms {
    let p = &doc.paragraphs[paragraph];
    let range = if sentence == WHOLE {
        p.body.clone()
    } else {
        p.sentences[sentence as usize].clone()
    };
    let Cache { lexicon, bags } = cache;
    let bag = bags.get_or_insert_with(&doc.prose, range.clone(), || {
        term_bag(lexicon, &doc.prose[range])
    });
    let list_entry = doc.text[p.range.clone()].starts_with(['-', '*', '•', '–', '—'])
        || doc.kind == crate::document::DocKind::Markdown
            && doc.text[..p.range.start]
                .trim_end_matches([' ', '\t'])
                .ends_with(['-', '*', '+']);
    Terms {
        paragraph: u32::try_from(paragraph).expect("fewer than 2^32 paragraphs"),
        sentence,
        section,
        total: total(&bag),
        bag,
        list_entry,
    }
}

fn term_bag(lexicon: &mut Lexicon, text: &str) -> TermBag {
    let mut entries: Vec<u32> = Vec::new();
    let words = words_in(text, 0..text.len());
    let mut add = |lexicon: &mut Lexicon, word: &str, capitalized: bool| {
        let Some((term, figure)) = lexicon.term_of(word) else {
            return;
        };
        // Names and figures are what a restatement keeps.
        let entry = match (figure, capitalized) {
            (true, _) => term | FIGURE | HEAVY,
            (false, true) => term | HEAVY,
            (false, false) => term,
        };
        entries.push(entry);
    };
    for (i, w) in words.iter().enumerate() {
        // A run of capitalised words is one name, known by its last word
        // (`President Barack Obama` → `obama`), so one person or place
        // counts once. A possessive ends the run: `Tucson's City Council`
        // names Tucson and its council.
        let capitalized = w.is_capitalized();
        let run_goes_on = capitalized
            && strip_possessive(w.text).len() == w.text.len()
            && words.get(i + 1).is_some_and(|n| {
                n.is_capitalized() && text[w.end()..n.start].chars().all(char::is_whitespace)
            });
        if run_goes_on {
            continue;
        }
        // A compound with a lowercase part says its parts (`two-month
        // high`, `Chinese-made`); a name (`Leclerc-Aubin`) or a score
        // (`5-2`) is one term.
        let compound = w.text.contains(['-', '‑'])
            && w.text
                .split(['-', '‑'])
                .any(|p| p.chars().next().is_some_and(char::is_lowercase));
        if compound && number_term(&fold(w.text)).is_none() {
            for part in w.text.split(['-', '‑']).filter(|p| !p.is_empty()) {
                let capitalized = part.chars().next().is_some_and(char::is_uppercase);
                add(lexicon, part, capitalized);
            }
        } else {
            add(lexicon, w.text, capitalized);
        }
    }
    // One entry per term, at its highest weight (heavy first).
    entries.sort_unstable_by_key(|&e| (e & ID, std::cmp::Reverse(e & HEAVY)));
    entries.dedup_by_key(|e| *e & ID);
    // Exactly sized: a bag lives as long as the run, and in the cache after.
    entries.into()
}

/// Whether the later text reports other figures than the earlier one: most
/// of its figures are not the earlier text's, which has figures of its own.
/// Parallel paragraphs (two quarters' results, a toll that changed between
/// updates) share their wording and differ in exactly these.
fn figures_differ(earlier: &[u32], later: &[u32]) -> bool {
    if figures(earlier).next().is_none() {
        return false;
    }
    // A term is a figure in every bag or in none.
    let (mut figures_later, mut missing) = (0, 0);
    for figure in figures(later) {
        figures_later += 1;
        if !contains(earlier, figure) {
            missing += 1;
        }
    }
    missing > figures_later - missing
}

/// What two texts share.
#[derive(Debug, Clone, Copy)]
struct Overlap {
    /// Weighted Dice coefficient of the two bags.
    sim: f64,
    /// Shared names, figures and other content words.
    names: usize,
    figures: usize,
    words: usize,
}

impl Overlap {
    /// Whether the pair shares enough of each kind of term to be one claim
    /// said twice, and not two claims in the same words.
    fn enough(&self) -> bool {
        if self.sim >= NEAR_COPY {
            // Lists of names alone (`France v Israel; …`) are not prose.
            return self.names + self.figures + self.words >= MIN_SHARED_TERMS_NEAR_COPY
                && self.words >= MIN_SHARED_WORDS_NEAR_COPY;
        }
        // Figures stand in for names only beside a longer run of shared
        // wording: a figure (`25 years`) recurs in comments and asides.
        let words = if self.names >= MIN_SHARED_NAMES {
            MIN_SHARED_WORDS
        } else {
            MIN_SHARED_WORDS_BESIDE_FIGURES
        };
        self.names + self.figures >= MIN_SHARED_NAMES && self.words >= words
    }
}

/// How much of the smaller paragraph the larger one contains, with the
/// shared names, figures and other words counted separately.
fn similarity(a: &Terms, b: &Terms) -> Overlap {
    let (small, large) = if a.total <= b.total { (a, b) } else { (b, a) };
    // Weights are whole numbers (1 and `NAME_WEIGHT`), so summing them as
    // integers gives the same coefficient as summing them as `f64`s.
    let mut shared = 0u32;
    let (mut names, mut figures, mut words) = (0, 0, 0);
    // Both bags are sorted by term: walk them side by side.
    let mut rest = &large.bag[..];
    for &e in small.bag.iter() {
        let term = e & ID;
        let skip = rest.partition_point(|&f| f & ID < term);
        rest = &rest[skip..];
        let Some(&f) = rest.first() else {
            break;
        };
        if f & ID == term {
            let heavy = e & f & HEAVY != 0;
            shared += if heavy { NAME_WEIGHT } else { 1 };
            if e & FIGURE != 0 {
                figures += 1;
            } else if heavy {
                names += 1;
            } else {
                words += 1;
            }
        }
    }
    Overlap {
        sim: 2.0 * f64::from(shared) / f64::from(small.total + large.total),
        names,
        figures,
        words,
    }
}

pub(crate) fn run(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let cache = &mut *cx.paragraph_cache();
    let doc = cx.doc;
    let threshold = cx.config.thresholds.restated_paragraph;
    let quoted: Vec<usize> = cx.quote_repeats().iter().map(|r| r.paragraph).collect();
    let mut section = 0;
    // Per paragraph: the whole paragraph, then its sentences when it has
    // several (compared only as the earlier side).
    let units = doc.paragraphs.iter().map(|p| 1 + p.sentences.len()).sum();
    let mut all: Vec<Terms> = Vec::with_capacity(units);
    let mut wholes: Vec<usize> = Vec::with_capacity(doc.paragraphs.len());
    for (i, p) in doc.body_paragraphs() {
        if is_section_break(doc.prose[p.body.clone()].trim()) {
            section += 1;
            continue;
        }
        wholes.push(all.len());
        all.push(terms(cache, doc, i, WHOLE, section));
        if p.sentences.len() > 1 {
            for s in 0..p.sentences.len() {
                let s = u32::try_from(s).expect("fewer than 2^32 sentences");
                all.push(terms(cache, doc, i, s, section));
            }
        }
    }
    let index = Postings::new(&all);
    // Shared-term counts per earlier unit, reset through `touched`.
    let mut counts = vec![0u32; all.len()];
    let mut touched: Vec<usize> = Vec::new();
    for &k in &wholes {
        let later = &all[k];
        if later.total >= MIN_WEIGHT && !quoted.contains(&later.paragraph()) {
            for &e in &touched {
                counts[e] = 0;
            }
            touched.clear();
            for &term in later.bag.iter() {
                for &e in index.before(term & ID, k) {
                    let e = e as usize;
                    if counts[e] == 0 {
                        touched.push(e);
                    }
                    counts[e] += 1;
                }
            }
            let best = touched
                .iter()
                .filter(|&&e| {
                    counts[e] as usize >= MIN_SHARED_TERMS_NEAR_COPY
                        && all[e].section == later.section
                })
                .map(|&e| (similarity(&all[e], later), e))
                .filter(|&(overlap, e)| {
                    let needed = if later.list_entry || all[e].list_entry {
                        1.0
                    } else {
                        threshold
                    };
                    overlap.sim >= needed
                        && overlap.enough()
                        && !figures_differ(&all[e].bag, &later.bag)
                })
                .max_by(|a, b| a.0.sim.total_cmp(&b.0.sim).then(b.1.cmp(&a.1)));
            if let Some((overlap, e)) = best {
                out.push(finding(
                    &mut cache.lexicon,
                    doc,
                    &all[e],
                    later,
                    overlap.sim,
                ));
            }
        }
    }
}

/// Term → the units compared (those of at least [`MIN_WEIGHT`]) that have
/// it, in unit order: one flat list, and where each term's part of it
/// starts, by term id. A term in more than [`MAX_POSTINGS`] units is never
/// looked up, so each keeps one past that at most; most of a long draft's
/// postings were its commonest words', and a map of lists cost a list
/// header and a slot per term besides.
struct Postings {
    starts: Vec<u32>,
    units: Vec<u32>,
}

impl Postings {
    fn new(all: &[Terms]) -> Postings {
        const KEPT: u32 = MAX_POSTINGS as u32 + 1;
        let compared = || {
            all.iter()
                .enumerate()
                .filter(|(_, unit)| unit.total >= MIN_WEIGHT)
        };
        let terms = compared()
            .flat_map(|(_, unit)| unit.bag.iter())
            .map(|&e| (e & ID) as usize + 1)
            .max()
            .unwrap_or(0);
        // Each term's count (at most `KEPT`) at `starts[term + 1]`, then
        // summed into where each term starts.
        let mut starts = vec![0u32; terms + 1];
        for (_, unit) in compared() {
            for &e in unit.bag.iter() {
                let n = &mut starts[(e & ID) as usize + 1];
                *n = (*n + 1).min(KEPT);
            }
        }
        for t in 1..starts.len() {
            starts[t] += starts[t - 1];
        }
        let mut filled = vec![0u32; terms];
        let mut units = vec![0u32; starts[terms] as usize];
        for (u, unit) in compared() {
            for &e in unit.bag.iter() {
                let t = (e & ID) as usize;
                let at = starts[t] + filled[t];
                if at < starts[t + 1] {
                    units[at as usize] = u32::try_from(u).expect("fewer than 2^32 units");
                    filled[t] += 1;
                }
            }
        }
        Postings { starts, units }
    }

    /// The units before unit `before` that have `term`; none when there
    /// are more than [`MAX_POSTINGS`] of them.
    fn before(&self, term: Term, before: usize) -> &[u32] {
        let t = term as usize;
        let Some(&end) = self.starts.get(t + 1) else {
            return &[];
        };
        let list = &self.units[self.starts[t] as usize..end as usize];
        let n = list.partition_point(|&u| (u as usize) < before);
        if n <= MAX_POSTINGS {
            &list[..n]
        } else {
            &[]
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
    let e = &doc.paragraphs[earlier.paragraph()];
    let l = &doc.paragraphs[later.paragraph()];
    let earlier_range = earlier.range(doc);
    let exact = doc.prose[earlier_range.clone()].trim() == doc.prose[l.body.clone()].trim();
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
            .is_some_and(|(t, _)| contains(&earlier.bag, t))
    };
    let later_words = words_in(doc.text, l.body.clone());
    // A name is given whole (`Harborline Foods`, not `Foods`): the run of
    // capitalised words it ends, less a capitalised function word that
    // opens the sentence (`The`).
    let mut names: Vec<&str> = Vec::new();
    let mut run_start: Option<usize> = None;
    for (i, w) in later_words.iter().enumerate() {
        if !w.is_capitalized() {
            run_start = None;
            continue;
        }
        let start = *run_start.get_or_insert(i);
        let run_goes_on = strip_possessive(w.text).len() == w.text.len()
            && later_words.get(i + 1).is_some_and(|n| {
                n.is_capitalized() && doc.text[w.end()..n.start].chars().all(char::is_whitespace)
            });
        if run_goes_on {
            continue;
        }
        run_start = None;
        if in_earlier(w) {
            let first = (start..i)
                .find(|&j| !is_stopword(&fold(later_words[j].text)))
                .unwrap_or(i);
            let text = &doc.text[later_words[first].start..w.end()];
            names.push(strip_possessive(text));
        }
    }
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
    if !earlier.whole() {
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
    .with_related(earlier_range, format!("{label} says it first"))
    .with_fix(Fix::new(
        format!("Delete paragraph {}", l.number),
        safety,
        vec![Edit {
            range: doc.paragraph_deletion(later.paragraph()),
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
    fn a_paraphrased_restatement_is_flagged() {
        // Synonyms (jumped/climbed, worries/fears), number forms (`two-month
        // high`, `highest in two months`) and clauses in another order.
        let text = "Zinc prices jumped to a two-month high on Monday as floods at Peruvian mines threatened supply and Korean smelters rushed to restock.\nTraders said volumes were thin.\nThe exchange cut its margin requirements.\nLondon zinc climbed to its highest in two months on Monday as worries grew that floods in Peru would cut supply, with smelters in Korea hurrying to restock.\n";
        let f = findings(C, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(text[f[0].range.clone()].starts_with("London zinc"));
        assert!(
            f[0].message.contains("restates the lede"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_restatement_without_names_is_found_by_its_figures_and_wording() {
        let text = "The inquiry found that one turbine blade had cracked at its base because of corrosion, and that checks of the pump in 2019 and 2021 had not found the flaw.\nThe operator declined to comment.\nAccording to the inquiry, corrosion at the base of one turbine blade caused it to crack, and checks carried out on the pump in 2019 and 2021 failed to find the flaw.\n";
        assert_eq!(findings(C, text).len(), 1);
    }

    #[test]
    fn parallel_paragraphs_with_other_figures_pass() {
        // Two years' results in the same words: different facts.
        assert_clean(
            C,
            "In the year to June 2022, net profit at Tamsin Mills was inflated by 4.1 billion rupees, or about 12% of what Tamsin reported, auditors at Halcrow said.\nIn the year to June 2023, net profit at Tamsin Mills was inflated by 6.3 billion rupees, or about 17% of what Tamsin reported, auditors at Halcrow said.\n",
        );
        // A toll that changed between updates.
        assert_clean(
            C,
            "At least 14 people were killed and 60 injured when the quake struck Valdoria province, the Valdorian civil defence agency said.\nHospitals asked for blood donors.\nAt least 31 people were killed and 112 injured when the quake struck Valdoria province, the Valdorian civil defence agency said.\n",
        );
    }

    #[test]
    fn a_shared_figure_and_a_few_words_are_not_a_restatement() {
        assert_clean(
            C,
            "Voters named the ballad the best song of the past 25 years, the organisers said.\nHonestly the best song of the last 25 years? Not for me.\n",
        );
    }

    #[test]
    fn a_possessive_ends_a_name_and_compounds_give_their_parts() {
        let mut lexicon = super::Lexicon::default();
        let bag = super::term_bag(&mut lexicon, "Tamsin's City Council set a two-month limit.");
        let mut has = |w: &str| {
            let (term, _) = lexicon.term_of(w).unwrap();
            super::contains(&bag, term)
        };
        assert!(has("Tamsin") && has("Council"));
        assert!(has("month") && has("two") && has("limit"));
        assert!(!has("City"), "a name is known by its last word");
        assert_eq!(super::figures(&bag).count(), 1);
    }

    #[test]
    fn the_message_names_whole_names() {
        let text = "Harborline Foods will close its Joliet plant in March, cutting 400 jobs, the company said on Monday.\nShares fell 3%.\nThe Harborline Foods plant in Joliet will close in March with the loss of 400 jobs, the company said on Monday.\n";
        let f = findings(C, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message
                .contains("(same Harborline Foods, Joliet, March, Monday)"),
            "{}",
            f[0].message
        );
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

    #[test]
    fn section_breaks() {
        use super::is_section_break;
        for line in [
            "***",
            "- - -",
            "___.",
            "=~-",
            "9:15 a.m.",
            "11pm",
            "11 pm:",
            "7:05 p.m.:",
            "9am.",
        ] {
            assert!(is_section_break(line), "{line}");
        }
        for line in [
            "**",
            "*** more",
            "- - - -x",
            "123pm",
            "9:5 am",
            "9:155 am",
            "9 a.m",
            "9 AM",
            "9 am today",
            "",
        ] {
            assert!(!is_section_break(line), "{line}");
        }
    }

    proptest::proptest! {
        /// The matcher agrees with the pattern it replaced, on lines made of
        /// the pieces section breaks are made of.
        #[test]
        fn section_break_matcher_agrees_with_the_pattern(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "*", "-", "_", "=", "~", ".", ":", " ", "\t", "1", "12", "7", "05", "a.m.",
                    "p.m.", "am", "pm", "a", "m", "AM", "x",
                ]),
                0..10,
            )
        ) {
            let line = pieces.concat();
            let line = line.trim();
            let pattern = regex::Regex::new(
                r"^(?:[_*=~-]\s*){3,}\.?$|^\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)\.?:?$",
            )
            .unwrap();
            proptest::prop_assert_eq!(super::is_section_break(line), pattern.is_match(line));
        }
    }
}
